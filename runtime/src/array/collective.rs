//! Collective operations on scalars and small values: the reductions behind
//! compiled `sum`/`min`/`any`/`argmax`... of distributed data, exclusive
//! scans (rank order, and global-row order for arrays), the `prange` list
//! concatenation reduction, the first rank of every node, and the ranks'
//! agreement on an exception raised inside a parallel loop.
//!
//! Float reductions gather one value per rank and fold them in rank order
//! on every rank: each rank gets bit-identical results, and min/max can
//! propagate NaN as NumPy does (MPI_MIN/MAX leave NaN unspecified).

use super::comm::{self, allgather_i64s, Op};
use super::object::{data_mut, new_checked, new_like, ArrObj, Data, DataMut, Shape};
use crate::errors::{self, PyErr, PyResult};
use crate::object::{ListObj, TypeDesc};
use crate::{list, mpi_env, wire};
use bodo_abi::{dtype, exc, kind};

/// Collective, where a parallel loop ends (normally on some ranks, by an
/// exception on others): whether any rank raised in it. If one did, every
/// rank now holds the exception of the lowest-numbered rank that raised, so
/// all of them take the same handler and meet again in the same collectives
/// (ranks that went on alone would pair their collectives with the wrong
/// ones of the others and compute wrong results silently).
pub fn agree_on_exception() -> PyResult<bool> {
    let mine = errors::pending_parts();
    if mpi_env::world().is_none() {
        return Ok(mine.is_some());
    }
    let (rank, size) = (mpi_env::rank(), mpi_env::size());
    let mut first = [if mine.is_some() { rank } else { size }];
    comm::allreduce(&mut first, Op::Min);
    let root = first[0];
    if root == size {
        return Ok(false);
    }
    let (class, line, msg) = match (rank == root, mine) {
        (true, Some(parts)) => parts,
        _ => (0, 0, String::new()),
    };
    let mut meta = [class, line];
    comm::allreduce(&mut meta, Op::Sum);
    let text = comm::allgatherv_vec(msg.as_bytes())?;
    if rank != root {
        errors::raise_at(meta[0], meta[1], &String::from_utf8_lossy(&text));
    }
    Ok(true)
}

/// The reduction operators of `bodo_allreduce_*`, by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RedOp {
    Sum,
    Prod,
    Min,
    Max,
    Any,
    All,
}

fn red_op(op: i64) -> PyResult<RedOp> {
    Ok(match op {
        0 => RedOp::Sum,
        1 => RedOp::Prod,
        2 => RedOp::Min,
        3 => RedOp::Max,
        4 => RedOp::Any,
        5 => RedOp::All,
        _ => return Err(PyErr::new(exc::RUNTIME_ERROR, format!("unknown reduction operator {op}"))),
    })
}

/// Collective: `v` reduced over all ranks (any/all give 0 or 1; sums and
/// products wrap like NumPy's int64).
pub fn allreduce_i64(v: i64, op: i64) -> PyResult<i64> {
    let (mut buf, op) = match red_op(op)? {
        RedOp::Sum => ([v], Op::Sum),
        RedOp::Prod => ([v], Op::Prod),
        RedOp::Min => ([v], Op::Min),
        RedOp::Max => ([v], Op::Max),
        RedOp::Any => ([i64::from(v != 0)], Op::Max),
        RedOp::All => ([i64::from(v != 0)], Op::Min),
    };
    comm::allreduce(&mut buf, op);
    Ok(buf[0])
}

pub(super) fn nan_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || (!b.is_nan() && a <= b) {
        a
    } else {
        b
    }
}

pub(super) fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || (!b.is_nan() && a >= b) {
        a
    } else {
        b
    }
}

/// Collective: `v` reduced over all ranks, folded in rank order; min and
/// max return NaN if any rank has NaN; any/all give 0.0 or 1.0 (NaN is true).
pub fn allreduce_f64(v: f64, op: i64) -> PyResult<f64> {
    let op = red_op(op)?;
    let vals = allgather_i64s(&[v.to_bits() as i64]);
    let mut vals = vals.into_iter().map(|b| f64::from_bits(b as u64));
    let first = vals.next().unwrap_or(v);
    Ok(match op {
        RedOp::Sum => vals.fold(first, |a, b| a + b),
        RedOp::Prod => vals.fold(first, |a, b| a * b),
        RedOp::Min => vals.fold(first, nan_min),
        RedOp::Max => vals.fold(first, nan_max),
        RedOp::Any => f64::from(u8::from(std::iter::once(first).chain(vals).any(|x| x != 0.0))),
        RedOp::All => f64::from(u8::from(std::iter::once(first).chain(vals).all(|x| x != 0.0))),
    })
}

