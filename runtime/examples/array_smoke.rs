//! Multi-rank smoke test of the array runtime through its C ABI, the way
//! generated code uses it. Not run by CI; run it by hand at a few rank counts:
//!
//! ```text
//! cargo build --release -p bodo_rt --example array_smoke
//! for n in 1 2 3 4; do mpiexec -n $n target/release/examples/array_smoke; done
//! ```
//!
//! Every rank checks the collective results against the serial answer and
//! prints one `ok` line; a failed check panics, which aborts every rank.

use bodo_abi::layout::array as l;
use bodo_abi::{dist, dtype, kind, SLICE_NONE};
use bodo_rt::abi::*;
use std::ffi::c_char;

/// Mirror of the runtime's `TypeDesc` (`bodo_abi::layout::DESC_SIZE` bytes).
#[repr(C)]
struct Desc {
    kind: u32,
    n: u32,
    children: *const *const Desc,
}

fn desc(kind: u32, children: Vec<*const Desc>) -> *const Desc {
    let children = Box::leak(children.into_boxed_slice());
    Box::leak(Box::new(Desc { kind, n: children.len() as u32, children: children.as_ptr() }))
}

struct Descs {
    arr_int: *const Desc,
    arr_float: *const Desc,
    arr_bool: *const Desc,
    list_int: *const Desc,
}

unsafe fn field<T>(a: *mut T, off: u64) -> i64 {
    *((a as *const u8).add(off as usize) as *const i64)
}

/// The local data of an array as floats.
unsafe fn local<T>(a: *mut T) -> Vec<f64> {
    let n = (field(a, l::LEN) * field(a, l::NCOLS)) as usize;
    let data = field(a, l::DATA) as *const u8;
    (0..n)
        .map(|k| match field(a, l::DTYPE) {
            dtype::INT64 => *(data as *const i64).add(k) as f64,
            dtype::BOOL => f64::from(*data.add(k)),
            _ => *(data as *const f64).add(k),
        })
        .collect()
}

/// All rows of an array (gathered if distributed), as floats.
unsafe fn whole<T>(a: *mut T) -> Vec<f64> {
    let g = bodo_arr_gather(a.cast());
    assert_eq!(field(g, l::DIST), dist::REP);
    let v = local(g);
    bodo_decref(g.cast());
    v
}

fn same(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
}

/// A 1D_Block array of `glen` rows by `ncols` whose element at global
/// position k is `f(k)`, stored as `dt`.
unsafe fn block(ds: &Descs, dt: i64, glen: i64, ncols: i64, f: impl Fn(i64) -> f64) -> *mut u8 {
    let t = match dt {
        dtype::INT64 => ds.arr_int,
        dtype::BOOL => ds.arr_bool,
        _ => ds.arr_float,
    };
    let (start, count) = (bodo_block_start(glen), bodo_block_count(glen));
    let ndim = if ncols == 1 { 1 } else { 2 };
    let a = bodo_arr_new(t.cast(), dt, ndim, count, ncols, glen, start, dist::ONE_D);
    let data = field(a, l::DATA) as *mut u8;
    for k in 0..count * ncols {
        let v = f(start * ncols + k);
        match dt {
            dtype::INT64 => *(data as *mut i64).add(k as usize) = v as i64,
            dtype::BOOL => *data.add(k as usize) = u8::from(v != 0.0),
            _ => *(data as *mut f64).add(k as usize) = v,
        }
    }
    a as *mut u8
}

/// Fetches the pending exception's message and clears it.
unsafe fn take_error(exc_desc: *const Desc) -> String {
    assert_eq!(std::ptr::addr_of!(bodo_err_flag).read_volatile(), 1, "an exception should be pending");
    let e = bodo_err_fetch();
    let s = bodo_str(e as u64, exc_desc.cast());
    let text = String::from_utf8_lossy(std::slice::from_raw_parts(
        (s as *const u8).add(bodo_abi::layout::str::DATA as usize),
        field(s, bodo_abi::layout::str::LEN) as usize,
    ))
    .into_owned();
    bodo_decref(s.cast());
    bodo_decref(e.cast());
    text
}

