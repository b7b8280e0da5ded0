//! HIR + types -> IR, one function instance at a time: statements, control
//! flow, exceptions, assignment and reference counting.
//!
//! Ownership rule: `expr` returns an owned value (+1 for heap values);
//! `expr_borrow` may return a borrowed one (a local's current value) and says
//! so, letting the caller skip an incref/decref pair. Values stored into
//! locals transfer their ownership; the old value is decref'd.

use std::collections::{HashMap, HashSet};

use super::prange::PrangeCtx;
use super::*;
use crate::diagnostics::SourceFiles;
use crate::hir::{self, Block as HBlock, Expr, ExprKind, Handler, Program, Stmt, StmtKind, Target};
use crate::types::arrays::Mode;
use crate::types::static_cond;
use crate::types::{Instance, Typed};

/// Lower every reachable instance of a typed program.
pub fn lower_program(
    prog: &Program,
    typed: &Typed,
    files: &SourceFiles,
    reports: &std::collections::BTreeMap<u32, String>,
) -> IrProgram {
    let mut funcs = Vec::new();
    let writes = super::lower_arrays::param_writes(prog, typed);
    for &id in &typed.reachable {
        let inst = &typed.instances[id as usize];
        funcs.push(Lower::run(prog, typed, inst, files, reports, &writes));
    }
    IrProgram { funcs, script_name: prog.script_name.clone() }
}

/// Most owned locals a function exit releases with inline decrefs.
const INLINE_RELEASES: usize = 8;

pub(super) struct LoopCtx {
    pub brk: B,
    pub cont: B,
    /// Number of enclosing `finally` bodies when the loop started.
    pub finally_depth: usize,
}

pub(super) struct Lower<'a> {
    pub prog: &'a Program,
    pub typed: &'a Typed,
    pub inst: &'a Instance,
    /// Per instance, the array parameters a call may write into (`lower_arrays::param_writes`).
    pub param_writes: &'a [Vec<bool>],
    /// Distribution reports per function, for `f.distributed_diagnostics()`.
    pub reports: &'a std::collections::BTreeMap<u32, String>,

    pub files: &'a SourceFiles,
    pub f: IrFunc,
    pub cur: B,
    pub line: u32,
    pub loops: Vec<LoopCtx>,
    /// Exception landing blocks, innermost last.
    pub handlers: Vec<B>,
    /// `finally` bodies to run on return/break/continue, innermost last.
    pub finally: Vec<&'a HBlock>,
    /// Hidden locals holding the exception each enclosing handler caught (for bare `raise`).
    pub caught: Vec<u32>,
    /// Owned heap values an expression holds while it evaluates more parts
    /// (a binary operator's left operand, a call's earlier arguments): an
    /// exception raised meanwhile releases them on the way to the handler.
    in_flight: Vec<(V, Ty)>,
    pub unwind: B,
    /// Single-use array variables computed inside the loop of their use (see `lower_arrays`).
    pub fused: HashMap<hir::LocalId, &'a Expr>,
    /// Sums a loop took before it ran, by expression (`kernel_step_sums.rs`).
    pub step_sums: HashMap<hir::ExprId, super::kernel_step_sums::StepSum>,
    /// Array locals no other name can reach (`private_arrays.rs`).
    pub private: HashSet<hir::LocalId>,
    /// Locals that hold NumPy scalars (see `hir::defs::locals_always`).
    pub np_scalars: HashSet<hir::LocalId>,
    /// Locals that hold column vectors `(n, 1)` made from 1D arrays
    /// (`c = v[:, None]`), broadcast along the columns of a 2D loop.
    pub col_vectors: HashSet<hir::LocalId>,
    /// Locals that hold one-row arrays `(1, m)` (`hir/one_row.rs`),
    /// broadcast along the rows of a 2D loop.
    pub row_arrays: HashSet<hir::LocalId>,
    /// Distributed arrays the enclosing sequential loops use by element,
    /// with the state of their whole copies (`loop_replicas.rs`).
    pub replicas: HashMap<hir::LocalId, super::loop_replicas::Replica>,
    /// The parallel loop being lowered, if any.
    pub prange: Option<PrangeCtx>,
    /// Whether this function splits the arrays it creates.
    pub array_mode: Mode,
    /// The fused loop being emitted computes int powers (see `kernel::loop_errors`).
    pub int_pow_in_loop: bool,
    /// An optional read being evaluated as itself before its content is
    /// taken (`lower_ops::unwrap_read`): its type is the optional one.
    pub raw_read: Option<hir::ExprId>,
    /// A list comprehension's result about to be filled by the loop
    /// `emit_loop` emits next: that loop reserves the list's capacity when
    /// its length is known up front (a range, a list), so the appends
    /// never grow it.
    pub reserve_for: Option<V>,
    /// Split loop variables that stay pieces of the split string
    /// (`pieces.rs`), and the current piece of each while its loop's body
    /// is lowered.
    pub piece_locals: HashSet<hir::LocalId>,
    pub pieces: HashMap<hir::LocalId, super::pieces::PieceBounds>,
    /// Splits kept as the bounds of their pieces (`split_fields.rs`).
    pub fields: HashMap<hir::LocalId, super::split_fields::FieldSlots>,
    /// `list[str]` locals built only to be joined, kept as string builders
    /// (`join_builders.rs`), with their join's separator.
    pub builders: HashMap<hir::LocalId, String>,
    /// str locals grown by `+=` in loops, kept as string builders
    /// (`str_accumulators.rs`).
    pub accumulators: HashSet<hir::LocalId>,
    /// Reads that may find their local unbound (`hir/unbound.rs`), and the
    /// flag local of each local they read (`unbound_checks.rs`).
    pub maybe_unbound: crate::hir::unbound::MaybeUnbound,
    pub bound_flags: HashMap<hir::LocalId, u32>,
}

