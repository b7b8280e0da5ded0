//! The C ABI called by generated code: every `bodo_*` symbol of the
//! contract, as thin wrappers over the runtime modules, plus the exported
//! `bodo_err_flag`.
//!
//! Conventions (see the ABI spec): pointer arguments are borrowed, returned
//! pointers and slots are owned; a failing call sets the pending exception
//! (and `bodo_err_flag`) and returns a zero/null dummy; `i8` is a bool.
//!
//! # Safety
//! Every function trusts generated code: pointers are live objects of the
//! right kind, descriptors match the slots they describe, and slot arrays
//! have the stated length.

#![allow(clippy::missing_safety_doc)]

use crate::array::{self, ArrObj, Shape};
use crate::dict::{self, DictObj, View};
use crate::errors::{self, check};
use crate::numeric::{self, Math1};
use crate::object::{self, slots, BoxObj, ExcObj, Header, ListObj, StrObj, TupleObj, TypeDesc};
use crate::set::SetObj;
use crate::str::{self as pystr, as_str, Class, Ends, Justify};
use crate::{
    boxed, format, fstring, generic, kwargs, list, mpi_env, print, set, str_builder, str_classes, str_pieces,
    str_translate, tuple,
};
use bodo_abi::kind;
use std::ffi::{c_char, CStr};

/// Non-zero while an exception is pending; generated code tests it after
/// every call that can raise.
#[no_mangle]
pub static mut bodo_err_flag: u8 = 0;

type Str = *mut StrObj;
type List = *mut ListObj;
type Dict = *mut DictObj;
type Set = *mut SetObj;
type Desc = *const TypeDesc;
type Tuple = *mut TupleObj;

unsafe fn s<'a>(p: *const StrObj) -> &'a str {
    as_str(p)
}

unsafe fn opt_s<'a>(p: *const StrObj) -> Option<&'a str> {
    (!p.is_null()).then(|| as_str(p))
}

unsafe fn d(p: Desc) -> &'static TypeDesc {
    &*p
}

fn new_str(text: &str) -> Str {
    pystr::new_str(text)
}

// ---------------------------------------------------------------- lifecycle

/// Program start: `sys.argv` (argv[0] = basename of `script`), optional
/// relaunch under `mpiexec -n $BODO_NUM_WORKERS`, MPI_Init, panic hook.
#[no_mangle]
pub unsafe extern "C" fn bodo_init(argc: i32, argv: *const *const c_char, script: *const c_char) {
    let args: Vec<String> = (0..argc.max(0) as usize)
        .map(|i| *argv.add(i))
        .filter(|p| !p.is_null())
        .map(|p| CStr::from_ptr(p).to_string_lossy().into_owned())
        .collect();
    let script = if script.is_null() { String::new() } else { CStr::from_ptr(script).to_string_lossy().into_owned() };
    keep_freed_memory();
    mpi_env::init(args, &script);
}

/// Programs free and allocate blocks of the same sizes over and over (a
/// temporary per statement). glibc would return medium blocks to the kernel
/// (mmap above 128 KiB-32 MiB, trimming the heap top), so each reuse paid a
/// page fault per 4 KiB; keeping freed memory in the heap avoids that.
/// Array buffers of 1 MiB and more bypass the heap (`array/buffers.rs`).
fn keep_freed_memory() {
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    const M_TRIM_THRESHOLD: i32 = -1;
    const M_MMAP_THRESHOLD: i32 = -3;
    const LIMIT: i32 = 1 << 30;
    // SAFETY: plain glibc tuning calls, made before any other thread exists.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, LIMIT);
        mallopt(M_TRIM_THRESHOLD, LIMIT);
    }
}

/// Flushes stdout and finalizes MPI; the program's exit status: 0, or 3
/// when `BODO_CHECK_LEAKS` is set and objects are still alive (every
/// object the program made should be freed by the time it ends; the test
/// suite runs every program this way).
#[no_mangle]
pub extern "C" fn bodo_finalize() -> i32 {
    let leaked = object::live_objects();
    let check = std::env::var_os("BODO_CHECK_LEAKS").is_some();
    mpi_env::finalize();
    if check && leaked != 0 {
        eprintln!("bodo runtime: {leaked} objects still alive at exit (a reference-counting leak)");
        return 3;
    }
    0
}

/// Writes buffered stdout now (an addition to the contract, e.g. for `flush=True`).
#[no_mangle]
pub extern "C" fn bodo_flush() {
    print::flush();
}

/// Null- and immortal-safe; frees (and releases children) at zero.
#[no_mangle]
pub unsafe extern "C" fn bodo_decref(p: *mut Header) {
    object::decref(p);
}

#[no_mangle]
pub extern "C" fn bodo_get_rank() -> i64 {
    mpi_env::rank()
}

#[no_mangle]
pub extern "C" fn bodo_get_size() -> i64 {
    mpi_env::size()
}

#[no_mangle]
pub extern "C" fn bodo_barrier() {
    mpi_env::barrier();
}

/// `time.perf_counter()`: monotonic seconds.
#[no_mangle]
pub extern "C" fn bodo_perf_counter() -> f64 {
    mpi_env::perf_counter()
}

/// `sys.argv` as a new `list[str]`.
#[no_mangle]
pub extern "C" fn bodo_argv() -> List {
    let args: Vec<&str> = mpi_env::argv().iter().map(String::as_str).collect();
    pystr::str_list(&args)
}

// ------------------------------------------------------------------- errors

/// Sets the pending exception `class(msg)`; `msg` may be null (no message).
#[no_mangle]
pub unsafe extern "C" fn bodo_raise(class: i64, msg: *mut StrObj) {
    object::incref(msg as *mut Header);
    errors::raise_owned(errors::new_exc(class, msg));
}

/// pandas' check of a Series' labels against its values.
#[no_mangle]
pub extern "C" fn bodo_check_index_len(values: i64, labels: i64) {
    if values != labels {
        errors::raise(errors::PyErr::new(
            bodo_abi::exc::VALUE_ERROR,
            format!("Length of values ({values}) does not match length of index ({labels})"),
        ));
    }
}

/// Releases the `n` objects (null allowed) of a function's owned locals.
#[no_mangle]
pub unsafe extern "C" fn bodo_decref_each(ptrs: *const *mut Header, n: i64) {
    for &p in std::slice::from_raw_parts(ptrs, n.max(0) as usize) {
        object::decref(p);
    }
}

/// Re-raises an existing exception object.
#[no_mangle]
pub unsafe extern "C" fn bodo_raise_exc(e: *mut ExcObj) {
    errors::raise_borrowed(e);
}

/// Records the source line of the pending exception (the first one sticks).
#[no_mangle]
pub extern "C" fn bodo_err_set_line(line: i64) {
    errors::set_line(line);
}

/// Whether the pending exception is `class` or a subclass.
#[no_mangle]
pub extern "C" fn bodo_err_matches(class: i64) -> i8 {
    errors::matches(class) as i8
}

/// A pending np.dot shape mismatch raised for `a @ b` (or `np.matmul`)
/// reworded as NumPy's matmul words it; any other exception is left as is.
#[no_mangle]
pub extern "C" fn bodo_err_as_matmul() {
    let Some((class, line, msg)) = errors::pending_parts() else { return };
    if class != bodo_abi::exc::VALUE_ERROR {
        return;
    }
    if let Some(reworded) = array::matmul_wording(&msg) {
        // SAFETY: the fetched exception is owned here.
        unsafe { object::decref(errors::fetch() as *mut Header) };
        errors::raise_at(class, line, &reworded);
    }
}

/// Takes the pending exception (owned) and clears the flag.
#[no_mangle]
pub extern "C" fn bodo_err_fetch() -> *mut ExcObj {
    errors::fetch()
}

/// A new exception object `class(msg)`; `msg` may be null (no argument).
/// `shown` is 1 when `msg` is the `str` of one argument that is not a str
/// (`ValueError(3)`), whose repr it then also is.
#[no_mangle]
pub unsafe extern "C" fn bodo_exc_new(class: i64, msg: *mut StrObj, shown: i8) -> *mut ExcObj {
    object::incref(msg as *mut Header);
    let e = errors::new_exc(class, msg);
    if shown != 0 {
        (*e).args = object::ExcArgs::Repr;
    }
    e
}

/// `class(*args)` of several arguments: the message (`str(e)`) is the
/// repr of their tuple `args` of type `t`, as in CPython.
///
/// # Safety
/// `args` is a live tuple of type `t`.
#[no_mangle]
pub unsafe extern "C" fn bodo_exc_new_args(class: i64, args: u64, t: Desc) -> *mut ExcObj {
    let e = errors::new_exc(class, new_str(&generic::repr(args, d(t))));
    (*e).args = object::ExcArgs::Several;
    e
}

/// An exception escaped the program: print `FILE:LINE: Name: message` once
/// to stderr, flush stdout, and end every rank with status 1. An escaping
/// `SystemExit` exits like CPython: silently with an integer (or no)
/// message as the status, else printing the message with status 1.
#[no_mangle]
pub extern "C" fn bodo_err_report_and_exit() -> ! {
    let e = errors::escaped(mpi_env::script());
    mpi_env::exit_with(e.report.as_deref(), e.status)
}

// ------------------------------------------------------ printing/conversion

/// Python `print`: str() of each value, `sep`/`end` default to " "/"\n";
/// rank 0 only unless `all_ranks`.
#[no_mangle]
pub unsafe extern "C" fn bodo_print(
    vals: *const u64,
    descs: *const Desc,
    n: i64,
    sep: *const StrObj,
    end: *const StrObj,
    dest: i64,
) {
    let vals = slots(vals, n);
    let descs: Vec<&TypeDesc> = (0..vals.len()).map(|i| d(*descs.add(i))).collect();
    print::print(vals, &descs, opt_s(sep), opt_s(end), dest);
}

/// Python `str(v)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str(v: u64, t: Desc) -> Str {
    match d(t).kind {
        kind::STR => {
            object::incref(v as *mut Header);
            v as Str
        }
        kind::INT => {
            let mut buf = [0; 40];
            let text = format::int_str(v as i64, &mut buf);
            pystr::new_str_counted(text, text.len())
        }
        _ => new_str(&generic::str(v, d(t))),
    }
}

/// Python `repr(v)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_repr(v: u64, t: Desc) -> Str {
    new_str(&generic::repr(v, d(t)))
}

/// An f-string's text from its `n` pieces (see `fstring::Pieces`): value
/// slots, their descriptors, format specs (null: none) and conversions.
#[no_mangle]
pub unsafe extern "C" fn bodo_fstring(
    values: *const u64,
    descs: *const Desc,
    specs: *const *const StrObj,
    convs: *const u64,
    n: i64,
) -> Str {
    let pieces = fstring_pieces(values, descs, specs, convs, n);
    check(fstring::with_scratch(|text| {
        fstring::render(text, &pieces)?;
        let nchars = if text.is_ascii() { text.len() } else { text.chars().count() };
        Ok(pystr::new_str_counted(text, nchars))
    }))
}

/// The `n` pieces of an f-string as generated code passes them.
unsafe fn fstring_pieces<'a>(
    values: *const u64,
    descs: *const Desc,
    specs: *const *const StrObj,
    convs: *const u64,
    n: i64,
) -> fstring::Pieces<'a> {
    let n = n.max(0) as usize;
    fstring::Pieces {
        values: std::slice::from_raw_parts(values, n),
        // Descriptor pointers from generated code are never null, so they
        // are references already.
        descs: std::slice::from_raw_parts(descs as *const &TypeDesc, n),
        specs: std::slice::from_raw_parts(specs, n),
        convs: std::slice::from_raw_parts(convs, n),
    }
}

/// A string builder standing for a list built only to be joined
/// (`str_builder.rs`).
#[no_mangle]
pub extern "C" fn bodo_strbuf_new() -> *mut u8 {
    str_builder::new() as *mut u8
}

/// `parts.append(s)` on a builder whose join puts `sep` between parts.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_push(b: *mut u8, sep: *const StrObj, p: *const StrObj) {
    str_builder::push(b as *mut str_builder::BuilderObj, sep, p)
}

/// `parts.append(w)` on a builder `b` of a str variable `w` accumulated in
/// the builder `acc` (`w += piece` in a loop).
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_push_acc(b: *mut u8, sep: *const StrObj, acc: *const u8) {
    str_builder::push_builder(b as *mut str_builder::BuilderObj, sep, acc as *const str_builder::BuilderObj)
}

/// `w = s` for an accumulated str variable: its builder (new when `acc` is
/// null) holding `s`'s text alone.
#[no_mangle]
pub unsafe extern "C" fn bodo_stracc_set(acc: *mut u8, s: *const StrObj) -> *mut u8 {
    str_builder::set(acc as *mut str_builder::BuilderObj, s) as *mut u8
}