fn main() {
    let script = c"array_smoke";
    // SAFETY: the whole program drives the ABI as generated code would.
    unsafe {
        bodo_init(0, std::ptr::null::<*const c_char>(), script.as_ptr());
        let (rank, size) = (bodo_get_rank(), bodo_get_size());
        let int = desc(kind::INT, vec![]);
        let ds = Descs {
            arr_int: desc(kind::ARRAY, vec![int]),
            arr_float: desc(kind::ARRAY, vec![desc(kind::FLOAT, vec![])]),
            arr_bool: desc(kind::ARRAY, vec![desc(kind::BOOL, vec![])]),
            list_int: desc(kind::LIST, vec![int]),
        };
        let exc = desc(kind::EXCEPTION, vec![]);

        // Scalar collectives.
        assert_eq!(bodo_allreduce_i64(rank, 0), size * (size - 1) / 2);
        assert_eq!(bodo_allreduce_i64(i64::from(rank == size - 1), 4), 1);
        assert_eq!(bodo_allreduce_i64(i64::from(rank == 0), 5), i64::from(size == 1));
        assert_eq!(bodo_allreduce_f64(0.5, 0), 0.5 * size as f64);
        let v = if rank == size - 1 { f64::NAN } else { rank as f64 };
        assert!(bodo_allreduce_f64(v, 3).is_nan() && bodo_allreduce_f64(v, 2).is_nan());
        assert_eq!(bodo_allreduce_f64(-(rank as f64), 2), -((size - 1) as f64));
        // Equal maxima on every rank: the smallest global index wins.
        assert_eq!(bodo_allreduce_argbest_f64(7.0, 100 - rank, 1), 100 - (size - 1));
        let nan_at = if rank == size - 1 { (f64::NAN, 50) } else { (1e300, rank) };
        assert_eq!(bodo_allreduce_argbest_f64(nan_at.0, nan_at.1, 0), 50);
        assert_eq!(bodo_allreduce_argbest_i64(-rank, rank, 0), size - 1);
        bodo_allreduce_argbest_i64(0, -1, 1);
        assert_eq!(take_error(exc), "attempt to get argmax of an empty sequence");

        // Layout changes keep global row order.
        let n = 10;
        let serial: Vec<f64> = (0..n).map(|k| k as f64).collect();
        let a = block(&ds, dtype::FLOAT64, n, 1, |k| k as f64);
        assert!(same(&whole(a), &serial));
        let dests: Vec<i64> = if size > 2 { vec![2, 0] } else { vec![size - 1] };
        let r = bodo_arr_rebalance(a.cast(), dests.as_ptr(), dests.len() as i64);
        assert!(same(&whole(r), &serial));
        let on_first_dest = rank == dests[0];
        assert_eq!(field(r, l::OFFSET) == 0 && field(r, l::LEN) > 0, on_first_dest);
        let even = bodo_arr_rebalance(r, std::ptr::null(), 0);
        assert_eq!((field(even, l::OFFSET), field(even, l::LEN)), (bodo_block_start(n), bodo_block_count(n)));
        let al = bodo_arr_align(a.cast(), r);
        assert_eq!((field(al, l::OFFSET), field(al, l::LEN)), (field(r, l::OFFSET), field(r, l::LEN)));
        assert!(same(&local(al), &local(r)));
        let short = block(&ds, dtype::FLOAT64, 4, 1, |k| k as f64);
        bodo_arr_align(a.cast(), short.cast());
        assert_eq!(take_error(exc), "operands could not be broadcast together with shapes (10,) (4,) ");

        // cumsum over rows placed out of rank order.
        let cs = bodo_arr_cumulative(r, 0);
        let want: Vec<f64> = serial.iter().scan(0.0, |s, x| Some(std::mem::replace(s, *s + x) + x)).collect();
        assert!(same(&whole(cs), &want));

        // Masks, slices and items.
        let mask = block(&ds, dtype::BOOL, n, 1, |k| f64::from(u8::from(k % 3 == 0)));
        let f = bodo_arr_filter(a.cast(), mask.cast());
        assert_eq!(field(f, l::GLEN), 4);
        assert!(same(&whole(f), &[0.0, 3.0, 6.0, 9.0]));
        let fr = bodo_arr_filter(r, mask.cast());
        assert!(same(&whole(fr), &[0.0, 3.0, 6.0, 9.0]));
        let s = bodo_arr_slice(a.cast(), 1, 9, 2);
        assert!(same(&whole(s), &[1.0, 3.0, 5.0, 7.0]));
        let rs = bodo_arr_slice(r, SLICE_NONE, SLICE_NONE, -3);
        assert_eq!(field(rs, l::DIST), dist::ONE_D);
        assert!(same(&whole(rs), &[9.0, 6.0, 3.0, 0.0]));
        assert_eq!(f64::from_bits(bodo_arr_getitem(r, -3)), 7.0);
        bodo_arr_setitem(r, 7, 70.5f64.to_bits());
        assert_eq!(f64::from_bits(bodo_arr_getitem(r, 7)), 70.5);
        bodo_arr_set_slice(a.cast(), 8, SLICE_NONE, 1, (-1.0f64).to_bits());
        bodo_arr_set_mask(a.cast(), mask.cast(), 0.25f64.to_bits());
        assert!(same(&whole(a), &[0.25, 1.0, 2.0, 0.25, 4.0, 5.0, 0.25, 7.0, -1.0, 0.25]));
        bodo_arr_getitem(a.cast(), 10);
        assert_eq!(take_error(exc), "index 10 is out of bounds for axis 0 with size 10");

        // Sort and unique of distributed data.
        let rev = block(&ds, dtype::FLOAT64, 7, 1, |k| if k == 2 { f64::NAN } else { (7 - k % 4) as f64 });
        let sorted = bodo_arr_sort(rev.cast());
        assert_eq!(field(sorted, l::DIST), dist::ONE_D);
        assert!(same(&whole(sorted), &[4.0, 5.0, 6.0, 6.0, 7.0, 7.0, f64::NAN]));
        let u = bodo_arr_unique(rev.cast());
        assert!(same(&local(u), &[4.0, 5.0, 6.0, 7.0, f64::NAN]));

        // Concatenation of distributed and replicated inputs, promoted.
        let ints = block(&ds, dtype::INT64, 5, 1, |k| k as f64 * 10.0);
        let bools = bodo_arr_new(ds.arr_bool.cast(), dtype::BOOL, 1, 2, 1, 2, 0, dist::REP);
        *(field(bools, l::DATA) as *mut u8) = 1;
        let parts = [ints.cast(), bools, r];
        let c = bodo_arr_concat(parts.as_ptr(), 3);
        assert_eq!((field(c, l::DTYPE), field(c, l::GLEN)), (dtype::FLOAT64, 17));
        let mut want = vec![0.0, 10.0, 20.0, 30.0, 40.0, 1.0, 0.0];
        want.extend(&serial);
        want[7 + 7] = 70.5;
        assert!(same(&whole(c), &want));

        // Dot products with mismatched layouts.
        let ia = block(&ds, dtype::INT64, n, 1, |k| k as f64);
        let vv = bodo_arr_dot_vv(ia.cast(), r);
        let want: f64 = (0..n).map(|k| (k * if k == 7 { 0 } else { k }) as f64).sum::<f64>() + 7.0 * 70.5;
        assert_eq!(f64::from_bits(vv), want);
        assert_eq!(bodo_arr_dot_vv(ia.cast(), ia.cast()) as i64, (0..n).map(|k| k * k).sum::<i64>());
        let m = block(&ds, dtype::INT64, n, 3, |k| k as f64);
        let vec3 = bodo_arr_new(ds.arr_int.cast(), dtype::INT64, 1, 3, 1, 3, 0, dist::REP);
        std::ptr::copy_nonoverlapping([1i64, 0, -1].as_ptr(), field(vec3, l::DATA) as *mut i64, 3);
        bodo_arr_dot_mv_check(m.cast(), vec3);
        let vm = bodo_arr_dot_vm(r, m.cast());
        let col = |j: i64| (0..n).map(|i| (i * 3 + j) as f64 * if i == 7 { 70.5 } else { i as f64 }).sum::<f64>();
        assert!(same(&local(vm), &[col(0), col(1), col(2)]));
        let row = bodo_arr_getrow(m.cast(), 4);
        assert!(same(&local(row), &[12.0, 13.0, 14.0]));
        assert_eq!(bodo_arr_getitem2(m.cast(), -1, -1) as i64, 29);

        // Lists and nodes.
        let mine = bodo_list_from_slots(ds.list_int.cast(), [rank as u64, rank as u64].as_ptr(), 2);
        let all = bodo_list_concat_gather(mine);
        let items = std::slice::from_raw_parts(
            field(all, bodo_abi::layout::list::DATA) as *const i64,
            field(all, bodo_abi::layout::list::LEN) as usize,
        );
        assert_eq!(items, (0..size).flat_map(|r| [r, r]).collect::<Vec<_>>());
        let firsts = bodo_nodes_first_ranks(ds.arr_int.cast());
        assert_eq!(local(firsts)[0], 0.0);

        for p in [a, mask, short, rev, ints, ia, m] {
            bodo_decref(p.cast());
        }
        for p in [r, even, al, cs, f, fr, s, rs, sorted, u, bools, c, vec3, vm, row, firsts] {
            bodo_decref(p.cast());
        }
        bodo_decref(mine.cast());
        bodo_decref(all.cast());
        println!("rank {rank} of {size}: ok");
        std::process::exit(bodo_finalize());
    }
}
