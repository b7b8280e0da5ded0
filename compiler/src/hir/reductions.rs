//! The reduction variables of a `prange` body: locals updated as
//! `s += x` / `s -= x` / `s = s + x` / `s = x + s` / `s = s - x` (sum),
//! `p *= x` / `p /= x` / `p = p * x` / `p = p / x` (product),
//! `b |= x` / `b &= x`, `m = min(m, x)` / `m = max(m, x)` and
//! `lst.append(x)` / `lst += [x]` / `lst = lst + [x]` (concatenation), as
//! Numba recognizes them, and `df = pd.concat([df, x], ...)` (Bodo's
//! concatenation reduction of frames). A local the body also assigns any other way
//! (`row = 0` before an inner loop's `row += ...`) is private to each
//! iteration, not a reduction.
//! Lowering combines each across ranks after the loop (`ir/prange.rs`);
//! inference rejects a variable reduced with two different operators.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Red {
    Sum,
    Prod,
    Min,
    Max,
    Or,
    And,
    Concat,
}

impl Red {
    /// How the source writes it, for diagnostics.
    pub fn text(self) -> &'static str {
        match self {
            Red::Sum => "+=",
            Red::Prod => "*=",
            Red::Min => "min()",
            Red::Max => "max()",
            Red::Or => "|=",
            Red::And => "&=",
            Red::Concat => ".append()",
        }
    }
}

/// Every reduction update in `body`, in source order: the variable, its
/// operator and the statement's span. `is_list` tells whether an
/// expression is a list (the caller knows the types): `lst += [x]` is a
/// concatenation, not a sum.
pub fn reductions(body: &[Stmt], is_list: &dyn Fn(&Expr) -> bool) -> Vec<(LocalId, Red)> {
    reduction_updates(body, is_list).into_iter().map(|(l, r, _)| (l, r)).collect()
}

/// [`reductions`] with the span of each update statement, for diagnostics.
pub fn reduction_updates(body: &[Stmt], is_list: &dyn Fn(&Expr) -> bool) -> Vec<(LocalId, Red, Span)> {
    let mut out = Vec::new();
    let mut private = Vec::new();
    visit::statements(body, &mut |s| match &s.kind {
        StmtKind::AugAssign(Target::Local(l, _), op, v) => match operator(*op, is_list(v)) {
            Some(r) => out.push((*l, r, s.span)),
            None => private.push(*l),
        },
        StmtKind::Assign(Target::Local(l, _), v) => match update_of(*l, v, is_list) {
            Some(r) => out.push((*l, r, s.span)),
            None => private.push(*l),
        },
        StmtKind::Assign(t, _) | StmtKind::For(t, ..) => assigned(t, &mut private),
        StmtKind::Expr(e) => {
            if let ExprKind::MethodCall { recv, name, .. } = &e.kind {
                if let (ExprKind::Local(l), "append") = (&recv.kind, name.as_str()) {
                    out.push((*l, Red::Concat, s.span));
                }
            }
        }
        _ => {}
    });
    out.retain(|(l, ..)| !private.contains(l));
    out
}

/// The reduction `l op= x` performs, if `op` makes one.
fn operator(op: BinOp, list: bool) -> Option<Red> {
    Some(match op {
        BinOp::Add if list => Red::Concat,
        BinOp::Add | BinOp::Sub => Red::Sum,
        BinOp::Mul | BinOp::Div => Red::Prod,
        BinOp::BitOr => Red::Or,
        BinOp::BitAnd => Red::And,
        _ => return None,
    })
}

