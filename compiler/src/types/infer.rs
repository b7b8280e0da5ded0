//! The inference engine: instances, the fixpoint loop, statements and the
//! expression forms that are not calls or operators.

use std::collections::{HashMap, HashSet};

use super::ty::{article, py_name, Dist, Ty};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::hir::unroll::{self, record_view, unrollable_comp, RecordPart, Shape};
use crate::hir::view_writes;
use crate::hir::*;

pub type InstId = u32;

/// Where a parameter's value comes from at one call site.
#[derive(Debug, Clone)]
pub enum ArgSrc {
    Positional(usize),
    Keyword(usize),
    Default(Const),
    /// `*args`: the tuple of these positional arguments.
    Star(Vec<usize>),
    /// Item `j` of the tuple the positional argument `i` spreads (`f(*t)`).
    Item(usize, usize),
    /// Field `j` of the record the keyword argument `i` spreads (`f(**rec)`).
    Field(usize, usize),
    /// The item of the dict the keyword argument `i` spreads (`f(**d)`)
    /// under the parameter's name, else its default.
    Key(usize),
    /// Item `j` of the list the positional argument `i` spreads
    /// (`f(a, *xs)`), else the parameter's default.
    ListItem(usize, usize),
}

/// Deepest container nesting a value may have: past what source text can
/// spell (200 nested brackets), so only a type that keeps growing round
/// after round is cut off here instead of growing forever.
const MAX_TYPE_DEPTH: usize = 256;

/// One specialization of a function for argument types.
#[derive(Debug, Clone)]
pub struct Instance {
    pub func: FuncId,
    pub args: Vec<Ty>,
    pub locals: Vec<Ty>,
    pub exprs: Vec<Ty>,
    pub ret: Ty,
    /// Calls of user functions made by this instance: callee and argument binding.
    pub calls: HashMap<ExprId, (InstId, Vec<ArgSrc>)>,
    /// Reads of optional locals used for their content (typed as the
    /// content): lowering raises this exception class and message on None.
    pub unwrap: HashMap<ExprId, (i64, String)>,
    /// Symbol name in the generated code.
    pub symbol: String,
    /// Called where ranks run different code (a prange body, a branch on
    /// `bodo.get_rank()`): each call runs on one rank alone, so it works on
    /// whole (REP) arrays as `distributed=False` does and never communicates.
    pub sequential: bool,
}

/// The result of inference, with every type variable substituted.
pub struct Typed {
    pub instances: Vec<Instance>,
    pub main: InstId,
    /// Instances reachable from main, in discovery order.
    pub reachable: Vec<InstId>,
    /// Array variables made replicated by how they are used, with Bodo's
    /// reason (for the distribution report).
    pub rep_uses: HashMap<(FuncId, LocalId), String>,
}

#[derive(Debug, Clone)]
enum VarState {
    Link(u32),
    Bound(Ty),
}

const MAX_ITERATIONS: usize = 200;
const MAX_INSTANCES_PER_FUNC: usize = 64;

pub(super) struct Infer<'p> {
    pub prog: &'p Program,
    /// Array variables a use requires whole on every rank (see
    /// `Typed::rep_uses`): their stores are made replicated.
    pub rep_uses: HashMap<(FuncId, LocalId), String>,
    /// Fresh array variables a prange writes at its index
    /// (`prange_outputs.rs`): their stores are made distributed.
    pub dist_outputs: HashSet<(FuncId, LocalId)>,
    pub insts: Vec<Instance>,
    index: HashMap<(FuncId, Vec<Ty>, bool), InstId>,
    vars: Vec<VarState>,
    var_sites: HashMap<(InstId, ExprId, u8), u32>,
    pub changed: bool,
    pub report: bool,
    pub diags: Diagnostics,
    /// The instance being walked, and its working state.
    pub cur: InstId,
    pub locals: Vec<Ty>,
    pub exprs: Vec<Ty>,
    pub ret: Ty,
    pub calls: HashMap<ExprId, (InstId, Vec<ArgSrc>)>,
    pub unwrap: HashMap<ExprId, (i64, String)>,
    /// How many enclosing regions of the statement being walked run on some
    /// ranks only (prange bodies and rank-dependent branches of code that
    /// runs on every rank): user calls there get sequential instances.
    one_rank_regions: u32,
    /// Locals of the instance being walked that depend on `bodo.get_rank()`.
    rank_locals: HashSet<LocalId>,
    /// Driver-code locals used other than as jit-call arguments: in spawn
    /// mode they hold whole (gathered) arrays.
    driver_whole: HashSet<LocalId>,
    /// SPMD launch (`--spmd`): driver code runs per rank on local chunks.
    pub spmd: bool,
    /// Loops over tuples seen by the final walk, once per instance: the
    /// loop, whether this instance's tuple has mixed element types, the
    /// iterable's span.
    tuple_loops: Vec<(unroll::Request, bool, Span)>,
    /// Chained indices into views found by the reporting pass (`views.rs`).
    pub view_writes: Vec<view_writes::Request>,
    /// Functions using pandas operations, which `hir/frames.rs` rewrites
    /// into operations on columns (`pandas.rs`).
    pub frame_ops: std::collections::BTreeSet<FuncId>,
    /// Column stores of one number for every row (`df["C"] = 0`), by the
    /// function and the index's expression.
    pub frame_fills: HashSet<(FuncId, ExprId)>,
    /// Column stores whose value has no type yet.
    pub frame_later: HashSet<(FuncId, ExprId)>,
    /// The frames written to constant paths, as reading them back gives
    /// them (`file_writes.rs`).
    pub written: HashMap<String, (super::file_writes::Format, Vec<(String, Ty)>)>,
    /// The dtype arguments of `s.astype(t)` converting to or from strings,
    /// value by value as Python's `int()`/`float()`/`str()`/`bool()` does.
    pub frame_conversions: HashMap<(FuncId, ExprId), Builtin>,
    /// `a + b` of Series of strings (or a Series and a str): concatenated
    /// value by value.
    pub frame_concats: HashSet<(FuncId, ExprId)>,
    /// The values of `fillna(v)` that are strs (`pandas_fillna.rs`): they
    /// fill str columns, in the runtime.
    pub frame_text_fills: HashSet<(FuncId, ExprId)>,
    /// List and tuple displays passed straight to a NumPy call
    /// (`np.concatenate([a, b])`): their arrays are operands, not stored
    /// elements, and keep their distribution.
    pub np_operands: HashSet<ExprId>,
    /// Locals of the walked instance that hold one-row arrays (`(1, m)`,
    /// `hir/one_row.rs`), from the previous round's types.
    pub(super) row_locals: HashSet<LocalId>,
}

/// What inference concluded.
pub enum Inferred {
    Typed(Typed),
    /// Some loops iterate tuples of mixed types: unroll them and infer again.
    Unroll(Vec<unroll::Request>),
    /// Some indices write through (or read from) NumPy views: rewrite them
    /// (`hir/view_writes.rs`) and infer again.
    ViewWrites(Vec<view_writes::Request>),
    /// Some functions use pandas operations: rewrite them (`hir/frames.rs`)
    /// and infer again. With the errors this round found, to report if the
    /// rewrites make no progress (an operation left as it was for an error).
    Frames(Vec<crate::hir::frames::Request>, Diagnostics),
    /// Errors were reported.
    Failed,
}

/// Infer the types of every function reachable from the module body.
pub fn infer_program(prog: &Program, spmd: bool, diags: &mut Diagnostics) -> Inferred {
    let mut inf = Infer {
        tuple_loops: Vec::new(),
        view_writes: Vec::new(),
        frame_ops: Default::default(),
        frame_fills: HashSet::new(),
        frame_conversions: HashMap::new(),
        frame_concats: HashSet::new(),
        frame_text_fills: HashSet::new(),
        frame_later: HashSet::new(),
        written: HashMap::new(),
        np_operands: HashSet::new(),
        row_locals: HashSet::new(),
        driver_whole: crate::hir::visit::locals_needed_whole(&prog.funcs[prog.main as usize].body),
        spmd,
        prog,
        insts: Vec::new(),
        index: HashMap::new(),
        vars: Vec::new(),
        var_sites: HashMap::new(),
        changed: false,
        report: false,
        diags: Diagnostics::default(),
        cur: 0,
        locals: Vec::new(),
        exprs: Vec::new(),
        ret: Ty::Unknown,
        calls: HashMap::new(),
        unwrap: HashMap::new(),
        one_rank_regions: 0,
        rank_locals: HashSet::new(),
        rep_uses: HashMap::new(),
        dist_outputs: HashSet::new(),
    };
    let main = inf.instance(prog.main, Vec::new(), false);
    let mut iterations = 0;
    loop {
        inf.changed = false;
        let mut i = 0;
        while i < inf.insts.len() {
            inf.walk(i as InstId);
            i += 1;
        }
        iterations += 1;
        if !inf.changed && !inf.default_arg_vars() {
            break;
        }
        if iterations >= MAX_ITERATIONS {
            diags.push(
                Diagnostic::error(prog.funcs[prog.main as usize].span, "type inference did not converge")
                    .help("a variable's type keeps growing; give containers a fixed element type"),
            );
            return Inferred::Failed;
        }
    }
    // Final pass: walk what is reachable from main with reporting on.
    inf.report = true;
    let mut reachable = vec![main];
    let mut k = 0;
    while k < reachable.len() {
        let id = reachable[k];
        inf.walk(id);
        let mut callees: Vec<InstId> = inf.insts[id as usize].calls.values().map(|(c, _)| *c).collect();
        callees.sort_unstable();
        for c in callees {
            if !reachable.contains(&c) {
                reachable.push(c);
            }
        }
        k += 1;
    }
    match unroll_requests(&inf.tuple_loops) {
        Ok(reqs) if reqs.is_empty() => {}
        // Errors of this round may stem from the loops' element types.
        Ok(reqs) => return Inferred::Unroll(reqs),
        Err(d) => {
            diags.push(d);
            return Inferred::Failed;
        }
    }
    if !inf.view_writes.is_empty() {
        return Inferred::ViewWrites(inf.view_writes);
    }
    if !inf.frame_ops.is_empty() {
        return Inferred::Frames(inf.frame_requests(), std::mem::take(&mut inf.diags));
    }
    inf.check_str_arrays(&reachable);
    let had_errors = inf.diags.has_errors();
    for d in inf.diags.items.drain(..) {
        diags.push(d);
    }
    if had_errors {
        return Inferred::Failed;
    }
    // Unresolved element types (an empty list nothing is ever added to) default to int.
    let mut instances = inf.insts.clone();
    for inst in &mut instances {
        for t in inst.locals.iter_mut().chain(inst.exprs.iter_mut()).chain(inst.args.iter_mut()) {
            *t = inf.resolve(t);
        }
        inst.ret = inf.resolve(&inst.ret);
    }
    Inferred::Typed(Typed { instances, main, reachable, rep_uses: inf.rep_uses })
}