/// A read of an accumulated str variable: its text as a new string.
#[no_mangle]
pub unsafe extern "C" fn bodo_stracc_str(acc: *const u8) -> Str {
    str_builder::text_copy(acc as *const str_builder::BuilderObj)
}

/// `parts.append(f"...")` on a builder: the f-string's pieces as
/// [`bodo_fstring`] takes them.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_push_fstring(
    b: *mut u8,
    sep: *const StrObj,
    values: *const u64,
    descs: *const Desc,
    specs: *const *const StrObj,
    convs: *const u64,
    n: i64,
) {
    let pieces = fstring_pieces(values, descs, specs, convs, n);
    check(str_builder::push_fstring(b as *mut str_builder::BuilderObj, sep, &pieces))
}

/// Room for `more` bytes after a builder's text (its pieces then appended
/// unchecked by generated code).
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_room(b: *mut u8, more: i64) {
    str_builder::reserve(b as *mut str_builder::BuilderObj, more.max(0) as usize)
}

/// Appends the text of `s` to a builder (no separator, no new part).
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_text(b: *mut u8, s: *const StrObj) {
    str_builder::append_text(b as *mut str_builder::BuilderObj, as_str(s), (*s).nchars as usize)
}

/// Starts a new part of a builder whose join puts `sep` between parts.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_sep(b: *mut u8, sep: *const StrObj) {
    str_builder::begin_part(b as *mut str_builder::BuilderObj, sep)
}

/// Appends the decimal digits of `x` to a builder.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_int(b: *mut u8, x: i64) {
    str_builder::append_int(b as *mut str_builder::BuilderObj, x)
}

/// Appends an int or float (its bits) formatted by the plain spec of the
/// conversion word `conv` (`bodo_abi::fconv::Plain`) to a builder.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_plain(b: *mut u8, v: u64, conv: i64) {
    check(str_builder::append_plain(b as *mut str_builder::BuilderObj, v, conv as u64))
}

/// `sep.join(parts)` of a builder: the joined string.
#[no_mangle]
pub unsafe extern "C" fn bodo_strbuf_finish(b: *mut u8) -> Str {
    str_builder::finish(b as *mut str_builder::BuilderObj)
}

/// `int(s)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_to_int(p: *const StrObj) -> i64 {
    check(pystr::to_int(s(p)))
}

/// `int(s, base)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_to_int_base(p: *const StrObj, base: i64) -> i64 {
    check(pystr::to_int_base(s(p), base))
}

/// `float(s)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_to_float(p: *const StrObj) -> f64 {
    check(pystr::to_float(s(p)))
}

/// `int(x)` for a float (truncation).
#[no_mangle]
pub extern "C" fn bodo_float_to_int(x: f64) -> i64 {
    check(numeric::float_to_int(x))
}

/// `round(x)`: half to even.
#[no_mangle]
pub extern "C" fn bodo_round_int(x: f64) -> i64 {
    check(numeric::round_int(x))
}

/// `round(x, ndigits)` for an int.
#[no_mangle]
pub extern "C" fn bodo_round_int_digits(x: i64, ndigits: i64) -> i64 {
    numeric::round_int_digits(x, ndigits)
}

/// `round(x, ndigits)`, correctly rounded as CPython.
#[no_mangle]
pub extern "C" fn bodo_round_float(x: f64, ndigits: i64) -> f64 {
    format::round_float(x, ndigits)
}

/// `a ** b` for ints (`b >= 0`; wrapping).
#[no_mangle]
pub extern "C" fn bodo_int_pow(a: i64, b: i64) -> i64 {
    check(numeric::int_pow(a, b))
}

/// `a ** b` of int64 array elements (a negative exponent is noted for
/// `bodo_np_pow_check`).
#[no_mangle]
pub extern "C" fn bodo_np_int_pow(a: i64, b: i64) -> i64 {
    numeric::np_int_pow(a, b)
}

/// After a loop of `bodo_np_int_pow`: NumPy's ValueError if an exponent was
/// negative (on any rank: collective when `distributed` is 1).
#[no_mangle]
pub extern "C" fn bodo_np_pow_check(distributed: i64) {
    check(numeric::np_pow_check(distributed != 0))
}

/// `a ** b` for floats.
#[no_mangle]
pub extern "C" fn bodo_float_pow(a: f64, b: f64) -> f64 {
    check(numeric::float_pow(a, b))
}

/// `a % b` for floats.
#[no_mangle]
pub extern "C" fn bodo_float_mod(a: f64, b: f64) -> f64 {
    check(numeric::float_mod(a, b))
}

/// `a // b` for floats.
#[no_mangle]
pub extern "C" fn bodo_float_floordiv(a: f64, b: f64) -> f64 {
    check(numeric::float_floordiv(a, b))
}

/// `math.sqrt(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_sqrt(x: f64) -> f64 {
    check(numeric::math1(Math1::Sqrt, x))
}

/// `math.log(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_log(x: f64) -> f64 {
    check(numeric::math1(Math1::Log, x))
}

/// `math.log10(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_log10(x: f64) -> f64 {
    check(numeric::math1(Math1::Log10, x))
}

/// `math.log2(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_log2(x: f64) -> f64 {
    check(numeric::math1(Math1::Log2, x))
}

/// `math.exp(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_exp(x: f64) -> f64 {
    check(numeric::math1(Math1::Exp, x))
}

/// `math.sin(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_sin(x: f64) -> f64 {
    check(numeric::math1(Math1::Sin, x))
}

/// `math.cos(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_cos(x: f64) -> f64 {
    check(numeric::math1(Math1::Cos, x))
}

/// `math.tan(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_tan(x: f64) -> f64 {
    check(numeric::math1(Math1::Tan, x))
}

/// `math.asin(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_asin(x: f64) -> f64 {
    check(numeric::math1(Math1::Asin, x))
}

/// `math.acos(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_acos(x: f64) -> f64 {
    check(numeric::math1(Math1::Acos, x))
}

/// `math.atan(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_atan(x: f64) -> f64 {
    check(numeric::math1(Math1::Atan, x))
}

/// `math.sinh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_sinh(x: f64) -> f64 {
    check(numeric::math1(Math1::Sinh, x))
}

/// `math.cosh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_cosh(x: f64) -> f64 {
    check(numeric::math1(Math1::Cosh, x))
}

/// `math.tanh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_tanh(x: f64) -> f64 {
    check(numeric::math1(Math1::Tanh, x))
}

/// `math.fabs(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_fabs(x: f64) -> f64 {
    check(numeric::math1(Math1::Fabs, x))
}

/// `math.log1p(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_log1p(x: f64) -> f64 {
    check(numeric::math1(Math1::Log1p, x))
}

/// `math.expm1(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_expm1(x: f64) -> f64 {
    check(numeric::math1(Math1::Expm1, x))
}

/// `math.atan2(y, x)`.
#[no_mangle]
pub extern "C" fn bodo_math_atan2(y: f64, x: f64) -> f64 {
    numeric::atan2(y, x)
}

/// `math.pow(x, y)`.
#[no_mangle]
pub extern "C" fn bodo_math_pow(x: f64, y: f64) -> f64 {
    check(numeric::math_pow(x, y))
}

/// `math.hypot(x, y)`.
#[no_mangle]
pub extern "C" fn bodo_math_hypot(x: f64, y: f64) -> f64 {
    numeric::hypot(x, y)
}

/// `math.fmod(x, y)`.
#[no_mangle]
pub extern "C" fn bodo_math_fmod(x: f64, y: f64) -> f64 {
    check(numeric::fmod(x, y))
}

/// `math.log(x, base)`.
#[no_mangle]
pub extern "C" fn bodo_math_log_base(x: f64, base: f64) -> f64 {
    check(numeric::log_base(x, base))
}

/// `math.floor(x)` as an int.
#[no_mangle]
pub extern "C" fn bodo_math_floor(x: f64) -> i64 {
    check(numeric::floor(x))
}

/// `math.ceil(x)` as an int.
#[no_mangle]
pub extern "C" fn bodo_math_ceil(x: f64) -> i64 {
    check(numeric::ceil(x))
}

#[no_mangle]
pub extern "C" fn bodo_math_isnan(x: f64) -> i8 {
    x.is_nan() as i8
}

#[no_mangle]
pub extern "C" fn bodo_math_isinf(x: f64) -> i8 {
    x.is_infinite() as i8
}

#[no_mangle]
pub extern "C" fn bodo_math_isfinite(x: f64) -> i8 {
    x.is_finite() as i8
}

/// `float.is_integer()`: finite with no fractional part.
#[no_mangle]
pub extern "C" fn bodo_float_is_integer(x: f64) -> i8 {
    (x.is_finite() && x.trunc() == x) as i8
}

/// `int.bit_length()`: the bits of `abs(n)` without leading zeros.
#[no_mangle]
pub extern "C" fn bodo_int_bit_length(n: i64) -> i64 {
    (64 - n.unsigned_abs().leading_zeros()) as i64
}

/// `math.gcd(a, b)`.
#[no_mangle]
pub extern "C" fn bodo_math_gcd(a: i64, b: i64) -> i64 {
    numeric::gcd(a, b)
}

/// `math.lcm(a, b)`.
#[no_mangle]
pub extern "C" fn bodo_math_lcm(a: i64, b: i64) -> i64 {
    numeric::lcm(a, b)
}

/// `math.factorial(n)`.
#[no_mangle]
pub extern "C" fn bodo_math_factorial(n: i64) -> i64 {
    check(numeric::factorial(n))
}

/// `pow(a, b, m)` for ints.
#[no_mangle]
pub extern "C" fn bodo_int_powmod(a: i64, b: i64, m: i64) -> i64 {
    check(numeric::int_powmod(a, b, m))
}

/// `math.isqrt(n)`.
#[no_mangle]
pub extern "C" fn bodo_math_isqrt(n: i64) -> i64 {
    check(numeric::isqrt(n))
}

/// `math.comb(n, k)`.
#[no_mangle]
pub extern "C" fn bodo_math_comb(n: i64, k: i64) -> i64 {
    check(numeric::comb(n, k))
}

/// `math.perm(n, k)`.
#[no_mangle]
pub extern "C" fn bodo_math_perm(n: i64, k: i64) -> i64 {
    check(numeric::perm(n, k))
}

/// `math.isclose(a, b, rel_tol=, abs_tol=)`.
#[no_mangle]
pub extern "C" fn bodo_math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> i8 {
    check(numeric::isclose(a, b, rel_tol, abs_tol).map(i8::from))
}

/// `math.copysign(x, y)`.
#[no_mangle]
pub extern "C" fn bodo_math_copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.degrees(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_degrees(x: f64) -> f64 {
    check(numeric::math1(Math1::Degrees, x))
}

/// `math.radians(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_radians(x: f64) -> f64 {
    check(numeric::math1(Math1::Radians, x))
}

/// `math.asinh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_asinh(x: f64) -> f64 {
    check(numeric::math1(Math1::Asinh, x))
}

/// `math.acosh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_acosh(x: f64) -> f64 {
    check(numeric::math1(Math1::Acosh, x))
}

/// `math.atanh(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_atanh(x: f64) -> f64 {
    check(numeric::math1(Math1::Atanh, x))
}

/// `math.cbrt(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_cbrt(x: f64) -> f64 {
    check(numeric::math1(Math1::Cbrt, x))
}

/// `math.exp2(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_exp2(x: f64) -> f64 {
    check(numeric::math1(Math1::Exp2, x))
}

/// `math.erf(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_erf(x: f64) -> f64 {
    check(numeric::math1(Math1::Erf, x))
}

/// `math.erfc(x)` with CPython's errors.
#[no_mangle]
pub extern "C" fn bodo_math_erfc(x: f64) -> f64 {
    check(numeric::math1(Math1::Erfc, x))
}

/// `type(e).__name__` of an exception object.
#[no_mangle]
pub unsafe extern "C" fn bodo_exc_type_name(e: *const ExcObj) -> Str {
    pystr::new_str(errors::class_name((*e).class))
}

/// Start of a parallel loop whose body prints: each rank holds its lines.
#[no_mangle]
pub extern "C" fn bodo_prange_print_begin() {
    print::capture_begin();
}

/// Collective, where that loop ends: the held lines of every rank, in rank
/// order (the loop's iteration order), printed by rank 0.
#[no_mangle]
pub extern "C" fn bodo_prange_print_end() {
    if let Err(e) = print::capture_end() {
        errors::raise(e);
    }
}

