//! Descriptor-driven operations on slots of any type: `==`, `<`, `hash`,
//! `str()`, `repr()`, `len()`, and Python type names for messages.

use crate::array::ArrObj;
use crate::errors::{PyErr, PyResult};
use crate::object::{BoxObj, ExcObj, Header, ListObj, StrObj, TupleObj, TypeDesc};
use crate::{dict, errors, format, list, set, short_copy, str as pystr, tuple};
use bodo_abi::{exc, kind, order_op};
use std::cmp::Ordering;

/// The value inside an Optional slot with its type, or `None` for Python None.
fn unwrap_optional(v: u64, d: &TypeDesc) -> Option<(u64, &'static TypeDesc)> {
    if v == 0 {
        return None;
    }
    let inner = d.child(0);
    if inner.is_heap() {
        Some((v, inner))
    } else {
        // SAFETY: a non-null Optional of a scalar points to a live box.
        Some((unsafe { (*(v as *const BoxObj)).value }, inner))
    }
}

/// The Python type name of a value (needed for Optionals, whose name
/// depends on whether the value is None).
pub fn value_type_name(v: u64, d: &TypeDesc) -> &'static str {
    match d.kind {
        kind::INT => "int",
        kind::DATETIME => "Timestamp",
        kind::FLOAT => "float",
        kind::BOOL => "bool",
        kind::NONE => "NoneType",
        kind::STR => "str",
        kind::LIST => "list",
        kind::DICT_KEYS => "dict_keys",
        kind::DICT_VALUES => "dict_values",
        kind::DICT_ITEMS => "dict_items",
        kind::INDEX => "Index",
        kind::TUPLE | kind::VTUPLE => "tuple",
        kind::DICT | kind::RECORD => "dict",
        kind::SET => "set",
        kind::ARRAY => "numpy.ndarray",
        kind::FRAME | kind::PIVOT => "DataFrame",
        kind::SERIES => "Series",
        // SAFETY: an exception slot points to a live exception object.
        kind::EXCEPTION => errors::class_name(unsafe { (*(v as *const ExcObj)).class }),
        _ => match unwrap_optional(v, d) {
            None => "NoneType",
            Some((x, inner)) => value_type_name(x, inner),
        },
    }
}

fn str_of<'a>(v: u64) -> &'a str {
    // SAFETY: callers pass slots of STR type, i.e. live string objects.
    unsafe { pystr::as_str(v as *const StrObj) }
}

/// Python `a == b` for two values of type `d` (containers compare items).
pub fn eq(a: u64, b: u64, d: &TypeDesc) -> bool {
    // SAFETY (all arms): slots of heap kinds point to live objects of that kind.
    unsafe {
        match d.kind {
            kind::INT | kind::BOOL | kind::NONE => a == b,
            // NaT is unequal to everything, itself included.
            kind::DATETIME => a == b && a as i64 != i64::MIN,
            kind::FLOAT => f64::from_bits(a) == f64::from_bits(b),
            kind::STR => a == b || str_of(a) == str_of(b),
            kind::LIST | kind::VTUPLE | kind::DICT_KEYS | kind::DICT_VALUES | kind::DICT_ITEMS | kind::INDEX => {
                a == b || list::eq(a as *const ListObj, b as *const ListObj)
            }
            // Records of one type have the same keys, so only values differ.
            kind::TUPLE | kind::RECORD => {
                let (xa, xb) = (tuple::items(a as *const TupleObj), tuple::items(b as *const TupleObj));
                xa.len() == xb.len() && xa.iter().zip(xb).enumerate().all(|(i, (&x, &y))| eq(x, y, d.child(i)))
            }
            kind::DICT => dict::eq(a as *const dict::DictObj, b as *const dict::DictObj),
            kind::SET => set::eq(a as *const set::SetObj, b as *const set::SetObj),
            kind::OPTIONAL => match (unwrap_optional(a, d), unwrap_optional(b, d)) {
                (None, None) => true,
                (Some((x, t)), Some((y, _))) => eq(x, y, t),
                _ => false,
            },
            // Exceptions, arrays (whose `==` is elementwise, compiled
            // inline) and anything else compare by identity here.
            _ => a == b,
        }
    }
}

fn not_orderable(a: u64, b: u64, d: &TypeDesc, op: i64) -> PyErr {
    let sym = ["<", "<=", ">", ">="][op as usize];
    PyErr::new(
        exc::TYPE_ERROR,
        format!(
            "'{sym}' not supported between instances of '{}' and '{}'",
            value_type_name(a, d),
            value_type_name(b, d)
        ),
    )
}

