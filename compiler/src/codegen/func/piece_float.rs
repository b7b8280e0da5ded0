//! `Op::PieceToFloat`, inline: `float(fields[2])` of a split field that is
//! a plain decimal, `[+-]digits[.digits]`, the runtime's fast path
//! (`str::plain_decimal`) as generated code. The digits are gathered into
//! an integer `m` by a byte loop; with at most 19 digits and `m <= 2^53`
//! both `m` and `10^f` (`f` fraction digits, at most 19 here) are exact
//! doubles, so one correctly rounded division `m / 10^f` is the nearest
//! double to the decimal (Clinger's fast path), the value `float` gives.
//! Anything else (whitespace, exponents, `inf`/`nan`, `_`, more digits,
//! bad input) calls `bodo_str_piece_to_float`, which sets the pending
//! exception on bad input for the `CheckErr` that follows.
//!
//! Inline rather than a runtime call: a parsing loop converts a field of
//! every record, a few bytes each, and the call, its argument shuffling
//! and the spills around it cost about as much as the conversion (the
//! 100k records of `bench/string_building.py`: 94.9M -> 91.5M
//! instructions).
//!
//! The sign is tested on the first byte, read before the length is: the
//! byte at `start` is inside the string even for an empty piece at its
//! end (the NUL). Then the bytes after the sign, 1 to 20 of them (as in
//! the runtime), are read by an index `k` counting up to zero from minus
//! their count, off the piece's end; each digit costs a load, a test, the
//! multiply-add and the step. The point is remembered as its index (0:
//! none, as `k < 0`), so the fraction's length is `-1 - k` and the digits
//! are the bytes less one. The end pointer goes through `freeze`: seen as
//! `s + stop + 32`, LLVM's strength reduction walks a pointer beside the
//! counter, an instruction more per byte.

