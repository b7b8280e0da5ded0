//! Records: dict displays whose keys are string literals and whose values
//! differ in type (`{"name": "Ann", "age": 31}`). Such a dict gets a
//! [`Ty::Record`] (fixed field names in order, a type each, as Numba's
//! heterogeneous literal dict) instead of one value type, so every field
//! keeps its own type and prints as CPython prints it. Keys are then part
//! of the type: reads and writes need a constant key, and no key can be
//! added or removed.

use super::infer::Infer;
use super::ty::{article, Dist, Ty, View};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};

/// How many fields of a record display may start None and be widened by a
/// later store (each has a site variable of the display).
const NONE_FIELD_VARS: usize = 200;

/// What to write instead when a record is used like a dict of one value type.
const HELP: &str = "this dict's values have different types, so bodoc keeps it as a record with fixed keys \
                    (as Numba does): index it with a string literal, or use a tuple for the record or one \
                    dict per field (`age[name] = 31`)";

/// The hint for a record used like a dict: for one whose values are all
/// numbers (`{"apple": 1.25, "bread": 3}`, most likely meant as a dict of
/// floats), how to make it one.
fn help_for(fields: &[(String, Ty)]) -> &'static str {
    if fields.iter().all(|f| matches!(f.1, Ty::Int | Ty::Float | Ty::Bool)) {
        "this dict's values mix ints and floats, so bodoc keeps it as a record with fixed keys \
         (`3` and `3.0` print differently): write every value as a float (`3.0`) to make it a dict \
         of floats that any key can index"
    } else {
        HELP
    }
}

/// The string a constant key expression holds.
pub fn const_str(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Const(Const::Str(s)) => Some(s),
        _ => None,
    }
}

/// The position of field `key` (a constant key expression) in a record.
pub fn field_index(fields: &[(String, Ty)], key: &Expr) -> Option<usize> {
    let k = const_str(key)?;
    fields.iter().position(|f| f.0 == k)
}

