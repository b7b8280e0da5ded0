//! The reduction variables of a `prange` body: locals updated as
//! `s += x` / `s -= x` (sum), `p *= x` (product), `b |= x` / `b &= x`,
//! `m = min(m, x)` / `m = max(m, x)` and `lst.append(x)` / `lst += [x]`
//! (concatenation).
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
pub fn reductions(body: &[Stmt], is_list: &dyn Fn(&Expr) -> bool) -> Vec<(LocalId, Red, Span)> {
    let mut out = Vec::new();
    visit::statements(body, &mut |s| match &s.kind {
        StmtKind::AugAssign(Target::Local(l, _), op, v) => {
            let r = match op {
                BinOp::Add if is_list(v) => Red::Concat,
                BinOp::Add | BinOp::Sub => Red::Sum,
                BinOp::Mul => Red::Prod,
                BinOp::BitOr => Red::Or,
                BinOp::BitAnd => Red::And,
                _ => return,
            };
            out.push((*l, r, s.span));
        }
        StmtKind::Assign(Target::Local(l, _), v) => {
            if let ExprKind::Call { func, args, .. } = &v.kind {
                let is_self = args.iter().any(|a| matches!(a.kind, ExprKind::Local(m) if m == *l));
                match func.kind {
                    ExprKind::Builtin(Builtin::Min) if is_self => out.push((*l, Red::Min, s.span)),
                    ExprKind::Builtin(Builtin::Max) if is_self => out.push((*l, Red::Max, s.span)),
                    _ => {}
                }
            }
        }
        StmtKind::Expr(e) => {
            if let ExprKind::MethodCall { recv, name, .. } = &e.kind {
                if let (ExprKind::Local(l), "append") = (&recv.kind, name.as_str()) {
                    out.push((*l, Red::Concat, s.span));
                }
            }
        }
        _ => {}
    });
    out
}
