//! `np.convolve(a, v, mode="full")` of two 1D arrays (or a list of numbers
//! for either, a REP array): a 1D array of their common element type,
//! 1D_Block when either input is distributed (the runtime computes each
//! rank's block of outputs), REP otherwise. The mode must be a constant
//! string, since it picks the runtime's output range
//! (`bodo_abi::convolve_mode`).

use super::builtins::unexpected_kwarg;
use super::infer::Infer;
use super::ty::{article, Dist, Ty};
use crate::hir::*;
use bodo_abi::convolve_mode::{FULL, SAME, VALID};

/// The two sequences and the mode of `np.convolve(...)`, by position or
/// keyword (`mode=`).
pub fn convolve_args<'e>(
    args: &'e [Expr],
    kwargs: &'e [Kwarg],
) -> (Option<&'e Expr>, Option<&'e Expr>, Option<&'e Expr>) {
    let mode = args.get(2).or_else(|| kwargs.iter().find(|k| k.name == "mode").map(|k| &k.value));
    (args.first(), args.get(1), mode)
}

/// The `bodo_abi::convolve_mode` code of a constant `mode` (none given is
/// "full"), or None when it is not one of NumPy's three.
pub fn convolve_mode_code(mode: Option<&Expr>) -> Option<i64> {
    let Some(mode) = mode else { return Some(FULL) };
    match &mode.kind {
        ExprKind::Const(Const::Str(s)) => match s.as_str() {
            "full" => Some(FULL),
            "same" => Some(SAME),
            "valid" => Some(VALID),
            _ => None,
        },
        _ => None,
    }
}

impl Infer<'_> {
    /// The type of `np.convolve(args, **kwargs)` (`e`), reporting bad arguments.
    pub(super) fn convolve_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            self.expr(&kw.value);
            if kw.name != "mode" {
                self.error(unexpected_kwarg("np.convolve", kw, ["mode"].into_iter()).label("not supported here"));
            }
        }
        let (_, _, mode) = convolve_args(args, kwargs);
        if !(2..=3).contains(&args.len()) {
            return self.arr_error(e.span, "np.convolve() takes two 1D arrays and an optional mode", "bad arguments");
        }
        if convolve_mode_code(mode).is_none() {
            let span = mode.map_or(e.span, |m| m.span);
            let msg = "np.convolve()'s mode must be a constant string: \"full\", \"same\" or \"valid\"";
            return self.arr_error(span, msg, "unsupported mode");
        }
        let mut parts = Vec::new();
        for (a, t) in args.iter().zip(&tys).take(2) {
            match self.shallow(t) {
                t if t.has_unknown() => return Ty::Unknown,
                Ty::Array(el, 1, d) => parts.push((*el, d)),
                Ty::List(el) if self.shallow(&el).is_numeric() => parts.push((self.shallow(&el), Dist::Rep)),
                t => {
                    let t = self.resolve(&t);
                    let msg = format!("np.convolve() of {} is not supported", article(&t));
                    return self.arr_error(a.span, msg, "expects a 1D array or a list of numbers");
                }
            }
        }
        let [(ea, da), (eb, db)] = [parts[0].clone(), parts[1].clone()];
        // NumPy's common type: bool only of two bools, float if either is.
        let el = if ea == eb {
            ea
        } else if ea == Ty::Float || eb == Ty::Float {
            Ty::Float
        } else {
            Ty::Int
        };
        Ty::array(el, 1, if da.is_dist() || db.is_dist() { Dist::OneD } else { Dist::Rep })
    }
}