/// End of a parallel loop: the ranks agree on an exception any of them
/// raised in it (collective; see `array::agree_on_exception`).
#[no_mangle]
pub extern "C" fn bodo_prange_agree() {
    if let Err(e) = array::agree_on_exception() {
        errors::raise(e);
    }
}

// ------------------------------------------------------------------ generic

/// Python `a == b` for values of type `t`.
#[no_mangle]
pub unsafe extern "C" fn bodo_eq(a: u64, b: u64, t: Desc) -> i8 {
    generic::eq(a, b, d(t)) as i8
}

/// Python `a op b` (`op` a `bodo_abi::order_op`) for values of type `t`.
#[no_mangle]
pub unsafe extern "C" fn bodo_compare(a: u64, b: u64, t: Desc, op: i64) -> i8 {
    check(generic::compare(a, b, d(t), op).map(i8::from))
}

/// Python `hash(a)` (TypeError if unhashable).
#[no_mangle]
pub unsafe extern "C" fn bodo_hash(a: u64, t: Desc) -> i64 {
    check(generic::hash(a, d(t)))
}

/// `len(p)` for str (code points), list, tuple, dict and set.
#[no_mangle]
pub unsafe extern "C" fn bodo_len(p: *const Header) -> i64 {
    generic::len(p)
}

// ---------------------------------------------------------------------- str

/// A new string from `len` bytes of UTF-8.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_new(data: *const u8, len: i64) -> Str {
    if len <= 0 || data.is_null() {
        return new_str("");
    }
    pystr::from_bytes(std::slice::from_raw_parts(data, len as usize))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_concat(a: *const StrObj, b: *const StrObj) -> Str {
    pystr::concat_objs(a, b)
}

/// `a += b` on a str variable: takes the variable's reference to `a` and
/// returns the new value's (in place when `a` was not shared).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_append(a: Str, b: *const StrObj) -> Str {
    pystr::append(a, b)
}

/// `s * n`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_repeat(p: *const StrObj, n: i64) -> Str {
    check(pystr::repeat(p, n))
}

/// `s[i]`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_getitem(p: *const StrObj, i: i64) -> Str {
    check(pystr::getitem(p, i))
}

/// `s[start:stop:step]` (omitted bounds = SLICE_NONE).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_slice(p: *const StrObj, start: i64, stop: i64, step: i64) -> Str {
    check(pystr::slice(p, start, stop, step))
}

/// `a == b`; a missing value of a str column (null, NaN to pandas) equals
/// nothing, itself included, so `s != s` finds the missing values (`isna`).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_eq(a: *const StrObj, b: *const StrObj) -> i8 {
    (!a.is_null() && !b.is_null() && s(a) == s(b)) as i8
}

/// Code-point order comparison: -1, 0 or 1.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_cmp(a: *const StrObj, b: *const StrObj) -> i64 {
    s(a).cmp(s(b)) as i64
}

/// `needle in hay`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_contains(hay: *const StrObj, needle: *const StrObj) -> i8 {
    s(hay).contains(s(needle)) as i8
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_upper(p: *const StrObj) -> Str {
    pystr::upper(p)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_lower(p: *const StrObj) -> Str {
    pystr::lower(p)
}

/// `s.upper()` (`upper` 1) or `s.lower()` of a temporary whose reference
/// passes in: changed in place when unshared.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_case_owned(p: Str, upper: i8) -> Str {
    pystr::case_owned(p, upper != 0)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_capitalize(p: *const StrObj) -> Str {
    new_str(&pystr::capitalize(s(p)))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_title(p: *const StrObj) -> Str {
    new_str(&pystr::title(s(p)))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_swapcase(p: *const StrObj) -> Str {
    new_str(&pystr::swapcase(s(p)))
}

/// `s.strip(chars)`; null `chars` strips whitespace.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_strip(p: *const StrObj, chars: *const StrObj) -> Str {
    new_str(pystr::strip(s(p), opt_s(chars), Ends::Both))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_lstrip(p: *const StrObj, chars: *const StrObj) -> Str {
    new_str(pystr::strip(s(p), opt_s(chars), Ends::Left))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_rstrip(p: *const StrObj, chars: *const StrObj) -> Str {
    new_str(pystr::strip(s(p), opt_s(chars), Ends::Right))
}

/// `s.split(sep, maxsplit)`; null `sep` splits on whitespace, -1 = no limit.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_split(p: *const StrObj, sep: *const StrObj, maxsplit: i64) -> List {
    check(pystr::split_obj(p, sep, maxsplit, false))
}

/// The end (byte offset) of the piece of `s.split(sep)` starting at byte
/// `pos` (null `sep`: a whitespace split).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_split_end(p: *const StrObj, sep: *const StrObj, pos: i64) -> i64 {
    check(pystr::split_piece_end(p, sep, pos as usize).map(|e| e as i64))
}

/// Where the next piece of `s.split()` starts, looking from byte `pos`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_skip_space(p: *const StrObj, pos: i64) -> i64 {
    pystr::skip_space(p, pos as usize) as i64
}

/// Bytes `start..end` of `s` (from the two calls above) as a new string.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_byte_piece(p: *const StrObj, start: i64, end: i64) -> Str {
    pystr::byte_piece(p, start as usize, end as usize)
}

/// Where the pieces of `s[lo:hi].split(sep)` lie: the start and end of the
/// first `cap` written to `out`; returns how many pieces there are.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_split_bounds(
    p: *const StrObj,
    sep: *const StrObj,
    lo: i64,
    hi: i64,
    out: *mut i64,
    cap: i64,
) -> i64 {
    let out = std::slice::from_raw_parts_mut(out, 2 * cap.max(0) as usize);
    check(str_pieces::split_bounds(p, sep, lo as usize, hi as usize, out))
}

/// `float(s[lo:hi])` of a piece kept as bytes.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_piece_to_float(p: *const StrObj, lo: i64, hi: i64) -> f64 {
    check(str_pieces::to_float_piece(p, lo as usize, hi as usize))
}

/// `s[lo:hi].replace(old, new)` of a piece kept as bytes.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_piece_replace(
    p: *const StrObj,
    lo: i64,
    hi: i64,
    old: *const StrObj,
    new: *const StrObj,
) -> Str {
    str_pieces::replace_piece(p, lo as usize, hi as usize, old, new)
}

/// A new string of `len` bytes and `nchars` code points whose text and
/// NUL the caller writes: the result of an inline `replace`
/// (`codegen/func/replace_lit.rs`). Its block holds the header and
/// `len + 1` bytes rounded up to 8.
#[no_mangle]
pub extern "C" fn bodo_str_alloc(len: i64, nchars: i64) -> Str {
    crate::str::StrWriter::new(len as usize, nchars as usize).unfilled()
}

/// The calling thread's heap state, whose free lists generated code pops
/// and pushes inline (`thread_heap.rs`).
#[no_mangle]
pub extern "C" fn bodo_thread_heap() -> *const crate::thread_heap::ThreadHeap {
    crate::thread_heap::get()
}

/// `int(s[lo:hi])` of a piece kept as bytes.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_piece_to_int(p: *const StrObj, lo: i64, hi: i64) -> i64 {
    check(str_pieces::to_int_piece(p, lo as usize, hi as usize))
}

/// `s[lo:hi] == other` of a piece kept as bytes.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_piece_eq(p: *const StrObj, lo: i64, hi: i64, other: *const StrObj) -> i8 {
    (!other.is_null() && str_pieces::piece(p, lo as usize, hi as usize) == s(other)) as i8
}

/// `s.rsplit(sep, maxsplit)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_rsplit(p: *const StrObj, sep: *const StrObj, maxsplit: i64) -> List {
    check(pystr::split_obj(p, sep, maxsplit, true))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_splitlines(p: *const StrObj, keepends: i8) -> List {
    pystr::pieces_list(p, &pystr::splitlines(s(p), keepends != 0))
}

/// `s.partition(sep)` as a new tuple of type `d`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_partition(p: *const StrObj, sep: *const StrObj, d: Desc) -> Tuple {
    check(pystr::partition(s(p), s(sep), false).map(|parts| str_tuple(d, &parts)))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_rpartition(p: *const StrObj, sep: *const StrObj, d: Desc) -> Tuple {
    check(pystr::partition(s(p), s(sep), true).map(|parts| str_tuple(d, &parts)))
}

/// A new tuple of type `d` holding fresh strings of `parts`.
unsafe fn str_tuple(d: Desc, parts: &[&str]) -> Tuple {
    let items: Vec<u64> = parts.iter().map(|x| new_str(x) as u64).collect();
    let t = tuple::new(d, &items);
    // The tuple took its own references.
    for &x in &items {
        object::decref(x as *mut Header);
    }
    t
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_removeprefix(p: *const StrObj, prefix: *const StrObj) -> Str {
    new_str(s(p).strip_prefix(s(prefix)).unwrap_or(s(p)))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_removesuffix(p: *const StrObj, suffix: *const StrObj) -> Str {
    new_str(s(p).strip_suffix(s(suffix)).unwrap_or(s(p)))
}

/// `str.maketrans(x, y[, z])` (`z` null when omitted) as a new dict of type `d`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_maketrans(x: *const StrObj, y: *const StrObj, z: *const StrObj, d: Desc) -> Dict {
    let z = (!z.is_null()).then(|| s(z));
    check(str_translate::maketrans(s(x), s(y), z, d))
}

/// `s.translate(table)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_translate(p: *const StrObj, table: Dict) -> Str {
    check(str_translate::translate(s(p), table))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_expandtabs(p: *const StrObj, tabsize: i64) -> Str {
    new_str(&pystr::expandtabs(s(p), tabsize))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_casefold(p: *const StrObj) -> Str {
    new_str(&str_classes::casefold(s(p)))
}

/// `sep.join(items)` for a list of str.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_join(sep: *const StrObj, items: *const ListObj) -> Str {
    pystr::join(sep, items)
}

/// `s.replace(old, new, count)`; -1 = all.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_replace(p: *const StrObj, old: *const StrObj, new: *const StrObj, count: i64) -> Str {
    pystr::replace_obj(p, old, new, count)
}

/// The str, or each str of the tuple, an affix of `startswith`/`endswith`.
unsafe fn affixes<'a>(affix: *const u8, is_tuple: i8) -> Vec<&'a str> {
    if is_tuple != 0 {
        tuple::items(affix as *const TupleObj).iter().map(|&x| s(x as *const StrObj)).collect()
    } else {
        vec![s(affix as *const StrObj)]
    }
}

/// `s.startswith(prefix, start, end)`; `prefix` is a str or (`is_tuple`) a tuple of str.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_startswith(
    p: *const StrObj,
    prefix: *const u8,
    is_tuple: i8,
    start: i64,
    end: i64,
) -> i8 {
    let n = (*p).nchars as usize;
    affixes(prefix, is_tuple).iter().any(|x| pystr::tailmatch(s(p), n, x, start, end, false)) as i8
}

/// `s.endswith(suffix, start, end)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_endswith(
    p: *const StrObj,
    suffix: *const u8,
    is_tuple: i8,
    start: i64,
    end: i64,
) -> i8 {
    let n = (*p).nchars as usize;
    affixes(suffix, is_tuple).iter().any(|x| pystr::tailmatch(s(p), n, x, start, end, true)) as i8
}

/// `s.find(sub, start, end)`: code-point index or -1.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_find(p: *const StrObj, sub: *const StrObj, start: i64, end: i64) -> i64 {
    pystr::find_obj(p, s(sub), start, end, false)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_rfind(p: *const StrObj, sub: *const StrObj, start: i64, end: i64) -> i64 {
    pystr::find_obj(p, s(sub), start, end, true)
}

/// Like find, but ValueError "substring not found".
#[no_mangle]
pub unsafe extern "C" fn bodo_str_index(p: *const StrObj, sub: *const StrObj, start: i64, end: i64) -> i64 {
    check(pystr::index_of(p, s(sub), start, end, false))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_rindex(p: *const StrObj, sub: *const StrObj, start: i64, end: i64) -> i64 {
    check(pystr::index_of(p, s(sub), start, end, true))
}

/// Non-overlapping occurrences of `sub`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_count(p: *const StrObj, sub: *const StrObj, start: i64, end: i64) -> i64 {
    pystr::count(s(p), (*p).nchars as usize, s(sub), start, end)
}

/// `str.isdigit()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isdigit(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Digit) as i8
}

/// `str.isalpha()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isalpha(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Alpha) as i8
}

/// `str.isalnum()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isalnum(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Alnum) as i8
}

/// `str.isspace()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isspace(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Space) as i8
}

/// `str.isupper()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isupper(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Upper) as i8
}

/// `str.islower()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_islower(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Lower) as i8
}

/// `str.istitle()`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_istitle(p: *const StrObj) -> i8 {
    str_classes::is_title(s(p)) as i8
}

