//! `cargo xtask bench [--filter S]`: compiles each `bench/*.py` with bodoc
//! and times the executable (started directly: 1 rank, MPI init included,
//! best of 3 whole-process wall times) beside the alternatives the workload
//! declares, checks that all outputs agree, prints the table and writes it
//! to `bench/RESULTS.md`. A benchmark is not a test: it never fails on time.

use crate::args::Args;
use crate::bench_alternatives::{self, Alternative};
use crate::process::{self, Captured, End};
use crate::{cargo, compare, machine, paths, setup, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const REPEATS: usize = 3;
const TIMEOUT: Duration = Duration::from_secs(300);

/// One workload's measurements: seconds, or why there are none.
struct Row {
    name: String,
    bodoc: std::result::Result<f64, String>,
    alternatives: Vec<(Alternative, std::result::Result<f64, String>)>,
    outputs: String,
}

pub fn main(args: &[String]) -> Result {
    let args = Args::parse_options(args, &["--filter"])?;
    let filter = args.value("--filter").unwrap_or("");
    setup::ensure()?;
    cargo::build_workspace()?;
    let bench_dir = paths::root().join("bench");
    let scratch = paths::fresh_scratch("bench")?;
    let mut workloads: Vec<_> = std::fs::read_dir(&bench_dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py") && p.to_string_lossy().contains(filter))
        .collect();
    workloads.sort();
    let mut rows = Vec::new();
    for source in &workloads {
        let row = measure(source, &scratch)?;
        eprintln!("{}: {}", row.name, row.outputs);
        rows.push(row);
    }
    let table = render(&rows);
    println!("\n{table}");
    let report = format!(
        "# Benchmark results\n\n\
         Written by `cargo xtask bench` on {} ({}).\n\n\
         Whole-process wall time in seconds, best of {REPEATS}: the bodoc executable started directly \
         (1 rank, MPI initialization included) and each alternative on the same source. \
         The ratio is the alternative's time over bodoc's (above 1: bodoc is faster).\n\n{table}",
        machine::today(),
        machine::description()
    );
    std::fs::write(bench_dir.join("RESULTS.md"), report)?;
    eprintln!("wrote bench/RESULTS.md");
    Ok(())
}

fn measure(source: &Path, scratch: &Path) -> Result<Row> {
    let name = source.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let alternatives = bench_alternatives::declared(&std::fs::read_to_string(source)?)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let dir = source.parent().ok_or("a workload lives in a folder")?;
    let exe = scratch.join(&name);
    let mut build = Command::new(paths::bodoc());
    build.arg("build").arg(source).arg("-o").arg(&exe).arg("--quiet");
    let built = process::capture(&mut build, TIMEOUT, scratch, &format!("{name}.build"))?;
    let bodoc = if built.end != End::Exited(0) {
        Err(format!("build failed: {}", first_line(&built)))
    } else if !exe.is_file() {
        Err("build made no executable".to_string())
    } else {
        best_of(|| Command::new(&exe), dir, scratch, &name)?
    };
    let mut outputs = Vec::new();
    let mut timed = Vec::new();
    for alt in alternatives {
        let result = best_of(|| alt.command(source), dir, scratch, &format!("{name}.{}", alt.label()))?;
        timed.push((alt, result.as_ref().map(|(t, _)| *t).map_err(Clone::clone)));
        if let (Ok((_, reference)), Ok((_, ours))) = (&result, &bodoc) {
            outputs.push(match compare::agree(reference, ours) {
                None => format!("agrees with {}", alt.label()),
                Some(diff) => format!("DIFFERS from {}: {diff}", alt.label()),
            });
        }
    }
    let outputs = if outputs.is_empty() { "not compared".to_string() } else { outputs.join("; ") };
    Ok(Row { name, bodoc: bodoc.map(|(t, _)| t), alternatives: timed, outputs })
}

/// Best wall time of [`REPEATS`] runs and the stdout of the last, or why
/// a run failed.
fn best_of(
    make: impl Fn() -> Command,
    cwd: &Path,
    scratch: &Path,
    tag: &str,
) -> Result<std::result::Result<(f64, String), String>> {
    let mut best = f64::INFINITY;
    let mut stdout = String::new();
    for _ in 0..REPEATS {
        let mut cmd = make();
        cmd.current_dir(cwd);
        let run = process::capture(&mut cmd, TIMEOUT, scratch, tag)?;
        if run.end != End::Exited(0) {
            return Ok(Err(format!("{}: {}", run.end.describe(), first_line(&run))));
        }
        best = best.min(run.elapsed.as_secs_f64());
        stdout = run.stdout;
    }
    Ok(Ok((best, stdout)))
}

fn first_line(run: &Captured) -> String {
    run.stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("(no stderr)").to_string()
}

/// The markdown table: one column per alternative used by any workload.
fn render(rows: &[Row]) -> String {
    let mut columns: Vec<Alternative> = Vec::new();
    for alt in rows.iter().flat_map(|r| r.alternatives.iter().map(|(a, _)| *a)) {
        if !columns.contains(&alt) {
            columns.push(alt);
        }
    }
    let mut head = vec!["workload".to_string(), "bodoc".to_string()];
    for alt in &columns {
        head.push(alt.label().to_string());
        head.push(format!("{} / bodoc", alt.label()));
    }
    head.push("outputs".to_string());
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for row in rows {
        let mut cells = vec![row.name.clone(), seconds(&row.bodoc)];
        for alt in &columns {
            match row.alternatives.iter().find(|(a, _)| a == alt) {
                Some((_, time)) => {
                    cells.push(seconds(time));
                    cells.push(match (time, &row.bodoc) {
                        (Ok(t), Ok(b)) if *b > 0.0 => format!("{:.1}x", t / b),
                        _ => "-".to_string(),
                    });
                }
                None => cells.extend(["-".to_string(), "-".to_string()]),
            }
        }
        cells.push(row.outputs.replace('|', "\\|"));
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn seconds(time: &std::result::Result<f64, String>) -> String {
    match time {
        Ok(t) => format!("{t:.3}"),
        Err(why) => why.replace('|', "\\|"),
    }
}
