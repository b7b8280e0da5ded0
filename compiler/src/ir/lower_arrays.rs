//! Lowering of array operations that are not fused loops: distribution
//! conversions, NumPy and Bodo calls backed by the runtime, array methods
//! and attributes, indexing and assignment, and which single-use array
//! variables are fused into the expression that uses them.

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::*;
use crate::hir::{kwarg, visit, Block as HBlock, Expr, ExprKind, Kwarg, LocalId, Stmt, StmtKind, Target};
use crate::types::arrays::{
    bincount_args, is_running, reduction_axis, side_is_right, sorts_columns, stacking, NAN_AXIS_REDUCTIONS, REDUCTIONS,
};
use crate::types::convolve::{convolve_args, convolve_mode_code};
use crate::types::copies::copies_args;
use crate::types::histogram::{density_flag, histogram_args, no_range};
use crate::types::roll::{roll_args, roll_axis_code};
use crate::types::split::split_args;
use crate::types::Dist;
use bodo_abi::layout::array as AL;

/// Array variables whose only definition and only use sit in one block, the
/// use after the definition with nothing in between that could change the
/// inputs: the definition is computed inside the loop of the use.
pub fn fusable_locals<'a>(body: &'a HBlock, is_candidate: &dyn Fn(&Expr) -> bool) -> HashMap<LocalId, &'a Expr> {
    let mut uses: HashMap<LocalId, usize> = HashMap::new();
    let mut defs: HashMap<LocalId, usize> = HashMap::new();
    visit::block_exprs(body, &mut |e| {
        if let ExprKind::Local(l) = e.kind {
            *uses.entry(l).or_default() += 1;
        }
    });
    crate::hir::defs::count_defs(body, &mut defs);
    let mut out = HashMap::new();
    scan_blocks(body, &mut |stmts: &'a [Stmt]| {
        for (k, s) in stmts.iter().enumerate() {
            let StmtKind::Assign(Target::Local(l, _), value) = &s.kind else { continue };
            if uses.get(l) != Some(&1) || defs.get(l) != Some(&1) || !is_candidate(value) {
                continue;
            }
            let reads = locals_read(value);
            for later in &stmts[k + 1..] {
                if simple_uses(later, *l) {
                    out.insert(*l, value);
                    break;
                }
                // Only plain assignments of values that cannot mutate arrays may come between.
                let StmtKind::Assign(Target::Local(m, _), v) = &later.kind else { break };
                if reads.contains(m) || calls_user_code(v) {
                    break;
                }
            }
        }
    });
    out
}

/// Call `f` on every statement list (block) in `b`, including nested ones.
fn scan_blocks<'a>(b: &'a [Stmt], f: &mut dyn FnMut(&'a [Stmt])) {
    f(b);
    for s in b {
        match &s.kind {
            StmtKind::If(_, x, y) | StmtKind::While(_, x, y) | StmtKind::For(_, _, x, y) => {
                scan_blocks(x, f);
                scan_blocks(y, f);
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                scan_blocks(body, f);
                handlers.iter().for_each(|h| scan_blocks(&h.body, f));
                scan_blocks(orelse, f);
                scan_blocks(finally, f);
            }
            _ => {}
        }
    }
}

fn locals_read(e: &Expr) -> HashSet<LocalId> {
    let mut out = HashSet::new();
    visit::expr(e, &mut |x| {
        if let ExprKind::Local(l) = x.kind {
            out.insert(l);
        }
    });
    out
}

fn calls_user_code(e: &Expr) -> bool {
    let mut found = false;
    visit::expr(e, &mut |x| {
        if let ExprKind::Call { func, .. } = &x.kind {
            found |= matches!(func.kind, ExprKind::Func(_));
        }
        found |= matches!(x.kind, ExprKind::MethodCall { .. });
    });
    found
}

/// Whether a simple statement (not a compound one) reads `l`. An update of
/// a variable (`w -= np.dot(f(m), X)`) evaluates its whole value before
/// writing, so the value may inline `l` as an assignment's does.
fn simple_uses(s: &Stmt, l: LocalId) -> bool {
    let e = match &s.kind {
        StmtKind::Assign(_, v)
        | StmtKind::AugAssign(Target::Local(..), _, v)
        | StmtKind::Expr(v)
        | StmtKind::Return(Some(v)) => v,
        _ => return false,
    };
    locals_read(e).contains(&l)
}

