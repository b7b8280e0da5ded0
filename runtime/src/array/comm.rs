//! The MPI primitives the array code is built on, over `MPI_COMM_WORLD`:
//! fixed-size allgather, in-place reductions, the
//! variable-count row exchanges (allgatherv, alltoallv) and the node split.
//! Each has its one-process meaning when the program runs without MPI or
//! on a single rank, so callers never branch on that.
//!
//! Rows travel as one contiguous MPI datatype of `row_bytes` bytes, so
//! counts and displacements are in rows: any dtype and column count, and
//! up to 2**31-1 rows per message instead of 2**31-1 bytes.
//!
//! With more ranks than cores on the node (3 ranks on this 2-core
//! machine), every collective is started nonblocking and completed by
//! [`wait`], which after a few microseconds of spinning yields the
//! processor between progress calls. MPICH's blocking collectives spin
//! inside UCX's progress loop without giving the processor away, so a rank
//! that still had work to do waited a scheduler time slice for a core each
//! time: about 8 ms per collective (1000 allreduces took 8 s at 3 ranks,
//! 0.03 s at 2; now 0.2 s; sleeping instead of yielding took 0.36 s).
//! Otherwise the blocking calls are the fastest (a nonblocking allreduce
//! completed by polling took 3x as long at 2 ranks).

use crate::errors::{PyErr, PyResult};
use crate::mpi_env::{oversubscribed, world};
use mpi::collective::{CommunicatorCollectives, SystemOperation};
use mpi::datatype::{MutView, Partition, PartitionMut, UserDatatype, View};
use mpi::request::{self, Request, Scope};
use mpi::topology::Communicator;
use mpi::traits::Equivalence;
use mpi::Count;
use std::time::{Duration, Instant};

/// How long [`wait`] polls without yielding: a balanced collective
/// completes within it, so only a rank that waits on a slower (or
/// descheduled) one gives its core away.
const SPIN: Duration = Duration::from_micros(50);

/// Completes a nonblocking collective, driving MPI's progress, without
/// holding a core once the wait is long.
pub fn wait<'a, D: ?Sized, S: Scope<'a>>(mut req: Request<'a, D, S>) {
    let start = Instant::now();
    loop {
        match req.test() {
            Ok(_) => return,
            Err(r) => req = r,
        }
        if start.elapsed() < SPIN {
            std::hint::spin_loop();
        } else {
            std::thread::yield_now();
        }
    }
}

/// Collective: every rank's `local` (all ranks pass the same length),
/// concatenated in rank order.
pub fn allgather_i64s(local: &[i64]) -> Vec<i64> {
    let Some(w) = world() else { return local.to_vec() };
    let mut out = vec![0i64; local.len() * w.size() as usize];
    if oversubscribed() {
        request::scope(|sc| wait(w.immediate_all_gather_into(sc, local, &mut out[..])));
    } else {
        w.all_gather_into(local, &mut out[..]);
    }
    out
}

/// Built-in reduction operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Sum,
    Prod,
    Min,
    Max,
    BitOr,
}

/// Collective: replaces `buf` by its elementwise reduction over all ranks.
pub fn allreduce<T: Equivalence + Copy>(buf: &mut [T], op: Op) {
    let Some(w) = world() else { return };
    let op = match op {
        Op::Sum => SystemOperation::sum(),
        Op::Prod => SystemOperation::product(),
        Op::Min => SystemOperation::min(),
        Op::Max => SystemOperation::max(),
        Op::BitOr => SystemOperation::bitwise_or(),
    };
    let send = buf.to_vec();
    if oversubscribed() {
        request::scope(|sc| wait(w.immediate_all_reduce_into(sc, &send[..], buf, op)));
    } else {
        w.all_reduce_into(&send[..], buf, op);
    }
}

/// Collective: whether this rank has the lowest rank of its node. Ranks are
/// grouped by processor (host) name, not by
/// `MPI_Comm_split_type(MPI_COMM_TYPE_SHARED)`: with `MPIR_CVAR_NOLOCAL`
/// (`mpi_env.rs`) MPICH puts every process in a shared-memory group of its own.
pub fn is_node_leader() -> bool {
    let Some(w) = world() else { return true };
    // The name's bytes, zero-padded to a fixed number of words (MPICH's
    // `MPI_MAX_PROCESSOR_NAME` is 128 bytes).
    const WORDS: usize = 32;
    let name = mpi::environment::processor_name().unwrap_or_default();
    let mut key = [0i64; WORDS];
    for (i, b) in name.bytes().take(WORDS * 8).enumerate() {
        key[i / 8] |= i64::from(b) << (8 * (i % 8));
    }
    let all = allgather_i64s(&key);
    all.chunks(WORDS).position(|k| k == key) == Some(w.rank() as usize)
}

