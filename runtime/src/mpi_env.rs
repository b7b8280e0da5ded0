//! The process environment: MPI start-up (including the self-relaunch under
//! `mpiexec` when `BODO_NUM_WORKERS` is set), rank/size, barrier, finalize,
//! aborting every rank, `sys.argv`, the script name and `perf_counter`.
//!
//! Start-up cost is part of every run's wall time. The launcher tells each
//! process the world size before `MPI_Init` (`PMI_SIZE` under MPICH's
//! hydra, `OMPI_COMM_WORLD_SIZE` under Open MPI), so a world of one rank
//! (started directly or by `mpiexec -n 1`) never initialises MPI: it has
//! nobody to talk to, and MPICH's start-up was most of a short run's time.
//! (Starting MPI on a helper thread while the program computes was tried:
//! with as many ranks as cores the start-up's own work and polling then
//! compete with the computation, and runs got slower and less steady.)

use crate::print;
use mpi::environment::Universe;
use mpi::topology::SimpleCommunicator;
use mpi::traits::Communicator;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

static UNIVERSE: Mutex<Option<Universe>> = Mutex::new(None);
static RANK: AtomicI64 = AtomicI64::new(0);
static SIZE: AtomicI64 = AtomicI64::new(1);
static ARGV: OnceLock<Vec<String>> = OnceLock::new();
static SCRIPT: OnceLock<String> = OnceLock::new();
static START: OnceLock<Instant> = OnceLock::new();

/// Environment variables that show we already run under an MPI launcher.
const LAUNCHER_VARS: [&str; 4] = ["PMI_RANK", "PMI_SIZE", "HYDI_CONTROL_FD", "OMPI_COMM_WORLD_SIZE"];

/// Where launchers publish the world size before `MPI_Init`.
const SIZE_VARS: [&str; 2] = ["PMI_SIZE", "OMPI_COMM_WORLD_SIZE"];

fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Starts the program: records argv and the script name, relaunches under
/// `mpiexec` if asked to, initialises MPI and installs the panic hook.
pub fn init(args: Vec<String>, script: &str) {
    START.get_or_init(Instant::now);
    let script = basename(script).to_string();
    if let Ok(n) = std::env::var("BODO_NUM_WORKERS") {
        if !LAUNCHER_VARS.iter().any(|v| std::env::var_os(v).is_some()) {
            relaunch(&n, &args);
        }
    }
    let mut argv = vec![script.clone()];
    argv.extend(args.into_iter().skip(1));
    let _ = ARGV.set(argv);
    let _ = SCRIPT.set(script);
    std::panic::set_hook(Box::new(|info| {
        print::flush_if_free();
        eprintln!("bodo runtime internal error: {info}");
        abort_all(1);
    }));
    let size = launcher_size();
    if size <= 1 {
        return;
    }
    set_defaults(&[
        // Ranks waiting in a collective yield the processor at every poll
        // instead of every 1000th: with more ranks than free cores (3 ranks
        // on 2 cores, or other work on the machine) a spinning rank held
        // the core the rank it waited for needed, and each collective took
        // a scheduler time slice (a loop of 2000 scalar reads of a
        // distributed array: 10 s instead of 0.07 s at 2 ranks under load).
        ("MPIR_CVAR_POLLS_BEFORE_YIELD", "1"),
        // The runtime never hands MPI device memory.
        ("MPIR_CVAR_ENABLE_GPU", "0"),
    ]);
    if all_ranks_local(size) {
        single_node_defaults();
    }
    if let Err(e) = crate::mpi_lazy::load() {
        // Every rank fails alike; without MPI they cannot agree who reports.
        if launcher_rank() == 0 {
            eprintln!("bodo runtime: {e}");
        }
        std::process::exit(1);
    }
    if let Some(universe) = mpi::initialize() {
        let world = universe.world();
        RANK.store(world.rank() as i64, Ordering::Relaxed);
        SIZE.store(world.size() as i64, Ordering::Relaxed);
        *UNIVERSE.lock().unwrap_or_else(|e| e.into_inner()) = Some(universe);
    }
}

