//! pandas: the types of DataFrame and Series operations.
//!
//! A DataFrame is a [`Ty::Frame`]: named columns (1D arrays of one
//! distribution) and row labels; a Series is a [`Ty::Series`]. Inference
//! types the pandas operations a program uses (`pd.DataFrame({...})`,
//! `df.A`, `df["A"]`, `df[["A", "B"]]`, `df["C"] = ...`, operators on Series,
//! `head`/`tail`, reductions, `len`, `shape`) and notes each function using
//! one ([`Infer::frame_ops`]); `hir/frames.rs` then rewrites them into NumPy
//! operations on the columns and the internal calls below, and inference
//! runs again. What reaches lowering are only these internal calls, which
//! build a frame or series from its parts or read a part:
//!
//! * `pd.$frame(("A", "B"), start, step, a, b)` / `pd.$frame(names, labels, a, b)`;
//! * `pd.$series(name or None, start, step, values)` / `pd.$series(name, labels, values)`;
//! * `pd.$col(df, "A")`, `pd.$values(s)`, `pd.$start(x)`, `pd.$step(x)`, `pd.$labels(x)`;
//! * `pd.$aligned(values, start, step, start2, step2)`: `values` once the
//!   two RangeIndexes are found equal at run time (else a ValueError);
//! * `pd.$with(df, "C", values)` (the frame with that column added or
//!   replaced), `pd.$select(df, ("A", "B"))`, `pd.$column_of(df, "A")` (the
//!   Series of a column of a frame not held in a variable), `pd.$filter(x,
//!   mask)`, `pd.$head(x, n)`, `pd.$tail(x, n)`, `pd.$copy(x)`, `pd.$len(x)`,
//!   `pd.$shape(x)`: operations on a whole frame, whose columns only this
//!   instance's type tells.
//!
//! Column names are part of the type, as in Bodo, so they must be constants.

use super::infer::Infer;
use super::pandas_distinct::DISTINCT_METHODS;
use super::pandas_groupby::grouped;
use super::records::const_str;
use super::ty::{article, py_name, Dist, FrameTy, Labels, SeriesTy, Ty, View};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::frames::{Request, Shape};
use crate::hir::{BinOp, Builtin, CmpOp, CompKind, Const, Expr, ExprId, ExprKind, Kwarg, Target, UnOp};
use std::collections::HashMap;

/// Series methods giving a Series of the same labels, one value per value.
pub const MAPS: &[&str] = &["astype", "abs", "isna", "isnull", "notna", "notnull", "fillna", "cumsum"];

/// NumPy functions of one value applied to a Series (`np.sqrt(df.x)`,
/// `s.round(2)`, which HIR lowering makes `np.round(s, 2)`): a Series of
/// the same labels; whether each makes floats (else the input's type).
const SERIES_UFUNCS: &[(&str, bool)] = &[
    ("sqrt", true),
    ("exp", true),
    ("log", true),
    ("log10", true),
    ("log2", true),
    ("log1p", true),
    ("expm1", true),
    ("sin", true),
    ("cos", true),
    ("tan", true),
    ("arcsin", true),
    ("arccos", true),
    ("arctan", true),
    ("tanh", true),
    ("floor", true),
    ("ceil", true),
    ("trunc", true),
    ("rint", true),
    ("fabs", true),
    ("abs", false),
    ("absolute", false),
    ("negative", false),
    ("square", false),
    ("round", false),
    ("around", false),
];

/// Series methods that reduce to one value (pandas skips NaN).
pub const REDUCTIONS: &[&str] =
    &["sum", "mean", "min", "max", "std", "var", "count", "median", "nunique", "prod", "all", "any"];