/// `str.isdecimal()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isdecimal(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Decimal) as i8
}

/// `str.isnumeric()` (false when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isnumeric(p: *const StrObj) -> i8 {
    pystr::is_class(s(p), Class::Numeric) as i8
}

/// `str.isascii()` (true when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_str_isascii(p: *const StrObj) -> i8 {
    s(p).is_ascii() as i8
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_zfill(p: *const StrObj, width: i64) -> Str {
    new_str(&pystr::zfill(s(p), (*p).nchars as usize, width))
}

unsafe fn justify(p: *const StrObj, width: i64, fill: *const StrObj, how: Justify) -> Str {
    check(pystr::justify(s(p), (*p).nchars as usize, width, opt_s(fill), how).map(|r| new_str(&r)))
}

/// `s.center(width, fill)`; null `fill` = space.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_center(p: *const StrObj, width: i64, fill: *const StrObj) -> Str {
    justify(p, width, fill, Justify::Center)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_ljust(p: *const StrObj, width: i64, fill: *const StrObj) -> Str {
    justify(p, width, fill, Justify::Left)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_str_rjust(p: *const StrObj, width: i64, fill: *const StrObj) -> Str {
    justify(p, width, fill, Justify::Right)
}

/// `ord(s)`.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_ord(p: *const StrObj) -> i64 {
    check(pystr::ord(s(p), (*p).nchars as usize))
}

/// `chr(i)`.
#[no_mangle]
pub extern "C" fn bodo_chr(i: i64) -> Str {
    check(pystr::chr(i))
}

/// `list(s)`: one-character strings.
#[no_mangle]
pub unsafe extern "C" fn bodo_str_chars(p: *const StrObj) -> List {
    pystr::chars(s(p))
}

// --------------------------------------------------------------------- list

/// An empty list of type `t` with capacity `cap`.
#[no_mangle]
pub extern "C" fn bodo_list_new(t: Desc, cap: i64) -> List {
    list::new(t, cap)
}

/// Room for `n` more items in `l` (a comprehension over a range or a list,
/// before its appends).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_reserve(l: List, n: i64) {
    list::reserve(l, n);
}

/// `zip(*rows)`: a list of type `out` of the columns of `rows`, each a
/// run-time-length tuple of type `col`.
#[no_mangle]
pub unsafe extern "C" fn bodo_zip_rows(rows: List, out: Desc, col: Desc) -> List {
    crate::zip_rows::zip_rows(rows, out, col)
}

/// A list of type `t` from `n` borrowed slots.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_from_slots(t: Desc, vals: *const u64, n: i64) -> List {
    list::from_slots(t, slots(vals, n))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_append(l: List, v: u64) {
    list::append(l, v);
}

/// `l[i]` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_getitem(l: List, i: i64) -> u64 {
    check(list::getitem(l, i))
}

/// `l.pop(i)` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_pop(l: List, i: i64) -> u64 {
    check(list::pop(l, i))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_insert(l: List, i: i64, v: u64) {
    list::insert(l, i, v);
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_remove(l: List, v: u64) {
    check(list::remove(l, v));
}

/// `l.index(v, start, stop)` (`SLICE_NONE` for an omitted stop).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_index(l: List, v: u64, start: i64, stop: i64) -> i64 {
    check(list::index_of(l, v, start, stop))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_extend(l: List, other: List) {
    list::extend(l, other);
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_clear(l: List) {
    list::clear(l);
}

/// `l[:] = other` (`l.sort(key=...)` stores the sorted copy back).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_replace(l: List, other: List) {
    list::clear(l);
    list::extend(l, other);
}

/// `l *= n` in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_repeat_in_place(l: List, n: i64) {
    check(list::repeat_in_place(l, n))
}

/// `l[start:stop:step]`.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_slice(l: List, start: i64, stop: i64, step: i64) -> List {
    check(list::slice(l, start, stop, step))
}

/// `l[start:stop:step] = other`.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_set_slice(l: List, start: i64, stop: i64, step: i64, other: List) {
    check(list::set_slice(l, start, stop, step, other))
}

/// `del l[start:stop:step]`.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_del_slice(l: List, start: i64, stop: i64, step: i64) {
    check(list::del_slice(l, start, stop, step))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_concat(a: List, b: List) -> List {
    list::concat(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_repeat(l: List, n: i64) -> List {
    check(list::repeat(l, n))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_copy(l: List) -> List {
    list::copy(l)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_contains(l: List, v: u64) -> i8 {
    list::contains(l, v) as i8
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_count(l: List, v: u64) -> i64 {
    list::count(l, v)
}

/// Stable in-place sort by `<`.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_sort(l: List, reverse: i8) {
    check(list::sort(l, reverse != 0));
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_reverse(l: List) {
    list::reverse(l);
}

/// A reversed copy.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_reversed(l: List) -> List {
    list::reversed(l)
}

/// `min(l)` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_min(l: List) -> u64 {
    check(list::min_max(l, false))
}

/// `max(l)` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_list_max(l: List) -> u64 {
    check(list::min_max(l, true))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_sum_int(l: List) -> i64 {
    list::sum_int(l)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_sum_float(l: List) -> f64 {
    list::sum_float(l)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_list_eq(a: List, b: List) -> i8 {
    list::eq(a, b) as i8
}

// -------------------------------------------------------------------- tuple

/// A tuple of type `t` from `n` borrowed slots.
#[no_mangle]
pub unsafe extern "C" fn bodo_tuple_new(t: Desc, vals: *const u64, n: i64) -> *mut TupleObj {
    tuple::new(t, slots(vals, n))
}

/// `r["field"] = v` on a record: stores borrowed slot `v` as field `i`.
#[no_mangle]
pub unsafe extern "C" fn bodo_record_set(r: *mut TupleObj, i: i64, v: u64) {
    tuple::set(r, i as usize, v)
}

// --------------------------------------------------------------------- dict

#[no_mangle]
pub extern "C" fn bodo_dict_new(t: Desc) -> Dict {
    dict::new(t)
}

/// `m[k] = v`.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_setitem(m: Dict, k: u64, v: u64) {
    check(dict::setitem(m, k, v));
}

/// `m[k]` (owned; KeyError with repr(k)).
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_getitem(m: Dict, k: u64) -> u64 {
    check(dict::getitem(m, k))
}

/// `m.get(k, default)` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_get(m: Dict, k: u64, default: u64) -> u64 {
    check(dict::get(m, k, default))
}

/// Where `m[k]`'s value lives (null: missing), for an update in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_value_slot(m: Dict, k: u64) -> *mut u64 {
    check(dict::value_slot(m, k))
}

/// Where the value of the key equal to bytes `start..stop` of `s` lives
/// in a dict of str keys (null: missing): a split piece probed without
/// making it a string.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_piece_value_slot(m: Dict, s: *const StrObj, start: i64, stop: i64) -> *mut u64 {
    dict::piece_value_slot(m, str_pieces::piece_bytes(s, start as usize, stop as usize))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_dict_contains(m: Dict, k: u64) -> i8 {
    check(dict::contains(m, k).map(i8::from))
}

/// `f(**m)` of a dict of str keys: CPython's TypeError when its keys do not
/// fit the parameters `names` of `func` in their `states` (kwargs.rs).
#[no_mangle]
pub unsafe extern "C" fn bodo_kwargs_check(m: Dict, func: Str, names: Str, states: Str) {
    check(kwargs::check(m, as_str(func), as_str(names), as_str(states)));
}

/// `f(a, *xs)` of a list of `n` items after `first` positional arguments:
/// CPython's TypeError when they do not fit the parameters `names` of
/// `func` in their `states` (kwargs.rs).
#[no_mangle]
pub unsafe extern "C" fn bodo_star_args_check(n: i64, func: Str, first: i64, names: Str, states: Str) {
    check(kwargs::check_count(n, as_str(func), first, as_str(names), as_str(states)));
}

/// `del m[k]`.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_delitem(m: Dict, k: u64) {
    check(dict::delitem(m, k));
}

/// `m.pop(k[, default])` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_pop(m: Dict, k: u64, default: u64, has_default: i8) -> u64 {
    check(dict::pop(m, k, default, has_default != 0))
}

/// `m.setdefault(k, v)` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_setdefault(m: Dict, k: u64, v: u64) -> u64 {
    check(dict::setdefault(m, k, v))
}

/// `m.popitem()` as a `(key, value)` tuple of type `tuple_desc` (owned).
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_popitem(m: Dict, tuple_desc: Desc) -> *mut TupleObj {
    check(dict::popitem(m, tuple_desc))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_dict_update(m: Dict, other: Dict) {
    check(dict::update(m, other));
}

#[no_mangle]
pub unsafe extern "C" fn bodo_dict_clear(m: Dict) {
    dict::clear(m);
}

#[no_mangle]
pub unsafe extern "C" fn bodo_dict_copy(m: Dict) -> Dict {
    check(dict::copy(m))
}

/// `list(m.keys())` with list type `list_desc`.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_keys(m: Dict, list_desc: Desc) -> List {
    dict::to_list(m, list_desc, View::Keys)
}

/// `list(m.values())` with list type `list_desc`.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_values(m: Dict, list_desc: Desc) -> List {
    dict::to_list(m, list_desc, View::Values)
}

/// `list(m.items())`; `list_desc`'s element is the `(key, value)` tuple type.
#[no_mangle]
pub unsafe extern "C" fn bodo_dict_items(m: Dict, list_desc: Desc) -> List {
    dict::to_list(m, list_desc, View::Items)
}

// ---------------------------------------------------------------------- set

