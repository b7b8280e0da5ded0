//! Linking: the program's object file and the runtime static library into
//! one executable, with the system C compiler as linker driver. MPICH is not
//! linked: the runtime loads it at run time when there is more than one rank.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where `libbodo_rt.a` is: `$BODO_RT_LIB`, or beside the bodoc executable
/// (cargo builds both into the same target directory).
pub fn runtime_library() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("BODO_RT_LIB") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate bodoc itself: {e}"))?;
    let dir = exe.parent().ok_or("bodoc has no parent directory")?;
    for cand in [dir.join("libbodo_rt.a"), dir.join("../libbodo_rt.a")] {
        if cand.exists() {
            return Ok(cand);
        }
    }
    Err(format!(
        "cannot find the runtime library libbodo_rt.a next to {}; build it with `cargo build --release --workspace` or set BODO_RT_LIB",
        exe.display()
    ))
}

pub fn link(obj: &Path, runtime: &Path, out: &Path, verbose: bool) -> Result<(), String> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let mut cmd = Command::new(&cc);
    // No MPI library: the runtime loads MPICH itself when a run of more
    // than one rank starts (`runtime/src/mpi_lazy.rs`).
    cmd.arg("-o").arg(out).arg(obj).arg(runtime);
    if let Some((_, lib)) = crate::codegen::VECTOR_MATH {
        // Only programs whose loops were vectorized over math calls need it.
        cmd.args(["-Wl,--push-state,--as-needed", lib, "-Wl,--pop-state"]);
    }
    cmd.args(["-lpthread", "-ldl", "-lm", "-lrt", "-lgcc_s", "-lc", "-Wl,--gc-sections"]);
    if verbose {
        eprintln!("{cmd:?}");
    }
    let o = cmd.output().map_err(|e| format!("cannot run the linker `{cc}`: {e}"))?;
    if !o.status.success() {
        return Err(format!("linking failed:\n{}", String::from_utf8_lossy(&o.stderr)));
    }
    Ok(())
}