impl Infer<'_> {
    /// Note that the function being inferred uses a pandas operation, to be
    /// rewritten by `hir/frames.rs`.
    pub(super) fn frame_op(&mut self) {
        let f = self.insts[self.cur as usize].func;
        self.frame_ops.insert(f);
    }

    /// Result `r` of a pandas operation: noted for the rewrite unless it
    /// had errors (`Unknown`: the call is left as it is, so no rewrite
    /// drops the arguments at fault and the final round reports them again).
    fn frame_op_typed(&mut self, r: Ty) -> Ty {
        if r != Ty::Unknown {
            self.frame_op();
        }
        r
    }

    /// A column name that is no string constant.
    fn not_a_name(&mut self, span: Span) -> Ty {
        self.error(
            Diagnostic::error(span, "column names must be string constants")
                .label("not a string literal")
                .help("bodoc needs a DataFrame's column names at compile time"),
        );
        Ty::Unknown
    }

    /// `pd.NAME(...)`.
    pub fn pandas_call(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        match name {
            "DataFrame" | "$empty" if args.is_empty() && kwargs.is_empty() => self.empty_frame(e, name == "$empty"),
            "DataFrame" => self.new_frame(e, args, kwargs),
            "Series" => self.new_series(e, args, kwargs),
            "read_csv" | "read_parquet" => self.read_table_ty(e, name, args),
            "$frame" | "$series" => self.frame_from_parts(name, args),
            "Timestamp" | "to_datetime" | "$to_datetime" | "$dt_field" => self.datetime_call(e, name, args, kwargs),
            "$shift" | "$rolling" => self.window_internal(name, args),
            "$rank" => self.rank_internal(args),
            "$fill_strs" | "$none_missing" => self.fill_internal(args),
            "$col" | "$values" | "$start" | "$step" | "$labels" => self.frame_part(name, args),
            // `pd.$aligned(values, start, step, start2, step2)`: the values,
            // once the two RangeIndexes are checked equal.
            "$aligned" | "$aligned_labels" => {
                let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
                tys[0].clone()
            }
            "$with" | "$select" | "$column_of" | "$head" | "$tail" | "$filter" | "$copy" | "$len" | "$shape"
            | "$columns" | "$slice" | "$select_at" | "$column_at" => self.frame_whole(name, args),
            "$sort" => {
                let t = self.expr(&args[0]);
                for a in &args[1..] {
                    self.expr(a);
                }
                super::pandas_sort::sorted(&self.top(&t))
            }
            "$groupby" | "$gselect" | "$gagg" | "$grows" => self.group_internal(name, args),
            "$distinct" => self.distinct_internal(args),
            "$rename" | "$drop" => self.columns_internal(name, args),
            "merge" | "$merge" if args.len() >= 2 => {
                let (l, r) = (self.expr(&args[0]), self.expr(&args[1]));
                for k in kwargs {
                    self.expr(&k.value);
                }
                self.merge_typed(e, &l, &r, &args[2..], kwargs, name == "$merge")
            }
            "concat" | "$concat" => self.concat_typed(e, args, kwargs, name == "$concat"),
            "pivot_table" => {
                let tys: Vec<Ty> = args.iter().chain(kwargs.iter().map(|k| &k.value)).map(|a| self.expr(a)).collect();
                match tys.first() {
                    Some(df) if !args.is_empty() => self.pivot_table(e, df, &args[1..], kwargs),
                    _ => {
                        self.error(
                            Diagnostic::error(e.span, "pd.pivot_table() takes the DataFrame as its first argument")
                                .label("no DataFrame before the options")
                                .help("write `pd.pivot_table(df, index=\"a\", columns=\"b\", values=\"c\")`"),
                        );
                        Ty::Unknown
                    }
                }
            }
            "$pivot" => self.pivot_internal(args),
            "$reset" | "$set_index" => {
                let t = self.expr(&args[0]);
                let t = self.top(&t);
                match (&t, &args[1].kind) {
                    (_, ExprKind::Const(Const::Bool(drop))) => super::pandas_sort::reset(&t, *drop),
                    (Ty::Frame(f), ExprKind::Tuple(keys)) => {
                        let keys: Vec<String> = keys.iter().filter_map(const_str).map(str::to_string).collect();
                        super::pandas_sort::with_index(f, &keys)
                    }
                    _ => Ty::Unknown,
                }
            }
            _ => {
                for a in args {
                    self.expr(a);
                }
                self.error(
                    Diagnostic::error(e.span, format!("pandas.{name}() is not supported yet"))
                        .label("not supported")
                        .help("bodoc supports pd.DataFrame and pd.Series built from arrays and lists so far"),
                );
                Ty::Unknown
            }
        }
    }

    /// A column's element type from the type of the value given for it.
    fn column_elem(&mut self, t: &Ty, span: Span) -> Option<(Ty, Dist)> {
        match self.top(t) {
            Ty::Array(el, 1, d) => Some((*el, d)),
            Ty::List(el) => match self.shallow(&el) {
                el @ (Ty::Int | Ty::Float | Ty::Bool | Ty::Str) => Some((el, Dist::Rep)),
                Ty::Unknown | Ty::Var(_) => None,
                other => {
                    self.error(
                        Diagnostic::error(span, format!("a column of {} values is not supported yet", py_name(&other)))
                            .label("not numbers")
                            .help("columns may hold ints, floats and bools so far"),
                    );
                    None
                }
            },
            Ty::Series(s) => Some((s.elem, s.dist)),
            Ty::Unknown | Ty::Var(_) => None,
            other => {
                self.error(
                    Diagnostic::error(span, format!("a column cannot be made of {}", article(&other)))
                        .label("not a 1D array, list or Series")
                        .help("give each column as a 1D NumPy array, a list or a Series"),
                );
                None
            }
        }
    }

    /// `pd.DataFrame({"A": a, "B": b})`.
    fn new_frame(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        self.no_kwargs("DataFrame", kwargs, &[]);
        let [data] = args else {
            self.error(
                Diagnostic::error(e.span, "pd.DataFrame() takes one dict of columns")
                    .label("expected `pd.DataFrame({\"name\": values, ...})`"),
            );
            return Ty::Unknown;
        };
        let ExprKind::Dict(items) = &data.kind else {
            self.expr(data);
            self.error(
                Diagnostic::error(data.span, "pd.DataFrame() needs a dict display of its columns")
                    .label("not a `{...}` display")
                    .help("write the columns out: `pd.DataFrame({\"A\": a, \"B\": b})`"),
            );
            return Ty::Unknown;
        };
        let mut cols: Vec<(String, Ty)> = Vec::new();
        let mut dist = Dist::OneD;
        let mut known = true;
        for (k, v) in items {
            let vt = self.expr(v);
            let Some(name) = const_str(k) else {
                self.expr(k);
                return self.not_a_name(k.span);
            };
            if cols.iter().any(|c| c.0 == name) {
                continue;
            }
            match self.column_elem(&vt, v.span) {
                Some((el, d)) => {
                    dist = dist.min(d);
                    cols.push((name.to_string(), el));
                }
                None => known = false,
            }
        }
        if !known || cols.is_empty() {
            if cols.is_empty() && known {
                self.error(
                    Diagnostic::error(data.span, "a DataFrame without columns is not supported").label("no columns"),
                );
            }
            return Ty::Unknown;
        }
        self.frame_op();
        Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, dist, group: None }))
    }

    /// `pd.Series(values)`, `pd.Series(values, name="x")`,
    /// `pd.Series(values, index=labels)` (ints or strings).
    fn new_series(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        self.no_kwargs("Series", kwargs, &["name", "index"]);
        let mut name = None;
        let mut labels = Labels::Range;
        for k in kwargs.iter().filter(|k| k.name == "index") {
            let t = self.expr(&k.value);
            labels = match self.column_elem(&t, k.value.span) {
                Some((Ty::Int, Dist::Rep)) => Labels::Int,
                Some((Ty::Str, Dist::Rep)) => Labels::Str,
                Some(_) => {
                    self.error(
                        Diagnostic::error(k.value.span, "these Series labels are not supported yet")
                            .label("not a list or array of ints or strings on every rank")
                            .help("give the labels as a list: `index=[\"a\", \"b\"]`"),
                    );
                    return Ty::Unknown;
                }
                None => return Ty::Unknown,
            };
        }
        for k in kwargs.iter().filter(|k| k.name == "name") {
            self.expr(&k.value);
            match &k.value.kind {
                ExprKind::Const(Const::Str(s)) => name = Some(s.clone()),
                ExprKind::Const(Const::None) => {}
                _ => self.error(
                    Diagnostic::error(k.value.span, "a Series' name must be a string constant")
                        .label("not a string literal"),
                ),
            }
        }
        let [data] = args else {
            self.error(
                Diagnostic::error(e.span, "pd.Series() takes one array or list of values")
                    .label("expected `pd.Series(values)`"),
            );
            return Ty::Unknown;
        };
        let t = self.expr(data);
        let Some((elem, dist)) = self.column_elem(&t, data.span) else { return Ty::Unknown };
        if labels != Labels::Range && dist != Dist::Rep {
            self.error(
                Diagnostic::error(data.span, "labels for distributed values are not supported yet")
                    .label("values split across ranks")
                    .help("set the labels from a column instead: `df.set_index(\"key\")`"),
            );
            return Ty::Unknown;
        }
        self.frame_op();
        Ty::Series(Box::new(SeriesTy { elem, name, labels, dist }))
    }

    /// The internal `pd.$frame(names, labels..., columns...)` and
    /// `pd.$series(name, labels..., values)` made by `hir/frames.rs`.
    fn frame_from_parts(&mut self, name: &str, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let tys: Vec<Ty> = tys.iter().map(|t| self.top(t)).collect();
        if tys.iter().any(|t| matches!(t, Ty::Unknown | Ty::Var(_))) {
            return Ty::Unknown;
        }
        let (labels, rest) = match tys.get(1) {
            Some(Ty::Int) => (Labels::Range, 3),
            Some(Ty::Array(el, ..)) if **el == Ty::Str => (Labels::Str, 2),
            // A named index, as `pd.$labels` gives it.
            Some(Ty::Frame(f)) => (f.labels.clone(), 2),
            _ => (Labels::Int, 2),
        };
        let mut dist = Dist::OneD;
        let mut elems = Vec::new();
        for t in tys.iter().skip(1) {
            match t {
                Ty::Array(el, 1, d) => {
                    dist = dist.min(*d);
                    elems.push((**el).clone());
                }
                Ty::Frame(f) => dist = dist.min(f.dist),
                Ty::Int => {}
                _ => return Ty::Unknown,
            }
        }
        // Labels of one array came first (a named index is a frame, no array).
        if matches!(labels, Labels::Int | Labels::Str) {
            elems.remove(0);
        }
        debug_assert_eq!(elems.len(), args.len() - rest);
        if name == "$series" {
            let name = match &args[0].kind {
                ExprKind::Const(Const::Str(s)) => Some(s.clone()),
                _ => None,
            };
            let elem = elems.pop().unwrap_or(Ty::Unknown);
            return Ty::Series(Box::new(SeriesTy { elem, name, labels, dist }));
        }
        let ExprKind::Tuple(names) = &args[0].kind else { return Ty::Unknown };
        let cols = names.iter().zip(elems).map(|(n, t)| (const_str(n).unwrap_or_default().to_string(), t)).collect();
        Ty::Frame(Box::new(FrameTy { cols, labels, dist, group: None }))
    }

    /// The internal part reads `pd.$col(df, "A")`, `pd.$values(s)`,
    /// `pd.$start(x)`, `pd.$step(x)`, `pd.$labels(x)`.
    fn frame_part(&mut self, name: &str, args: &[Expr]) -> Ty {
        let t = self.expr(&args[0]);
        let (labels, dist) = match self.top(&t) {
            Ty::Frame(f) => {
                if name == "$col" {
                    let col = args.get(1).and_then(const_str).unwrap_or_default();
                    let Some(c) = f.cols.iter().find(|c| c.0 == col) else { return Ty::Unknown };
                    return Ty::array(c.1.clone(), 1, f.dist);
                }
                (f.labels.clone(), f.dist)
            }
            Ty::Series(s) => {
                if name == "$values" {
                    return Ty::array(s.elem.clone(), 1, s.dist);
                }
                (s.labels.clone(), s.dist)
            }
            _ => return Ty::Unknown,
        };
        match (name, labels) {
            ("$start" | "$step", Labels::Range) => Ty::Int,
            ("$labels", Labels::Int) => Ty::array(Ty::Int, 1, dist),
            ("$labels", Labels::Str) => Ty::array(Ty::Str, 1, dist),
            // A named index travels as a frame of no columns holding it.
            ("$labels", labels @ Labels::Levels(_)) => {
                Ty::Frame(Box::new(FrameTy { cols: Vec::new(), labels, dist, group: None }))
            }
            _ => Ty::Unknown,
        }
    }

    /// The internal operations on a whole frame or series.
    fn frame_whole(&mut self, name: &str, args: &[Expr]) -> Ty {
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let t = self.top(&tys[0]);
        match (name, &t) {
            ("$len", Ty::Frame(_) | Ty::Series(_)) => Ty::Int,
            ("$columns", Ty::Frame(_)) => Ty::View(View::Columns, Box::new(Ty::Str)),
            ("$copy", Ty::Frame(_) | Ty::Series(_)) => t,
            ("$shape", Ty::Frame(_)) => Ty::Tuple(vec![Ty::Int, Ty::Int]),
            ("$shape", Ty::Series(_)) => Ty::Tuple(vec![Ty::Int]),
            ("$select_at" | "$column_at", Ty::Frame(f)) => match super::pandas_loc::positions(&args[1], f.cols.len()) {
                Some(at) => super::pandas_loc::picked(f, &at, &args[1]),
                None => Ty::Unknown,
            },
            ("$head" | "$tail" | "$slice", Ty::Frame(_) | Ty::Series(_)) => {
                t.with_dist(if t.has_dist() { Dist::OneDVar } else { Dist::Rep })
            }
            ("$filter", Ty::Frame(_) | Ty::Series(_)) => filtered(&t),
            ("$column_of", Ty::Frame(f)) => match const_str(&args[1]) {
                Some(c) if f.cols.iter().any(|x| x.0 == c) => column(f, c),
                _ => Ty::Unknown,
            },
            ("$select", Ty::Frame(f)) => {
                let ExprKind::Tuple(names) = &args[1].kind else { return Ty::Unknown };
                let mut cols = Vec::new();
                for n in names {
                    match f.cols.iter().find(|c| Some(c.0.as_str()) == const_str(n)) {
                        Some(c) => cols.push(c.clone()),
                        None => return Ty::Unknown,
                    }
                }
                Ty::Frame(Box::new(FrameTy { cols, ..(**f).clone() }))
            }
            ("$with", Ty::Frame(f)) => {
                let (Some(col), Ty::Array(el, 1, d)) = (const_str(&args[1]), self.top(&tys[2])) else {
                    return Ty::Unknown;
                };
                let mut f = (**f).clone();
                match f.cols.iter_mut().find(|c| c.0 == col) {
                    Some(c) => c.1 = *el,
                    None => f.cols.push((col.to_string(), *el)),
                }
                f.dist = f.dist.min(d);
                Ty::Frame(Box::new(f))
            }
            _ => Ty::Unknown,
        }
    }

    /// `df.A` (a column), `df.shape`, `s.values`, `s.shape`.
    pub fn frame_attr(&mut self, span: Span, t: &Ty, name: &str) -> Ty {
        if let Some((f, g)) = grouped(t) {
            let r = self.group_select(f, g, Err((span, name)));
            return self.frame_op_typed(r);
        }
        match (t, name) {
            (Ty::Frame(f), _) if f.cols.iter().any(|c| c.0 == name) => {
                self.frame_op();
                column(f, name)
            }
            (Ty::Frame(_), "shape") | (Ty::Series(_), "shape") => {
                self.frame_op();
                match t {
                    Ty::Frame(_) => Ty::Tuple(vec![Ty::Int, Ty::Int]),
                    _ => Ty::Tuple(vec![Ty::Int]),
                }
            }
            (Ty::Frame(_), "columns") => {
                self.frame_op();
                Ty::View(View::Columns, Box::new(Ty::Str))
            }
            (Ty::Series(s), "values") => {
                self.frame_op();
                Ty::array(s.elem.clone(), 1, s.dist)
            }
            _ => {
                let hint = match t {
                    Ty::Frame(f) => format!(
                        "its columns are {}",
                        f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ")
                    ),
                    _ => "Series support `values` and `shape` here so far".to_string(),
                };
                self.error(
                    Diagnostic::error(span, format!("'{}' object has no attribute '{name}'", py_name(t)))
                        .label(format!("this is {}", article(t)))
                        .help(hint),
                );
                Ty::Unknown
            }
        }
    }

    /// `df["A"]` (a column), `df[["A", "B"]]` (a frame of those columns),
    /// `df[mask]` and `s[mask]` (the rows where a bool array or Series is true).
    pub fn frame_index(&mut self, t: &Ty, idx: &Expr) -> Ty {
        if let Some((f, g)) = grouped(t) {
            let r = self.group_select(f, g, Ok(idx));
            return self.frame_op_typed(r);
        }
        if !matches!(idx.kind, ExprKind::List(_)) && const_str(idx).is_none() {
            let it = self.expr(idx);
            let mask = match self.top(&it) {
                Ty::Array(el, 1, _) => *el == Ty::Bool,
                Ty::Series(s) => s.elem == Ty::Bool,
                _ => false,
            };
            if mask {
                self.frame_op();
                return filtered(t);
            }
        }
        let Ty::Frame(f) = t else {
            self.error(
                Diagnostic::error(idx.span, "indexing a Series is not supported yet")
                    .label("an index")
                    .help("select rows with a bool mask (`s[s > 0]`), or use head()/tail()"),
            );
            return Ty::Unknown;
        };
        let missing = |inf: &mut Self, span: Span, name: &str| {
            inf.error(
                Diagnostic::error(span, format!("the DataFrame has no column '{name}'"))
                    .label("KeyError in pandas")
                    .help(format!(
                        "its columns are {}",
                        f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ")
                    )),
            );
            Ty::Unknown
        };
        if let Some(name) = const_str(idx) {
            if !f.cols.iter().any(|c| c.0 == name) {
                return missing(self, idx.span, name);
            }
            self.frame_op();
            return column(f, name);
        }
        if let ExprKind::List(items) = &idx.kind {
            let mut cols = Vec::new();
            for it in items {
                let Some(name) = const_str(it) else { return self.not_a_name(it.span) };
                match f.cols.iter().find(|c| c.0 == name) {
                    Some(c) => cols.push(c.clone()),
                    None => return missing(self, it.span, name),
                }
            }
            self.frame_op();
            return Ty::Frame(Box::new(FrameTy { cols, labels: f.labels.clone(), dist: f.dist, group: None }));
        }
        self.error(
            Diagnostic::error(idx.span, "a DataFrame is indexed by a column name or a list of column names here")
                .label("not a string constant or a list of them")
                .help("boolean masks, .loc and .iloc are not supported yet"),
        );
        Ty::Unknown
    }

    /// `df["C"] = v`: a new or replaced column of an array's, a list's or a
    /// Series' values, or one value for every row.
    pub fn frame_store(&mut self, t: &Ty, idx: &Expr, vt: &Ty, span: Span) {
        let Ty::Frame(_) = t else {
            self.error(
                Diagnostic::error(span, "assigning into a Series is not supported yet").label("item assignment"),
            );
            return;
        };
        if const_str(idx).is_none() {
            self.not_a_name(idx.span);
            return;
        }
        let f = self.insts[self.cur as usize].func;
        match self.top(vt) {
            Ty::Int | Ty::Float | Ty::Bool => {
                self.frame_fills.insert((f, idx.id));
            }
            // Not known yet: the store waits for a later round (it reads a
            // column an earlier store adds), unless nothing else changes.
            Ty::Unknown | Ty::Var(_) => {
                self.frame_later.insert((f, idx.id));
                return;
            }
            other => {
                self.column_elem(&other, span);
            }
        }
        self.frame_op();
    }

    /// What `hir/frames.rs` needs to know of each function using pandas:
    /// the shape of every frame and series expression, in all its instances.
    pub fn frame_requests(&self) -> Vec<Request> {
        let mut reqs = Vec::new();
        for &func in &self.frame_ops {
            let mut shapes: HashMap<ExprId, Shape> = HashMap::new();
            for inst in self.insts.iter().filter(|i| i.func == func) {
                for (id, t) in inst.exprs.iter().enumerate() {
                    let shape = match self.resolve(t) {
                        Ty::Frame(f) if f.group.is_some() => Shape::Group(f.labels == Labels::Range),
                        Ty::Frame(f) => Shape::Frame(f.labels == Labels::Range),
                        Ty::Series(s) => Shape::Series(s.name.clone(), s.labels == Labels::Range),
                        Ty::Pivot(_) => Shape::Pivot,
                        _ => continue,
                    };
                    let slot = shapes.entry(id as ExprId).or_insert_with(|| shape.clone());
                    if *slot != shape {
                        *slot = Shape::Conflict;
                    }
                }
            }
            for &(_, id) in self.frame_fills.iter().filter(|f| f.0 == func) {
                shapes.insert(id, Shape::Fill);
            }
            for &(_, id) in self.frame_later.iter().filter(|f| f.0 == func) {
                shapes.insert(id, Shape::Later);
            }
            for (&(_, id), &b) in self.frame_conversions.iter().filter(|f| f.0 .0 == func) {
                shapes.insert(id, Shape::Convert(b));
            }
            for &(_, id) in self.frame_text_fills.iter().filter(|f| f.0 == func) {
                shapes.insert(id, Shape::TextFill);
            }
            let mut columns: HashMap<ExprId, Vec<(String, Ty)>> = HashMap::new();
            let mut mixed: std::collections::HashSet<ExprId> = std::collections::HashSet::new();
            for inst in self.insts.iter().filter(|i| i.func == func) {
                for (id, t) in inst.exprs.iter().enumerate() {
                    let Ty::Frame(f) = self.resolve(t) else { continue };
                    if columns.entry(id as ExprId).or_insert_with(|| f.cols.clone()) != &f.cols {
                        mixed.insert(id as ExprId);
                    }
                }
            }
            columns.retain(|id, _| !mixed.contains(id));
            let concats = self.frame_concats.iter().filter(|c| c.0 == func).map(|c| c.1).collect();
            reqs.push(Request { func, shapes, columns, columns_final: self.frame_later.is_empty(), concats });
        }
        reqs
    }

    /// Methods of frames and series.
    pub fn frame_method(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if let (Ty::Series(s), true) = (t, MAPS.contains(&name)) {
            return self.series_map(e, s, name, args, kwargs);
        }
        if let (Ty::Series(s), "shift" | "diff") = (t, name) {
            return self.series_shift(e, s, name, args, kwargs);
        }
        if let (Ty::Series(s), "rank") = (t, name) {
            return self.series_rank(e, s, args, kwargs);
        }
        if let (Ty::Series(_), "rolling") = (t, name) {
            return self.rolling_alone(e);
        }
        if let (Ty::Series(s), "map" | "apply", [f]) = (t, name, args) {
            return self.series_apply(s, f);
        }
        if let (Ty::Frame(f), "$apply_rows", [map]) = (t, name, args) {
            return self.rows_apply(f, map);
        }
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for k in kwargs {
            self.expr(&k.value);
        }
        // Written as they are, nothing to rewrite.
        if let (None, "to_csv" | "to_parquet", Ty::Frame(f)) = (grouped(t), name, t) {
            return self.write_table_ty(e, f, name, args, kwargs);
        }
        let typed = match (grouped(t), name, t) {
            (Some((f, g)), ..) => Some(self.group_method(e, f, g, name, args, kwargs)),
            (_, "sort_values" | "sort_index", _) => Some(self.sort_method(e, t, name, args, kwargs)),
            (_, "reset_index" | "set_index", _) => Some(self.index_method(e, t, name, args, kwargs)),
            (_, "groupby", Ty::Frame(f)) => Some(self.groupby_method(e, f, args, kwargs)),
            (_, "nunique", Ty::Series(_)) => Some(self.distinct_method(e, t, name, args, kwargs)),
            (_, n, _) if DISTINCT_METHODS.contains(&n) => Some(self.distinct_method(e, t, name, args, kwargs)),
            (_, "rename" | "drop", _) => Some(self.columns_method(e, t, name, args, kwargs)),
            (_, "pivot_table", Ty::Frame(_)) => Some(self.pivot_table(e, t, args, kwargs)),
            (_, "merge", Ty::Frame(_)) if !tys.is_empty() => {
                Some(self.merge_typed(e, t, &tys[0], &args[1..], kwargs, false))
            }
            _ => None,
        };
        if let Some(r) = typed {
            return self.frame_op_typed(r);
        }
        match name {
            "copy" => {
                self.no_kwargs(name, kwargs, &[]);
                self.frame_op();
                t.clone()
            }
            // Whether each value of a frame is missing (or present).
            "isna" | "isnull" | "notna" | "notnull" if matches!(t, Ty::Frame(_)) => {
                self.no_kwargs(name, kwargs, &[]);
                self.frame_op();
                let Ty::Frame(f) = t else { return Ty::Unknown };
                let cols = f.cols.iter().map(|c| (c.0.clone(), Ty::Bool)).collect();
                Ty::Frame(Box::new(FrameTy { cols, ..(**f).clone() }))
            }
            // One quantile of the values (NaN skipped), linearly interpolated.
            "quantile" if matches!(t, Ty::Series(s) if s.elem.is_numeric()) => {
                self.no_kwargs(name, kwargs, &["q"]);
                let given: Vec<(&Expr, Ty)> = args
                    .iter()
                    .chain(kwargs.iter().map(|k| &k.value))
                    .map(|a| (a, self.exprs[a.id as usize].clone()))
                    .collect();
                match given.as_slice() {
                    [] => {}
                    [(a, at)] if matches!(self.shallow(at), Ty::Int | Ty::Float) => {}
                    [(a, _)] => self.error(
                        Diagnostic::error(a.span, "Series.quantile() of several quantiles is not supported yet")
                            .label("not one number")
                            .help("take them one at a time: `s.quantile(0.25)`"),
                    ),
                    _ => self.error(Diagnostic::error(e.span, "quantile() takes one argument, q").label("too many")),
                }
                self.frame_op();
                Ty::Float
            }
            // The label of the first largest (smallest) value, NaN skipped.
            "idxmax" | "idxmin" if matches!(t, Ty::Series(s) if s.elem.is_numeric()) => {
                self.no_kwargs(name, kwargs, &[]);
                let Ty::Series(s) = t else { return Ty::Unknown };
                if !args.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.{name}() takes no arguments here"))
                            .label("arguments"),
                    );
                }
                if let Labels::Levels(_) = s.labels {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.{name}() of a named index is not supported yet"))
                            .label("labels of a named index")
                            .help("take the position instead: `s.reset_index(drop=True)`, then the label"),
                    );
                    return Ty::Unknown;
                }
                self.frame_op();
                if s.labels == Labels::Str {
                    Ty::Str
                } else {
                    Ty::Int
                }
            }
            "to_numpy" if matches!(t, Ty::Series(_)) => {
                self.no_kwargs(name, kwargs, &[]);
                self.frame_attr(e.span, t, "values")
            }
            // The rows with no NaN (no missing value) in any column.
            "dropna" => {
                self.no_kwargs(name, kwargs, &[]);
                self.frame_op();
                filtered(t)
            }
            // A frame's missing values replaced (`pandas_fillna.rs`).
            "fillna" if matches!(t, Ty::Frame(_)) => {
                let Ty::Frame(f) = t else { return Ty::Unknown };
                if self.frame_fillna(e, f, args, kwargs).is_none() {
                    return Ty::Unknown;
                }
                self.frame_op();
                t.clone()
            }
            "head" | "tail" => {
                self.no_kwargs(name, kwargs, &["n"]);
                if args.len() + kwargs.len() > 1 {
                    self.error(Diagnostic::error(e.span, format!("{name}() takes one argument, n")).label("too many"));
                }
                for (a, at) in args.iter().zip(&tys).chain(kwargs.iter().map(|k| &k.value).zip(&tys)) {
                    self.expect(&Ty::Int, at, a.span, &format!("{name}()"));
                }
                self.frame_op();
                let d = match t {
                    Ty::Frame(f) => f.dist,
                    Ty::Series(s) => s.dist,
                    _ => Dist::Rep,
                };
                // A part of the rows, held by the ranks that had them.
                t.with_dist(if d.is_dist() { Dist::OneDVar } else { Dist::Rep })
            }
            "describe" => self.described(e, t),
            // `hir/lower/frame_assign.rs` made statements of the others.
            "assign" => {
                self.error(
                    Diagnostic::error(e.span, "assign() here is not supported yet")
                        .label("inside a lambda, a condition or an argument")
                        .help("assign to a variable first: `out = df.assign(...)`"),
                );
                Ty::Unknown
            }
            n if REDUCTIONS.contains(&n) => {
                let s = match t {
                    Ty::Series(s) => s,
                    Ty::Frame(f) => return self.frame_reduction(e, f, n, args, kwargs),
                    _ => return Ty::Unknown,
                };
                self.no_kwargs(name, kwargs, &[]);
                if !args.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.{name}() takes no arguments here"))
                            .label("arguments"),
                    );
                }
                if s.elem == Ty::Str && n != "count" {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.{name}() of strings is not supported yet"))
                            .label("a Series of str values")
                            .help("`count()` is, and comparisons of the values"),
                    );
                    return Ty::Unknown;
                }
                self.frame_op();
                reduced(n, &s.elem)
            }
            _ => {
                self.error(
                    Diagnostic::error(e.span, format!("{}.{name}() is not supported yet", py_name(t)))
                        .label("not supported")
                        .help("see the pandas operations bodoc supports in SPEC.md section 3 (tier 2)"),
                );
                Ty::Unknown
            }
        }
    }

    /// `np.NAME(s, ...)` of a Series `s` ([`SERIES_UFUNCS`]), or `None` when
    /// the first argument is no Series.
    pub fn series_ufunc(&mut self, name: &str, args: &[Expr]) -> Option<Ty> {
        let floats = SERIES_UFUNCS.iter().find(|u| u.0 == name)?.1;
        let first = args.first()?;
        let t = self.expr(first);
        let Ty::Series(s) = self.top(&t) else { return None };
        for a in &args[1..] {
            let at = self.expr(a);
            self.expect(&Ty::Int, &at, a.span, &format!("np.{name}()"));
        }
        let elem = match (&s.elem, floats) {
            (_, true) => Ty::Float,
            (Ty::Bool, false) => Ty::Int,
            (el, false) => el.clone(),
        };
        self.frame_op();
        Some(Ty::Series(Box::new(SeriesTy { elem, ..*s })))
    }

    /// `np.round(df, k)` (`df.round(k)`, which HIR lowering makes that; `k`
    /// may be a dict display of decimals per column): the frame, its number
    /// columns rounded by `hir/frames/stats.rs` and the others as they are,
    /// as pandas does.
    pub fn frame_round(&mut self, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Option<Ty> {
        if !matches!(name, "round" | "around") {
            return None;
        }
        let t = self.expr(args.first()?);
        if !matches!(self.top(&t), Ty::Frame(_)) {
            return None;
        }
        self.no_kwargs("DataFrame.round", kwargs, &["decimals"]);
        for a in args[1..].iter().chain(kwargs.iter().map(|k| &k.value)) {
            // An int for every column, or a dict display of one per column name.
            let ExprKind::Dict(items) = &a.kind else {
                let at = self.expr(a);
                self.expect(&Ty::Int, &at, a.span, "DataFrame.round()");
                continue;
            };
            for (k, v) in items {
                if const_str(k).is_none() {
                    self.error(
                        Diagnostic::error(k.span, "the keys of round()'s dict must be column names")
                            .label("not a string literal")
                            .help("bodoc needs a DataFrame's column names at compile time"),
                    );
                }
                let vt = self.expr(v);
                self.expect(&Ty::Int, &vt, v.span, "DataFrame.round()");
            }
        }
        self.frame_op();
        Some(t)
    }

    /// The [`MAPS`] methods of Series `s`: the type of the values they make.
    fn series_map(&mut self, e: &Expr, s: &SeriesTy, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let values = Ty::array(s.elem.clone(), 1, s.dist);
        let elem = match name {
            "astype" => match self.astype_strings(s, args) {
                Some(el) => el,
                None => match self.array_method_args_ty(e, &values, name, args, kwargs) {
                    Ty::Array(el, ..) => *el,
                    _ => return Ty::Unknown,
                },
            },
            "isna" | "isnull" | "notna" | "notnull" | "abs" | "cumsum" => {
                if !args.is_empty() || !kwargs.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, format!("Series.{name}() takes no arguments here"))
                            .label("arguments"),
                    );
                }
                match (name, &s.elem) {
                    ("abs" | "cumsum", Ty::Bool) => Ty::Int,
                    ("abs" | "cumsum", el) => el.clone(),
                    _ => Ty::Bool,
                }
            }
            _ => {
                // fillna(value): the missing values replaced (`pandas_fillna.rs`).
                match self.series_fillna(e, s, args, kwargs) {
                    Some(el) => el,
                    None => return Ty::Unknown,
                }
            }
        };
        self.frame_op();
        Ty::Series(Box::new(SeriesTy { elem, ..s.clone() }))
    }

    /// `df.NAME()` of a reduction: one value per column, a Series labelled
    /// by the column names (of the columns' joined result type).
    fn frame_reduction(&mut self, e: &Expr, f: &FrameTy, n: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        self.no_kwargs(n, kwargs, &[]);
        if !args.is_empty() || f.cols.is_empty() {
            self.error(
                Diagnostic::error(e.span, format!("DataFrame.{n}() takes no arguments here and needs a column"))
                    .label("arguments or no columns"),
            );
            return Ty::Unknown;
        }
        let mut elem: Option<Ty> = None;
        for (c, el) in &f.cols {
            if *el == Ty::Str && n != "count" {
                self.error(
                    Diagnostic::error(
                        e.span,
                        format!("DataFrame.{n}() of the column of strings '{c}' is not supported"),
                    )
                    .label("TypeError in pandas")
                    .help(format!("select the number columns first: `df[[...]].{n}()`")),
                );
                return Ty::Unknown;
            }
            let r = reduced(n, el);
            elem = Some(match elem {
                None => r,
                Some(t) => self.join(&t, &r, false).unwrap_or(Ty::Float),
            });
        }
        self.frame_op();
        let elem = elem.unwrap_or(Ty::Float);
        Ty::Series(Box::new(SeriesTy { elem, name: None, labels: Labels::Str, dist: Dist::Rep }))
    }

    /// `x.describe()`: count, mean, std, min, quartiles and max of each
    /// number column of a frame (a frame labelled by the statistics), or of
    /// a Series of numbers.
    fn described(&mut self, e: &Expr, t: &Ty) -> Ty {
        let numeric = |el: &Ty| matches!(el, Ty::Int | Ty::Float);
        let out = match t {
            Ty::Frame(f) if f.cols.iter().any(|c| numeric(&c.1)) => {
                let cols = f.cols.iter().filter(|c| numeric(&c.1)).map(|c| (c.0.clone(), Ty::Float)).collect();
                Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Str, dist: Dist::Rep, group: None }))
            }
            Ty::Series(s) if numeric(&s.elem) => Ty::Series(Box::new(SeriesTy {
                elem: Ty::Float,
                name: s.name.clone(),
                labels: Labels::Str,
                dist: Dist::Rep,
            })),
            _ => {
                self.error(
                    Diagnostic::error(e.span, "describe() of values other than numbers is not supported yet")
                        .label("no int or float values")
                        .help("describe the number columns"),
                );
                return Ty::Unknown;
            }
        };
        self.frame_op();
        out
    }

    /// `s.map(f)` / `s.apply(f)`: `f`'s body (`hir/lower/value_maps.rs`
    /// made it a `CompKind::Array` comprehension) typed with its parameter
    /// a value of the Series.
    fn series_apply(&mut self, s: &SeriesTy, f: &Expr) -> Ty {
        let ExprKind::Comp { kind: CompKind::Array, elt, gens, .. } = &f.kind else {
            self.expr(f);
            self.error(
                Diagnostic::error(f.span, "Series.map() and apply() take a function of one value here")
                    .label("not a function")
                    .help("pass a lambda or a function's name: `s.map(lambda x: x * 2)`"),
            );
            return Ty::Unknown;
        };
        self.assign(&gens[0].target, &s.elem);
        let te = self.expr(elt);
        match self.mapped_array(&gens[0].iter, &te, elt.span) {
            Ty::Array(el, ..) => {
                self.frame_op();
                Ty::Series(Box::new(SeriesTy { elem: *el, ..s.clone() }))
            }
            _ => Ty::Unknown,
        }
    }

    /// `df.apply(f, axis=1)` (`df.$apply_rows(map)`, see
    /// `hir/lower/value_maps.rs`): the body typed with each column it reads
    /// a value of that column.
    fn rows_apply(&mut self, f: &FrameTy, map: &Expr) -> Ty {
        let ExprKind::Comp { elt, gens, .. } = &map.kind else { return Ty::Unknown };
        let (Target::Tuple(targets, _), ExprKind::Tuple(names)) = (&gens[0].target, &gens[0].iter.kind) else {
            return Ty::Unknown;
        };
        for (t, n) in targets.iter().zip(names) {
            let name = const_str(n).unwrap_or_default();
            let Some(c) = f.cols.iter().find(|c| c.0 == name) else {
                self.error(
                    Diagnostic::error(map.span, format!("the DataFrame has no column '{name}'"))
                        .label("read from the row")
                        .help(format!(
                            "its columns are {}",
                            f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ")
                        )),
                );
                return Ty::Unknown;
            };
            self.assign(t, &c.1.clone());
        }
        let te = self.expr(elt);
        match self.mapped_array(&gens[0].iter, &te, elt.span) {
            Ty::Array(el, ..) => {
                self.frame_op();
                Ty::Series(Box::new(SeriesTy { elem: *el, name: None, labels: f.labels.clone(), dist: f.dist }))
            }
            _ => Ty::Unknown,
        }
    }

    /// `s.astype(t)` converting to or from strings: the new element type,
    /// the conversion noted for `hir/frames.rs`. `None` for conversions
    /// between numbers (NumPy's `astype` of the values).
    fn astype_strings(&mut self, s: &SeriesTy, args: &[Expr]) -> Option<Ty> {
        let [dtype] = args else { return None };
        let to = match &dtype.kind {
            ExprKind::Builtin(Builtin::Str) => Ty::Str,
            ExprKind::Const(Const::Str(t)) if t == "str" => Ty::Str,
            _ if s.elem == Ty::Str => self.dtype_kwarg("astype", Some(dtype), &[])?,
            _ => return None,
        };
        let conv = match &to {
            Ty::Str => Builtin::Str,
            Ty::Int => Builtin::Int,
            Ty::Float => Builtin::Float,
            _ => Builtin::Bool,
        };
        let f = self.insts[self.cur as usize].func;
        self.frame_conversions.insert((f, dtype.id), conv);
        Some(to)
    }

    /// `a op b` where `a` or `b` is a Series: elementwise, as NumPy computes
    /// the values, with the labels of the series (`None` if neither is one).
    pub fn series_binop(&mut self, e: &Expr, op: BinOp, a: &Ty, b: &Ty) -> Option<Ty> {
        let (sa, sb) = (series_of(a), series_of(b));
        let s = sa.or(sb)?.clone();
        let str_of = |t: &Ty| matches!(t, Ty::Str) || series_of(t).is_some_and(|s| s.elem == Ty::Str);
        if op == BinOp::Add && str_of(a) && str_of(b) {
            // Concatenation, a map over the values (`hir/frames.rs`).
            let f = self.insts[self.cur as usize].func;
            self.frame_concats.insert((f, e.id));
            return Some(self.series_result(&Ty::array(Ty::Str, 1, s.dist), sa, sb, s));
        }
        let t = self.binop(op, &values_of(a), &values_of(b), e.span);
        Some(self.series_result(&t, sa, sb, s))
    }

    /// `a op b` comparing a Series elementwise.
    pub fn series_compare(&mut self, a: &Ty, b: &Ty, span: Span) -> Option<Ty> {
        let (sa, sb) = (series_of(a), series_of(b));
        let s = sa.or(sb)?.clone();
        let t = self.array_compare(&values_of(a), &values_of(b), span);
        Some(self.series_result(&t, sa, sb, s))
    }

    /// `-s`, `~s`, `+s`.
    pub fn series_unop(&mut self, op: UnOp, t: &Ty, span: Span) -> Option<Ty> {
        let s = series_of(t)?.clone();
        let r = self.unop(op, &values_of(t), span);
        Some(self.series_result(&r, Some(&s), None, s.clone()))
    }

    /// A Series of the array type `values` computed from operands `sa`/`sb`
    /// (pandas keeps a name both operands share, or the one Series' name).
    fn series_result(&mut self, values: &Ty, sa: Option<&SeriesTy>, sb: Option<&SeriesTy>, s: SeriesTy) -> Ty {
        let Ty::Array(elem, _, _) = values else { return Ty::Unknown };
        let name = match (sa, sb) {
            (Some(x), Some(y)) if x.name != y.name => None,
            _ => s.name.clone(),
        };
        let dist = match (sa, sb) {
            (Some(x), Some(y)) => x.dist.min(y.dist),
            _ => s.dist,
        };
        self.frame_op();
        Ty::Series(Box::new(SeriesTy { elem: (**elem).clone(), name, labels: s.labels.clone(), dist }))
    }

    /// `len(df)` / `len(s)`.
    pub fn frame_len(&mut self) -> Ty {
        self.frame_op();
        Ty::Int
    }
}