impl<'a> Lower<'a> {
    fn run(
        prog: &'a Program,
        typed: &'a Typed,
        inst: &'a Instance,
        files: &'a SourceFiles,
        reports: &'a std::collections::BTreeMap<u32, String>,
        param_writes: &'a [Vec<bool>],
    ) -> IrFunc {
        let func = &prog.funcs[inst.func as usize];
        let locals = func
            .locals
            .iter()
            .zip(&inst.locals)
            .map(|(l, t)| IrLocal { name: l.name.clone(), ty: IrTy::of(t), owned: t.is_heap() })
            .collect();
        let f = IrFunc {
            symbol: inst.symbol.clone(),
            params: inst.args.iter().map(IrTy::of).collect(),
            ret: IrTy::of(&inst.ret),
            locals,
            vals: Vec::new(),
            blocks: Vec::new(),
            is_main: func.is_main,
        };
        let mut l = Lower {
            prog,
            typed,
            inst,
            param_writes,
            reports,
            files,
            f,
            cur: 0,
            line: files.line_of(func.span.file, func.span.start),
            loops: Vec::new(),
            handlers: Vec::new(),
            finally: Vec::new(),
            caught: Vec::new(),
            in_flight: Vec::new(),
            unwind: 0,
            fused: HashMap::new(),
            private: HashSet::new(),
            step_sums: HashMap::new(),
            np_scalars: HashSet::new(),
            col_vectors: HashSet::new(),
            row_arrays: HashSet::new(),
            replicas: HashMap::new(),
            prange: None,
            array_mode: match &func.jit {
                Some(o) if !o.distributed_false && !inst.sequential => Mode::Parallel,
                _ => Mode::Replicated,
            },
            int_pow_in_loop: false,
            raw_read: None,
            reserve_for: None,
            piece_locals: HashSet::new(),
            pieces: HashMap::new(),
            fields: HashMap::new(),
            builders: HashMap::new(),
            accumulators: HashSet::new(),
            maybe_unbound: crate::hir::unbound::maybe_unbound(func),
            bound_flags: HashMap::new(),
        };
        let str_list = |l: hir::LocalId| inst.locals[l as usize] == Ty::list(Ty::Str);
        l.builders = super::join_builders::join_builders(func, &str_list);
        let is_str = |l: hir::LocalId| inst.locals[l as usize] == Ty::Str;
        l.accumulators = super::str_accumulators::str_accumulators(func, &is_str, &l.builders);
        let splits = super::split_fields::field_splits(func, &str_list);
        l.piece_locals = super::pieces::piece_locals(&func.body, &super::split_fields::field_locals(&splits));
        l.fields = l.field_slots(&splits);
        let fused = super::lower_arrays::fusable_locals(&func.body, &|e| l.is_fusable(e));
        l.fused = fused;
        let params: Vec<hir::LocalId> = func.params.iter().map(|p| p.local).collect();
        let fresh = |e: &Expr| l.is_fusable(e) && !matches!(e.kind, ExprKind::Local(_) | ExprKind::Index(..));
        let is_array = |e: &Expr| matches!(l.ty(e), Ty::Array(..));
        l.private = super::private_arrays::private_arrays(&func.body, &params, &fresh, &is_array);
        let np_scalars = crate::hir::defs::locals_always(&func.body, &|e, set| l.np_scalar(e, set));
        l.np_scalars = np_scalars;
        let col_vectors = crate::hir::defs::locals_always(&func.body, &|e, set| l.column_vector_in(e, set));
        l.col_vectors = col_vectors;
        let is_2d = |e: &Expr| matches!(l.ty(e), Ty::Array(_, 2, _));
        let row_arrays = crate::hir::defs::locals_always(&func.body, &|e, set| e.is_one_row(set, &is_2d));
        l.row_arrays = row_arrays;
        let entry = l.new_block();
        l.unwind = l.new_block();
        l.cur = entry;
        l.handlers.push(l.unwind);
        for (i, p) in func.params.iter().enumerate() {
            let ty = l.f.params[i];
            let v = l.emit(Op::Param(i as u32), ty);
            if inst.args[i].is_heap() {
                l.emit_void(Op::IncRef(v));
            }
            // A distributed argument the body needs whole (a prange lookup table).
            let lt = l.local_ty(p.local);
            let v = match (&inst.args[i], &lt) {
                (Ty::Array(_, _, a), Ty::Array(_, _, b)) if a != b => l.convert_dist(v, &inst.args[i], &lt),
                _ => v,
            };
            l.emit_void(Op::Store(p.local, v));
        }
        l.block(&func.body);
        if !l.terminated() {
            let none = l.none_value(&inst.ret.clone());
            l.ret(none);
        }
        // The unwind block: release locals, then propagate.
        l.cur = l.unwind;
        l.release_locals();
        if func.is_main {
            l.term(Term::ReportAndExit);
        } else {
            let z = l.zero(l.f.ret);
            l.term(Term::Return(z));
        }
        l.mark_bindings();
        l.f
    }

    // ---- building blocks --------------------------------------------------

    pub fn new_block(&mut self) -> B {
        self.f.blocks.push(Block { insts: Vec::new(), term: Term::Unreachable });
        (self.f.blocks.len() - 1) as B
    }

