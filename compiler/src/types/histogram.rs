//! `np.histogram(a, bins=10, range=None, density=None, weights=None)` of a 1D int or
//! float array: `bins` an int (equal-width bins over `range`, a tuple of two
//! numbers, or the data's range) or the edges themselves (a 1D array or a
//! list of numbers). The result is the REP tuple of the counts (int64, or
//! float64 densities when `density` is True, which must be a constant
//! since it decides the type; the sums of the weights of each bin, of the
//! weights' type, with `weights=`, a 1D array as long as `a`) and the edges
//! (float64, or the given edges' element type).

use super::builtins::unexpected_kwarg;
use super::infer::Infer;
use super::ty::{Dist, Ty};
use crate::hir::*;

/// NumPy's parameters of `np.histogram` after the array, in order.
const PARAMS: [&str; 4] = ["bins", "range", "density", "weights"];

/// The arguments of `np.histogram(...)`: the array, then `bins`, `range`,
/// `density` and `weights` by position or keyword (None when not given).
pub fn histogram_args<'e>(args: &'e [Expr], kwargs: &'e [Kwarg]) -> (Option<&'e Expr>, [Option<&'e Expr>; 4]) {
    let by_name = |i: usize| args.get(i + 1).or_else(|| kwargs.iter().find(|k| k.name == PARAMS[i]).map(|k| &k.value));
    (args.first(), [by_name(0), by_name(1), by_name(2), by_name(3)])
}

/// Whether `density` asks for densities: None when it is not a constant.
pub fn density_flag(density: Option<&Expr>) -> Option<bool> {
    match density.map(|d| &d.kind) {
        None | Some(ExprKind::Const(Const::None)) => Some(false),
        Some(ExprKind::Const(Const::Bool(b))) => Some(*b),
        _ => None,
    }
}

/// Whether a `range=` argument is absent or the literal None.
pub fn no_range(range: Option<&Expr>) -> bool {
    range.is_none_or(|r| matches!(r.kind, ExprKind::Const(Const::None)))
}

impl Infer<'_> {
    /// The type of `np.histogram(args, **kwargs)` (`e`), reporting bad arguments.
    pub(super) fn histogram_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        for kw in kwargs {
            if !PARAMS.contains(&kw.name.as_str()) {
                let d = unexpected_kwarg("np.histogram", kw, PARAMS.into_iter());
                self.error(d.label("not supported here"));
            }
        }
        let (x, [bins, range, density, weights]) = histogram_args(args, kwargs);
        let tys: Vec<Option<Ty>> = [x, bins, range, density, weights].iter().map(|a| a.map(|a| self.expr(a))).collect();
        if args.is_empty() || args.len() > 5 {
            let msg = "np.histogram() takes a 1D array, bins, range, density and weights";
            return self.arr_error(e.span, msg, "bad arguments");
        }
        let x_ok = matches!(tys[0].as_ref().map(|t| self.shallow(t)), Some(Ty::Array(el, 1, _)) if matches!(*el, Ty::Int | Ty::Float));
        if !x_ok {
            return self.arr_error(args[0].span, "np.histogram() takes a 1D int or float array", "bad arguments");
        }
        let edges = match (bins, tys[1].as_ref().map(|t| self.shallow(t))) {
            (None, _) | (_, Some(Ty::Int)) => Ty::Float,
            (Some(_), Some(t)) if t.has_unknown() => return Ty::Unknown,
            (Some(_), Some(Ty::Array(el, 1, _))) if matches!(*el, Ty::Int | Ty::Float) => *el,
            (Some(_), Some(Ty::List(el))) if matches!(self.shallow(&el), Ty::Int | Ty::Float) => self.shallow(&el),
            (Some(b), _) => {
                let msg = "np.histogram()'s bins must be an int or the edges (a 1D array or a list of numbers)";
                return self.arr_error(b.span, msg, "unsupported bins");
            }
        };
        if let (Some(r), Some(t)) = (range, &tys[2]) {
            let pair = matches!(self.shallow(t), Ty::Tuple(items) if items.len() == 2
                && items.iter().all(|i| matches!(self.shallow(i), Ty::Int | Ty::Float)));
            if !no_range(range) && !pair {
                return self.arr_error(r.span, "np.histogram()'s range must be a tuple of two numbers", "bad range");
            }
        }
        let Some(dens) = density_flag(density) else {
            let span = density.map_or(e.span, |d| d.span);
            return self.arr_error(span, "np.histogram()'s density must be a constant True or False", "not a constant");
        };
        let counts = match (weights, tys[4].as_ref().map(|t| self.shallow(t))) {
            _ if dens => Ty::Float,
            (None, _) => Ty::Int,
            (Some(_), Some(Ty::Array(el, 1, _))) if *el == Ty::Float => Ty::Float,
            (Some(_), Some(Ty::Array(el, 1, _))) if *el == Ty::Int => Ty::Int,
            (Some(w), _) => {
                let msg = "np.histogram()'s weights must be a 1D int or float array";
                return self.arr_error(w.span, msg, "bad weights");
            }
        };
        Ty::Tuple(vec![Ty::array(counts, 1, Dist::Rep), Ty::array(edges, 1, Dist::Rep)])
    }
}