/// The world size the launcher announced (1 when started directly).
fn launcher_size() -> i64 {
    SIZE_VARS.iter().find_map(|v| std::env::var(v).ok()?.trim().parse().ok()).unwrap_or(1)
}

/// This process's rank as the launcher announced it (0 if it did not).
fn launcher_rank() -> i64 {
    ["PMI_RANK", "OMPI_COMM_WORLD_RANK"].iter().find_map(|v| std::env::var(v).ok()?.trim().parse().ok()).unwrap_or(0)
}

/// How many ranks the launcher placed on this node (hydra's
/// `MPI_LOCALNRANKS`, Open MPI's `OMPI_COMM_WORLD_LOCAL_SIZE`), if it says.
fn local_ranks() -> Option<i64> {
    ["MPI_LOCALNRANKS", "OMPI_COMM_WORLD_LOCAL_SIZE"]
        .iter()
        .find_map(|v| std::env::var(v).ok()?.trim().parse::<i64>().ok())
}

/// Whether the launcher placed every rank on this node.
fn all_ranks_local(size: i64) -> bool {
    local_ranks() == Some(size)
}

/// Whether this node runs more ranks than this process may use cores (3
/// ranks on a 2-core machine): waiting ranks must then give their core
/// away instead of spinning (see `array/comm.rs`).
pub fn oversubscribed() -> bool {
    static OVER: OnceLock<bool> = OnceLock::new();
    *OVER.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as i64);
        local_ranks().unwrap_or_else(size) > cores
    })
}

/// On one node MPI needs no network: keep UCX to shared memory and skip
/// hwloc's discovery of PCI devices (reading every device's config space
/// was a third of start-up), nor load hwloc's plugins (XML, OpenCL, GL and
/// PCI back ends, dragging in libxml2, ICU and X11: about 3 ms per rank).
///
/// All traffic then goes through UCX's POSIX shared-memory transport
/// (`MPIR_CVAR_NOLOCAL`) instead of MPICH's own shared-memory layer as well:
/// setting that layer up (a 4 MB segment filled by `write`, and a
/// spin-waiting barrier on it) was half of `MPI_Init`'s CPU time, and with
/// more ranks than free cores the spinning barrier took tens of ms. UCX's
/// SysV and CMA transports are left out for the same reason (500 page
/// faults per rank at start-up). UCX's receive buffers grow 64 at a time
/// instead of 512: the first 512 were 4 MB of zeros written into a shared
/// file at start-up, whatever the program sent. Nor does UCX load its
/// network modules (InfiniBand and RDMA-CM, dragging in libibverbs,
/// libmlx5, librdmacm and libnl: 4-8 ms of a two-rank start); `self` and
/// `posix` are built into UCX itself. UCX reads that option when MPICH is
/// loaded, which is after this (`mpi_lazy.rs`).
fn single_node_defaults() {
    set_defaults(&[
        ("MPIR_CVAR_NOLOCAL", "1"),
        ("UCX_TLS", "self,posix"),
        ("UCX_POSIX_RX_BUFS_GROW", "64"),
        ("UCX_MODULES", ""),
        ("HWLOC_COMPONENTS", "-linuxio,-pci"),
        ("HWLOC_PLUGINS_PATH", "/nonexistent"),
    ]);
}

/// Sets each variable the user did not set.
fn set_defaults(vars: &[(&str, &str)]) {
    for (var, value) in vars {
        if std::env::var_os(var).is_none() {
            std::env::set_var(var, value);
        }
    }
}

/// The world communicator when there is more than one rank (a single rank
/// has nobody to talk to; callers use the local meaning).
pub fn world() -> Option<SimpleCommunicator> {
    if size() <= 1 || !mpi_active() {
        return None;
    }
    // Printed text goes out before this rank may block here: if another
    // rank fails meanwhile, the abort ends this process inside the call.
    // Every rank flushes, so a line a rank-guarded print wrote on another
    // rank comes out before what rank 0 prints after the collective.
    print::flush_pending();
    Some(SimpleCommunicator::world())
}