#[no_mangle]
pub extern "C" fn bodo_set_new(t: Desc) -> Set {
    set::new(t)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_add(st: Set, v: u64) {
    check(set::add(st, v));
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_contains(st: Set, v: u64) -> i8 {
    check(set::contains(st, v).map(i8::from))
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_discard(st: Set, v: u64) {
    check(set::discard(st, v).map(drop));
}

/// `s.remove(v)` (KeyError with repr(v)).
#[no_mangle]
pub unsafe extern "C" fn bodo_set_remove(st: Set, v: u64) {
    check(set::remove(st, v));
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_union(a: Set, b: Set) -> Set {
    set::union(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_intersection(a: Set, b: Set) -> Set {
    set::intersection(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_difference(a: Set, b: Set) -> Set {
    set::difference(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_symmetric_difference(a: Set, b: Set) -> Set {
    set::symmetric_difference(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_issubset(a: Set, b: Set) -> i8 {
    set::issubset(a, b) as i8
}

/// `a.issuperset(b)` / `a >= b`.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_issuperset(a: Set, b: Set) -> i8 {
    set::issubset(b, a) as i8
}

/// `a < b`: a proper subset.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_lt(a: Set, b: Set) -> i8 {
    set::proper_subset(a, b) as i8
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_isdisjoint(a: Set, b: Set) -> i8 {
    set::isdisjoint(a, b) as i8
}

/// `a.update(b)` in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_update(a: Set, b: Set) {
    set::update(a, b)
}

/// `a.intersection_update(b)` / `a &= b` in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_intersection_update(a: Set, b: Set) {
    set::intersection_update(a, b)
}

/// `a.difference_update(b)` / `a -= b` in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_difference_update(a: Set, b: Set) {
    set::difference_update(a, b)
}

/// `a.symmetric_difference_update(b)` / `a ^= b` in place.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_symmetric_difference_update(a: Set, b: Set) {
    set::symmetric_difference_update(a, b)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_copy(s: Set) -> Set {
    set::copy(s)
}

#[no_mangle]
pub unsafe extern "C" fn bodo_set_clear(s: Set) {
    set::clear(s)
}

/// `s.pop()` (owned; KeyError when empty).
#[no_mangle]
pub unsafe extern "C" fn bodo_set_pop(s: Set) -> u64 {
    check(set::pop(s))
}

/// `list(s)` in iteration order, with list type `list_desc`.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_to_list(st: Set, list_desc: Desc) -> List {
    set::to_list(st, list_desc)
}

/// `set(l)` with set type `t`.
#[no_mangle]
pub unsafe extern "C" fn bodo_set_from_list(t: Desc, l: List) -> Set {
    check(set::from_list(t, l))
}

// ---------------------------------------------------------------------- box

/// Boxes a scalar as a non-None `Optional` of type `t`.
#[no_mangle]
pub extern "C" fn bodo_box_new(t: Desc, v: u64) -> *mut BoxObj {
    boxed::new(t, v)
}

// -------------------------------------------------------------------- arrays

type Arr = *mut ArrObj;

unsafe fn a<'a>(p: Arr) -> &'a ArrObj {
    &*p
}

/// A new array of `len * ncols` elements whose data the caller (a fused
/// loop) writes in full before reading it, so it is not zeroed; ValueError
/// for negative dimensions, MemoryError when too big.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn bodo_arr_new(
    t: Desc,
    dtype: i64,
    ndim: i64,
    len: i64,
    ncols: i64,
    glen: i64,
    offset: i64,
    dist: i64,
) -> Arr {
    check(array::new_unfilled(t, Shape { dtype, ndim, len, ncols, glen, offset, dist }))
}

/// First row of this rank's 1D_Block share of `n` rows.
#[no_mangle]
pub extern "C" fn bodo_block_start(n: i64) -> i64 {
    bodo_abi::block_range(n, mpi_env::rank(), mpi_env::size()).0
}

/// Row count of this rank's 1D_Block share of `n` rows.
#[no_mangle]
pub extern "C" fn bodo_block_count(n: i64) -> i64 {
    bodo_abi::block_range(n, mpi_env::rank(), mpi_env::size()).1
}

/// A REP array of `p`'s shape holding the identity of reduction `op`
/// (0 sum, 1 prod): each rank's start of a prange array reduction.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_identity_like(p: Arr, op: i64) -> Arr {
    check(array::identity_like(a(p), op))
}

/// Collective: `into` updated in place by the ranks' partial arrays `part`
/// combined with reduction `op` (0 sum, 1 prod), where a prange ends.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_fold_ranks(into: Arr, part: Arr, op: i64) {
    check(array::fold_ranks(into, a(part), op));
}

/// Collective: `v` reduced over ranks; op 0 sum, 1 prod, 2 min, 3 max, 4 any, 5 all.
#[no_mangle]
pub extern "C" fn bodo_allreduce_i64(v: i64, op: i64) -> i64 {
    check(array::allreduce_i64(v, op))
}

/// Collective: like `bodo_allreduce_i64` for floats (min/max propagate NaN).
#[no_mangle]
pub extern "C" fn bodo_allreduce_f64(v: f64, op: i64) -> f64 {
    check(array::allreduce_f64(v, op))
}

/// Collective argmax (`is_max`) / argmin: each rank's best value and its
/// global index (-1 if the rank has no elements); the global index of the
/// best, ties to the smallest index, NaN first.
#[no_mangle]
pub extern "C" fn bodo_allreduce_argbest_f64(val: f64, idx: i64, is_max: i64) -> i64 {
    check(array::argbest_f64(val, idx, is_max != 0))
}

/// Collective: like `bodo_allreduce_argbest_f64` for ints.
#[no_mangle]
pub extern "C" fn bodo_allreduce_argbest_i64(val: i64, idx: i64, is_max: i64) -> i64 {
    check(array::argbest_i64(val, idx, is_max != 0))
}

/// Collective: a REP copy of a distributed array (a REP array itself).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_gather(p: Arr) -> Arr {
    check(array::gather(p))
}

/// The whole copy a sequential loop reading an array by element starts
/// with: the array itself where it is whole on this rank, else null
/// (`array::replica_whole`).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_replica_whole(p: Arr) -> Arr {
    array::replica_whole(p)
}

/// After how many collective element reads a loop gathers a whole copy
/// of the array (`array::replica_limit`).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_replica_limit(p: Arr) -> i64 {
    array::replica_limit(a(p))
}

/// This rank's 1D_Block rows of a REP array (a distributed array itself).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_scatter(p: Arr) -> Arr {
    check(array::scatter(p))
}

/// Collective: rows spread in blocks over all ranks (`ndests == 0`,
/// 1D_Block) or over the `dests` ranks in order (1D_Block_Var).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_rebalance(p: Arr, dests: *const i64, ndests: i64) -> Arr {
    let dests = slots(dests as *const u64, ndests);
    let dests: Vec<i64> = dests.iter().map(|&d| d as i64).collect();
    check(array::rebalance(a(p), &dests))
}

/// Collective: `p` with the row layout of `like` (broadcast ValueError if
/// the row counts differ).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_align(p: Arr, like: Arr) -> Arr {
    check(array::align(p, a(like)))
}

/// Collective: `src`'s rows copied into `dst`'s buffer in `dst`'s layout
/// (a callee's writes into a converted array argument).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_write_back(dst: Arr, src: Arr) {
    check(array::write_back(dst, src));
}

/// Collective: `p` laid out for a prange loop led by `like` (row counts may
/// differ; see `array::align_rows`).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_align_rows(p: Arr, like: Arr) -> Arr {
    check(array::align_rows(p, a(like)))
}

/// `p[mask]` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_filter(p: Arr, mask: Arr) -> Arr {
    check(array::filter(a(p), mask))
}

/// The labels of a RangeIndex (`start`, `step`) for the rows of 1D array
/// `p`, laid out as `p`.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_range_labels(p: Arr, start: i64, step: i64) -> Arr {
    check(array::range_labels_like(a(p), start, step))
}

/// Values `v` of a Series whose `n` label levels are `b` laid out as labels
/// `a` once the labels are found equal, else a ValueError (collective).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_labels_aligned(v: Arr, a: *const Arr, b: *const Arr, n: i64) -> Arr {
    let a: Vec<&ArrObj> = std::slice::from_raw_parts(a, n as usize).iter().map(|&p| &*p).collect();
    check(array::aligned_to_labels(v, &a, std::slice::from_raw_parts(b, n as usize)))
}

/// `p[start:stop:step]` on global rows (omitted bounds = SLICE_NONE).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_slice(p: Arr, start: i64, stop: i64, step: i64) -> Arr {
    check(array::slice(a(p), start, stop, step))
}

/// `p[mask] = v` on the local part.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_mask(p: Arr, mask: Arr, v: u64) {
    check(array::set_mask(p, a(mask), v));
}

/// `p[mask] op= v` in place: `vals` holds the new values of the selected
/// elements (`p[mask] op v`) as `p[mask]` laid them out.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_selected(p: Arr, mask: Arr, vals: Arr) {
    check(array::set_selected(p, a(mask), a(vals)));
}

/// `p[start:stop:step] = v` on the local part.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_slice(p: Arr, start: i64, stop: i64, step: i64, v: u64) {
    check(array::set_slice(p, start, stop, step, v));
}

/// `p[start:stop:step] = v` with an array `v` (collective when `v` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_slice_arr(p: Arr, start: i64, stop: i64, step: i64, v: Arr) {
    check(array::set_slice_arr(p, start, stop, step, v));
}

/// `p[i]` of a 1D array (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_getitem(p: Arr, i: i64) -> u64 {
    check(array::getitem(a(p), i, None))
}

/// The leaf plan of NumPy's pairwise sum of `n >= 8` elements (see
/// `array/pairwise.rs`); freed by `bodo_pw_combine`.
#[no_mangle]
pub extern "C" fn bodo_pw_plan(n: i64) -> *mut i64 {
    let p = array::pairwise::plan(n).into_boxed_slice();
    Box::into_raw(p) as *mut i64
}

/// Whether a distributed float sum of `total` terms is summed over the
/// gathered terms, exactly as NumPy does (`array::pairwise::GATHERED_MAX`).
#[no_mangle]
pub extern "C" fn bodo_pw_gathered(total: i64) -> i8 {
    i8::from(total <= array::pairwise::GATHERED_MAX)
}

/// A buffer for this rank's `count` terms of a gathered float sum, for
/// `bodo_pw_gather_sum`.
#[no_mangle]
pub extern "C" fn bodo_pw_gather_begin(count: i64) -> *mut f64 {
    Box::into_raw(vec![0.0; count.max(0) as usize].into_boxed_slice()) as *mut f64
}

/// Collective: frees the buffer of `bodo_pw_gather_begin`, filled with this
/// rank's `count` terms; the sum of every rank's terms in NumPy's order.
///
/// # Safety
/// `buf` came from `bodo_pw_gather_begin(count, _)` and is not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn bodo_pw_gather_sum(buf: *mut f64, count: i64) -> f64 {
    let terms = Box::from_raw(std::ptr::slice_from_raw_parts_mut(buf, count.max(0) as usize));
    check(array::pairwise::gathered_sum(&terms))
}

/// The total of a plan whose leaf sums generated code filled in; frees it.
///
/// # Safety
/// `p` came from `bodo_pw_plan` and is not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn bodo_pw_combine(p: *mut i64) -> f64 {
    let k = *p as usize;
    let plan = Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, 2 * k + 2));
    array::pairwise::combine(&plan)
}

/// The total of plan `p` (kept) for the leaf sums of row `at` of `sums`,
/// a float64 array holding one row of leaf sums per summed column.
///
/// # Safety
/// `p` came from `bodo_pw_plan`; `sums` holds at least `at + 1` rows.
#[no_mangle]
pub unsafe extern "C" fn bodo_pw_total(p: *const i64, sums: Arr, at: i64) -> f64 {
    let k = *p as usize;
    let plan = std::slice::from_raw_parts(p, 2 * k + 2);
    let at = at.max(0) as usize;
    match a(sums).data() {
        array::Data::Float(v) => array::pairwise::combine_sums(plan, &v[at * k..(at + 1) * k]),
        _ => 0.0,
    }
}

/// Frees a plan of `bodo_pw_plan` that `bodo_pw_total` read.
///
/// # Safety
/// `p` came from `bodo_pw_plan` and is not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn bodo_pw_free(p: *mut i64) {
    let k = *p as usize;
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, 2 * k + 2)));
}

/// Column `j` of 2D array `p` normalised, for `p[:, j]` (IndexError if out of range).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_col_index(p: Arr, j: i64) -> i64 {
    check(array::col_index(a(p), j))
}

/// `p[i, j]` of a 2D array (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_getitem2(p: Arr, i: i64, j: i64) -> u64 {
    check(array::getitem(a(p), i, Some(j)))
}

/// `p[i] = v` of a 1D array (the owning rank writes).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_setitem(p: Arr, i: i64, v: u64) {
    check(array::setitem(p, i, None, v));
}

/// `p[i, j] = v` of a 2D array (the owning rank writes).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_setitem2(p: Arr, i: i64, j: i64, v: u64) {
    check(array::setitem(p, i, Some(j), v));
}

/// `p[:, k] = v` (`axis` 0) or `p[k, :] = v` (`axis` 1) on the local rows.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_line(p: Arr, axis: i64, k: i64, v: u64) {
    check(array::set_line(p, axis, k, v));
}

/// `p[:, k] = v` (`axis` 0) or `p[k, :] = v` (`axis` 1) with a 1D array `v`.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_line_arr(p: Arr, axis: i64, k: i64, v: Arr) {
    check(array::set_line_arr(p, axis, k, v));
}

/// Row `i` of a 2D array as a REP 1D array (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_getrow(p: Arr, i: i64) -> Arr {
    check(array::getrow(a(p), i))
}

/// Local row `r` of a 2D array as a REP 1D array (inside a prange).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_localrow(p: Arr, r: i64) -> Arr {
    check(array::localrow(a(p), r))
}

/// `np.cumsum(p)`, `np.cumprod(p)` or a running maximum or minimum (`op`
/// a `bodo_abi::cum_op` code; flattened; collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_cumulative(p: Arr, op: i64) -> Arr {
    check(array::cumulative(a(p), op))
}

/// `np.cumsum(p, axis)`, `np.cumprod(p, axis)` or a running maximum or
/// minimum (`op` a `bodo_abi::cum_op` code) of a 2D array: `p`'s shape
/// and rows; collective along axis 0 when distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_cumulative_axis(p: Arr, op: i64, axis: i64) -> Arr {
    check(array::cumulative_axis(a(p), op, axis))
}

/// `p.<op>(axis=axis)` of a 2D array, `op` from `bodo_abi::axis_op`
/// (collective along axis 0 when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_reduce_axis(p: Arr, op: i64, axis: i64, ddof: i64) -> Arr {
    check(array::reduce_axis(a(p), op, axis, ddof))
}

/// `p[idx]` with an int64 index array (REP result; collective when `p`
/// is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_take(p: Arr, idx: Arr) -> Arr {
    check(array::take(a(p), a(idx)))
}

/// `r`, a zero that is `p.min()` or `p.max()` of float array `p`, with the
/// sign of the zero NumPy returns (collective when `p` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_zero_sign(p: Arr, r: f64) -> f64 {
    array::zero_sign(a(p), r)
}

/// `np.split(p, k)` (`equal` 1) or `np.array_split(p, k)` along the rows,
/// or either at the row indices of the int64 array `indices` when it is
/// not null: a new list of type `d` of REP arrays (collective when `p` is
/// distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_split(p: Arr, indices: Arr, k: i64, equal: i8, d: Desc) -> List {
    let indices = (!indices.is_null()).then(|| a(indices));
    check(array::split(p, indices, k, equal != 0, d))
}