impl<'p> Infer<'p> {
    pub fn error(&mut self, d: Diagnostic) {
        if self.report {
            self.diags.push(d);
        }
    }

    /// The instance of `func` for these argument types, created if new.
    pub fn instance(&mut self, func: FuncId, args: Vec<Ty>, sequential: bool) -> InstId {
        // Element types still unknown at the call (an empty `[]` argument)
        // stay variables the callee may bind (a function filling a list it
        // is given); once the caller knows them, the call gets a new
        // instance with the better key. Unbound ones default to int.
        let args: Vec<Ty> = args.iter().map(|a| self.resolve_keep_vars(a)).collect();
        if let Some(&id) = self.index.get(&(func, args.clone(), sequential)) {
            return id;
        }
        let f = &self.prog.funcs[func as usize];
        let id = self.insts.len() as InstId;
        let count = self.insts.iter().filter(|i| i.func == func).count();
        // Functions sharing a name (lambdas, a redefined def) differ by id.
        let shared = self.prog.funcs.iter().filter(|g| g.name == f.name).count() > 1;
        let symbol = match (f.is_main, shared) {
            (true, _) => "bodo_user_main".to_string(),
            (false, false) => format!("{}.{}", f.name, count),
            (false, true) => format!("{}.{func}.{count}", f.name),
        };
        self.insts.push(Instance {
            func,
            args: args.clone(),
            locals: vec![Ty::Unknown; f.locals.len()],
            exprs: vec![Ty::Unknown; f.num_exprs as usize],
            ret: Ty::Unknown,
            calls: HashMap::new(),
            unwrap: HashMap::new(),
            symbol,
            sequential,
        });
        self.index.insert((func, args, sequential), id);
        self.changed = true;
        id
    }

    pub fn too_many_instances(&self, func: FuncId) -> bool {
        self.insts.iter().filter(|i| i.func == func).count() >= MAX_INSTANCES_PER_FUNC
    }

    fn walk(&mut self, id: InstId) {
        self.cur = id;
        let inst = &self.insts[id as usize];
        let func = inst.func;
        self.locals = inst.locals.clone();
        let before = &inst.exprs;
        let is_2d = |x: &Expr| matches!(before.get(x.id as usize).map(|t| self.shallow(t)), Some(Ty::Array(_, 2, _)));
        let f = &self.prog.funcs[inst.func as usize];
        self.row_locals = crate::hir::defs::locals_always(&f.body, &|e, set| e.is_one_row(set, &is_2d));
        let inst = &self.insts[id as usize];
        self.exprs = vec![Ty::Unknown; inst.exprs.len()];
        self.ret = inst.ret.clone();
        self.calls = HashMap::new();
        self.unwrap = HashMap::new();
        let prog = self.prog;
        let f = &prog.funcs[func as usize];
        let args = inst.args.clone();
        for (p, t) in f.params.iter().zip(&args) {
            self.set_local(p.local, t, p.span);
        }
        // Driver code in spawn mode runs on rank 0 alone: its rank branches are no branches.
        self.rank_locals =
            if !f.is_main || self.spmd { crate::hir::rank::rank_dependent_locals(&f.body) } else { HashSet::new() };
        self.block(&f.body);
        // Driver code in spawn mode runs on rank 0 alone.
        if self.report && (!f.is_main || self.spmd) {
            self.check_rank_dependent_collectives(&f.body);
        }
        if self.report && self.mode() == super::arrays::Mode::Parallel {
            self.check_prange_private_reads(&f.body, &f.body);
        }
        if self.report {
            self.check_view_aliases(f);
            self.check_row_variables(f);
        }
        if falls_through(&f.body) {
            self.set_ret(&Ty::None, f.span);
        }
        let inst = &mut self.insts[id as usize];
        if inst.locals != self.locals || inst.ret != self.ret {
            self.changed = true;
        }
        inst.locals = std::mem::take(&mut self.locals);
        inst.exprs = std::mem::take(&mut self.exprs);
        inst.ret = std::mem::replace(&mut self.ret, Ty::Unknown);
        inst.calls = std::mem::take(&mut self.calls);
        inst.unwrap = std::mem::take(&mut self.unwrap);
    }

    // ---- type variables -------------------------------------------------

    /// A type variable owned by one expression site (stable across passes).
    pub fn site_var(&mut self, e: ExprId, which: u8) -> Ty {
        let key = (self.cur, e, which);
        if let Some(&v) = self.var_sites.get(&key) {
            return Ty::Var(v);
        }
        let v = self.vars.len() as u32;
        self.vars.push(VarState::Bound(Ty::Unknown));
        self.var_sites.insert(key, v);
        Ty::Var(v)
    }

    fn root(&self, mut v: u32) -> u32 {
        while let VarState::Link(n) = self.vars[v as usize] {
            v = n;
        }
        v
    }

    fn binding(&self, v: u32) -> Ty {
        match &self.vars[self.root(v) as usize] {
            VarState::Bound(t) => t.clone(),
            VarState::Link(_) => Ty::Unknown,
        }
    }

    /// Substitute bound variables; unbound ones become `int` (an empty list
    /// nothing is ever added to prints the same whatever its element type).
    pub fn resolve(&self, t: &Ty) -> Ty {
        self.subst(t, true)
    }

    /// Substitute bound variables, keeping unbound ones as variables.
    pub fn resolve_keep_vars(&self, t: &Ty) -> Ty {
        self.subst(t, false)
    }