    /// Whether the current block already ends (code after return/raise/break).
    pub fn terminated(&self) -> bool {
        !matches!(self.f.blocks[self.cur as usize].term, Term::Unreachable)
    }

    pub fn emit(&mut self, op: Op, ty: IrTy) -> V {
        let v = self.f.vals.len() as V;
        self.f.vals.push(ty);
        let line = self.line;
        self.f.blocks[self.cur as usize].insts.push(Inst { dst: Some(v), op, line });
        v
    }

    pub fn emit_void(&mut self, op: Op) {
        let line = self.line;
        self.f.blocks[self.cur as usize].insts.push(Inst { dst: None, op, line });
    }

    pub fn term(&mut self, t: Term) {
        self.f.blocks[self.cur as usize].term = t;
    }

    /// Terminate the current block with a jump and continue in `to`.
    pub fn jump_to(&mut self, to: B) {
        if !self.terminated() {
            self.term(Term::Jump(to));
        }
        self.cur = to;
    }

    pub fn branch(&mut self, c: V, yes: B, no: B) {
        self.term(Term::Branch(c, yes, no));
    }

    /// After an instruction that can raise: jump to the handler if one is
    /// pending, releasing the values held in flight on the way.
    pub fn check(&mut self) {
        let h = *self.handlers.last().unwrap_or(&self.unwind);
        if self.in_flight.is_empty() {
            self.emit_void(Op::CheckErr { handler: h });
            return;
        }
        let cleanup = self.new_block();
        self.emit_void(Op::CheckErr { handler: cleanup });
        let cont = self.cur;
        self.cur = cleanup;
        for (v, t) in self.in_flight.clone().iter().rev() {
            self.decref(*v, t);
        }
        self.term(Term::Jump(h));
        self.cur = cont;
    }

    /// Marks where the values held in flight by the construct being lowered
    /// begin; [`Lower::let_go`] with it ends them.
    pub fn in_flight_mark(&mut self) -> usize {
        self.in_flight.len()
    }

    /// Holds `v` (as `expr_borrow` returned it) in flight if it is owned.
    pub fn hold_in_flight(&mut self, (v, owned): (V, bool), t: &Ty) {
        if owned && t.is_heap() {
            self.in_flight.push((v, t.clone()));
        }
    }

    /// Stops holding the values held since `mark` (their owner releases them).
    pub fn let_go(&mut self, mark: usize) {
        self.in_flight.truncate(mark);
    }

    pub fn new_temp(&mut self, ty: IrTy) -> u32 {
        self.f.locals.push(IrLocal { name: format!("$t{}", self.f.locals.len()), ty, owned: false });
        (self.f.locals.len() - 1) as u32
    }

    /// A hidden pointer local released at every function exit, like a
    /// user variable holding a heap value (null until stored).
    pub fn new_owned_temp(&mut self) -> u32 {
        let slot = self.new_temp(IrTy::Ptr);
        self.f.locals[slot as usize].owned = true;
        slot
    }

    pub fn cint(&mut self, v: i64) -> V {
        self.emit(Op::Const(Const::Int(v)), IrTy::Int)
    }

    /// The value of `v` when it is an int constant of the current block (a
    /// literal operand is lowered just before its use).
    pub fn int_const(&self, v: V) -> Option<i64> {
        self.f.blocks[self.cur as usize].insts.iter().rev().find(|i| i.dst == Some(v)).and_then(|i| match i.op {
            Op::Const(Const::Int(k)) => Some(k),
            _ => None,
        })
    }

    pub fn cbool(&mut self, v: bool) -> V {
        self.emit(Op::Const(Const::Bool(v)), IrTy::Bool)
    }

    pub fn cstr(&mut self, s: &str) -> V {
        self.emit(Op::Const(Const::Str(s.to_string())), IrTy::Ptr)
    }

    pub fn null(&mut self) -> V {
        self.emit(Op::Const(Const::Null), IrTy::Ptr)
    }

    pub fn zero(&mut self, t: IrTy) -> Option<V> {
        Some(match t {
            IrTy::Int => self.cint(0),
            IrTy::Float => self.emit(Op::Const(Const::Float(0.0)), IrTy::Float),
            IrTy::Bool => self.cbool(false),
            IrTy::Ptr => self.null(),
            IrTy::Slot => self.emit(Op::Const(Const::Int(0)), IrTy::Slot),
            IrTy::Unit => return None,
        })
    }

    /// The value `None` converted to type `t` (for falling off the end).
    fn none_value(&mut self, t: &Ty) -> Option<V> {
        match t {
            Ty::None | Ty::Unknown => None,
            Ty::Optional(_) => Some(self.null()),
            other => self.zero(IrTy::of(other)),
        }
    }

    pub fn set_line(&mut self, e_span: crate::diagnostics::Span) {
        self.line = self.files.line_of(e_span.file, e_span.start);
    }

    /// The type of `e` as its uses see it (a dict view is its list, a
    /// DataFrame the tuple of its parts).
    pub fn ty(&self, e: &Expr) -> Ty {
        self.exact_ty(e).lowered()
    }

    /// The type of `e` as printing sees it (`dict_keys([...])`).
    pub fn exact_ty(&self, e: &Expr) -> Ty {
        let t = self.inst.exprs[e.id as usize].clone();
        if self.raw_read == Some(e.id) {
            return Ty::optional(t);
        }
        t
    }