impl Infer<'_> {
    /// The record type of a dict display with values of types `vals`, when
    /// it is one: every key a distinct string literal and two values whose
    /// types differ (int and float do: `31` and `31.0` print differently).
    /// `Some(Unknown)` while a value's type is not known yet, so that no
    /// round of inference fixes the display as a dict too early.
    pub fn record_display(&mut self, e: &Expr, items: &[(Expr, Expr)], vals: &[Ty]) -> Option<Ty> {
        let keys: Vec<&str> = items.iter().map(|(k, _)| const_str(k)).collect::<Option<_>>()?;
        if keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k)) {
            return None;
        }
        self.record_of(e, &keys, vals, false)
    }

    /// The record made by `e` with fields `keys` (distinct) of types `vals`
    /// when the types differ or `always`; else as [`Self::record_display`].
    /// A field None here has a type variable of `e` (bound to None), which
    /// a later store of a value widens to optional (`r["best"] = score`).
    pub fn record_of(&mut self, e: &Expr, keys: &[&str], vals: &[Ty], always: bool) -> Option<Ty> {
        let tys: Vec<Ty> = vals.iter().map(|t| self.resolve_keep_vars(t)).collect();
        let differ = |a: &Ty, b: &Ty| {
            if is_open(a) || is_open(b) {
                // Still being discovered: only the outer type is settled.
                std::mem::discriminant(a) != std::mem::discriminant(b)
            } else {
                a != b
            }
        };
        let pending = |t: &Ty| matches!(t, Ty::Unknown | Ty::Var(_));
        let settled: Vec<&Ty> = tys.iter().filter(|t| !pending(t)).collect();
        if always || settled.iter().enumerate().any(|(i, a)| settled[..i].iter().any(|b| differ(a, b))) {
            // A record is printed and passed whole: arrays in it are REP
            // (gathered where the record is built).
            let mut fields = Vec::new();
            for (i, (k, t)) in keys.iter().zip(vals).enumerate() {
                let t = match self.shallow(t) {
                    // Site variables 0-2 are the display's as a dict.
                    Ty::None if i < NONE_FIELD_VARS => {
                        let v = self.site_var(e.id, 3 + i as u8);
                        self.join(&v, &Ty::None, true);
                        v
                    }
                    t => t.with_dist(Dist::Rep),
                };
                fields.push((k.to_string(), t));
            }
            return Some(Ty::Record(fields));
        }
        if tys.iter().any(pending) {
            return Some(Ty::Unknown);
        }
        None
    }

    /// The type of field `key` of a record: a constant key naming a field,
    /// else a diagnostic.
    pub fn field_ty(&mut self, fields: &[(String, Ty)], key: &Expr, kt: &Ty) -> Ty {
        match field_index(fields, key) {
            Some(i) => fields[i].1.clone(),
            None => {
                self.bad_key(fields, key, kt, false);
                Ty::Unknown
            }
        }
    }

    /// `r[key] = v` (also `r[key] += v`): the key must name a field and the
    /// value keep its type.
    pub fn field_store(&mut self, fields: &[(String, Ty)], key: &Expr, kt: &Ty, t: &Ty, span: Span) {
        let Some(i) = field_index(fields, key) else {
            self.bad_key(fields, key, kt, true);
            return;
        };
        let (name, want) = &fields[i];
        let got = self.resolve(t);
        // An optional field takes None or a value (converted where it is
        // stored); a field made None takes a first value, becoming optional.
        let fits = match self.resolve(want) {
            Ty::Optional(inner) => matches!(got, Ty::None) || got == *inner,
            Ty::None if matches!(want, Ty::Var(_)) && !got.has_unknown() => {
                self.join(want, &got, true);
                true
            }
            w => w == got,
        };
        if !fits && !got.has_unknown() {
            let want = self.resolve(want);
            let help = if want == Ty::None {
                "a field built as None takes its first value in the function that builds the record; \
                 store it there, or build the record with a value of that type"
            } else {
                "a record's fields keep the type they were built with; convert the value first"
            };
            self.error(
                Diagnostic::error(
                    span,
                    format!("field '{name}' of this record holds {}, not {}", article(&want), article(&got)),
                )
                .label(format!("this is {}", article(&got)))
                .help(help),
            );
        }
    }

    /// A key that is not a constant naming a field (read, or `store`d to).
    fn bad_key(&mut self, fields: &[(String, Ty)], key: &Expr, kt: &Ty, store: bool) {
        let names: Vec<String> = fields.iter().map(|f| format!("'{}'", f.0)).collect();
        let msg = match const_str(key) {
            Some(k) if store => format!("cannot add key '{k}' to a record: its keys are fixed"),
            Some(k) => format!("this record has no key '{k}'"),
            None if *kt == Ty::Str || matches!(kt, Ty::Var(_) | Ty::Unknown) => {
                "a record (a dict with values of different types) needs a constant key".to_string()
            }
            None => format!("a record's keys are strings, not {}", article(&self.resolve(kt))),
        };
        self.error(
            Diagnostic::error(key.span, msg).label(format!("its keys are {}", names.join(", "))).help(help_for(fields)),
        );
    }

    /// A method call on a record: `get` of a constant key, `copy()` and `keys()`;
    /// anything else is a diagnostic.
    pub fn record_method(&mut self, e: &Expr, fields: &[(String, Ty)], name: &str, args: &[Expr], kw: &[Kwarg]) -> Ty {
        match (name, args) {
            ("get", [key, rest @ ..]) if rest.len() <= 1 && kw.is_empty() => {
                if let Some(i) = field_index(fields, key) {
                    return fields[i].1.clone();
                }
                if const_str(key).is_some() {
                    // A missing constant key: the default (or None).
                    return rest.first().map_or(Ty::None, |d| self.exprs[d.id as usize].clone());
                }
                let kt = self.exprs[key.id as usize].clone();
                self.bad_key(fields, key, &kt, false);
                Ty::Unknown
            }
            ("update", [Expr { kind: ExprKind::Dict(items), .. }]) if kw.is_empty() => {
                // Writes of existing fields, each keeping its type.
                for (k, v) in items {
                    let (kt, vt) = (self.expr(k), self.expr(v));
                    self.field_store(fields, k, &kt, &vt, v.span);
                }
                Ty::None
            }
            ("keys", []) => Ty::View(View::Keys, Box::new(Ty::Str)),
            ("copy", []) => Ty::Record(fields.to_vec()),
            _ => {
                // `del r[k]` is a dropped `pop` (hir/lower.rs).
                let (msg, help) = match name {
                    "pop" | "popitem" => (
                        "a record's keys are fixed: removing one (`del`, `pop`) is not supported".to_string(),
                        help_for(fields),
                    ),
                    "items" | "values" => (
                        format!("dict.{name}() of a record is only supported as what a loop iterates"),
                        "a record's values have different types, so bodoc copies the body once per key: write \
                         `for k, v in rec.items():`, or a comprehension over a record variable",
                    ),
                    "update" => (
                        "dict.update() of a record takes a dict display of its keys".to_string(),
                        "a record's keys and field types are fixed: write `rec.update({\"k\": v})` or \
                         `rec.update(k=v)` with keys it has and values of their types",
                    ),
                    _ => (format!("dict.{name}() is not supported on a record"), help_for(fields)),
                };
                self.error(Diagnostic::error(e.span, msg).label("a dict with values of different types").help(help));
                Ty::Unknown
            }
        }
    }
}

/// Why two record types do not mix: the first field whose name or type
/// differs (records of one type print the same way, so an int field of one
/// cannot be a float in another).
pub fn record_mismatch(a: &Ty, b: &Ty) -> Option<String> {
    let (Ty::Record(x), Ty::Record(y)) = (a, b) else { return None };
    let keys = |fs: &[(String, Ty)]| fs.iter().map(|f| format!("'{}'", f.0)).collect::<Vec<_>>().join(", ");
    if x.len() != y.len() || x.iter().zip(y).any(|(p, q)| p.0 != q.0) {
        return Some(format!(
            "records (dicts with values of different types) mix only with the same keys in the same order: {} and {}",
            keys(x),
            keys(y)
        ));
    }
    let (p, q) = x.iter().zip(y).find(|(p, q)| p.1 != q.1)?;
    let numbers = matches!((&p.1, &q.1), (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int));
    Some(format!(
        "key '{}' holds {} in one record and {} in another; a record type gives each key one type{}",
        p.0,
        article(&p.1),
        article(&q.1),
        if numbers { " (write `2.0`, not `2`, where the field is a float)" } else { "" }
    ))
}

/// Whether a type still has unknown or undiscovered parts.
fn is_open(t: &Ty) -> bool {
    t.has_unknown() || has_var(t)
}

fn has_var(t: &Ty) -> bool {
    match t {
        Ty::Var(_) => true,
        Ty::List(e) | Ty::View(_, e) | Ty::VarTuple(e) | Ty::Set(e) | Ty::Optional(e) | Ty::Array(e, ..) => has_var(e),
        Ty::Dict(k, v) => has_var(k) || has_var(v),
        Ty::Tuple(ts) => ts.iter().any(has_var),
        Ty::Record(fs) => fs.iter().any(|f| has_var(&f.1)),
        _ => false,
    }
}