    fn subst(&self, t: &Ty, default_int: bool) -> Ty {
        match t {
            Ty::Var(v) => {
                let b = self.binding(*v);
                if b == Ty::Unknown {
                    if default_int {
                        Ty::Int
                    } else {
                        Ty::Var(self.root(*v))
                    }
                } else {
                    self.subst(&b, default_int)
                }
            }
            Ty::List(e) => Ty::list(self.subst(e, default_int)),
            Ty::Set(e) => Ty::set(self.subst(e, default_int)),
            Ty::VarTuple(e) => Ty::VarTuple(Box::new(self.subst(e, default_int))),
            Ty::Optional(e) => Ty::optional(self.subst(e, default_int)),
            Ty::Dict(k, v) => Ty::dict(self.subst(k, default_int), self.subst(v, default_int)),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| self.subst(x, default_int)).collect()),
            Ty::Record(fs) => Ty::Record(fs.iter().map(|(k, x)| (k.clone(), self.subst(x, default_int))).collect()),
            Ty::View(w, e) => Ty::View(w.clone(), Box::new(self.subst(e, default_int))),
            other => other.clone(),
        }
    }

    /// At a fixpoint: element types of call arguments nothing determined
    /// (an empty `[]` passed to a function that does not fill it) become
    /// int, so inference can go on with them known; failing those, the
    /// element types of any other container nothing is ever stored into
    /// (`d = {}` only read: `s += d[k]` types as int and raises KeyError at
    /// run time, as Python does). Whether any did.
    fn default_arg_vars(&mut self) -> bool {
        fn unbound(inf: &Infer, t: &Ty, out: &mut Vec<u32>) {
            match t {
                Ty::Var(v) => out.push(inf.root(*v)),
                Ty::List(e) | Ty::View(_, e) | Ty::VarTuple(e) | Ty::Set(e) | Ty::Optional(e) => unbound(inf, e, out),
                Ty::Dict(k, v) => {
                    unbound(inf, k, out);
                    unbound(inf, v, out);
                }
                Ty::Tuple(ts) => ts.iter().for_each(|x| unbound(inf, x, out)),
                Ty::Record(fs) => fs.iter().for_each(|x| unbound(inf, &x.1, out)),
                _ => {}
            }
        }
        let mut vars = Vec::new();
        for inst in &self.insts {
            for a in &inst.args {
                unbound(self, &self.resolve_keep_vars(a), &mut vars);
            }
        }
        if vars.is_empty() {
            for inst in &self.insts {
                for t in inst.locals.iter().chain(&inst.exprs).chain(std::iter::once(&inst.ret)) {
                    unbound(self, &self.resolve_keep_vars(t), &mut vars);
                }
            }
        }
        for &v in &vars {
            self.bind(v, Ty::Int);
        }
        !vars.is_empty()
    }

    /// Follow a variable to what it stands for (one level).
    /// `t` with a variable at its top replaced by what it is bound to, as
    /// its uses see it: a dict view is its list.
    pub fn shallow(&self, t: &Ty) -> Ty {
        self.top(t).decayed()
    }

    /// `t` with a variable at its top replaced by what it is bound to.
    pub(super) fn top(&self, t: &Ty) -> Ty {
        match t {
            Ty::Var(v) => {
                let b = self.binding(*v);
                if b == Ty::Unknown {
                    Ty::Var(self.root(*v))
                } else {
                    self.top(&b)
                }
            }
            other => other.clone(),
        }
    }

    fn bind(&mut self, v: u32, t: Ty) {
        let r = self.root(v);
        if let VarState::Bound(old) = &self.vars[r as usize] {
            if *old != t {
                self.changed = true;
            }
        }
        self.vars[r as usize] = VarState::Bound(t);
    }

    /// Whether variable `v` (a root) appears inside `t`.
    fn occurs(&self, v: u32, t: &Ty) -> bool {
        match t {
            Ty::Var(y) => {
                let r = self.root(*y);
                r == v || self.occurs(v, &self.binding(r))
            }
            Ty::List(e) | Ty::View(_, e) | Ty::VarTuple(e) | Ty::Set(e) | Ty::Optional(e) => self.occurs(v, e),
            Ty::Dict(k, x) => self.occurs(v, k) || self.occurs(v, x),
            Ty::Tuple(ts) => ts.iter().any(|x| self.occurs(v, x)),
            Ty::Record(fs) => fs.iter().any(|x| self.occurs(v, &x.1)),
            _ => false,
        }
    }

    /// Whether `t`, stored where `old` lives, would contain `old` itself.
    fn contains_self(&self, old: &Ty, t: &Ty) -> bool {
        let same_var = |l: &Self, x: u32| matches!(t, Ty::Var(y) if l.root(*y) == l.root(x));
        matches!(old, Ty::Var(x) if !same_var(self, *x) && self.occurs(self.root(*x), t))
            || matches!((old, t), (Ty::List(a), Ty::List(b)) | (Ty::Set(a), Ty::Set(b)) if self.contains_self(a, b))
    }

    /// The least type holding both, or `None` when they cannot mix.
    /// `widen` allows numeric widening and `None` -> optional at this level
    /// (the value is converted where it is stored).
    pub fn join(&mut self, a: &Ty, b: &Ty, widen: bool) -> Option<Ty> {
        // Variables are joined by identity before looking through them.
        match (a, b) {
            (Ty::Var(x), Ty::Var(y)) => {
                let (rx, ry) = (self.root(*x), self.root(*y));
                if rx == ry {
                    return Some(Ty::Var(rx));
                }
                let (bx, by) = (self.binding(rx), self.binding(ry));
                let j = self.join(&bx, &by, true)?;
                self.vars[ry as usize] = VarState::Link(rx);
                self.bind(rx, j);
                self.changed = true;
                return Some(Ty::Var(rx));
            }
            (Ty::Var(x), t) | (t, Ty::Var(x)) => {
                // A variable cannot stand for a type containing itself.
                if self.occurs(self.root(*x), t) {
                    return None;
                }
                let bx = self.binding(*x);
                let j = self.join(&bx, t, true)?;
                self.bind(*x, j);
                return Some(Ty::Var(self.root(*x)));
            }
            _ => {}
        }
        Some(match (a, b) {
            (Ty::Unknown, x) | (x, Ty::Unknown) => x.clone(),
            (x, y) if x == y => x.clone(),
            (Ty::Int, Ty::Float) | (Ty::Float, Ty::Int) | (Ty::Bool, Ty::Float) | (Ty::Float, Ty::Bool) if widen => {
                Ty::Float
            }
            (Ty::Bool, Ty::Int) | (Ty::Int, Ty::Bool) if widen => Ty::Int,
            (Ty::None, Ty::Optional(t)) | (Ty::Optional(t), Ty::None) => Ty::Optional(t.clone()),
            (Ty::Optional(x), Ty::Optional(y)) => Ty::optional(self.join(x, y, widen)?),
            (Ty::None, t) | (t, Ty::None) if widen => Ty::optional(t.clone()),
            (Ty::Optional(x), t) | (t, Ty::Optional(x)) if widen => Ty::optional(self.join(x, t, widen)?),
            (Ty::List(x), Ty::List(y)) => Ty::list(self.join(x, y, false)?),
            (Ty::View(v, x), Ty::View(w, y)) if v == w => Ty::View(v.clone(), Box::new(self.join(x, y, false)?)),
            (Ty::Set(x), Ty::Set(y)) => Ty::set(self.join(x, y, false)?),
            // Items never widen (ints would print as floats), as in lists.
            (Ty::VarTuple(x), Ty::VarTuple(y)) => Ty::VarTuple(Box::new(self.join(x, y, false)?)),
            // A fixed tuple whose items share one type widens to a
            // run-time-length one (converted where it is stored).
            (Ty::VarTuple(x), Ty::Tuple(ys)) | (Ty::Tuple(ys), Ty::VarTuple(x)) if widen => {
                let acc = self.join_items(ys, false)?;
                Ty::VarTuple(Box::new(self.join(x, &acc, false)?))
            }
            (Ty::Array(x, n, d), Ty::Array(y, m, e)) if x == y && n == m => Ty::Array(x.clone(), *n, (*d).min(*e)),
            (Ty::Frame(_), Ty::Frame(_)) | (Ty::Series(_), Ty::Series(_))
                if a.with_dist(Dist::Rep) == b.with_dist(Dist::Rep) =>
            {
                let d = |t: &Ty| match t {
                    Ty::Frame(f) => f.dist,
                    Ty::Series(s) => s.dist,
                    _ => Dist::Rep,
                };
                a.with_dist(d(a).min(d(b)))
            }
            (Ty::Dict(k1, v1), Ty::Dict(k2, v2)) => Ty::dict(self.join(k1, k2, false)?, self.join(v1, v2, false)?),
            // A tuple is converted item by item where it is stored, so its
            // items widen as far as the tuple itself may.
            (Ty::Tuple(x), Ty::Tuple(y)) if x.len() == y.len() => {
                let mut out = Vec::new();
                for (p, q) in x.iter().zip(y) {
                    out.push(self.join(p, q, widen)?);
                }
                Ty::Tuple(out)
            }
            // Field types must agree, except that a field None in one
            // record is optional (the record is rebuilt where it is stored,
            // `Lower::coerce`); numbers never widen (`1` would print as `1.0`).
            (Ty::Record(x), Ty::Record(y)) if x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.0 == q.0) => {
                let mut out = Vec::new();
                for (p, q) in x.iter().zip(y) {
                    let t = match (&p.1, &q.1) {
                        (Ty::None, t) | (t, Ty::None) => Ty::optional(t.clone()),
                        (Ty::Optional(a), Ty::Optional(b)) => Ty::optional(self.join(a, b, false)?),
                        (Ty::Optional(a), t) | (t, Ty::Optional(a)) => Ty::optional(self.join(a, t, false)?),
                        (a, b) => self.join(a, b, false)?,
                    };
                    out.push((p.0.clone(), t));
                }
                Ty::Record(out)
            }
            _ => return None,
        })
    }

    /// The join of two values' types for a place holding either (a local,
    /// a function's result, a conditional expression): as [`Self::join`],
    /// except that `None` beside a variable (an item of a container whose
    /// type is still being discovered, `for v in []`) makes the place
    /// optional, not the container's items None.
    pub fn join_values(&mut self, a: &Ty, b: &Ty) -> Option<Ty> {
        let (v, other) = match (a, b) {
            (Ty::Var(_), n @ (Ty::None | Ty::Optional(_))) | (n @ (Ty::None | Ty::Optional(_)), Ty::Var(_)) => {
                (if matches!(a, Ty::Var(_)) { a } else { b }, n)
            }
            _ => return self.join(a, b, true),
        };
        match other {
            Ty::Optional(inner) => Some(Ty::optional(self.join(inner, v, true)?)),
            _ => Some(Ty::optional(v.clone())),
        }
    }

    // ---- locals and returns ---------------------------------------------

    /// Whether storing `t` where `old` lives would make a value contain
    /// itself (directly, or by nesting deeper than any real program's data
    /// round after round), which has no finite type; reports it as `what`.
    fn endless_type(&mut self, old: &Ty, t: &Ty, span: Span, what: String) -> bool {
        if !self.contains_self(old, t) && self.resolve_keep_vars(t).depth() <= MAX_TYPE_DEPTH {
            return false;
        }
        self.error(
            Diagnostic::error(span, what)
                .label("its type would contain itself, nesting without end")
                .help("bodoc gives every value a finite type; build the nesting with a fixed depth"),
        );
        true
    }

    pub fn set_local(&mut self, l: LocalId, t: &Ty, span: Span) {
        let name = self.prog.funcs[self.insts[self.cur as usize].func as usize].locals[l as usize].name.clone();
        let old = self.locals[l as usize].clone();
        if self.endless_type(&old, t, span, format!("variable '{name}' would hold a value nested in itself")) {
            return;
        }
        let func = self.insts[self.cur as usize].func;
        let rep;
        // Only values holding arrays change type by distribution: others
        // keep their variables (a dict built with None values, filled later).
        fn holds(t: &Ty) -> bool {
            match t {
                Ty::Array(..) => true,
                Ty::Tuple(ts) => ts.iter().any(holds),
                _ => false,
            }
        }
        // A frame a prange concatenates into is whole on every rank too.
        let reduced_frame = matches!(self.resolve_keep_vars(t), Ty::Frame(_))
            && self.rep_uses.get(&(func, l)).is_some_and(|why| why == super::prange_reductions::FRAME_REDUCTION);
        let holds_array = holds(&self.resolve_keep_vars(t)) || reduced_frame;
        let t = if holds_array && self.rep_uses.contains_key(&(func, l)) {
            rep = self.resolve_keep_vars(t).with_dist(Dist::Rep);
            &rep
        } else if holds_array && self.dist_outputs.contains(&(func, l)) {
            rep = match self.resolve_keep_vars(t) {
                Ty::Array(el, nd, Dist::Rep) => Ty::Array(el, nd, Dist::OneD),
                other => other,
            };
            &rep
        } else {
            t
        };
        // Spawn mode: driver code needs a distributed result whole, gathered once where it is stored.
        let t = &if holds_array && self.in_driver() && !self.spmd && self.driver_whole.contains(&l) {
            self.resolve_keep_vars(t).with_dist(Dist::Rep)
        } else {
            t.clone()
        };
        match self.join_values(&old, t) {
            Some(j) => self.locals[l as usize] = j,
            None => {
                let (old, t) = (self.resolve(&old), self.resolve(t));
                self.error(
                    Diagnostic::error(
                        span,
                        format!(
                            "variable '{name}' is assigned {} here but holds {} elsewhere",
                            article(&t),
                            article(&old)
                        ),
                    )
                    .label(format!("this is {}", article(&t)))
                    .help("bodoc gives each variable one type; use a new variable name for the other value"),
                );
            }
        }
    }

    /// A use of array variable `l` needs it whole on every rank (`why`, in
    /// Bodo's words): its stores become replicated from the next round on.
    /// Parameters keep the distribution their callers give them (the value
    /// is converted where it is used).
    pub fn require_rep(&mut self, l: LocalId, why: &str) {
        let func = self.insts[self.cur as usize].func;
        if self.prog.funcs[func as usize].params.iter().any(|p| p.local == l) {
            return;
        }
        self.mark_rep(l, why);
    }

    /// Make array variable `l` replicated (a parameter is gathered on entry).
    pub fn mark_rep(&mut self, l: LocalId, why: &str) {
        let func = self.insts[self.cur as usize].func;
        if let std::collections::hash_map::Entry::Vacant(slot) = self.rep_uses.entry((func, l)) {
            slot.insert(why.to_string());
            self.changed = true;
        }
    }

    /// The type stored as an element of a list or dict: printed and passed
    /// whole, so arrays in it are REP. An array variable stored is made REP
    /// where it is made (the reason is in the distribution report); any
    /// other value is gathered where it is stored.
    pub fn stored_elem(&mut self, value: Option<&Expr>, t: &Ty) -> Ty {
        let resolved = self.resolve_keep_vars(t);
        if !resolved.has_dist() {
            // Unchanged: a variable stays itself, so a value nested in
            // itself is still told apart.
            return t.clone();
        }
        if let Some(Expr { kind: ExprKind::Local(l), .. }) = value {
            self.require_rep(*l, "array stored in a list or dict");
        }
        resolved.with_dist(Dist::Rep)
    }

    /// Whether the instance being walked is the module body (driver code).
    /// Walk blocks that run on some ranks only when `one_rank` holds.
    fn one_rank_blocks(&mut self, one_rank: bool, blocks: &[&[Stmt]]) {
        self.one_rank_regions += u32::from(one_rank);
        for b in blocks {
            self.block(b);
        }
        self.one_rank_regions -= u32::from(one_rank);
    }

    /// Whether the statement being walked runs on some ranks only.
    pub fn in_one_rank_region(&self) -> bool {
        self.one_rank_regions > 0
    }

    /// Whether a user call made here gets a sequential instance: it runs
    /// where ranks run different code, or its caller is such an instance.
    pub fn calls_sequential(&self) -> bool {
        self.in_one_rank_region() || self.insts[self.cur as usize].sequential
    }

    pub fn in_driver(&self) -> bool {
        self.prog.funcs[self.insts[self.cur as usize].func as usize].is_main
    }

    fn set_ret(&mut self, t: &Ty, span: Span) {
        let name = self.prog.funcs[self.insts[self.cur as usize].func as usize].name.clone();
        let old = self.ret.clone();
        if self.endless_type(&old, t, span, format!("'{name}' would return a value nested in its own result")) {
            return;
        }
        match self.join_values(&old, t) {
            Some(j) => self.ret = j,
            None => {
                let (old, t) = (self.resolve(&old), self.resolve(t));
                self.error(
                    Diagnostic::error(
                        span,
                        format!("this function returns {} here and {} elsewhere", article(&t), article(&old)),
                    )
                    .label(format!("returns {t}"))
                    .help("return values of one type (None may be mixed with any type)"),
                );
            }
        }
    }

    /// Check that a value of type `t` can be stored where `want` is expected
    /// (joining into variables), reporting `what` otherwise.
    pub fn expect(&mut self, want: &Ty, t: &Ty, span: Span, what: &str) {
        // A variable is widened through itself so its binding is updated.
        if let Ty::Var(_) = want {
            if self.endless_type(want, t, span, format!("{what} would hold a value nested in itself")) {
                return;
            }
            if self.join(want, t, true).is_none() {
                let (w, t) = (self.resolve(want), self.resolve(t));
                self.mismatch(span, what, &w, &t);
            }
            return;
        }
        // A concrete type wanted: a dict view given is its list.
        let (w, t) = (self.shallow(want), &self.shallow(t));
        let ok = match self.join(&w, t, true) {
            Some(j) => self.resolve_keep_vars(&j) == self.resolve_keep_vars(&w) || t.has_unknown(),
            None => false,
        };
        if !ok {
            let (w, t) = (self.resolve(&w), self.resolve(t));
            self.mismatch(span, what, &w, &t);
        }
    }

    /// A value of type `t` where `what` expects `w`.
    fn mismatch(&mut self, span: Span, what: &str, w: &Ty, t: &Ty) {
        let mut d =
            Diagnostic::error(span, format!("{what} expects {w}, got {t}")).label(format!("this is {}", article(t)));
        if let Some(why) = super::records::record_mismatch(w, t) {
            d = d.help(why);
        }
        self.error(d);
    }

    /// A list display, or a dict display with a non-literal key (literal
    /// keys make a record, `types/records.rs`), mixing strings with
    /// numbers: one error saying
    /// why and what to write instead, rather than a type error per item
    /// and at every later use. Returns whether it reported.
    fn mixed_display(&mut self, items: &[(Span, Ty)], kind: &str, what: &str) -> bool {
        let simple = |t: &Ty| matches!(t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str);
        let tys: Vec<Ty> = items.iter().map(|(_, t)| self.resolve(t)).collect();
        let Some(first) = tys.iter().position(simple) else { return false };
        let Some(other) = tys.iter().position(|t| simple(t) && (*t == Ty::Str) != (tys[first] == Ty::Str)) else {
            return false;
        };
        let (a, b) = (&tys[first], &tys[other]);
        let help = if kind == "dict" {
            "bodoc gives a dict one value type unless all its keys are string literals (a record, \
             `{\"name\": \"ann\", \"salary\": 120.0}`): write the keys as literals, keep the record as \
             a tuple (`(\"ann\", 120.0)`) or use one dict per field (`salary[\"ann\"] = 120.0`)"
        } else {
            "bodoc gives each list one item type, as Numba does: use a tuple for a fixed group of mixed values"
        };
        self.error(
            Diagnostic::error(items[other].0, format!("this {kind} mixes {what} of type {a} and {b}"))
                .label(article(b))
                .with_secondary(items[first].0, article(a))
                .help(help),
        );
        true
    }

    // ---- statements -----------------------------------------------------

    fn block(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
            // What follows is dead (types/static_cond.rs): lowering skips it too.
            if super::static_cond::ends(s, &|e| self.resolve(&self.exprs[e.id as usize])) {
                break;
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                if !self.note_in_place_method(e) {
                    self.expr(e);
                }
            }
            StmtKind::Assign(t @ Target::Tuple(..), v) if v.is_range_call() => {
                // `a, b, c = range(3)` unpacks the range's items.
                self.iter_elem(v);
                self.assign(t, &Ty::list(Ty::Int));
            }
            StmtKind::Assign(t, v) => {
                let mut ty = self.expr(v);
                if let (Target::Local(l, _), true) = (t, super::arrays::is_constructor_call(v)) {
                    // A new array stored where it must be replicated is made whole.
                    let func = self.insts[self.cur as usize].func;
                    if self.rep_uses.contains_key(&(func, *l)) {
                        ty = self.resolve_keep_vars(&ty).with_dist(Dist::Rep);
                        self.exprs[v.id as usize] = ty.clone();
                    }
                }
                if let Target::Tuple(..) = t {
                    ty = self.content(v, ty, || "cannot unpack non-iterable NoneType object".to_string());
                }
                self.assign_value(t, &ty, Some(v));
            }
            StmtKind::AugAssign(t, op, v) => {
                let cur = self.target_value(t);
                // `xs += it` is `xs.extend(it)`: any iterable, also a range or zip.
                let extend = *op == BinOp::Add && matches!(self.shallow(&cur), Ty::List(_));
                let rhs =
                    if extend && super::builtins::is_iteration(v) { Ty::list(self.iter_elem(v)) } else { self.expr(v) };
                let sym = op.symbol();
                let cur_name = self.content_name(&cur);
                let rhs = self
                    .content(v, rhs, || format!("unsupported operand type(s) for {sym}=: '{cur_name}' and 'NoneType'"));
                if extend && !matches!(self.shallow(&rhs), Ty::List(_) | Ty::Unknown) {
                    let (want, el) = (super::methods::elem_of(&self.shallow(&cur)), self.iter_elem(v));
                    self.expect(&want, &el, v.span, "the list's items");
                    return;
                }
                let ty = self.binop(*op, &cur, &rhs, s.span);
                if !self.mask_update(t, *op, &rhs, &ty) {
                    self.assign(t, &ty);
                }
            }
            StmtKind::If(c, a, b) => {
                self.cond(c);
                let one_rank = crate::hir::rank::mentions_rank(c, &self.rank_locals);
                // A branch never taken is not typed (types/static_cond.rs).
                let truth = self.static_truth(c);
                let taken: Vec<&[Stmt]> = [(&a[..], truth != Some(false)), (&b[..], truth != Some(true))]
                    .into_iter()
                    .filter(|p| p.1)
                    .map(|p| p.0)
                    .collect();
                self.one_rank_blocks(one_rank, &taken);
            }
            StmtKind::While(c, a, b) => {
                self.cond(c);
                let one_rank = crate::hir::rank::mentions_rank(c, &self.rank_locals);
                self.one_rank_blocks(one_rank, &[a, b]);
                self.while_walk_arrays(c, a);
            }
            StmtKind::For(t, it, body, orelse) => {
                // A loop over a record's items or values is unrolled: its elements' types wait until then.
                let elem = match record_view(it) {
                    Some((recv, _)) if matches!(self.expr(recv), Ty::Record(_)) => Ty::Unknown,
                    _ => self.iter_elem(it),
                };
                if self.report {
                    if let Some((shape, mixed)) = self.tuple_loop(it) {
                        let func = self.insts[self.cur as usize].func;
                        self.tuple_loops.push((unroll::Request { func, iter: it.id, shape }, mixed, it.span));
                    }
                }
                self.assign(t, &elem);
                // Each rank runs its own iterations of a parallel loop.
                let one_rank = it.is_prange_call() && self.mode() == super::arrays::Mode::Parallel;
                self.one_rank_blocks(one_rank, &[body]);
                self.block(orelse);
                // A stepped prange's variable is no row position of the arrays.
                let position = match t {
                    Target::Local(var, _) if !it.is_stepped_prange() => Some(*var),
                    _ => None,
                };
                // A prange inside another (or under a rank branch) runs
                // sequentially, a range loop inside one rank's iteration.
                let parallel_loop = it.is_prange_call() && !self.in_one_rank_region();
                if parallel_loop {
                    // Before the lookups, which would make accumulated arrays REP for another reason.
                    self.prange_array_reductions(position, body);
                    self.prange_lookup_arrays(position, body);
                    self.prange_output_arrays(position, body);
                } else {
                    self.for_walk_arrays(t, it, body);
                }
                // After the body, whose expression types the checks read.
                if self.report && parallel_loop {
                    self.check_prange(position, body);
                }
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => {
                let t = match v {
                    Some(e) => self.expr(e),
                    None => Ty::None,
                };
                if self.prog.funcs[self.insts[self.cur as usize].func as usize].is_main {
                    self.error(Diagnostic::error(s.span, "'return' outside function").label("at module level"));
                }
                self.set_ret(&t, s.span);
            }
            StmtKind::Raise(e) => {
                if let Some(e) = e {
                    if !matches!(e.kind, ExprKind::ExcClass(_)) {
                        let t = self.expr(e);
                        if !matches!(t, Ty::Exc | Ty::Unknown) {
                            self.error(
                                Diagnostic::error(e.span, "exceptions must derive from BaseException")
                                    .label(format!("this is {}", article(&t)))
                                    .help("raise a built-in exception, e.g. raise ValueError(\"message\")"),
                            );
                        }
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                self.block(body);
                for h in handlers {
                    if let Some(l) = h.name {
                        self.set_local(l, &Ty::Exc, h.span);
                    }
                    self.block(&h.body);
                }
                self.block(orelse);
                self.block(finally);
            }
            StmtKind::Assert(c, m) => {
                self.cond(c);
                if let Some(m) = m {
                    self.expr(m);
                }
            }
        }
    }

    /// The current value of an augmented-assignment target.
    fn target_value(&mut self, t: &Target) -> Ty {
        match t {
            Target::Local(l, _) => self.locals[*l as usize].clone(),
            Target::Index(obj, idx, span) => {
                let ot = self.expr(obj);
                let ot = self.content(obj, ot, || "'NoneType' object is not subscriptable".to_string());
                let it = self.expr(idx);
                self.note_view_index(obj, idx, true);
                if self.note_target(obj, idx, true) {
                    // Rewritten as `x[a:b] = x[a:b] op v` (or reported).
                    return Ty::Unknown;
                }
                if matches!(idx.kind, ExprKind::SliceBounds(..)) {
                    self.error(
                        Diagnostic::error(
                            *span,
                            "augmented assignment to a slice is only supported on lists and arrays",
                        )
                        .label("slice target"),
                    );
                    return Ty::Unknown;
                }
                self.index_ty(&ot, &it, idx, *span)
            }
            Target::Tuple(_, span) => {
                self.error(Diagnostic::error(*span, "illegal expression for augmented assignment").label("a tuple"));
                Ty::Unknown
            }
        }
    }

    pub fn assign(&mut self, t: &Target, ty: &Ty) {
        self.assign_value(t, ty, None);
    }

    /// `assign` of the value of expression `value`, when there is one.
    fn assign_value(&mut self, t: &Target, ty: &Ty, value: Option<&Expr>) {
        match t {
            Target::Local(l, span) => self.set_local(*l, ty, *span),
            Target::Tuple(ts, span) => match self.shallow(ty) {
                Ty::Tuple(items) if items.len() == ts.len() => {
                    for (t, it) in ts.iter().zip(items) {
                        self.assign(t, &it);
                    }
                }
                Ty::Tuple(items) => {
                    let msg = if items.len() > ts.len() {
                        format!("too many values to unpack (expected {})", ts.len())
                    } else {
                        format!("not enough values to unpack (expected {}, got {})", ts.len(), items.len())
                    };
                    self.error(Diagnostic::error(*span, msg).label(format!("the value has {} elements", items.len())));
                }
                Ty::List(e) | Ty::VarTuple(e) | Ty::Array(e, 1, _) => {
                    for t in ts {
                        self.assign(t, &e);
                    }
                }
                Ty::Unknown => {
                    for t in ts {
                        self.assign(t, &Ty::Unknown);
                    }
                }
                Ty::Array(..) => {
                    self.error(
                        Diagnostic::error(*span, "unpacking the rows of a 2D array is not supported")
                            .label("a 2D array")
                            .help("index the rows: a, b = X[0], X[1]"),
                    );
                }
                other => {
                    let other = self.resolve(&other);
                    self.error(
                        Diagnostic::error(*span, format!("cannot unpack non-iterable {} object", py_name(&other)))
                            .label(format!("this is {}", article(&other))),
                    );
                }
            },
            Target::Index(obj, idx, span) => {
                let ot = self.expr(obj);
                let ot = self.content(obj, ot, || "'NoneType' object does not support item assignment".to_string());
                if let t @ (Ty::Frame(_) | Ty::Series(_)) = self.top(&ot) {
                    self.expr(idx);
                    return self.frame_store(&t, idx, ty, *span);
                }
                let it = self.expr(idx);
                self.note_view_index(obj, idx, true);
                self.note_target(obj, idx, false);
                if matches!(idx.kind, ExprKind::SliceBounds(..)) {
                    match self.shallow(&ot) {
                        t @ Ty::Array(..) => self.array_setitem(&t, idx, ty, *span),
                        // `xs[a:b] = items`: any iterable of the list's elements.
                        Ty::List(e) => {
                            let el = self.elem_of_iterable(ty, *span);
                            self.expect(&e, &el, *span, "this list");
                        }
                        Ty::Unknown => {}
                        Ty::Str => self.error(
                            Diagnostic::error(*span, "'str' object does not support item assignment")
                                .label("strings are immutable")
                                .help("build a new string: `s = s[:a] + t + s[b:]`"),
                        ),
                        _ => self.error(
                            Diagnostic::error(*span, "slice assignment is only supported on lists and arrays")
                                .label("slice assignment")
                                .help("assign elements one by one"),
                        ),
                    }
                    return;
                }
                match self.shallow(&ot) {
                    t @ Ty::Array(..) => self.array_setitem(&t, idx, ty, *span),
                    Ty::List(e) => {
                        self.expect(&Ty::Int, &it, idx.span, "a list index");
                        let ty = self.stored_elem(value, ty);
                        self.expect(&e, &ty, *span, "this list");
                    }
                    Ty::Dict(k, v) => {
                        self.expect(&k, &it, idx.span, "this dict's key");
                        let ty = self.stored_elem(value, ty);
                        self.expect(&v, &ty, *span, "this dict's value");
                    }
                    Ty::Record(fields) => self.field_store(&fields, idx, &it, ty, *span),
                    Ty::Unknown => {}
                    other => {
                        let other = self.resolve(&other);
                        self.error(
                            Diagnostic::error(
                                *span,
                                format!("'{}' object does not support item assignment", py_name(&other)),
                            )
                            .label(format!("this is {}", article(&other))),
                        );
                    }
                }
            }
        }
    }

    // ---- expressions ----------------------------------------------------

    pub fn expr(&mut self, e: &Expr) -> Ty {
        let t = self.expr_inner(e);
        let t = self.top(&t);
        self.exprs[e.id as usize] = t.clone();
        t
    }

    /// `e` of type `t` used for its content (an operand, a subscripted,
    /// unpacked or iterated value, a method's receiver): an optional value
    /// (a local, a record's field `r["score"]`, a dict's or list's item, a
    /// call's result) stands for its content, as in Numba; lowering raises
    /// TypeError with message `msg` when it is None.
    pub fn content(&mut self, e: &Expr, t: Ty, msg: impl FnOnce() -> String) -> Ty {
        self.content_or(e, t, bodo_abi::exc::TYPE_ERROR, msg)
    }

    /// `content` raising exception class `class` on None.
    pub fn content_or(&mut self, e: &Expr, t: Ty, class: i64, msg: impl FnOnce() -> String) -> Ty {
        let Ty::Optional(inner) = &t else { return t };
        let inner = self.shallow(inner);
        self.exprs[e.id as usize] = inner.clone();
        self.unwrap.insert(e.id, (class, msg()));
        inner
    }

    /// Python's name of the type of the values of `t` that are not None.
    pub fn content_name(&self, t: &Ty) -> String {
        match self.resolve(t) {
            Ty::Optional(x) => py_name(&x),
            x => py_name(&x),
        }
    }

    /// An expression whose truthiness alone is used (a test). An `and`/`or`
    /// there whose operands have different types is a bool (lowering tests
    /// each operand's truthiness).
    /// The type of a comprehension's element `e` of type `t`: a value where
    /// a condition drops the items where it is None (`[x for x in xs if x
    /// is not None]`), as a read of an optional local stands for its value.
    fn kept_value(&mut self, gens: &[CompGen], e: &Expr, t: Ty) -> Ty {
        if gens.iter().any(|g| g.conds.iter().any(|c| excludes_none(c, e))) {
            self.content(e, t, || "the condition kept a None item".to_string())
        } else {
            t
        }
    }

    /// The value of the condition `c` (already typed) when known at compile time.
    fn static_truth(&self, c: &Expr) -> Option<bool> {
        super::static_cond::static_truth(c, &|e| self.resolve(&self.exprs[e.id as usize]))
    }

    fn cond(&mut self, e: &Expr) -> Ty {
        let ExprKind::BoolOp(is_and, vs) = &e.kind else {
            return self.expr(e);
        };
        let mut tys = Vec::new();
        for v in vs {
            tys.push(self.cond(v));
            if self.static_truth(v) == Some(!is_and) {
                break;
            }
        }
        let mut acc = Some(Ty::Unknown);
        for t in &tys {
            acc = acc.and_then(|a| self.join(&a, t, true));
        }
        let t = self.shallow(&acc.unwrap_or(Ty::Bool));
        self.exprs[e.id as usize] = t.clone();
        t
    }

    fn expr_inner(&mut self, e: &Expr) -> Ty {
        match &e.kind {
            ExprKind::Const(c) => const_ty(c),
            ExprKind::Local(l) => self.locals[*l as usize].clone(),
            ExprKind::Func(_) | ExprKind::Builtin(_) | ExprKind::Module(_) | ExprKind::ExcClass(_) => {
                self.error(
                    Diagnostic::error(e.span, "functions, classes and modules cannot be used as values")
                        .label("not a value")
                        .help("call it instead"),
                );
                Ty::Unknown
            }
            ExprKind::ModAttr(m, name) => self.module_value(*m, name, e.span),
            ExprKind::Attr(v, name) => {
                if let ExprKind::Attr(inner, a) = &v.kind {
                    if a == "dt" {
                        if let Some(t) = self.series_dt(e.span, inner, name) {
                            return t;
                        }
                    }
                }
                let t = self.expr(v);
                if let Ty::Array(..) = t {
                    return self.array_attr(e.span, &t, name);
                }
                if let t @ (Ty::Frame(_) | Ty::Series(_)) = self.top(&t) {
                    return self.frame_attr(e.span, &t, name);
                }
                if let Ty::Pivot(p) = self.top(&t) {
                    return self.pivot_attr(e.span, &p, name);
                }
                if t == Ty::Exc && name == "args" {
                    // A caught exception may come from any raise, so its
                    // arguments have no static type.
                    self.error(
                        Diagnostic::error(e.span, "an exception's `args` is not supported")
                            .label("the types of its arguments are not known at compile time")
                            .help(
                                "use str(e): the message, or the repr of the arguments' tuple when there are several",
                            ),
                    );
                } else if t != Ty::Unknown {
                    let t = self.resolve(&t);
                    self.error(
                        Diagnostic::error(e.span, format!("'{}' object has no attribute '{name}'", py_name(&t)))
                            .label(format!("this is {}", article(&t))),
                    );
                }
                Ty::Unknown
            }
            ExprKind::Call { func, args, kwargs } => self.call(e, func, args, kwargs),
            ExprKind::MethodCall { recv, name, args, kwargs } => self.method_call(e, recv, name, args, kwargs),
            ExprKind::Bin(op, a, b) => {
                let ta = self.expr(a);
                let tb = self.expr(b);
                let (na, nb) = (self.content_name(&ta), self.content_name(&tb));
                let sym = op.symbol();
                let none_op = |x: &str, y: &str| format!("unsupported operand type(s) for {sym}: '{x}' and '{y}'");
                let ta = self.content(a, ta, || none_op("NoneType", &nb));
                let tb = self.content(b, tb, || none_op(&na, "NoneType"));
                if *op == BinOp::Pow && ta.is_intlike() && tb.is_intlike() && is_negative_const(b) {
                    return Ty::Float;
                }
                if self.note_row_vector(a, &tb) | self.note_row_vector(b, &ta) {
                    // Rewritten to the vector the row is made of, then inferred again.
                    return Ty::Unknown;
                }
                if let Some(t) = self.series_binop(e, *op, &self.top(&ta), &self.top(&tb)) {
                    return t;
                }
                let t = self.binop(*op, &ta, &tb, e.span);
                self.beside_row(t, &[a, b])
            }
            ExprKind::Unary(UnOp::Not, v) => {
                let t = self.cond(v);
                self.unop(UnOp::Not, &t, e.span)
            }
            ExprKind::Unary(op, v) => {
                let t = self.expr(v);
                let t = self.content(v, t, || "bad operand type for unary operator: 'NoneType'".to_string());
                if let Some(t) = self.series_unop(*op, &self.top(&t), e.span) {
                    return t;
                }
                self.unop(*op, &t, e.span)
            }
            ExprKind::Compare(first, chain) => {
                let mut lhs = self.expr(first);
                let ordering = |op: &CmpOp| matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge);
                let all_ordering = chain.iter().all(|(op, _)| ordering(op));
                let order_msg = |op: &CmpOp, x: &str, y: &str| {
                    format!("'{}' not supported between instances of '{x}' and '{y}'", super::ops::cmp_symbol(*op))
                };
                if let [(CmpOp::In | CmpOp::NotIn, rhs)] = &chain[..] {
                    if rhs.is_range_call() {
                        // `x in range(...)`: an arithmetic test on the bounds.
                        self.expect(&Ty::Int, &lhs, first.span, "a range membership test");
                        self.iter_elem(rhs);
                        return Ty::Bool;
                    }
                }
                if let [(op, rhs)] = &chain[..] {
                    let rt = self.expr(rhs);
                    let (ln, rn) = (self.content_name(&lhs), self.content_name(&rt));
                    if ordering(op) {
                        lhs = self.content(first, lhs, || order_msg(op, "NoneType", &rn));
                    }
                    let rt = if ordering(op) {
                        self.content(rhs, rt, || order_msg(op, &ln, "NoneType"))
                    } else if matches!(op, CmpOp::In | CmpOp::NotIn) {
                        self.content(rhs, rt, || "argument of type 'NoneType' is not iterable".to_string())
                    } else {
                        rt
                    };
                    // An operand not inferred yet (a jit call's result in an
                    // early round) may still turn out to be an array, whose
                    // comparison is an array: saying `bool` now would fix the
                    // variable holding the result to the wrong type.
                    let unknown = |t: &Ty| matches!(self.shallow(t), Ty::Unknown);
                    if !matches!(op, CmpOp::Is | CmpOp::IsNot) && (unknown(&lhs) || unknown(&rt)) {
                        return Ty::Unknown;
                    }
                    if super::pandas::elementwise_cmp(*op) {
                        if let Some(t) = self.series_compare(&self.top(&lhs), &self.top(&rt), e.span) {
                            return t;
                        }
                    }
                    if matches!(lhs, Ty::Array(..)) || matches!(rt, Ty::Array(..)) {
                        // `v in a`: whether some element equals the number `v`.
                        if matches!(op, CmpOp::In | CmpOp::NotIn) && lhs.is_numeric() && matches!(rt, Ty::Array(..)) {
                            return Ty::Bool;
                        }
                        if matches!(op, CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot) {
                            self.error(
                                Diagnostic::error(e.span, "this comparison of arrays is not supported")
                                    .label("arrays support ==, !=, <, <=, >, >="),
                            );
                            return Ty::Unknown;
                        }
                        let t = self.array_compare(&lhs, &rt, e.span);
                        return self.beside_row(t, &[first, rhs]);
                    }
                    let view = [&lhs, &rt].into_iter().find(|t| matches!(t, Ty::View(..)));
                    if let (Some(v), false) = (view, matches!(op, CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot))
                    {
                        // CPython compares keys and items views as sets, values views by identity.
                        self.error(
                            Diagnostic::error(e.span, format!("comparing a {v} is not supported"))
                                .label("a dict view compared")
                                .help("compare sets of the keys or items: `set(d.keys()) == set(e.keys())`"),
                        );
                        return Ty::Bool;
                    }
                    self.compare(*op, &lhs, &rt, e.span);
                    return Ty::Bool;
                }
                if all_ordering {
                    let op = chain[0].0;
                    lhs = self.content(first, lhs, || order_msg(&op, "NoneType", "NoneType"));
                }
                for (op, rhs) in chain {
                    let rt = self.expr(rhs);
                    let rt =
                        if all_ordering { self.content(rhs, rt, || order_msg(op, "NoneType", "NoneType")) } else { rt };
                    self.compare(*op, &lhs, &rt, e.span);
                    lhs = rt;
                }
                Ty::Bool
            }
            ExprKind::BoolOp(is_and, vs) => {
                let mut acc = Ty::Unknown;
                for v in vs {
                    let t = self.expr(v);
                    match self.join_values(&acc, &t) {
                        Some(j) => acc = j,
                        None => {
                            let (a, t) = (self.resolve(&acc), self.resolve(&t));
                            self.error(
                                Diagnostic::error(
                                    e.span,
                                    format!("`and`/`or` mixes {} and {}", article(&a), article(&t)),
                                )
                                .label("operands of different types")
                                .help("bodoc needs both operands of `and`/`or` to have one type; compare explicitly"),
                            );
                        }
                    }
                    if self.static_truth(v) == Some(!is_and) {
                        // The operands after it never run (types/static_cond.rs).
                        break;
                    }
                }
                acc
            }
            ExprKind::IfExp(c, a, b) => {
                self.cond(c);
                match self.static_truth(c) {
                    Some(true) => return self.expr(a),
                    Some(false) => return self.expr(b),
                    None => {}
                }
                let ta = self.expr(a);
                let tb = self.expr(b);
                match self.join_values(&ta, &tb) {
                    Some(j) => j,
                    None => {
                        let (ta, tb) = (self.resolve(&ta), self.resolve(&tb));
                        self.error(
                            Diagnostic::error(
                                e.span,
                                format!("conditional expression gives {} or {}", article(&ta), article(&tb)),
                            )
                            .label("branches of different types"),
                        );
                        Ty::Unknown
                    }
                }
            }
            ExprKind::List(items) => {
                let elem = self.site_var(e.id, 0);
                let tys: Vec<(Span, Ty)> = items.iter().map(|it| (it.span, self.expr(it))).collect();
                if self.mixed_display(&tys, "list", "items") {
                    return Ty::list(Ty::Unknown);
                }
                let operands = self.np_operands.contains(&e.id);
                for (it, (span, t)) in items.iter().zip(&tys) {
                    let t = if operands { t.clone() } else { self.stored_elem(Some(it), t) };
                    self.expect(&elem, &t, *span, "this list");
                }
                Ty::list(elem)
            }
            ExprKind::Set(items) => {
                let elem = self.site_var(e.id, 0);
                for it in items {
                    let t = self.expr(it);
                    self.expect(&elem, &t, it.span, "this set");
                }
                Ty::set(elem)
            }
            ExprKind::Dict(items) => {
                let k = self.site_var(e.id, 0);
                let v = self.site_var(e.id, 1);
                let tys: Vec<(Ty, Ty)> = items.iter().map(|(ke, ve)| (self.expr(ke), self.expr(ve))).collect();
                let vals: Vec<Ty> = tys.iter().map(|t| t.1.clone()).collect();
                if let Some(r) = self.record_display(e, items, &vals) {
                    return r;
                }
                let values: Vec<(Span, Ty)> =
                    items.iter().zip(&tys).map(|((_, ve), t)| (ve.span, t.1.clone())).collect();
                if self.mixed_display(&values, "dict", "values") {
                    return Ty::dict(k, Ty::Unknown);
                }
                for ((ke, ve), (kt, vt)) in items.iter().zip(&tys) {
                    self.expect(&k, kt, ke.span, "this dict's key");
                    let vt = self.stored_elem(Some(ve), vt);
                    self.expect(&v, &vt, ve.span, "this dict's value");
                }
                Ty::dict(k, v)
            }
            ExprKind::Tuple(items) => Ty::Tuple(items.iter().map(|it| self.expr(it)).collect()),
            ExprKind::Index(v, i) if v.is_range_call() && !matches!(i.kind, ExprKind::SliceBounds(..)) => {
                self.iter_elem(v);
                let ti = self.expr(i);
                self.expect(&Ty::Int, &ti, i.span, "a range index");
                Ty::Int
            }
            ExprKind::Index(v, i) => {
                if let Some(t) = self.frame_loc(e) {
                    return t;
                }
                if let ExprKind::Attr(inner, a) = &v.kind {
                    if a == "str" {
                        if let Some(t) = self.series_str_index(e.span, inner, i) {
                            return t;
                        }
                    }
                }
                let tv = self.expr(v);
                let tv = self.content(v, tv, || "'NoneType' object is not subscriptable".to_string());
                if let t @ (Ty::Frame(_) | Ty::Series(_)) = self.top(&tv) {
                    if !matches!(i.kind, ExprKind::List(_)) {
                        self.expr(i);
                    }
                    return self.frame_index(&t, i);
                }
                let ti = self.expr(i);
                // An optional variable as the key or index: its value (None is no key of a dict
                // without None keys, and no index).
                let ti = match self.shallow(&tv) {
                    Ty::Dict(k, _) if !matches!(self.shallow(&k), Ty::Optional(_) | Ty::None) => {
                        self.content_or(i, ti, bodo_abi::exc::KEY_ERROR, || "None".to_string())
                    }
                    Ty::List(_) | Ty::VarTuple(_) | Ty::Str | Ty::Array(..) => {
                        let what = py_name(&self.resolve(&tv));
                        self.content(i, ti, || format!("{what} indices must be integers or slices, not NoneType"))
                    }
                    _ => ti,
                };
                self.note_view_index(v, i, false);
                self.index_ty(&tv, &ti, i, e.span)
            }
            ExprKind::Slice(v, lo, hi, st) => {
                if let Some(t) = self.frame_loc(e) {
                    return t;
                }
                let tv = self.expr(v);
                self.note_view_slice(v);
                let tv = self.content(v, tv, || "'NoneType' object is not subscriptable".to_string());
                for b in [lo, hi, st].into_iter().flatten() {
                    let t = self.expr(b);
                    self.expect(&Ty::Int, &t, b.span, "a slice bound");
                }
                match self.shallow(&tv) {
                    t @ (Ty::Str | Ty::List(_) | Ty::VarTuple(_)) => t,
                    Ty::Array(el, n, d) => Ty::Array(el, n, if d.is_dist() { Dist::OneDVar } else { Dist::Rep }),
                    Ty::Tuple(items) => match tuple_slice_indices(items.len(), lo, hi, st) {
                        Some(ix) => Ty::Tuple(ix.into_iter().map(|i| items[i].clone()).collect()),
                        None => {
                            self.error(
                                Diagnostic::error(e.span, "tuple slices need constant bounds")
                                    .label("bounds not constant")
                                    .help("convert the tuple to a list first"),
                            );
                            Ty::Unknown
                        }
                    },
                    Ty::Unknown => Ty::Unknown,
                    other => {
                        let other = self.resolve(&other);
                        self.error(
                            Diagnostic::error(e.span, format!("'{}' object is not subscriptable", py_name(&other)))
                                .label(format!("this is {}", article(&other))),
                        );
                        Ty::Unknown
                    }
                }
            }
            ExprKind::Comp { kind, elt, value, gens } => {
                if let Some((src, g, view)) = unrollable_comp(gens) {
                    let st = self.expr(src);
                    // Tuples whose items join (ints and floats) are iterated as the joined
                    // type, but their shape is noted too: a function unrolled for one call
                    // must see tuples of one length in every call.
                    let (shape, unroll) = match (view, &st) {
                        (view, Ty::Record(fields)) => {
                            let keys = fields.iter().map(|f| f.0.clone()).collect();
                            (Some(Shape::Record { keys, part: view.unwrap_or(RecordPart::Keys) }), true)
                        }
                        (Some(part), _) => (Some(Shape::Record { keys: Vec::new(), part }), false),
                        (None, Ty::Tuple(ts)) => {
                            (Some(Shape::Tuple(ts.len())), self.join_items(&ts.clone(), true).is_none())
                        }
                        _ => (None, false),
                    };
                    if let (Some(shape), true) = (shape, self.report) {
                        let func = self.insts[self.cur as usize].func;
                        let request = unroll::Request { func, iter: g.iter.id, shape };
                        self.tuple_loops.push((request, unroll, g.iter.span));
                    }
                    if unroll {
                        // Unrolled into a display of one element per item; until then, unknown.
                        return Ty::Unknown;
                    }
                }
                for g in gens {
                    let el = self.iter_elem(&g.iter);
                    self.assign(&g.target, &el);
                    for c in &g.conds {
                        self.cond(c);
                    }
                }
                let te = self.expr(elt);
                let te = self.kept_value(gens, elt, te);
                match kind {
                    CompKind::List | CompKind::Gen if self.np_operands.contains(&e.id) => Ty::list(te),
                    CompKind::List | CompKind::Gen => Ty::list(self.stored_elem(Some(elt), &te)),
                    CompKind::Set => Ty::set(te),
                    CompKind::Array => self.mapped_array(&gens[0].iter, &te, elt.span),
                    CompKind::Dict => {
                        let tv = match value {
                            Some(v) => {
                                let t = self.expr(v);
                                self.kept_value(gens, v, t)
                            }
                            None => Ty::Unknown,
                        };
                        Ty::dict(te, self.stored_elem(value.as_deref(), &tv))
                    }
                }
            }
            ExprKind::FString(parts) => {
                self.fparts(parts);
                Ty::Str
            }
            ExprKind::SliceBounds(lo, hi, st) => {
                // An assignment target's index or a part of an index tuple:
                // the indexed object checks where a slice may appear.
                for b in [lo, hi, st].into_iter().flatten() {
                    let t = self.expr(b);
                    self.expect(&Ty::Int, &t, b.span, "a slice bound");
                }
                Ty::None
            }
        }
    }

    fn fparts(&mut self, parts: &[FPart]) {
        for p in parts {
            if let FPart::Value { expr, spec, conv } = p {
                if let (Conversion::Percent { arg: PercentArg::Spread(n), .. }, ExprKind::Index(rhs, _)) =
                    (conv, &expr.kind)
                {
                    // The fields index the operand: check its length first,
                    // so a short tuple is not also an index out of range.
                    let t = self.expr(rhs);
                    if !self.percent_spread(*n, &t, rhs.span) {
                        return;
                    }
                }
                let t = self.expr(expr);
                match conv {
                    Conversion::Percent { code, arg } => self.percent_operand(*code, *arg, &t, expr.span),
                    Conversion::PercentWidth => self.percent_width(&t, expr.span),
                    Conversion::Index => self.index_operand(&t, expr.span),
                    _ => {}
                }
                if let Some(s) = spec {
                    self.fparts(s);
                }
            }
        }
    }

    pub fn index_ty(&mut self, tv: &Ty, ti: &Ty, idx: &Expr, span: Span) -> Ty {
        match self.shallow(tv) {
            t @ Ty::Array(..) => self.array_index(&t, ti, idx),
            Ty::List(e) => {
                self.expect(&Ty::Int, ti, idx.span, "a list index");
                *e
            }
            Ty::VarTuple(e) => {
                self.expect(&Ty::Int, ti, idx.span, "a tuple index");
                *e
            }
            Ty::Str => {
                self.expect(&Ty::Int, ti, idx.span, "a string index");
                Ty::Str
            }
            Ty::Dict(k, v) => {
                self.expect(&k, ti, idx.span, "this dict's key");
                *v
            }
            Ty::Record(fields) => self.field_ty(&fields, idx, ti),
            Ty::Tuple(items) => {
                if let Some(i) = const_int(idx) {
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        self.error(
                            Diagnostic::error(idx.span, "tuple index out of range")
                                .label(format!("the tuple has {n} elements")),
                        );
                        return Ty::Unknown;
                    }
                    return items[j as usize].clone();
                }
                self.expect(&Ty::Int, ti, idx.span, "a tuple index");
                let first = items.first().cloned().unwrap_or(Ty::Unknown);
                if items.iter().all(|t| *t == first) {
                    first
                } else {
                    self.error(
                        Diagnostic::error(idx.span, "indexing a tuple of mixed types needs a constant index")
                            .label("not a constant")
                            .help("use a literal index such as t[0]"),
                    );
                    Ty::Unknown
                }
            }
            Ty::Unknown => Ty::Unknown,
            other => {
                let other = self.resolve(&other);
                self.error(
                    Diagnostic::error(span, format!("'{}' object is not subscriptable", py_name(&other)))
                        .label(format!("this is {}", article(&other))),
                );
                Ty::Unknown
            }
        }
    }

    /// The element type of iterating `e` (`for x in e`).
    pub fn iter_elem(&mut self, e: &Expr) -> Ty {
        let t = self.iter_elem_inner(e);
        self.shallow(&t)
    }

    fn iter_elem_inner(&mut self, e: &Expr) -> Ty {
        if let ExprKind::Call { func, args, kwargs } = &e.kind {
            if matches!(&func.kind, ExprKind::ModAttr(Module::Bodo, n) if n == "prange") {
                if args.is_empty() || args.len() > 3 || !kwargs.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, "prange expects 1 to 3 integer arguments").label("bad arguments"),
                    );
                }
                for a in args {
                    let t = self.expr(a);
                    self.expect(&Ty::Int, &t, a.span, "prange()");
                }
                return Ty::Int;
            }
            if let ExprKind::Builtin(b) = func.kind {
                match b {
                    Builtin::Range => {
                        if args.is_empty() || args.len() > 3 || !kwargs.is_empty() {
                            self.error(
                                Diagnostic::error(e.span, "range expects 1 to 3 integer arguments")
                                    .label("bad arguments"),
                            );
                        }
                        for a in args {
                            let t = self.expr(a);
                            self.expect(&Ty::Int, &t, a.span, "range()");
                        }
                        return Ty::Int;
                    }
                    Builtin::Enumerate => {
                        let Some(inner) = args.first() else {
                            self.error(
                                Diagnostic::error(e.span, "enumerate expects an iterable").label("missing argument"),
                            );
                            return Ty::Unknown;
                        };
                        let el = self.iter_elem(inner);
                        self.no_kwargs("enumerate", kwargs, &["start"]);
                        for a in args.iter().skip(1).chain(kwargs.iter().map(|k| &k.value)) {
                            let t = self.expr(a);
                            self.expect(&Ty::Int, &t, a.span, "enumerate's start");
                        }
                        return Ty::Tuple(vec![Ty::Int, el]);
                    }
                    Builtin::Zip => {
                        let els = args.iter().map(|a| self.iter_elem(a)).collect();
                        return Ty::Tuple(els);
                    }
                    Builtin::Reversed => {
                        if let Some(inner) = args.first() {
                            // Loops over mixed tuples are unrolled, reversed ones are not:
                            // joining int and float items would print 1 as 1.0.
                            let el = self.iter_elem(inner);
                            if mixed_tuple(&self.resolve(&self.exprs[inner.id as usize])) {
                                self.error(
                                    Diagnostic::error(e.span, "reversed() of a tuple of mixed types is not supported")
                                        .label("elements of different types")
                                        .help("write the tuple in reverse order and iterate over it directly"),
                                );
                                return Ty::Unknown;
                            }
                            return el;
                        }
                    }
                    _ => {}
                }
            }
        }
        let t = self.expr(e);
        let t = self.content(e, t, || "'NoneType' object is not iterable".to_string());
        self.elem_of_iterable(&t, e.span)
    }

    /// The shape of `for ... in it` when it iterates a tuple (directly, or
    /// as an argument of zip or enumerate), and whether the tuple's elements
    /// have mixed types (then the loop must be unrolled).
    fn tuple_loop(&self, it: &Expr) -> Option<(Shape, bool)> {
        let ty = |e: &Expr| self.resolve(&self.exprs[e.id as usize]);
        let len = |t: &Ty| if let Ty::Tuple(items) = t { Some(items.len()) } else { None };
        // A record's keys, values or items (also the record itself: its
        // keys). Noted for a dict too (no keys): a loop unrolled for a
        // record in one call cannot walk a dict in another.
        let (src, part) = record_view(it).unwrap_or((it, RecordPart::Keys));
        match ty(src) {
            Ty::Record(fields) => {
                let keys = fields.into_iter().map(|f| f.0).collect();
                return Some((Shape::Record { keys, part }, true));
            }
            Ty::Dict(..) => return Some((Shape::Record { keys: Vec::new(), part }, false)),
            _ => {}
        }
        if let ExprKind::Call { func, args, .. } = &it.kind {
            match func.kind {
                ExprKind::Builtin(Builtin::Zip) => {
                    let tys: Vec<Ty> = args.iter().map(ty).collect();
                    let lens: Vec<Option<usize>> = tys.iter().map(len).collect();
                    return lens.iter().any(Option::is_some).then(|| (Shape::Zip(lens), tys.iter().any(mixed_tuple)));
                }
                ExprKind::Builtin(Builtin::Enumerate) => {
                    let t = ty(args.first()?);
                    return Some((Shape::Enumerate(len(&t)?), mixed_tuple(&t)));
                }
                _ => {}
            }
        }
        let t = ty(it);
        Some((Shape::Tuple(len(&t)?), mixed_tuple(&t)))
    }

    /// The one type all of a tuple's items join to, if they do.
    pub fn join_items(&mut self, items: &[Ty], widen: bool) -> Option<Ty> {
        let mut acc = Ty::Unknown;
        for it in items {
            acc = self.join(&acc, it, widen)?;
        }
        Some(acc)
    }

    pub fn elem_of_iterable(&mut self, t: &Ty, span: Span) -> Ty {
        match self.shallow(t) {
            Ty::List(e) | Ty::VarTuple(e) | Ty::Set(e) | Ty::Array(e, 1, _) => *e,
            Ty::Array(e, _, _) => Ty::array(*e, 1, Dist::Rep),
            Ty::Dict(k, _) => *k,
            Ty::Record(_) => Ty::Str,
            Ty::Str => Ty::Str,
            // Nothing is ever taken from `()`: its items are ints, as an empty list's are.
            Ty::Tuple(items) if items.is_empty() => Ty::Int,
            Ty::Tuple(items) => self.join_items(&items, true).unwrap_or_else(|| {
                self.error(
                    Diagnostic::error(span, "iterating over a tuple of mixed types is not supported")
                        .label("elements of different types")
                        .help("iterate over a list, or unpack the tuple"),
                );
                Ty::Unknown
            }),
            Ty::Unknown => Ty::Unknown,
            other => {
                let other = self.resolve(&other);
                self.error(
                    Diagnostic::error(span, format!("'{}' object is not iterable", py_name(&other)))
                        .label(format!("this is {}", article(&other))),
                );
                Ty::Unknown
            }
        }
    }

    fn module_value(&mut self, m: Module, name: &str, span: Span) -> Ty {
        match (m, name) {
            (Module::Math, "pi" | "e" | "inf" | "nan" | "tau") => Ty::Float,
            (Module::Numpy, "pi" | "e" | "inf" | "nan" | "NaN" | "Inf") => Ty::Float,
            (Module::Sys, "argv") => Ty::list(Ty::Str),
            // Only meaningful in an index (`v[:, np.newaxis]`), where it is None.
            (Module::Numpy, "newaxis") => Ty::None,
            _ => {
                self.error(
                    Diagnostic::error(span, format!("'{}.{name}' is not supported as a value", m.name()))
                        .label("unsupported")
                        .help("call module functions directly, e.g. math.sqrt(x)"),
                );
                Ty::Unknown
            }
        }
    }
}