/// The labels of rows taken from labels `l` in another order or number: a
/// RangeIndex becomes the rows' labels, other labels are kept.
pub fn kept(l: &Labels) -> Labels {
    match l {
        Labels::Range => Labels::Int,
        other => other.clone(),
    }
}

/// Frame or series `t` cut to the rows a mask selects: they keep their
/// labels, held by the ranks that had the rows.
pub(super) fn filtered(t: &Ty) -> Ty {
    let var = |d: Dist| if d.is_dist() { Dist::OneDVar } else { Dist::Rep };
    match t {
        Ty::Frame(f) => Ty::Frame(Box::new(FrameTy { labels: kept(&f.labels), dist: var(f.dist), ..(**f).clone() })),
        Ty::Series(s) => Ty::Series(Box::new(SeriesTy { labels: kept(&s.labels), dist: var(s.dist), ..(**s).clone() })),
        _ => Ty::Unknown,
    }
}

/// The type of reduction `n` of values of type `el`.
fn reduced(n: &str, el: &Ty) -> Ty {
    match (n, el) {
        ("all" | "any", _) => Ty::Bool,
        ("sum" | "prod", Ty::Bool) | ("count" | "nunique", _) => Ty::Int,
        ("sum" | "prod" | "min" | "max", el) => el.clone(),
        _ => Ty::Float,
    }
}

/// The Series that column `name` of `f` is.
fn column(f: &FrameTy, name: &str) -> Ty {
    let elem = f.cols.iter().find(|c| c.0 == name).map_or(Ty::Unknown, |c| c.1.clone());
    Ty::Series(Box::new(SeriesTy { elem, name: Some(name.to_string()), labels: f.labels.clone(), dist: f.dist }))
}

fn series_of(t: &Ty) -> Option<&SeriesTy> {
    match t {
        Ty::Series(s) => Some(s),
        _ => None,
    }
}

/// What a Series operand is to NumPy: its values' array.
fn values_of(t: &Ty) -> Ty {
    match t {
        Ty::Series(s) => Ty::array(s.elem.clone(), 1, s.dist),
        other => other.clone(),
    }
}

/// Whether a comparison chain is one comparison pandas does elementwise.
pub fn elementwise_cmp(op: CmpOp) -> bool {
    !matches!(op, CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot)
}
