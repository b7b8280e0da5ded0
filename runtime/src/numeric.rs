//! Integer and float helpers with Python's semantics and error messages:
//! conversions, `**`, `%`, `//`, `round`, and the `math` module functions.

use crate::errors::{PyErr, PyResult};
use bodo_abi::exc;

fn domain_error() -> PyErr {
    PyErr::new(exc::VALUE_ERROR, "math domain error")
}

fn range_error() -> PyErr {
    PyErr::new(exc::OVERFLOW_ERROR, "math range error")
}

/// `int(x)` for a float: truncation; NaN and infinities raise like CPython.
/// Finite values beyond i64 raise OverflowError (ints are 64-bit here).
pub fn float_to_int(x: f64) -> PyResult<i64> {
    if x.is_nan() {
        return Err(PyErr::new(exc::VALUE_ERROR, "cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::new(exc::OVERFLOW_ERROR, "cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    // 2**63 is exactly representable; everything in [-2**63, 2**63) fits.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if !(-TWO_63..TWO_63).contains(&t) {
        return Err(PyErr::new(exc::OVERFLOW_ERROR, "Python int too large to convert to C long"));
    }
    Ok(t as i64)
}

/// `round(x)`: round half to even.
pub fn round_int(x: f64) -> PyResult<i64> {
    float_to_int(x.round_ties_even())
}

/// `round(x, ndigits)` for an int: unchanged for `ndigits >= 0`, else to a
/// multiple of `10**-ndigits`, half to even (wrapping where Python's result
/// does not fit in 64 bits).
pub fn round_int_digits(x: i64, ndigits: i64) -> i64 {
    if ndigits >= 0 {
        return x;
    }
    if ndigits < -19 {
        return 0;
    }
    let p = 10i128.pow((-ndigits) as u32);
    let (x, mut q) = (x as i128, (x as i128).div_euclid(p));
    let twice_r = 2 * x.rem_euclid(p);
    if twice_r > p || (twice_r == p && q % 2 != 0) {
        q += 1;
    }
    (q * p) as i64
}

pub fn floor(x: f64) -> PyResult<i64> {
    float_to_int(x.floor())
}

pub fn ceil(x: f64) -> PyResult<i64> {
    float_to_int(x.ceil())
}

/// `a ** b` for ints with `b >= 0`, wrapping on overflow.
pub fn int_pow(a: i64, b: i64) -> PyResult<i64> {
    if b < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "negative exponent"));
    }
    let (mut base, mut e, mut acc) = (a, b as u64, 1i64);
    while e > 0 {
        if e & 1 == 1 {
            acc = acc.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        e >>= 1;
    }
    Ok(acc)
}

thread_local! {
    /// An int64 array element met a negative exponent since the last `np_pow_check`.
    static NEG_POW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// NumPy's int64 `a ** b` of array elements: wrapping, like `int_pow`; a
/// negative exponent gives 0 and is noted for `np_pow_check`, which the
/// generated code calls once the loop is over.
pub fn np_int_pow(a: i64, b: i64) -> i64 {
    if b < 0 {
        NEG_POW.set(true);
        return 0;
    }
    int_pow(a, b).unwrap_or(0)
}

/// NumPy's error if a loop's `np_int_pow` met a negative exponent, on this
/// rank or (collective when `distributed`) on any rank.
pub fn np_pow_check(distributed: bool) -> PyResult<()> {
    let mine = i64::from(NEG_POW.replace(false));
    // Op 3 is max: any rank.
    let bad = if distributed { crate::array::allreduce_i64(mine, 3)? } else { mine };
    if bad != 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "Integers to negative integer powers are not allowed."));
    }
    Ok(())
}

/// `a ** b` for floats (CPython's `float_pow`). A negative base with a
/// non-integer exponent gives a complex number in Python; here it is NaN.
pub fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(PyErr::new(exc::ZERO_DIVISION_ERROR, "0.0 cannot be raised to a negative power"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::new(exc::OVERFLOW_ERROR, "(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// Python `a % b` for floats: the result takes the sign of `b`.
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::new(exc::ZERO_DIVISION_ERROR, "float modulo"));
    }
    let m = a % b;
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// Python `a // b` for floats (CPython's `float_floor_div` via divmod).
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::new(exc::ZERO_DIVISION_ERROR, "float floor division by zero"));
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    Ok(if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    })
}

