//! pandas operations rewritten into NumPy operations on columns, once
//! inference has seen which values are DataFrames and Series (Bodo's
//! DataFrame pass does the same).
//!
//! A frame or series is a tuple of parts at run time (`types/pandas.rs`):
//! row labels (a RangeIndex's start and step, or an int64 array) and one 1D
//! array per column. Operations on a Series' values become NumPy operations
//! (fused into loops by the NumPy lowering); operations on a whole frame
//! become internal calls typed per instance and lowered as tuple work:
//!
//! * `df.A`, `df["A"]`: `pd.$series("A", $start(df), $step(df), $col(df, "A"))`;
//! * `s1 * s2 + 1`: a Series of `$values(s1) * $values(s2) + 1`, with the
//!   labels of `s1`;
//! * `s.sum()`, `s.mean()`, ...: pandas' NaN-skipping formulas of the values;
//! * `df["C"] = e`: `df = pd.$with(df, "C", values of e)` (a new definition
//!   of `df`, so later statements see the column; `np.full($len(df), v)`
//!   for one value `v`);
//! * `df[["A", "B"]]`, `head(n)`, `tail(n)`, `len(x)`, `x.shape`:
//!   `pd.$select`, `pd.$head`, `pd.$tail`, `pd.$len`, `pd.$shape`.
//!
//! None of these depends on which columns a frame has, which only the last
//! round of inference knows for sure (a caller's frame may gain columns
//! later): only on whether its labels are a RangeIndex and on series names.
//!
//! A Series is kept in parts ([`Part`]) while an expression is rewritten and
//! built into a tuple only where it is needed whole. Its label parts may be
//! used more than once, so they are reads of a variable, constants, or a
//! pure expression evaluated again for each part (`df[df.a > 0].b * 2`
//! selects the rows twice); a series a call gives can be used whole or for
//! its values, and anything else asks for a variable.
//!
//! Requires: names resolved, inference's shapes of the function's frames and
//! series. Guarantees: pandas semantics for the operations above; expression
//! ids stay unique within the function; webs split again.

mod columns;
mod datetime;
mod distinct;
mod groupby;
mod hoist;
pub mod loc;
mod merge;
mod pivot;
mod rank;
mod sorts;
mod stats;
mod str_methods;
mod str_split;
mod windows;

use super::build::BuildHir;
use super::*;
use crate::diagnostics::Diagnostic;
use datetime::is_dt_attr;
use std::collections::{HashMap, HashSet};
use str_methods::is_str_attr;
use windows::is_rolling;

/// One function to rewrite: what each of its frame- or series-valued
/// expressions is (the same in every instance of the function).
#[derive(Debug)]
pub struct Request {
    pub func: FuncId,
    pub shapes: HashMap<ExprId, Shape>,
    /// The column names of each frame-valued expression (when every
    /// instance agrees), for the operations that make one value per column.
    pub columns: HashMap<ExprId, Vec<(String, crate::types::Ty)>>,
    /// Whether every column store of the program was typed this round, so
    /// that no frame gains a column later: only then are operations over
    /// every column rewritten.
    pub columns_final: bool,
    /// `a + b` concatenating strings of Series value by value.
    pub concats: HashSet<ExprId>,
}

/// What an expression is, as far as rewriting needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A DataFrame; whether its labels are a RangeIndex.
    Frame(bool),
    /// A Series: its name; whether its labels are a RangeIndex.
    Series(Option<String>, bool),
    /// A groupby object (`types/pandas_groupby.rs`); whether the grouped
    /// frame's labels are a RangeIndex.
    Group(bool),
    /// The index of a column store `df["C"] = v` whose value is one number
    /// for every row.
    Fill,
    /// The index of a column store whose value has no type yet: left for
    /// the next round.
    Later,
    /// Instances of the function disagree (series of other names, labels
    /// of other kinds).
    Conflict,
    /// A `pivot_table` result (`types/pandas_pivot.rs`), whose methods
    /// are no rewrite's business.
    Pivot,
    /// The dtype argument of `s.astype(t)` converting each value to or
    /// from a string with this Python builtin.
    Convert(Builtin),
    /// The value of `fillna(v)` when it is a str, filling str columns
    /// (`pd.$fill_strs`).
    TextFill,
}

/// Row labels in parts.
enum Lab {
    Range(Expr, Expr),
    Labels(Expr),
}

/// A Series in parts: labels, values, name.
struct Part {
    lab: Lab,
    values: Expr,
    name: Option<String>,
}

/// Rewrite the pandas operations of each requested function. Whether any
/// was rewritten (every rewrite makes expressions).
pub fn apply(prog: &mut Program, reqs: &[Request], diags: &mut crate::diagnostics::Diagnostics) -> bool {
    let mut rewrote = false;
    for r in reqs {
        let f = &mut prog.funcs[r.func as usize];
        let before = f.num_exprs;
        let params: HashSet<LocalId> = f.params.iter().map(|p| p.local).collect();
        let mut body = std::mem::take(&mut f.body);
        // A frame read after a column store this round rewrites still has
        // its type from before the store: operations over every column
        // wait for the next round, when the store is a new definition.
        let stores = column_stores(&body, &r.shapes);
        let mut w = Rewriter {
            f,
            shapes: r.shapes.clone(),
            params,
            diags: Vec::new(),
            columns: &r.columns,
            columns_final: r.columns_final && !stores,
            concats: &r.concats,
        };
        w.rewrite_stmts(&mut body, &mut |w, s| w.stmt_hoisted(s));
        let Rewriter { f, diags: found, .. } = w;
        f.body = body;
        rewrote |= f.num_exprs != before;
        super::webs::split(f);
        for d in found {
            diags.push(d);
        }
    }
    rewrote
}

