//! `cargo xtask setup`: checks that the system libraries and tools the build
//! needs are present, and installs the missing ones with apt-get.

use crate::{args::Args, process, Result};
use std::path::Path;
use std::process::Command;

const PACKAGES: &[&str] = &["llvm-19-dev", "libpolly-19-dev", "libzstd-dev", "libclang-dev", "mpich", "libmpich-dev"];

/// One requirement of the build and how to tell it is there.
struct Requirement {
    what: &'static str,
    present: fn() -> bool,
}

const REQUIREMENTS: &[Requirement] = &[
    Requirement {
        what: "LLVM 19 (/usr/lib/llvm-19/bin/llvm-config)",
        present: || Path::new("/usr/lib/llvm-19/bin/llvm-config").is_file(),
    },
    Requirement {
        what: "Polly for LLVM 19 (/usr/lib/llvm-19/lib/libPolly.a)",
        present: || Path::new("/usr/lib/llvm-19/lib/libPolly.a").is_file(),
    },
    Requirement { what: "mpiexec", present: || process::on_path("mpiexec") },
    Requirement { what: "mpicc", present: || process::on_path("mpicc") },
    Requirement { what: "libclang (for bindgen)", present: libclang_present },
    Requirement { what: "zstd headers (/usr/include/zstd.h)", present: || Path::new("/usr/include/zstd.h").is_file() },
];

pub fn main(args: &[String]) -> Result {
    Args::parse_options(args, &[])?;
    ensure()
}

/// Makes sure every requirement is present, installing packages if not.
pub fn ensure() -> Result {
    let absent = missing();
    if absent.is_empty() {
        eprintln!("setup: build requirements present (LLVM 19, MPICH, libclang, zstd)");
        return Ok(());
    }
    eprintln!("setup: missing {}", absent.join("; "));
    let sudo = !is_root();
    let mut update = apt(sudo);
    update.arg("update");
    process::step(&mut update)?;
    let mut install = apt(sudo);
    install.args(["install", "-y"]).args(PACKAGES);
    process::step(&mut install)?;
    let still = missing();
    if still.is_empty() {
        eprintln!("setup: done");
        Ok(())
    } else {
        Err(format!("still missing after apt-get install: {}", still.join("; ")).into())
    }
}

fn missing() -> Vec<&'static str> {
    REQUIREMENTS.iter().filter(|r| !(r.present)()).map(|r| r.what).collect()
}

fn apt(sudo: bool) -> Command {
    let mut cmd = if sudo {
        let mut c = Command::new("sudo");
        c.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        c
    } else {
        Command::new("apt-get")
    };
    cmd.env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// libclang.so (or libclang-NN.so) in an LLVM or multiarch library directory.
fn libclang_present() -> bool {
    let mut dirs = vec![std::path::PathBuf::from("/usr/lib"), "/usr/lib64".into()];
    for parent in ["/usr/lib", "/usr/lib64"] {
        if let Ok(entries) = std::fs::read_dir(parent) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with("llvm-") || name.ends_with("-linux-gnu") {
                    dirs.push(e.path());
                    dirs.push(e.path().join("lib"));
                }
            }
        }
    }
    dirs.iter().any(|dir| {
        std::fs::read_dir(dir).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("libclang.so")
                    || name.strip_prefix("libclang-").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            })
        })
    })
}
