//! `Op::BufNum`: a number appended to a string builder under a plain spec
//! (`{n}`, `{i:06d}`, `{price:.2f}`), written by generated code when it has
//! at most eight digits. The spec is a constant here, so the code has none
//! of the runtime's decoding of it, and the call (with its saved registers)
//! goes away: the f-string fields of a record are a few dozen instructions
//! each instead of about 150.
//!
//! The digits are the runtime's (`format/word.rs`, `format/fixed.rs`): a
//! float's fixed-point digits are its exact value times `10^p` rounded
//! half to even (as CPython rounds), found by converting the rounded
//! product to an integer (one instruction, ties to even), and only when it
//! lies half-way from its exact error (one fused multiply-add), off the
//! digits' dependency chain; all eight digits of a value
//! below 10^8 come out of one word by multiplies and shifts, lowest byte
//! first, so a right shift drops leading zeros. The text is then stored as whole
//! words (padding, digits, fraction) that overlap where needed:
//!
//! ```text
//! fill x 16 | sign | digits (8 - lead) | '.' | fraction (p)
//! ```
//!
//! Anything else (more than eight digits, a width above 16, a precision
//! above 7, not finite, or no room in the builder's block) calls the
//! runtime: `bodo_strbuf_int` for an int with no spec, `bodo_strbuf_plain`
//! otherwise, which format every case.

