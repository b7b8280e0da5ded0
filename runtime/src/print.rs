//! Program output: one large in-memory stdout buffer, written out only at
//! finalize, before an abort/exit, on an explicit flush, when rank 0 enters
//! a collective, or when it grows past a very large bound. Holding output
//! keeps each rank's text in one piece and makes `print` cheap.

use crate::generic;
use crate::mpi_env;
use crate::object::TypeDesc;
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

/// Python `print(*vals, sep=sep, end=end)` of slots with their descriptors.
/// Only rank 0 prints unless `all_ranks`.
pub fn print(vals: &[u64], descs: &[&TypeDesc], sep: Option<&str>, end: Option<&str>, all_ranks: bool) {
    if !all_ranks && mpi_env::rank() != 0 {
        return;
    }
    let mut line = String::new();
    for (i, (&v, d)) in vals.iter().zip(descs).enumerate() {
        if i > 0 {
            line.push_str(sep.unwrap_or(" "));
        }
        generic::write_str(&mut line, v, d);
    }
    line.push_str(end.unwrap_or("\n"));
    write(line.as_bytes());
}
