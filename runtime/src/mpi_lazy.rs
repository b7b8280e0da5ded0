//! MPI loaded on demand. Executables do not link MPICH: every `MPI_*`
//! function the runtime (through rsmpi) calls is defined here as a
//! one-instruction trampoline that jumps through a slot, and the slots are
//! filled from `libmpich.so.12` by [`load`] when a run of more than one
//! rank starts MPI (`mpi_env::init`).
//!
//! Why: loading MPICH and what it needs (UCX, hwloc, numa, udev: ten
//! libraries, 20 000 relocations and UCX's constructors) took 4.5 ms of
//! every process's start, and a one-rank run never talks to anybody. The
//! trampolines are hidden symbols, so MPICH's own calls never come back
//! through them once it is loaded.
//!
//! A function missing from the list below fails the program's link with an
//! undefined `MPI_*` reference, and `cargo xtask test` checks the list
//! against what `libbodo_rt.a` calls. A slot used before [`load`] (a bug:
//! every MPI call goes through `mpi_env::world`, which is `None` until MPI
//! starts) ends the process with an internal error instead of a jump to
//! nowhere.

use std::ffi::{c_char, c_int, c_void, CStr};

/// Where a slot points before [`load`] fills it.
extern "C" fn not_loaded() {
    eprintln!("bodo runtime internal error: an MPI function was called before MPI was loaded");
    std::process::abort();
}

/// The libraries tried in turn unless `$BODO_MPI_LIBRARY` names the one to
/// load: MPICH's soname, and the `libmpi` name MPICH also installs.
const LIBRARIES: [&CStr; 2] = [c"libmpich.so.12", c"libmpi.so.12"];

extern "C" {
    fn dlopen(path: *const c_char, flags: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}
const RTLD_NOW: c_int = 2;
const RTLD_GLOBAL: c_int = 0x100;

macro_rules! lazy_mpi {
    ($($name:ident)*) => {
        /// One slot per function: the address its trampoline jumps to.
        #[allow(non_upper_case_globals)]
        mod slot {
            $(pub static mut $name: unsafe extern "C" fn() = super::not_loaded;)*
        }

        #[cfg(target_arch = "x86_64")]
        std::arch::global_asm!(
            ".pushsection .text.bodo_mpi_trampolines,\"ax\",@progbits",
            $(
                concat!(".globl ", stringify!($name)),
                concat!(".hidden ", stringify!($name)),
                concat!(".type ", stringify!($name), ",@function"),
                concat!(stringify!($name), ":"),
                concat!("jmp *{", stringify!($name), "}(%rip)"),
            )*
            ".popsection",
            $($name = sym slot::$name,)*
            options(att_syntax)
        );

        #[cfg(target_arch = "aarch64")]
        std::arch::global_asm!(
            ".pushsection .text.bodo_mpi_trampolines,\"ax\",%progbits",
            $(
                concat!(".globl ", stringify!($name)),
                concat!(".hidden ", stringify!($name)),
                concat!(".type ", stringify!($name), ",%function"),
                concat!(stringify!($name), ":"),
                concat!("adrp x16, {", stringify!($name), "}"),
                concat!("ldr x16, [x16, :lo12:{", stringify!($name), "}]"),
                "br x16",
            )*
            ".popsection",
            $($name = sym slot::$name,)*
        );

        /// Each function's NUL-terminated name and its slot.
        fn slots() -> Vec<(&'static CStr, *mut unsafe extern "C" fn())> {
            vec![$((
                // SAFETY: the literal ends in its only NUL.
                unsafe { CStr::from_bytes_with_nul_unchecked(concat!(stringify!($name), "\0").as_bytes()) },
                &raw mut slot::$name,
            ),)*]
        }
    };
}

lazy_mpi! {
    MPI_Abort MPI_Allgather MPI_Allgatherv MPI_Allreduce MPI_Alltoallv MPI_Barrier
    MPI_Buffer_attach MPI_Buffer_detach MPI_Cart_coords MPI_Cart_get MPI_Cart_rank
    MPI_Cart_shift MPI_Cart_sub MPI_Cartdim_get MPI_Comm_disconnect MPI_Comm_free
    MPI_Comm_free_keyval MPI_Comm_get_attr MPI_Comm_get_parent MPI_Comm_rank
    MPI_Comm_remote_group MPI_Comm_remote_size MPI_Comm_size MPI_Comm_test_inter
    MPI_File_c2f MPI_File_f2c MPI_Finalize MPI_Finalized MPI_Get_library_version
    MPI_Get_processor_name MPI_Get_version MPI_Group_free MPI_Iallgather MPI_Iallgatherv
    MPI_Iallreduce MPI_Ialltoallv MPI_Ibarrier MPI_Init_thread MPI_Initialized
    MPI_Intercomm_merge MPI_Op_create MPI_Op_free MPI_Query_thread MPI_Test MPI_Topo_test
    MPI_Type_commit MPI_Type_contiguous MPI_Type_dup MPI_Type_free MPI_Wtick MPI_Wtime
}

/// Loads MPICH and points every slot at its function. Called once, before
/// the first MPI call, on the main thread.
pub fn load() -> Result<(), String> {
    let custom = std::env::var("BODO_MPI_LIBRARY").ok().and_then(|p| std::ffi::CString::new(p).ok());
    let candidates: Vec<&CStr> = match custom.as_deref() {
        Some(path) => vec![path],
        None => LIBRARIES.to_vec(),
    };
    let mut handle = std::ptr::null_mut();
    let mut why = String::new();
    for lib in &candidates {
        // SAFETY: a NUL-terminated path; dlerror's message is read at once.
        unsafe {
            handle = dlopen(lib.as_ptr(), RTLD_NOW | RTLD_GLOBAL);
            if !handle.is_null() {
                break;
            }
            let e = dlerror();
            if why.is_empty() && !e.is_null() {
                why = CStr::from_ptr(e).to_string_lossy().into_owned();
            }
        }
    }
    if handle.is_null() {
        let names: Vec<_> = candidates.iter().map(|c| c.to_string_lossy()).collect();
        return Err(format!(
            "cannot load the MPI library ({}): {why}; install MPICH or set BODO_MPI_LIBRARY",
            names.join(", ")
        ));
    }
    for (name, slot) in slots() {
        // SAFETY: `handle` is a loaded library; each slot is written once,
        // here, before any trampoline runs.
        unsafe {
            let f = dlsym(handle, name.as_ptr());
            if f.is_null() {
                return Err(format!("the MPI library has no function {}", name.to_string_lossy()));
            }
            *slot = std::mem::transmute::<*mut c_void, unsafe extern "C" fn()>(f);
        }
    }
    Ok(())
}