/// The loops to unroll: those over a mixed-type tuple in some instance.
/// Every instance must then agree on the loop's shape (one unrolling).
fn unroll_requests(loops: &[(unroll::Request, bool, Span)]) -> Result<Vec<unroll::Request>, Diagnostic> {
    let mut reqs: Vec<unroll::Request> = Vec::new();
    for (r, _, _) in loops.iter().filter(|(_, mixed, _)| *mixed) {
        if reqs.iter().any(|q| q.func == r.func && q.iter == r.iter) {
            continue;
        }
        let same_loop = loops.iter().filter(|(q, _, _)| q.func == r.func && q.iter == r.iter);
        if let Some((_, _, span)) = same_loop.clone().find(|(q, _, _)| q.shape != r.shape) {
            if matches!(r.shape, Shape::Record { .. }) {
                return Err(Diagnostic::error(
                    *span,
                    "this loop iterates records of different keys in different calls",
                )
                .label("a record's items are unrolled, once per key (a dict's keys are known only at run time)")
                .help("call the function with records of one set of keys, or loop over a list of the keys"));
            }
            return Err(Diagnostic::error(*span, "this loop iterates tuples of different lengths in different calls")
                .label("a tuple of mixed element types is unrolled, once per element")
                .help("call the function with tuples of one length, or iterate a list"));
        }
        reqs.push(r.clone());
    }
    Ok(reqs)
}