    pub fn local_ty(&self, l: hir::LocalId) -> Ty {
        self.inst.locals[l as usize].clone().lowered()
    }

    // ---- reference counting -------------------------------------------

    pub fn incref(&mut self, v: V, t: &Ty) {
        if t.is_heap() {
            self.emit_void(Op::IncRef(v));
        }
    }

    pub fn decref(&mut self, v: V, t: &Ty) {
        if *t == Ty::Str {
            self.emit_void(Op::DecRefStr(v));
        } else if t.is_heap() {
            self.emit_void(Op::DecRef(v));
        }
    }

    /// Take ownership of a value returned by `expr_borrow`.
    pub fn own(&mut self, (v, owned): (V, bool), t: &Ty) -> V {
        if !owned {
            self.incref(v, t);
        }
        v
    }

    /// Drop a value returned by `expr_borrow`.
    pub fn release(&mut self, (v, owned): (V, bool), t: &Ty) {
        if owned {
            self.decref(v, t);
        }
    }

    fn release_locals(&mut self) {
        let owned: Vec<u32> = (0..self.f.locals.len() as u32).filter(|&i| self.f.locals[i as usize].owned).collect();
        let values: Vec<V> = owned.iter().map(|&i| self.emit(Op::Load(i), IrTy::Ptr)).collect();
        // A function of many temporaries (a frame's `describe()`) releases
        // them in one call: inline decrefs at every exit made its code
        // grow with exits times locals, and LLVM's time with it.
        if values.len() > INLINE_RELEASES {
            let n = self.cint(values.len() as i64);
            let arr = self.emit(Op::PtrArray(values), IrTy::Ptr);
            self.emit_void(Op::Rt("bodo_decref_each", vec![arr, n]));
            return;
        }
        for v in values {
            self.emit_void(Op::DecRef(v));
        }
    }

    fn ret(&mut self, v: Option<V>) {
        self.release_locals();
        self.term(Term::Return(v));
    }

    // ---- conversions --------------------------------------------------

    /// Convert an owned value of type `from` to type `to` (owned result).
    pub fn coerce(&mut self, v: V, from: &Ty, to: &Ty) -> V {
        if from == to {
            return v;
        }
        match (from, to) {
            (Ty::Int, Ty::Float) => self.emit(Op::Conv(Conv::IntToFloat, v), IrTy::Float),
            (Ty::Bool, Ty::Int) => self.emit(Op::Conv(Conv::BoolToInt, v), IrTy::Int),
            (Ty::Bool, Ty::Float) => self.emit(Op::Conv(Conv::BoolToFloat, v), IrTy::Float),
            (Ty::None, Ty::Optional(_)) => self.null(),
            (Ty::Optional(a), Ty::Optional(b)) if a == b => v,
            (Ty::Array(..), Ty::Array(..)) | (Ty::Tuple(_) | Ty::VarTuple(_), Ty::Tuple(_) | Ty::VarTuple(_)) => {
                self.convert_dist(v, from, to)
            }
            (Ty::Record(_), Ty::Record(_)) => self.convert_record(v, from, to),
            (Ty::Frame(_), Ty::Frame(_)) | (Ty::Series(_), Ty::Series(_)) => self.convert_dist(v, from, to),
            // A frame's parts stored where a frame is held (a list's element, `xs.append(df)`).
            (Ty::Tuple(_), Ty::Frame(_) | Ty::Series(_)) => self.convert_dist(v, from, &to.clone().lowered()),
            (inner, Ty::Optional(target)) => {
                let v = self.coerce(v, inner, target);
                if target.is_heap() {
                    v
                } else {
                    let d = self.emit(Op::Desc(to.clone()), IrTy::Ptr);
                    let s = self.emit(Op::ToSlot(v), IrTy::Slot);
                    self.emit(Op::Rt("bodo_box_new", vec![d, s]), IrTy::Ptr)
                }
            }
            // Element types that are still open variables resolve to the same
            // runtime representation (pointers of the same container kind).
            _ => v,
        }
    }

    pub fn slot_of(&mut self, v: V) -> V {
        if self.f.vals[v as usize] == IrTy::Unit {
            return self.emit(Op::Const(Const::Int(0)), IrTy::Slot);
        }
        self.emit(Op::ToSlot(v), IrTy::Slot)
    }

    /// A slot read from a container, as a value of type `t` (not incref'd).
    pub fn slot_value(&mut self, s: V, t: &Ty) -> V {
        match IrTy::of(t) {
            IrTy::Unit => self.emit(Op::Const(Const::Unit), IrTy::Unit),
            k => self.emit(Op::FromSlot(s), k),
        }
    }

    pub fn desc(&mut self, t: &Ty) -> V {
        self.emit(Op::Desc(t.clone()), IrTy::Ptr)
    }

    // ---- statements ---------------------------------------------------

