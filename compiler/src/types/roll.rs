//! `np.roll(a, shift, axis=None)`: an array of `a`'s type (element,
//! dimensions and distribution: the runtime keeps `a`'s row layout). The
//! axis must be a constant, since it picks the runtime's way of rolling
//! (`bodo_abi::roll_axis`); no axis on a 2D array rolls the flattened
//! elements, as NumPy does. Tuple shifts and axes are not supported.

use super::builtins::unexpected_kwarg;
use super::infer::{const_int, Infer};
use super::ty::Ty;
use crate::hir::*;
use bodo_abi::roll_axis::{COLS, FLAT, ROWS};

/// The array, shift and axis arguments of `np.roll(...)`, by position or
/// keyword (`shift=`, `axis=`).
pub fn roll_args<'e>(args: &'e [Expr], kwargs: &'e [Kwarg]) -> (Option<&'e Expr>, Option<&'e Expr>, Option<&'e Expr>) {
    let kw = |name: &str| kwargs.iter().find(|k| k.name == name).map(|k| &k.value);
    (args.first(), args.get(1).or_else(|| kw("shift")), args.get(2).or_else(|| kw("axis")))
}

/// The `bodo_abi::roll_axis` code of `axis` for an array of `ndim`
/// dimensions, or None when it is not a constant axis of such an array.
pub fn roll_axis_code(axis: Option<&Expr>, ndim: u8) -> Option<i64> {
    let whole = if ndim == 1 { ROWS } else { FLAT };
    let Some(axis) = axis else { return Some(whole) };
    if matches!(axis.kind, ExprKind::Const(Const::None)) {
        return Some(whole);
    }
    let k = const_int(axis)?;
    match (if k < 0 { k + i64::from(ndim) } else { k }, ndim) {
        (0, _) => Some(ROWS),
        (1, 2) => Some(COLS),
        _ => None,
    }
}

impl Infer<'_> {
    /// The type of `np.roll(args, **kwargs)` (`e`), reporting bad arguments.
    pub(super) fn roll_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            let t = self.expr(&kw.value);
            if kw.name == "shift" {
                self.expect(&Ty::Int, &t, kw.value.span, "np.roll()'s shift");
            } else if kw.name != "axis" {
                self.error(unexpected_kwarg("np.roll", kw, ["shift", "axis"].into_iter()).label("not supported here"));
            }
        }
        let (_, shift, axis) = roll_args(args, kwargs);
        if args.is_empty() || args.len() > 3 || shift.is_none() {
            return self.arr_error(e.span, "np.roll() takes an array, a shift and an optional axis", "bad arguments");
        }
        if let Some(t) = tys.get(1) {
            self.expect(&Ty::Int, t, args[1].span, "np.roll()'s shift");
        }
        let t = self.shallow(&tys[0]);
        let Ty::Array(_, ndim, _) = t else {
            return if t.has_unknown() {
                Ty::Unknown
            } else {
                self.arr_error(args[0].span, "np.roll() takes an array", "not an array")
            };
        };
        if roll_axis_code(axis, ndim).is_none() {
            let span = axis.map_or(e.span, |a| a.span);
            let msg = format!("np.roll()'s axis must be None or a constant axis of the {ndim}D array");
            return self.arr_error(span, msg, "unsupported axis");
        }
        t
    }
}