/// A zeroed (sums) or all-ones (products) REP array of `p`'s shape and
/// dtype: where every rank starts a prange array reduction.
pub fn identity_like(p: &ArrObj, op: i64) -> PyResult<*mut ArrObj> {
    let prod = red_op(op)? == RedOp::Prod;
    let r = new_like(p, Shape::rep(p.dtype, p.ndim, p.glen, p.ncols))?;
    // SAFETY: a fresh array of `p`'s dtype.
    match unsafe { data_mut(r) } {
        DataMut::Int(d) if prod => d.fill(1),
        DataMut::Float(d) if prod => d.fill(1.0),
        DataMut::Bool(d) if prod => d.fill(1),
        _ => {}
    }
    Ok(r)
}

/// Collective, where a prange array reduction ends: `into op=` the
/// elementwise sum (or product) over ranks of their partial arrays `part`,
/// in place, as NumPy's `into += ...` updates the array its aliases see.
///
/// # Safety
/// `into` is a live REP array and `part` a live REP array of its dtype.
pub unsafe fn fold_ranks(into: *mut ArrObj, part: &ArrObj, op: i64) -> PyResult<()> {
    let op = red_op(op)?;
    let (to, from) = (&*into, part);
    if (to.glen, to.ncols) != (from.glen, from.ncols) || to.dtype != from.dtype {
        let (a, b) = (to.shape().text(), from.shape().text());
        let msg = format!("operands could not be broadcast together with shapes {a} {b} ");
        return Err(PyErr::new(exc::VALUE_ERROR, msg));
    }
    let (mpi_op, prod) = if op == RedOp::Prod { (Op::Prod, true) } else { (Op::Sum, false) };
    match (data_mut(into), from.data()) {
        (DataMut::Int(d), Data::Int(s)) => {
            let mut all = s.to_vec();
            comm::allreduce(&mut all, mpi_op);
            for (x, y) in d.iter_mut().zip(all) {
                *x = if prod { x.wrapping_mul(y) } else { x.wrapping_add(y) };
            }
        }
        (DataMut::Float(d), Data::Float(s)) => {
            let mut all = s.to_vec();
            comm::allreduce(&mut all, mpi_op);
            for (x, y) in d.iter_mut().zip(all) {
                *x = if prod { *x * y } else { *x + y };
            }
        }
        _ => {
            let msg = "prange reduction of a bool array".to_string();
            return Err(PyErr::new(exc::NOT_IMPLEMENTED_ERROR, msg));
        }
    }
    Ok(())
}

/// Collective: the value bits of the ranks holding rows (`len > 0`), in
/// global row order (by `offset`, then rank), and how many of them come
/// before this rank's rows. Arrays need this order rather than rank order:
/// a rebalance to listed ranks may place rows out of rank order.
pub(super) fn in_row_order(offset: i64, len: i64, bits: i64) -> (Vec<i64>, usize) {
    let all = allgather_i64s(&[offset, len, bits]);
    let me = (offset, mpi_env::rank());
    let mut held: Vec<(i64, i64, i64)> =
        all.chunks_exact(3).enumerate().filter(|(_, c)| c[1] > 0).map(|(r, c)| (c[0], r as i64, c[2])).collect();
    held.sort_unstable();
    let before = held.iter().filter(|&&(o, r, _)| (o, r) < me).count();
    (held.into_iter().map(|(_, _, b)| b).collect(), before)
}

/// Collective, for a distributed array whose local rows start at global
/// row `offset`: the wrapping sum of `v` over the ranks holding earlier
/// rows, and over all ranks.
pub fn ordered_exscan_i64(offset: i64, len: i64, v: i64) -> (i64, i64) {
    let (vals, before) = in_row_order(offset, len, v);
    let sum = |s: &[i64]| s.iter().fold(0i64, |a, &b| a.wrapping_add(b));
    (sum(&vals[..before]), sum(&vals))
}