/// Replaces this process with `mpiexec -n N <this executable> args...`.
fn relaunch(n: &str, args: &[String]) -> ! {
    use std::os::unix::process::CommandExt;
    let n = n.trim();
    if !n.parse::<u32>().is_ok_and(|k| k > 0) {
        eprintln!("BODO_NUM_WORKERS must be a positive integer, got {n:?}");
        std::process::exit(2);
    }
    // Resolve /proc/self/exe now: inside mpiexec it would name mpiexec.
    let exe = std::env::current_exe().unwrap_or_else(|_| args.first().cloned().unwrap_or_default().into());
    let err = std::process::Command::new("mpiexec")
        .arg("-n")
        .arg(n)
        .arg(exe)
        .args(args.iter().skip(1))
        .env_remove("BODO_NUM_WORKERS")
        .exec();
    eprintln!("cannot run mpiexec: {err}");
    std::process::exit(1);
}

pub fn rank() -> i64 {
    RANK.load(Ordering::Relaxed)
}

pub fn size() -> i64 {
    SIZE.load(Ordering::Relaxed)
}

fn mpi_active() -> bool {
    mpi::environment::is_initialized() && !mpi::environment::is_finalized()
}

pub fn barrier() {
    if let Some(w) = world() {
        use mpi::collective::CommunicatorCollectives;
        if oversubscribed() {
            crate::array::comm::wait(w.immediate_barrier());
        } else {
            w.barrier();
        }
    }
}

/// Flushes output and shuts MPI down (dropping the universe finalizes).
pub fn finalize() {
    print::flush();
    let universe = UNIVERSE.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(universe);
}

/// Ends every rank with `code` (MPI_Abort), or just this process without MPI.
pub fn abort_all(code: i32) -> ! {
    if let Some(w) = world() {
        // The report is out; MPICH's own "Abort(1) on node 0 ... MPI_Abort"
        // line would only add noise to the program's stderr.
        silence_stderr();
        w.abort(code);
    }
    std::process::exit(code);
}

/// Points this process's stderr at /dev/null.
fn silence_stderr() {
    extern "C" {
        fn open(path: *const std::ffi::c_char, flags: i32, ...) -> i32;
        fn dup2(old: i32, new: i32) -> i32;
    }
    const O_WRONLY: i32 = 1;
    // SAFETY: plain descriptor calls on a NUL-terminated path; a failure
    // leaves stderr as it was.
    unsafe {
        let fd = open(c"/dev/null".as_ptr(), O_WRONLY);
        if fd >= 0 {
            dup2(fd, 2);
        }
    }
}

/// An exception escaped: print its report once and end every rank with
/// `status`. Rank 0 reports and aborts; other ranks give rank 0's abort a
/// second to kill them (so the report is printed once), then report and
/// abort. A clean exit (status 0, e.g. `sys.exit()`) finalizes normally.
pub fn exit_with(report: Option<&str>, status: i32) -> ! {
    print::flush();
    if status == 0 || world().is_none() {
        if let Some(r) = report {
            eprintln!("{r}");
        }
        finalize();
        std::process::exit(status);
    }
    if rank() != 0 {
        std::thread::sleep(Duration::from_secs(1));
    }
    if let Some(r) = report {
        eprintln!("{r}");
    }
    // MPI_Abort makes mpiexec kill every process at once, and output still in
    // flight through its forwarding pipes can be lost (about 1 run in 20 at
    // 2 ranks): give it a moment to drain what this rank wrote.
    std::thread::sleep(Duration::from_millis(200));
    abort_all(status);
}

/// `sys.argv`: the script's base name, then the program's arguments.
pub fn argv() -> &'static [String] {
    ARGV.get().map_or(&[], Vec::as_slice)
}

/// The script's base name, as used in error reports.
pub fn script() -> &'static str {
    SCRIPT.get().map_or("<unknown>", String::as_str)
}

/// `time.perf_counter()`: monotonic seconds since start-up.
pub fn perf_counter() -> f64 {
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}