/// Whether `body` stores a column into a frame variable (which
/// [`Rewriter::stmt`] makes a new definition of the variable).
fn column_stores(body: &[Stmt], shapes: &HashMap<ExprId, Shape>) -> bool {
    let mut found = false;
    super::visit::statements(body, &mut |s| {
        if let StmtKind::Assign(Target::Index(obj, idx, _), _) = &s.kind {
            found |= column_store(obj, idx, shapes);
        }
    });
    found
}

/// Whether `obj[idx] = ...` stores a column into a frame variable this
/// round: a constant name whose store waits for no other.
fn column_store(obj: &Expr, idx: &Expr, shapes: &HashMap<ExprId, Shape>) -> bool {
    matches!(shapes.get(&obj.id), Some(Shape::Frame(_)))
        && matches!(obj.kind, ExprKind::Local(_))
        && shapes.get(&idx.id) != Some(&Shape::Later)
        && matches!(idx.kind, ExprKind::Const(Const::Str(_)))
}

struct Rewriter<'a> {
    f: &'a mut Func,
    /// Shapes by expression id, also of the expressions made here.
    shapes: HashMap<ExprId, Shape>,
    params: HashSet<LocalId>,
    diags: Vec<Diagnostic>,
    columns: &'a HashMap<ExprId, Vec<(String, crate::types::Ty)>>,
    columns_final: bool,
    concats: &'a HashSet<ExprId>,
}

impl BuildHir for Rewriter<'_> {
    fn func(&mut self) -> &mut Func {
        self.f
    }
}

