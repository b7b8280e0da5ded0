//! The type of a `CompKind::Array` comprehension (`hir/frames.rs` makes
//! them): an array of the mapped values, laid out as the source array.

use super::infer::Infer;
use super::ty::{py_name, Dist, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Builtin, Expr, ExprKind};

impl Infer<'_> {
    /// `[elt for x in src]` as an array: `elt`'s type is `te`.
    pub(super) fn mapped_array(&mut self, src: &Expr, te: &Ty, span: Span) -> Ty {
        // Zipped columns (`df.apply(f, axis=1)`) are laid out as the first.
        let src = match &src.kind {
            ExprKind::Call { func, args, .. }
                if matches!(func.kind, ExprKind::Builtin(Builtin::Zip)) && !args.is_empty() =>
            {
                &args[0]
            }
            _ => src,
        };
        let src_t = self.exprs.get(src.id as usize).cloned().unwrap_or(Ty::Unknown);
        let dist = match self.top(&src_t) {
            Ty::Array(_, 1, d) => d,
            _ => Dist::Rep,
        };
        match self.shallow(te) {
            el @ (Ty::Int | Ty::Float | Ty::Bool | Ty::Str) => Ty::array(el, 1, dist),
            Ty::Unknown | Ty::Var(_) => Ty::Unknown,
            other => {
                let other = self.resolve(&other);
                self.error(
                    Diagnostic::error(span, format!("a Series of {} values is not supported", py_name(&other)))
                        .label("one value per row")
                        .help("the values of a Series may be ints, floats, bools or strings"),
                );
                Ty::Unknown
            }
        }
    }
}
