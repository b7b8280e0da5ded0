//! `f(*t)` and `f(**rec)` for user functions: the arguments a call spreads
//! become one positional argument per item of the tuple `t` and one
//! keyword argument per field of the record `rec`, known from their types,
//! before the arguments are bound to parameters. A dict `d` of str keys
//! (`f(**d)`, keys known only at run time) gives every parameter left
//! unbound, and a list `xs` as the last positional argument (`f(a, *xs)`,
//! length known only at run time) every parameter after the positional
//! ones, their item type (optional where the default is None): the call
//! first checks the keys or the length as CPython binds them
//! (`bodo_kwargs_check`, `bodo_star_args_check`).

use super::infer::{ArgSrc, Infer};
use super::ty::{article, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::*;

/// A call's arguments with its spreads expanded: the positional ones in
/// order, and the keyword ones as (name, where, source).
pub struct Spread {
    pub pos: Vec<ArgSrc>,
    pub kws: Vec<(String, Span, ArgSrc)>,
    /// The keyword argument `**d` of a dict, if any.
    pub dict: Option<usize>,
    /// The last positional argument `*xs` of a list (or run-time-length tuple), if any.
    pub list: Option<usize>,
}

impl Infer<'_> {
    /// The arguments of a call of `func`, `None` when a spread value's type
    /// is not known yet or cannot be spread (reported).
    pub(super) fn spread(
        &mut self,
        func: &Func,
        args: &[Expr],
        arg_tys: &[Ty],
        kwargs: &[Kwarg],
        kw_tys: &[Ty],
    ) -> Option<Spread> {
        let star = func.params.iter().any(|p| p.star);
        let mut pos = Vec::new();
        let mut list = None;
        for (i, a) in args.iter().enumerate() {
            if a.spread_value().is_none() {
                pos.push(ArgSrc::Positional(i));
                continue;
            }
            match self.shallow(&arg_tys[i]) {
                Ty::Unknown => return None,
                Ty::Tuple(_) | Ty::List(_) | Ty::VarTuple(_) if star => {
                    return self.unspreadable(a.span, "`*` unpacking into a function with `*args`", "a sequence", "")
                }
                Ty::Tuple(items) => pos.extend((0..items.len()).map(|j| ArgSrc::Item(i, j))),
                Ty::List(_) | Ty::VarTuple(_) if i + 1 == args.len() => list = Some(i),
                t => {
                    let t = self.resolve(&t);
                    let what = format!("`*` unpacking of {} into parameters", article(&t));
                    let label = match t {
                        Ty::List(_) | Ty::VarTuple(_) => "its length is only known at run time",
                        _ => "not a tuple or list",
                    };
                    let help =
                        "unpack a tuple, or a list as the last positional argument, or pass the items one by one";
                    return self.unspreadable(a.span, &what, label, help);
                }
            }
        }
        if let (Some(i), true) = (list, pos.len() >= func.params.len()) {
            return self.unspreadable(args[i].span, "`*` of a list past the last parameter", "no parameter left", "");
        }
        let mut kws = Vec::new();
        let mut dict = None;
        for (k, kw) in kwargs.iter().enumerate() {
            if kw.name != "**" {
                kws.push((kw.name.clone(), kw.span, ArgSrc::Keyword(k)));
                continue;
            }
            match self.shallow(&kw_tys[k]) {
                Ty::Record(fields) => {
                    kws.extend(
                        fields.iter().enumerate().map(|(j, (name, _))| (name.clone(), kw.span, ArgSrc::Field(k, j))),
                    );
                }
                Ty::Unknown => return None,
                Ty::Dict(key, _) if self.resolve(&key) == Ty::Str => {
                    let what = match (dict, list) {
                        (None, None) if !star => {
                            dict = Some(k);
                            continue;
                        }
                        (Some(_), _) => "a second `**` of a dict",
                        (_, Some(_)) => "`**` of a dict beside `*` of a list",
                        _ => "`**` into a function with `*args`",
                    };
                    return self.unspreadable(kw.span, what, "a dict of str keys", "");
                }
                t => {
                    let t = self.resolve(&t);
                    let what = format!("`**` of {} into parameters", article(&t));
                    return self.unspreadable(kw.span, &what, "keyword names must be str", "");
                }
            }
        }
        if let (Some(i), Some((_, span, _))) = (list, kws.iter().find(|k| func_param(func, &k.0) >= pos.len())) {
            let d = Diagnostic::error(*span, "a keyword argument beside `*` of a list is not supported")
                .label("a parameter the list may fill")
                .with_secondary(args[i].span, "a list of a length known only at run time");
            self.error(d.help("pass this parameter positionally, or unpack a tuple"));
            return None;
        }
        Some(Spread { pos, kws, dict, list })
    }

    fn unspreadable(&mut self, span: Span, what: &str, label: &str, help: &str) -> Option<Spread> {
        let d = Diagnostic::error(span, format!("{what} is not supported")).label(label.to_string());
        self.error(if help.is_empty() { d } else { d.help(help.to_string()) });
        None
    }

    /// The type an argument source gives parameter `p`, of the call's
    /// argument types (a spread one's items or fields); `None` after
    /// reporting a dict's or list's item type that does not fit `p`'s default.
    pub(super) fn source_ty(
        &mut self,
        src: &ArgSrc,
        p: &Param,
        (args, arg_tys): (&[Expr], &[Ty]),
        (kwargs, kw_tys): (&[Kwarg], &[Ty]),
    ) -> Option<Ty> {
        let (v, span, what) = match src {
            ArgSrc::Key(k) => (self.shallow(&kw_tys[*k]), kwargs[*k].span, "`**` of a dict"),
            ArgSrc::ListItem(i, _) => (self.shallow(&arg_tys[*i]), args[*i].span, "`*` of a list"),
            _ => return Some(self.given_ty(src, arg_tys, kw_tys)),
        };
        let v = match v {
            Ty::Dict(_, v) | Ty::List(v) | Ty::VarTuple(v) => self.resolve(&v),
            _ => return Some(Ty::Unknown),
        };
        let dt = match &p.default {
            None => return Some(v),
            Some(d) => super::infer::const_ty(d),
        };
        if dt == Ty::None {
            return Some(Ty::optional(v));
        }
        if dt == v {
            return Some(v);
        }
        self.error(
            Diagnostic::error(
                span,
                format!("{what} of {v} values for parameter '{}' whose default is {}", p.name, article(&dt)),
            )
            .label(format!("{} from it, or the default", article(&v)))
            .with_secondary(p.span, "defined here")
            .help("give the parameter a default of the values' type, or None"),
        );
        None
    }

    fn given_ty(&self, src: &ArgSrc, arg_tys: &[Ty], kw_tys: &[Ty]) -> Ty {
        let part = |t: &Ty, j: usize| self.shallow(t).spread_part(j);
        match src {
            ArgSrc::Positional(i) => arg_tys[*i].clone(),
            ArgSrc::Keyword(i) => kw_tys[*i].clone(),
            ArgSrc::Default(c) => super::infer::const_ty(c),
            ArgSrc::Star(ix) => Ty::Tuple(ix.iter().map(|i| arg_tys[*i].clone()).collect()),
            ArgSrc::Item(i, j) => part(&arg_tys[*i], *j),
            ArgSrc::Field(k, j) => part(&kw_tys[*k], *j),
            ArgSrc::Key(_) | ArgSrc::ListItem(..) => Ty::Unknown,
        }
    }
}

/// The position of `func`'s parameter `name` (past the end if none).
fn func_param(func: &Func, name: &str) -> usize {
    func.params.iter().position(|p| p.name == name).unwrap_or(usize::MAX)
}