/// Per instance, whether a call may write into the elements of each array
/// parameter: directly, through a local that may share its buffer (a view,
/// a container holding it) or by passing it on to a callee that does. A
/// caller that converted the argument to the callee's distribution copies
/// the writes back into its own array (`user_call`).
pub fn param_writes(prog: &crate::hir::Program, typed: &crate::types::Typed) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = typed.instances.iter().map(|i| vec![false; i.args.len()]).collect();
    loop {
        let mut changed = false;
        for (id, inst) in typed.instances.iter().enumerate() {
            let func = &prog.funcs[inst.func as usize];
            for (k, p) in func.params.iter().enumerate() {
                if !out[id][k] && matches!(inst.args[k], Ty::Array(..)) && writes_local(func, inst, p.local, &out) {
                    out[id][k] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return out;
        }
    }
}

/// Whether `e` may evaluate to (a view of, or a container holding) an array in `alias`.
fn may_view(e: &Expr, alias: &HashSet<LocalId>) -> bool {
    match &e.kind {
        ExprKind::Local(l) => alias.contains(l),
        ExprKind::Index(b, _) | ExprKind::Attr(b, _) => may_view(b, alias),
        ExprKind::IfExp(_, a, b) => may_view(a, alias) || may_view(b, alias),
        ExprKind::List(vs) | ExprKind::Tuple(vs) => vs.iter().any(|v| may_view(v, alias)),
        ExprKind::Call { func, args, kwargs } if matches!(func.kind, ExprKind::Func(_)) => {
            args.iter().chain(kwargs.iter().map(|k| &k.value)).any(|v| may_view(v, alias))
        }
        _ => false,
    }
}

fn target_locals(t: &Target, out: &mut HashSet<LocalId>) {
    match t {
        Target::Local(l, _) => {
            out.insert(*l);
        }
        Target::Tuple(ts, _) => ts.iter().for_each(|t| target_locals(t, out)),
        Target::Index(..) => {}
    }
}

fn writes_local(func: &crate::hir::Func, inst: &crate::types::Instance, p: LocalId, known: &[Vec<bool>]) -> bool {
    let mut alias = HashSet::from([p]);
    loop {
        let n = alias.len();
        let mut add = HashSet::new();
        visit::statements(&func.body, &mut |s| {
            if let StmtKind::Assign(t, e) | StmtKind::For(t, e, ..) = &s.kind {
                if may_view(e, &alias) {
                    target_locals(t, &mut add);
                }
            }
        });
        alias.extend(add);
        if alias.len() == n {
            break;
        }
    }
    let mut found = false;
    visit::statements(&func.body, &mut |s| match &s.kind {
        StmtKind::Assign(Target::Index(obj, ..), _) | StmtKind::AugAssign(Target::Index(obj, ..), ..) => {
            found |= may_view(obj, &alias)
        }
        StmtKind::AugAssign(Target::Local(l, _), ..) => {
            found |= alias.contains(l) && matches!(inst.locals[*l as usize], Ty::Array(..))
        }
        _ => {}
    });
    visit::block_exprs(&func.body, &mut |e| {
        let ExprKind::Call { args, kwargs, .. } = &e.kind else { return };
        let Some((callee, binding)) = inst.calls.get(&e.id) else { return };
        for (j, src) in binding.iter().enumerate() {
            let a = match src {
                crate::types::ArgSrc::Positional(i)
                | crate::types::ArgSrc::Item(i, _)
                | crate::types::ArgSrc::ListItem(i, _) => &args[*i],
                crate::types::ArgSrc::Keyword(i) | crate::types::ArgSrc::Field(i, _) => &kwargs[*i].value,
                crate::types::ArgSrc::Default(_) | crate::types::ArgSrc::Star(_) | crate::types::ArgSrc::Key(_) => {
                    continue
                }
            };
            found |= known[*callee as usize][j] && may_view(a, &alias);
        }
    });
    found
}

impl<'a> Lower<'a> {
    /// Convert an owned array (or tuple holding arrays) to another distribution.
    pub fn convert_dist(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        if matches!(from, Ty::Frame(_) | Ty::Series(_)) {
            // A frame converts as the tuple of its parts.
            return self.convert_dist(v, &from.clone().lowered(), &to.clone().lowered());
        }
        match (from, to) {
            (Ty::Array(_, _, a), Ty::Array(_, _, b)) if a != b => {
                let f = match (a, b) {
                    (_, Dist::Rep) => "bodo_arr_gather",
                    (Dist::Rep, _) => "bodo_arr_scatter",
                    (Dist::OneD, Dist::OneDVar) => return v,
                    _ => "bodo_arr_rebalance",
                };
                let r = if f == "bodo_arr_rebalance" {
                    let z = self.cint(0);
                    let null = self.null();
                    self.emit(Op::Rt(f, vec![v, null, z]), IrTy::Ptr)
                } else {
                    self.emit(Op::Rt(f, vec![v]), IrTy::Ptr)
                };
                self.check();
                self.emit_void(Op::DecRef(v));
                r
            }
            (Ty::Tuple(xs), Ty::Tuple(ys)) if xs.len() == ys.len() && xs != ys => {
                let mut slots = Vec::new();
                let mut owned = Vec::new();
                for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
                    let s = self.tuple_item(v, i, IrTy::Slot);
                    let item = self.slot_value(s, x);
                    self.incref(item, x);
                    let c = self.coerce(item, x, y);
                    slots.push(self.slot_of(c));
                    owned.push((c, y.clone()));
                }
                let r = self.make_tuple(to, &slots);
                self.release_items(owned, v);
                r
            }
            // A fixed tuple widened to a run-time-length one: a list-layout
            // copy of its items, each converted to the element type.
            (Ty::VarTuple(_), Ty::VarTuple(_)) => self.widen_var_tuple(v, from, to),
            (Ty::Tuple(xs), Ty::VarTuple(y)) => {
                let mut slots = Vec::new();
                let mut owned = Vec::new();
                for (i, x) in xs.iter().enumerate() {
                    let s = self.tuple_item(v, i, IrTy::Slot);
                    let item = self.slot_value(s, x);
                    self.incref(item, x);
                    let c = self.coerce(item, x, y);
                    slots.push(self.slot_of(c));
                    owned.push(((c), (**y).clone()));
                }
                let d = self.desc(to);
                let arr = self.emit(Op::SlotArray(slots), IrTy::Ptr);
                let n = self.cint(xs.len() as i64);
                let r = self.emit(Op::Rt("bodo_list_from_slots", vec![d, arr, n]), IrTy::Ptr);
                self.release_items(owned, v);
                r
            }
            _ => v,
        }
    }

    /// Drops the converted items a new tuple now holds, and the source tuple.
    fn release_items(&mut self, owned: Vec<(V, Ty)>, src: V) {
        for (c, t) in owned {
            self.decref(c, &t);
        }
        self.emit_void(Op::DecRef(src));
    }

    /// A value ready to print or format: distributed arrays gathered whole.
    pub fn whole(&mut self, v: V, t: &Ty) -> (V, Ty) {
        if !t.has_dist() {
            return (v, t.clone());
        }
        let w = t.with_dist(Dist::Rep);
        (self.convert_dist(v, t, &w), w)
    }

    fn field(&mut self, a: V, off: u64) -> V {
        self.emit(Op::LoadField { ptr: a, of: Obj::Array, offset: off, index: None }, IrTy::Int)
    }

    /// `np.f(...)` calls that are not fused loops, and `np` math on scalars.
    pub fn numpy_call(&mut self, e: &'a Expr, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let t = self.ty(e);
        if matches!(t, Ty::Array(..)) && self.is_fusable(e) {
            return self.kernel_map(e, &t);
        }
        self.set_line(e.span);
        match name {
            n if REDUCTIONS.contains(&n) || NAN_AXIS_REDUCTIONS.contains(&n) => {
                self.reduce(&args[0], n, &args[1..], kwargs, &t)
            }
            n if is_running(n) => self.cumulative(&args[0], name, &args[1..], kwargs, &t),
            "argsort" => self.argsort(&args[0]),
            // HIR lowering made the argument the differences.
            "diff" => self.expr(&args[0]),
            "median" | "percentile" | "quantile" => self.quantile(name, args, kwargs, &t),
            "cov" | "corrcoef" => self.cov(name, args, kwargs, &t),
            "linalg.solve" | "linalg.inv" | "linalg.det" => self.linalg(name, args),
            "isin" | "interp" | "digitize" => {
                let mark = self.in_flight_mark();
                let mut vals = Vec::new();
                // A number to interpolate stays a number; the rest are arrays.
                let x = if t == Ty::Float { Some(self.value_as(&args[0], &Ty::Float)) } else { None };
                for a in &args[usize::from(x.is_some())..] {
                    let (v, vt) = self.array_of(a);
                    self.hold_in_flight((v, true), &vt);
                    vals.push(v);
                }
                let (f, ty) = match (name, x) {
                    ("isin", _) => ("bodo_arr_isin", IrTy::Ptr),
                    ("digitize", _) => ("bodo_arr_digitize", IrTy::Ptr),
                    (_, Some(x)) => {
                        vals.insert(0, x);
                        ("bodo_arr_interp_scalar", IrTy::Float)
                    }
                    _ => ("bodo_arr_interp", IrTy::Ptr),
                };
                let mut call_args = vals.clone();
                if name == "digitize" {
                    let right = match kwarg(kwargs, "right") {
                        Some(r) => self.value_as(r, &Ty::Int),
                        None => self.cint(0),
                    };
                    call_args.push(right);
                }
                let r = self.emit(Op::Rt(f, call_args), ty);
                self.check();
                self.let_go(mark);
                for v in &vals[usize::from(ty == IrTy::Float)..] {
                    self.emit_void(Op::DecRef(*v));
                }
                r
            }
            "searchsorted" => {
                let at = self.ty(&args[0]);
                let a = self.expr(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight((a, true), &at);
                let right = self.cint(i64::from(side_is_right(kwargs).unwrap_or(false)));
                let r = if let Ty::Array(..) = t {
                    let (v, vt) = self.array_of(&args[1]);
                    self.hold_in_flight((v, true), &vt);
                    let r = self.emit(Op::Rt("bodo_arr_searchsorted", vec![a, v, right]), IrTy::Ptr);
                    self.check();
                    self.emit_void(Op::DecRef(v));
                    r
                } else {
                    let v = self.value_as(&args[1], &Ty::Float);
                    self.emit(Op::Rt("bodo_arr_searchsorted_one", vec![a, v, right]), IrTy::Int)
                };
                self.let_go(mark);
                self.emit_void(Op::DecRef(a));
                r
            }
            // The runtime's distribution is the type's: 1D_Block_Var of a
            // distributed array.
            // A 2D array's elements give their rows and their columns.
            "nonzero" | "flatnonzero" => {
                let at = self.ty(&args[0]);
                let a = self.expr(&args[0]);
                let parts: &[i64] = match (name, &at) {
                    ("nonzero", Ty::Array(_, 2, _)) => &[1, 2],
                    _ => &[0],
                };
                let mark = self.in_flight_mark();
                self.hold_in_flight((a, true), &at);
                let mut idx = Vec::new();
                for &p in parts {
                    let p = self.cint(p);
                    let v = self.emit(Op::Rt("bodo_arr_nonzero", vec![a, p]), IrTy::Ptr);
                    self.check();
                    self.hold_in_flight((v, true), &Ty::array(Ty::Int, 1, Dist::Rep));
                    idx.push(v);
                }
                self.let_go(mark);
                self.emit_void(Op::DecRef(a));
                if name == "flatnonzero" {
                    return idx[0];
                }
                let slots: Vec<V> = idx.iter().map(|&v| self.slot_of(v)).collect();
                let tup = self.make_tuple(&t, &slots);
                for v in idx {
                    self.emit_void(Op::DecRef(v));
                }
                tup
            }
            "roll" => self.roll(args, kwargs, &t),
            "split" | "array_split" => self.split(name, args, kwargs, &t),
            "triu" | "tril" | "repeat" | "tile" | "pad" | "gradient" => self.copies(name, args, kwargs),
            "convolve" => self.convolve(args, kwargs, &t),
            "fromfile" => self.fromfile(args, kwargs, &t),
            "unravel_index" => self.unravel_index(args, &t),
            "$unique_counts" => self.unique_counts(&args[0], &t),
            "sort" if sorts_columns(kwargs, 2) && matches!(t, Ty::Array(_, 2, _)) => self.sort_columns(&args[0]),
            "sort" | "unique" => {
                let at = self.ty(&args[0]);
                let a = self.expr(&args[0]);
                let f = if name == "sort" { "bodo_arr_sort" } else { "bodo_arr_unique" };
                let r = self.emit(Op::Rt(f, vec![a]), IrTy::Ptr);
                self.check();
                self.emit_void(Op::DecRef(a));
                // The runtime keeps the input's distribution; the type may want another.
                let got = self.runtime_result_ty(name, &at, &t);
                self.convert_dist(r, &got, &t)
            }
            "array" => {
                let at = self.ty(&args[0]);
                if let Ty::Array(..) = at {
                    let a = self.expr(&args[0]);
                    let r = self.emit(Op::Rt("bodo_arr_copy", vec![a]), IrTy::Ptr);
                    self.emit_void(Op::DecRef(a));
                    return r;
                }
                let l = self.expr(&args[0]);
                let d = self.desc(&t);
                let el = match &t {
                    Ty::Array(el, ..) => (**el).clone(),
                    _ => Ty::Int,
                };
                let dt = self.cint(Elem::of(&el).dtype());
                let r = self.emit(Op::Rt("bodo_arr_from_list", vec![d, l, dt]), IrTy::Ptr);
                self.check();
                self.emit_void(Op::DecRef(l));
                r
            }
            "dot" | "matmul" => self.matmul_wording(name, |l| l.dot(&args[0], &args[1], &t)),
            "concatenate" | "hstack" | "vstack" | "stack" | "column_stack" => {
                let tt = self.ty(&args[0]);
                let mark = self.in_flight_mark();
                let mut held = Vec::new();
                let (arr, n, any_dist) = match (&args[0].kind, &tt) {
                    // A list literal: its arrays, never a list of them.
                    (ExprKind::List(elems), Ty::Tuple(items)) => {
                        for (x, xt) in elems.iter().zip(items) {
                            let v = self.expr(x);
                            self.hold_in_flight((v, true), xt);
                            held.push(v);
                        }
                        let arr = self.emit(Op::PtrArray(held.clone()), IrTy::Ptr);
                        (arr, self.cint(items.len() as i64), items.iter().any(|t| t.has_dist()))
                    }
                    (_, Ty::Tuple(items)) => {
                        let tv = self.expr(&args[0]);
                        self.hold_in_flight((tv, true), &tt);
                        held.push(tv);
                        let mut ptrs = Vec::new();
                        for i in 0..items.len() {
                            let s = self.tuple_item(tv, i, IrTy::Ptr);
                            ptrs.push(s);
                        }
                        let arr = self.emit(Op::PtrArray(ptrs), IrTy::Ptr);
                        (arr, self.cint(items.len() as i64), items.iter().any(|t| t.has_dist()))
                    }
                    (_, Ty::List(el)) => {
                        let l = self.expr(&args[0]);
                        self.hold_in_flight((l, true), &tt);
                        held.push(l);
                        let data = self.emit(
                            Op::LoadField { ptr: l, of: Obj::List, offset: bodo_abi::layout::list::DATA, index: None },
                            IrTy::Ptr,
                        );
                        let n = self.emit(
                            Op::LoadField { ptr: l, of: Obj::List, offset: bodo_abi::layout::list::LEN, index: None },
                            IrTy::Int,
                        );
                        (data, n, el.has_dist())
                    }
                    _ => return self.null(),
                };
                // The runtime's result: 1D_Block from distributed inputs,
                // except rows made of 1D inputs (REP, like the type).
                let all_1d = match &tt {
                    Ty::Tuple(items) => items.iter().all(|t| matches!(t, Ty::Array(_, 1, _))),
                    Ty::List(el) => matches!(**el, Ty::Array(_, 1, _)),
                    _ => false,
                };
                let nd = if all_1d { 1 } else { 2 };
                let name = stacking(name, kwargs, nd).unwrap_or(name);
                let op = match (name, &t) {
                    ("vstack" | "stack", _) => {
                        let same = self.cint(i64::from(name == "stack"));
                        Op::Rt("bodo_arr_vstack", vec![arr, n, same])
                    }
                    (_, Ty::Array(_, 2, _)) => Op::Rt("bodo_arr_column_stack", vec![arr, n]),
                    _ => Op::Rt("bodo_arr_concat", vec![arr, n]),
                };
                let rows_rep = matches!(name, "vstack" | "stack") && all_1d;
                let r = self.emit(op, IrTy::Ptr);
                self.check();
                self.let_go(mark);
                for v in held {
                    self.emit_void(Op::DecRef(v));
                }
                let got = match &t {
                    Ty::Array(el, n, _) => {
                        Ty::Array(el.clone(), *n, if any_dist && !rows_rep { Dist::OneD } else { Dist::Rep })
                    }
                    other => other.clone(),
                };
                self.convert_dist(r, &got, &t)
            }
            "append" => self.append(&args[0], &args[1], &t),
            "histogram" => self.histogram(args, kwargs, &t),
            "diag" | "bincount" => self.counting_call(name, args, kwargs),
            // One number: the first element of a fresh stream (no size, so
            // not an array): every rank computes the same value.
            "random.randint" => {
                let (lo, span) = self.randint_range(args);
                let z = self.cint(0);
                let key = self.emit(Op::Rt("bodo_rand_key", vec![]), IrTy::Int);
                self.random_elem(key, super::kernel::Rand::Int, lo, span, z)
            }
            n if crate::types::arrays::RANDOM_FLOAT.contains(&n) => {
                let key = self.emit(Op::Rt("bodo_rand_key", vec![]), IrTy::Int);
                let kind = if n == "random.randn" { super::kernel::Rand::Normal } else { super::kernel::Rand::Uniform };
                let z = self.cint(0);
                self.random_elem(key, kind, z, z, z)
            }
            "random.seed" => {
                let s = self.int_value(&args[0]);
                self.emit_void(Op::Rt("bodo_rand_seed", vec![s]));
                self.emit(Op::Const(Const::Unit), IrTy::Unit)
            }
            _ => {
                // Elementwise functions on scalars: the loop body's code, once.
                let vals: Vec<(V, Ty)> = args.iter().map(|a| (self.expr(a), self.ty(a))).collect();
                self.np_elementwise(name, &vals, &t)
            }
        }
    }

    /// `np.append(a, b)` of a 1D array and a number, a list of numbers or a
    /// 1D array: the concatenation of `a` and `b` made an array.
    fn append(&mut self, a: &'a Expr, b: &'a Expr, t: &Ty) -> V {
        let Ty::Array(el, ..) = t else { return self.null() };
        let (at, bt) = (self.ty(a), self.ty(b));
        let va = self.expr(a);
        let mark = self.in_flight_mark();
        self.hold_in_flight((va, true), &at);
        let vb = self.expr(b);
        let vb = match &bt {
            Ty::Array(..) => vb,
            Ty::List(_) => self.list_to_array(vb, el),
            // One number: a one-element array of the result's type.
            _ => {
                let one = Ty::array(el.as_ref().clone(), 1, Dist::Rep);
                let x = self.coerce(vb, &bt, el);
                let desc = self.desc(&one);
                let c = |l: &mut Self, k: i64| l.cint(k);
                let (dt, nd, z) = (c(self, Elem::of(el).dtype()), c(self, 1), c(self, 0));
                let rep = c(self, bodo_abi::dist::REP);
                let arr = self.emit(Op::Rt("bodo_arr_new", vec![desc, dt, nd, nd, nd, nd, z, rep]), IrTy::Ptr);
                self.check();
                let data =
                    self.emit(Op::LoadField { ptr: arr, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
                self.emit_void(Op::StoreElem { ptr: data, index: z, value: x, elem: Elem::of(el) });
                arr
            }
        };
        self.let_go(mark);
        let arr = self.emit(Op::PtrArray(vec![va, vb]), IrTy::Ptr);
        let n = self.cint(2);
        let r = self.emit(Op::Rt("bodo_arr_concat", vec![arr, n]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::DecRef(va));
        self.emit_void(Op::DecRef(vb));
        let any_dist = at.has_dist() || bt.has_dist();
        let got = t.with_dist(if any_dist { Dist::OneD } else { Dist::Rep });
        self.convert_dist(r, &got, t)
    }

    /// A REP 1D array of element type `el` made from the owned list `l`
    /// (released).
    fn list_to_array(&mut self, l: V, el: &Ty) -> V {
        let desc = self.desc(&Ty::array(el.clone(), 1, Dist::Rep));
        let dt = self.cint(Elem::of(el).dtype());
        let arr = self.emit(Op::Rt("bodo_arr_from_list", vec![desc, l, dt]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::DecRef(l));
        arr
    }

    /// `a, b = x` of the owned 1D array `v` (type `t`): the whole array on
    /// every rank, its length checked, then each element (released after).
    pub fn unpack_array(&mut self, ts: &'a [Target], v: V, t: &Ty) {
        let Ty::Array(el, ..) = t else { return };
        let rep = t.with_dist(Dist::Rep);
        let a = self.convert_dist(v, t, &rep);
        let mark = self.check_unpack_len(ts.len(), a, (Obj::Array, AL::LEN), &rep);
        let data = self.emit(Op::LoadField { ptr: a, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        for (i, sub) in ts.iter().enumerate() {
            let idx = self.cint(i as i64);
            let x = self.emit(Op::LoadElem { ptr: data, index: idx, elem: Elem::of(el) }, IrTy::of(el));
            self.assign(sub, x, el);
        }
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
    }

    /// The owned value of `e`, a 1D array or a list of numbers (made a REP
    /// array), and its type.
    fn array_of(&mut self, e: &'a Expr) -> (V, Ty) {
        let t = self.ty(e);
        let v = self.expr(e);
        match &t {
            Ty::List(el) => (self.list_to_array(v, el), Ty::array((**el).clone(), 1, Dist::Rep)),
            _ => (v, t),
        }
    }

    /// [`Self::array_of`] whole on every rank (gathered when distributed).
    fn rep_array(&mut self, e: &'a Expr) -> (V, Ty) {
        let (v, t) = self.array_of(e);
        let rep = t.with_dist(Dist::Rep);
        (self.convert_dist(v, &t, &rep), rep)
    }

    /// `np.diag(a)` and `np.bincount(x, weights, minlength=m)`: REP results of one
    /// runtime call each.
    fn counting_call(&mut self, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let at = self.ty(&args[0]);
        let a = self.expr(&args[0]);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let mut held = vec![a];
        let r = if name == "diag" {
            self.emit(Op::Rt("bodo_arr_diag", vec![a]), IrTy::Ptr)
        } else {
            let (_, [weights, minlength]) = bincount_args(args, kwargs);
            let w = self.held_or_null(weights);
            if weights.is_some() {
                held.push(w);
            }
            let k = match minlength {
                Some(m) => self.int_value(m),
                None => self.cint(0),
            };
            self.emit(Op::Rt("bodo_arr_bincount", vec![a, w, k]), IrTy::Ptr)
        };
        self.check();
        self.let_go(mark);
        for v in held {
            self.emit_void(Op::DecRef(v));
        }
        r
    }

    /// `np.histogram(x, bins, range, density)`: the edges (made from an int
    /// `bins` by the runtime, or the given edges whole on every rank), then
    /// the counts in them; the REP tuple `t` of both.
    fn histogram(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let (Some(x), [bins, range, density, weights]) = histogram_args(args, kwargs) else { return self.null() };
        let Ty::Tuple(parts) = t else { return self.null() };
        let xt = self.ty(x);
        let a = self.expr(x);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &xt);
        let edges = match bins.filter(|b| matches!(self.ty(b), Ty::Array(..) | Ty::List(_))) {
            Some(b) => self.rep_array(b).0,
            None => {
                let k = match bins {
                    Some(b) => self.int_value(b),
                    None => self.cint(10),
                };
                let (has, lo, hi) = match range.filter(|_| !no_range(range)) {
                    Some(r) => {
                        let (one, [lo, hi]) = (self.cint(1), self.pair_as(r, &Ty::Float));
                        (one, lo, hi)
                    }
                    None => {
                        let z = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
                        (self.cint(0), z, z)
                    }
                };
                let r = self.emit(Op::Rt("bodo_arr_histogram_edges", vec![a, k, has, lo, hi]), IrTy::Ptr);
                self.check();
                r
            }
        };
        self.hold_in_flight((edges, true), &parts[1]);
        let dens = self.cint(i64::from(density_flag(density).unwrap_or(false)));
        // The runtime brings the weights to the array's rows.
        let w = self.held_or_null(weights);
        let counts = self.emit(Op::Rt("bodo_arr_histogram_counts", vec![a, edges, dens, w]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        if weights.is_some() {
            self.emit_void(Op::DecRef(w));
        }
        self.owned_pair(t, [counts, edges], a)
    }

    /// The optional array argument `e` (weights), held in flight, or null.
    fn held_or_null(&mut self, e: Option<&'a Expr>) -> V {
        let Some(e) = e else { return self.null() };
        let t = self.ty(e);
        let v = self.expr(e);
        self.hold_in_flight((v, true), &t);
        v
    }

    /// The two numbers of the tuple `pair` as `want` (int or float).
    fn pair_as(&mut self, pair: &'a Expr, want: &Ty) -> [V; 2] {
        let pt = self.ty(pair);
        let Ty::Tuple(items) = &pt else { return [self.null(), self.null()] };
        let o = self.expr_borrow(pair);
        let mut out = [o.0; 2];
        for (i, it) in items.iter().take(2).enumerate() {
            let s = self.tuple_item(o.0, i, IrTy::Slot);
            let v = self.slot_value(s, it);
            out[i] = self.coerce(v, it, want);
        }
        self.release(o, &pt);
        out
    }

    /// The owned value of `a` converted to `want`.
    pub fn value_as(&mut self, a: &'a Expr, want: &Ty) -> V {
        let t = self.ty(a);
        let v = self.expr(a);
        self.coerce(v, &t, want)
    }

    /// `np.random.randint(low, high, ...)`: `low` and the width of the
    /// range, which must be positive (NumPy's ValueError otherwise).
    pub(super) fn randint_range(&mut self, args: &'a [Expr]) -> (V, V) {
        let lo = self.int_value(&args[0]);
        let hi = self.int_value(&args[1]);
        let span = self.emit(Op::Int(IntOp::Sub, hi, lo), IrTy::Int);
        let z = self.cint(0);
        let bad = self.emit(Op::ICmp(Cmp::Le, span, z), IrTy::Bool);
        self.raise_when(bad, bodo_abi::exc::VALUE_ERROR, "low >= high");
        (lo, span)
    }

    pub fn int_value(&mut self, a: &'a Expr) -> V {
        self.value_as(a, &Ty::Int)
    }

    /// Reduction `name` of `input`: of the whole array (a fused loop), or
    /// along the axis given positionally (`rest`) or as `axis=` of a 2D
    /// array (the runtime's `bodo_arr_reduce_axis`).
    fn reduce(&mut self, input: &'a Expr, name: &str, rest: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let Ty::Array(_, nd, _) = self.ty(input) else { return self.null() };
        let (Some(axis), Some(op)) = (reduction_axis(rest, kwargs, nd), bodo_abi::axis_op::of(name)) else {
            return self.kernel_reduce(input, name, t, kwargs);
        };
        let at = self.ty(input);
        let a = self.expr(input);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let ddof = match kwarg(kwargs, "ddof") {
            Some(d) => self.int_value(d),
            None => self.cint(0),
        };
        let (op, axis) = (self.cint(op), self.cint(axis));
        let r = self.emit(Op::Rt("bodo_arr_reduce_axis", vec![a, op, axis, ddof]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }

    /// `np.cumsum(a)` / `a.cumprod()`: flattened running totals, or along
    /// the axis of a 2D array given positionally (`rest`) or as `axis=`
    /// (runtime).
    fn cumulative(&mut self, input: &'a Expr, name: &str, rest: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let at = self.ty(input);
        let Ty::Array(_, nd, _) = at else { return self.null() };
        let a = self.expr(input);
        use bodo_abi::cum_op::{MAX, MIN, PROD, SUM};
        let op = self.cint(match name {
            "cumprod" => PROD,
            "$cummax" => MAX,
            "$cummin" => MIN,
            _ => SUM,
        });
        let axis = reduction_axis(rest, kwargs, nd);
        let r = match axis {
            Some(axis) => {
                let axis = self.cint(axis);
                self.emit(Op::Rt("bodo_arr_cumulative_axis", vec![a, op, axis]), IrTy::Ptr)
            }
            None => self.emit(Op::Rt("bodo_arr_cumulative", vec![a, op]), IrTy::Ptr),
        };
        self.check();
        self.emit_void(Op::DecRef(a));
        // Along an axis the runtime keeps the rows' layout, as the type does.
        if axis.is_some() {
            return r;
        }
        let got = self.runtime_result_ty(name, &at, t);
        self.convert_dist(r, &got, t)
    }

    /// `np.argsort(a)`: of the whole 1D array, gathered (a REP result), or
    /// of each row of a 2D array (its layout).
    fn argsort(&mut self, input: &'a Expr) -> V {
        let at = self.ty(input);
        let a = self.expr(input);
        let a = match at {
            Ty::Array(_, 1, _) => self.convert_dist(a, &at, &at.with_dist(Dist::Rep)),
            _ => a,
        };
        let r = self.emit(Op::Rt("bodo_arr_argsort", vec![a]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::DecRef(a));
        r
    }

    /// `np.unique(x, return_counts=True)`: the tuple of the distinct values
    /// and how often each occurs (`t`), both REP.
    fn unique_counts(&mut self, x: &'a Expr, t: &Ty) -> V {
        let Ty::Tuple(parts) = t else { return self.null() };
        let at = self.ty(x);
        let a = self.expr(x);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let ops = [Op::Rt("bodo_arr_unique", vec![a]), Op::Rt("bodo_arr_unique_counts", vec![a])];
        self.pair_of_arrays(a, mark, ops, &parts[0], t)
    }

    /// The tuple `t` of the arrays (the first of type `first`) that `ops`,
    /// runtime calls reading the owned array `a` (held in flight since
    /// `mark`), return; `a` is released.
    fn pair_of_arrays(&mut self, a: V, mark: usize, ops: [Op; 2], first: &Ty, t: &Ty) -> V {
        let [op0, op1] = ops;
        let x = self.emit(op0, IrTy::Ptr);
        self.check();
        self.hold_in_flight((x, true), first);
        let y = self.emit(op1, IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.owned_pair(t, [x, y], a)
    }

    /// The tuple `t` of the owned arrays `items`, which it references; they
    /// and the input `a` they came from are released.
    fn owned_pair(&mut self, t: &Ty, items: [V; 2], a: V) -> V {
        let slots = items.map(|v| self.slot_of(v));
        let r = self.make_tuple(t, &slots);
        for v in [items[0], items[1], a] {
            self.emit_void(Op::DecRef(v));
        }
        r
    }

    /// `np.roll(a, shift, axis)`: the runtime call for inference's constant axis.
    fn roll(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let (Some(a), Some(shift), axis) = roll_args(args, kwargs) else { return self.null() };
        let at = self.ty(a);
        let Ty::Array(_, ndim, _) = at else { return self.null() };
        let code = roll_axis_code(axis, ndim).unwrap_or(bodo_abi::roll_axis::ROWS);
        let v = self.expr(a);
        let mark = self.in_flight_mark();
        self.hold_in_flight((v, true), &at);
        let s = self.value_as(shift, &Ty::Int);
        self.let_go(mark);
        let code = self.cint(code);
        let r = self.emit(Op::Rt("bodo_arr_roll", vec![v, s, code]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::DecRef(v));
        // The runtime keeps the input's row layout; the type may want another.
        let got = self.runtime_result_ty("roll", &at, t);
        self.convert_dist(r, &got, t)
    }

    /// `np.split(a, sections)` / `np.array_split(a, sections)` along the
    /// rows: a list (of type `t`) of REP arrays.
    fn split(&mut self, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let (Some(a), Some(sections), _) = split_args(args, kwargs) else { return self.null() };
        let at = self.ty(a);
        let v = self.expr(a);
        let mark = self.in_flight_mark();
        self.hold_in_flight((v, true), &at);
        let st = self.ty(sections);
        let (ix, k) = if matches!(st, Ty::Array(..) | Ty::List(_)) {
            (self.rep_index_array(sections, &st), self.cint(0))
        } else {
            (self.null(), self.int_value(sections))
        };
        self.let_go(mark);
        let (d, equal) = (self.desc(t), self.cbool(name == "split"));
        let r = self.emit(Op::Rt("bodo_arr_split", vec![v, ix, k, equal, d]), IrTy::Ptr);
        self.emit_void(Op::DecRef(ix));
        self.emit_void(Op::DecRef(v));
        self.check();
        r
    }

    /// `np.median(a)`, `np.percentile(a, q)` and `np.quantile(a, q)`: one
    /// number, or with a list or array of `q` an array of them (`t`); along
    /// an axis of a 2D array, one per column (of the gathered array) or row.
    fn quantile(&mut self, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        use bodo_abi::quantile_kind::{FRACTION, MEDIAN, PERCENT};
        let kind = self.cint(match name {
            "median" => MEDIAN,
            "quantile" => FRACTION,
            _ => PERCENT,
        });
        let at = self.ty(&args[0]);
        let Ty::Array(_, nd, _) = at else { return self.null() };
        let qs = &args[1..args.len().min(if name == "median" { 1 } else { 2 })];
        let axis = reduction_axis(&args[1 + qs.len()..], kwargs, nd);
        let a = self.expr(&args[0]);
        let a = match axis {
            // Along axis 0 each column needs every row.
            Some(0) => self.convert_dist(a, &at, &at.with_dist(Dist::Rep)),
            // Without an axis, the elements of a 2D array in a row (NumPy
            // flattens it): `a.ravel()`, the rows' elements where they are.
            None if nd == 2 => {
                let (rows, cols, one) = (self.cint(-1), self.cint(1), self.cint(1));
                let flat = self.emit(Op::Rt("bodo_arr_reshape", vec![a, rows, cols, one]), IrTy::Ptr);
                self.emit_void(Op::DecRef(a));
                self.check();
                flat
            }
            _ => a,
        };
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let r = match (qs.first().map(|q| (q, self.ty(q))), t) {
            (q, Ty::Array(..)) if axis.is_some() => {
                let q = match q {
                    Some((q, _)) => self.value_as(q, &Ty::Float),
                    None => self.emit(Op::Const(Const::Float(50.0)), IrTy::Float),
                };
                let ax = self.cint(axis.unwrap_or(0));
                let r = self.emit(Op::Rt("bodo_arr_quantile_axis", vec![a, q, kind, ax]), IrTy::Ptr);
                self.check();
                r
            }
            (Some((q, _)), Ty::Array(..)) => {
                let (qs, qt) = self.rep_array(q);
                self.hold_in_flight((qs, true), &qt);
                let r = self.emit(Op::Rt("bodo_arr_quantiles", vec![a, qs, kind]), IrTy::Ptr);
                self.check();
                self.emit_void(Op::DecRef(qs));
                r
            }
            (q, _) => {
                let q = match q {
                    Some((q, _)) => self.value_as(q, &Ty::Float),
                    None => self.emit(Op::Const(Const::Float(50.0)), IrTy::Float),
                };
                let r = self.emit(Op::Rt("bodo_arr_quantile", vec![a, q, kind]), IrTy::Float);
                self.check();
                r
            }
        };
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }

    /// `np.cov(x, y, ddof=)` / `np.corrcoef(x, y)`: the runtime's 2x2 matrix,
    /// or its first element for one array (`t` a float).
    fn cov(&mut self, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let mark = self.in_flight_mark();
        let vals = self.held_args(args);
        let ddof = match kwarg(kwargs, "ddof") {
            Some(d) => self.int_value(d),
            None => self.cint(1),
        };
        let (x, y) = (vals[0], *vals.last().unwrap_or(&vals[0]));
        let corr = self.cint(i64::from(name == "corrcoef"));
        let r = self.emit(Op::Rt("bodo_arr_cov", vec![x, y, ddof, corr]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        for v in vals {
            self.emit_void(Op::DecRef(v));
        }
        if *t != Ty::Float {
            return r;
        }
        let data = self.emit(Op::LoadField { ptr: r, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let z = self.cint(0);
        let c = self.emit(Op::LoadElem { ptr: data, index: z, elem: Elem::of(&Ty::Float) }, IrTy::Float);
        self.emit_void(Op::DecRef(r));
        c
    }

    /// `np.triu`/`tril`, `np.repeat`, `np.tile`, `np.pad` and `np.gradient`
    /// (`types/copies.rs`): one runtime call on the array and the
    /// arguments after it, whose result has the type's layout.
    fn copies(&mut self, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let bound = copies_args(name, args, kwargs);
        let at = self.ty(&args[0]);
        let a = self.expr(&args[0]);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let int_or = |l: &mut Self, e: Option<&'a Expr>, d: i64| match e {
            Some(e) => l.int_value(e),
            None => l.cint(d),
        };
        let float_or = |l: &mut Self, e: Option<&'a Expr>, d: f64| match e {
            Some(e) => l.value_as(e, &Ty::Float),
            None => l.emit(Op::Const(Const::Float(d)), IrTy::Float),
        };
        let (f, mut vals) = match name {
            "triu" | "tril" => {
                ("bodo_arr_triangle", vec![int_or(self, bound[0], 0), self.cint(i64::from(name == "triu"))])
            }
            "repeat" => ("bodo_arr_repeat", vec![int_or(self, bound[0], 0)]),
            "tile" => ("bodo_arr_tile", vec![int_or(self, bound[0], 0)]),
            "pad" => {
                let w = bound[0].unwrap_or(&args[0]);
                let (before, after) = match self.ty(w) {
                    Ty::Int => {
                        let v = self.int_value(w);
                        (v, v)
                    }
                    _ => {
                        let [b, a] = self.pair_as(w, &Ty::Int);
                        (b, a)
                    }
                };
                ("bodo_arr_pad", vec![before, after, float_or(self, bound[2], 0.0)])
            }
            _ => ("bodo_arr_gradient", vec![float_or(self, bound[0], 1.0)]),
        };
        vals.insert(0, a);
        let r = self.emit(Op::Rt(f, vals), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }

    /// `np.linalg.solve(a, b)`, `inv(a)` and `det(a)`: the runtime's, on the
    /// gathered matrices (REP results).
    fn linalg(&mut self, name: &str, args: &'a [Expr]) -> V {
        let mark = self.in_flight_mark();
        let vals = self.held_args(args);
        let (f, ty) = match name {
            "linalg.det" => ("bodo_linalg_det", IrTy::Float),
            "linalg.inv" => ("bodo_linalg_inv", IrTy::Ptr),
            _ => ("bodo_linalg_solve", IrTy::Ptr),
        };
        let r = self.emit(Op::Rt(f, vals.clone()), ty);
        self.check();
        self.let_go(mark);
        for v in vals {
            self.emit_void(Op::DecRef(v));
        }
        r
    }

    /// The values of `args`, each held in flight.
    fn held_args(&mut self, args: &'a [Expr]) -> Vec<V> {
        args.iter()
            .map(|x| {
                let xt = self.ty(x);
                let v = self.expr(x);
                self.hold_in_flight((v, true), &xt);
                v
            })
            .collect()
    }

    /// `np.convolve(a, v, mode)`: the runtime call for inference's constant
    /// mode, a list argument made a REP array first.
    fn convolve(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let (Some(a), Some(v), mode) = convolve_args(args, kwargs) else { return self.null() };
        let code = convolve_mode_code(mode).unwrap_or(bodo_abi::convolve_mode::FULL);
        let mark = self.in_flight_mark();
        let mut vals = Vec::new();
        let mut any_dist = false;
        for x in [a, v] {
            let (val, xt) = self.array_of(x);
            any_dist |= xt.has_dist();
            self.hold_in_flight((val, true), &xt);
            vals.push(val);
        }
        let code = self.cint(code);
        let r = self.emit(Op::Rt("bodo_arr_convolve", vec![vals[0], vals[1], code]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        for val in vals {
            self.emit_void(Op::DecRef(val));
        }
        let got = t.with_dist(if any_dist { Dist::OneD } else { Dist::Rep });
        self.convert_dist(r, &got, t)
    }

    /// `np.sort(X, axis=0)`: each column of `X` sorted, as the rows of its
    /// transpose (REP).
    fn sort_columns(&mut self, x: &'a Expr) -> V {
        let at = self.ty(x);
        let a = self.expr(x);
        let mut r = self.convert_dist(a, &at, &at.with_dist(Dist::Rep));
        for f in ["bodo_arr_transpose", "bodo_arr_sort", "bodo_arr_transpose"] {
            let next = self.emit(Op::Rt(f, vec![r]), IrTy::Ptr);
            self.emit_void(Op::DecRef(r));
            self.check();
            r = next;
        }
        r
    }

    /// The type the runtime gives back for sort/unique/cumsum/cumprod/roll of `input`.
    fn runtime_result_ty(&self, name: &str, input: &Ty, want: &Ty) -> Ty {
        let (Ty::Array(_, nd, d), Ty::Array(el, n, _)) = (input, want) else { return want.clone() };
        let d = match (name, d) {
            ("unique", _) => Dist::Rep,
            (_, Dist::Rep) => Dist::Rep,
            ("sort", d) if *nd == 2 => *d,
            ("sort", _) => Dist::OneD,
            // Flattened rows: each rank's share is its rows' elements.
            (n, _) if is_running(n) && *nd == 2 => Dist::OneDVar,
            (_, d) => *d,
        };
        Ty::Array(el.clone(), *n, d)
    }

    /// `np.dot(a, b)` of a vector with a vector or a matrix (matrix-vector
    /// products are fused loops, `kernel_dot.rs`).
    pub fn dot(&mut self, a: &'a Expr, b: &'a Expr, t: &Ty) -> V {
        let (ta, tb) = (self.ty(a), self.ty(b));
        let (Ty::Array(_, na, _), Ty::Array(_, nb, _)) = (&ta, &tb) else { return self.cint(0) };
        if let (Some(m), 2) = (a.transposed(), *na) {
            return self.dot_transposed(m, b, *nb, t);
        }
        if (*na, *nb) == (2, 2) {
            let va = self.expr(a);
            let mark = self.in_flight_mark();
            self.hold_in_flight((va, true), &ta);
            let vb = self.expr(b);
            self.let_go(mark);
            let r = self.emit(Op::Rt("bodo_arr_dot_mm", vec![va, vb]), IrTy::Ptr);
            // Released before the check: a shape error must not leak them.
            self.emit_void(Op::DecRef(va));
            self.emit_void(Op::DecRef(vb));
            self.check();
            return r;
        }
        if *nb == 2 && self.is_fusable(a) {
            return self.kernel_vecmat(a, b, t, false);
        }
        let va = self.expr(a);
        let vb = self.expr(b);
        // The runtime pairs the operands' rows whatever their layouts,
        // after NumPy's shape check.
        let scalar = *nb == 1;
        let sym = if scalar { "bodo_arr_dot_vv" } else { "bodo_arr_dot_vm" };
        let r = self.emit(Op::Rt(sym, vec![va, vb]), if scalar { IrTy::Slot } else { IrTy::Ptr });
        self.emit_void(Op::DecRef(va));
        self.emit_void(Op::DecRef(vb));
        self.check();
        if scalar {
            self.slot_value(r, t)
        } else {
            r
        }
    }

    /// `m.T @ b` for a 2D `m` (`np.dot(m.T, b)`), without building the
    /// transpose, which would gather a distributed `m`: the rows of `b` (of
    /// `nb` dimensions) pair with the rows of `m` where they are, and the
    /// per-rank products are summed over ranks, as `b @ m` does for a
    /// vector.
    fn dot_transposed(&mut self, m: &'a Expr, b: &'a Expr, nb: u8, t: &Ty) -> V {
        if nb == 1 && self.is_fusable(b) {
            return self.kernel_vecmat(b, m, t, true);
        }
        let (tm, tb) = (self.ty(m), self.ty(b));
        let vm = self.expr(m);
        let mark = self.in_flight_mark();
        self.hold_in_flight((vm, true), &tm);
        let vb = self.expr(b);
        self.hold_in_flight((vb, true), &tb);
        // The runtime pairs the rows of a distributed and a replicated
        // operand, or aligns two distributed ones.
        let sym = if nb == 1 { "bodo_arr_dot_tv" } else { "bodo_arr_dot_tm" };
        let r = self.emit(Op::Rt(sym, vec![vm, vb]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(vm));
        self.emit_void(Op::DecRef(vb));
        r
    }

    /// `a.sum()`, `a.std(ddof=1)`, `a.cumsum()`, `a.reshape(r, c)`, `a.copy()`, `a.tolist()` on an array receiver
    /// (`a.astype(t)` is a fused loop).
    pub fn array_method(
        &mut self,
        e: &'a Expr,
        recv: &'a Expr,
        name: &str,
        args: &'a [Expr],
        kwargs: &'a [Kwarg],
    ) -> V {
        let t = self.ty(e);
        self.set_line(e.span);
        match name {
            n if REDUCTIONS.contains(&n) => self.reduce(recv, n, args, kwargs, &t),
            "reshape" => self.reshape(e, recv, Ok(args)),
            "flatten" | "ravel" => self.reshape(e, recv, Err((-1, 1))),
            n if is_running(n) => self.cumulative(recv, name, args, kwargs, &t),
            "argsort" => self.argsort(recv),
            "tofile" => self.tofile(recv, args, kwargs),
            // The elements as Python scalars, in order (gathered when distributed).
            "tolist" => match self.ty(recv) {
                Ty::Array(el, 2, _) => {
                    // A list of row lists, built by the runtime from the whole
                    // (gathered) array.
                    let rt = self.ty(recv);
                    let a = self.expr(recv);
                    let a = self.convert_dist(a, &rt, &Ty::array((*el).clone(), 2, Dist::Rep));
                    let desc = self.desc(&t);
                    let r = self.emit(Op::Rt("bodo_arr_rows_to_lists", vec![desc, a]), IrTy::Ptr);
                    self.emit_void(Op::DecRef(a));
                    r
                }
                _ => self.materialize_list_copy(recv),
            },
            _ => {
                let a = self.expr(recv);
                let r = self.emit(Op::Rt("bodo_arr_copy", vec![a]), IrTy::Ptr);
                self.emit_void(Op::DecRef(a));
                r
            }
        }
    }

    /// `a.shape`, `a.size`, `a.ndim`, `a.dtype`.
    pub fn array_attr(&mut self, v: &'a Expr, name: &str, t: &Ty) -> V {
        let at = self.ty(v);
        if let (Ty::Array(el, ..), "dtype") = (&at, name) {
            // Known statically: the array itself is only evaluated for its effects.
            let a = self.expr(v);
            self.emit_void(Op::DecRef(a));
            return self.cstr(Elem::of(el).dtype_name());
        }
        let (a, owned) = self.expr_borrow(v);
        let Ty::Array(_, nd, _) = at else { return self.cint(0) };
        if name == "T" {
            let r = self.emit(Op::Rt("bodo_arr_transpose", vec![a]), IrTy::Ptr);
            self.check();
            self.release((a, owned), &at);
            return r;
        }
        let glen = self.field(a, AL::GLEN);
        let r = match name {
            "shape" => {
                let mut slots = vec![self.slot_of(glen)];
                if nd == 2 {
                    let c = self.field(a, AL::NCOLS);
                    slots.push(self.slot_of(c));
                }
                self.make_tuple(t, &slots)
            }
            "size" => {
                let c = self.field(a, AL::NCOLS);
                self.emit(Op::Int(IntOp::Mul, glen, c), IrTy::Int)
            }
            _ => self.cint(nd as i64),
        };
        self.release((a, owned), &at);
        r
    }

    /// Rows of this rank held by the prange loop of `arr` for index local `i`, if any.
    fn prange_local(&self, arr: &Expr, idx: &Expr) -> Option<(u32, V)> {
        let ctx = self.prange.as_ref()?;
        let (ExprKind::Local(a), ExprKind::Local(i)) = (&arr.kind, &idx.kind) else { return None };
        if *i != ctx.var {
            return None;
        }
        ctx.arrays.get(a).map(|&(_, off)| (*a, off))
    }

    /// The index expression split as (row, optional column).
    fn split_index(idx: &'a Expr) -> (&'a Expr, Option<&'a Expr>) {
        match &idx.kind {
            ExprKind::Tuple(items) if items.len() == 2 => (&items[0], Some(&items[1])),
            _ => (idx, None),
        }
    }

    /// The flat local position of `arr[row(, col)]` when `row` is the prange index.
    fn local_pos(&mut self, arr: &'a Expr, idx: &'a Expr) -> Option<(V, V)> {
        let (row, col) = Self::split_index(idx);
        // A row of a 2D array (`X[i]`, `X[i, :]`) is not one element.
        let nd = matches!(self.ty(arr), Ty::Array(_, 2, _)) as usize + 1;
        if nd != col.map_or(1, |c| if matches!(c.kind, ExprKind::SliceBounds(..)) { 1 } else { 2 }) {
            return None;
        }
        let (_, off_slot) = self.prange_local(arr, row)?;
        let a = match arr.kind {
            ExprKind::Local(l) => l,
            _ => return None,
        };
        let ap = self.emit(Op::Load(a), IrTy::Ptr);
        let data = self.emit(Op::LoadField { ptr: ap, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let i = self.int_value(row);
        let off = self.emit(Op::Load(off_slot), IrTy::Int);
        let r = self.emit(Op::Int(IntOp::Sub, i, off), IrTy::Int);
        // Only an index past the array's end (the loop's range is longer)
        // falls outside this rank's rows: NumPy's IndexError, checked in
        // the iterations past the shortest array's rows (`prange.rs`).
        let checked = self.prange.as_ref().is_some_and(|c| c.checked);
        if checked {
            let len = self.field(ap, AL::LEN);
            let glen = self.field(ap, AL::GLEN);
            self.bounds_check(r, len, i, glen, 0);
        }
        let pos = match col {
            None => r,
            Some(c) => {
                let ncols = self.field(ap, AL::NCOLS);
                let cv = self.int_value(c);
                // A negative column counts from the end, as in NumPy.
                let z = self.cint(0);
                let neg = self.emit(Op::ICmp(Cmp::Lt, cv, z), IrTy::Bool);
                let wrapped = self.emit(Op::Int(IntOp::Add, cv, ncols), IrTy::Int);
                let cv2 = self.emit(Op::Select(neg, wrapped, cv), IrTy::Int);
                if checked {
                    self.bounds_check(cv2, ncols, cv, ncols, 1);
                }
                let cv = cv2;
                let m = self.emit(Op::Int(IntOp::Mul, r, ncols), IrTy::Int);
                self.emit(Op::Int(IntOp::Add, m, cv), IrTy::Int)
            }
        };
        Some((data, pos))
    }

    /// NumPy's IndexError for index `shown` (axis size `size`) unless
    /// `0 <= pos < len`.
    fn bounds_check(&mut self, pos: V, len: V, shown: V, size: V, axis: i64) {
        let z = self.cint(0);
        let ge = self.emit(Op::ICmp(Cmp::Ge, pos, z), IrTy::Bool);
        let lt = self.emit(Op::ICmp(Cmp::Lt, pos, len), IrTy::Bool);
        let ok = self.emit(Op::BoolAnd(ge, lt), IrTy::Bool);
        let (fail, cont) = (self.new_block(), self.new_block());
        self.branch(ok, cont, fail);
        self.cur = fail;
        let ax = self.cint(axis);
        self.emit_void(Op::Rt("bodo_raise_index", vec![shown, size, ax]));
        self.check();
        self.jump_to(cont);
    }

    /// `a.reshape(shape)` (`shape` its arguments), or the constant shape
    /// of `a[:, None]` (`(-1, 1)`, which is `reshape(-1)` for a 1D `e`:
    /// `flatten`) or `a[None, :]` (`(1, -1)`) as `Err`.
    fn reshape(&mut self, e: &'a Expr, recv: &'a Expr, shape: Result<&'a [Expr], (i64, i64)>) -> V {
        let Ty::Array(_, nd, _) = self.ty(e) else { return self.null() };
        let at = self.ty(recv);
        let a = self.expr(recv);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let (rows, cols) = match shape {
            Ok([r, c]) => (self.int_value(r), self.int_value(c)),
            Ok([shape]) => self.shape_of(shape),
            Ok(_) => return self.null(),
            Err((r, c)) => (self.cint(r), self.cint(c)),
        };
        let nd = self.cint(nd as i64);
        self.set_line(e.span);
        let r = self.emit(Op::Rt("bodo_arr_reshape", vec![a, rows, cols, nd]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        r
    }

    /// `a[i]`, `a[i, j]`, `a[mask]` reads.
    pub fn array_index(&mut self, e: &'a Expr, arr: &'a Expr, idx: &'a Expr) -> V {
        let t = self.ty(e);
        let at = self.ty(arr);
        let Ty::Array(el, nd, d) = &at else { return self.null() };
        if idx.is_new_column() {
            return self.reshape(e, arr, Err((-1, 1)));
        }
        if idx.is_new_row_of_all() {
            return self.reshape(e, arr, Err((1, -1)));
        }
        if let Some((data, pos)) = self.local_pos(arr, idx) {
            return self.emit(Op::LoadElem { ptr: data, index: pos, elem: Elem::of(el) }, IrTy::of(el));
        }
        if let Some(parts) = Self::sub_matrix_index(&at, idx) {
            // `X[i, lo:hi]` of a row of the prange loop's own array: the
            // local row, sliced (reading it as any row is collective).
            if let (false, ExprKind::Tuple(items)) = (parts.0, &idx.kind) {
                if let Some(row) = self.prange_row(arr, &items[0]) {
                    let cols = self.bounds_or_index(&items[1]);
                    let r = self.emit(Op::Rt("bodo_arr_slice", vec![row, cols[0], cols[1], cols[2]]), IrTy::Ptr);
                    self.emit_void(Op::DecRef(row));
                    self.check();
                    return r;
                }
            }
            return self.sub_matrix(arr, idx, parts);
        }
        if !matches!(t, Ty::Array(..)) {
            if let Some(x) = self.replica_read(arr, idx, el, *d) {
                return x;
            }
        }
        // X[i, :] is the row X[i].
        let idx = match idx.full_slice_pair() {
            Some((1, row)) => row,
            _ => idx,
        };
        if *nd == 2 {
            if let Some(row) = self.prange_row(arr, idx) {
                return row;
            }
        }
        let it = self.ty(idx);
        let (a, owned) = self.expr_borrow(arr);
        // An index error must not leak an array made for this read.
        let mark = self.in_flight_mark();
        if owned {
            self.hold_in_flight((a, true), &at);
        }
        self.set_line(e.span);
        let r = match (&it, nd) {
            // Fancy indexing: the index array whole on every rank.
            (Ty::Array(m, ..) | Ty::List(m), _) if **m == Ty::Int => {
                let ix = self.rep_index_array(idx, &it);
                let r = self.emit(Op::Rt("bodo_arr_take", vec![a, ix]), IrTy::Ptr);
                self.emit_void(Op::DecRef(ix));
                self.check();
                r
            }
            (Ty::Array(..), _) => {
                let m2 = self.mask_for(idx, &it, a, *d);
                let r = self.emit(Op::Rt("bodo_arr_filter", vec![a, m2]), IrTy::Ptr);
                self.check();
                self.emit_void(Op::DecRef(m2));
                r
            }
            (Ty::Tuple(items), 2) if items.iter().any(|t| matches!(t, Ty::Array(..) | Ty::List(_))) => {
                self.take_pairs(a, idx)
            }
            (Ty::Tuple(_), _) => {
                let (row, col) = Self::split_index(idx);
                let i = self.int_value(row);
                let j = self.int_value(col.unwrap_or(row));
                let s = self.emit(Op::Rt("bodo_arr_getitem2", vec![a, i, j]), IrTy::Slot);
                self.check();
                self.slot_value(s, &t)
            }
            (_, 2) => {
                let i = self.int_value(idx);
                let r = self.emit(Op::Rt("bodo_arr_getrow", vec![a, i]), IrTy::Ptr);
                self.check();
                r
            }
            _ => {
                let i = self.int_value(idx);
                self.scalar_get(a, i, el, *d)
            }
        };
        self.let_go(mark);
        self.release((a, owned), &at);
        r
    }

    /// Row `idx` of the 2D array `arr` when it is a row of the prange
    /// loop's own array, which is local (owned), else None.
    fn prange_row(&mut self, arr: &'a Expr, idx: &'a Expr) -> Option<V> {
        let (_, off_slot) = self.prange_local(arr, idx)?;
        let ExprKind::Local(l) = arr.kind else { return None };
        let ap = self.emit(Op::Load(l), IrTy::Ptr);
        let i = self.int_value(idx);
        let off = self.emit(Op::Load(off_slot), IrTy::Int);
        let r = self.emit(Op::Int(IntOp::Sub, i, off), IrTy::Int);
        if self.prange.as_ref().is_some_and(|c| c.checked) {
            let len = self.field(ap, AL::LEN);
            let glen = self.field(ap, AL::GLEN);
            self.bounds_check(r, len, i, glen, 0);
        }
        let row = self.emit(Op::Rt("bodo_arr_localrow", vec![ap, r]), IrTy::Ptr);
        self.check();
        Some(row)
    }

    /// The int index array or list `idx` (of type `it`) as a REP int64 array (owned).
    fn rep_index_array(&mut self, idx: &'a Expr, it: &Ty) -> V {
        let x = self.expr(idx);
        match it {
            Ty::List(_) => {
                let ixt = Ty::array(Ty::Int, 1, Dist::Rep);
                let desc = self.desc(&ixt);
                let dt = self.cint(Elem::I64.dtype());
                let arr = self.emit(Op::Rt("bodo_arr_from_list", vec![desc, x, dt]), IrTy::Ptr);
                self.check();
                self.emit_void(Op::DecRef(x));
                arr
            }
            _ => self.convert_dist(x, it, &it.with_dist(Dist::Rep)),
        }
    }

    /// `a[rows, cols]` of 2D array `a` with `idx` a pair of int arrays or
    /// lists, or an int beside one (passed as a null array and the int).
    fn take_pairs(&mut self, a: V, idx: &'a Expr) -> V {
        let (row, col) = Self::split_index(idx);
        let mark = self.in_flight_mark();
        let mut parts = Vec::new();
        for part in [row, col.unwrap_or(row)] {
            let pt = self.ty(part);
            if matches!(pt, Ty::Array(..) | Ty::List(_)) {
                let ix = self.rep_index_array(part, &pt);
                self.hold_in_flight((ix, true), &Ty::array(Ty::Int, 1, Dist::Rep));
                parts.extend([ix, self.cint(0)]);
            } else {
                let i = self.int_value(part);
                parts.extend([self.null(), i]);
            }
        }
        self.let_go(mark);
        let r = self.emit(Op::Rt("bodo_arr_take_pairs", [vec![a], parts.clone()].concat()), IrTy::Ptr);
        for ix in [parts[0], parts[2]] {
            self.emit_void(Op::DecRef(ix));
        }
        self.check();
        r
    }

    /// Whether `idx` is an int index array or list (fancy indexing).
    fn is_fancy_index(&self, idx: &Expr) -> bool {
        matches!(self.ty(idx), Ty::Array(m, 1, _) | Ty::List(m) if *m == Ty::Int)
    }

    /// `a[idx] = v` with an int index array or list: `v` a scalar of `a`'s
    /// type or (owned) array `v` of type `vt`, one value per index.
    fn fancy_setitem(&mut self, arr: &'a Expr, idx: &'a Expr, v: V, vt: &Ty) {
        let at = self.ty(arr);
        let Ty::Array(el, ..) = &at else { return };
        let mark = self.in_flight_mark();
        if let Ty::Array(..) = vt {
            self.hold_in_flight((v, true), vt);
        }
        let (a, owned) = self.expr_borrow(arr);
        let it = self.ty(idx);
        let ix = self.rep_index_array(idx, &it);
        self.let_go(mark);
        if let Ty::Array(..) = vt {
            self.emit_void(Op::Rt("bodo_arr_set_take_arr", vec![a, ix, v]));
            self.emit_void(Op::DecRef(v));
        } else {
            let x = self.coerce(v, vt, el);
            let s = self.slot_of(x);
            self.emit_void(Op::Rt("bodo_arr_set_take", vec![a, ix, s]));
        }
        self.emit_void(Op::DecRef(ix));
        self.check();
        self.release((a, owned), &at);
    }

    /// `A[r0:r1, c0:c1]`, `A[r0:r1, j]` (the rows sliced, then their
    /// columns chosen) and `A[i, c0:c1]` (a row, then sliced); `slices` says
    /// which parts of the index tuple are slices.
    fn sub_matrix(&mut self, arr: &'a Expr, idx: &'a Expr, slices: (bool, bool)) -> V {
        let ExprKind::Tuple(items) = &idx.kind else { return self.null() };
        let at = self.ty(arr);
        let (a, owned) = self.expr_borrow(arr);
        let rows = self.bounds_or_index(&items[0]);
        let cols = self.bounds_or_index(&items[1]);
        self.set_line(idx.span);
        let part = match slices.0 {
            true => self.emit(Op::Rt("bodo_arr_slice", vec![a, rows[0], rows[1], rows[2]]), IrTy::Ptr),
            false => self.emit(Op::Rt("bodo_arr_getrow", vec![a, rows[0]]), IrTy::Ptr),
        };
        self.check();
        self.release((a, owned), &at);
        let r = match slices.0 {
            true => {
                let single = self.cint(i64::from(!slices.1));
                self.emit(Op::Rt("bodo_arr_select_cols", vec![part, cols[0], cols[1], cols[2], single]), IrTy::Ptr)
            }
            false => self.emit(Op::Rt("bodo_arr_slice", vec![part, cols[0], cols[1], cols[2]]), IrTy::Ptr),
        };
        self.emit_void(Op::DecRef(part));
        self.check();
        r
    }

    /// Which parts of `idx` are slices, if it selects a block of the 2D
    /// array type `at` other than a whole row or column.
    fn sub_matrix_index(at: &Ty, idx: &Expr) -> Option<(bool, bool)> {
        match (at, idx.full_slice_pair()) {
            (Ty::Array(_, 2, _), None) => crate::types::arrays::sub_slices(idx),
            _ => None,
        }
    }

    /// `A[r0:r1, c0:c1] = v` (also with one part an index): `v` a number or
    /// an owned array of type `vt`, broadcast over the block.
    fn set_sub_matrix(&mut self, arr: &'a Expr, idx: &'a Expr, (rs, cs): (bool, bool), v: V, vt: &Ty) {
        let ExprKind::Tuple(items) = &idx.kind else { return };
        let at = self.ty(arr);
        let Ty::Array(el, ..) = &at else { return };
        let is_arr = matches!(vt, Ty::Array(..));
        let mark = self.in_flight_mark();
        let v = if is_arr {
            self.hold_in_flight((v, true), vt);
            v
        } else {
            let x = self.coerce(v, vt, el);
            self.slot_of(x)
        };
        let (a, owned) = self.expr_borrow(arr);
        let rows = self.bounds_or_index(&items[0]);
        let cols = self.bounds_or_index(&items[1]);
        self.let_go(mark);
        let singles = self.cint(i64::from(!rs) | i64::from(!cs) << 1);
        let args = vec![a, rows[0], rows[1], rows[2], cols[0], cols[1], cols[2], singles, v];
        self.emit_void(Op::Rt(if is_arr { "bodo_arr_set_sub_arr" } else { "bodo_arr_set_sub" }, args));
        if is_arr {
            self.emit_void(Op::DecRef(v));
        }
        self.check();
        self.release((a, owned), &at);
    }

    /// A part of a 2D index tuple: a slice's bounds, or an index and two
    /// absent bounds.
    fn bounds_or_index(&mut self, e: &'a Expr) -> [V; 3] {
        match &e.kind {
            ExprKind::SliceBounds(lo, hi, st) => self.slice_bounds([lo, hi, st]),
            _ => {
                let i = self.int_value(e);
                let none = self.cint(bodo_abi::SLICE_NONE);
                [i, none, none]
            }
        }
    }

    /// Element `(i[, j])` of `a` as `el`.
    pub(super) fn element_get(&mut self, a: V, i: V, j: Option<V>, el: &Ty, d: Dist) -> V {
        match j {
            Some(j) => {
                let s = self.emit(Op::Rt("bodo_arr_getitem2", vec![a, i, j]), IrTy::Slot);
                self.check();
                self.slot_value(s, el)
            }
            None => self.scalar_get(a, i, el, d),
        }
    }

    /// Stores slot `s` at `(i[, j])` of `a` (the owner's rows when distributed).
    pub(super) fn element_set(&mut self, a: V, i: V, j: Option<V>, s: V) {
        match j {
            Some(j) => self.emit_void(Op::Rt("bodo_arr_setitem2", vec![a, i, j, s])),
            None => self.emit_void(Op::Rt("bodo_arr_setitem", vec![a, i, s])),
        }
        self.check();
    }

    /// `a[i]` of a 1D array: inline for in-range replicated data, else the runtime.
    fn scalar_get(&mut self, a: V, i: V, el: &Ty, d: Dist) -> V {
        if d.is_dist() {
            let s = self.emit(Op::Rt("bodo_arr_getitem", vec![a, i]), IrTy::Slot);
            self.check();
            return self.slot_value(s, el);
        }
        let res = self.new_temp(IrTy::of(el));
        let len = self.field(a, AL::LEN);
        let ok = self.emit(Op::ICmp(Cmp::ULt, i, len), IrTy::Bool);
        let (fast, slow, done) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(ok, fast, slow);
        self.cur = fast;
        let data = self.emit(Op::LoadField { ptr: a, of: Obj::Array, offset: AL::DATA, index: None }, IrTy::Ptr);
        let x = self.emit(Op::LoadElem { ptr: data, index: i, elem: Elem::of(el) }, IrTy::of(el));
        self.emit_void(Op::Store(res, x));
        self.jump_to(done);
        self.cur = slow;
        let s = self.emit(Op::Rt("bodo_arr_getitem", vec![a, i]), IrTy::Slot);
        self.check();
        let y = self.slot_value(s, el);
        self.emit_void(Op::Store(res, y));
        self.jump_to(done);
        self.emit(Op::Load(res), IrTy::of(el))
    }

    /// `a[lo:hi:st]` of an array.
    pub fn array_slice(&mut self, e: &'a Expr, arr: &'a Expr, bounds: [&'a Option<Box<Expr>>; 3]) -> V {
        let at = self.ty(arr);
        let (a, owned) = self.expr_borrow(arr);
        let b = self.slice_bounds(bounds);
        self.set_line(e.span);
        let r = self.emit(Op::Rt("bodo_arr_slice", vec![a, b[0], b[1], b[2]]), IrTy::Ptr);
        self.check();
        self.release((a, owned), &at);
        r
    }

    pub fn slice_bounds(&mut self, bounds: [&'a Option<Box<Expr>>; 3]) -> [V; 3] {
        bounds.map(|b| match b {
            Some(x) => self.int_value(x),
            None => self.cint(bodo_abi::SLICE_NONE),
        })
    }

    /// The bool array `idx` (of type `it`) as a mask over array `a` of
    /// distribution `d`: the rows `a` holds on this rank, or whole for a
    /// replicated `a` (owned).
    pub(super) fn mask_for(&mut self, idx: &'a Expr, it: &Ty, a: V, d: Dist) -> V {
        let m = self.expr(idx);
        if !d.is_dist() {
            return self.convert_dist(m, it, &it.with_dist(Dist::Rep));
        }
        let x = self.convert_dist(m, it, &it.with_dist(Dist::OneDVar));
        let y = self.emit(Op::Rt("bodo_arr_align", vec![x, a]), IrTy::Ptr);
        self.check();
        self.emit_void(Op::DecRef(x));
        y
    }

    /// `a[idx] = v` for arrays.
    pub fn array_setitem(&mut self, arr: &'a Expr, idx: &'a Expr, v: V, vt: &Ty) {
        let at = self.ty(arr);
        let Ty::Array(el, _, d) = &at else { return };
        if let (Ty::Array(..), Some((axis, k))) = (vt, idx.full_slice_pair()) {
            let a = self.expr_borrow(arr);
            let axis = self.cint(axis as i64);
            let k = self.int_value(k);
            return self.store_array_value(Op::Rt("bodo_arr_set_line_arr", vec![a.0, axis, k, v]), a, v, &at);
        }
        if let (ExprKind::SliceBounds(lo, hi, st), Ty::Array(..)) = (&idx.kind, vt) {
            let a = self.expr_borrow(arr);
            let b = self.slice_bounds([lo, hi, st]);
            return self.store_array_value(Op::Rt("bodo_arr_set_slice_arr", vec![a.0, b[0], b[1], b[2], v]), a, v, &at);
        }
        if self.is_fancy_index(idx) {
            return self.fancy_setitem(arr, idx, v, vt);
        }
        if let Some(parts) = Self::sub_matrix_index(&at, idx) {
            return self.set_sub_matrix(arr, idx, parts, v, vt);
        }
        let v = self.coerce(v, vt, el);
        if let Some((data, pos)) = self.local_pos(arr, idx) {
            self.emit_void(Op::StoreElem { ptr: data, index: pos, value: v, elem: Elem::of(el) });
            return;
        }
        let s = self.slot_of(v);
        if self.replica_write(arr, idx, s) {
            return;
        }
        let (a, owned) = self.expr_borrow(arr);
        match &idx.kind {
            ExprKind::SliceBounds(lo, hi, st) => {
                let b = self.slice_bounds([lo, hi, st]);
                self.emit_void(Op::Rt("bodo_arr_set_slice", vec![a, b[0], b[1], b[2], s]));
            }
            _ => match self.ty(idx) {
                it @ Ty::Array(..) => {
                    let m = self.mask_for(idx, &it, a, *d);
                    self.emit_void(Op::Rt("bodo_arr_set_mask", vec![a, m, s]));
                    self.check();
                    self.emit_void(Op::DecRef(m));
                }
                Ty::Tuple(_) if idx.full_slice_pair().is_some() => {
                    let (axis, k) = idx.full_slice_pair().unwrap();
                    let axis = self.cint(axis as i64);
                    let k = self.int_value(k);
                    self.emit_void(Op::Rt("bodo_arr_set_line", vec![a, axis, k, s]));
                }
                Ty::Tuple(_) => {
                    let (row, col) = Self::split_index(idx);
                    let i = self.int_value(row);
                    let j = self.int_value(col.unwrap_or(row));
                    self.emit_void(Op::Rt("bodo_arr_setitem2", vec![a, i, j, s]));
                }
                _ => {
                    let i = self.int_value(idx);
                    self.emit_void(Op::Rt("bodo_arr_setitem", vec![a, i, s]));
                }
            },
        }
        self.check();
        self.release((a, owned), &at);
    }

    /// Runs `op`, a store of array `v` into array `a` (of type `at`), and
    /// releases both.
    fn store_array_value(&mut self, op: Op, a: (V, bool), v: V, at: &Ty) {
        self.emit_void(op);
        self.emit_void(Op::DecRef(v));
        self.check();
        self.release(a, at);
    }

    /// `a[i] op= v` and `a[i, j] op= v`: the element read, combined with `v`
    /// and written back, array and index evaluated once.
    pub fn array_aug_setitem(
        &mut self,
        arr: &'a Expr,
        idx: &'a Expr,
        op: crate::hir::BinOp,
        value: &'a Expr,
        span: crate::diagnostics::Span,
    ) {
        let at = self.ty(arr);
        let Ty::Array(el, nd, d) = &at else { return };
        let vt = self.ty(value);
        if let Some(parts) = Self::sub_matrix_index(&at, idx) {
            // `A[r0:r1, c0:c1] op= v` is the block read, combined and stored back.
            let rows_dist = if d.is_dist() { Dist::OneDVar } else { Dist::Rep };
            let cur_t = match parts {
                (true, cols) => Ty::Array(el.clone(), if cols { 2 } else { 1 }, rows_dist),
                (false, _) => Ty::Array(el.clone(), 1, Dist::Rep),
            };
            let cur = self.sub_matrix(arr, idx, parts);
            let (r, rt) = self.combine_read(cur, &cur_t, op, value, span);
            return self.set_sub_matrix(arr, idx, parts, r, &rt);
        }
        if let Ty::Array(m, ..) = self.ty(idx) {
            if *m == Ty::Bool && !matches!(vt, Ty::Array(..)) {
                return self.mask_update(arr, idx, op, value, span);
            }
        }
        if self.is_fancy_index(idx) {
            // NumPy's `a[idx] = a[idx] op v`: a repeated index is updated once.
            let (it, cur_t) = (self.ty(idx), Ty::Array(el.clone(), *nd, Dist::Rep));
            let (a, owned) = self.expr_borrow(arr);
            let ix = self.rep_index_array(idx, &it);
            self.set_line(span);
            let cur = self.emit(Op::Rt("bodo_arr_take", vec![a, ix]), IrTy::Ptr);
            self.emit_void(Op::DecRef(ix));
            self.check();
            self.release((a, owned), &at);
            let (r, rt) = self.combine_read(cur, &cur_t, op, value, span);
            return self.fancy_setitem(arr, idx, r, &rt);
        }
        if let Some((data, pos)) = self.local_pos(arr, idx) {
            let cur = self.emit(Op::LoadElem { ptr: data, index: pos, elem: Elem::of(el) }, IrTy::of(el));
            let x = self.combine_element(cur, el, op, value, span);
            self.emit_void(Op::StoreElem { ptr: data, index: pos, value: x, elem: Elem::of(el) });
            return;
        }
        if let Some((copy, i, j)) = self.replica_access(arr, idx) {
            self.set_line(span);
            let cur = self.replica_read_at(copy, i, j, el, *d);
            let x = self.combine_element(cur, el, op, value, span);
            let s = self.slot_of(x);
            self.set_line(span);
            return self.replica_write_at(copy, i, j, s);
        }
        let (a, owned) = self.expr_borrow(arr);
        let (row, col) = Self::split_index(idx);
        let i = self.int_value(row);
        let j = col.map(|c| self.int_value(c));
        self.set_line(span);
        let cur = self.element_get(a, i, j, el, *d);
        let x = self.combine_element(cur, el, op, value, span);
        let s = self.slot_of(x);
        self.set_line(span);
        self.element_set(a, i, j, s);
        self.release((a, owned), &at);
    }

    /// `a[mask] op= v` (scalar `v`): the selected elements read as `a[mask]`
    /// does, combined, and written back in the same order, in place.
    fn mask_update(
        &mut self,
        arr: &'a Expr,
        idx: &'a Expr,
        op: crate::hir::BinOp,
        value: &'a Expr,
        span: crate::diagnostics::Span,
    ) {
        let (at, it) = (self.ty(arr), self.ty(idx));
        let (Ty::Array(el, nd, d), Ty::Array(_, mnd, _)) = (&at, &it) else { return };
        let (a, owned) = self.expr_borrow(arr);
        let m = self.mask_for(idx, &it, a, *d);
        self.set_line(span);
        let cur = self.emit(Op::Rt("bodo_arr_filter", vec![a, m]), IrTy::Ptr);
        self.check();
        // A 2D mask selects elements (1D), a 1D one rows.
        let cur_nd = if *mnd == 2 { 1 } else { *nd };
        let cur_t = Ty::Array(el.clone(), cur_nd, if d.is_dist() { Dist::OneDVar } else { Dist::Rep });
        let (r, rt) = self.combine_read(cur, &cur_t, op, value, span);
        // Inference let through only results no wider than the array's dtype.
        let r = self.coerce(r, &rt, &cur_t);
        self.set_line(span);
        self.emit_void(Op::Rt("bodo_arr_set_selected", vec![a, m, r]));
        self.emit_void(Op::DecRef(r));
        self.emit_void(Op::DecRef(m));
        self.check();
        self.release((a, owned), &at);
    }

    /// `cur op value` for the element `cur` (of type `el`) read from an
    /// update's target, converted back to `el` to be stored.
    fn combine_element(
        &mut self,
        cur: V,
        el: &Ty,
        op: crate::hir::BinOp,
        value: &'a Expr,
        span: crate::diagnostics::Span,
    ) -> V {
        let vt = self.ty(value);
        let rt = self.binop_ty(op, el, &vt);
        let rhs = self.expr_borrow(value);
        let r = self.binop_values(op, cur, el, rhs.0, &vt, &rt, span);
        self.release(rhs, &vt);
        self.coerce(r, &rt, el)
    }

    /// `cur op value` for the owned array `cur` (of type `cur_t`) read from
    /// an update's target, which is released: the new values and their type.
    fn combine_read(
        &mut self,
        cur: V,
        cur_t: &Ty,
        op: crate::hir::BinOp,
        value: &'a Expr,
        span: crate::diagnostics::Span,
    ) -> (V, Ty) {
        let vt = self.ty(value);
        let mark = self.in_flight_mark();
        self.hold_in_flight((cur, true), cur_t);
        let rhs = self.expr_borrow(value);
        let rt = self.binop_ty(op, cur_t, &vt);
        let r = self.binop_values(op, cur, cur_t, rhs.0, &vt, &rt, span);
        self.release(rhs, &vt);
        self.let_go(mark);
        self.emit_void(Op::DecRef(cur));
        (r, rt)
    }

    /// `bodo.gatherv` and friends.
    pub fn bodo_parallel_call(&mut self, e: &'a Expr, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let t = self.ty(e);
        self.set_line(e.span);
        match name {
            "parallel_print" => {
                self.print_values(args, kwargs, true);
                self.emit(Op::Const(Const::Unit), IrTy::Unit)
            }
            "get_nodes_first_ranks" => {
                let d = self.desc(&t);
                self.emit(Op::Rt("bodo_nodes_first_ranks", vec![d]), IrTy::Ptr)
            }
            "rebalance" if t.has_dist() => {
                let at = self.ty(&args[0]);
                let a = self.expr(&args[0]);
                let a = self.convert_dist(a, &at, &at.with_dist(Dist::OneDVar));
                let (ptr, n, list) = match kwarg(kwargs, "dests") {
                    Some(dv) => {
                        let l = self.expr(dv);
                        let data = self.emit(
                            Op::LoadField { ptr: l, of: Obj::List, offset: bodo_abi::layout::list::DATA, index: None },
                            IrTy::Ptr,
                        );
                        let n = self.emit(
                            Op::LoadField { ptr: l, of: Obj::List, offset: bodo_abi::layout::list::LEN, index: None },
                            IrTy::Int,
                        );
                        (data, n, Some(l))
                    }
                    None => (self.null(), self.cint(0), None),
                };
                let r = match &at {
                    // A frame or series: each of its arrays (a RangeIndex's
                    // start and step stay, the rows keep their global order).
                    Ty::Tuple(items) => {
                        let mut slots = Vec::new();
                        let mut made = Vec::new();
                        for (i, it) in items.iter().enumerate() {
                            let s = self.tuple_item(a, i, IrTy::Slot);
                            if let Ty::Array(..) = it {
                                let x = self.slot_value(s, it);
                                let y = self.emit(Op::Rt("bodo_arr_rebalance", vec![x, ptr, n]), IrTy::Ptr);
                                self.check();
                                made.push(y);
                                slots.push(self.slot_of(y));
                            } else {
                                slots.push(s);
                            }
                        }
                        let r = self.make_tuple(&t, &slots);
                        made.into_iter().for_each(|y| self.emit_void(Op::DecRef(y)));
                        r
                    }
                    _ => {
                        let r = self.emit(Op::Rt("bodo_arr_rebalance", vec![a, ptr, n]), IrTy::Ptr);
                        self.check();
                        r
                    }
                };
                self.emit_void(Op::DecRef(a));
                if let Some(l) = list {
                    self.emit_void(Op::DecRef(l));
                }
                r
            }
            _ => {
                // gatherv / allgatherv / scatterv (and rebalance where arrays
                // are whole) are distribution conversions.
                let at = self.ty(&args[0]);
                let a = self.expr(&args[0]);
                let a = if name == "scatterv" { self.convert_dist(a, &at, &at.with_dist(Dist::Rep)) } else { a };
                let from = if name == "scatterv" { at.with_dist(Dist::Rep) } else { at };
                self.convert_dist(a, &from, &t)
            }
        }
    }
}
