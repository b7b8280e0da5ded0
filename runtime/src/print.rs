//! Program output: one large in-memory stdout buffer, written out only at
//! finalize, before an abort/exit, on an explicit flush, when rank 0 enters
//! a collective, or when it grows past a very large bound. Holding output
//! keeps each rank's text in one piece and makes `print` cheap.

use crate::generic;
use crate::mpi_env;
use crate::object::TypeDesc;
use bodo_abi::print_dest;
use std::io::Write;
use std::sync::Mutex;

/// Safety valve so that huge outputs do not exhaust memory.
const FLUSH_AT: usize = 256 << 20;

static OUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn write_out(buf: &mut Vec<u8>) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) must not turn into a runtime panic.
    let _ = out.write_all(buf).and_then(|()| out.flush());
    buf.clear();
}

/// Appends text to the stdout buffer.
pub fn write(text: &[u8]) {
    let mut buf = OUT.lock().unwrap_or_else(|e| e.into_inner());
    buf.extend_from_slice(text);
    if buf.len() >= FLUSH_AT {
        write_out(&mut buf);
    }
}

/// Writes the buffered output to stdout.
pub fn flush() {
    write_out(&mut OUT.lock().unwrap_or_else(|e| e.into_inner()));
}

/// Writes the buffered output to stdout if there is any.
pub fn flush_pending() {
    let mut buf = OUT.lock().unwrap_or_else(|e| e.into_inner());
    if !buf.is_empty() {
        write_out(&mut buf);
    }
}

/// Flushes unless the buffer is locked (used from the panic hook, where the
/// lock may be held by the panicking code).
pub fn flush_if_free() {
    if let Ok(mut buf) = OUT.try_lock() {
        write_out(&mut buf);
    }
}

/// The lines each rank prints inside a parallel loop whose body prints,
/// held until the loop ends (`capture_end`): the loop's iterations are
/// split over the ranks in blocks, so the ranks' lines in rank order are
/// the sequential loop's.
static CAPTURE: Mutex<Option<Vec<u8>>> = Mutex::new(None);

/// Start holding this rank's `print` output (a parallel loop begins).
pub fn capture_begin() {
    *CAPTURE.lock().unwrap_or_else(|e| e.into_inner()) = Some(Vec::new());
}

/// Collective, where such a loop ends: every rank's held lines, in rank
/// order, become rank 0's output.
pub fn capture_end() -> crate::errors::PyResult<()> {
    let mine = CAPTURE.lock().unwrap_or_else(|e| e.into_inner()).take().unwrap_or_default();
    let all = crate::array::comm::allgatherv_vec(&mine)?;
    if mpi_env::rank() == 0 {
        write(&all);
    }
    Ok(())
}

/// Python `print(*vals, sep=sep, end=end)` of slots with their descriptors,
/// to `dest` (`bodo_abi::print_dest`). Only rank 0 prints unless to all
/// ranks; inside a parallel loop every rank prints its iterations' lines,
/// held for stdout (`capture_begin`), at once for stderr.
pub fn print(vals: &[u64], descs: &[&TypeDesc], sep: Option<&str>, end: Option<&str>, dest: i64) {
    let all_ranks = dest == print_dest::ALL_RANKS;
    let in_loop = !all_ranks && CAPTURE.lock().unwrap_or_else(|e| e.into_inner()).is_some();
    if !all_ranks && !in_loop && mpi_env::rank() != 0 {
        return;
    }
    let held = in_loop && dest == print_dest::STDOUT;
    let mut line = String::new();
    for (i, (&v, d)) in vals.iter().zip(descs).enumerate() {
        if i > 0 {
            line.push_str(sep.unwrap_or(" "));
        }
        generic::write_str(&mut line, v, d);
    }
    line.push_str(end.unwrap_or("\n"));
    if held {
        if let Some(buf) = CAPTURE.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            buf.extend_from_slice(line.as_bytes());
        }
        return;
    }
    if dest == print_dest::STDERR {
        // Unbuffered, as CPython's stderr; a closed stream is no error.
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
        return;
    }
    write(line.as_bytes());
}
