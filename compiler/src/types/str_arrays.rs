//! Arrays of strings: the values of pandas' str columns (`Ty::Array(Str)`,
//! the runtime's `dtype::STR`). Only what string columns need is supported
//! on them so far: being built from a list, kept in a frame, compared with
//! a string or another such array (`df.kind == "cash"`), selected by a
//! mask or a slice (`df[mask]`, `head`), read one element at an int
//! position, moved between ranks, measured
//! (`len`) and printed inside a frame. Every other use is reported here,
//! after inference, so that no later stage meets one: the NumPy lowering
//! knows numbers only.

use super::infer::{Infer, InstId};
use super::ty::Ty;
use crate::diagnostics::Diagnostic;
use crate::hir::{visit, Builtin, CmpOp, CompKind, Expr, ExprKind, Module, StmtKind};
use std::collections::HashSet;

impl Infer<'_> {
    /// Reports each use of an array of strings in the reachable instances
    /// that is not one of the supported ones.
    pub(super) fn check_str_arrays(&mut self, reachable: &[InstId]) {
        for &id in reachable {
            let inst = &self.insts[id as usize];
            let body = &self.prog.funcs[inst.func as usize].body;
            let is_strs =
                |e: &Expr| matches!(inst.exprs.get(e.id as usize), Some(Ty::Array(el, ..)) if **el == Ty::Str);
            let mut ok: HashSet<u32> = HashSet::new();
            // Values stored, returned or evaluated whole.
            visit::statements(body, &mut |s| match &s.kind {
                StmtKind::Assign(_, v) | StmtKind::Expr(v) | StmtKind::Return(Some(v)) => {
                    ok.insert(v.id);
                }
                _ => {}
            });
            visit::block_exprs(body, &mut |e| {
                for c in supported_parts(e, &is_strs) {
                    ok.insert(c);
                }
            });
            let mut bad: Vec<&Expr> = Vec::new();
            visit::block_exprs(body, &mut |e| {
                if is_strs(e) && !ok.contains(&e.id) {
                    bad.push(e);
                }
            });
            let spans: Vec<_> = bad.iter().map(|e| e.span).collect();
            for span in spans {
                self.error(
                    Diagnostic::error(span, "this use of a column of strings is not supported yet")
                        .label("the values of a str column")
                        .help("str columns can be compared with a string, filtered, selected, printed and measured so far"),
                );
            }
        }
    }
}

/// The ids of `e`'s parts that may be arrays of strings where `e` uses them.
fn supported_parts(e: &Expr, is_strs: &dyn Fn(&Expr) -> bool) -> Vec<u32> {
    match &e.kind {
        ExprKind::Compare(a, chain) if chain.len() == 1 && !matches!(chain[0].0, CmpOp::In | CmpOp::NotIn) => {
            let b = &chain[0].1;
            [&**a, b].into_iter().filter(|x| is_strs(x)).map(|x| x.id).collect()
        }
        // A selection by a mask, a slice or positions.
        ExprKind::Index(v, _) | ExprKind::Slice(v, ..) if is_strs(e) => vec![v.id],
        // One element, by an int position (`s.idxmax()` of str labels).
        ExprKind::Index(v, i)
            if !is_strs(i)
                && matches!(
                    i.kind,
                    ExprKind::Local(_)
                        | ExprKind::Const(_)
                        | ExprKind::Call { .. }
                        | ExprKind::Index(..)
                        | ExprKind::Bin(..)
                ) =>
        {
            vec![v.id]
        }
        ExprKind::Call { func, args, .. } => match &func.kind {
            ExprKind::ModAttr(Module::Numpy, n) if n != "array" => Vec::new(),
            ExprKind::ModAttr(Module::Pandas | Module::Numpy, _)
            | ExprKind::Builtin(Builtin::Len | Builtin::List | Builtin::Sorted | Builtin::Set)
            | ExprKind::Func(_) => args.iter().map(|a| a.id).collect(),
            _ => Vec::new(),
        },
        ExprKind::Attr(v, name) if matches!(name.as_str(), "shape" | "size" | "ndim") => vec![v.id],
        ExprKind::Tuple(items) => items.iter().map(|a| a.id).collect(),
        // A map over the values (`s.str.upper()`), or over zipped columns (`df.apply(f, axis=1)`).
        ExprKind::Comp { kind: CompKind::Array, gens, .. } => match &gens[0].iter.kind {
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Zip)) => {
                args.iter().map(|a| a.id).collect()
            }
            _ => vec![gens[0].iter.id],
        },
        _ => Vec::new(),
    }
}
