//! One IR function to LLVM: locals as entry-block allocas (mem2reg makes
//! them SSA), Python integer semantics (floor division, modulo, zero checks)
//! inline, runtime calls through the ABI table, and the pending-exception
//! test of `CheckErr`.

use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::module::Linkage;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::BasicValue;
use inkwell::values::{
    BasicMetadataValueEnum, BasicValueEnum, FunctionValue, IntValue, PhiValue, PointerValue, ValueKind,
};
use inkwell::{FloatPredicate, IntPredicate};

mod buf_append;
mod buf_number;
mod buf_runs;
mod byte_mask;
mod find_byte;
mod piece_eq;
mod piece_float;
mod replace_lit;
mod str_heap;

use super::abi::K;
use super::alias::Access;
use super::Gen;
use crate::ir::*;

pub(super) struct FnGen<'g, 'ctx> {
    g: &'g mut Gen<'ctx>,
    b: Builder<'ctx>,
    f: &'g IrFunc,
    fv: FunctionValue<'ctx>,
    blocks: Vec<BasicBlock<'ctx>>,
    locals: Vec<Option<PointerValue<'ctx>>>,
    vals: Vec<Option<BasicValueEnum<'ctx>>>,
    entry: BasicBlock<'ctx>,
    /// The thread's heap state, once a string is allocated or freed inline
    /// (`str_heap.rs`).
    heap: Option<PointerValue<'ctx>>,
    /// Inside a run of appends whose room is reserved (`buf_runs.rs`): the
    /// room reserved for the current append and for those after it.
    assured: Option<(u64, u64)>,
    /// Decrefs are calls rather than inline blocks (a function of very
    /// many, see [`OUTLINED_DECREFS`]).
    outline_decrefs: bool,
    /// Each exception handler's landing block and its line phi
    /// ([`Self::error_landing`]).
    landings: std::collections::HashMap<B, (BasicBlock<'ctx>, PhiValue<'ctx>)>,
}

/// A function with more decrefs than this calls the runtime for each: a
/// frame-heavy function (a `describe()`, a dozen frame operations) had a
/// thousand inline decrefs, five blocks each, and LLVM's register
/// allocation and branch folding took 15 s over them; its time is in the
/// runtime's frame operations, not in the decrefs.
const OUTLINED_DECREFS: usize = 400;

type R<T> = Result<T, String>;

fn be(e: BuilderError) -> String {
    format!("internal error: LLVM builder: {e}")
}

impl<'g, 'ctx> FnGen<'g, 'ctx> {
    pub fn emit(g: &'g mut Gen<'ctx>, f: &'g IrFunc) -> R<()> {
        let fv = *g.funcs.get(&f.symbol).ok_or("internal error: undeclared function")?;
        let ctx = g.ctx;
        let entry = ctx.append_basic_block(fv, "entry");
        let blocks = (0..f.blocks.len()).map(|i| ctx.append_basic_block(fv, &format!("b{i}"))).collect();
        let b = ctx.create_builder();
        let decrefs =
            f.blocks.iter().flat_map(|b| &b.insts).filter(|i| matches!(i.op, Op::DecRef(_) | Op::DecRefStr(_))).count();
        let mut fg = FnGen {
            g,
            b,
            f,
            fv,
            blocks,
            locals: Vec::new(),
            vals: vec![None; f.vals.len()],
            entry,
            heap: None,
            assured: None,
            outline_decrefs: decrefs > OUTLINED_DECREFS,
            landings: std::collections::HashMap::new(),
        };
        fg.b.position_at_end(entry);
        for l in &f.locals {
            let slot = match fg.g.basic(l.ty) {
                Some(t) => {
                    let a = fg.b.build_alloca(t, &l.name).map_err(be)?;
                    fg.b.build_store(a, t.const_zero()).map_err(be)?;
                    Some(a)
                }
                None => None,
            };
            fg.locals.push(slot);
        }
        fg.b.build_unconditional_branch(fg.blocks[0]).map_err(be)?;
        for (i, blk) in f.blocks.iter().enumerate() {
            fg.b.position_at_end(fg.blocks[i]);
            let mut run = std::collections::VecDeque::new();
            for (k, inst) in blk.insts.iter().enumerate() {
                if run.is_empty() {
                    if let Some((buf, rooms)) = buf_runs::plan(&blk.insts[k..]) {
                        run = fg.start_run(buf, &rooms)?;
                    }
                }
                fg.assured = run.pop_front();
                fg.inst(inst)?;
                // An append that did not use its reserved room (it went to
                // the runtime) reserves again for the run's later ones.
                if let (Some((_, rest)), Some((buf, _))) = (fg.assured.take(), buf_append::inline_room(&inst.op)) {
                    let bp = fg.v(buf)?.into_pointer_value();
                    fg.reserve_room(bp, rest)?;
                }
            }
            fg.term(&blk.term)?;
        }
        Ok(())
    }