/// The reduction `l = v` performs: `min`/`max` with `l` among the
/// arguments, `l op x` (also chained, `l + x - y`), or `x op l` for the
/// commutative operators (not list concatenation, whose order matters).
fn update_of(l: LocalId, v: &Expr, is_list: &dyn Fn(&Expr) -> bool) -> Option<Red> {
    let is_l = |e: &Expr| matches!(e.kind, ExprKind::Local(m) if m == l);
    match &v.kind {
        // `df = pd.concat([df, x], ...)`, and as `hir/frames/merge.rs` rewrites it.
        ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::ModAttr(Module::Pandas, n) if n == "concat") => {
            match args.first().map(|a| &a.kind) {
                Some(ExprKind::List(items)) if items.len() == 2 && is_l(&items[0]) => Some(Red::Concat),
                _ => None,
            }
        }
        ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::ModAttr(Module::Pandas, n) if n == "$concat") => {
            (args.len() == 3 && is_l(&args[1])).then_some(Red::Concat)
        }
        ExprKind::Call { func, args, .. } if args.iter().any(is_l) => match func.kind {
            ExprKind::Builtin(Builtin::Min) => Some(Red::Min),
            ExprKind::Builtin(Builtin::Max) => Some(Red::Max),
            _ => None,
        },
        ExprKind::Bin(op, a, b) if !is_l(b) => {
            let r = operator(*op, is_list(b))?;
            let inner = if is_l(a) { Some(r) } else { update_of(l, a, is_list) };
            inner.filter(|&i| i == r)
        }
        ExprKind::Bin(op @ (BinOp::Add | BinOp::Mul | BinOp::BitOr | BinOp::BitAnd), a, b)
            if !is_list(a) && !is_l(a) =>
        {
            Some(operator(*op, false)?).filter(|_| is_l(b))
        }
        _ => None,
    }
}

/// The locals `body` assigns that are not reductions (private to each
/// iteration), each with the span of its first assignment.
pub fn private_locals(body: &[Stmt], is_list: &dyn Fn(&Expr) -> bool) -> Vec<(LocalId, Span)> {
    let reds = reductions(body, is_list);
    let mut out: Vec<(LocalId, Span)> = Vec::new();
    visit::statements(body, &mut |s| {
        if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) = &s.kind {
            let mut bound = Vec::new();
            assigned(t, &mut bound);
            for l in bound {
                if !reds.iter().any(|(r, _)| *r == l) && !out.iter().any(|(p, _)| *p == l) {
                    out.push((l, s.span));
                }
            }
        }
    });
    out
}

/// Every local a target binds.
pub fn assigned(t: &Target, out: &mut Vec<LocalId>) {
    match t {
        Target::Local(l, _) => out.push(*l),
        Target::Tuple(items, _) => items.iter().for_each(|t| assigned(t, out)),
        Target::Index(..) => {}
    }
}

/// Whether index `i` is the prange variable `var` itself (`A[i]`, or the
/// row of `A[i, j]`): the rows the loop's rank holds.
pub fn is_row_index(i: &Expr, var: Option<LocalId>) -> bool {
    match &i.kind {
        ExprKind::Local(l) => Some(*l) == var,
        ExprKind::Tuple(items) => matches!(items.first().map(|x| &x.kind), Some(ExprKind::Local(l)) if Some(*l) == var),
        _ => false,
    }
}

