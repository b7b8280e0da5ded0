//! Values as flat words, to move them between ranks: every rank knows the
//! static type (the descriptor), so only the data travels. Numbers and
//! booleans are their slot; a `str` its byte length and bytes; a tuple or
//! record its items in order; a list or run-time-length tuple its length
//! and items; an array (whole, as arrays in containers are) its dtype,
//! shape and data. Other kinds (dicts, sets, optionals) are not encoded.

use crate::array::{self, ArrObj, Shape};
use crate::errors::PyResult;
use crate::object::{slot_decref, ListObj, StrObj, TupleObj, TypeDesc};
use crate::{list, str as pystr, tuple};
use bodo_abi::kind;

/// Appends slot `v` of type `d` to `out`.
///
/// # Safety
/// `v` is a live slot of type `d`, and `d` is `encodable`.
pub unsafe fn encode(v: u64, d: &'static TypeDesc, out: &mut Vec<u64>) {
    match d.kind {
        kind::STR => push_bytes(pystr::as_str(v as *const StrObj).as_bytes(), out),
        kind::ARRAY => {
            // Arrays stored in containers are whole (REP).
            let a = &*(v as *const ArrObj);
            out.extend([a.dtype, a.ndim, a.len, a.ncols].map(|x| x as u64));
            push_bytes(a.bytes(), out);
        }
        kind::TUPLE | kind::RECORD => {
            for (i, &s) in tuple::items(v as *const TupleObj).iter().enumerate() {
                encode(s, d.child(i), out);
            }
        }
        kind::LIST | kind::VTUPLE | kind::INDEX => {
            let items = list::items(v as *const ListObj);
            out.push(items.len() as u64);
            for &s in items.iter() {
                encode(s, d.child(0), out);
            }
        }
        // Numbers, booleans and None: the slot itself.
        _ => out.push(v),
    }
}

/// Whether every value of type `d` has an encoding.
pub fn encodable(d: &TypeDesc) -> bool {
    match d.kind {
        kind::INT | kind::DATETIME | kind::FLOAT | kind::BOOL | kind::NONE | kind::STR | kind::ARRAY => true,
        kind::TUPLE | kind::RECORD | kind::LIST | kind::VTUPLE | kind::INDEX => {
            (0..d.n as usize).all(|i| encodable(d.child(i)))
        }
        _ => false,
    }
}

/// The value of type `d` that `encode` wrote at `words[*pos..]` (an owned
/// slot), moving `pos` past it.
///
/// # Safety
/// `words` holds an encoding of a value of type `d` at `*pos`, and `d` is
/// `encodable`.
pub unsafe fn decode(words: &[u64], pos: &mut usize, d: &'static TypeDesc) -> PyResult<u64> {
    let mut next = || {
        *pos += 1;
        words[*pos - 1]
    };
    Ok(match d.kind {
        kind::STR => pystr::from_bytes(&take_bytes(words, pos)) as u64,
        kind::ARRAY => {
            let [dtype, ndim, len, ncols] = [next(), next(), next(), next()].map(|x| x as i64);
            let bytes = take_bytes(words, pos);
            let a = array::new_unfilled(d, Shape::rep(dtype, ndim, len, ncols))?;
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), (*a).data, bytes.len());
            a as u64
        }
        kind::TUPLE | kind::RECORD => {
            let items = (0..d.n as usize).map(|i| decode(words, pos, d.child(i))).collect::<PyResult<Vec<u64>>>()?;
            let t = tuple::new(d, &items);
            // `tuple::new` took references of its own.
            for (i, &s) in items.iter().enumerate() {
                slot_decref(s, d.child(i));
            }
            t as u64
        }
        kind::LIST | kind::VTUPLE | kind::INDEX => {
            let n = next() as usize;
            let l = list::new(d, n as i64);
            for _ in 0..n {
                list::push_owned(l, decode(words, pos, d.child(0))?);
            }
            l as u64
        }
        // Numbers, booleans and None.
        _ => next(),
    })
}

/// Appends `b`'s length and its bytes, eight to a word.
fn push_bytes(b: &[u8], out: &mut Vec<u64>) {
    out.push(b.len() as u64);
    out.extend(b.chunks(8).map(|c| {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        u64::from_le_bytes(w)
    }));
}

/// The bytes `push_bytes` wrote at `words[*pos..]`, moving `pos` past them.
fn take_bytes(words: &[u64], pos: &mut usize) -> Vec<u8> {
    let len = words[*pos] as usize;
    let nwords = len.div_ceil(8);
    let bytes = words[*pos + 1..*pos + 1 + nwords].iter().flat_map(|w| w.to_le_bytes()).take(len).collect();
    *pos += 1 + nwords;
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, Header};
    use crate::test_descs::TUPLE_STR_INT;
    use bodo_abi::dtype;

    #[test]
    fn values_survive_the_round_trip() {
        unsafe {
            let pair = tuple::new(&TUPLE_STR_INT, &[pystr::new_str("ünïcode, 9 bytes+") as u64, (-3i64) as u64]);
            let arr_desc = array::desc_for(dtype::FLOAT64);
            let arr = array::new_unfilled(arr_desc, Shape::rep(dtype::FLOAT64, 2, 2, 2)).unwrap();
            std::ptr::copy_nonoverlapping([1.5f64, -0.0, 7.0, 1e300].as_ptr() as *const u8, (*arr).data, 32);
            let mut words = Vec::new();
            encode(pair as u64, &TUPLE_STR_INT, &mut words);
            encode(arr as u64, arr_desc, &mut words);
            let mut pos = 0;
            let pair2 = decode(&words, &mut pos, &TUPLE_STR_INT).unwrap();
            let arr2 = decode(&words, &mut pos, arr_desc).unwrap();
            assert_eq!(pos, words.len());
            assert_eq!(crate::generic::repr(pair2, &TUPLE_STR_INT), "('ünïcode, 9 bytes+', -3)");
            assert_eq!(crate::generic::repr(arr2, arr_desc), crate::generic::repr(arr as u64, arr_desc));
            for p in [pair as u64, pair2, arr as u64, arr2] {
                decref(p as *mut Header);
            }
        }
    }
}