    fn v(&self, v: V) -> R<BasicValueEnum<'ctx>> {
        self.vals[v as usize]
            .ok_or_else(|| format!("internal error: value v{v} used before definition in {}", self.f.symbol))
    }

    fn int(&self, v: V) -> R<IntValue<'ctx>> {
        Ok(self.v(v)?.into_int_value())
    }

    fn unit(&self) -> BasicValueEnum<'ctx> {
        self.g.ctx.bool_type().const_zero().into()
    }

    fn i64c(&self, x: i64) -> IntValue<'ctx> {
        self.g.ctx.i64_type().const_int(x as u64, true)
    }

    /// An alloca in the entry block (so loops do not grow the stack).
    fn entry_alloca<T: BasicType<'ctx>>(&self, t: T, name: &str) -> R<PointerValue<'ctx>> {
        let tmp = self.g.ctx.create_builder();
        match self.entry.get_first_instruction() {
            Some(i) => tmp.position_before(&i),
            None => tmp.position_at_end(self.entry),
        }
        tmp.build_alloca(t, name).map_err(be)
    }

    fn call_rt(&mut self, name: &str, args: &[BasicValueEnum<'ctx>]) -> R<Option<BasicValueEnum<'ctx>>> {
        let (fv, sig) = self.g.runtime_fn(name)?;
        let mut pass: Vec<BasicMetadataValueEnum> = Vec::new();
        for (a, k) in args.iter().zip(&sig.params) {
            let a = match (k, a) {
                (K::I8, BasicValueEnum::IntValue(i)) if i.get_type().get_bit_width() == 1 => {
                    self.b.build_int_z_extend(*i, self.g.ctx.i8_type(), "").map_err(be)?.into()
                }
                _ => *a,
            };
            pass.push(a.into());
        }
        if pass.len() != sig.params.len() {
            return Err(format!(
                "internal error: {name} called with {} arguments, ABI has {}",
                pass.len(),
                sig.params.len()
            ));
        }
        let cs = self.b.build_call(fv, &pass, "").map_err(be)?;
        Ok(match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Some(if sig.ret == K::I8 {
                let z = self.g.ctx.i8_type().const_zero();
                self.b.build_int_compare(IntPredicate::NE, v.into_int_value(), z, "").map_err(be)?.into()
            } else {
                v
            }),
            _ => None,
        })
    }

    /// Set ZeroDivisionError when `is_zero`, without leaving the current flow.
    fn raise_if(&mut self, is_zero: IntValue<'ctx>, class: i64, msg: &str) -> R<()> {
        let raise = self.g.ctx.append_basic_block(self.fv, "raise");
        let cont = self.g.ctx.append_basic_block(self.fv, "cont");
        self.b.build_conditional_branch(is_zero, raise, cont).map_err(be)?;
        self.b.position_at_end(raise);
        let m = self.g.string(msg);
        self.call_rt("bodo_raise", &[self.i64c(class).into(), m.into()])?;
        self.b.build_unconditional_branch(cont).map_err(be)?;
        self.b.position_at_end(cont);
        Ok(())
    }

    fn inst(&mut self, inst: &Inst) -> R<()> {
        let ctx = self.g.ctx;
        let b = &self.b;
        let out: Option<BasicValueEnum<'ctx>> = match &inst.op {
            Op::Param(i) => {
                // Unit parameters are not passed; count only real ones before `i`.
                let real = self.f.params[..*i as usize].iter().filter(|t| **t != IrTy::Unit).count();
                if self.f.params[*i as usize] == IrTy::Unit {
                    Some(self.unit())
                } else {
                    self.fv.get_nth_param(real as u32)
                }
            }
            Op::Const(c) => Some(match c {
                Const::Int(x) => self.i64c(*x).into(),
                Const::Float(x) => ctx.f64_type().const_float(*x).into(),
                Const::Bool(x) => ctx.bool_type().const_int(*x as u64, false).into(),
                Const::Unit => self.unit(),
                Const::Null => self.g.ptr().const_null().into(),
                Const::Str(s) => self.g.string(s).into(),
            }),
            Op::Load(l) => match (self.locals[*l as usize], self.g.basic(self.f.locals[*l as usize].ty)) {
                (Some(p), Some(t)) => Some(b.build_load(t, p, "").map_err(be)?),
                _ => Some(self.unit()),
            },
            Op::Store(l, v) => {
                if let Some(p) = self.locals[*l as usize] {
                    let x = self.v(*v)?;
                    b.build_store(p, x).map_err(be)?;
                }
                None
            }
            Op::Int(op, x, y) => Some(self.int_op(*op, *x, *y)?.into()),
            Op::Float(op, x, y) => {
                let (x, y) = (self.v(*x)?.into_float_value(), self.v(*y)?.into_float_value());
                let r = match op {
                    FloatOp::Add => b.build_float_add(x, y, "").map_err(be)?,
                    FloatOp::Sub => b.build_float_sub(x, y, "").map_err(be)?,
                    FloatOp::Mul => b.build_float_mul(x, y, "").map_err(be)?,
                    FloatOp::NpDiv => b.build_float_div(x, y, "").map_err(be)?,
                    FloatOp::Div | FloatOp::IntDiv => {
                        let z = ctx.f64_type().const_zero();
                        let is_zero = b.build_float_compare(FloatPredicate::OEQ, y, z, "").map_err(be)?;
                        let q = b.build_float_div(x, y, "").map_err(be)?;
                        let msg = if *op == FloatOp::Div { "float division by zero" } else { "division by zero" };
                        self.raise_if(is_zero, bodo_abi::exc::ZERO_DIVISION_ERROR, msg)?;
                        q
                    }
                };
                Some(r.into())
            }
            Op::ICmp(c, x, y) => {
                let p = match c {
                    Cmp::Eq => IntPredicate::EQ,
                    Cmp::Ne => IntPredicate::NE,
                    Cmp::Lt => IntPredicate::SLT,
                    Cmp::Le => IntPredicate::SLE,
                    Cmp::Gt => IntPredicate::SGT,
                    Cmp::Ge => IntPredicate::SGE,
                    Cmp::ULt => IntPredicate::ULT,
                };
                Some(b.build_int_compare(p, self.int(*x)?, self.int(*y)?, "").map_err(be)?.into())
            }
            Op::FCmp(c, x, y) => {
                let p = match c {
                    Cmp::Eq => FloatPredicate::OEQ,
                    Cmp::Ne => FloatPredicate::UNE,
                    Cmp::Lt => FloatPredicate::OLT,
                    Cmp::Le => FloatPredicate::OLE,
                    Cmp::Gt => FloatPredicate::OGT,
                    Cmp::Ge => FloatPredicate::OGE,
                    Cmp::ULt => return Err("internal error: unsigned compare of floats".into()),
                };
                let (x, y) = (self.v(*x)?.into_float_value(), self.v(*y)?.into_float_value());
                Some(b.build_float_compare(p, x, y, "").map_err(be)?.into())
            }
            Op::IsNull(p) => Some(b.build_is_null(self.v(*p)?.into_pointer_value(), "").map_err(be)?.into()),
            Op::Not(x) => Some(b.build_not(self.int(*x)?, "").map_err(be)?.into()),
            Op::BoolAnd(x, y) => Some(b.build_and(self.int(*x)?, self.int(*y)?, "").map_err(be)?.into()),
            Op::BoolOr(x, y) => Some(b.build_or(self.int(*x)?, self.int(*y)?, "").map_err(be)?.into()),
            Op::FNeg(x) => Some(b.build_float_neg(self.v(*x)?.into_float_value(), "").map_err(be)?.into()),
            Op::Conv(c, x) => Some(match c {
                Conv::IntToFloat => b.build_signed_int_to_float(self.int(*x)?, ctx.f64_type(), "").map_err(be)?.into(),
                Conv::BoolToInt => b.build_int_z_extend(self.int(*x)?, ctx.i64_type(), "").map_err(be)?.into(),
                Conv::BoolToFloat => {
                    b.build_unsigned_int_to_float(self.int(*x)?, ctx.f64_type(), "").map_err(be)?.into()
                }
            }),
            Op::FloatToInt(x) => Some(self.float_to_int(*x)?.into()),
            Op::FPow(x, y) => {
                let (x, y) = (self.v(*x)?, self.v(*y)?);
                Some(self.call_f64_intrinsic("llvm.pow", &[x, y])?)
            }
            Op::Select(c, x, y) => Some(b.build_select(self.int(*c)?, self.v(*x)?, self.v(*y)?, "").map_err(be)?),
            Op::Call(sym, args) => {
                let fv = *self.g.funcs.get(sym).ok_or_else(|| format!("internal error: unknown function {sym}"))?;
                let mut pass: Vec<BasicMetadataValueEnum> = Vec::new();
                for a in args {
                    pass.push(self.v(*a)?.into());
                }
                let cs = self.b.build_call(fv, &pass, "").map_err(be)?;
                match cs.try_as_basic_value() {
                    ValueKind::Basic(v) => Some(v),
                    _ => Some(self.unit()),
                }
            }
            Op::Rt(name, args) => {
                let mut a = Vec::new();
                for x in args {
                    a.push(self.v(*x)?);
                }
                self.call_rt(name, &a)?.or(Some(self.unit()))
            }
            Op::ToSlot(x) => {
                let v = self.v(*x)?;
                let i64t = ctx.i64_type();
                Some(match v {
                    BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() == 64 => i.into(),
                    BasicValueEnum::IntValue(i) => b.build_int_z_extend(i, i64t, "").map_err(be)?.into(),
                    BasicValueEnum::FloatValue(f) => b.build_bit_cast(f, i64t, "").map_err(be)?,
                    BasicValueEnum::PointerValue(p) => b.build_ptr_to_int(p, i64t, "").map_err(be)?.into(),
                    _ => return Err("internal error: bad slot value".into()),
                })
            }
            Op::FromSlot(s) => {
                let s = self.int(*s)?;
                let want = inst.dst.map(|d| self.f.vals[d as usize]).unwrap_or(IrTy::Int);
                Some(match want {
                    IrTy::Float => b.build_bit_cast(s, ctx.f64_type(), "").map_err(be)?,
                    IrTy::Bool => b.build_int_compare(IntPredicate::NE, s, self.i64c(0), "").map_err(be)?.into(),
                    IrTy::Ptr => b.build_int_to_ptr(s, self.g.ptr(), "").map_err(be)?.into(),
                    IrTy::Unit => self.unit(),
                    _ => s.into(),
                })
            }
            Op::Desc(t) => Some(self.g.desc(t).into()),
            Op::SlotArray(vs) | Op::PtrArray(vs) => {
                let is_slot = matches!(inst.op, Op::SlotArray(_));
                let n = vs.len().max(1) as u32;
                let arr_t = if is_slot { ctx.i64_type().array_type(n) } else { self.g.ptr().array_type(n) };
                let arr = self.entry_alloca(arr_t, "arr")?;
                for (i, v) in vs.iter().enumerate() {
                    let x = self.v(*v)?;
                    let elt_t =
                        if is_slot { ctx.i64_type().as_basic_type_enum() } else { self.g.ptr().as_basic_type_enum() };
                    // SAFETY: the index is within the array allocated just above.
                    let p = unsafe { self.b.build_gep(elt_t, arr, &[self.i64c(i as i64)], "").map_err(be)? };
                    self.b.build_store(p, x).map_err(be)?;
                }
                Some(arr.into())
            }
            Op::LoadField { ptr, of, offset, index } => {
                let base = self.v(*ptr)?.into_pointer_value();
                let i8t = ctx.i8_type();
                let mut off = self.i64c(*offset as i64);
                if let Some(ix) = index {
                    let scaled = b.build_int_mul(self.int(*ix)?, self.i64c(8), "").map_err(be)?;
                    off = b.build_int_add(off, scaled, "").map_err(be)?;
                }
                // SAFETY: offsets come from bodo_abi::layout for objects of the matching kind.
                let p = unsafe { b.build_gep(i8t, base, &[off], "").map_err(be)? };
                let want = inst.dst.map(|d| self.f.vals[d as usize]).unwrap_or(IrTy::Int);
                let t = self.g.basic(want).unwrap_or(ctx.i64_type().into());
                let x = b.build_load(t, p, "").map_err(be)?;
                if index.is_none() {
                    self.tag(x, Access::Field(*of, *offset));
                }
                Some(x)
            }
            Op::StoreField { ptr, of, offset, value } => {
                let base = self.v(*ptr)?.into_pointer_value();
                // SAFETY: offsets come from bodo_abi::layout for objects of the matching kind.
                let p = unsafe { b.build_gep(ctx.i8_type(), base, &[self.i64c(*offset as i64)], "").map_err(be)? };
                let st = b.build_store(p, self.v(*value)?).map_err(be)?;
                self.g.alias.tag(ctx, st, Access::Field(*of, *offset));
                None
            }
            Op::LoadElem { ptr, index, elem } => {
                let p = self.elem_ptr(*ptr, *index, *elem)?;
                let t: BasicTypeEnum = match elem {
                    Elem::I64 => ctx.i64_type().into(),
                    Elem::F64 => ctx.f64_type().into(),
                    Elem::Obj => self.g.ptr().into(),
                    Elem::U8 => ctx.i8_type().into(),
                };
                let x = self.b.build_load(t, p, "").map_err(be)?;
                self.tag(x, Access::Item);
                Some(match elem {
                    Elem::U8 => {
                        let zero = ctx.i8_type().const_zero();
                        self.b.build_int_compare(IntPredicate::NE, x.into_int_value(), zero, "").map_err(be)?.into()
                    }
                    _ => x,
                })
            }
            Op::StoreElem { ptr, index, value, elem } => {
                let p = self.elem_ptr(*ptr, *index, *elem)?;
                let x = self.v(*value)?;
                let x: BasicValueEnum = match elem {
                    Elem::U8 => self.b.build_int_z_extend(x.into_int_value(), ctx.i8_type(), "").map_err(be)?.into(),
                    _ => x,
                };
                let st = self.b.build_store(p, x).map_err(be)?;
                self.g.alias.tag(ctx, st, Access::Item);
                None
            }
            Op::FMath(f, x) => {
                let x = self.v(*x)?;
                Some(self.fmath(*f, x)?)
            }
            Op::IncRef(x) => {
                self.incref(*x)?;
                None
            }
            Op::DecRef(x) => {
                self.decref(*x, false)?;
                None
            }
            Op::DecRefStr(x) => {
                self.decref(*x, true)?;
                None
            }
            Op::FindByte { s, pos, end, byte } => Some(self.find_byte(*s, *pos, *end, *byte)?.into()),
            Op::ByteMask { s, lo, hi, byte } => Some(self.byte_mask(*s, *lo, *hi, *byte)?.into()),
            Op::TrailingZeros(x) => {
                let x = self.int(*x)?;
                Some(self.count_trailing_zeros(x, false)?.into())
            }
            Op::PieceEqLit { s, start, stop, text } => Some(self.piece_eq_lit(*s, *start, *stop, text)?.into()),
            Op::PieceToFloat { s, start, stop } => Some(self.piece_to_float(*s, *start, *stop)?.into()),
            Op::ReplaceLit { s, start, stop, old, new, upper } => {
                Some(self.replace_lit(*s, *start, *stop, (old, new), *upper)?.into())
            }
            Op::BufText { buf, s } => {
                self.buf_text(*buf, *s)?;
                None
            }
            Op::BufNum { buf, v, fixed, spec } => {
                self.buf_num(*buf, *v, *fixed, *spec)?;
                None
            }
            Op::BufLit { buf, text } => {
                self.buf_lit(*buf, text)?;
                None
            }
            Op::BufSep { buf, sep } => {
                self.buf_sep(*buf, sep)?;
                None
            }
            Op::BuilderPushAcc { b, sep, acc } => {
                self.builder_push_acc(*b, sep, *acc)?;
                None
            }
            Op::CheckErr { handler } => {
                let flag = self.g.err_flag();
                let fl = self.b.build_load(ctx.i8_type(), flag, "err").map_err(be)?.into_int_value();
                let set = self.b.build_int_compare(IntPredicate::NE, fl, ctx.i8_type().const_zero(), "").map_err(be)?;
                let cont = ctx.append_basic_block(self.fv, "ok");
                let here = self.b.get_insert_block().ok_or("internal error: no block")?;
                let (landing, line) = self.error_landing(*handler)?;
                self.b.build_conditional_branch(set, landing, cont).map_err(be)?;
                line.add_incoming(&[(&self.i64c(inst.line as i64), here)]);
                self.b.position_at_end(cont);
                None
            }
        };
        if let Some(d) = inst.dst {
            self.vals[d as usize] = Some(out.unwrap_or_else(|| self.unit()));
        }
        Ok(())
    }

    /// The block every `CheckErr` of `handler` jumps to when an exception
    /// is pending: it records the line of the check it came from (a phi)
    /// and goes on to the handler. One per handler rather than a block per
    /// check: a function of hundreds of checks gave LLVM's tail merging
    /// hundreds of near-identical blocks before one successor to compare
    /// pairwise (seconds of compile time), and each check a call of its own.
    fn error_landing(&mut self, handler: B) -> R<(BasicBlock<'ctx>, PhiValue<'ctx>)> {
        if let Some(&l) = self.landings.get(&handler) {
            return Ok(l);
        }
        let here = self.b.get_insert_block().ok_or("internal error: no block")?;
        let landing = self.g.ctx.append_basic_block(self.fv, "err");
        self.b.position_at_end(landing);
        let line = self.b.build_phi(self.g.ctx.i64_type(), "line").map_err(be)?;
        self.call_rt("bodo_err_set_line", &[line.as_basic_value()])?;
        self.b.build_unconditional_branch(self.blocks[handler as usize]).map_err(be)?;
        self.b.position_at_end(here);
        self.landings.insert(handler, (landing, line));
        Ok((landing, line))
    }

    /// Inline refcount increment: null and immortal (rc < 0) objects are left alone.
    fn incref(&mut self, x: V) -> R<()> {
        let p = self.v(x)?.into_pointer_value();
        if p.is_const() {
            // A constant is an immortal global (a literal string).
            return Ok(());
        }
        let ctx = self.g.ctx;
        let (live, done) = (ctx.append_basic_block(self.fv, "inc"), ctx.append_basic_block(self.fv, "inc.done"));
        let isnull = self.b.build_is_null(p, "").map_err(be)?;
        self.b.build_conditional_branch(isnull, done, live).map_err(be)?;
        self.b.position_at_end(live);
        let rc = self.b.build_load(ctx.i64_type(), p, "rc").map_err(be)?.into_int_value();
        let mortal = self.b.build_int_compare(IntPredicate::SGE, rc, self.i64c(0), "").map_err(be)?;
        // Immortal objects may live in read-only memory: never store to them.
        let bump = ctx.append_basic_block(self.fv, "inc.bump");
        self.b.build_conditional_branch(mortal, bump, done).map_err(be)?;
        self.b.position_at_end(bump);
        let inc = self.b.build_int_add(rc, self.i64c(1), "").map_err(be)?;
        self.b.build_store(p, inc).map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// Inline refcount decrement; the last reference goes to the runtime,
    /// or when `is_str` is freed inline ([`Self::str_free`]).
    fn decref(&mut self, x: V, is_str: bool) -> R<()> {
        let pv = self.v(x)?;
        let p = pv.into_pointer_value();
        if p.is_const() {
            // A constant is an immortal global (a literal string).
            return Ok(());
        }
        if self.outline_decrefs {
            // The runtime's decref leaves null and immortal objects alone too.
            self.call_rt("bodo_decref", &[pv])?;
            return Ok(());
        }
        let ctx = self.g.ctx;
        let live = ctx.append_basic_block(self.fv, "dec");
        let fast = ctx.append_basic_block(self.fv, "dec.fast");
        let last = ctx.append_basic_block(self.fv, "dec.last");
        let slow = ctx.append_basic_block(self.fv, "dec.slow");
        let done = ctx.append_basic_block(self.fv, "dec.done");
        let isnull = self.b.build_is_null(p, "").map_err(be)?;
        self.b.build_conditional_branch(isnull, done, live).map_err(be)?;
        self.b.position_at_end(live);
        let rc = self.b.build_load(ctx.i64_type(), p, "rc").map_err(be)?.into_int_value();
        let shared = self.b.build_int_compare(IntPredicate::SGT, rc, self.i64c(1), "").map_err(be)?;
        self.b.build_conditional_branch(shared, fast, last).map_err(be)?;
        // An immortal (rc < 0: a literal, a runtime constant) is left alone.
        self.b.position_at_end(last);
        let mortal = self.b.build_int_compare(IntPredicate::SGE, rc, self.i64c(0), "").map_err(be)?;
        self.b.build_conditional_branch(mortal, slow, done).map_err(be)?;
        self.b.position_at_end(fast);
        let dec = self.b.build_int_sub(rc, self.i64c(1), "").map_err(be)?;
        self.b.build_store(p, dec).map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(slow);
        if is_str {
            self.str_free(p, rc)?;
        } else {
            self.call_rt("bodo_decref", &[pv])?;
        }
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// `int(x)`: inline truncation when in range; NaN, inf and huge values
    /// go to the runtime, which raises Python's error.
    fn float_to_int(&mut self, x: V) -> R<IntValue<'ctx>> {
        let xv = self.v(x)?;
        let f = xv.into_float_value();
        let ctx = self.g.ctx;
        let f64t = ctx.f64_type();
        let lo = self.b.build_float_compare(FloatPredicate::OGE, f, f64t.const_float(-9.2e18), "").map_err(be)?;
        let hi = self.b.build_float_compare(FloatPredicate::OLT, f, f64t.const_float(9.2e18), "").map_err(be)?;
        let ok = self.b.build_and(lo, hi, "").map_err(be)?;
        let (fast, slow, done) = (
            ctx.append_basic_block(self.fv, "f2i.fast"),
            ctx.append_basic_block(self.fv, "f2i.slow"),
            ctx.append_basic_block(self.fv, "f2i.done"),
        );
        self.b.build_conditional_branch(ok, fast, slow).map_err(be)?;
        self.b.position_at_end(fast);
        let a = self.b.build_float_to_signed_int(f, ctx.i64_type(), "").map_err(be)?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(slow);
        let r = self.call_rt("bodo_float_to_int", &[xv])?.ok_or("internal error: float_to_int")?.into_int_value();
        let slow_end = self.b.get_insert_block().ok_or("internal error: no block")?;
        self.b.build_unconditional_branch(done).map_err(be)?;
        self.b.position_at_end(done);
        let phi = self.b.build_phi(ctx.i64_type(), "").map_err(be)?;
        phi.add_incoming(&[(&a, fast), (&r, slow_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// Tags the load that made `x` with what it reads ([`super::alias`]).
    fn tag(&mut self, x: BasicValueEnum<'ctx>, access: Access) {
        if let Some(inst) = x.as_instruction_value() {
            self.g.alias.tag(self.g.ctx, inst, access);
        }
    }

    /// The address of element `index` of an array buffer.
    fn elem_ptr(&mut self, ptr: V, index: V, elem: Elem) -> R<PointerValue<'ctx>> {
        let base = self.v(ptr)?.into_pointer_value();
        let t: BasicTypeEnum = match elem {
            Elem::I64 => self.g.ctx.i64_type().into(),
            Elem::F64 => self.g.ctx.f64_type().into(),
            Elem::U8 => self.g.ctx.i8_type().into(),
            Elem::Obj => self.g.ptr().into(),
        };
        let ix = self.int(index)?;
        // SAFETY: generated loops index within the array's local length.
        Ok(unsafe { self.b.build_in_bounds_gep(t, base, &[ix], "").map_err(be)? })
    }

    /// Python integer arithmetic on i64 (wrapping, as in Bodo/NumPy).
    fn int_op(&mut self, op: IntOp, x: V, y: V) -> R<IntValue<'ctx>> {
        let (x, y) = (self.int(x)?, self.int(y)?);
        let b = &self.b;
        Ok(match op {
            IntOp::Add => b.build_int_add(x, y, "").map_err(be)?,
            IntOp::Sub => b.build_int_sub(x, y, "").map_err(be)?,
            IntOp::Mul => b.build_int_mul(x, y, "").map_err(be)?,
            IntOp::And => b.build_and(x, y, "").map_err(be)?,
            IntOp::Or => b.build_or(x, y, "").map_err(be)?,
            IntOp::Xor => b.build_xor(x, y, "").map_err(be)?,
            IntOp::Shl | IntOp::Shr => {
                // Shifts of 64 or more are poison in LLVM; Python gives 0 (or -1).
                let big = b.build_int_compare(IntPredicate::UGE, y, self.i64c(64), "").map_err(be)?;
                let amt = b.build_select(big, self.i64c(63), y, "").map_err(be)?.into_int_value();
                if op == IntOp::Shl {
                    let r = b.build_left_shift(x, amt, "").map_err(be)?;
                    b.build_select(big, self.i64c(0), r, "").map_err(be)?.into_int_value()
                } else {
                    b.build_right_shift(x, amt, true, "").map_err(be)?
                }
            }
            IntOp::LShr => b.build_right_shift(x, y, false, "").map_err(be)?,
            IntOp::NpFloorDiv | IntOp::NpMod | IntOp::FloorDiv | IntOp::Mod
                if y.get_sign_extended_constant().is_some_and(|d| d > 0 && d & (d - 1) == 0) =>
            {
                // A power-of-two divisor: the floor quotient is an arithmetic
                // shift and the floor remainder a mask, for either sign of x
                // (`n // 2`, `n % 8` in hot loops; LLVM keeps the generic
                // signed division's fix-ups otherwise).
                let d = y.get_sign_extended_constant().unwrap_or(1);
                if matches!(op, IntOp::NpFloorDiv | IntOp::FloorDiv) {
                    b.build_right_shift(x, self.i64c(d.trailing_zeros() as i64), true, "").map_err(be)?
                } else {
                    b.build_and(x, self.i64c(d - 1), "").map_err(be)?
                }
            }
            IntOp::NpFloorDiv | IntOp::NpMod => {
                // NumPy: a zero divisor gives 0, no exception.
                let (q, r, is_zero) = self.floor_div_mod(x, y)?;
                let v = if op == IntOp::NpFloorDiv { q } else { r };
                self.b.build_select(is_zero, self.i64c(0), v, "").map_err(be)?.into_int_value()
            }
            IntOp::FloorDiv | IntOp::Mod => {
                let (q, r, is_zero) = self.floor_div_mod(x, y)?;
                let msg =
                    if op == IntOp::FloorDiv { "integer division or modulo by zero" } else { "integer modulo by zero" };
                self.raise_if(is_zero, bodo_abi::exc::ZERO_DIVISION_ERROR, msg)?;
                if op == IntOp::FloorDiv {
                    q
                } else {
                    r
                }
            }
        })
    }

    /// Python's floor quotient and remainder, without trapping: a divisor of
    /// 0 or -1 is replaced by 1 and fixed up. Returns (q, r, divisor is zero);
    /// q and r are meaningless when it is.
    fn floor_div_mod(
        &mut self,
        x: IntValue<'ctx>,
        y: IntValue<'ctx>,
    ) -> R<(IntValue<'ctx>, IntValue<'ctx>, IntValue<'ctx>)> {
        let b = &self.b;
        let zero = self.i64c(0);
        let is_zero = b.build_int_compare(IntPredicate::EQ, y, zero, "").map_err(be)?;
        let is_m1 = b.build_int_compare(IntPredicate::EQ, y, self.i64c(-1), "").map_err(be)?;
        let bad = b.build_or(is_zero, is_m1, "").map_err(be)?;
        let d = b.build_select(bad, self.i64c(1), y, "").map_err(be)?.into_int_value();
        let q0 = b.build_int_signed_div(x, d, "").map_err(be)?;
        let r0 = b.build_int_signed_rem(x, d, "").map_err(be)?;
        // Floor: when the remainder is non-zero and its sign differs from the divisor's.
        let rnz = b.build_int_compare(IntPredicate::NE, r0, zero, "").map_err(be)?;
        let sx = b.build_xor(r0, d, "").map_err(be)?;
        let diff = b.build_int_compare(IntPredicate::SLT, sx, zero, "").map_err(be)?;
        let adj = b.build_and(rnz, diff, "").map_err(be)?;
        let adj64 = b.build_int_z_extend(adj, self.g.ctx.i64_type(), "").map_err(be)?;
        let q = b.build_int_sub(q0, adj64, "").map_err(be)?;
        let radd = b.build_select(adj, d, zero, "").map_err(be)?.into_int_value();
        let r = b.build_int_add(r0, radd, "").map_err(be)?;
        // x // -1 is -x (wrapping), x % -1 is 0.
        let negx = b.build_int_sub(zero, x, "").map_err(be)?;
        let q = b.build_select(is_m1, negx, q, "").map_err(be)?.into_int_value();
        let r = b.build_select(is_m1, zero, r, "").map_err(be)?.into_int_value();
        Ok((q, r, is_zero))
    }

    /// Call an overloaded LLVM float intrinsic (`llvm.pow`, `llvm.sqrt`, ...) on f64 arguments.
    fn call_f64_intrinsic(&mut self, name: &str, args: &[BasicValueEnum<'ctx>]) -> R<BasicValueEnum<'ctx>> {
        let f64t = self.g.ctx.f64_type();
        self.call_intrinsic(name, &[f64t.into()], args)
    }

    /// Call LLVM intrinsic `name` overloaded on `types` (as its declaration
    /// lists them: `llvm.cttz` on `[i64]`, `llvm.llrint` on `[i64, f64]`)
    /// with `args`: its value.
    pub(super) fn call_intrinsic(
        &mut self,
        name: &str,
        types: &[BasicTypeEnum<'ctx>],
        args: &[BasicValueEnum<'ctx>],
    ) -> R<BasicValueEnum<'ctx>> {
        let intr = inkwell::intrinsics::Intrinsic::find(name).ok_or_else(|| format!("internal error: no {name}"))?;
        let decl = intr.get_declaration(&self.g.module, types).ok_or_else(|| format!("internal error: {name}"))?;
        let pass: Vec<BasicMetadataValueEnum> = args.iter().map(|a| (*a).into()).collect();
        match self.b.build_call(decl, &pass, "").map_err(be)?.try_as_basic_value() {
            ValueKind::Basic(v) => Ok(v),
            _ => Err(format!("internal error: {name} returned nothing")),
        }
    }

    /// A float function of one double: an LLVM intrinsic or a libm call.
    fn fmath(&mut self, f: MathFn, x: BasicValueEnum<'ctx>) -> R<BasicValueEnum<'ctx>> {
        let name = match f {
            MathFn::Sqrt => "llvm.sqrt",
            MathFn::Exp => "llvm.exp",
            MathFn::Exp2 => "llvm.exp2",
            MathFn::Log => "llvm.log",
            MathFn::Log10 => "llvm.log10",
            MathFn::Log2 => "llvm.log2",
            MathFn::Sin => "llvm.sin",
            MathFn::Cos => "llvm.cos",
            MathFn::Fabs => "llvm.fabs",
            MathFn::Floor => "llvm.floor",
            MathFn::Ceil => "llvm.ceil",
            MathFn::Trunc => "llvm.trunc",
            MathFn::Rint => "llvm.rint",
            MathFn::Libm(name) => return self.call_libm(name, x),
        };
        self.call_f64_intrinsic(name, &[x])
    }

    /// `name(x)` of the C math library (declared on first use; libm is linked).
    fn call_libm(&mut self, name: &str, x: BasicValueEnum<'ctx>) -> R<BasicValueEnum<'ctx>> {
        let f64t = self.g.ctx.f64_type();
        let decl = match self.g.module.get_function(name) {
            Some(f) => f,
            None => self.g.module.add_function(name, f64t.fn_type(&[f64t.into()], false), Some(Linkage::External)),
        };
        let cs = self.b.build_call(decl, &[x.into()], "").map_err(be)?;
        match cs.try_as_basic_value() {
            ValueKind::Basic(v) => Ok(v),
            _ => Err(format!("internal error: {name} returned nothing")),
        }
    }

    fn term(&mut self, t: &Term) -> R<()> {
        match t {
            Term::Jump(to) => {
                self.b.build_unconditional_branch(self.blocks[*to as usize]).map_err(be)?;
            }
            Term::Branch(c, y, n) => {
                let c = self.int(*c)?;
                self.b.build_conditional_branch(c, self.blocks[*y as usize], self.blocks[*n as usize]).map_err(be)?;
            }
            Term::Return(v) => {
                match (v, self.f.ret) {
                    (_, IrTy::Unit) | (None, _) => {
                        if self.f.ret == IrTy::Unit {
                            self.b.build_return(None).map_err(be)?
                        } else {
                            let z = self.g.basic(self.f.ret).map(|t| t.const_zero());
                            self.b.build_return(z.as_ref().map(|z| z as _)).map_err(be)?
                        }
                    }
                    (Some(v), _) => {
                        let x = self.v(*v)?;
                        self.b.build_return(Some(&x)).map_err(be)?
                    }
                };
            }
            Term::ReportAndExit => {
                self.call_rt("bodo_err_report_and_exit", &[])?;
                self.b.build_unreachable().map_err(be)?;
            }
            Term::Unreachable => {
                self.b.build_unreachable().map_err(be)?;
            }
        }
        Ok(())
    }
}
