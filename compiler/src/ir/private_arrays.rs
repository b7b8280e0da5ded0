//! Which array variables of a function own their array alone: every value
//! they are given is a new array (a fused loop's result) and every read of
//! them consumes the value (an operand, a reduction, an element, a size)
//! rather than passing the object on to another name, container or call.
//! No other name can then reach the array's buffer, so a loop updating it
//! in place may reorder its passes (`kernel_tiled.rs`) without any read
//! seeing the buffer at another step than the original order would.
//!
//! A `return` hands the array out only when the function ends, so its
//! value may mention the variable freely.

use std::collections::{HashMap, HashSet};

use super::kernel::is_elementwise;
use crate::hir::{visit, Block as HBlock, Builtin, Expr, ExprKind, LocalId, Module, StmtKind, Target};

/// NumPy functions besides the elementwise ones that make a new array or a
/// scalar from an array argument.
const CONSUMING_NP: &[&str] = &[
    "sum",
    "mean",
    "std",
    "var",
    "min",
    "max",
    "amin",
    "amax",
    "prod",
    "any",
    "all",
    "argmin",
    "argmax",
    "dot",
    "matmul",
    "where",
    "count_nonzero",
];

/// Array methods whose result is never the receiver itself.
const CONSUMING_METHODS: &[&str] = &[
    "sum", "mean", "std", "var", "min", "max", "prod", "any", "all", "argmin", "argmax", "astype", "copy", "tolist",
    "fill", "sort", "cumsum", "cumprod", "round", "tofile",
];

/// The array locals of `body` that only ever hold arrays of their own.
/// `is_fresh` tells whether an assigned value is a new array, `is_array`
/// whether an expression is array-valued.
pub fn private_arrays(
    body: &HBlock,
    params: &[LocalId],
    is_fresh: &dyn Fn(&Expr) -> bool,
    is_array: &dyn Fn(&Expr) -> bool,
) -> HashSet<LocalId> {
    let mut count: HashMap<LocalId, Uses> = HashMap::new();
    visit::statements(body, &mut |s| {
        match &s.kind {
            StmtKind::Assign(Target::Local(l, _), v) => {
                let c = count.entry(*l).or_default();
                c.defs += 1;
                c.fresh_defs += usize::from(is_fresh(v));
            }
            StmtKind::AugAssign(Target::Local(l, _), ..) => {
                let c = count.entry(*l).or_default();
                c.defs += 1;
                c.fresh_defs += 1;
            }
            StmtKind::Assign(t, _) | StmtKind::For(t, ..) => defined_otherwise(t, &mut count),
            StmtKind::Try { handlers, .. } => {
                handlers.iter().filter_map(|h| h.name).for_each(|l| count.entry(l).or_default().defs += 1);
            }
            _ => {}
        }
        if matches!(s.kind, StmtKind::Return(_)) {
            return;
        }
        if let StmtKind::Assign(Target::Index(obj, ..), _) | StmtKind::AugAssign(Target::Index(obj, ..), ..) = &s.kind {
            consume(obj, &mut count);
        }
        // Only this statement's own expressions: nested blocks are visited as statements.
        own_exprs(s, &mut |e| {
            visit::expr(e, &mut |x| {
                match &x.kind {
                    ExprKind::Local(l) => count.entry(*l).or_default().reads += 1,
                    ExprKind::Comp { gens, .. } => gens.iter().for_each(|g| defined_otherwise(&g.target, &mut count)),
                    _ => {}
                }
                for part in consumed_parts(x, is_array) {
                    consume(part, &mut count);
                }
            })
        });
    });
    count
        .into_iter()
        .filter(|(l, u)| u.reads == u.consumed && u.defs == u.fresh_defs && !params.contains(l))
        .map(|(l, _)| l)
        .collect()
}

/// How a local is used.
#[derive(Default)]
struct Uses {
    reads: usize,
    /// Reads whose value the reader consumes.
    consumed: usize,
    defs: usize,
    /// Definitions giving it a new array (or updating its own in place).
    fresh_defs: usize,
}

fn consume(x: &Expr, count: &mut HashMap<LocalId, Uses>) {
    if let ExprKind::Local(l) = x.kind {
        count.entry(l).or_default().consumed += 1;
    }
}

/// Locals defined by unpacking, a loop or a comprehension: never fresh.
fn defined_otherwise(t: &Target, count: &mut HashMap<LocalId, Uses>) {
    match t {
        Target::Local(l, _) => count.entry(*l).or_default().defs += 1,
        Target::Tuple(ts, _) => ts.iter().for_each(|t| defined_otherwise(t, count)),
        Target::Index(..) => {}
    }
}

/// The expressions of statement `s` itself, without those of nested blocks.
fn own_exprs<'a>(s: &'a crate::hir::Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => f(e),
        StmtKind::Assign(t, v) | StmtKind::AugAssign(t, _, v) => {
            f(v);
            visit::target(t, f);
        }
        StmtKind::If(c, ..) | StmtKind::While(c, ..) => f(c),
        StmtKind::For(t, it, ..) => {
            f(it);
            visit::target(t, f);
        }
        StmtKind::Assert(c, m) => {
            f(c);
            if let Some(m) = m {
                f(m);
            }
        }
        _ => {}
    }
}

/// The direct parts of `x` whose value `x` consumes: an array there is
/// read, never handed on as the same object.
fn consumed_parts<'e>(x: &'e Expr, is_array: &dyn Fn(&Expr) -> bool) -> Vec<&'e Expr> {
    match &x.kind {
        ExprKind::Bin(_, a, b) => vec![a, b],
        ExprKind::Unary(_, a) => vec![a],
        ExprKind::Compare(a, chain) => std::iter::once(&**a).chain(chain.iter().map(|(_, b)| b)).collect(),
        ExprKind::Call { func, args, .. } => match &func.kind {
            ExprKind::ModAttr(Module::Numpy, n) if is_elementwise(n) || CONSUMING_NP.contains(&n.as_str()) => {
                args.iter().collect()
            }
            ExprKind::Builtin(
                Builtin::Len
                | Builtin::Print
                | Builtin::Abs
                | Builtin::Sum
                | Builtin::Min
                | Builtin::Max
                | Builtin::Round
                | Builtin::Any
                | Builtin::All,
            ) => args.iter().collect(),
            _ => Vec::new(),
        },
        ExprKind::MethodCall { recv, name, .. } if CONSUMING_METHODS.contains(&name.as_str()) => vec![recv],
        ExprKind::Attr(a, name) if matches!(name.as_str(), "shape" | "size" | "ndim" | "dtype") => vec![a],
        // An element (not a part) of the array, or an array of its elements
        // picked by another array (`t[idx]`).
        ExprKind::Index(a, i) if !is_array(x) => vec![a, i],
        ExprKind::Index(_, i) => vec![i],
        _ => Vec::new(),
    }
}