/// Lexicographic comparison of two item sequences, CPython style: the first
/// pair that differs (by `==`) is compared with `op`, else the lengths are.
fn seq_compare(xa: &[u64], xb: &[u64], desc_of: impl Fn(usize) -> &'static TypeDesc, op: i64) -> PyResult<bool> {
    for (i, (&x, &y)) in xa.iter().zip(xb).enumerate() {
        let d = desc_of(i);
        // One three-way comparison for the kinds with a total order, where
        // others take `eq` then `compare` (sorting tuples is mostly this).
        let o = match d.kind {
            kind::INT => (x as i64).cmp(&(y as i64)),
            kind::BOOL => x.cmp(&y),
            kind::STR => str_of(x).cmp(str_of(y)),
            _ if eq(x, y, d) => Ordering::Equal,
            _ => return compare(x, y, d, op),
        };
        if o.is_ne() {
            return Ok(holds(o, op));
        }
    }
    Ok(holds(xa.len().cmp(&xb.len()), op))
}

/// Whether an ordering `o` of two values satisfies `op`.
fn holds(o: Ordering, op: i64) -> bool {
    match op {
        order_op::LT => o.is_lt(),
        order_op::LE => o.is_le(),
        order_op::GT => o.is_gt(),
        _ => o.is_ge(),
    }
}

/// Python `a < b` for two values of type `d`; TypeError for unorderable types.
pub fn lt(a: u64, b: u64, d: &TypeDesc) -> PyResult<bool> {
    compare(a, b, d, order_op::LT)
}

/// Python `a op b` (`op` an [`order_op`]) for two values of type `d`;
/// TypeError naming `op` for unorderable types, as CPython.
pub fn compare(a: u64, b: u64, d: &TypeDesc, op: i64) -> PyResult<bool> {
    // SAFETY (all arms): slots of heap kinds point to live objects of that kind.
    unsafe {
        match d.kind {
            kind::INT => Ok(holds((a as i64).cmp(&(b as i64)), op)),
            // Every order comparison with NaT is false.
            kind::DATETIME => {
                Ok(a as i64 != i64::MIN && b as i64 != i64::MIN && holds((a as i64).cmp(&(b as i64)), op))
            }
            kind::BOOL => Ok(holds(a.cmp(&b), op)),
            // Comparisons with NaN are false, so no total order here.
            kind::FLOAT => {
                let (x, y) = (f64::from_bits(a), f64::from_bits(b));
                Ok(match op {
                    order_op::LT => x < y,
                    order_op::LE => x <= y,
                    order_op::GT => x > y,
                    _ => x >= y,
                })
            }
            kind::STR => Ok(holds(str_of(a).cmp(str_of(b)), op)),
            kind::LIST | kind::VTUPLE => {
                let ed = d.child(0);
                seq_compare(&list::items(a as *const ListObj), &list::items(b as *const ListObj), |_| ed, op)
            }
            kind::TUPLE => {
                seq_compare(tuple::items(a as *const TupleObj), tuple::items(b as *const TupleObj), |i| d.child(i), op)
            }
            // Subset order: `a <= b` is `a.issubset(b)`, `a < b` a proper one.
            kind::SET => {
                let (a, b) = (a as *const set::SetObj, b as *const set::SetObj);
                Ok(match op {
                    order_op::LT => set::proper_subset(a, b),
                    order_op::LE => set::issubset(a, b),
                    order_op::GT => set::proper_subset(b, a),
                    _ => set::issubset(b, a),
                })
            }
            kind::OPTIONAL => match (unwrap_optional(a, d), unwrap_optional(b, d)) {
                (Some((x, t)), Some((y, _))) => compare(x, y, t, op),
                _ => Err(not_orderable(a, b, d, op)),
            },
            _ => Err(not_orderable(a, b, d, op)),
        }
    }
}

/// A total order agreeing with `<` for types where `<` is total (str, bool).
pub fn total_cmp(a: u64, b: u64, d: &TypeDesc) -> Ordering {
    match d.kind {
        kind::STR => str_of(a).cmp(str_of(b)),
        _ => a.cmp(&b),
    }
}

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;