impl Rewriter<'_> {
    /// `s` rewritten, after the statements computing the receivers of its
    /// whole-frame operations (`frames/hoist.rs`), themselves rewritten.
    fn stmt_hoisted(&mut self, mut s: Stmt) -> Vec<Stmt> {
        let pre = self.hoist_receivers(&mut s);
        let mut out: Vec<Stmt> = pre.into_iter().flat_map(|p| self.stmt_hoisted(p)).collect();
        out.push(self.stmt(s));
        out
    }

    fn stmt(&mut self, mut s: Stmt) -> Stmt {
        // A column store on a frame variable is a new definition of it.
        if let StmtKind::Assign(Target::Index(obj, idx, span), value) = &mut s.kind {
            if let (ExprKind::Local(l), true) = (&obj.kind, column_store(obj, idx, &self.shapes)) {
                let (l, span) = (*l, *span);
                let frame = std::mem::replace(obj, self.int(0, span));
                let idx = std::mem::replace(idx, self.int(0, span));
                let mut value = std::mem::replace(value, self.int(0, span));
                self.exprs(&mut value);
                if let Some(new) = self.set_column(l, frame, idx, value, span) {
                    s.kind = StmtKind::Assign(Target::Local(l, span), new);
                }
                return s;
            }
        }
        self.stmt_exprs(&mut s);
        s
    }

    /// Rewrite the expressions of `s` itself (not of its nested blocks,
    /// which `rewrite_stmts` did first).
    fn stmt_exprs(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => self.exprs(e),
            StmtKind::Assign(t, v) | StmtKind::AugAssign(t, _, v) => {
                self.exprs(v);
                self.target(t);
            }
            StmtKind::If(c, ..) | StmtKind::While(c, ..) => self.exprs(c),
            StmtKind::For(t, it, ..) => {
                self.exprs(it);
                self.target(t);
            }
            StmtKind::Assert(c, m) => {
                self.exprs(c);
                if let Some(m) = m {
                    self.exprs(m);
                }
            }
            StmtKind::Try { .. }
            | StmtKind::Return(None)
            | StmtKind::Raise(None)
            | StmtKind::Break
            | StmtKind::Continue
            | StmtKind::Pass => {}
        }
    }

    fn target(&mut self, t: &mut Target) {
        match t {
            Target::Local(..) => {}
            Target::Tuple(ts, _) => ts.iter_mut().for_each(|t| self.target(t)),
            Target::Index(o, i, _) => {
                self.exprs(o);
                self.exprs(i);
            }
        }
    }

    /// Rewrite every pandas operation in `e`, innermost first.
    fn exprs(&mut self, e: &mut Expr) {
        visit::expr_mut_post(e, &mut |x| {
            let span = x.span;
            let old = std::mem::replace(x, Expr { id: x.id, kind: ExprKind::Const(Const::None), span });
            *x = self.op(old);
        });
    }

    fn shape(&self, id: ExprId) -> Option<&Shape> {
        self.shapes.get(&id)
    }

    /// Gives `e`, made here, the shape the expression `id` it replaces had.
    fn shape_as(&mut self, e: &Expr, id: ExprId) {
        let shape = self.shape(id).cloned().unwrap_or(Shape::Conflict);
        self.shapes.insert(e.id, shape);
    }

    fn is_frame(&self, e: &Expr) -> bool {
        matches!(self.shape(e.id), Some(Shape::Frame(_)))
    }

    fn is_series(&self, e: &Expr) -> bool {
        matches!(self.shape(e.id), Some(Shape::Series(..)))
    }

    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// `e` rewritten if it is a pandas operation (its parts already are).
    fn op(&mut self, e: Expr) -> Expr {
        let (id, span) = (e.id, e.span);
        if self.shape(id) == Some(&Shape::Conflict) {
            self.error(
                Diagnostic::error(span, "this function is called with Series or DataFrames of different kinds")
                    .label("of another name or index in another call")
                    .help("write a function per kind, or give every call the same kind of frame"),
            );
            return e;
        }
        let typed = self.shape(id).is_some();
        if typed && loc::loc_of(&e).is_some() {
            return self.loc(e);
        }
        match e.kind {
            ExprKind::Attr(v, name) if typed && self.is_group(&v) => self.group_select(id, *v, Err(&name), span),
            ExprKind::Index(v, i) if typed && self.is_group(&v) => self.group_select(id, *v, Ok(*i), span),
            ExprKind::MethodCall { recv, name, args, kwargs } if typed && self.is_group(&recv) => {
                self.group_method(id, *recv, &name, args, kwargs, span)
            }
            ExprKind::Call { func, mut args, kwargs } => {
                let frame_arg = args.len() == 1 && (self.is_frame(&args[0]) || self.is_series(&args[0]));
                match &func.kind {
                    ExprKind::ModAttr(Module::Pandas, n) if n == "DataFrame" && typed && args.is_empty() => {
                        let e = self.pd("$empty", Vec::new(), span);
                        self.shape_as(&e, id);
                        e
                    }
                    ExprKind::ModAttr(Module::Pandas, n) if n == "DataFrame" && typed => {
                        let ExprKind::Dict(items) = args.remove(0).kind else { return self.int(0, span) };
                        self.new_frame(items, span)
                    }
                    ExprKind::ModAttr(Module::Pandas, n) if n == "Series" && typed => {
                        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
                        let values = self.column_values(args.remove(0));
                        let lab = match kwargs.into_iter().find(|k| k.name == "index") {
                            Some(k) => Lab::Labels(self.np("array", vec![k.value], span)),
                            None => self.range_from_zero(span),
                        };
                        self.boxed(Part { lab, values, name }, span)
                    }
                    ExprKind::ModAttr(Module::Pandas, n) if n == "to_datetime" && typed && self.is_series(&args[0]) => {
                        self.parsed_datetimes(id, args.remove(0), span)
                    }
                    ExprKind::ModAttr(Module::Pandas, n) if n == "merge" && typed && args.len() == 2 => {
                        let (right, left) = (args.pop().expect("two frames"), args.pop().expect("two frames"));
                        self.merge_call(id, left, right, kwargs, span)
                    }
                    ExprKind::ModAttr(Module::Pandas, n)
                        if n == "pivot_table" && typed && args.first().is_some_and(|a| self.is_frame(a)) =>
                    {
                        let df = args.remove(0);
                        self.pivot_call(df, &args, &kwargs, span)
                    }
                    ExprKind::ModAttr(Module::Pandas, n) if n == "concat" && typed && args.len() == 1 => {
                        self.concat_call(id, args.remove(0), &kwargs, span)
                    }
                    ExprKind::Builtin(Builtin::Len) if args.len() == 1 && self.is_group(&args[0]) => {
                        self.group_len(args.remove(0), span)
                    }
                    ExprKind::Builtin(Builtin::Len) if frame_arg => self.pd("$len", args, span),
                    // `df.round(k)` (as `np.round(df, k)`): each number column's values.
                    ExprKind::ModAttr(Module::Numpy, n)
                        if matches!(n.as_str(), "round" | "around")
                            && typed
                            && args.first().is_some_and(|a| self.is_frame(a)) =>
                    {
                        self.frame_round(id, func, args, kwargs, span)
                    }
                    // `np.sqrt(s)`, `np.round(s, 2)`: NumPy's function of the values.
                    ExprKind::ModAttr(Module::Numpy, n) if typed && !args.is_empty() && self.is_series(&args[0]) => {
                        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
                        let n = n.clone();
                        let Some(p) = self.unbox(args.remove(0)) else { return self.int(0, span) };
                        let mut a = vec![p.values];
                        a.append(&mut args);
                        let values = self.np(&n, a, span);
                        self.boxed(Part { lab: p.lab, values, name }, span)
                    }
                    _ => Expr { id, kind: ExprKind::Call { func, args, kwargs }, span },
                }
            }
            ExprKind::Attr(v, name) if is_dt_attr(&v) => self.dt_field(id, *v, name, span),
            ExprKind::Attr(v, name) if self.is_frame(&v) && name == "shape" => self.pd("$shape", vec![*v], span),
            ExprKind::Attr(v, name) if self.is_frame(&v) && name == "columns" => self.pd("$columns", vec![*v], span),
            ExprKind::Attr(v, name) if self.is_frame(&v) && typed => self.column(*v, &name, span),
            ExprKind::Attr(v, name) if self.is_series(&v) && name == "shape" => self.pd("$shape", vec![*v], span),
            ExprKind::Attr(v, name) if self.is_series(&v) && name == "values" => self.values(*v, span),
            ExprKind::Index(v, i) if self.is_frame(&v) && typed => match i.kind {
                ExprKind::Const(Const::Str(name)) => self.column(*v, &name, span),
                ExprKind::List(names) => {
                    let names = self.expr(ExprKind::Tuple(names), span);
                    let e = self.pd("$select", vec![*v, names], span);
                    self.shape_as(&e, id);
                    e
                }
                kind => self.filter(id, *v, Expr { kind, ..*i }, span),
            },
            ExprKind::Index(v, i) if self.is_series(&v) && typed => self.filter(id, *v, *i, span),
            ExprKind::Bin(BinOp::Add, a, b) if typed && self.concats.contains(&id) => self.concat(id, *a, *b, span),
            ExprKind::Bin(op, a, b) if typed && (self.is_series(&a) || self.is_series(&b)) => {
                self.elementwise(id, *a, Some(*b), span, |a, b| ExprKind::Bin(op, Box::new(a), Box::new(b.unwrap())))
            }
            ExprKind::Unary(op, a) if typed && self.is_series(&a) => {
                self.elementwise(id, *a, None, span, |a, _| ExprKind::Unary(op, Box::new(a)))
            }
            ExprKind::Compare(a, chain)
                if typed && chain.len() == 1 && (self.is_series(&a) || self.is_series(&chain[0].1)) =>
            {
                let (op, b) = chain.into_iter().next().expect("one comparison");
                self.elementwise(id, *a, Some(b), span, |a, b| ExprKind::Compare(Box::new(a), vec![(op, b.unwrap())]))
            }
            ExprKind::MethodCall { recv, name, args, kwargs } if is_str_attr(&recv) => {
                let ExprKind::Attr(s, _) = recv.kind else { return self.int(0, span) };
                self.str_method(id, *s, name, args, kwargs, span)
            }
            ExprKind::Index(v, i) if is_str_attr(&v) => {
                let ExprKind::Attr(inner, _) = v.kind else { return self.int(0, span) };
                self.str_index(id, *inner, *i, span)
            }
            ExprKind::MethodCall { recv, name, .. } if typed && is_rolling(&recv) => {
                self.rolling_call(id, *recv, &name, span)
            }
            ExprKind::MethodCall { recv, name, args, kwargs }
                if typed && self.is_series(&recv) && matches!(name.as_str(), "shift" | "diff") =>
            {
                self.shift_call(id, *recv, &name, args, kwargs, span)
            }
            ExprKind::MethodCall { recv, name, args, kwargs } if self.is_frame(&recv) || self.is_series(&recv) => {
                self.method(id, *recv, name, args, kwargs, span)
            }
            kind => Expr { id, kind, span },
        }
    }

    fn call(&mut self, func: ExprKind, args: Vec<Expr>, span: Span) -> Expr {
        let func = self.expr(func, span);
        self.expr(ExprKind::Call { func: Box::new(func), args, kwargs: Vec::new() }, span)
    }

    fn np(&mut self, name: &str, args: Vec<Expr>, span: Span) -> Expr {
        self.call(ExprKind::ModAttr(Module::Numpy, name.to_string()), args, span)
    }

    /// A call of an internal of `types/pandas.rs`.
    fn pd(&mut self, name: &str, args: Vec<Expr>, span: Span) -> Expr {
        self.call(ExprKind::ModAttr(Module::Pandas, name.to_string()), args, span)
    }

    fn string(&mut self, s: &str, span: Span) -> Expr {
        self.expr(ExprKind::Const(Const::Str(s.to_string())), span)
    }

    fn range_from_zero(&mut self, span: Span) -> Lab {
        Lab::Range(self.int(0, span), self.int(1, span))
    }

    /// A column's values from what `pd.DataFrame`/`pd.Series` was given:
    /// a Series' values, or a copy of an array or list (pandas copies).
    fn column_values(&mut self, v: Expr) -> Expr {
        let span = v.span;
        if self.is_series(&v) {
            return self.values(v, span);
        }
        self.np("array", vec![v], span)
    }

    /// `pd.DataFrame({"A": a, ...})` as `pd.$frame(("A", ...), 0, 1, a', ...)`.
    fn new_frame(&mut self, items: Vec<(Expr, Expr)>, span: Span) -> Expr {
        let mut cols: Vec<(String, Expr)> = Vec::new();
        // The labels of the first Series among the columns, which the
        // others must share.
        let mut lab: Option<Lab> = None;
        for (k, v) in items {
            let ExprKind::Const(Const::Str(name)) = &k.kind else { continue };
            let values = match (self.is_series(&v), &lab) {
                (true, None) => {
                    let Some(p) = self.unbox(v) else { continue };
                    lab = Some(p.lab);
                    p.values
                }
                (true, Some(l)) => {
                    let Some(p) = self.unbox(v) else { continue };
                    if same_labels(l, &p.lab) {
                        p.values
                    } else {
                        let l = match l {
                            Lab::Range(a, b) => Lab::Range(self.copy_expr(a), self.copy_expr(b)),
                            Lab::Labels(x) => Lab::Labels(self.copy_expr(x)),
                        };
                        self.aligned(&l, &p.lab, p.values, span)
                    }
                }
                (false, _) => self.column_values(v),
            };
            // A repeated key keeps its first place and its last value, as in a dict.
            match cols.iter_mut().find(|c| &c.0 == name) {
                Some(c) => c.1 = values,
                None => cols.push((name.clone(), values)),
            }
        }
        let names: Vec<Expr> = cols.iter().map(|c| self.string(&c.0, span)).collect();
        let mut args = vec![self.expr(ExprKind::Tuple(names), span)];
        let range = !matches!(lab, Some(Lab::Labels(_)));
        match lab {
            Some(Lab::Range(a, b)) => args.extend([a, b]),
            Some(Lab::Labels(x)) => args.push(x),
            None => args.extend([self.int(0, span), self.int(1, span)]),
        }
        args.extend(cols.into_iter().map(|c| c.1));
        let e = self.pd("$frame", args, span);
        self.shapes.insert(e.id, Shape::Frame(range));
        e
    }

    /// The tuple a series is, from its parts.
    fn boxed(&mut self, p: Part, span: Span) -> Expr {
        let name = match &p.name {
            Some(s) => self.string(s, span),
            None => self.expr(ExprKind::Const(Const::None), span),
        };
        let range = matches!(p.lab, Lab::Range(..));
        let mut args = vec![name];
        match p.lab {
            Lab::Range(a, b) => args.extend([a, b]),
            Lab::Labels(x) => args.push(x),
        }
        args.push(p.values);
        let e = self.pd("$series", args, span);
        self.shapes.insert(e.id, Shape::Series(p.name, range));
        e
    }

    /// The labels of frame or series `e`, a variable or a pure expression
    /// (reads of it; a column's are its frame's, so two columns of one
    /// selection have the same labels).
    fn labels_of(&mut self, e: &Expr, range: bool, span: Span) -> Lab {
        if let ExprKind::Call { func, args, .. } = &e.kind {
            if matches!(&func.kind, ExprKind::ModAttr(Module::Pandas, n) if n == "$column_of") {
                return self.labels_of(&args[0], range, span);
            }
        }
        if range {
            let (a, b) = (self.copy_expr(e), self.copy_expr(e));
            Lab::Range(self.pd("$start", vec![a], span), self.pd("$step", vec![b], span))
        } else {
            let a = self.copy_expr(e);
            Lab::Labels(self.pd("$labels", vec![a], span))
        }
    }

    /// Series `e` in parts: a series built here is taken apart, a
    /// variable's or pure expression's parts are reads of it; anything else
    /// is a diagnostic (see [`Self::values`] for its values alone).
    fn unbox(&mut self, e: Expr) -> Option<Part> {
        let span = e.span;
        let Some(Shape::Series(name, range)) = self.shape(e.id).cloned() else { return None };
        if let ExprKind::Call { args, .. } = &e.kind {
            if let Some(lab) = self.built_labels(&e, range) {
                let values = self.copy_expr(args.last().expect("series values"));
                return Some(Part { lab, values, name });
            }
        }
        // A pure expression (`df[df.a > 0].b`, `s.tail(2)`) is evaluated once
        // per part it gives; anything else (a call) must be held first.
        if !e.is_repeatable() {
            self.error(
                Diagnostic::error(span, "assign this Series to a variable before this operation")
                    .label("a Series used in parts")
                    .help("e.g. `s = make_series()`, then operate on `s`"),
            );
            return None;
        }
        let lab = self.labels_of(&e, range, span);
        Some(Part { lab, values: self.pd("$values", vec![e], span), name })
    }

    /// The labels of `e` if it is a series built here (`pd.$series(...)`),
    /// or a variable (reads of it).
    fn built_labels(&mut self, e: &Expr, range: bool) -> Option<Lab> {
        match &e.kind {
            ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::ModAttr(Module::Pandas, n) if n == "$series") => {
                Some(if range {
                    Lab::Range(self.copy_expr(&args[1]), self.copy_expr(&args[2]))
                } else {
                    Lab::Labels(self.copy_expr(&args[1]))
                })
            }
            ExprKind::Local(_) => Some(self.labels_of(e, range, e.span)),
            _ => None,
        }
    }

    /// The values' array of series `e`, of any expression (read once).
    fn values(&mut self, e: Expr, span: Span) -> Expr {
        if !self.is_series(&e) {
            return self.int(0, span);
        }
        match &e.kind {
            ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::ModAttr(Module::Pandas, n) if n == "$series") => {
                self.copy_expr(args.last().expect("series values"))
            }
            _ => self.pd("$values", vec![e], span),
        }
    }

    /// Column `name` of frame `frame` as a Series.
    fn column(&mut self, frame: Expr, name: &str, span: Span) -> Expr {
        let Some(Shape::Frame(range)) = self.shape(frame.id).cloned() else { return self.int(0, span) };
        if !matches!(frame.kind, ExprKind::Local(_)) {
            // A frame any other expression gives (`df[mask].A`): its column
            // made a Series whole, the frame evaluated once.
            let col = self.string(name, span);
            let e = self.pd("$column_of", vec![frame, col], span);
            self.shapes.insert(e.id, Shape::Series(Some(name.to_string()), range));
            return e;
        }
        let lab = self.labels_of(&frame, range, span);
        let col = self.string(name, span);
        let values = self.pd("$col", vec![frame, col], span);
        self.boxed(Part { lab, values, name: Some(name.to_string()) }, span)
    }

    /// `x[mask]` of a frame or series: `pd.$filter(x, mask)`, a mask Series
    /// sharing `x`'s labels giving its values.
    fn filter(&mut self, id: ExprId, x: Expr, mask: Expr, span: Span) -> Expr {
        let mask = if self.is_series(&mask) {
            let Some(p) = self.unbox(mask) else { return self.int(0, span) };
            let range = matches!(self.shape(x.id), Some(Shape::Frame(true) | Shape::Series(_, true)));
            let lab = self.built_labels(&x, range);
            if !lab.is_some_and(|l| same_labels(&l, &p.lab)) {
                self.error(
                    Diagnostic::error(span, "the mask has other row labels than what it selects from")
                        .label("pandas would align them by label")
                        .help("make the mask from the same variable: `df[df.a > 0]`"),
                );
            }
            p.values
        } else {
            mask
        };
        let e = self.pd("$filter", vec![x, mask], span);
        self.shape_as(&e, id);
        e
    }

    /// Values `v` of labels `b` used beside labels `a` that may differ: two
    /// RangeIndexes are checked equal at run time (`pd.$aligned`), as pandas'
    /// alignment by label then changes nothing; other labels are a
    /// diagnostic, alignment being unsupported.
    fn aligned(&mut self, a: &Lab, b: &Lab, v: Expr, span: Span) -> Expr {
        if let (Lab::Labels(x), Lab::Labels(y)) = (a, b) {
            // Labels of their own are compared at run time too.
            let (x, y) = (self.copy_expr(x), self.copy_expr(y));
            return self.pd("$aligned_labels", vec![v, x, y], span);
        }
        let (Lab::Range(s1, t1), Lab::Range(s2, t2)) = (a, b) else {
            self.error(
                Diagnostic::error(span, "these Series have different row labels")
                    .label("pandas would align them by label")
                    .help("aligning by label is not supported yet: combine columns of one DataFrame"),
            );
            return v;
        };
        let parts = [s1, t1, s2, t2].map(|x| self.copy_expr(x));
        let mut args = vec![v];
        args.extend(parts);
        self.pd("$aligned", args, span)
    }

    /// `df[name] = value` on frame variable `l`: the frame with that column
    /// added or replaced.
    fn set_column(&mut self, l: LocalId, frame: Expr, idx: Expr, value: Expr, span: Span) -> Option<Expr> {
        let ExprKind::Const(Const::Str(name)) = &idx.kind else { return None };
        let name = self.string(&name.clone(), idx.span);
        if self.params.contains(&l) {
            self.error(
                Diagnostic::error(span, "adding a column to a DataFrame argument is not supported")
                    .label("pandas would change the caller's frame too")
                    .help(
                        "build the column in the caller, or return a new frame: `out = df[[...]]`, then add to `out`",
                    ),
            );
            return None;
        }
        let Some(Shape::Frame(range)) = self.shape(frame.id).cloned() else { return None };
        let values = if self.is_series(&value) {
            let p = self.unbox(value)?;
            let lab = self.labels_of(&frame, range, span);
            if same_labels(&lab, &p.lab) {
                p.values
            } else {
                self.aligned(&lab, &p.lab, p.values, span)
            }
        } else if self.is_frame(&value) {
            self.error(
                Diagnostic::error(value.span, "a DataFrame cannot be stored as one column").label("a DataFrame"),
            );
            return None;
        } else if self.shape(idx.id) == Some(&Shape::Fill) {
            // One value for every row.
            let f = self.copy_expr(&frame);
            let rows = self.pd("$len", vec![f], span);
            self.np("full", vec![rows, value], span)
        } else {
            // An array or a list, copied as pandas does.
            self.np("array", vec![value], span)
        };
        let e = self.pd("$with", vec![frame, name, values], span);
        self.shapes.insert(e.id, Shape::Frame(range));
        Some(e)
    }

    /// An operator on series: a Series of the operator on their values, with
    /// the first series' labels.
    fn elementwise(
        &mut self,
        id: ExprId,
        a: Expr,
        b: Option<Expr>,
        span: Span,
        make: impl FnOnce(Expr, Option<Expr>) -> ExprKind,
    ) -> Expr {
        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else {
            // Not typed yet (a column an earlier store adds): a later round.
            return self.expr(make(a, b), span);
        };
        let part = |w: &mut Self, x: Expr| -> (Option<Lab>, Expr) {
            if w.is_series(&x) {
                match w.unbox(x) {
                    Some(p) => (Some(p.lab), p.values),
                    None => (None, w.int(0, span)),
                }
            } else {
                (None, x)
            }
        };
        let (la, va) = part(self, a);
        let (lb, vb) = match b {
            Some(b) => {
                let (l, v) = part(self, b);
                (l, Some(v))
            }
            None => (None, None),
        };
        let vb = match (&la, &lb, vb) {
            (Some(x), Some(y), Some(v)) if !same_labels(x, y) => Some(self.aligned(x, y, v, span)),
            (_, _, v) => v,
        };
        let Some(lab) = la.or(lb) else { return self.int(0, span) };
        let values = self.expr(make(va, vb), span);
        self.boxed(Part { lab, values, name }, span)
    }

    fn method(
        &mut self,
        id: ExprId,
        recv: Expr,
        name: String,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
        span: Span,
    ) -> Expr {
        let typed = self.shape(id).is_some();
        match name.as_str() {
            "sort_values" | "sort_index" | "reset_index" | "set_index" if typed => {
                return self.reorder_call(id, recv, &name, &args, &kwargs, span)
            }
            "groupby" if typed && self.is_frame(&recv) => return self.groupby_call(id, recv, &args, &kwargs, span),
            "rank" if typed && self.is_series(&recv) => return self.rank_call(id, recv, &args, &kwargs, span),
            "unique" | "nunique" if self.is_series(&recv) => {
                return self.distinct_call(id, recv, &name, &args, &kwargs, span)
            }
            "value_counts" | "drop_duplicates" if typed => {
                return self.distinct_call(id, recv, &name, &args, &kwargs, span)
            }
            "rename" | "drop" if typed => return self.columns_call(id, recv, &name, &args, &kwargs, span),
            "pivot_table" if typed && self.is_frame(&recv) => return self.pivot_call(recv, &args, &kwargs, span),
            "merge" if typed && self.is_frame(&recv) && args.len() == 1 => {
                let right = args.into_iter().next().expect("one frame");
                return self.merge_call(id, recv, right, kwargs, span);
            }
            _ => {}
        }
        match name.as_str() {
            // Frames are never changed in place here (a column store makes a
            // new one), so a copy may share the arrays.
            "copy" if typed => {
                let e = self.pd("$copy", vec![recv], span);
                self.shape_as(&e, id);
                e
            }
            "head" | "tail" if typed => {
                let n = args.into_iter().next().or(kwargs.into_iter().next().map(|k| k.value));
                let n = n.unwrap_or_else(|| self.int(5, span));
                let e = self.pd(if name == "head" { "$head" } else { "$tail" }, vec![recv, n], span);
                self.shape_as(&e, id);
                e
            }
            m if stats::MISSING_OPS.contains(&m) && self.is_frame(&recv) => {
                self.frame_missing(id, recv, name, args, kwargs, span)
            }
            "to_numpy" if self.is_series(&recv) => self.values(recv, span),
            m if typed && crate::types::PANDAS_MAPS.contains(&m) => self.map_values(id, recv, m, args, kwargs, span),
            m if self.is_frame(&recv) && (m == "describe" || crate::types::PANDAS_REDUCTIONS.contains(&m)) => {
                self.frame_stats(id, recv, name, args, kwargs, span)
            }
            "describe" if self.is_series(&recv) => self.series_describe(id, recv, span),
            "$apply_rows" if typed && self.is_frame(&recv) && args.len() == 1 => {
                let Some(Shape::Frame(range)) = self.shape(recv.id).cloned() else { return self.int(0, span) };
                let mut map = args.into_iter().next().expect("one argument");
                if let ExprKind::Comp { gens, .. } = &mut map.kind {
                    let ExprKind::Tuple(names) = &gens[0].iter.kind else { return self.int(0, span) };
                    let names: Vec<String> = names
                        .iter()
                        .filter_map(
                            |n| if let ExprKind::Const(Const::Str(s)) = &n.kind { Some(s.clone()) } else { None },
                        )
                        .collect();
                    let cols: Vec<Expr> = names.iter().map(|n| self.values_of_column(&recv, n, span)).collect();
                    let zip = self.expr(ExprKind::Builtin(Builtin::Zip), span);
                    gens[0].iter =
                        self.expr(ExprKind::Call { func: Box::new(zip), args: cols, kwargs: Vec::new() }, span);
                }
                let lab = self.labels_of(&recv, range, span);
                self.boxed(Part { lab, values: map, name: None }, span)
            }
            "map" | "apply" if typed && self.is_series(&recv) && args.len() == 1 => {
                let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
                let Some(p) = self.unbox(recv) else { return self.int(0, span) };
                let mut map = args.into_iter().next().expect("one argument");
                if let ExprKind::Comp { gens, .. } = &mut map.kind {
                    gens[0].iter = p.values;
                }
                self.boxed(Part { lab: p.lab, values: map, name }, span)
            }
            "dropna" if self.is_series(&recv) && typed => {
                let copy = self.copy_expr(&recv);
                self.shape_as(&copy, recv.id);
                let v = self.values(copy, span);
                let w = self.copy_expr(&v);
                let kept = self.expr(ExprKind::Compare(Box::new(v), vec![(CmpOp::Eq, w)]), span);
                self.filter(id, recv, kept, span)
            }
            "quantile" if self.is_series(&recv) => {
                let q = args.into_iter().chain(kwargs.into_iter().map(|k| k.value)).next();
                let q = q.unwrap_or_else(|| self.expr(ExprKind::Const(Const::Float(0.5)), span));
                let values = self.values(recv, span);
                let present = self.present(values, span);
                self.np("quantile", vec![present, q], span)
            }
            "idxmax" | "idxmin" if self.is_series(&recv) => self.label_of_extreme(recv, &name, span),
            m if self.is_series(&recv) && crate::types::PANDAS_REDUCTIONS.contains(&m) => {
                let values = self.values(recv, span);
                self.reduce(m, values, span)
            }
            _ => Expr { id, kind: ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, span },
        }
    }

    /// A Series method making one value of each (`astype`, `abs`, `isna`,
    /// `fillna`, `cumsum`, ...; `s.round(k)` is `np.round(s, k)` already): the same labels, NumPy's operation on the values.
    fn map_values(&mut self, id: ExprId, recv: Expr, m: &str, args: Vec<Expr>, kwargs: Vec<Kwarg>, span: Span) -> Expr {
        let Some(Shape::Series(name, _)) = self.shape(id).cloned() else { return self.int(0, span) };
        let Some(Part { lab, values: v, .. }) = self.unbox(recv) else { return self.int(0, span) };
        let arg = args.into_iter().chain(kwargs.into_iter().map(|k| k.value)).next();
        let kept = |w: &mut Self, v: &Expr| {
            let (a, b) = (w.copy_expr(v), w.copy_expr(v));
            w.expr(ExprKind::Compare(Box::new(a), vec![(CmpOp::Eq, b)]), span)
        };
        if let Some(Shape::Convert(b)) = arg.as_ref().and_then(|a| self.shape(a.id)).cloned() {
            // To or from strings: Python's conversion of each value.
            return self.mapped(Part { lab, values: v, name }, span, |w, x| ExprKind::Call {
                func: Box::new(w.expr(ExprKind::Builtin(b), span)),
                args: vec![x],
                kwargs: Vec::new(),
            });
        }
        let values = match m {
            "astype" => self.expr(
                ExprKind::MethodCall {
                    recv: Box::new(v),
                    name: m.to_string(),
                    args: arg.into_iter().collect(),
                    kwargs: Vec::new(),
                },
                span,
            ),
            "abs" => self.np("abs", vec![v], span),
            "isna" | "isnull" | "notna" | "notnull" => {
                let op = if m.starts_with("is") { CmpOp::Ne } else { CmpOp::Eq };
                let w = self.copy_expr(&v);
                self.expr(ExprKind::Compare(Box::new(v), vec![(op, w)]), span)
            }
            "fillna" => {
                let fill = arg.unwrap_or_else(|| self.int(0, span));
                if self.shape(fill.id) == Some(&Shape::TextFill) {
                    self.pd("$fill_strs", vec![v, fill], span)
                } else {
                    let k = kept(self, &v);
                    self.np("where", vec![k, v, fill], span)
                }
            }
            _ => {
                // cumsum: NaN stays NaN and adds nothing to the later sums.
                let (k1, k2) = (kept(self, &v), kept(self, &v));
                let (v1, z) = (self.copy_expr(&v), self.int(0, span));
                let filled = self.np("where", vec![k1, v1, z], span);
                let sums = self.np("cumsum", vec![filled], span);
                self.np("where", vec![k2, sums, v], span)
            }
        };
        self.boxed(Part { lab, values, name }, span)
    }

    /// The values of `v` that are not NaN: `v[v == v]`.
    fn present(&mut self, v: Expr, span: Span) -> Expr {
        let (a, b) = (self.copy_expr(&v), self.copy_expr(&v));
        let kept = self.expr(ExprKind::Compare(Box::new(a), vec![(CmpOp::Eq, b)]), span);
        self.expr(ExprKind::Index(Box::new(v), Box::new(kept)), span)
    }

    /// `s.idxmax()` / `s.idxmin()`: the label at the position of the first
    /// largest (smallest) value that is not NaN, found among those values
    /// (`np.nonzero(v == v)[0][np.argmax(v[v == v])]`); none at all is
    /// NumPy's ValueError for an empty sequence.
    fn label_of_extreme(&mut self, recv: Expr, m: &str, span: Span) -> Expr {
        let Some(Part { lab, values: v, .. }) = self.unbox(recv) else { return self.int(0, span) };
        let (a, b) = (self.copy_expr(&v), self.copy_expr(&v));
        let kept = self.expr(ExprKind::Compare(Box::new(a), vec![(CmpOp::Eq, b)]), span);
        let nonzero = self.np("nonzero", vec![kept], span);
        let zero = self.int(0, span);
        let positions = self.expr(ExprKind::Index(Box::new(nonzero), Box::new(zero)), span);
        let present = self.present(v, span);
        let at = self.np(if m == "idxmax" { "argmax" } else { "argmin" }, vec![present], span);
        let pos = self.expr(ExprKind::Index(Box::new(positions), Box::new(at)), span);
        match lab {
            Lab::Range(start, step) => {
                let offset = self.expr(ExprKind::Bin(BinOp::Mul, Box::new(pos), Box::new(step)), span);
                self.expr(ExprKind::Bin(BinOp::Add, Box::new(start), Box::new(offset)), span)
            }
            Lab::Labels(labels) => self.expr(ExprKind::Index(Box::new(labels), Box::new(pos)), span),
        }
    }

    /// pandas' reductions of a series' values, skipping NaN: `v == v` is
    /// false exactly for NaN (and never for ints and bools).
    fn reduce(&mut self, m: &str, v: Expr, span: Span) -> Expr {
        let kept = |w: &mut Self, v: &Expr| {
            let (a, b) = (w.copy_expr(v), w.copy_expr(v));
            w.expr(ExprKind::Compare(Box::new(a), vec![(CmpOp::Eq, b)]), span)
        };
        // sum(where(kept, v, 0)): NaN counts as nothing.
        let total = |w: &mut Self, v: &Expr| {
            let k = kept(w, v);
            let c = w.copy_expr(v);
            let z = w.int(0, span);
            let filled = w.np("where", vec![k, c, z], span);
            w.np("sum", vec![filled], span)
        };
        let count = |w: &mut Self, v: &Expr| {
            let k = kept(w, v);
            w.np("sum", vec![k], span)
        };
        let div = |w: &mut Self, a: Expr, b: Expr| w.expr(ExprKind::Bin(BinOp::Div, Box::new(a), Box::new(b)), span);
        // NaN leaves a product, all() and any() alone: 1, True and False in its place.
        let neutral = |w: &mut Self, v: &Expr, x: i64| {
            let k = kept(w, v);
            let c = w.copy_expr(v);
            let n = w.int(x, span);
            w.np("where", vec![k, c, n], span)
        };
        match m {
            "sum" => total(self, &v),
            "prod" | "all" => {
                let filled = neutral(self, &v, 1);
                self.np(m, vec![filled], span)
            }
            "any" => {
                let filled = neutral(self, &v, 0);
                self.np(m, vec![filled], span)
            }
            "count" => count(self, &v),
            "mean" => {
                let (t, c) = (total(self, &v), count(self, &v));
                div(self, t, c)
            }
            "min" | "max" | "median" | "nunique" => {
                let k = kept(self, &v);
                let present = self.expr(ExprKind::Index(Box::new(v), Box::new(k)), span);
                if m == "nunique" {
                    let distinct = self.np("unique", vec![present], span);
                    return self.call(ExprKind::Builtin(Builtin::Len), vec![distinct], span);
                }
                self.np(m, vec![present], span)
            }
            _ => {
                // var: the squared deviations from the mean summed, over count - 1.
                let (t, c) = (total(self, &v), count(self, &v));
                let mean = div(self, t, c);
                let k = kept(self, &v);
                let c2 = count(self, &v);
                let dev = self.expr(ExprKind::Bin(BinOp::Sub, Box::new(v), Box::new(mean)), span);
                let two = self.int(2, span);
                let sq = self.expr(ExprKind::Bin(BinOp::Pow, Box::new(dev), Box::new(two)), span);
                let z = self.int(0, span);
                let filled = self.np("where", vec![k, sq, z], span);
                let ss = self.np("sum", vec![filled], span);
                let one = self.int(1, span);
                let dof = self.expr(ExprKind::Bin(BinOp::Sub, Box::new(c2), Box::new(one)), span);
                let var = div(self, ss, dof);
                if m == "std" {
                    self.np("sqrt", vec![var], span)
                } else {
                    var
                }
            }
        }
    }
}

/// Whether two label parts are the same labels: read from the same
/// variable, or equal constants.
fn same_labels(a: &Lab, b: &Lab) -> bool {
    match (a, b) {
        (Lab::Range(s1, t1), Lab::Range(s2, t2)) => same_expr(s1, s2) && same_expr(t1, t2),
        (Lab::Labels(x), Lab::Labels(y)) => same_expr(x, y),
        _ => false,
    }
}

/// Structural equality of two expressions, ids and spans aside.
fn same_expr(a: &Expr, b: &Expr) -> bool {
    let strip = |e: &Expr| {
        let mut c = e.clone();
        visit::expr_mut(&mut c, &mut |x| {
            x.id = 0;
            x.span = Span::default();
        });
        format!("{:?}", c.kind)
    };
    strip(a) == strip(b)
}