/// `p[rows, cols]` of a 2D array with REP int64 index arrays; a null
/// `rows` (`cols`) stands for the one index `i` (`j`). A REP 1D result
/// (collective when `p` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_take_pairs(p: Arr, rows: Arr, i: i64, cols: Arr, j: i64) -> Arr {
    let part = |x: Arr, k| if x.is_null() { array::PairPart::Int(k) } else { array::PairPart::Arr(a(x)) };
    check(array::take_pairs(a(p), part(rows, i), part(cols, j)))
}

/// `p[:, start:stop:step]` (or `p[:, start]` when `single` is 1) of a 2D array.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_select_cols(p: Arr, start: i64, stop: i64, step: i64, single: i64) -> Arr {
    check(array::select_cols(a(p), start, stop, step, single != 0))
}

/// `p[r0:r1:rs, c0:c1:cs] = v` of a 2D array; bit 1 of `singles` makes the
/// rows one index `r0`, bit 2 the columns one index `c0`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn bodo_arr_set_sub(
    p: Arr,
    r0: i64,
    r1: i64,
    rs: i64,
    c0: i64,
    c1: i64,
    cs: i64,
    singles: i64,
    v: u64,
) {
    check(array::set_sub(p, [r0, r1, rs], [c0, c1, cs], singles, array::SubValue::Scalar(v)));
}

/// [`bodo_arr_set_sub`] with an array `v` (collective when `v` is distributed).
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn bodo_arr_set_sub_arr(
    p: Arr,
    r0: i64,
    r1: i64,
    rs: i64,
    c0: i64,
    c1: i64,
    cs: i64,
    singles: i64,
    v: Arr,
) {
    check(array::set_sub(p, [r0, r1, rs], [c0, c1, cs], singles, array::SubValue::Array(v)));
}

/// `p[idx] = v` with an int64 index array (REP) and a scalar slot `v`.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_take(p: Arr, idx: Arr, v: u64) {
    check(array::set_take(p, a(idx), v));
}

/// `p[idx] = v` with an array `v` (collective when `v` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_set_take_arr(p: Arr, idx: Arr, v: Arr) {
    check(array::set_take_arr(p, a(idx), v));
}

/// `np.argsort(p)` of a REP 1D array.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_argsort(p: Arr) -> Arr {
    check(array::argsort(a(p)))
}

/// `np.median(p)`, `np.percentile(p, q)` or `np.quantile(p, q)` of a 1D
/// array (`kind` a `bodo_abi::quantile_kind` code; collective when
/// distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_quantile(p: Arr, q: f64, kind: i64) -> f64 {
    check(array::quantile(p, q, kind))
}

/// `v` expanded to `like`'s shape and layout when it is a `(1, m)` row or
/// an `(n, 1)` column that broadcasts to it, else `v` (a new reference).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_broadcast_like(v: Arr, like: Arr) -> Arr {
    check(array::broadcast_like(v, a(like)))
}

/// `np.triu(p, k)` (`upper` non-zero) or `np.tril(p, k)` of a 2D array, in
/// its layout.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_triangle(p: Arr, k: i64, upper: i64) -> Arr {
    check(array::triangle(a(p), k, upper != 0))
}

/// `np.repeat(p, k)` of a 1D array (1D_Block_Var when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_repeat(p: Arr, k: i64) -> Arr {
    check(array::repeat(a(p), k))
}

/// `np.tile(p, k)` of a 1D array (REP; collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_tile(p: Arr, k: i64) -> Arr {
    check(array::tile(p, k))
}

/// `np.pad(p, (before, after), constant_values=c)` of a 1D array (REP;
/// collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_pad(p: Arr, before: i64, after: i64, c: f64) -> Arr {
    check(array::pad(p, before, after, c))
}

/// `np.gradient(p, dx)` of a 1D array (REP; collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_gradient(p: Arr, dx: f64) -> Arr {
    check(array::gradient(p, dx))
}

/// `pd.Timestamp(s)` of a str: its nanoseconds since the epoch (ISO
/// dates and date-times; pandas' ValueError for anything else).
#[no_mangle]
pub unsafe extern "C" fn bodo_timestamp_parse(s: Str) -> i64 {
    check(array::parse_timestamp(as_str(s)))
}

/// `pd.to_datetime(s)` of a str array: datetime64[ns] values (an int64
/// array of its layout; collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_dt_from_strs(p: Arr) -> Arr {
    check(array::dt_from_strs(a(p)))
}

/// `s.dt.<field>` of datetime64[ns] values (`which` a `bodo_abi::dt_field`
/// code): an int64 array of their layout (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_dt_field(p: Arr, which: i64) -> Arr {
    check(array::dt_field(a(p), which))
}

/// `s.shift(n)` or `s.diff(n)` of a Series' values (`mode` a
/// `bodo_abi::shift_mode`; collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_shift(p: Arr, n: i64, mode: i64) -> Arr {
    check(array::shift(a(p), n, mode))
}

/// `s.rolling(w).sum()` (`mean` 0) or `.mean()` (`mean` 1) of a Series'
/// values, pandas' arithmetic: float64 (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_rolling(p: Arr, w: i64, mean: i64) -> Arr {
    check(array::rolling(a(p), w, mean != 0))
}

/// `s.rank(...)` of a Series' values (`flags` of `bodo_abi::rank`): a
/// float64 array of their layout (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_rank(p: Arr, flags: i64) -> Arr {
    check(array::rank_values(a(p), flags))
}

/// `np.linalg.solve(a, b)` (REP; collective when distributed: gathered).
#[no_mangle]
pub unsafe extern "C" fn bodo_linalg_solve(m: Arr, b: Arr) -> Arr {
    check(array::solve(m, b))
}

/// `np.linalg.inv(a)` (REP; collective when distributed: gathered).
#[no_mangle]
pub unsafe extern "C" fn bodo_linalg_inv(m: Arr) -> Arr {
    check(array::inv(m))
}

/// `np.linalg.det(a)` (collective when distributed: gathered).
#[no_mangle]
pub unsafe extern "C" fn bodo_linalg_det(m: Arr) -> f64 {
    check(array::det(m))
}

/// `np.median(p, axis=k)`, `np.percentile(p, q, axis=k)` or
/// `np.quantile(p, q, axis=k)` of a 2D array (`kind` a
/// `bodo_abi::quantile_kind` code): one value per column of the whole `p`
/// (axis 0, REP) or per local row (axis 1, the rows' layout).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_quantile_axis(p: Arr, q: f64, kind: i64, axis: i64) -> Arr {
    check(array::quantile_axis(a(p), q, kind, axis))
}

/// `np.percentile(p, qs)` or `np.quantile(p, qs)` of a 1D array for the
/// REP float array `qs`: a REP float array (collective when `p` is
/// distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_quantiles(p: Arr, qs: Arr, kind: i64) -> Arr {
    check(array::quantiles(p, a(qs), kind))
}

/// `np.searchsorted(p, v, side)` of one value (`right` non-zero for
/// side="right"); collective when `p` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_searchsorted_one(p: Arr, v: f64, right: i64) -> i64 {
    array::searchsorted_one(a(p), v, right != 0)
}

/// `v in a` of an integer `v`; collective when `a` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_contains_int(p: Arr, v: i64) -> i8 {
    i8::from(array::contains_int(a(p), v))
}

/// `v in a` of a float `v`; collective when `a` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_contains_float(p: Arr, v: f64) -> i8 {
    i8::from(array::contains_float(a(p), v))
}

/// `np.searchsorted(p, vs, side)` of a 1D array of values: an int array of
/// `vs`'s layout; collective when `p` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_searchsorted(p: Arr, vs: Arr, right: i64) -> Arr {
    check(array::searchsorted(p, a(vs), right != 0))
}

/// `np.cov(x, y, ddof=ddof)` (`corr` 0) or `np.corrcoef(x, y)` of two 1D
/// arrays: a 2x2 REP matrix; collective when either is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_cov(x: Arr, y: Arr, ddof: i64, corr: i64) -> Arr {
    check(array::cov(a(x), y, ddof, corr != 0))
}

/// `np.isin(x, values)`: a bool array of `x`'s layout; collective when
/// `values` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_isin(x: Arr, values: Arr) -> Arr {
    check(array::isin(a(x), values))
}

/// `np.digitize(x, bins, right)`: the bin of each element of `x`, an int64
/// array of `x`'s layout (collective when `bins` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_digitize(x: Arr, bins: Arr, right: i64) -> Arr {
    check(array::digitize(a(x), bins, right != 0))
}

/// `np.interp(x, xp, fp)` of an array `x`: a float array of its layout;
/// collective when `xp` or `fp` is distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_interp(x: Arr, xp: Arr, fp: Arr) -> Arr {
    check(array::interp(a(x), xp, fp))
}

/// `np.interp(x, xp, fp)` of a number; collective when `xp` or `fp` is
/// distributed.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_interp_scalar(x: f64, xp: Arr, fp: Arr) -> f64 {
    check(array::interp_scalar(x, xp, fp))
}

/// The flat positions (`part` 0), rows (1) or columns (2) of the non-zero
/// elements of `p`, 1D_Block_Var when `p` is distributed (collective).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_nonzero(p: Arr, part: i64) -> Arr {
    check(array::nonzero(a(p), part))
}

/// `sort_values` / `sort_index` of frame or series tuple `x` (arrays from
/// item `first`; a RangeIndex before them becomes the labels array): its
/// rows sorted by the `nkeys` keys `2 * table position + ascending`, as a
/// new tuple of descriptor `out` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_sort(x: Tuple, first: i64, keys: *const i64, nkeys: i64, out: Desc) -> Tuple {
    let keys = std::slice::from_raw_parts(keys, nkeys as usize);
    check(array::frame_sort(x, first as usize, keys, out))
}

/// The distinct keys of frame or series tuple `x`'s rows by the table
/// positions `keys` (`flags` of `bodo_abi::distinct`): every column of each
/// key's first row, or the keys and their counts, as a new tuple of
/// descriptor `out` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_distinct(
    x: Tuple,
    first: i64,
    keys: *const i64,
    nkeys: i64,
    flags: i64,
    out: Desc,
) -> Tuple {
    let keys = std::slice::from_raw_parts(keys, nkeys as usize);
    check(array::frame_distinct(x, first as usize, keys, flags, out))
}

/// groupby of frame tuple `x` by the table positions `keys`, one
/// aggregation `16 * position + bodo_abi::agg code` per entry of `aggs`,
/// the keys as the labels (`as_index` non-zero) or as columns after a new
/// RangeIndex: a new tuple of descriptor `out` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_groupby(
    x: Tuple,
    first: i64,
    keys: *const i64,
    nkeys: i64,
    aggs: *const i64,
    naggs: i64,
    as_index: i64,
    out: Desc,
) -> Tuple {
    let keys = std::slice::from_raw_parts(keys, nkeys as usize);
    let aggs = std::slice::from_raw_parts(aggs, naggs as usize);
    check(array::frame_groupby(x, first as usize, keys, aggs, as_index != 0, out))
}

/// `pivot_table`: Series tuple `s` (a groupby result on two keys) laid
/// out as a table of one row per row key and one column per column key,
/// its cells without a value NaN (`fill_kind` 0) or the int (1) or float
/// (2) of bits `fill_bits`; a new tuple of descriptor `out`, whole on every
/// rank (collective when `s` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_pivot(s: Tuple, fill_kind: i64, fill_bits: i64, out: Desc) -> Tuple {
    let fill = match fill_kind {
        1 => array::PivotFill::Int(fill_bits),
        2 => array::PivotFill::Float(f64::from_bits(fill_bits as u64)),
        _ => array::PivotFill::NaN,
    };
    check(array::frame_pivot(s, fill, out))
}

/// A pivot table's row labels (`k` 0) or column labels (`k` 1) as a new
/// list of descriptor `list_desc`.
#[no_mangle]
pub unsafe extern "C" fn bodo_pivot_labels(p: Tuple, k: i64, list_desc: Desc) -> List {
    array::pivot_labels(p, k as usize, list_desc)
}

/// Per row of frame tuple `x`: aggregation `code` (`bodo_abi::agg`) of
/// table column `col` within each row's group by the table positions
/// `keys` (`transform`, `cumsum`), laid out as `x`'s arrays (collective
/// when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_group_rows(
    x: Tuple,
    first: i64,
    keys: *const i64,
    nkeys: i64,
    col: i64,
    code: i64,
) -> Arr {
    let keys = std::slice::from_raw_parts(keys, nkeys as usize);
    check(array::frame_group_rows(x, first as usize, keys, col as usize, code))
}