/// Rejects exchanges MPI's `int` counts cannot describe. `max_rows` must
/// bound every count and displacement and be known to all ranks, so that
/// every rank takes the same decision before the collective.
pub fn check_rows(max_rows: i64, row_bytes: usize) -> PyResult<()> {
    if max_rows > i64::from(Count::MAX) || row_bytes > Count::MAX as usize {
        return Err(PyErr::new(
            bodo_abi::exc::MEMORY_ERROR,
            "array too large to exchange between ranks (more than 2**31-1 rows per rank or bytes per row)",
        ));
    }
    Ok(())
}

/// Counts and displacements, in rows, of one side of a row exchange, one per rank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub counts: Vec<Count>,
    pub displs: Vec<Count>,
}

impl Parts {
    /// Rows the buffer must hold to cover every part.
    fn extent(&self) -> usize {
        self.counts.iter().zip(&self.displs).map(|(&c, &d)| (c + d) as usize).max().unwrap_or(0)
    }
}

fn row_type(row_bytes: usize) -> UserDatatype {
    UserDatatype::contiguous(row_bytes as Count, &u8::equivalent_datatype())
}

/// Collective allgatherv: this rank's `nsend` rows at `send` land on every
/// rank at row `recv.displs[r]` of `dst` for rank r (in rank order).
///
/// # Safety
/// `send` holds `nsend * row_bytes` bytes, `dst` covers `recv`; rows fit
/// MPI counts ([`check_rows`]).
pub unsafe fn allgatherv_rows(send: *const u8, nsend: usize, dst: *mut u8, recv: &Parts, row_bytes: usize) {
    if row_bytes == 0 {
        return;
    }
    let Some(w) = world() else {
        let at = recv.displs.first().map_or(0, |&d| d as usize) * row_bytes;
        std::ptr::copy_nonoverlapping(send, dst.add(at), nsend * row_bytes);
        return;
    };
    let t = row_type(row_bytes);
    let sbuf = std::slice::from_raw_parts(send, nsend * row_bytes);
    let sview = View::with_count_and_datatype(sbuf, nsend as Count, &t);
    let extent = recv.extent();
    let rbuf = std::slice::from_raw_parts_mut(dst, extent * row_bytes);
    let mut rview = MutView::with_count_and_datatype(rbuf, extent as Count, &t);
    let mut rpart = PartitionMut::new(&mut rview, &recv.counts[..], &recv.displs[..]);
    if oversubscribed() {
        request::scope(|sc| wait(w.immediate_all_gather_varcount_into(sc, &sview, &mut rpart)));
    } else {
        w.all_gather_varcount_into(&sview, &mut rpart);
    }
}

/// Collective alltoallv of rows: `sends` parts of `src` go to each rank,
/// `recvs` parts of `dst` come from each rank.
///
/// # Safety
/// `src` and `dst` cover their parts; rows fit MPI counts ([`check_rows`]).
pub unsafe fn alltoallv_rows(src: *const u8, sends: &Parts, dst: *mut u8, recvs: &Parts, row_bytes: usize) {
    if row_bytes == 0 {
        return;
    }
    let Some(w) = world() else {
        if let (Some(&n), Some(&s), Some(&d)) = (sends.counts.first(), sends.displs.first(), recvs.displs.first()) {
            let (n, s, d) = (n as usize * row_bytes, s as usize * row_bytes, d as usize * row_bytes);
            std::ptr::copy_nonoverlapping(src.add(s), dst.add(d), n);
        }
        return;
    };
    let t = row_type(row_bytes);
    let (sext, rext) = (sends.extent(), recvs.extent());
    let sbuf = std::slice::from_raw_parts(src, sext * row_bytes);
    let sview = View::with_count_and_datatype(sbuf, sext as Count, &t);
    let spart = Partition::new(&sview, &sends.counts[..], &sends.displs[..]);
    let rbuf = std::slice::from_raw_parts_mut(dst, rext * row_bytes);
    let mut rview = MutView::with_count_and_datatype(rbuf, rext as Count, &t);
    let mut rpart = PartitionMut::new(&mut rview, &recvs.counts[..], &recvs.displs[..]);
    if oversubscribed() {
        request::scope(|sc| wait(w.immediate_all_to_all_varcount_into(sc, &spart, &mut rpart)));
    } else {
        w.all_to_all_varcount_into(&spart, &mut rpart);
    }
}

/// Collective: every rank's `local` values concatenated in rank order.
pub fn allgatherv_vec<T: Copy + Default>(local: &[T]) -> PyResult<Vec<T>> {
    let counts = allgather_i64s(&[local.len() as i64]);
    let total: i64 = counts.iter().sum();
    check_rows(total, size_of::<T>())?;
    let displs = counts.iter().scan(0, |acc, &c| Some(std::mem::replace(acc, *acc + c)));
    let parts =
        Parts { counts: counts.iter().map(|&c| c as Count).collect(), displs: displs.map(|d| d as Count).collect() };
    let mut out = vec![T::default(); total as usize];
    // SAFETY: `out` holds `total` values, the extent of `parts`.
    unsafe {
        allgatherv_rows(local.as_ptr() as *const u8, local.len(), out.as_mut_ptr() as *mut u8, &parts, size_of::<T>());
    }
    Ok(out)
}