/// CPython's `math_1`: NaN out of a non-NaN input is a domain error; an
/// infinity out of a finite input is a range error if `can_overflow`,
/// else a domain error.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

/// The one-argument `math` functions of the ABI.
#[derive(Clone, Copy, Debug)]
pub enum Math1 {
    Sqrt,
    Log,
    Log10,
    Log2,
    Exp,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Fabs,
    Log1p,
    Expm1,
    Degrees,
    Radians,
    Asinh,
    Acosh,
    Atanh,
    Cbrt,
    Exp2,
    Erf,
    Erfc,
}

extern "C" {
    // glibc's libm (Rust's std has no error function).
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
}

/// `log`, `log2`, `log10`: CPython's `loghelper` rejects `x <= 0` up front.
fn log_with(x: f64, f: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(x))
}

pub fn math1(op: Math1, x: f64) -> PyResult<f64> {
    match op {
        Math1::Sqrt => math_1(x, f64::sqrt, false),
        Math1::Log => log_with(x, f64::ln),
        Math1::Log10 => log_with(x, f64::log10),
        Math1::Log2 => log_with(x, f64::log2),
        Math1::Exp => math_1(x, f64::exp, true),
        Math1::Sin => math_1(x, f64::sin, false),
        Math1::Cos => math_1(x, f64::cos, false),
        Math1::Tan => math_1(x, f64::tan, false),
        Math1::Asin => math_1(x, f64::asin, false),
        Math1::Acos => math_1(x, f64::acos, false),
        Math1::Atan => math_1(x, f64::atan, false),
        Math1::Sinh => math_1(x, f64::sinh, true),
        Math1::Cosh => math_1(x, f64::cosh, true),
        Math1::Tanh => math_1(x, f64::tanh, false),
        Math1::Fabs => Ok(x.abs()),
        Math1::Log1p => math_1(x, f64::ln_1p, false),
        Math1::Expm1 => math_1(x, f64::exp_m1, true),
        // Plain products in CPython too: no range error.
        Math1::Degrees => Ok(x.to_degrees()),
        Math1::Radians => Ok(x.to_radians()),
        Math1::Asinh => math_1(x, f64::asinh, false),
        Math1::Acosh => math_1(x, f64::acosh, false),
        Math1::Atanh => math_1(x, f64::atanh, false),
        Math1::Cbrt => Ok(x.cbrt()),
        Math1::Exp2 => math_1(x, f64::exp2, true),
        // SAFETY: pure libm functions of a double.
        Math1::Erf => Ok(unsafe { erf(x) }),
        Math1::Erfc => Ok(unsafe { erfc(x) }),
    }
}

pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

/// `math.pow` (CPython's special cases: `0 ** negative` and a negative
/// base with a fractional exponent are domain errors; overflow a range error).
pub fn math_pow(x: f64, y: f64) -> PyResult<f64> {
    if x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error() } else { range_error() });
        }
        return Ok(r);
    }
    Ok(x.powf(y))
}

/// `math.hypot(x, y)`; like CPython 3.11, overflow yields inf without error.
pub fn hypot(x: f64, y: f64) -> f64 {
    x.hypot(y)
}

