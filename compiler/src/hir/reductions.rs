//! The reduction variables of a `prange` body: locals updated as
//! `s += x` / `s -= x` / `s = s + x` / `s = x + s` / `s = s - x` (sum),
//! `p *= x` / `p /= x` / `p = p * x` / `p = p / x` (product),
//! `b |= x` / `b &= x`, `m = min(m, x)` / `m = max(m, x)` and
//! `lst.append(x)` / `lst += [x]` / `lst = lst + [x]` (concatenation), as
//! Numba recognizes them. A local the body also assigns any other way
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
