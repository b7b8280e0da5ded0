//! pandas: the types of `df.merge(other, ...)` / `pd.merge(a, b, ...)` and
//! `pd.concat(objs, ignore_index=...)`. `hir/frames/merge.rs` rewrites
//! them into the internal calls `pd.$merge(left, right, how=..., on=...,
//! ...)` (the original keywords) and `pd.$concat(ignore_index, a, b, ...)`
//! / `pd.$concat(ignore_index, frames)` (a list), lowered as runtime calls
//! (`ir/lower_merge.rs`).
//!
//! A merge's columns ([`merged`]) are pandas': the left frame's, then the
//! right one's; a key both frames name alike is one column in the left's
//! place (the left value, else the right one), other names both hold get
//! the suffixes. A side whose rows may be missing (`left`: the right side,
//! `right`: the left, `outer`: both) has its int columns as float64 (NaN),
//! as pandas types them once a row goes unmatched (datetime columns stay
//! datetimes, NaT there). The labels are a new RangeIndex; the rows are
//! 1D_Block_Var when either frame is distributed, in no particular order
//! (as in Bodo).
//!
//! A concatenation keeps the rows in order, frame after frame, and their
//! labels (an int64 array, duplicates allowed) unless `ignore_index=True`
//! (a new RangeIndex); its frames have the same column names, the first
//! one's order giving the result's.

use super::infer::Infer;
use super::pandas_sort::names_of;
use super::records::const_str;
use super::ty::{py_name, Dist, FrameTy, Labels, SeriesTy, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{Const, Expr, ExprKind, Kwarg};
use bodo_abi::join;

/// The keywords `merge` takes.
pub const MERGE_KWARGS: &[&str] = &["how", "on", "left_on", "right_on", "suffixes"];

/// A merge's constant keywords.
pub struct MergeSpec {
    /// A `bodo_abi::join` kind.
    pub how: i64,
    pub on: Option<Vec<String>>,
    pub left_on: Option<Vec<String>>,
    pub right_on: Option<Vec<String>>,
    pub suffixes: [String; 2],
}

/// The keywords of a merge, or what is wrong with one.
pub fn merge_spec(kwargs: &[Kwarg]) -> Result<MergeSpec, (Span, String)> {
    let mut spec =
        MergeSpec { how: join::INNER, on: None, left_on: None, right_on: None, suffixes: ["_x".into(), "_y".into()] };
    for k in kwargs {
        let v = &k.value;
        let names = || {
            names_of(v)
                .ok_or((v.span, format!("merge({}=...) takes a column name or a list of them, as constants", k.name)))
        };
        match k.name.as_str() {
            "how" => {
                let h = const_str(v).and_then(|h| join::HOWS.iter().position(|x| *x == h));
                let msg = "merge(how=...) takes \"inner\", \"left\", \"right\" or \"outer\" here";
                spec.how = h.ok_or((v.span, msg.to_string()))? as i64;
            }
            "on" => spec.on = Some(names()?),
            "left_on" => spec.left_on = Some(names()?),
            "right_on" => spec.right_on = Some(names()?),
            "suffixes" => {
                let items = match &v.kind {
                    ExprKind::Tuple(i) | ExprKind::List(i) => i.as_slice(),
                    _ => &[],
                };
                let s: Option<Vec<String>> = items.iter().map(|i| const_str(i).map(str::to_string)).collect();
                match s.as_deref() {
                    Some([a, b]) => spec.suffixes = [a.clone(), b.clone()],
                    _ => return Err((v.span, "merge(suffixes=...) takes a pair of string constants here".into())),
                }
            }
            other => return Err((v.span, format!("merge({other}=...) is not supported yet"))),
        }
    }
    Ok(spec)
}

/// Where a merge's result column comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// The left frame's column at this index.
    Left(usize),
    /// The right frame's column at this index.
    Right(usize),
    /// Key pair `k`, named alike on both sides.
    Key(usize),
}