/// `math.fmod(x, y)`.
pub fn fmod(x: f64, y: f64) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.log(x, base)` = `log(x) / log(base)`; base 1 divides by zero.
pub fn log_base(x: f64, base: f64) -> PyResult<f64> {
    let num = log_with(x, f64::ln)?;
    let den = log_with(base, f64::ln)?;
    if den == 0.0 {
        return Err(PyErr::new(exc::ZERO_DIVISION_ERROR, "float division by zero"));
    }
    Ok(num / den)
}

/// `math.gcd(a, b)`: non-negative (wraps for `gcd(i64::MIN, 0)`).
pub fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

/// `pow(a, b, m)` for ints, Python's way: the result takes `m`'s sign; a
/// negative `b` uses the modular inverse of `a`.
pub fn int_powmod(a: i64, b: i64, m: i64) -> PyResult<i64> {
    if m == 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "pow() 3rd argument cannot be 0"));
    }
    let md = (m as i128).abs();
    let mut base = (a as i128).rem_euclid(md);
    if b < 0 {
        // Extended Euclid for the inverse of base modulo md.
        let (mut r0, mut r1, mut s0, mut s1) = (base, md, 1i128, 0i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (s0, s1) = (s1, s0 - q * s1);
        }
        if r0 != 1 && md != 1 {
            return Err(PyErr::new(exc::VALUE_ERROR, "base is not invertible for the given modulus"));
        }
        base = s0.rem_euclid(md);
    }
    let (mut e, mut acc) = ((b as i128).unsigned_abs(), 1i128 % md);
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * base % md;
        }
        base = base * base % md;
        e >>= 1;
    }
    Ok(if m < 0 && acc != 0 { (acc - md) as i64 } else { acc as i64 })
}

/// `math.lcm(a, b)`: non-negative, 0 when either is 0 (wraps past int64
/// like the other integer operations).
pub fn lcm(a: i64, b: i64) -> i64 {
    if a == 0 || b == 0 {
        return 0;
    }
    (a / gcd(a, b)).wrapping_mul(b).wrapping_abs()
}

fn non_negative(n: i64, what: &str) -> PyResult<()> {
    if n < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, format!("{what} must be a non-negative integer")));
    }
    Ok(())
}

/// `math.factorial(n)` (wraps past int64).
pub fn factorial(n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "factorial() not defined for negative values"));
    }
    Ok((2..=n).fold(1i64, |acc, k| acc.wrapping_mul(k)))
}

/// `math.isqrt(n)`: the floor of the exact square root.
pub fn isqrt(n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "isqrt() argument must be nonnegative"));
    }
    let mut r = (n as f64).sqrt() as i64;
    // The float root may be off by one either way for large n.
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    Ok(r)
}

/// `math.perm(n, k)`: n! / (n - k)!, 0 when k > n (wraps past int64).
pub fn perm(n: i64, k: i64) -> PyResult<i64> {
    non_negative(n, "n")?;
    non_negative(k, "k")?;
    if k > n {
        return Ok(0);
    }
    Ok((n - k + 1..=n).fold(1i64, |acc, f| acc.wrapping_mul(f)))
}

/// `math.comb(n, k)`: n! / (k! (n - k)!), 0 when k > n. Each partial
/// product is itself a binomial coefficient, so the division is exact.
pub fn comb(n: i64, k: i64) -> PyResult<i64> {
    non_negative(n, "n")?;
    non_negative(k, "k")?;
    if k > n {
        return Ok(0);
    }
    let k = k.min(n - k);
    let mut c: i128 = 1;
    for i in 0..k {
        c = c * i128::from(n - i) / i128::from(i + 1);
    }
    Ok(c as i64)
}

/// `math.isclose(a, b, rel_tol=, abs_tol=)` with CPython's rules.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::new(exc::VALUE_ERROR, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_math_matches_python() {
        assert_eq!(factorial(0).unwrap(), 1);
        assert_eq!(factorial(20).unwrap(), 2432902008176640000);
        assert_eq!(factorial(-1).unwrap_err().msg, "factorial() not defined for negative values");
        for n in [0, 1, 15, 16, 17, 99, 1 << 40, i64::MAX] {
            let r = isqrt(n).unwrap();
            assert!(r * r <= n && (r + 1).checked_mul(r + 1).is_none_or(|sq| sq > n), "isqrt({n}) = {r}");
        }
        assert_eq!(comb(60, 30).unwrap(), 118264581564861424);
        assert_eq!(comb(5, 7).unwrap(), 0);
        assert_eq!(perm(5, 2).unwrap(), 20);
        assert_eq!(comb(-1, 2).unwrap_err().msg, "n must be a non-negative integer");
        assert_eq!((lcm(4, 6), lcm(-4, 6), lcm(0, 5)), (12, 12, 0));
        assert!(isclose(0.1 + 0.2, 0.3, 1e-9, 0.0).unwrap());
        assert!(!isclose(0.0, 1e-12, 1e-9, 0.0).unwrap());
        assert!(isclose(f64::INFINITY, f64::INFINITY, 1e-9, 0.0).unwrap());
        assert_eq!(int_powmod(2, 100, 1_000_000_007).unwrap(), 976371285);
        assert_eq!(int_powmod(3, 4, -5).unwrap(), -4);
        assert_eq!(int_powmod(-3, 3, 7).unwrap(), 1);
        assert_eq!(int_powmod(3, -1, 7).unwrap(), 5);
        assert_eq!(int_powmod(5, 0, 1).unwrap(), 0);
        assert!(int_powmod(2, -1, 4).is_err());
        assert!(int_powmod(2, 1, 0).is_err());
    }

    #[test]
    fn conversions() {
        assert_eq!(float_to_int(-2.7).unwrap(), -2);
        assert_eq!(float_to_int(f64::NAN).unwrap_err().msg, "cannot convert float NaN to integer");
        assert_eq!(float_to_int(f64::INFINITY).unwrap_err().class, exc::OVERFLOW_ERROR);
        assert_eq!(round_int(2.5).unwrap(), 2);
        assert_eq!(round_int(-3.5).unwrap(), -4);
        assert_eq!(floor(-0.5).unwrap(), -1);
        assert_eq!(ceil(0.2).unwrap(), 1);
        assert_eq!(float_to_int(-(2f64.powi(63))).unwrap(), i64::MIN);
        assert!(float_to_int(2f64.powi(63)).is_err());
        assert_eq!(round_int_digits(15, -1), 20);
        assert_eq!(round_int_digits(25, -1), 20);
        assert_eq!(round_int_digits(-15, -1), -20);
        assert_eq!(round_int_digits(-25, -1), -20);
        assert_eq!(round_int_digits(1234, -2), 1200);
        assert_eq!(round_int_digits(1234, 3), 1234);
        assert_eq!(round_int_digits(i64::MAX, -25), 0);
    }

    #[test]
    fn arithmetic() {
        assert_eq!(int_pow(3, 4).unwrap(), 81);
        assert_eq!(int_pow(2, 64).unwrap(), 0);
        assert!(int_pow(2, -1).is_err());
        assert_eq!(float_mod(-1.0, 3.0).unwrap(), 2.0);
        assert_eq!(float_mod(1.0, -3.0).unwrap(), -2.0);
        assert_eq!(float_mod(-0.0, 3.0).unwrap().to_bits(), 0.0f64.to_bits());
        assert_eq!(float_mod(3.0, -3.0).unwrap().to_bits(), (-0.0f64).to_bits());
        assert_eq!(float_floordiv(-7.0, 2.0).unwrap(), -4.0);
        assert_eq!(float_floordiv(7.5, -2.0).unwrap(), -4.0);
        assert_eq!(float_floordiv(1.0, 0.0).unwrap_err().msg, "float floor division by zero");
        assert_eq!(float_mod(1.0, 0.0).unwrap_err().msg, "float modulo");
        assert_eq!(float_pow(0.0, -1.0).unwrap_err().class, exc::ZERO_DIVISION_ERROR);
        assert_eq!(float_pow(10.0, 400.0).unwrap_err().class, exc::OVERFLOW_ERROR);
        assert_eq!(gcd(-12, 18), 6);
    }

    #[test]
    fn math_errors() {
        assert_eq!(math1(Math1::Sqrt, -1.0).unwrap_err().msg, "math domain error");
        assert_eq!(math1(Math1::Log, 0.0).unwrap_err().msg, "math domain error");
        assert_eq!(math1(Math1::Exp, 1000.0).unwrap_err().msg, "math range error");
        assert_eq!(math1(Math1::Sin, f64::INFINITY).unwrap_err().msg, "math domain error");
        assert_eq!(math1(Math1::Log1p, -1.0).unwrap_err().msg, "math domain error");
        assert!(math1(Math1::Exp, f64::INFINITY).unwrap().is_infinite());
        assert_eq!(math_pow(0.0, -1.0).unwrap_err().msg, "math domain error");
        assert_eq!(math_pow(-8.0, 0.5).unwrap_err().msg, "math domain error");
        assert_eq!(fmod(1.0, 0.0).unwrap_err().msg, "math domain error");
        assert_eq!(log_base(8.0, 2.0).unwrap(), 3.0);
        assert_eq!(log_base(8.0, 1.0).unwrap_err().class, exc::ZERO_DIVISION_ERROR);
    }
}