use inkwell::llvm_sys::core::LLVMBuildFreeze;
use inkwell::module::Linkage;
use inkwell::values::{AsValueRef, FloatValue, GlobalValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::V;
use bodo_abi::layout;

/// The longest run of bytes after the sign taken inline (as the runtime's
/// fast path): at most 19 digits and a point.
const MAX_BODY: u64 = 20;

/// The most digits taken inline: any 19-digit `m` fits in an `i64`.
const MAX_DIGITS: u64 = 19;

/// The largest `m` taken inline: every integer up to 2^53 is a double.
const MAX_EXACT: u64 = 1 << 53;

/// The exact powers of ten, `1e0..=1e22`, the global's elements (the
/// runtime's `EXACT_POW10`; at most `1e19` is read, a body of 20 bytes
/// having at most 19 fraction digits).
const POW10_LEN: u32 = 23;

/// The name of the module's global of exact powers of ten.
const POW10_NAME: &str = "bodo.pow10.exact";

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::PieceToFloat`: `float` of bytes `start..stop` of string `s`.
    pub(super) fn piece_to_float(&mut self, s: V, start: V, stop: V) -> R<FloatValue<'ctx>> {
        let ctx = self.g.ctx;
        let (i8t, i64t, f64t) = (ctx.i8_type(), ctx.i64_type(), ctx.f64_type());
        let c = |k: u64| i64t.const_int(k, false);
        let b8 = |k: u8| i8t.const_int(u64::from(k), false);
        let sp = self.v(s)?.into_pointer_value();
        let (start, stop) = (self.int(start)?, self.int(stop)?);
        let pow10 = self.pow10_table();
        let (head, lp, digit, other, latch, tail, fast, slow, done) = (
            ctx.append_basic_block(self.fv, "pf.head"),
            ctx.append_basic_block(self.fv, "pf.loop"),
            ctx.append_basic_block(self.fv, "pf.digit"),
            ctx.append_basic_block(self.fv, "pf.other"),
            ctx.append_basic_block(self.fv, "pf.latch"),
            ctx.append_basic_block(self.fv, "pf.tail"),
            ctx.append_basic_block(self.fv, "pf.fast"),
            ctx.append_basic_block(self.fv, "pf.slow"),
            ctx.append_basic_block(self.fv, "pf.done"),
        );
        self.b.build_unconditional_branch(head).map_err(be)?;

        // head: the sign, and the body's length within 1..=20.
        self.b.position_at_end(head);
        let at = self.b.build_int_add(start, c(layout::str::DATA), "").map_err(be)?;
        // SAFETY: `start <= len`, inside the text or at its NUL.
        let first_p = unsafe { self.b.build_in_bounds_gep(i8t, sp, &[at], "") }.map_err(be)?;
        let first = self.b.build_load(i8t, first_p, "").map_err(be)?.into_int_value();
        let neg = self.b.build_int_compare(IntPredicate::EQ, first, b8(b'-'), "").map_err(be)?;
        let plus = self.b.build_int_compare(IntPredicate::EQ, first, b8(b'+'), "").map_err(be)?;
        let signed = self.b.build_or(neg, plus, "").map_err(be)?;
        let signed = self.b.build_int_z_extend(signed, i64t, "").map_err(be)?;
        let len = self.b.build_int_sub(stop, start, "").map_err(be)?;
        let body = self.b.build_int_sub(len, signed, "").map_err(be)?;
        // One unsigned test for both an empty body (0 - 1 wraps) and a long one.
        let body_m1 = self.b.build_int_sub(body, c(1), "").map_err(be)?;
        let short = self.b.build_int_compare(IntPredicate::ULT, body_m1, c(MAX_BODY), "").map_err(be)?;
        let stop_at = self.b.build_int_add(stop, c(layout::str::DATA), "").map_err(be)?;
        // SAFETY: `stop <= len`: the end of the piece, inside the string.
        let end_p = unsafe { self.b.build_in_bounds_gep(i8t, sp, &[stop_at], "") }.map_err(be)?;
        let end_p = self.opaque_ptr(end_p);
        let k0 = self.b.build_int_neg(body, "").map_err(be)?;
        self.b.build_conditional_branch(short, lp, slow).map_err(be)?;

        // loop: byte `k` (from the end) of the body, `m` so far and the
        // point's index (0: none yet; `k` is negative).
        self.b.position_at_end(lp);
        let k = self.b.build_phi(i64t, "pf.k").map_err(be)?;
        let m = self.b.build_phi(i64t, "pf.m").map_err(be)?;
        let dot = self.b.build_phi(i64t, "pf.dot").map_err(be)?;
        let (k_v, m_v, dot_v) = (
            k.as_basic_value().into_int_value(),
            m.as_basic_value().into_int_value(),
            dot.as_basic_value().into_int_value(),
        );
        // SAFETY: `-body <= k < 0`: a byte of the piece.
        let p = unsafe { self.b.build_in_bounds_gep(i8t, end_p, &[k_v], "") }.map_err(be)?;
        let byte = self.b.build_load(i8t, p, "").map_err(be)?.into_int_value();
        // Widened first, so the digit is already a word for the add.
        let byte = self.b.build_int_z_extend(byte, i64t, "").map_err(be)?;
        let d = self.b.build_int_sub(byte, c(u64::from(b'0')), "").map_err(be)?;
        let is_digit = self.b.build_int_compare(IntPredicate::ULT, d, c(10), "").map_err(be)?;
        self.b.build_conditional_branch(is_digit, digit, other).map_err(be)?;

        // digit: m = m * 10 + d (wrapping: past 19 digits it is not used).
        self.b.position_at_end(digit);
        let m10 = self.b.build_int_mul(m_v, c(10), "").map_err(be)?;
        let m1 = self.b.build_int_add(m10, d, "").map_err(be)?;
        self.b.build_unconditional_branch(latch).map_err(be)?;

        // other: the first point, else the general parser.
        self.b.position_at_end(other);
        let is_point = self.b.build_int_compare(IntPredicate::EQ, byte, c(u64::from(b'.')), "").map_err(be)?;
        let none_yet = self.b.build_int_compare(IntPredicate::EQ, dot_v, c(0), "").map_err(be)?;
        let first_point = self.b.build_and(is_point, none_yet, "").map_err(be)?;
        self.b.build_conditional_branch(first_point, latch, slow).map_err(be)?;

        // latch: the one way back, so the loop stays one loop.
        self.b.position_at_end(latch);
        let m2 = self.b.build_phi(i64t, "pf.m2").map_err(be)?;
        m2.add_incoming(&[(&m1, digit), (&m_v, other)]);
        let dot2 = self.b.build_phi(i64t, "pf.dot2").map_err(be)?;
        dot2.add_incoming(&[(&dot_v, digit), (&k_v, other)]);
        let (m2, dot2) = (m2.as_basic_value().into_int_value(), dot2.as_basic_value().into_int_value());
        let k1 = self.b.build_int_add(k_v, c(1), "").map_err(be)?;
        let more = self.b.build_int_compare(IntPredicate::NE, k1, c(0), "").map_err(be)?;
        self.b.build_conditional_branch(more, lp, tail).map_err(be)?;
        k.add_incoming(&[(&k0, head), (&k1, latch)]);
        m.add_incoming(&[(&c(0), head), (&m2, latch)]);
        dot.add_incoming(&[(&c(0), head), (&dot2, latch)]);

        // tail: 1..=19 digits (the body less its point) and m <= 2^53, else
        // the general parser (more than 22 fraction digits cannot happen in
        // 20 bytes).
        self.b.position_at_end(tail);
        let has_point = self.b.build_int_compare(IntPredicate::NE, dot2, c(0), "").map_err(be)?;
        let points = self.b.build_int_z_extend(has_point, i64t, "").map_err(be)?;
        let ndig = self.b.build_int_sub(body, points, "").map_err(be)?;
        // One unsigned test for both no digit and too many.
        let ndig_m1 = self.b.build_int_sub(ndig, c(1), "").map_err(be)?;
        let few = self.b.build_int_compare(IntPredicate::ULT, ndig_m1, c(MAX_DIGITS), "").map_err(be)?;
        let exact = self.b.build_int_compare(IntPredicate::ULE, m2, c(MAX_EXACT), "").map_err(be)?;
        let ok = self.b.build_and(few, exact, "").map_err(be)?;
        self.b.build_conditional_branch(ok, fast, slow).map_err(be)?;

        // fast: m / 10^fraction, the sign applied last (`-0` is -0.0). The
        // fraction is the bytes after the point at index `dot`, `-1 - dot`,
        // all digits (a second point went to the general parser).
        self.b.position_at_end(fast);
        let after = self.b.build_int_sub(c(u64::MAX), dot2, "").map_err(be)?;
        let fraction = self.b.build_select(has_point, after, c(0), "").map_err(be)?.into_int_value();
        let arr_t = f64t.array_type(POW10_LEN);
        // SAFETY: `0 <= fraction <= 19 < 23`.
        let pp = unsafe { self.b.build_in_bounds_gep(arr_t, pow10.as_pointer_value(), &[c(0), fraction], "") }
            .map_err(be)?;
        let scale = self.b.build_load(f64t, pp, "").map_err(be)?.into_float_value();
        // `m <= 2^53`: non-negative as a signed integer, converted exactly.
        let mf = self.b.build_signed_int_to_float(m2, f64t, "").map_err(be)?;
        let x = self.b.build_float_div(mf, scale, "").map_err(be)?;
        let nx = self.b.build_float_neg(x, "").map_err(be)?;
        let x = self.b.build_select(neg, nx, x, "").map_err(be)?.into_float_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(slow);
        let r = self.call_rt("bodo_str_piece_to_float", &[sp.into(), start.into(), stop.into()])?;
        let r = r.ok_or("internal error: bodo_str_piece_to_float")?.into_float_value();
        self.b.build_unconditional_branch(done).map_err(be)?;

        self.b.position_at_end(done);
        let out = self.b.build_phi(f64t, "pf.x").map_err(be)?;
        out.add_incoming(&[(&x, fast), (&r, slow)]);
        Ok(out.as_basic_value().into_float_value())
    }

    /// `p` as a value LLVM's loop analysis cannot see into (`freeze`, a
    /// no-op on a pointer that is not poison; inkwell has no builder call
    /// for it). Seen as `s + stop + 32`, the loop's address `end + k` is
    /// also `s + start + sign + 32 + (k - k0)`, and strength reduction
    /// walks that pointer beside the counter: an increment more per byte
    /// than the one indexed load an opaque end keeps.
    fn opaque_ptr(&mut self, p: PointerValue<'ctx>) -> PointerValue<'ctx> {
        // SAFETY: a builder positioned in a block and a pointer of this
        // context; `freeze` gives a value of the operand's type.
        unsafe {
            let v = LLVMBuildFreeze(self.b.as_mut_ptr(), p.as_value_ref(), c"".as_ptr());
            PointerValue::new(v)
        }
    }

    /// The module's constant array of the exact doubles `1e0..=1e22`, made
    /// on first use.
    fn pow10_table(&mut self) -> GlobalValue<'ctx> {
        if let Some(g) = self.g.module.get_global(POW10_NAME) {
            return g;
        }
        let f64t = self.g.ctx.f64_type();
        // Parsed, so each is the exact power whatever `powi` would round.
        let power = |e: u32| f64t.const_float(format!("1e{e}").parse().unwrap_or(f64::NAN));
        let powers: Vec<_> = (0..POW10_LEN).map(power).collect();
        let g = self.g.module.add_global(f64t.array_type(POW10_LEN), None, POW10_NAME);
        g.set_initializer(&f64t.const_array(&powers));
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        g
    }
}