/// `pd.merge` of frame tuples `x` and `y` (arrays from items `xfirst`,
/// `yfirst`): the table positions `lkeys[k]` and `rkeys[k]` (`nkeys` of
/// each) are the key pairs, the `nouts` result columns are
/// `bodo_abi::join`'s codes and `how` its join kind; a new tuple of
/// descriptor `out` with a RangeIndex (collective when either is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_merge(
    x: Tuple,
    xfirst: i64,
    y: Tuple,
    yfirst: i64,
    lkeys: *const i64,
    rkeys: *const i64,
    nkeys: i64,
    outs: *const i64,
    nouts: i64,
    how: i64,
    out: Desc,
) -> Tuple {
    let lkeys = std::slice::from_raw_parts(lkeys, nkeys as usize);
    let rkeys = std::slice::from_raw_parts(rkeys, nkeys as usize);
    let outs = std::slice::from_raw_parts(outs, nouts as usize);
    check(array::frame_merge(x, xfirst as usize, y, yfirst as usize, lkeys, rkeys, outs, how, out))
}

/// `pd.concat` of the `n` frame or series tuples at `xs`: input `k`'s
/// arrays start at item `firsts[k]`, its labels are its first `lcs[k]`
/// table columns, and `pos[k * ncols..][..ncols]` its columns' table
/// positions in the result's order; labels kept unless `ignore` is
/// non-zero (collective when any is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_concat(
    xs: *const Tuple,
    n: i64,
    firsts: *const i64,
    lcs: *const i64,
    pos: *const i64,
    ncols: i64,
    ignore: i64,
    out: Desc,
) -> Tuple {
    let n = n as usize;
    let xs: Vec<*const TupleObj> = (0..n).map(|k| *xs.add(k) as *const TupleObj).collect();
    let firsts = std::slice::from_raw_parts(firsts, n);
    let lcs = std::slice::from_raw_parts(lcs, n);
    let pos = std::slice::from_raw_parts(pos, n * ncols as usize);
    check(array::frame_concat(&xs, firsts, lcs, pos, ncols as usize, ignore != 0, out))
}

/// `pd.concat` of list `l` of frame or series tuples, each laid out as
/// `bodo_frame_concat`'s `first`, `lc` and `pos` say.
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_concat_list(
    l: List,
    first: i64,
    lc: i64,
    pos: *const i64,
    ncols: i64,
    ignore: i64,
    out: Desc,
) -> Tuple {
    let xs: Vec<*const TupleObj> = list::items(l).iter().map(|&x| x as *const TupleObj).collect();
    let n = xs.len();
    let pos: Vec<i64> = std::slice::from_raw_parts(pos, ncols as usize).repeat(n);
    check(array::frame_concat(&xs, &vec![first; n], &vec![lc; n], &pos, ncols as usize, ignore != 0, out))
}

/// A frame of no rows laid out as frame tuple `x` (arrays from item
/// `first`): the start of a prange concatenation reduction.
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_empty_like(x: Tuple, first: i64, out: Desc) -> Tuple {
    check(array::frame_empty_like(x, first as usize, out))
}

/// The rows of frame tuple `before`, then every rank's rows of `part` in
/// rank order (both laid out from item `first`), whole on every rank: a
/// prange concatenation reduction's result (collective).
#[no_mangle]
pub unsafe extern "C" fn bodo_frame_concat_ranks(before: Tuple, part: Tuple, first: i64, out: Desc) -> Tuple {
    check(array::frame_concat_ranks(before, part, first as usize, out))
}

/// `np.sort(p)` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_sort(p: Arr) -> Arr {
    check(array::sort(p))
}

/// `np.unique(p)` as a REP array (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_unique(p: Arr) -> Arr {
    check(array::unique(a(p)))
}

/// The counts of `np.unique(a, return_counts=True)` (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_unique_counts(p: Arr) -> Arr {
    check(array::unique_counts(a(p)))
}

/// Raises NumPy's IndexError for index `i` on an axis of `size` elements.
#[no_mangle]
pub extern "C" fn bodo_raise_index(i: i64, size: i64, axis: i64) {
    let msg = format!("index {i} is out of bounds for axis {axis} with size {size}");
    errors::raise(errors::PyErr::new(bodo_abi::exc::INDEX_ERROR, msg));
}

/// `np.unravel_index(i, shape)`: a new tuple (type `t`) of the coordinates
/// of `i` in an array of the `n` extents at `dims`.
#[no_mangle]
pub unsafe extern "C" fn bodo_unravel_index(i: i64, dims: *const u64, n: i64, t: Desc) -> *mut TupleObj {
    let dims: Vec<i64> = slots(dims, n).iter().map(|&d| d as i64).collect();
    match crate::index::unravel(i, &dims) {
        Ok(coords) => tuple::new(t, &coords.iter().map(|&c| c as u64).collect::<Vec<_>>()),
        Err(e) => {
            errors::raise(e);
            std::ptr::null_mut()
        }
    }
}

/// Raises CPython's error for unpacking `got` values into `expected` targets.
#[no_mangle]
pub extern "C" fn bodo_raise_unpack(expected: i64, got: i64) {
    let msg = if got > expected {
        format!("too many values to unpack (expected {expected})")
    } else {
        format!("not enough values to unpack (expected {expected}, got {got})")
    };
    errors::raise(errors::PyErr::new(bodo_abi::exc::VALUE_ERROR, msg));
}

/// Raises NumPy's error for operands of different global shapes, each given
/// as rows and columns (`cols < 0` for a 1D array); an in-place update names
/// its output third (`r3 < 0`: none).
#[no_mangle]
pub extern "C" fn bodo_raise_broadcast(r1: i64, c1: i64, r2: i64, c2: i64, r3: i64, c3: i64) {
    let text = |r: i64, c: i64| if c < 0 { format!("({r},) ") } else { format!("({r},{c}) ") };
    let out = if r3 < 0 { String::new() } else { text(r3, c3) };
    let msg = format!("operands could not be broadcast together with shapes {}{}{out}", text(r1, c1), text(r2, c2));
    errors::raise(errors::PyErr::new(bodo_abi::exc::VALUE_ERROR, msg));
}

/// The `n` arrays at `arrs` (a pointer array the generated code built).
unsafe fn arr_list<'a>(arrs: *const Arr, n: i64) -> Vec<&'a ArrObj> {
    (0..n.max(0) as usize).map(|i| a(*arrs.add(i))).collect()
}

/// `np.concatenate` of `n` arrays (collective when any is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_concat(arrs: *const Arr, n: i64) -> Arr {
    let arrs = arr_list(arrs, n);
    check(array::concat(&arrs))
}

/// `np.vstack` (`same_shape` 0) or `np.stack` (1) of `n` arrays (collective
/// when any is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_vstack(arrs: *const Arr, n: i64, same_shape: i64) -> Arr {
    let arrs = arr_list(arrs, n);
    check(array::vstack(&arrs, same_shape != 0))
}

/// `np.column_stack` of `n` arrays (collective when any is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_column_stack(arrs: *const Arr, n: i64) -> Arr {
    let arrs = arr_list(arrs, n);
    check(array::column_stack(&arrs))
}

/// `p.T`: REP (collective when `p` is distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_transpose(p: Arr) -> Arr {
    check(array::transpose(p))
}

/// `np.diag(p)`: the matrix of a 1D array, the diagonal of a 2D one (REP).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_diag(p: Arr) -> Arr {
    if a(p).ndim == 1 {
        check(array::diag_matrix(p))
    } else {
        check(array::diagonal(a(p)))
    }
}

/// `np.histogram(p, bins)`'s edges for an int `bins`: over `range=(lo, hi)`
/// when `has_range` is non-zero, else over the data's range; REP.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_histogram_edges(p: Arr, bins: i64, has_range: i64, lo: f64, hi: f64) -> Arr {
    check(array::histogram_edges(a(p), bins, (has_range != 0).then_some((lo, hi))))
}

/// `np.histogram(p, edges, weights=w)`'s counts (sums of the weights `w`,
/// null for none; densities when `density` is non-zero) in the bins
/// between the REP array `edges`; REP.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_histogram_counts(p: Arr, edges: Arr, density: i64, w: Arr) -> Arr {
    check(array::histogram_counts(a(p), a(edges), density != 0, w))
}

/// `np.bincount(p, weights, minlength=m)` (`weights` null for none), REP.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_bincount(p: Arr, weights: Arr, minlength: i64) -> Arr {
    check(array::bincount(a(p), weights, minlength))
}

/// `np.dot(p, q)` of two 2D arrays, rows distributed like `p`'s.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_mm(p: Arr, q: Arr) -> Arr {
    check(array::dot_mm(a(p), q))
}

/// `np.dot` of two 1D arrays: an int64 or float64 slot.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_vv(p: Arr, q: Arr) -> u64 {
    check(array::dot_vv(p, a(q)))
}

/// `np.dot(vector, matrix)`: REP 1D of the matrix's column count.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_vm(v: Arr, m: Arr) -> Arr {
    check(array::dot_vm(v, a(m)))
}

/// `m.T @ v` without building the transpose: REP 1D of `m`'s column count.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_tv(m: Arr, v: Arr) -> Arr {
    check(array::dot_tv(a(m), v))
}

/// `a.T @ b` of two 2D arrays without building the transpose: REP 2D.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_tm(x: Arr, y: Arr) -> Arr {
    check(array::dot_tm(x, a(y)))
}

/// Raises NumPy's ValueError unless `np.dot(m, v)` is defined.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_mv_check(m: Arr, v: Arr) {
    check(array::dot_check_mv(a(m), a(v)));
}

/// One block of a fused float64 `np.dot(m, v)` leaf: `out[r]` is local row
/// `row0 + r` of `m` dotted with `v`, for `r < n`.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_mv_rows(m: Arr, v: Arr, row0: i64, n: i64, out: Arr) {
    array::dot_mv_rows(a(m), a(v), row0.max(0) as usize, n.max(0) as usize, out);
}

/// The zeroed REP result a fused `np.dot(vector, m)` loop adds into, after
/// NumPy's shape check against the vector's `vlen` elements.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_vm_begin(vlen: i64, m: Arr, dtype: i64, transposed: i8) -> Arr {
    check(array::dot_vm_result(vlen, a(m), dtype, transposed != 0))
}

/// Adds one block of rows of a fused `np.dot(vector, m)` into `out`: `v`
/// holds the vector's elements for local rows `row0..row0 + n`.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_vm_block(v: Arr, n: i64, m: Arr, row0: i64, out: Arr) {
    array::dot_vm_add_block(a(v), n.max(0) as usize, a(m), row0.max(0) as usize, out);
}

/// Sums a fused `np.dot(vector, m)` result over ranks when its rows were split.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_dot_vm_finish(r: Arr, partial: i64) {
    array::dot_vm_finish(r, partial != 0);
}

/// `np.array(l)`: a REP 1D array of `dtype` from a list of int/float/bool.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_from_list(t: Desc, l: List, dtype: i64) -> Arr {
    check(array::from_list(t, l, dtype))
}

/// `a.tolist()` of a replicated 2D array: a list (descriptor `t`) of row lists.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_rows_to_lists(t: Desc, p: Arr) -> List {
    array::rows_to_lists(t, a(p))
}

/// Collective: every rank's list concatenated in rank order, on every rank.
#[no_mangle]
pub unsafe extern "C" fn bodo_list_concat_gather(l: List) -> List {
    check(array::list_concat_gather(l))
}

/// Collective: REP int64 array of the lowest rank of each node, sorted.
#[no_mangle]
pub extern "C" fn bodo_nodes_first_ranks(t: Desc) -> Arr {
    check(array::nodes_first_ranks(t))
}

/// A fresh random-stream key (the same sequence on every rank).
#[no_mangle]
pub extern "C" fn bodo_rand_key() -> i64 {
    array::rand_key()
}

/// `np.random.seed(seed)`.
#[no_mangle]
pub extern "C" fn bodo_rand_seed(seed: i64) {
    array::rand_seed(seed);
}

/// `p.copy()`: same layout and distribution.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_copy(p: Arr) -> Arr {
    check(array::copy(a(p)))
}

/// `p.reshape(rows)` (`ndim` 1) or `p.reshape(rows, cols)`, -1 for one
/// unknown size (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_reshape(p: Arr, rows: i64, cols: i64, ndim: i64) -> Arr {
    check(array::reshape(a(p), rows, cols, ndim))
}

/// `np.roll(p, shift, axis)`, `axis` 0 (rows), 1 (columns) or 2 (the
/// flattened elements); collective along rows of a distributed array.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_roll(p: Arr, shift: i64, axis: i64) -> Arr {
    check(array::roll(a(p), shift, axis))
}