/// CPython's `hash(int)`: the value reduced modulo 2**61 - 1, keeping sign.
pub fn hash_int(v: i64) -> i64 {
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if v < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (x finite, non-zero).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's `hash(float)`, so that floats equal to ints hash alike.
/// NaN hashes by identity in CPython; NaN never equals anything, so 0 will do.
pub fn hash_float(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v.is_nan() || v == 0.0 {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython 3.11's tuple hash (xxHash-derived) over item hashes.
fn hash_tuple(hashes: impl ExactSizeIterator<Item = PyResult<i64>>) -> PyResult<i64> {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let len = hashes.len() as u64;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((h? as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    Ok(if acc == u64::MAX { 1_546_275_796 } else { acc as i64 })
}

/// Python `hash(v)`; TypeError for the unhashable list, dict and set.
pub fn hash(v: u64, d: &TypeDesc) -> PyResult<i64> {
    match d.kind {
        kind::INT | kind::DATETIME => Ok(hash_int(v as i64)),
        kind::BOOL => Ok(v as i64),
        kind::FLOAT => Ok(hash_float(f64::from_bits(v))),
        // CPython hashes None by address; any constant is as good.
        kind::NONE => Ok(0x0fca_8642),
        // SAFETY: a str slot points to a live string.
        kind::STR => Ok(unsafe { pystr::hash(v as *const StrObj) }),
        kind::TUPLE => {
            // SAFETY: a tuple slot points to a live tuple.
            let items = unsafe { tuple::items(v as *const TupleObj) };
            hash_tuple(items.iter().enumerate().map(|(i, &x)| hash(x, d.child(i))))
        }
        kind::VTUPLE => {
            // SAFETY: a run-time-length tuple slot points to a live list-layout object.
            let items = unsafe { list::items(v as *const ListObj) };
            let ed = d.child(0);
            hash_tuple(items.iter().map(|&x| hash(x, ed)))
        }
        kind::OPTIONAL => match unwrap_optional(v, d) {
            None => Ok(0x0fca_8642),
            Some((x, t)) => hash(x, t),
        },
        kind::EXCEPTION => Ok((v >> 4) as i64),
        _ => Err(PyErr::new(exc::TYPE_ERROR, format!("unhashable type: '{}'", value_type_name(v, d)))),
    }
}

/// Appends `str(v)`.
pub fn write_str(out: &mut String, v: u64, d: &TypeDesc) {
    match d.kind {
        kind::STR => short_copy::push_str(out, str_of(v)),
        kind::DATETIME => out.push_str(&crate::frame_fmt::timestamp_str(v as i64)),
        // SAFETY: an exception slot points to a live exception object.
        kind::EXCEPTION => out.push_str(&unsafe { errors::exc_str(v as *const ExcObj) }),
        // SAFETY: an array slot points to a live array.
        kind::ARRAY => out.push_str(&unsafe { array_text(v as *const ArrObj, format::ndarray::array_str) }),
        kind::OPTIONAL => match unwrap_optional(v, d) {
            None => out.push_str("None"),
            Some((x, t)) => write_str(out, x, t),
        },
        _ => write_repr(out, v, d),
    }
}

fn write_items(out: &mut String, items: impl Iterator<Item = (u64, &'static TypeDesc)>) {
    for (i, (x, t)) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, x, t);
    }
}

/// Appends a tuple's repr: `(1, 2)`, `(1,)`, `()`.
fn write_tuple(out: &mut String, items: &[u64], desc_of: impl Fn(usize) -> &'static TypeDesc) {
    out.push('(');
    write_items(out, items.iter().enumerate().map(|(i, &x)| (x, desc_of(i))));
    if items.len() == 1 {
        out.push(',');
    }
    out.push(')');
}

/// Appends `repr(v)`.
pub fn write_repr(out: &mut String, v: u64, d: &TypeDesc) {
    // SAFETY (container arms): slots of heap kinds point to live objects.
    unsafe {
        match d.kind {
            kind::INT => short_copy::push_str(out, format::int_str(v as i64, &mut [0; 40])),
            kind::FLOAT => out.push_str(&format::float_repr(f64::from_bits(v))),
            kind::DATETIME => out.push_str(&crate::frame_fmt::timestamp_repr(v as i64)),
            kind::BOOL => out.push_str(if v != 0 { "True" } else { "False" }),
            kind::NONE => out.push_str("None"),
            kind::STR => out.push_str(&format::str_repr(str_of(v))),
            kind::LIST => {
                let ed = d.child(0);
                out.push('[');
                write_items(out, list::items(v as *const ListObj).iter().map(|&x| (x, ed)));
                out.push(']');
            }
            kind::DICT_KEYS | kind::DICT_VALUES | kind::DICT_ITEMS => {
                out.push_str(value_type_name(v, d));
                out.push_str("([");
                write_items(out, list::items(v as *const ListObj).iter().map(|&x| (x, d.child(0))));
                out.push_str("])");
            }
            kind::TUPLE => write_tuple(out, tuple::items(v as *const TupleObj), |i| d.child(i)),
            kind::VTUPLE => {
                let ed = d.child(0);
                write_tuple(out, &list::items(v as *const ListObj), |_| ed)
            }
            kind::DICT => {
                let (kd, vd) = (d.child(0), d.child(1));
                out.push('{');
                for (i, (k, x)) in dict::entries(v as *const dict::DictObj).enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_repr(out, k, kd);
                    out.push_str(": ");
                    write_repr(out, x, vd);
                }
                out.push('}');
            }
            kind::RECORD => {
                out.push('{');
                for (i, &x) in tuple::items(v as *const TupleObj).iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&format::str_repr(d.field_name(i)));
                    out.push_str(": ");
                    write_repr(out, x, d.child(i));
                }
                out.push('}');
            }
            kind::SET => {
                let s = v as *const set::SetObj;
                if set::len(s) == 0 {
                    out.push_str("set()");
                } else {
                    let ed = d.child(0);
                    out.push('{');
                    write_items(out, set::keys(s).map(|x| (x, ed)));
                    out.push('}');
                }
            }
            kind::EXCEPTION => out.push_str(&errors::exc_repr(v as *const ExcObj)),
            kind::ARRAY => out.push_str(&array_text(v as *const ArrObj, format::ndarray::array_repr)),
            kind::FRAME => out.push_str(&crate::frame_print::frame_text(v, d)),
            kind::SERIES => out.push_str(&crate::frame_print::series_text(v, d)),
            kind::PIVOT => out.push_str(&crate::frame_print::pivot_text(v, d)),
            kind::INDEX => {
                use crate::frame_fmt::{index_repr, IndexValues};
                let items = list::items(v as *const ListObj);
                // The name follows the element's descriptor (null for none).
                let name = *d.children.add(1) as *const StrObj;
                let name = (!name.is_null()).then(|| pystr::as_str(name));
                if d.child(0).kind == kind::INT {
                    let ints: Vec<i64> = items.iter().map(|&x| x as i64).collect();
                    out.push_str(&index_repr(IndexValues::Ints(&ints), name));
                } else {
                    let strs: Vec<&str> = items.iter().map(|&x| str_of(x)).collect();
                    out.push_str(&index_repr(IndexValues::Strs(&strs), name));
                }
            }
            _ => match unwrap_optional(v, d) {
                None => out.push_str("None"),
                Some((x, t)) => write_repr(out, x, t),
            },
        }
    }
}

type ArrayFormatter = unsafe fn(i64, i64, i64, i64, *const u8) -> String;

/// `str()`/`repr()` of an array through `f`. Printed arrays are REP (the
/// compiler gathers them first), so the local data is the whole array.
///
/// # Safety
/// `a` is a live array.
unsafe fn array_text(a: *const ArrObj, f: ArrayFormatter) -> String {
    let a = &*a;
    f(a.dtype, a.ndim, a.len, a.ncols, a.data)
}

pub fn str(v: u64, d: &TypeDesc) -> String {
    let mut s = String::new();
    write_str(&mut s, v, d);
    s
}

pub fn repr(v: u64, d: &TypeDesc) -> String {
    let mut s = String::new();
    write_repr(&mut s, v, d);
    s
}

/// Appends `format(v, spec)` for any value: numbers, str, bool and None
/// follow the format-spec mini-language; other objects accept only an
/// empty spec.
pub fn write_formatted(out: &mut String, v: u64, d: &TypeDesc, spec: format::SpecText) -> PyResult<()> {
    if let Some((x, t)) = (d.kind == kind::OPTIONAL).then(|| unwrap_optional(v, d)).flatten() {
        return write_formatted(out, x, t, spec);
    }
    let r = match d.kind {
        kind::INT => format::write_int(out, v as i64, spec),
        kind::FLOAT => format::write_float(out, f64::from_bits(v), spec),
        kind::BOOL => format::write_bool(out, v != 0, spec),
        kind::STR => format::write_str(out, str_of(v), spec),
        // `object.__format__` (None's too): str(v) for an empty spec,
        // otherwise a TypeError.
        _ if spec.text.is_empty() => {
            write_str(out, v, d);
            Ok(())
        }
        _ => {
            return Err(PyErr::new(
                exc::TYPE_ERROR,
                format!("unsupported format string passed to {}.__format__", value_type_name(v, d)),
            ))
        }
    };
    r.map_err(|m| PyErr::new(exc::VALUE_ERROR, m))
}

/// `len(p)` for a str, list, tuple, dict, set or array (global rows) object.
///
/// # Safety
/// `p` is a live object of one of those kinds.
pub unsafe fn len(p: *const Header) -> i64 {
    match (*p).desc().kind {
        kind::STR => (*(p as *const StrObj)).nchars,
        kind::LIST | kind::VTUPLE | kind::INDEX => (*(p as *const ListObj)).len,
        kind::TUPLE | kind::RECORD => (*(p as *const TupleObj)).len,
        kind::DICT => dict::len(p as *const dict::DictObj),
        kind::SET => set::len(p as *const set::SetObj),
        kind::ARRAY => (*(p as *const ArrObj)).glen,
        k => panic!("bodo_rt: len() of object with descriptor kind {k}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, descs};
    use crate::test_descs::*;

    #[test]
    fn numeric_hashes_match_python() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_float(0.1), 230_584_300_921_369_408);
        assert_eq!(hash_float(2f64.powi(70)), hash_int(1 << 9));
        assert_eq!(hash_float(5e-324), 16_777_216);
    }

    #[test]
    fn tuple_hash_matches_python() {
        let t = unsafe { tuple::new(&TUPLE_INT_INT, &[1, 2]) };
        assert_eq!(hash(t as u64, &TUPLE_INT_INT).unwrap(), -3_550_055_125_485_641_917);
        unsafe { decref(t as *mut Header) };
    }

    #[test]
    fn repr_of_nested_containers() {
        unsafe {
            let a = pystr::new_str("a");
            let b = pystr::new_str("it's");
            let t1 = tuple::new(&TUPLE_INT_STR, &[1, a as u64]);
            let t2 = tuple::new(&TUPLE_INT_STR, &[2, b as u64]);
            let l = list::from_slots(&LIST_TUPLE_INT_STR, &[t1 as u64, t2 as u64]);
            assert_eq!(repr(l as u64, &LIST_TUPLE_INT_STR), "[(1, 'a'), (2, \"it's\")]");
            assert_eq!(str(a as u64, &descs::STR), "a");
            let one = tuple::new(&TUPLE_STR, &[a as u64]);
            assert_eq!(repr(one as u64, &TUPLE_STR), "('a',)");
            let m = dict::new(&DICT_STR_INT);
            dict::setitem(m, a as u64, 1).unwrap();
            assert_eq!(str(m as u64, &DICT_STR_INT), "{'a': 1}");
            let s = set::new(&SET_INT);
            assert_eq!(repr(s as u64, &SET_INT), "set()");
            let fl = list::from_slots(&LIST_FLOAT, &[1.0f64.to_bits(), 1e16f64.to_bits()]);
            assert_eq!(repr(fl as u64, &LIST_FLOAT), "[1.0, 1e+16]");
            let bx = crate::boxed::new(&OPT_INT, 5);
            assert_eq!(str(bx as u64, &OPT_INT), "5");
            assert_eq!(str(0, &OPT_INT), "None");
            for p in [a, b] {
                decref(p as *mut Header);
            }
            for p in [t1, t2, one] {
                decref(p as *mut Header);
            }
            for p in [l as *mut Header, m as _, s as _, fl as _, bx as _] {
                decref(p);
            }
        }
    }

    #[test]
    fn ordering() {
        unsafe {
            let a = pystr::new_str("a");
            let b = pystr::new_str("b");
            let t1 = tuple::new(&TUPLE_INT_STR, &[1, b as u64]);
            let t2 = tuple::new(&TUPLE_INT_STR, &[1, a as u64]);
            assert!(lt(t2 as u64, t1 as u64, &TUPLE_INT_STR).unwrap());
            assert!(!lt(t1 as u64, t2 as u64, &TUPLE_INT_STR).unwrap());
            let l1 = list::from_slots(&LIST_INT, &[1, 2]);
            let l2 = list::from_slots(&LIST_INT, &[1, 2, 0]);
            let l3 = list::from_slots(&LIST_INT, &[1, 3]);
            assert!(lt(l1 as u64, l2 as u64, &LIST_INT).unwrap());
            assert!(lt(l2 as u64, l3 as u64, &LIST_INT).unwrap());
            assert!(!lt(l3 as u64, l1 as u64, &LIST_INT).unwrap());
            assert!(eq(l1 as u64, l1 as u64, &LIST_INT));
            let bx = crate::boxed::new(&OPT_INT, 5);
            assert_eq!(
                lt(0, bx as u64, &OPT_INT).unwrap_err().msg,
                "'<' not supported between instances of 'NoneType' and 'int'"
            );
            assert!(!eq(0, bx as u64, &OPT_INT));
            for p in [a, b] {
                decref(p as *mut Header);
            }
            for p in [t1 as *mut Header, t2 as _, l1 as _, l2 as _, l3 as _, bx as _] {
                decref(p);
            }
        }
    }
}
