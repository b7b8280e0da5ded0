//! `{**a, "k": v, **b}` (the builtin `DictMerge` over its parts, see
//! `hir/lower/dict_unpack.rs`). When every part's keys are known at compile
//! time (displays with string-literal keys, records) the result is a record
//! if a part is one or the merged values differ in type, so
//! `{**base, "n": 2}` of a record `base` is a record again; otherwise it is
//! a dict whose parts must all be dicts of its one type (a display's items
//! are converted, as in `{"a": 1, "b": 2.5}`). Later keys overwrite earlier
//! ones and keep their first position, as in CPython.

use super::infer::Infer;
use super::records::const_str;
use super::ty::{article, py_name, Ty};
use crate::diagnostics::Diagnostic;
use crate::hir::{Expr, ExprKind};

/// The keys of a merge part known at compile time: a display's literal keys
/// (repeats included) or a record's fields; `None` for a dict.
pub fn static_keys(part: &Expr, t: &Ty) -> Option<Vec<String>> {
    match (&part.kind, t) {
        (ExprKind::Dict(items), _) => items.iter().map(|(k, _)| const_str(k).map(str::to_string)).collect(),
        (_, Ty::Record(fields)) => Some(fields.iter().map(|f| f.0.clone()).collect()),
        _ => None,
    }
}

/// The merged fields of parts with these keys, in order of first
/// appearance: each name with the part and position that last set it.
pub fn merged_fields(keys: &[Vec<String>]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (p, ks) in keys.iter().enumerate() {
        for (i, k) in ks.iter().enumerate() {
            match out.iter_mut().find(|f| f.0 == *k) {
                Some(f) => (f.1, f.2) = (p, i),
                None => out.push((k.clone(), p, i)),
            }
        }
    }
    out
}

impl Infer<'_> {
    /// The type of `DictMerge` over `parts` (the call `e`).
    pub fn dict_merge(&mut self, e: &Expr, parts: &[Expr]) -> Ty {
        let tys: Vec<Ty> = parts
            .iter()
            .map(|p| {
                let t = self.expr(p);
                self.content(p, t, || "'NoneType' object is not a mapping".to_string())
            })
            .collect();
        let tys: Vec<Ty> = tys.iter().map(|t| self.top(t)).collect();
        let mut ok = true;
        for (p, t) in parts.iter().zip(&tys) {
            match t {
                Ty::Unknown | Ty::Var(_) => return Ty::Unknown,
                Ty::Dict(..) | Ty::Record(_) => {}
                _ if matches!(p.kind, ExprKind::Dict(_)) => {}
                other => {
                    let other = self.resolve(other);
                    self.error(
                        Diagnostic::error(p.span, format!("'{}' object is not a mapping", py_name(&other)))
                            .label(format!("this is {}", article(&other)))
                            .help("`**` in a dict display unpacks a dict"),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return Ty::Unknown;
        }
        let keys: Option<Vec<Vec<String>>> = parts.iter().zip(&tys).map(|(p, t)| static_keys(p, t)).collect();
        let any_record = tys.iter().any(|t| matches!(t, Ty::Record(_)));
        if let Some(keys) = keys {
            let fields = merged_fields(&keys);
            let vals: Vec<Ty> = fields.iter().map(|(_, p, i)| self.part_value_ty(&parts[*p], &tys[*p], *i)).collect();
            let names: Vec<&str> = fields.iter().map(|f| f.0.as_str()).collect();
            if let Some(r) = self.record_of(e, &names, &vals, any_record) {
                return r;
            }
        } else if let Some(i) = tys.iter().position(|t| matches!(t, Ty::Record(_))) {
            let (p, t) = parts.iter().zip(&tys).find(|(p, t)| static_keys(p, t).is_none()).expect("a dict part");
            let t = self.resolve(t);
            self.error(
                Diagnostic::error(p.span, "cannot merge this dict into a record: its keys are only known at run time")
                    .label(format!("this is {}", article(&t)))
                    .with_secondary(parts[i].span, "values of different types: a record, whose keys are fixed")
                    .help(
                        "a record's keys are part of its type: merge it only with records and displays of \
                         literal keys, or give every value one type to make a dict",
                    ),
            );
            return Ty::Unknown;
        }
        self.dict_merge_dict(e, parts, &tys)
    }

    /// The type of item `i` (in key order) of a statically keyed part.
    fn part_value_ty(&mut self, part: &Expr, t: &Ty, i: usize) -> Ty {
        match (&part.kind, t) {
            (ExprKind::Dict(items), _) => self.exprs[items[i].1.id as usize].clone(),
            (_, Ty::Record(fields)) => fields[i].1.clone(),
            _ => Ty::Unknown,
        }
    }

    /// A merge whose result is a dict: the dict parts share its type and
    /// each display's items are stored into it.
    fn dict_merge_dict(&mut self, e: &Expr, parts: &[Expr], tys: &[Ty]) -> Ty {
        let r = self.site_var(e.id, 0);
        for (p, t) in parts.iter().zip(tys) {
            if !matches!(p.kind, ExprKind::Dict(_)) {
                self.expect(&r, t, p.span, "this merged dict");
            }
        }
        let (k, v) = match self.resolve_keep_vars(&r) {
            Ty::Dict(k, v) => (*k, *v),
            _ => {
                let (k, v) = (self.site_var(e.id, 1), self.site_var(e.id, 2));
                self.expect(&r, &Ty::dict(k.clone(), v.clone()), e.span, "this merged dict");
                (k, v)
            }
        };
        for p in parts {
            let ExprKind::Dict(items) = &p.kind else { continue };
            for (ke, ve) in items {
                let (kt, vt) = (self.exprs[ke.id as usize].clone(), self.exprs[ve.id as usize].clone());
                self.expect(&k, &kt, ke.span, "this dict's key");
                let vt = self.stored_elem(Some(ve), &vt);
                let (rv, rvt) = (self.resolve(&v), self.resolve(&vt));
                if rv != rvt && rv.is_numeric() && rvt.is_numeric() {
                    // Widening would print the other values differently (`1` as `1.0`).
                    self.error(
                        Diagnostic::error(ve.span, format!("{} value merged into a dict of {rv} values", article(&rvt)))
                            .label(format!("this is {}", article(&rvt)))
                            .help(format!(
                                "the merged dict has one value type, and CPython would keep printing each value as its own \
                                 type: write every value as {} (`1.0`), or merge dicts of literal keys (records)",
                                article(&Ty::Float)
                            )),
                    );
                    continue;
                }
                self.expect(&v, &vt, ve.span, "this dict's value");
            }
        }
        r
    }
}