/// A merge's result column.
pub struct OutCol {
    pub name: String,
    pub elem: Ty,
    pub src: Source,
    /// An int column that gets missing values: float64.
    pub to_float: bool,
}

/// A merge resolved against its frames' columns.
pub struct Merged {
    /// The key columns' indexes in the left and in the right frame, pairwise.
    pub lkeys: Vec<usize>,
    pub rkeys: Vec<usize>,
    pub cols: Vec<OutCol>,
    pub frame: FrameTy,
}

fn index_of(f: &FrameTy, name: &str, side: &str) -> Result<usize, String> {
    f.cols.iter().position(|c| c.0 == name).ok_or_else(|| {
        let cols = f.cols.iter().map(|c| format!("'{}'", c.0)).collect::<Vec<_>>().join(", ");
        format!("the {side} DataFrame has no column '{name}' (KeyError in pandas); its columns are {cols}")
    })
}

/// The result of merging `l` and `r` as `spec` asks, or why it is not
/// supported (the message, and a hint when there is a way around it).
pub fn merged(l: &FrameTy, r: &FrameTy, spec: &MergeSpec) -> Result<Merged, (String, Option<&'static str>)> {
    merged_cols(l, r, spec).map_err(|m| {
        let hint = if m.contains("gets missing values") {
            Some("drop the column before the merge, or convert it with astype(int) (it becomes float64)")
        } else if m.starts_with("merging the key") {
            Some("convert one key column first, e.g. `df[\"k\"] = df.k.astype(float)`")
        } else if m.contains("two columns named") {
            Some("pass suffixes=(\"_left\", \"_right\") or rename a column first")
        } else {
            None
        };
        (m, hint)
    })
}

fn merged_cols(l: &FrameTy, r: &FrameTy, spec: &MergeSpec) -> Result<Merged, String> {
    let (lk, rk) = match (&spec.on, &spec.left_on, &spec.right_on) {
        (Some(on), None, None) => (on.clone(), on.clone()),
        (None, Some(a), Some(b)) if a.len() == b.len() => (a.clone(), b.clone()),
        (None, Some(_), Some(_)) => return Err("len(right_on) must equal len(left_on) (ValueError in pandas)".into()),
        (None, None, None) => {
            let common: Vec<String> =
                l.cols.iter().filter(|c| r.cols.iter().any(|d| d.0 == c.0)).map(|c| c.0.clone()).collect();
            if common.is_empty() {
                return Err("no common columns to merge on: name them with on=, or left_on= and right_on=".into());
            }
            (common.clone(), common)
        }
        (Some(_), ..) => return Err("merge() takes on= or left_on= and right_on=, not both (MergeError)".into()),
        _ => return Err("merge() needs both left_on= and right_on= (MergeError in pandas)".into()),
    };
    let lkeys = lk.iter().map(|k| index_of(l, k, "left")).collect::<Result<Vec<_>, _>>()?;
    let rkeys = rk.iter().map(|k| index_of(r, k, "right")).collect::<Result<Vec<_>, _>>()?;
    for (&a, &b) in lkeys.iter().zip(&rkeys) {
        let (ta, tb) = (&l.cols[a].1, &r.cols[b].1);
        if ta != tb {
            return Err(format!(
                "merging the key '{}' of {} values with '{}' of {} values is not supported yet",
                l.cols[a].0,
                py_name(ta),
                r.cols[b].0,
                py_name(tb)
            ));
        }
    }
    let other =
        l.cols.iter().chain(&r.cols).find(|c| !matches!(c.1, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Datetime));
    if let Some((name, t)) = other {
        return Err(format!("merging a column of {} values ('{name}') is not supported yet", py_name(t)));
    }
    // A key named alike on both sides is one column.
    let shared = |k: usize| lk[k] == rk[k];
    let shared_key = |name: &str| (0..lk.len()).find(|&k| shared(k) && lk[k] == name);
    let (lnull, rnull) = (matches!(spec.how, join::RIGHT | join::OUTER), matches!(spec.how, join::LEFT | join::OUTER));
    let mut cols: Vec<OutCol> = Vec::new();
    let side = |name: &str, elem: &Ty, src: Source, null: bool, suffix: Option<&str>| -> Result<OutCol, String> {
        if null && *elem == Ty::Bool {
            return Err(format!(
                "the bool column '{name}' gets missing values in this merge (object dtype in pandas), which is not \
                 supported yet"
            ));
        }
        let name = format!("{name}{}", suffix.unwrap_or_default());
        let to_float = null && *elem == Ty::Int;
        Ok(OutCol { name, elem: if to_float { Ty::Float } else { elem.clone() }, src, to_float })
    };
    for (i, (name, elem)) in l.cols.iter().enumerate() {
        if let Some(k) = shared_key(name) {
            cols.push(OutCol { name: name.clone(), elem: elem.clone(), src: Source::Key(k), to_float: false });
            continue;
        }
        let clash = r.cols.iter().any(|c| &c.0 == name);
        cols.push(side(name, elem, Source::Left(i), lnull, clash.then_some(spec.suffixes[0].as_str()))?);
    }
    for (i, (name, elem)) in r.cols.iter().enumerate() {
        if shared_key(name).is_some() {
            continue;
        }
        let clash = l.cols.iter().any(|c| &c.0 == name);
        cols.push(side(name, elem, Source::Right(i), rnull, clash.then_some(spec.suffixes[1].as_str()))?);
    }
    for (i, c) in cols.iter().enumerate() {
        if cols[..i].iter().any(|d| d.name == c.name) {
            return Err(format!("the merge would give two columns named '{}': choose other suffixes", c.name));
        }
    }
    let dist = if l.dist.is_dist() || r.dist.is_dist() { Dist::OneDVar } else { Dist::Rep };
    let fcols = cols.iter().map(|c| (c.name.clone(), c.elem.clone())).collect();
    let frame = FrameTy { cols: fcols, labels: Labels::Range, dist, group: None };
    Ok(Merged { lkeys, rkeys, cols, frame })
}

