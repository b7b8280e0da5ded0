//! Conditions decided at compile time. `isinstance(x, C)` and `x is None`
//! are known from `x`'s static type (None, or neither None nor optional),
//! and a comparison of string constants (what a key variable becomes in a
//! loop unrolled over a record's fields) from the constants, and
//! `a.ndim == k` from the array type of `a`. An `if` or
//! conditional expression on such a condition (or `not`/`and`/`or` of
//! them) has only one live branch: inference types only that one and
//! lowering emits only it, so in
//! `for k, v in rec.items(): if isinstance(v, int): total += v` the update
//! is typed only for the int fields, as CPython only runs it for them, and
//! `if label is not None: s = label + s` only where `label` may be a str.
//! Statements after one that never falls through (`if width is None:
//! return s` where `width` is None) are dead: neither typed nor emitted.

use super::ty::Ty;
use crate::hir::*;

/// Whether `isinstance(x, class)` holds for a value of static type `t`.
pub fn isinstance_matches(t: &Ty, class: &Expr) -> bool {
    match &class.kind {
        ExprKind::Tuple(items) => items.iter().any(|c| isinstance_matches(t, c)),
        ExprKind::Builtin(b) => matches!(
            (b, t),
            (Builtin::Int, Ty::Int | Ty::Bool)
                | (Builtin::Float, Ty::Float)
                | (Builtin::Str, Ty::Str)
                | (Builtin::Bool, Ty::Bool)
                | (Builtin::List, Ty::List(_))
                | (Builtin::Dict, Ty::Dict(..) | Ty::Record(_))
                | (Builtin::Set, Ty::Set(_))
                | (Builtin::Tuple, Ty::Tuple(_) | Ty::VarTuple(_))
        ),
        _ => false,
    }
}

/// The value of condition `c` when known at compile time; `ty_of` gives
/// an expression's static type (resolved).
pub fn static_truth(c: &Expr, ty_of: &dyn Fn(&Expr) -> Ty) -> Option<bool> {
    match &c.kind {
        ExprKind::Unary(UnOp::Not, x) => static_truth(x, ty_of).map(|b| !b),
        // One decided operand that settles the result is enough.
        ExprKind::BoolOp(is_and, vs) => {
            let known: Vec<Option<bool>> = vs.iter().map(|v| static_truth(v, ty_of)).collect();
            if known.contains(&Some(!is_and)) {
                Some(!is_and)
            } else if known.iter().all(|k| *k == Some(*is_and)) {
                Some(*is_and)
            } else {
                None
            }
        }
        ExprKind::Call { func, args, kwargs } if matches!(func.kind, ExprKind::Builtin(Builtin::Isinstance)) => {
            let [x, class] = args.as_slice() else { return None };
            let t = ty_of(x);
            let decided = !matches!(t, Ty::Unknown | Ty::Var(_) | Ty::Optional(_));
            (decided && kwargs.is_empty()).then(|| isinstance_matches(&t, class))
        }
        ExprKind::Compare(first, chain) if matches!(chain.as_slice(), [(CmpOp::Is | CmpOp::IsNot, _)]) => {
            let [(op, second)] = chain.as_slice() else { return None };
            let x = match (&first.kind, &second.kind) {
                (_, ExprKind::Const(Const::None)) => first,
                (ExprKind::Const(Const::None), _) => second,
                _ => return None,
            };
            let is_none = match ty_of(x) {
                Ty::None => true,
                Ty::Unknown | Ty::Var(_) | Ty::Optional(_) => return None,
                _ => false,
            };
            Some(is_none == (*op == CmpOp::Is))
        }
        // `a.ndim == k` of an array `a`.
        ExprKind::Compare(first, chain) if matches!(&first.kind, ExprKind::Attr(_, attr) if attr == "ndim") => {
            let (ExprKind::Attr(a, _), [(op @ (CmpOp::Eq | CmpOp::Ne), k)]) = (&first.kind, chain.as_slice()) else {
                return None;
            };
            let (Ty::Array(_, nd, _), ExprKind::Const(Const::Int(k))) = (ty_of(a), &k.kind) else { return None };
            Some((i64::from(nd) == *k) == (*op == CmpOp::Eq))
        }
        ExprKind::Compare(first, chain) => {
            let [(op, second)] = chain.as_slice() else { return None };
            let ExprKind::Const(Const::Str(a)) = &first.kind else { return None };
            let is = |e: &Expr| matches!(&e.kind, ExprKind::Const(Const::Str(b)) if b == a);
            let consts = |items: &[Expr]| items.iter().all(|e| matches!(e.kind, ExprKind::Const(Const::Str(_))));
            match (op, &second.kind) {
                (CmpOp::Eq, ExprKind::Const(Const::Str(_))) => Some(is(second)),
                (CmpOp::Ne, ExprKind::Const(Const::Str(_))) => Some(!is(second)),
                (CmpOp::In | CmpOp::NotIn, ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items))
                    if consts(items) =>
                {
                    Some(items.iter().any(is) == (*op == CmpOp::In))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// How many of `and`/`or`'s operands `vs` can run: up to the first one
/// known at compile time to end it (false for `and`, true for `or`); the
/// later ones are neither typed nor emitted.
pub fn live_operands(is_and: bool, vs: &[Expr], ty_of: &dyn Fn(&Expr) -> Ty) -> usize {
    vs.iter().position(|v| static_truth(v, ty_of) == Some(!is_and)).map_or(vs.len(), |i| i + 1)
}

/// Whether control never passes statement `s`: a return, raise, break or
/// continue, or an `if` whose live branches all end so (`if` of a
/// condition known at compile time counts only its taken branch).
pub fn ends(s: &Stmt, ty_of: &dyn Fn(&Expr) -> Ty) -> bool {
    let block_ends = |b: &[Stmt]| b.iter().any(|s| ends(s, ty_of));
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Raise(_) | StmtKind::Break | StmtKind::Continue => true,
        StmtKind::If(c, a, b) => match static_truth(c, ty_of) {
            Some(true) => block_ends(a),
            Some(false) => block_ends(b),
            None => block_ends(a) && block_ends(b),
        },
        _ => false,
    }
}