/// Whether candidate `a` beats `b` for argmax (`is_max`) or argmin; NaN
/// beats every number, as NumPy's argmax/argmin return the first NaN.
fn f64_beats(a: f64, b: f64, is_max: bool) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && !b.is_nan();
    }
    if is_max {
        a > b
    } else {
        a < b
    }
}

/// The global index of the best `(value, index)` candidate (index -1 = a
/// rank without elements); ties go to the smallest index.
fn pick_best<T: Copy>(cands: impl Iterator<Item = (T, i64)>, beats: impl Fn(T, T) -> bool) -> Option<i64> {
    let mut best: Option<(T, i64)> = None;
    for (v, i) in cands.filter(|&(_, i)| i >= 0) {
        best = match best {
            Some((bv, bi)) if !(beats(v, bv) || (!beats(bv, v) && i < bi)) => Some((bv, bi)),
            _ => Some((v, i)),
        };
    }
    best.map(|(_, i)| i)
}

fn empty_arg(is_max: bool) -> PyErr {
    let name = if is_max { "argmax" } else { "argmin" };
    PyErr::new(exc::VALUE_ERROR, format!("attempt to get {name} of an empty sequence"))
}

/// Collective argmax/argmin over ranks of float candidates.
pub fn argbest_f64(val: f64, idx: i64, is_max: bool) -> PyResult<i64> {
    let all = allgather_i64s(&[val.to_bits() as i64, idx]);
    let cands = all.chunks_exact(2).map(|c| (f64::from_bits(c[0] as u64), c[1]));
    pick_best(cands, |a, b| f64_beats(a, b, is_max)).ok_or_else(|| empty_arg(is_max))
}

/// Collective argmax/argmin over ranks of int candidates.
pub fn argbest_i64(val: i64, idx: i64, is_max: bool) -> PyResult<i64> {
    let all = allgather_i64s(&[val, idx]);
    let cands = all.chunks_exact(2).map(|c| (c[0], c[1]));
    pick_best(cands, |a, b| if is_max { a > b } else { a < b }).ok_or_else(|| empty_arg(is_max))
}

/// A type's name in annotation style, for messages about descriptors.
fn type_name(d: &TypeDesc) -> String {
    let kids = || (0..d.n as usize).map(|i| type_name(d.child(i))).collect::<Vec<_>>().join(", ");
    match d.kind {
        kind::INT => "int".into(),
        kind::FLOAT => "float".into(),
        kind::BOOL => "bool".into(),
        kind::NONE => "None".into(),
        kind::STR => "str".into(),
        kind::LIST => format!("list[{}]", kids()),
        kind::TUPLE => format!("tuple[{}]", kids()),
        kind::VTUPLE => format!("tuple[{}, ...]", kids()),
        kind::DICT => format!("dict[{}]", kids()),
        kind::RECORD => "dict".into(),
        kind::SET => format!("set[{}]", kids()),
        kind::OPTIONAL => format!("Optional[{}]", kids()),
        kind::ARRAY => "numpy.ndarray".into(),
        _ => "BaseException".into(),
    }
}

/// Collective: every rank's list concatenated in rank order, on every rank
/// (the `prange` list-concatenation reduction). Elements that are objects
/// (strings, tuples, lists of them) travel encoded (`wire`).
///
/// # Safety
/// `l` is a live list.
pub unsafe fn list_concat_gather(l: *const ListObj) -> PyResult<*mut ListObj> {
    let ed = list::elem_desc(l);
    if !wire::encodable(ed) {
        let msg = format!("concatenation reduction of lists of {}", type_name(ed));
        return Err(PyErr::new(exc::NOT_IMPLEMENTED_ERROR, msg));
    }
    if !ed.is_heap() {
        let all = comm::allgatherv_vec(&list::items(l))?;
        let out = list::new((*l).hdr.desc, all.len() as i64);
        list::with_vec(out, |v| v.extend_from_slice(&all));
        return Ok(out);
    }
    let mut words = Vec::new();
    for &s in list::items(l).iter() {
        wire::encode(s, ed, &mut words);
    }
    let all = comm::allgatherv_vec(&words)?;
    let out = list::new((*l).hdr.desc, 0);
    let mut pos = 0;
    while pos < all.len() {
        list::push_owned(out, wire::decode(&all, &mut pos, ed)?);
    }
    Ok(out)
}

