//! `s.rank(...)` rewritten (`types/pandas_rank.rs` typed it): a Series of
//! the same labels whose values are the runtime's ranks of the values,
//! `pd.$rank(values, flags)`.

use super::{Part, Rewriter, Shape};
use crate::hir::build::BuildHir;
use crate::hir::*;
use crate::types::pandas_rank::rank_flags;

impl Rewriter<'_> {
    /// `s.rank(...)` (receiver `s`), once typed.
    pub(super) fn rank_call(&mut self, id: ExprId, s: Expr, args: &[Expr], kwargs: &[Kwarg], span: Span) -> Expr {
        let Some(Shape::Series(out_name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        // Inference reported what is wrong with the arguments.
        let Ok((flags, _)) = rank_flags(args, kwargs, span) else { return self.int(0, span) };
        let Some(Part { lab, values, .. }) = self.unbox(s) else { return self.int(0, span) };
        let flags = self.int(flags, span);
        let values = self.pd("$rank", vec![values, flags], span);
        self.boxed(Part { lab, values, name: out_name }, span)
    }
}