/// `np.convolve(a, v, mode)` (`mode` a `bodo_abi::convolve_mode` code);
/// 1D_Block when either input is distributed, and then collective.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_convolve(a: Arr, v: Arr, mode: i64) -> Arr {
    check(array::convolve(a, v, mode))
}

// ---------------------------------------------------------------- files

/// `np.fromfile(path, dtype, count, offset)`: a 1D array of `dt` (a
/// `bodo_abi::dtype` code) read from the raw file at `path`, `count`
/// elements (all, when negative) from byte `offset`; 1D_Block when
/// `dist_code` is `dist::ONE_D` (collective: each rank reads its block, and
/// an OSError/FileNotFoundError on any rank is raised on all), else REP
/// (read by this rank alone).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_fromfile(path: Str, dt: i64, count: i64, offset: i64, dist_code: i64) -> Arr {
    check(crate::io::fromfile(s(path), dt, count, offset, dist_code))
}

/// `a.tofile(path)`: the whole array in global row order, raw, written to
/// `path` through a temporary file renamed into place (collective when `a`
/// is distributed; a REP array is written by this rank alone); the file is
/// complete when this returns.
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_tofile(a: Arr, path: Str) {
    check(crate::io::tofile(a, s(path)))
}

/// `pd.read_csv(path, ...)` with the schema read at build time
/// (`bodo_csv::Schema`): a new DataFrame (a tuple of type `desc`: a
/// RangeIndex's start 0 and step 1, then one 1D array per kept column), 1D_Block_Var when `dist_code` is `dist::ONE_D_VAR`
/// (collective: each rank parses the records starting in its byte range),
/// else REP (every rank reads all rows).
///
/// * `sep`: the separator byte; `header`: the row (after skipped ones)
///   naming the columns, -1 for none; `header_names`: when `header >= 0`,
///   `nfields` str slots, the header as the build saw it (a different
///   header at run time is a ValueError), else null.
/// * `skip`: null for `skiprows=<skiprows>` (a count), else `nskip` file
///   row numbers to drop; `nrows`: rows to read, -1 for all.
/// * `fields`, `kinds`: `ncols` entries each, the kept fields' positions
///   (increasing) and their `bodo_csv::Kind` codes: int64 0, float64 1,
///   bool 2, str 3 (array dtype STR, null for NaN), datetime 4 (an int64
///   array of nanoseconds, NaT `i64::MIN`).
///
/// Missing files, changed headers and values that no longer parse as their
/// column's kind raise (on every rank).
#[no_mangle]
pub unsafe extern "C" fn bodo_read_csv(
    path: Str,
    sep: i64,
    header: i64,
    header_names: *const u64,
    skiprows: i64,
    skip: *const i64,
    nskip: i64,
    nrows: i64,
    nfields: i64,
    fields: *const i64,
    kinds: *const i64,
    ncols: i64,
    dist_code: i64,
    desc: Desc,
) -> Tuple {
    let ints = |p: *const i64, n: i64| if p.is_null() { &[][..] } else { std::slice::from_raw_parts(p, n as usize) };
    let skip = if skip.is_null() {
        bodo_csv::Skip::Count(skiprows.max(0) as usize)
    } else {
        bodo_csv::Skip::Rows(ints(skip, nskip).iter().map(|&r| r as usize).collect())
    };
    let header_row = usize::try_from(header).ok();
    let names = (header_row.is_some() && !header_names.is_null()).then(|| {
        std::slice::from_raw_parts(header_names, nfields as usize).iter().map(|&p| s(p as Str).to_string()).collect()
    });
    let req = crate::io::csv::Request {
        path: s(path),
        layout: bodo_csv::Layout { sep: sep as u8, skip, header: header_row },
        nrows: usize::try_from(nrows).ok(),
        header: names,
        nfields: nfields as usize,
        fields: ints(fields, ncols).iter().map(|&f| f as usize).collect(),
        kinds: ints(kinds, ncols)
            .iter()
            .map(|&k| bodo_csv::Kind::from_code(k).unwrap_or(bodo_csv::Kind::Str))
            .collect(),
        distributed: dist_code != bodo_abi::dist::REP,
    };
    let distributed = req.distributed;
    check(crate::io::csv::read_csv(&req).and_then(|t| crate::io::into_tuple(t, desc, dist_code_of(distributed))))
}

/// The str slots `p[..n]` as strings.
unsafe fn str_slots(p: *const u64, n: i64) -> Vec<String> {
    if n <= 0 || p.is_null() {
        return Vec::new();
    }
    std::slice::from_raw_parts(p, n as usize).iter().map(|&x| s(x as Str).to_string()).collect()
}

/// The columns of frame `frame`: its last `ncols` items, named by the str
/// slots `names`.
unsafe fn frame_columns(frame: Tuple, names: *const u64, ncols: i64) -> crate::io::write::Columns {
    let items = tuple::items(frame);
    let first = items.len().saturating_sub(ncols.max(0) as usize);
    crate::io::write::Columns {
        names: str_slots(names, ncols),
        arrays: items[first..].iter().map(|&a| a as *const ArrObj).collect(),
    }
}

/// `df.to_parquet(path)` of frame `frame` (a tuple whose last `ncols`
/// items are its columns, named by the str slots `names`): one file when
/// the frame is replicated, else (collective) a directory of one part
/// file per rank.
#[no_mangle]
pub unsafe extern "C" fn bodo_to_parquet(frame: Tuple, path: Str, names: *const u64, ncols: i64) {
    check(crate::io::write::to_parquet(&frame_columns(frame, names, ncols), s(path)))
}

/// `df.to_csv(path, index=...)` of frame `frame` (columns as for
/// `bodo_to_parquet`), one file (collective when the frame is
/// distributed). `index_kind` 0 writes no labels (`index=False`); 1 a
/// RangeIndex, the tuple's first two items (start, step); 2 the first
/// `nlabels` items, label arrays named by the str slots `index_names`.
#[no_mangle]
pub unsafe extern "C" fn bodo_to_csv(
    frame: Tuple,
    path: Str,
    names: *const u64,
    ncols: i64,
    index_kind: i64,
    index_names: *const u64,
    nlabels: i64,
) {
    use crate::io::write::Index;
    let items = tuple::items(frame);
    let index = match index_kind {
        1 => Index::Range { start: items[0] as i64, step: items[1] as i64 },
        2 => Index::Levels(
            str_slots(index_names, nlabels).into_iter().zip(items.iter().map(|&a| a as *const ArrObj)).collect(),
        ),
        _ => Index::None,
    };
    check(crate::io::write::to_csv(&frame_columns(frame, names, ncols), &index, s(path)))
}

/// After a map of str values into ints (`s.str.len()`) that met `missing`
/// missing values: pandas' result would be float64 with NaN, which the
/// int64 result cannot hold, so a ValueError (on every rank if any rank
/// met one: collective when `distributed` is 1).
#[no_mangle]
pub extern "C" fn bodo_missing_to_int_check(missing: i64, distributed: i64) {
    let r = match missing {
        0 => Ok(()),
        _ => Err(crate::errors::PyErr::new(
            bodo_abi::exc::VALUE_ERROR,
            "a str column with missing values gives NaN here, which an int64 result cannot hold".to_string(),
        )),
    };
    check(crate::io::agreed(r, distributed != 0))
}

/// The distribution of a table whose rows are split (1D_Block_Var) or not.
fn dist_code_of(distributed: bool) -> i64 {
    if distributed {
        bodo_abi::dist::ONE_D_VAR
    } else {
        bodo_abi::dist::REP
    }
}

/// `pd.read_parquet(path, columns=...)` with the schema read at build time
/// (`bodo_parquet::Schema`): a new DataFrame (a tuple of type `desc`: a
/// RangeIndex's start 0 and step 1, then one 1D array per column), `ncols` columns named by the str slots `names` with
/// the `bodo_csv::Kind` codes `kinds` (as for `bodo_read_csv`). `path` is a
/// file or a directory of part files. 1D_Block when `dist_code` is
/// `dist::ONE_D` (collective: each rank reads its block of the global rows),
/// else REP. A missing path, or files whose columns no longer have those
/// kinds, raise on every rank.
#[no_mangle]
pub unsafe extern "C" fn bodo_read_parquet(
    path: Str,
    names: *const u64,
    kinds: *const i64,
    ncols: i64,
    dist_code: i64,
    desc: Desc,
) -> Tuple {
    let n = ncols.max(0) as usize;
    let names = if n == 0 { &[][..] } else { std::slice::from_raw_parts(names, n) };
    let kinds = if n == 0 { &[][..] } else { std::slice::from_raw_parts(kinds, n) };
    let columns: Vec<(String, bodo_csv::Kind)> = names
        .iter()
        .zip(kinds)
        .map(|(&p, &k)| (s(p as Str).to_string(), bodo_csv::Kind::from_code(k).unwrap_or(bodo_csv::Kind::Str)))
        .collect();
    let distributed = dist_code != bodo_abi::dist::REP;
    let dist_code = if distributed { bodo_abi::dist::ONE_D } else { bodo_abi::dist::REP };
    check(
        crate::io::parquet::read_parquet(s(path), &columns, distributed)
            .and_then(|t| crate::io::into_tuple(t, desc, dist_code)),
    )
}

/// After `s.map(d)` of a dict of int (`is_bool` 0) or bool values: a
/// KeyError on every rank when any rank met `unfound` values that are no
/// key of `d` (pandas' NaN there needs a float64 or object result).
#[no_mangle]
pub extern "C" fn bodo_unfound_to_int_check(unfound: i64, distributed: i64, is_bool: i64) {
    let r = match unfound {
        0 => Ok(()),
        _ => {
            let (what, pandas) = if is_bool != 0 { ("bool", "an object") } else { ("int64", "a float64") };
            Err(crate::errors::PyErr::new(
                bodo_abi::exc::KEY_ERROR,
                format!(
                    "a value of the Series is missing from the dict passed to map(): pandas gives NaN for it \
                     ({pandas} result), which this {what} result cannot hold"
                ),
            ))
        }
    };
    check(crate::io::agreed(r, distributed != 0))
}

/// `fillna(text)` of a str column: a new STR array of `p`'s shape with
/// `text` at each missing value.
#[no_mangle]
pub unsafe extern "C" fn bodo_strs_fillna(p: Arr, text: Str) -> Arr {
    check(array::fill_strs(a(p), text))
}

/// `df.fillna(v)` leaving float or str column `p` (named `name`) as it is:
/// a ValueError when it has a missing value that pandas would fill with a
/// value of the other kind (collective when distributed).
#[no_mangle]
pub unsafe extern "C" fn bodo_arr_none_missing(p: Arr, name: Str) {
    check(array::none_missing(a(p), s(name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_descs::LIST_INT;
    use bodo_abi::{exc, SLICE_NONE};

    fn flag() -> u8 {
        // SAFETY: plain read of the exported byte.
        unsafe { std::ptr::addr_of!(bodo_err_flag).read_volatile() }
    }

    #[test]
    fn failing_call_sets_flag_and_fetch_clears_it() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let l = bodo_list_from_slots(&LIST_INT, [1u64, 2].as_ptr(), 2);
            assert_eq!(bodo_list_getitem(l, 5), 0);
            assert_eq!(flag(), 1);
            assert_eq!(bodo_err_matches(exc::LOOKUP_ERROR), 1);
            let e = bodo_err_fetch();
            assert_eq!(flag(), 0);
            assert_eq!((*e).class, exc::INDEX_ERROR);
            assert_eq!(s((*e).msg), "list index out of range");
            bodo_decref(e as *mut Header);
            bodo_decref(l as *mut Header);
        }
    }

    #[test]
    fn immortal_objects_survive_decref() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let p = bodo_str_new(b"lit".as_ptr(), 3);
            (*p).hdr.rc = -1;
            bodo_decref(p as *mut Header);
            object::incref(p as *mut Header);
            assert_eq!((*p).hdr.rc, -1);
            let q = bodo_str_slice(p, SLICE_NONE, SLICE_NONE, -1);
            assert_eq!(s(q), "til");
            let same = bodo_str(p as u64, &object::descs::STR);
            assert_eq!(same, p);
            (*p).hdr.rc = 1;
            bodo_decref(p as *mut Header);
            bodo_decref(q as *mut Header);
        }
    }

    #[test]
    fn raise_with_null_message() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            bodo_raise(exc::ASSERTION_ERROR, std::ptr::null_mut());
            let e = bodo_err_fetch();
            assert_eq!(s((*e).msg), "");
            let r = bodo_repr(e as u64, &object::descs::EXC);
            assert_eq!(s(r), "AssertionError()");
            bodo_decref(r as *mut Header);
            bodo_decref(e as *mut Header);
        }
    }
}
