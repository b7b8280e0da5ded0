//! The process environment: MPI start-up (including the self-relaunch under
//! `mpiexec` when `BODO_NUM_WORKERS` is set), rank/size, barrier, finalize,
//! aborting every rank, `sys.argv`, the script name and `perf_counter`.
//!
//! Start-up cost is part of every run's wall time, so MPI is brought up
//! lazily. The launcher already tells each process its rank and the world
//! size (`PMI_RANK`/`PMI_SIZE` under MPICH's hydra, `OMPI_COMM_WORLD_*`
//! under Open MPI): a world of one rank never initialises MPI at all (it
//! has nobody to talk to), and a larger world runs `MPI_Init_thread` on a
//! helper thread while the program starts computing on its block of the
//! data. The first call that needs MPI ([`world`], barrier, abort,
//! finalize) waits for that thread; MPI is initialised with
//! `MPI_THREAD_SERIALIZED`, so the main thread may use it afterwards.

use crate::print;
use mpi::environment::Universe;
use mpi::topology::SimpleCommunicator;
use mpi::traits::Communicator;
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

static UNIVERSE: Mutex<Option<Universe>> = Mutex::new(None);
/// The thread running `MPI_Init_thread`, until someone waits for it.
static INIT_THREAD: Mutex<Option<JoinHandle<Option<Universe>>>> = Mutex::new(None);
static RANK: AtomicI64 = AtomicI64::new(0);
static SIZE: AtomicI64 = AtomicI64::new(1);
static ARGV: OnceLock<Vec<String>> = OnceLock::new();
static SCRIPT: OnceLock<String> = OnceLock::new();
static START: OnceLock<Instant> = OnceLock::new();

/// Environment variables that show we already run under an MPI launcher.
const LAUNCHER_VARS: [&str; 4] = ["PMI_RANK", "PMI_SIZE", "HYDI_CONTROL_FD", "OMPI_COMM_WORLD_SIZE"];

/// Where launchers publish (rank, size) before `MPI_Init`.
const RANK_SIZE_VARS: [(&str, &str); 2] = [("PMI_RANK", "PMI_SIZE"), ("OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE")];

thread_local! {
    /// Set on the start-up thread: a panic there must not wait for itself.
    static ON_INIT_THREAD: Cell<bool> = const { Cell::new(false) };
}

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
    let Some((rank, size)) = launcher_rank_size() else {
        // Started directly (or by a launcher we cannot read): a singleton.
        return;
    };
    RANK.store(rank, Ordering::Relaxed);
    SIZE.store(size, Ordering::Relaxed);
    if size > 1 {
        if all_ranks_local(size) {
            single_node_defaults();
        }
        let thread = std::thread::Builder::new().name("mpi-init".into()).spawn(move || {
            ON_INIT_THREAD.with(|f| f.set(true));
            start_mpi(rank, size)
        });
        match thread {
            Ok(handle) => *INIT_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle),
            Err(_) => *UNIVERSE.lock().unwrap_or_else(|e| e.into_inner()) = start_mpi(rank, size),
        }
    }
}

/// (rank, size) as the launcher set them, if it did and they make sense.
fn launcher_rank_size() -> Option<(i64, i64)> {
    RANK_SIZE_VARS.iter().find_map(|(r, s)| {
        let rank: i64 = std::env::var(r).ok()?.trim().parse().ok()?;
        let size: i64 = std::env::var(s).ok()?.trim().parse().ok()?;
        (0 <= rank && rank < size).then_some((rank, size))
    })
}

/// Whether the launcher placed every rank on this node (hydra's
/// `MPI_LOCALNRANKS`, Open MPI's `OMPI_COMM_WORLD_LOCAL_SIZE`).
fn all_ranks_local(size: i64) -> bool {
    ["MPI_LOCALNRANKS", "OMPI_COMM_WORLD_LOCAL_SIZE"]
        .iter()
        .any(|v| std::env::var(v).ok().and_then(|n| n.trim().parse::<i64>().ok()) == Some(size))
}

/// On one node MPI needs no network: keep UCX to shared memory and skip
/// hwloc's discovery of PCI devices (reading every device's config space
/// was a third of start-up). Settings the user made are left alone.
fn single_node_defaults() {
    for (var, value) in [("UCX_TLS", "self,sm"), ("HWLOC_COMPONENTS", "-linuxio,-pci")] {
        if std::env::var_os(var).is_none() {
            std::env::set_var(var, value);
        }
    }
}

/// `MPI_Init_thread`, checked against what the launcher announced: every
/// block decomposition computed before this returned used those numbers.
fn start_mpi(rank: i64, size: i64) -> Option<Universe> {
    let (universe, _) = mpi::initialize_with_threading(mpi::Threading::Serialized)?;
    let world = universe.world();
    if (world.rank() as i64, world.size() as i64) != (rank, size) {
        eprintln!(
            "bodo runtime internal error: MPI reports rank {} of {}, the launcher said {rank} of {size}",
            world.rank(),
            world.size()
        );
        world.abort(1);
    }
    Some(universe)
}

/// Waits for MPI start-up to finish (a no-op once it has, or if it never began).
fn wait_for_mpi() {
    if ON_INIT_THREAD.with(Cell::get) {
        return;
    }
    let handle = INIT_THREAD.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(handle) = handle {
        let universe = handle.join().ok().flatten();
        *UNIVERSE.lock().unwrap_or_else(|e| e.into_inner()) = universe;
    }
}

/// The world communicator once MPI is up, when there is more than one rank
/// (a single rank has nobody to talk to; callers use the local meaning).
pub fn world() -> Option<SimpleCommunicator> {
    if size() <= 1 {
        return None;
    }
    // Rank 0's printed text goes out before it may block here: if another
    // rank fails meanwhile, the abort ends this process inside the call.
    if rank() == 0 {
        print::flush_pending();
    }
    wait_for_mpi();
    mpi_active().then(SimpleCommunicator::world)
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
        w.barrier();
    }
}

/// Flushes output and shuts MPI down (dropping the universe finalizes).
pub fn finalize() {
    print::flush();
    wait_for_mpi();
    let universe = UNIVERSE.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(universe);
}

/// Ends every rank with `code` (MPI_Abort), or just this process without MPI.
pub fn abort_all(code: i32) -> ! {
    if let Some(w) = world() {
        w.abort(code);
    }
    std::process::exit(code);
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