/// Collective: the lowest rank of each node, ascending, as a REP int64 array.
pub fn nodes_first_ranks(t: *const TypeDesc) -> PyResult<*mut ArrObj> {
    let me = if comm::is_node_leader() { mpi_env::rank() } else { -1 };
    let firsts: Vec<i64> = allgather_i64s(&[me]).into_iter().filter(|&r| r >= 0).collect();
    let a = new_checked(t, Shape::rep1(dtype::INT64, firsts.len() as i64))?;
    // SAFETY: a fresh int64 array of that length.
    if let DataMut::Int(d) = unsafe { super::object::data_mut(a) } {
        d.copy_from_slice(&firsts);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, Header};
    use crate::test_descs::{LIST_DICT_INT_INT, LIST_FLOAT, LIST_TUPLE_STR_INT, TUPLE_STR_INT};

    #[test]
    fn single_rank_reductions_are_identities() {
        for op in 0..4 {
            assert_eq!(allreduce_i64(-7, op).unwrap(), -7);
            assert_eq!(allreduce_f64(-0.0, op).unwrap().to_bits(), (-0.0f64).to_bits());
        }
        assert_eq!(allreduce_i64(-7, 4).unwrap(), 1);
        assert_eq!(allreduce_f64(f64::NAN, 5).unwrap(), 1.0);
        assert!(allreduce_f64(f64::NAN, 2).unwrap().is_nan());
        assert_eq!(allreduce_i64(1, 9).unwrap_err().class, exc::RUNTIME_ERROR);
        assert_eq!(ordered_exscan_i64(3, 2, 5), (0, 5));
    }

    #[test]
    fn argbest_ties_and_nan() {
        let beats = |a, b| f64_beats(a, b, true);
        assert_eq!(pick_best([(1.0, 7), (3.0, 9), (3.0, 4), (0.0, -1)].into_iter(), beats), Some(4));
        assert_eq!(pick_best([(1.0, 2), (f64::NAN, 9), (f64::NAN, 5), (9.0, 1)].into_iter(), beats), Some(5));
        let low = |a, b| f64_beats(a, b, false);
        assert_eq!(pick_best([(-0.0, 8), (0.0, 3), (1.0, 0)].into_iter(), low), Some(3));
        assert_eq!(pick_best([(1i64, 5), (1, 2)].into_iter(), |a, b| a > b), Some(2));
        assert_eq!(argbest_i64(4, -1, false).unwrap_err().msg, "attempt to get argmin of an empty sequence");
        assert_eq!(argbest_f64(4.0, -1, true).unwrap_err().msg, "attempt to get argmax of an empty sequence");
        assert_eq!(argbest_f64(f64::NAN, 3, true).unwrap(), 3);
    }

    #[test]
    fn list_gather_on_one_rank() {
        unsafe {
            let vals = [1.5f64.to_bits(), 2.5f64.to_bits()];
            let l = list::from_slots(&LIST_FLOAT, &vals);
            let g = list_concat_gather(l).unwrap();
            assert_eq!(&*list::items(g), &vals);
            let pair = crate::tuple::new(&TUPLE_STR_INT, &[crate::str::new_str("héllo, ranks") as u64, 7]);
            let pairs = list::from_slots(&LIST_TUPLE_STR_INT, &[pair as u64, pair as u64]);
            let back = list_concat_gather(pairs).unwrap();
            assert_eq!(
                crate::generic::repr(back as u64, &LIST_TUPLE_STR_INT),
                "[('héllo, ranks', 7), ('héllo, ranks', 7)]"
            );
            let bad = list::new(&LIST_DICT_INT_INT, 0);
            let e = list_concat_gather(bad).unwrap_err();
            assert_eq!(e.msg, "concatenation reduction of lists of dict[int, int]");
            for p in [l, g, pairs, back, bad] {
                decref(p as *mut Header);
            }
            decref(pair as *mut Header);
        }
    }

    #[test]
    fn one_node_one_leader() {
        let a = nodes_first_ranks(super::super::object::desc_for(dtype::INT64)).unwrap();
        unsafe {
            assert!(matches!((*a).data(), super::Data::Int(&[0])));
            decref(a as *mut Header);
        }
    }
}