    pub fn block(&mut self, b: &'a [Stmt]) {
        for s in b {
            if self.terminated() {
                // Unreachable code after a statement that ends on some paths still needs a home.
                self.cur = self.new_block();
            }
            self.stmt(s);
            // The rest is dead and was not typed (types/static_cond.rs).
            if static_cond::ends(s, &|e| self.ty(e)) {
                break;
            }
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                let t = self.ty(e);
                let v = self.expr(e);
                self.decref(v, &t);
            }
            StmtKind::Assign(Target::Local(l, _), _) if self.fused.contains_key(l) => {}
            StmtKind::Assign(target, value) => self.assign_stmt(target, value),
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value, s.span),
            StmtKind::If(c, a, b) => {
                let cv = self.cond(c);
                // Only the branch a condition known at compile time takes is typed.
                match static_cond::static_truth(c, &|e| self.ty(e)) {
                    Some(true) => return self.block(a),
                    Some(false) => return self.block(b),
                    None => {}
                }
                let (yes, no, join) = (self.new_block(), self.new_block(), self.new_block());
                self.branch(cv, yes, no);
                self.cur = yes;
                self.block(a);
                self.jump_to(join);
                self.cur = no;
                self.block(b);
                self.jump_to(join);
            }
            StmtKind::While(c, body, orelse) => {
                let (head, bodyb, elseb, exit) =
                    (self.new_block(), self.new_block(), self.new_block(), self.new_block());
                let candidates = self.replica_candidates(body, Some(c));
                let replicas = self.begin_replicas(&candidates);
                self.jump_to(head);
                self.set_line(c.span);
                let cv = self.cond(c);
                self.branch(cv, bodyb, elseb);
                self.cur = bodyb;
                self.loops.push(LoopCtx { brk: exit, cont: head, finally_depth: self.finally.len() });
                self.block(body);
                self.loops.pop();
                self.end_replicas(&replicas);
                self.jump_to(head);
                self.cur = elseb;
                self.block(orelse);
                self.jump_to(exit);
                self.free_replicas(&replicas);
            }
            StmtKind::For(target, iter, body, _) if iter.is_prange_call() => self.prange_stmt(target, iter, body),
            StmtKind::For(target, iter, body, orelse) => self.for_stmt(target, iter, body, orelse),
            StmtKind::Break | StmtKind::Continue => {
                let Some(lp) = self.loops.last() else { return };
                let (to, depth) = (if matches!(s.kind, StmtKind::Break) { lp.brk } else { lp.cont }, lp.finally_depth);
                self.run_finally_down_to(depth);
                self.term(Term::Jump(to));
            }
            StmtKind::Return(v) => {
                let rt = self.inst.ret.clone();
                let val = match v {
                    Some(e) => {
                        let t = self.ty(e);
                        let x = match self.accumulated_result(e) {
                            Some(x) => x,
                            None => self.expr(e),
                        };
                        Some(self.coerce(x, &t, &rt))
                    }
                    None => self.none_value(&rt),
                };
                let val = if IrTy::of(&rt) == IrTy::Unit { None } else { val };
                // A return inside try/finally runs the finally bodies first.
                if !self.finally.is_empty() {
                    let keep = val.map(|v| {
                        let t = self.new_temp(self.f.vals[v as usize]);
                        self.emit_void(Op::Store(t, v));
                        t
                    });
                    self.run_finally_down_to(0);
                    let val = keep.map(|t| {
                        let ty = self.f.locals[t as usize].ty;
                        self.emit(Op::Load(t), ty)
                    });
                    self.ret(val);
                } else {
                    self.ret(val);
                }
            }
            StmtKind::Raise(e) => self.raise(e.as_ref()),
            StmtKind::Try { body, handlers, orelse, finally } => self.try_stmt(body, handlers, orelse, finally),
            StmtKind::Assert(c, msg) => {
                let cv = self.cond(c);
                let (fail, ok) = (self.new_block(), self.new_block());
                self.branch(cv, ok, fail);
                self.cur = fail;
                let m = match msg {
                    Some(m) => self.expr_str(m),
                    None => self.null(),
                };
                let cls = self.cint(bodo_abi::exc::ASSERTION_ERROR);
                self.emit_void(Op::Rt("bodo_raise", vec![cls, m]));
                self.emit_void(Op::DecRef(m));
                self.check();
                self.term(Term::Unreachable);
                self.cur = ok;
            }
            StmtKind::Pass => {}
        }
    }

    /// Inline the `finally` bodies above `depth` (innermost first), for a
    /// return/break/continue leaving them.
    fn run_finally_down_to(&mut self, depth: usize) {
        let saved = self.finally.clone();
        for i in (depth..saved.len()).rev() {
            self.finally.truncate(i);
            let body = saved[i];
            self.block(body);
        }
        self.finally = saved;
    }

    fn assign_stmt(&mut self, target: &'a Target, value: &'a Expr) {
        if let Target::Local(w, _) = target {
            if self.accumulators.contains(w) {
                self.accumulate(*w, value, false);
                return;
            }
        }
        if self.bind_fields(target, value) {
            return;
        }
        // `a, b = b, a + b`: evaluate every element, then assign, with no tuple.
        if let (Target::Tuple(ts, _), ExprKind::Tuple(items)) = (target, &value.kind) {
            if ts.len() == items.len() {
                let vals: Vec<(V, Ty)> = items.iter().map(|e| (self.expr(e), self.ty(e))).collect();
                for (t, (v, ty)) in ts.iter().zip(vals) {
                    self.assign(t, v, &ty);
                }
                return;
            }
        }
        if let Target::Index(obj, idx, _) = target {
            if let (ExprKind::SliceBounds(lo, hi, st), Ty::List(e)) = (&idx.kind, self.ty(obj)) {
                self.list_set_slice(obj, [lo, hi, st], value, &e);
                return;
            }
        }
        if self.dict_update_assign(target, value) {
            return;
        }
        if let (Target::Tuple(..), true) = (target, value.is_range_call()) {
            // `a, b, c = range(3)`: unpacked as the list of its items.
            let v = self.collect_list(value);
            self.assign(target, v, &Ty::list(Ty::Int));
            return;
        }
        let t = self.ty(value);
        if let Target::Local(l, _) = target {
            if self.builders.contains_key(l) {
                let b = self.emit(Op::Rt("bodo_strbuf_new", vec![]), IrTy::Ptr);
                self.assign(target, b, &t);
                return;
            }
            // A new array for a variable that alone holds its old one, of
            // the same type: the old buffer takes the new values.
            let fresh = self.is_fusable(value) && !matches!(value.kind, ExprKind::Local(_));
            if fresh && self.private.contains(l) && self.local_ty(*l) == t && self.pure_value(value) {
                let old = self.emit(Op::Load(*l), IrTy::Ptr);
                let v = self.kernel_map_into(value, &t, Some(old));
                self.assign(target, v, &t);
                return;
            }
        }
        let v = self.expr(value);
        self.assign(target, v, &t);
    }

    /// `xs[lo:hi:st] = value`: the items (as a list of `xs`'s element type
    /// `e`) go to the runtime, which splices or checks the extended size.
    fn list_set_slice(&mut self, obj: &'a Expr, bounds: [&'a Option<Box<Expr>>; 3], value: &'a Expr, e: &Ty) {
        let lt = Ty::list(e.clone());
        let mark = self.in_flight_mark();
        let items = if self.ty(value) == lt { self.materialize_list(value) } else { self.collect_into(value, &lt) };
        self.hold_in_flight((items, true), &lt);
        let o = self.expr_borrow(obj);
        self.hold_in_flight(o, &lt);
        let [b0, b1, b2] = self.slice_bounds(bounds);
        self.emit_void(Op::Rt("bodo_list_set_slice", vec![o.0, b0, b1, b2, items]));
        self.check();
        self.let_go(mark);
        self.release(o, &lt);
        self.emit_void(Op::DecRef(items));
    }

    /// CPython's ValueError unless the sequence `v` (of type `t`, an object
    /// of kind `len_at.0` with its length at byte `len_at.1`) has `n` items;
    /// afterwards `v` is held in flight from the returned mark, for the
    /// caller to let go once the items are read.
    pub fn check_unpack_len(&mut self, n: usize, v: V, len_at: (Obj, u64), t: &Ty) -> usize {
        let n = self.cint(n as i64);
        let len = self.emit(Op::LoadField { ptr: v, of: len_at.0, offset: len_at.1, index: None }, IrTy::Int);
        let ok = self.emit(Op::ICmp(Cmp::Eq, len, n), IrTy::Bool);
        let (bad, good) = (self.new_block(), self.new_block());
        self.branch(ok, good, bad);
        // The sequence is released on the way to the handler.
        let mark = self.in_flight_mark();
        self.hold_in_flight((v, true), t);
        self.cur = bad;
        self.emit_void(Op::Rt("bodo_raise_unpack", vec![n, len]));
        self.check();
        self.term(Term::Unreachable);
        self.cur = good;
        mark
    }

    /// Store the owned value `v` of type `t` into a target.
    pub fn assign(&mut self, target: &'a Target, v: V, t: &Ty) {
        match target {
            Target::Local(l, _) => {
                let lt = self.local_ty(*l);
                let v = self.coerce(v, t, &lt);
                if lt.is_heap() {
                    let old = self.emit(Op::Load(*l), IrTy::Ptr);
                    self.emit_void(Op::Store(*l, v));
                    self.decref(old, &lt);
                } else if IrTy::of(&lt) != IrTy::Unit {
                    self.emit_void(Op::Store(*l, v));
                }
            }
            Target::Tuple(ts, _) => {
                match t {
                    Ty::Tuple(items) => {
                        for (i, (sub, it)) in ts.iter().zip(items).enumerate() {
                            let s = self.tuple_item(v, i, IrTy::Slot);
                            let x = self.slot_value(s, it);
                            self.incref(x, it);
                            self.assign(sub, x, it);
                        }
                    }
                    Ty::Array(..) => return self.unpack_array(ts, v, t),
                    Ty::List(e) | Ty::VarTuple(e) => {
                        let mark = self.check_unpack_len(ts.len(), v, (Obj::List, bodo_abi::layout::list::LEN), t);
                        for (i, sub) in ts.iter().enumerate() {
                            let idx = self.cint(i as i64);
                            let s = self.emit(Op::Rt("bodo_list_getitem", vec![v, idx]), IrTy::Slot);
                            let x = self.slot_value(s, e);
                            self.assign(sub, x, e);
                        }
                        self.let_go(mark);
                    }
                    _ => {}
                }
                self.decref(v, t);
            }
            Target::Index(obj, idx, _) if matches!(self.ty(obj), Ty::Array(..)) => {
                self.array_setitem(obj, idx, v, t);
            }
            Target::Index(obj, idx, _) => {
                let ot = self.ty(obj);
                let o = self.expr_borrow(obj);
                let it = self.ty(idx);
                match (&ot, &idx.kind) {
                    (Ty::List(_), ExprKind::SliceBounds(lo, hi, st)) => {
                        let mark = self.in_flight_mark();
                        self.hold_in_flight(o, &ot);
                        let x = self.coerce(v, t, &ot);
                        self.hold_in_flight((x, true), &ot);
                        let mut args = vec![o.0];
                        args.extend(self.slice_bounds([lo, hi, st]));
                        args.push(x);
                        self.emit_void(Op::Rt("bodo_list_set_slice", args));
                        self.check();
                        self.let_go(mark);
                        self.decref(x, &ot);
                    }
                    (Ty::List(e), _) => {
                        let i = self.expr(idx);
                        let x = self.coerce(v, t, e);
                        self.list_store(o.0, i, &it, x, e);
                    }
                    (Ty::Record(fields), _) => {
                        let i = super::lower_ops::record_field(&ot, idx).unwrap_or_default();
                        self.field_store(o.0, i, v, t, &fields[i].1);
                    }
                    (Ty::Dict(k, val), _) => {
                        let kv = self.expr(idx);
                        let kv = self.coerce(kv, &it, k);
                        let ks = self.slot_of(kv);
                        let x = self.coerce(v, t, val);
                        let s = self.slot_of(x);
                        // An unhashable key (a list or record in it) raises TypeError.
                        let mark = self.in_flight_mark();
                        self.hold_in_flight(o, &ot);
                        self.hold_in_flight((kv, true), k);
                        self.hold_in_flight((x, true), val);
                        self.emit_void(Op::Rt("bodo_dict_setitem", vec![o.0, ks, s]));
                        self.check();
                        self.let_go(mark);
                        self.decref(kv, k);
                        self.decref(x, val);
                    }
                    _ => {}
                }
                self.release(o, &ot);
            }
        }
    }

    fn aug_assign(&mut self, target: &'a Target, op: hir::BinOp, value: &'a Expr, span: crate::diagnostics::Span) {
        match target {
            Target::Local(l, at) if op == hir::BinOp::Add && self.accumulators.contains(l) => {
                self.check_bound_update(*l, *at);
                self.accumulate(*l, value, true);
            }
            Target::Local(l, at) => {
                self.check_bound_update(*l, *at);
                let lt = self.local_ty(*l);
                let cur = self.emit(Op::Load(*l), IrTy::of(&lt));
                let vt = self.ty(value);
                if let (Ty::Array(el, nd, _), Ty::Array(rel, rnd, _)) = (&lt, &self.binop_ty(op, &lt, &vt)) {
                    if el == rel && nd == rnd && op != hir::BinOp::MatMul {
                        self.set_line(span);
                        self.kernel_update(cur, &lt, op, value);
                        return;
                    }
                }
                if self.update_in_place((cur, false), &lt, op, value) {
                    return;
                }
                let rhs = self.expr_borrow(value);
                if (&lt, op, &vt) == (&Ty::Str, hir::BinOp::Add, &Ty::Str) {
                    // The variable's reference moves into the append and the
                    // result's back (in place when the string is not shared).
                    let r = self.emit(Op::Rt("bodo_str_append", vec![cur, rhs.0]), IrTy::Ptr);
                    self.emit_void(Op::Store(*l, r));
                    self.release(rhs, &vt);
                    return;
                }
                let result_t = self.binop_ty(op, &lt, &vt);
                let r = self.binop_values(op, cur, &lt, rhs.0, &vt, &result_t, span);
                self.release(rhs, &vt);
                self.assign(target, r, &result_t);
            }
            Target::Index(obj, idx, _) if matches!(self.ty(obj), Ty::Array(..)) => {
                self.array_aug_setitem(obj, idx, op, value, span);
            }
            Target::Index(obj, idx, _) if self.dict_update_aug(obj, idx, op, value, span) => {}
            Target::Index(obj, idx, _) => {
                // Evaluate container and index once: read, combine, write back.
                let ot = self.ty(obj);
                let it = self.ty(idx);
                let o = self.expr(obj);
                if let Some(f) = super::lower_ops::record_field(&ot, idx) {
                    self.field_aug_store(o, &ot, f, op, value, span);
                    return;
                }
                let i = self.expr(idx);
                let (cur, cur_t) = self.index_value(o, &ot, i, &it);
                if self.update_in_place((cur, true), &cur_t, op, value) {
                    // The container is changed in place: storing it back is a no-op.
                    self.decref(cur, &cur_t);
                    self.decref(i, &it);
                    self.decref(o, &ot);
                    return;
                }
                let vt = self.ty(value);
                let rhs = self.expr_borrow(value);
                let result_t = self.binop_ty(op, &cur_t, &vt);
                let r = self.binop_values(op, cur, &cur_t, rhs.0, &vt, &result_t, span);
                self.release(rhs, &vt);
                self.decref(cur, &cur_t);
                match &ot {
                    Ty::List(e) => {
                        let x = self.coerce(r, &result_t, e);
                        self.list_store(o, i, &it, x, e);
                    }
                    Ty::Dict(key, val) => {
                        let x = self.coerce(r, &result_t, val);
                        let s = self.slot_of(x);
                        let ks = self.slot_as(i, &it, key);
                        self.emit_void(Op::Rt("bodo_dict_setitem", vec![o, ks.1, s]));
                        self.drop_slot_tmp(ks, key);
                        self.decref(x, val);
                    }
                    _ => {}
                }
                self.decref(i, &it);
                self.decref(o, &ot);
            }
            Target::Tuple(..) => {}
        }
    }

    // ---- exceptions -----------------------------------------------------

    /// Raise `class(msg)` when `cond` holds, continuing in a fresh block otherwise.
    pub fn raise_when(&mut self, cond: V, class: i64, msg: &str) {
        let (err, ok) = (self.new_block(), self.new_block());
        self.branch(cond, err, ok);
        self.cur = err;
        self.raise_msg(class, msg);
        self.cur = ok;
    }

    /// Raise `class(msg)` and jump to the handler.
    pub fn raise_msg(&mut self, class: i64, msg: &str) {
        let c = self.cint(class);
        let m = self.cstr(msg);
        self.emit_void(Op::Rt("bodo_raise", vec![c, m]));
        self.check();
        self.term(Term::Unreachable);
    }

    fn raise(&mut self, e: Option<&'a Expr>) {
        match e {
            None => match self.caught.last() {
                Some(&l) => {
                    let x = self.emit(Op::Load(l), IrTy::Ptr);
                    self.emit_void(Op::Rt("bodo_raise_exc", vec![x]));
                }
                None => {
                    let c = self.cint(bodo_abi::exc::RUNTIME_ERROR);
                    let m = self.cstr("No active exception to reraise");
                    self.emit_void(Op::Rt("bodo_raise", vec![c, m]));
                }
            },
            Some(Expr { kind: ExprKind::ExcClass(c), .. }) => {
                let c = self.cint(*c);
                let m = self.null();
                self.emit_void(Op::Rt("bodo_raise", vec![c, m]));
            }
            Some(Expr { kind: ExprKind::Call { func, args, .. }, .. }) if matches!(func.kind, ExprKind::ExcClass(c) if args.len() <= 1 && !self.exc_arg_shown(c, args.first())) =>
            {
                let ExprKind::ExcClass(c) = func.kind else { unreachable!() };
                let m = self.exc_msg(c, args.first());
                let c = self.cint(c);
                self.emit_void(Op::Rt("bodo_raise", vec![c, m]));
                self.emit_void(Op::DecRef(m));
            }
            Some(other) => {
                let t = self.ty(other);
                let x = self.expr(other);
                self.emit_void(Op::Rt("bodo_raise_exc", vec![x]));
                self.decref(x, &t);
            }
        }
        self.check();
        self.term(Term::Unreachable);
    }

    fn try_stmt(&mut self, body: &'a HBlock, handlers: &'a [Handler], orelse: &'a HBlock, finally: &'a HBlock) {
        let landing = self.new_block();
        let after = self.new_block();
        let has_finally = !finally.is_empty();
        // Where exceptions go once the handlers did not take them.
        let outer = *self.handlers.last().unwrap_or(&self.unwind);
        let finally_unwind = if has_finally { Some(self.new_block()) } else { None };
        let normal_exit = self.new_block();

        if has_finally {
            self.finally.push(finally);
        }
        self.handlers.push(landing);
        self.block(body);
        self.handlers.pop();
        // `else` runs when the body raised nothing; its exceptions are not caught here.
        if let Some(fu) = finally_unwind {
            self.handlers.push(fu);
        }
        if !self.terminated() {
            self.block(orelse);
        }
        self.jump_to(normal_exit);

        // Dispatch to the matching handler.
        self.cur = landing;
        for h in handlers {
            let next = self.new_block();
            let hbody = self.new_block();
            if h.classes.is_empty() {
                self.term(Term::Jump(hbody));
            } else {
                let mut acc: Option<V> = None;
                for &c in &h.classes {
                    let cv = self.cint(c);
                    let m = self.emit(Op::Rt("bodo_err_matches", vec![cv]), IrTy::Bool);
                    acc = Some(match acc {
                        Some(a) => self.emit(Op::BoolOr(a, m), IrTy::Bool),
                        None => m,
                    });
                }
                let m = acc.unwrap_or_else(|| self.cbool(false));
                self.branch(m, hbody, next);
            }
            self.cur = hbody;
            self.set_line(h.span);
            let exc = self.emit(Op::Rt("bodo_err_fetch", vec![]), IrTy::Ptr);
            // Owned: a `return` (or an exception) leaving the handler
            // releases it with the locals; a `break`/`continue` leaves it
            // until the handler runs again or the function ends.
            let slot = self.new_owned_temp();
            let previous = self.emit(Op::Load(slot), IrTy::Ptr);
            self.emit_void(Op::DecRef(previous));
            self.emit_void(Op::Store(slot, exc));
            if let Some(name) = h.name {
                self.emit_void(Op::IncRef(exc));
                let old = self.emit(Op::Load(name), IrTy::Ptr);
                self.emit_void(Op::Store(name, exc));
                self.emit_void(Op::DecRef(old));
            }
            self.caught.push(slot);
            self.block(&h.body);
            self.caught.pop();
            if !self.terminated() {
                let x = self.emit(Op::Load(slot), IrTy::Ptr);
                self.emit_void(Op::DecRef(x));
                let none = self.null();
                self.emit_void(Op::Store(slot, none));
            }
            self.jump_to(normal_exit);
            self.cur = next;
        }
        // No handler matched: propagate (through finally if any).
        self.term(Term::Jump(finally_unwind.unwrap_or(outer)));
        if has_finally {
            self.handlers.pop();
            self.finally.pop();
        }

        if let Some(fu) = finally_unwind {
            // Run finally with the exception set aside, then re-raise it.
            self.cur = fu;
            let exc = self.emit(Op::Rt("bodo_err_fetch", vec![]), IrTy::Ptr);
            let slot = self.new_temp(IrTy::Ptr);
            self.emit_void(Op::Store(slot, exc));
            self.block(finally);
            if !self.terminated() {
                let x = self.emit(Op::Load(slot), IrTy::Ptr);
                self.emit_void(Op::Rt("bodo_raise_exc", vec![x]));
                self.emit_void(Op::DecRef(x));
                self.term(Term::Jump(outer));
            }
        }
        self.cur = normal_exit;
        if has_finally {
            self.block(finally);
        }
        self.jump_to(after);
    }
}