/// A tuple whose elements do not all have one type.
fn mixed_tuple(t: &Ty) -> bool {
    match t {
        Ty::Tuple(items) => {
            let known: Vec<&Ty> = items.iter().filter(|t| !matches!(t, Ty::Unknown)).collect();
            known.windows(2).any(|w| w[0] != w[1])
        }
        _ => false,
    }
}

pub fn const_ty(c: &Const) -> Ty {
    match c {
        Const::Int(_) => Ty::Int,
        Const::Float(_) => Ty::Float,
        Const::Str(_) => Ty::Str,
        Const::Bool(_) => Ty::Bool,
        Const::None => Ty::None,
    }
}

/// The value of an integer literal (including a negated one).
pub fn const_int(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Const(Const::Int(i)) => Some(*i),
        ExprKind::Unary(UnOp::Neg, inner) => const_int(inner).map(|v| v.wrapping_neg()),
        _ => None,
    }
}

pub fn is_negative_const(e: &Expr) -> bool {
    const_int(e).is_some_and(|v| v < 0)
}

/// The element indices a constant-bounded slice of an `n`-tuple selects.
pub fn tuple_slice_indices(
    n: usize,
    lo: &Option<Box<Expr>>,
    hi: &Option<Box<Expr>>,
    st: &Option<Box<Expr>>,
) -> Option<Vec<usize>> {
    let n = n as i64;
    let get = |b: &Option<Box<Expr>>| -> Option<Option<i64>> {
        match b {
            None => Some(None),
            Some(e) => const_int(e).map(Some),
        }
    };
    let step = get(st)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    let norm = |v: i64, lo_clamp: i64, hi_clamp: i64| -> i64 {
        let v = if v < 0 { v + n } else { v };
        v.clamp(lo_clamp, hi_clamp)
    };
    let mut out = Vec::new();
    if step > 0 {
        let start = get(lo)?.map(|v| norm(v, 0, n)).unwrap_or(0);
        let stop = get(hi)?.map(|v| norm(v, 0, n)).unwrap_or(n);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = get(lo)?.map(|v| norm(v, -1, n - 1)).unwrap_or(n - 1);
        let stop = get(hi)?.map(|v| norm(v, -1, n - 1)).unwrap_or(-1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Some(out)
}

/// Whether condition `c` is false when the local `x` reads None: `x is not
/// None`, `x` itself, or an `and` holding one.
fn excludes_none(c: &Expr, x: &Expr) -> bool {
    let ExprKind::Local(l) = x.kind else { return false };
    let is_x = |e: &Expr| matches!(e.kind, ExprKind::Local(m) if m == l);
    match &c.kind {
        ExprKind::Local(_) => is_x(c),
        ExprKind::Compare(a, chain) => {
            matches!(chain.as_slice(), [(CmpOp::IsNot, b)] if is_x(a) && matches!(b.kind, ExprKind::Const(Const::None)))
        }
        ExprKind::BoolOp(true, vs) => vs.iter().any(|v| excludes_none(v, x)),
        _ => false,
    }
}

/// Whether control can reach the end of a block.
pub fn falls_through(b: &[Stmt]) -> bool {
    match b.last() {
        None => true,
        Some(s) => match &s.kind {
            StmtKind::Return(_) | StmtKind::Raise(_) => false,
            StmtKind::If(_, a, b) => falls_through(a) || falls_through(b),
            StmtKind::While(c, body, _) => {
                // `while True:` without break never falls through.
                !matches!(c.kind, ExprKind::Const(Const::Bool(true))) || has_break(body)
            }
            StmtKind::Try { body, handlers, finally, .. } => {
                (falls_through(body) || handlers.iter().any(|h| falls_through(&h.body))) && falls_through(finally)
            }
            _ => true,
        },
    }
}

fn has_break(b: &[Stmt]) -> bool {
    b.iter().any(|s| match &s.kind {
        StmtKind::Break => true,
        StmtKind::If(_, a, c) => has_break(a) || has_break(c),
        StmtKind::Try { body, handlers, orelse, finally } => {
            has_break(body) || handlers.iter().any(|h| has_break(&h.body)) || has_break(orelse) || has_break(finally)
        }
        _ => false,
    })
}