/// Arrays a parallel loop over `var` only accumulates into, at rows of its
/// choosing (`counts[k] += 1`, `sums[c] += X[i]`): every use of the local
/// in `body` is the target of such an update, `+=`/`-=` (a sum) or
/// `*=`/`/=` (a product), and at least one is at another row than `var`'s.
/// Each is reduced like an array reduction variable: every rank updates a
/// copy of its own holding the identity, and the copies are combined after
/// the loop. Returns the local, its operator and an update's span.
pub fn indexed_accumulations(body: &[Stmt], var: Option<LocalId>) -> Vec<(LocalId, Red, Span)> {
    // Per local: operator, span, uses the updates account for, whether one is at another row.
    let mut found: Vec<(LocalId, Red, Span, usize, bool)> = Vec::new();
    visit::statements(body, &mut |s| {
        // `x[j] op= v` (one use of `x`), or `x[j] = x[j] op v` as written or
        // as a row's augmented assignment is rewritten (two).
        let (a, i, op, n) = match &s.kind {
            StmtKind::AugAssign(Target::Index(a, i, _), op, _) => (a, i, *op, 1),
            StmtKind::Assign(Target::Index(a, i, _), v) => match &v.kind {
                ExprKind::Bin(op, read, _) if matches!(&read.kind, ExprKind::Index(b, j) if same_place(a, b) && same_place(i, j)) => {
                    (a, i, *op, 2)
                }
                _ => return,
            },
            _ => return,
        };
        if let (ExprKind::Local(l), Some(r @ (Red::Sum | Red::Prod))) = (&a.kind, operator(op, false)) {
            let other_row = !is_row_index(i, var);
            match found.iter_mut().find(|f| f.0 == *l) {
                Some(f) => {
                    f.3 += n;
                    f.4 |= other_row;
                    if f.1 != r {
                        f.3 = usize::MAX;
                    }
                }
                None => found.push((*l, r, s.span, n, other_row)),
            }
        }
    });
    // Reads, index targets and (as a stand-in for rebinding) assignments of
    // the local; its size (`len(x)`, `x.shape`) is the same in every copy.
    let mut sized: Vec<*const Expr> = Vec::new();
    visit::block_exprs(body, &mut |e| match &e.kind {
        ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Len)) => {
            sized.extend(args.iter().map(|a| a as *const Expr))
        }
        ExprKind::Attr(a, name) if matches!(name.as_str(), "shape" | "size" | "ndim") => sized.push(&**a),
        _ => {}
    });
    let mut uses: Vec<LocalId> = Vec::new();
    visit::block_exprs(body, &mut |e| match e.kind {
        ExprKind::Local(l) if !sized.contains(&(e as *const Expr)) => uses.push(l),
        _ => {}
    });
    visit::statements(body, &mut |s| {
        if let StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) = &s.kind {
            assigned(t, &mut uses);
        }
    });
    found
        .into_iter()
        .filter(|&(l, _, _, n, other_row)| other_row && uses.iter().filter(|&&u| u == l).count() == n)
        .map(|(l, r, span, ..)| (l, r, span))
        .collect()
}

/// Whether two array or index expressions name the same place: the same
/// locals and constants, in the same tuples, slices and operators.
fn same_place(a: &Expr, b: &Expr) -> bool {
    let same_opt = |x: &Option<Box<Expr>>, y: &Option<Box<Expr>>| match (x, y) {
        (Some(x), Some(y)) => same_place(x, y),
        (None, None) => true,
        _ => false,
    };
    match (&a.kind, &b.kind) {
        (ExprKind::Local(x), ExprKind::Local(y)) => x == y,
        (ExprKind::Const(x), ExprKind::Const(y)) => x == y,
        (ExprKind::Tuple(xs), ExprKind::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_place(x, y))
        }
        (ExprKind::SliceBounds(a1, b1, c1), ExprKind::SliceBounds(a2, b2, c2)) => {
            same_opt(a1, a2) && same_opt(b1, b2) && same_opt(c1, c2)
        }
        (ExprKind::Bin(o1, x1, y1), ExprKind::Bin(o2, x2, y2)) => o1 == o2 && same_place(x1, x2) && same_place(y1, y2),
        (ExprKind::Index(x1, y1), ExprKind::Index(x2, y2)) => same_place(x1, x2) && same_place(y1, y2),
        _ => false,
    }
}

/// The parameters of `f` that a prange loop of its body accumulates into
/// (`indexed_accumulations`): the function takes them replicated, so a
/// caller passing a distributed array gathers it for the call and copies
/// the updates back.
pub fn accumulated_params(f: &Func) -> Vec<LocalId> {
    let mut out = Vec::new();
    visit::statements(&f.body, &mut |s| {
        if let StmtKind::For(Target::Local(var, _), it, body, _) = &s.kind {
            if it.is_prange_call() {
                let position = (!it.is_stepped_prange()).then_some(*var);
                out.extend(
                    indexed_accumulations(body, position)
                        .into_iter()
                        .map(|(l, ..)| l)
                        .filter(|l| f.params.iter().any(|p| p.local == *l)),
                );
            }
        }
    });
    out
}