/// The type of concatenating frames or series of types `items`, or why
/// it is not supported.
pub fn concatenated(items: &[Ty], ignore_index: bool) -> Result<Ty, String> {
    let Some(first) = items.first() else { return Err("pd.concat() needs at least one frame".into()) };
    let dist = if items.iter().any(Ty::has_dist) { Dist::OneDVar } else { Dist::Rep };
    let mut labels = Labels::Range;
    if !ignore_index {
        for t in items {
            let l = match t {
                Ty::Frame(f) => &f.labels,
                Ty::Series(s) => &s.labels,
                _ => continue,
            };
            if !matches!(l, Labels::Range | Labels::Int) {
                return Err("pd.concat() keeps int row labels or a RangeIndex's so far; \
                            pass ignore_index=True for a new RangeIndex"
                    .into());
            }
        }
        labels = Labels::Int;
    }
    let joined = |a: &Ty, b: &Ty| match (a, b) {
        (x, y) if x == y => Some(x.clone()),
        (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int) => Some(Ty::Float),
        _ => None,
    };
    match first {
        Ty::Frame(f) if f.group.is_none() => {
            if f.cols.is_empty() {
                return Err("pd.concat() of a DataFrame without columns is not supported yet".into());
            }
            let mut cols = f.cols.clone();
            for t in &items[1..] {
                let Ty::Frame(g) = t else { return Err(format!("pd.concat() of a DataFrame and {}", py_name(t))) };
                if g.cols.len() != cols.len() || g.group.is_some() {
                    return Err("pd.concat() of DataFrames with other columns is not supported yet".into());
                }
                for c in cols.iter_mut() {
                    let Some(d) = g.cols.iter().find(|d| d.0 == c.0) else {
                        return Err(format!(
                            "pd.concat() of DataFrames with other columns is not supported yet ('{}' is in one only)",
                            c.0
                        ));
                    };
                    c.1 = joined(&c.1, &d.1).ok_or(format!(
                        "pd.concat() of the column '{}' of {} and of {} values is not supported yet",
                        c.0,
                        py_name(&c.1),
                        py_name(&d.1)
                    ))?;
                }
            }
            if let Some(c) =
                cols.iter().find(|c| !matches!(c.1, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Datetime))
            {
                return Err(format!("pd.concat() of a column of {} values is not supported yet", py_name(&c.1)));
            }
            Ok(Ty::Frame(Box::new(FrameTy { cols, labels, dist, group: None })))
        }
        Ty::Series(s) => {
            let (mut elem, mut name) = (s.elem.clone(), s.name.clone());
            for t in &items[1..] {
                let Ty::Series(u) = t else { return Err(format!("pd.concat() of a Series and {}", py_name(t))) };
                elem = joined(&elem, &u.elem).ok_or("pd.concat() of Series of other value types")?;
                if u.name != name {
                    name = None;
                }
            }
            Ok(Ty::Series(Box::new(SeriesTy { elem, name, labels, dist })))
        }
        other => Err(format!("pd.concat() takes DataFrames or Series, not {}", py_name(other))),
    }
}

