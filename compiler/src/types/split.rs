//! `np.split(a, sections)` and `np.array_split(a, sections)`: the pieces of
//! `a` along its rows, as a list of arrays of `a`'s element and dimensions
//! (REP, as arrays in a list are). `sections` is a number of pieces or a
//! list or 1D array of the row indices to cut at; only axis 0 is supported.

use super::infer::{const_int, Infer};
use super::ty::{Dist, Ty};
use crate::hir::*;

/// The array, sections and axis arguments of `np.split(...)`, by position or keyword.
pub fn split_args<'e>(args: &'e [Expr], kwargs: &'e [Kwarg]) -> (Option<&'e Expr>, Option<&'e Expr>, Option<&'e Expr>) {
    let kw = |name: &str| kwargs.iter().find(|k| k.name == name).map(|k| &k.value);
    let sections = args.get(1).or_else(|| kw("indices_or_sections"));
    (args.first().or_else(|| kw("ary")), sections, args.get(2).or_else(|| kw("axis")))
}

impl Infer<'_> {
    /// The type of `np.<name>(args, **kwargs)` (`e`), reporting bad arguments.
    pub(super) fn split_ty(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        for a in args {
            self.expr(a);
        }
        for kw in kwargs {
            self.expr(&kw.value);
        }
        let known = ["ary", "indices_or_sections", "axis"];
        if let Some(kw) = kwargs.iter().find(|k| !known.contains(&k.name.as_str())) {
            let msg = format!("np.{name}() got an unexpected keyword argument '{}'", kw.name);
            return self.arr_error(kw.span, msg, "not supported here");
        }
        let (Some(a), Some(sections), axis) = split_args(args, kwargs) else {
            return self.arr_error(e.span, format!("np.{name}() takes an array and sections"), "bad arguments");
        };
        if args.len() > 3 {
            return self.arr_error(
                e.span,
                format!("np.{name}() takes an array, sections and an axis"),
                "bad arguments",
            );
        }
        if axis.is_some_and(|x| !matches!(const_int(x), Some(0 | -2))) {
            let span = axis.map_or(e.span, |x| x.span);
            return self.arr_error(span, format!("np.{name}() is supported along axis 0 only"), "unsupported axis");
        }
        let (at, st) = (self.exprs[a.id as usize].clone(), self.exprs[sections.id as usize].clone());
        let (at, st) = (self.shallow(&at), self.shallow(&st));
        if at.has_unknown() || st.has_unknown() {
            return Ty::Unknown;
        }
        let Ty::Array(el, nd, _) = at else {
            return self.arr_error(a.span, format!("np.{name}() takes an array"), "not an array");
        };
        let indices = match &st {
            Ty::Array(m, 1, _) | Ty::List(m) => self.shallow(m) == Ty::Int,
            _ => false,
        };
        if !indices && !st.is_intlike() {
            let msg = format!("np.{name}()'s sections must be an int or a list of ints");
            return self.arr_error(sections.span, msg, "not a number of sections or indices");
        }
        Ty::List(Box::new(Ty::array(*el, nd, Dist::Rep)))
    }
}
