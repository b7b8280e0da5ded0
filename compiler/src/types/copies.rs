//! NumPy functions that copy an array's elements into a new shape:
//! `np.triu(m, k=0)` / `np.tril(m, k=0)` of a 2D array (its type: the
//! runtime keeps the rows' layout), and of a 1D array `np.repeat(a, k)`
//! (each rank repeats its own elements: 1D_Block_Var when distributed),
//! `np.tile(a, k)`, `np.pad(a, w, constant_values=c)` (`w` an int or a
//! `(before, after)` pair, mode "constant") and `np.gradient(f, dx=1.0)`
//! (float64), which are REP. Their arguments are shared with IR lowering.

use super::builtins::unexpected_kwarg;
use super::infer::Infer;
use super::ty::{Dist, Ty};
use crate::hir::*;

/// The parameters after the array, by position then by keyword.
fn params(name: &str) -> &'static [&'static str] {
    match name {
        "triu" | "tril" => &["k"],
        "repeat" => &["repeats"],
        "tile" => &["reps"],
        "pad" => &["pad_width", "mode", "constant_values"],
        _ => &["dx"],
    }
}

/// The arguments of `np.name(...)` after the array, in [`params`] order
/// (None when not given).
pub fn copies_args<'e>(name: &str, args: &'e [Expr], kwargs: &'e [Kwarg]) -> Vec<Option<&'e Expr>> {
    let ps = params(name);
    (0..ps.len()).map(|i| args.get(i + 1).or_else(|| kwarg(kwargs, ps[i]))).collect()
}

impl Infer<'_> {
    /// The type of `np.name(args, **kwargs)` (`e`) for the functions above.
    pub(super) fn copies_ty(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let callee = format!("np.{name}");
        let ps = params(name);
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            self.expr(&kw.value);
            // `np.gradient`'s spacing is positional only.
            if !ps.contains(&kw.name.as_str()) || name == "gradient" {
                let d = unexpected_kwarg(&callee, kw, ps.iter().copied());
                self.error(d.label("not supported here"));
            }
        }
        let bound = copies_args(name, args, kwargs);
        let required = usize::from(!matches!(name, "triu" | "tril" | "gradient"));
        if args.is_empty() || args.len() > 1 + ps.len() || bound.iter().take(required).any(Option::is_none) {
            return self.arr_error(e.span, format!("{callee}() takes an array and {}", ps.join(", ")), "bad arguments");
        }
        for (p, a) in ps.iter().zip(&bound) {
            let Some(a) = a else { continue };
            let t = self.exprs[a.id as usize].clone();
            match *p {
                "mode" if !matches!(&a.kind, ExprKind::Const(Const::Str(m)) if m == "constant") => {
                    return self.arr_error(a.span, "np.pad() supports mode=\"constant\" only", "unsupported mode");
                }
                "mode" => {}
                "pad_width" => {
                    let ok = match self.shallow(&t) {
                        Ty::Int => true,
                        Ty::Tuple(items) => items.len() == 2 && items.iter().all(|i| self.shallow(i) == Ty::Int),
                        _ => false,
                    };
                    if !ok {
                        let msg = "np.pad()'s pad_width must be an int or a (before, after) pair of ints";
                        return self.arr_error(a.span, msg, "unsupported pad_width");
                    }
                }
                "constant_values" | "dx" => self.expect(&Ty::Float, &t, a.span, &format!("{callee}()'s {p}")),
                _ => self.expect(&Ty::Int, &t, a.span, &format!("{callee}()'s {p}")),
            }
        }
        let t = self.shallow(&tys[0]);
        match (name, t) {
            (_, t) if t.has_unknown() => Ty::Unknown,
            ("triu" | "tril", Ty::Array(el, 2, d)) => Ty::array(*el, 2, d),
            ("repeat", Ty::Array(el, 1, d)) => Ty::array(*el, 1, if d.is_dist() { Dist::OneDVar } else { Dist::Rep }),
            ("tile" | "pad", Ty::Array(el, 1, _)) => Ty::array(*el, 1, Dist::Rep),
            ("gradient", Ty::Array(el, 1, _)) if *el != Ty::Bool => Ty::array(Ty::Float, 1, Dist::Rep),
            _ => {
                let what = if matches!(name, "triu" | "tril") { "a 2D array" } else { "a 1D array of numbers" };
                self.arr_error(args[0].span, format!("{callee}() takes {what}"), "unsupported array")
            }
        }
    }
}