/// The `ignore_index` flag of `pd.concat`, `None` when it is no bool constant.
pub fn ignore_index(kwargs: &[Kwarg]) -> Option<bool> {
    match kwargs.iter().find(|k| k.name == "ignore_index").map(|k| &k.value.kind) {
        None => Some(false),
        Some(ExprKind::Const(Const::Bool(b))) => Some(*b),
        Some(_) => None,
    }
}

impl Infer<'_> {
    /// `pd.DataFrame()` (and `pd.$empty()`, what the rewrite leaves): a frame
    /// of no rows whose columns are those of the frames the variable it is
    /// stored in holds elsewhere (`df = pd.concat([df, x])`), a variable
    /// of its site bound by that join.
    pub(super) fn empty_frame(&mut self, e: &Expr, internal: bool) -> Ty {
        let v = self.site_var(e.id, 0);
        match self.top(&v) {
            Ty::Frame(_) if !internal => self.frame_op(),
            Ty::Frame(_) => {}
            // Bound later in this pass, or never: reported in the final one
            // (then unknown, so its uses add no errors of their own).
            _ if self.report => {
                self.error(
                    Diagnostic::error(
                        e.span,
                        "a DataFrame of no columns is supported only as the start of a concatenation",
                    )
                    .label("its columns are unknown here")
                    .help(
                        "concatenate frames into it (`df = pd.concat([df, part], ignore_index=True)`), or give \
                         its columns: `pd.DataFrame({\"A\": np.zeros(0)})`",
                    ),
                );
                return Ty::Unknown;
            }
            _ => {}
        }
        v
    }

    /// `left.merge(right, ...)` / `pd.merge(left, right, ...)` /
    /// `pd.$merge(...)`, of the typed operands `l` and `r`; `extra` are
    /// positional arguments after them; `internal` for `pd.$merge`.
    pub(super) fn merge_typed(
        &mut self,
        e: &Expr,
        l: &Ty,
        r: &Ty,
        extra: &[Expr],
        kwargs: &[Kwarg],
        internal: bool,
    ) -> Ty {
        if let Some(a) = extra.first() {
            self.error(
                Diagnostic::error(a.span, "merge() takes its options as keywords here")
                    .label("a positional argument")
                    .help("write `how=`, `on=`, ... by name"),
            );
            return Ty::Unknown;
        }
        if !self.known_kwargs("merge", kwargs, MERGE_KWARGS) {
            return Ty::Unknown;
        }
        let (l, r) = (self.top(l), self.top(r));
        let (Ty::Frame(lf), Ty::Frame(rf)) = (&l, &r) else {
            if matches!(l, Ty::Unknown | Ty::Var(_)) || matches!(r, Ty::Unknown | Ty::Var(_)) {
                return Ty::Unknown;
            }
            self.error(
                Diagnostic::error(
                    e.span,
                    format!("merge() joins two DataFrames, not {} and {}", py_name(&l), py_name(&r)),
                )
                .label("not two DataFrames"),
            );
            return Ty::Unknown;
        };
        if lf.group.is_some() || rf.group.is_some() {
            self.error(Diagnostic::error(e.span, "merge() of a groupby object").label("aggregate it first"));
            return Ty::Unknown;
        }
        let spec = match merge_spec(kwargs) {
            Ok(s) => s,
            Err((span, msg)) => {
                self.error(Diagnostic::error(span, msg).label("not supported").help(MERGE_HELP));
                return Ty::Unknown;
            }
        };
        match merged(lf, rf, &spec) {
            Ok(m) => {
                // The internal call is what the rewrite leaves.
                if !internal {
                    self.frame_op();
                }
                Ty::Frame(Box::new(m.frame))
            }
            Err((msg, hint)) => {
                self.error(Diagnostic::error(e.span, msg).label("in this merge").help(hint.unwrap_or(MERGE_HELP)));
                Ty::Unknown
            }
        }
    }

    /// `pd.concat(objs, ignore_index=...)`: `objs` a list display of frames
    /// or series, or a list of them; also `pd.$concat(ignore_index, ...)`
    /// (`internal`).
    pub(super) fn concat_typed(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg], internal: bool) -> Ty {
        let (ignore, objs): (Option<bool>, &[Expr]) = if internal && !args.is_empty() {
            (Some(matches!(args[0].kind, ExprKind::Const(Const::Bool(true)))), &args[1..])
        } else {
            self.no_kwargs("concat", kwargs, &["ignore_index"]);
            (ignore_index(kwargs), args)
        };
        let Some(ignore) = ignore else {
            self.error(
                Diagnostic::error(e.span, "pd.concat(ignore_index=...) takes True or False").label("not a constant"),
            );
            return Ty::Unknown;
        };
        // A list display's frames are typed one by one (a list would hold them whole on every rank).
        let items: Vec<Ty> = match objs {
            [Expr { kind: ExprKind::List(items), .. }] if !internal => items.iter().map(|i| self.expr(i)).collect(),
            [one] => {
                let t = self.expr(one);
                match self.top(&t) {
                    Ty::List(el) => vec![self.top(&el)],
                    other if internal => vec![other],
                    _ => {
                        self.error(
                            Diagnostic::error(one.span, "pd.concat() takes a list of DataFrames or Series")
                                .label("not a list")
                                .help("write `pd.concat([df1, df2])`"),
                        );
                        return Ty::Unknown;
                    }
                }
            }
            many if internal => many.iter().map(|i| self.expr(i)).collect(),
            _ => {
                self.error(
                    Diagnostic::error(e.span, "pd.concat() takes one list of DataFrames or Series")
                        .label("other arguments")
                        .help("write `pd.concat([df1, df2], ignore_index=True)`"),
                );
                return Ty::Unknown;
            }
        };
        let mut items: Vec<Ty> = items.iter().map(|t| self.top(t)).collect();
        if items.iter().any(|t| matches!(t, Ty::Unknown)) {
            return Ty::Unknown;
        }
        // `pd.DataFrame()` not yet bound to the columns it gets from this result.
        items.retain(|t| !matches!(t, Ty::Var(_)));
        if items.is_empty() {
            return Ty::Unknown;
        }
        match concatenated(&items, ignore) {
            Ok(t) => {
                if !internal {
                    self.frame_op();
                }
                t
            }
            Err(msg) => {
                self.error(
                    Diagnostic::error(e.span, msg)
                        .label("in this concatenation")
                        .help("pd.concat() joins DataFrames of the same columns (or Series) along the rows so far"),
                );
                Ty::Unknown
            }
        }
    }
}

const MERGE_HELP: &str = "supported so far: merge(other, how=\"inner\"|\"left\"|\"right\"|\"outer\", on=..., \
                          left_on=..., right_on=..., suffixes=(...)) of int, float, bool, str and datetime columns";