use inkwell::values::{BasicValueEnum, FloatValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::{be, FnGen, R};
use crate::ir::V;
use bodo_abi::fconv;

/// Values below this have at most eight digits: one word of digits.
const LIMIT: u64 = 100_000_000;
/// The widest padded text written inline.
const MAX_WIDTH: u16 = 16;
/// The largest precision written inline (one integer digit stays).
const MAX_PRECISION: u8 = 7;
/// Bytes past the text's end the stores may touch: 16 of fill, and words
/// starting at most at byte 16 of the field.
const ROOM: u64 = 24;
/// ASCII `'0'` in every byte.
const ZEROS: u64 = 0x3030_3030_3030_3030;

/// The bytes past a builder's length an inline `Op::BufNum` under `spec`
/// may touch (the NUL's byte too, as the runtime's short appends keep it);
/// `None` when the spec is written by the runtime.
pub(super) fn num_room(spec: fconv::Plain) -> Option<u64> {
    (spec.width <= MAX_WIDTH && spec.precision <= MAX_PRECISION).then_some(ROOM + 1)
}

impl<'ctx> FnGen<'_, 'ctx> {
    /// `Op::BufNum`.
    pub(super) fn buf_num(&mut self, buf: V, v: V, fixed: bool, spec: fconv::Plain) -> R<()> {
        let i64t = self.g.ctx.i64_type();
        let bp = self.v(buf)?.into_pointer_value();
        let bits = match self.v(v)? {
            BasicValueEnum::FloatValue(x) => self.b.build_bit_cast(x, i64t, "").map_err(be)?.into_int_value(),
            other => other.into_int_value(),
        };
        let default = fconv::Plain { zero: false, width: 0, precision: 0 };
        let slow: (&str, Vec<BasicValueEnum<'ctx>>) = if !fixed && spec == default {
            ("bodo_strbuf_int", vec![bp.into(), bits.into()])
        } else {
            let conv = i64t.const_int(spec.encode(fixed), false);
            ("bodo_strbuf_plain", vec![bp.into(), bits.into(), conv.into()])
        };
        let Some(room) = num_room(spec) else {
            return self.call_rt(slow.0, &slow.1).map(drop);
        };
        let (neg, q, short) = if fixed { self.fixed_value(bits, spec.precision)? } else { self.int_value(bits)? };

        let write = |g: &mut Self, dst| {
            let total = g.store_number(dst, neg, q, spec)?;
            Ok((total, None))
        };
        self.inline_append(bp, room, Some(short), write, slow.0, &slow.1)
    }

    /// An int's sign, magnitude, and whether the magnitude is below
    /// [`LIMIT`] (`i64::MIN`'s wraps to 2^63, which is not).
    fn int_value(&mut self, x: IntValue<'ctx>) -> R<(IntValue<'ctx>, IntValue<'ctx>, IntValue<'ctx>)> {
        let i64t = self.g.ctx.i64_type();
        let neg = self.b.build_int_compare(IntPredicate::SLT, x, i64t.const_zero(), "").map_err(be)?;
        let minus = self.b.build_int_sub(i64t.const_zero(), x, "").map_err(be)?;
        let mag = self.b.build_select(neg, minus, x, "").map_err(be)?.into_int_value();
        let short = self.b.build_int_compare(IntPredicate::ULT, mag, i64t.const_int(LIMIT, false), "").map_err(be)?;
        Ok((neg, mag, short))
    }

    /// A float's sign bit, `round_half_even(|x| * 10^p)` and whether that is
    /// below [`LIMIT`], from its bits. `10^p` is an exact double, so
    /// `|x| * 10^p` is exactly `t + e`: `t` the rounded product, `e` its
    /// error, which one fused multiply-add gives exactly. Rounding `t` to
    /// the nearest integer (ties to even) is the answer unless `t` lies
    /// exactly half-way, where `e` (when not zero) says which side the
    /// exact value is on: it then moves the result one the other way. That
    /// case is a branch, so the common one's digits wait only on the
    /// multiply and the conversion. Below 10^8 the product's fraction
    /// `t - n` is exact; tiny values, whose error may underflow, are never
    /// half-way. Infinity and NaN are not below the limit (and their
    /// conversion, meaningless, is then not used).
    fn fixed_value(&mut self, bits: IntValue<'ctx>, p: u8) -> R<(IntValue<'ctx>, IntValue<'ctx>, IntValue<'ctx>)> {
        let ctx = self.g.ctx;
        let (i64t, f64t) = (ctx.i64_type(), ctx.f64_type());
        let f = |k: f64| f64t.const_float(k);
        let neg = self.b.build_int_compare(IntPredicate::SLT, bits, i64t.const_zero(), "").map_err(be)?;
        let abs_bits = self.b.build_and(bits, i64t.const_int(i64::MAX as u64, false), "").map_err(be)?;
        let ax = self.b.build_bit_cast(abs_bits, f64t, "").map_err(be)?.into_float_value();
        let scale = f(10f64.powi(p.into()));
        let t = self.b.build_float_mul(ax, scale, "").map_err(be)?;
        // `t` rounded to an integer directly (`cvtsd2si`: the default
        // rounding is to nearest, ties to even).
        let q0 = self.call_intrinsic("llvm.llrint", &[i64t.into(), f64t.into()], &[t.into()])?.into_int_value();
        let back = self.b.build_signed_int_to_float(q0, f64t, "").map_err(be)?;
        let d = self.b.build_float_sub(t, back, "").map_err(be)?;
        let cmp = |g: &Self, op, a, b| g.b.build_float_compare(op, a, b, "").map_err(be);
        use inkwell::FloatPredicate::{OEQ, OGT, OLT};
        // Half-way: the error of the product decides, off the digits' path.
        let ad = self.float_intrinsic("llvm.fabs", &[d.into()])?;
        let tie = cmp(self, OEQ, ad, f(0.5))?;
        let (entry, fix, join) = (
            self.b.get_insert_block().ok_or("internal error: no block")?,
            self.g.ctx.append_basic_block(self.fv, "fixed.tie"),
            self.g.ctx.append_basic_block(self.fv, "fixed.rounded"),
        );
        self.b.build_conditional_branch(tie, fix, join).map_err(be)?;
        self.b.position_at_end(fix);
        let minus_t = self.b.build_float_neg(t, "").map_err(be)?;
        let e = self.float_intrinsic("llvm.fma", &[ax.into(), scale.into(), minus_t.into()])?;
        let up = self.b.build_and(cmp(self, OEQ, d, f(0.5))?, cmp(self, OGT, e, f(0.0))?, "").map_err(be)?;
        let down = self.b.build_and(cmp(self, OEQ, d, f(-0.5))?, cmp(self, OLT, e, f(0.0))?, "").map_err(be)?;
        let up = self.b.build_int_z_extend(up, i64t, "").map_err(be)?;
        let down = self.b.build_int_z_extend(down, i64t, "").map_err(be)?;
        let q1 = self.b.build_int_sub(self.b.build_int_add(q0, up, "").map_err(be)?, down, "").map_err(be)?;
        self.b.build_unconditional_branch(join).map_err(be)?;
        self.b.position_at_end(join);
        let q = self.b.build_phi(i64t, "q").map_err(be)?;
        q.add_incoming(&[(&q0, entry), (&q1, fix)]);
        let q = q.as_basic_value().into_int_value();
        // NaN compares false: not short. Below this bound `t` rounds, and
        // steps, to at most 10^8 - 1.
        let short = cmp(self, OLT, t, f(LIMIT as f64 - 0.5))?;
        Ok((neg, q, short))
    }

    /// `name`, an overloaded LLVM intrinsic on f64, applied to `args`.
    fn float_intrinsic(&mut self, name: &str, args: &[BasicValueEnum<'ctx>]) -> R<FloatValue<'ctx>> {
        Ok(self.call_f64_intrinsic(name, args)?.into_float_value())
    }

    /// Stores the text of `q < 10^8` (a sign when `neg`; the last
    /// `spec.precision` digits after a point) padded to `spec.width` at
    /// `dst`; returns its length.
    fn store_number(
        &mut self,
        dst: PointerValue<'ctx>,
        neg: IntValue<'ctx>,
        q: IntValue<'ctx>,
        spec: fconv::Plain,
    ) -> R<IntValue<'ctx>> {
        let ctx = self.g.ctx;
        let i64t = ctx.i64_type();
        let c = |k: u64| i64t.const_int(k, false);
        let p = u64::from(spec.precision);
        let digits = self.eight_digits(q)?;
        // Leading zero digits are the low zero bytes (all eight for 0); one
        // digit stays before the point.
        let tz = self.count_trailing_zeros(digits, false)?;
        let lead = self.b.build_right_shift(tz, c(3), false, "").map_err(be)?;
        let keep = c(7 - p);
        let fewer = self.b.build_int_compare(IntPredicate::ULT, lead, keep, "").map_err(be)?;
        let lead = self.b.build_select(fewer, lead, keep, "").map_err(be)?.into_int_value();
        let shown = self.b.build_int_sub(c(8), lead, "").map_err(be)?;
        let sign = self.b.build_int_z_extend(neg, i64t, "").map_err(be)?;
        let len = self
            .b
            .build_int_add(self.b.build_int_add(shown, sign, "").map_err(be)?, c(u64::from(p > 0)), "")
            .map_err(be)?;
        let (total, fill) = if spec.width == 0 {
            (len, c(0))
        } else {
            // Spaces go before the sign, zeros after it: the 16 bytes of fill
            // cover both places, and the sign lands in one of them.
            let pad = if spec.zero { b'0' } else { b' ' };
            let word = c(u64::from_le_bytes([pad; 8]));
            self.store_word(dst, 0, word)?;
            self.store_word(dst, 8, word)?;
            let width = c(u64::from(spec.width));
            let wider = self.b.build_int_compare(IntPredicate::UGT, width, len, "").map_err(be)?;
            let total = self.b.build_select(wider, width, len, "").map_err(be)?.into_int_value();
            (total, self.b.build_int_sub(total, len, "").map_err(be)?)
        };
        // The sign byte, or a byte the digits overwrite.
        let at = if spec.zero { c(0) } else { fill };
        let minus = self
            .b
            .build_select(
                neg,
                ctx.i8_type().const_int(u64::from(b'-'), false),
                ctx.i8_type().const_int(u64::from(b'0'), false),
                "",
            )
            .map_err(be)?;
        let sign_at = self.byte_at(dst, at)?;
        self.store_text_word(sign_at, minus)?;
        let start = self.b.build_int_add(fill, sign, "").map_err(be)?;
        let text = self.b.build_int_add(digits, c(ZEROS), "").map_err(be)?;
        let shift = self.b.build_left_shift(lead, c(3), "").map_err(be)?;
        let shown_text = self.b.build_right_shift(text, shift, false, "").map_err(be)?;
        let digits_at = self.byte_at(dst, start)?;
        self.store_word(digits_at, 0, shown_text)?;
        if p > 0 {
            // The fraction digits move one place right to make room for the point.
            let int_digits = self.b.build_int_sub(shown, c(p), "").map_err(be)?;
            let point = self.b.build_int_add(start, int_digits, "").map_err(be)?;
            let point_at = self.byte_at(dst, point)?;
            self.store_text_word(point_at, ctx.i8_type().const_int(u64::from(b'.'), false))?;
            let frac = self.b.build_right_shift(text, c(8 * (8 - p)), false, "").map_err(be)?;
            self.store_word(point_at, 1, frac)?;
        }
        Ok(total)
    }

    /// The eight decimal digits of `n < 10^8` as the bytes 0..=9 of a word,
    /// the most significant in the low byte: `format/fixed.rs`'s
    /// `eight_digits`, whose comment says why each step divides exactly.
    fn eight_digits(&mut self, n: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let c = |k: u64| self.g.ctx.i64_type().const_int(k, false);
        let b = &self.b;
        let hi = b.build_int_unsigned_div(n, c(10_000), "").map_err(be)?;
        let lo = b.build_int_unsigned_rem(n, c(10_000), "").map_err(be)?;
        let halves = b.build_or(hi, b.build_left_shift(lo, c(32), "").map_err(be)?, "").map_err(be)?;
        let h =
            b.build_right_shift(b.build_int_mul(halves, c(10486), "").map_err(be)?, c(20), false, "").map_err(be)?;
        let hundreds = b.build_and(h, c(0x0000_007f_0000_007f), "").map_err(be)?;
        let rest = b.build_int_sub(halves, b.build_int_mul(hundreds, c(100), "").map_err(be)?, "").map_err(be)?;
        let pairs = b.build_or(hundreds, b.build_left_shift(rest, c(16), "").map_err(be)?, "").map_err(be)?;
        let t = b.build_right_shift(b.build_int_mul(pairs, c(103), "").map_err(be)?, c(10), false, "").map_err(be)?;
        let tens = b.build_and(t, c(0x000f_000f_000f_000f), "").map_err(be)?;
        let ones = b.build_int_sub(pairs, b.build_int_mul(tens, c(10), "").map_err(be)?, "").map_err(be)?;
        b.build_or(tens, b.build_left_shift(ones, c(8), "").map_err(be)?, "").map_err(be)
    }

    /// The address `off` bytes past `p`, `off` a run-time value.
    fn byte_at(&mut self, p: PointerValue<'ctx>, off: IntValue<'ctx>) -> R<PointerValue<'ctx>> {
        // SAFETY: within the room checked before the stores.
        unsafe { self.b.build_in_bounds_gep(self.g.ctx.i8_type(), p, &[off], "").map_err(be) }
    }

    /// Stores word `w` at `p + off`, unaligned.
    fn store_word(&mut self, p: PointerValue<'ctx>, off: u64, w: IntValue<'ctx>) -> R<()> {
        let at = self.field(p, off)?;
        self.store_text_word(at, w)
    }
}
