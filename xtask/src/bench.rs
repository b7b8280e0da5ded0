//! `cargo xtask bench [--filter S]`: compiles each `bench/*.py` with bodoc,
//! times the executable on 1 rank (started directly) and on 2 ranks
//! (`mpiexec -n 2`) beside the alternatives the workload declares (the best
//! whole-process wall time of several runs, taking turns with the others'
//! runs (`bench_rounds.rs`), and the peak memory of the largest process),
//! checks that all outputs agree, prints the table and writes it to
//! `bench/RESULTS.md`. A benchmark is not a test: it never fails on time.

use crate::args::Args;
use crate::bench_alternatives::{self, Alternative};
use crate::bench_rounds::{self, Series, Timed};
use crate::bench_run::Launch;
use crate::bench_table::Measured;
use crate::bench_table::{self, Row};
use crate::process::End;
use crate::{bench_bodo, bench_ceiling, cargo, compare, paths, process, setup, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Timed runs of bodoc's executables: they are short, and this machine's
/// timings vary from run to run by tens of percent. (The alternatives'
/// counts are `Alternative::repeats`.)
const BODOC_REPEATS: usize = 15;
pub const TIMEOUT: Duration = Duration::from_secs(300);

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
    // Whether Bodo is installed: looked at (and installed) once, when a workload first needs it.
    let mut bodo = None;
    let startup = bench_ceiling::mpi_startup(&scratch, TIMEOUT, |make, tag| {
        let series = [bodoc_series(Box::new(make), tag.to_string())];
        let mut timed = bench_rounds::interleaved(&series, &scratch, &scratch, summary)?;
        Ok(timed.pop().ok_or("no result")?.map(|(sample, _)| sample))
    })?;
    let mut rows = Vec::new();
    for source in &workloads {
        let row = measure(source, &scratch, &mut bodo, &startup)?;
        eprintln!("{}: {}", row.name, row.outputs);
        rows.push(row);
    }
    let table = bench_table::render(&rows);
    println!("\n{table}");
    let report = bench_table::report(&table, &startup, BODOC_REPEATS);
    std::fs::write(bench_dir.join("RESULTS.md"), report)?;
    eprintln!("wrote bench/RESULTS.md");
    Ok(())
}

fn measure(source: &Path, scratch: &Path, bodo: &mut Option<bool>, startup: &Measured) -> Result<Row> {
    let name = source.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let alternatives = bench_alternatives::declared(&std::fs::read_to_string(source)?)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    let dir = source.parent().ok_or("a workload lives in a folder")?;
    let exe = scratch.join(&name);
    let mut build = Command::new(paths::bodoc());
    build.arg("build").arg(source).arg("-o").arg(&exe).arg("--quiet");
    let built = process::capture(&mut build, TIMEOUT, scratch, &format!("{name}.build"))?;
    // Workloads run in parallel (against Bodo on 2 ranks) get their ceiling.
    let parallel = alternatives.iter().any(|alt| alt.ranks() > 1);
    let failed = |why: String| {
        let timed = alternatives.iter().map(|&alt| (alt, Err(why.clone()))).collect();
        (Err(why.clone()), Err(why.clone()), Err(why), timed)
    };
    let (one_rank, two_ranks, pair, timed) = if built.end != End::Exited(0) {
        failed(format!("build failed: {}", summary(&built.stderr)))
    } else if !exe.is_file() {
        failed("build made no executable".to_string())
    } else {
        // bodoc's runs and the alternatives' take turns (`bench_rounds`).
        let mut series = vec![
            bodoc_series(Box::new(|| Launch::direct(&exe)), format!("{name}.bodoc1")),
            bodoc_series(Box::new(|| Launch::two_ranks(&exe)), format!("{name}.bodoc2")),
        ];
        if parallel {
            series.push(bodoc_series(Box::new(|| bench_ceiling::pair(&exe)), format!("{name}.pair")));
        }
        let mut runs = Vec::new();
        for &alt in &alternatives {
            let run = !alt.is_bodo() || *bodo.get_or_insert_with(bench_bodo::ensure);
            if run {
                let tag = format!("{name}.{}", alt.label().replace(' ', "-"));
                let work = scratch.join(&tag);
                let make = Box::new(move || alt.launch(source, &work));
                series.push(Series { make, warm_up: alt.warm_up_runs(), repeats: alt.repeats(), tag });
            }
            runs.push(run);
        }
        let mut results = bench_rounds::interleaved(&series, dir, scratch, summary)?.into_iter();
        let mut next = || results.next().ok_or("internal error: a series without a result");
        let (one, two) = (next()?, next()?);
        let pair = if parallel { next()? } else { Err("not a parallel workload".to_string()) };
        let mut timed = Vec::new();
        for (&alt, run) in alternatives.iter().zip(runs) {
            let t = if run { next()? } else { Err("skipped: Bodo could not be installed".to_string()) };
            timed.push((alt, t));
        }
        (one, two, pair, timed)
    };
    let outputs = compare_outputs(&one_rank, &two_ranks, &timed);
    let sample = |t: Timed| t.map(|(sample, _)| sample);
    let one_rank = sample(one_rank);
    let ceiling = if parallel { Some(bench_ceiling::ceiling(&one_rank, &sample(pair), startup)) } else { None };
    Ok(Row {
        name,
        one_rank,
        two_ranks: sample(two_ranks),
        ceiling,
        alternatives: timed.into_iter().map(|(alt, t)| (alt, sample(t))).collect(),
        outputs,
    })
}

/// The timed runs of bodoc's executable `make` starts.
fn bodoc_series<'a>(make: Box<dyn Fn() -> Launch + 'a>, tag: String) -> Series<'a> {
    Series { make, warm_up: 0, repeats: BODOC_REPEATS, tag }
}

/// The line of a failed run's stderr that says why: the exception of a
/// Python traceback (its last `...Error: ...` line), else the first line
/// (bodoc's diagnostic).
fn summary(stderr: &str) -> String {
    let exception = stderr.lines().rev().find(|l| {
        let head = l.split(':').next().unwrap_or("");
        !l.starts_with(' ') && l.contains(": ") && (head.ends_with("Error") || head.ends_with("Exception"))
    });
    exception.or_else(|| stderr.lines().find(|l| !l.trim().is_empty())).unwrap_or("(no stderr)").to_string()
}

/// Every output checked against the first alternative that ran (the
/// reference): "all agree with NumPy", or who agrees and who differs.
fn compare_outputs(one_rank: &Timed, two_ranks: &Timed, alternatives: &[(Alternative, Timed)]) -> String {
    let Some((reference, expected)) =
        alternatives.iter().find_map(|(alt, t)| t.as_ref().ok().map(|(_, out)| (alt.label(), out)))
    else {
        return "not compared".to_string();
    };
    let others = [("bodoc 1 rank", one_rank), ("bodoc 2 ranks", two_ranks)]
        .into_iter()
        .chain(alternatives.iter().map(|(alt, t)| (alt.label(), t)).filter(|(label, _)| *label != reference));
    let (mut agree, mut differ, mut all_ran) = (Vec::new(), Vec::new(), true);
    for (label, timed) in others {
        match timed {
            Ok((_, out)) => match compare::agree(expected, out) {
                None => agree.push(label),
                Some(diff) => differ.push(format!("{label} DIFFERS from {reference}: {diff}")),
            },
            Err(_) => all_ran = false,
        }
    }
    if all_ran && differ.is_empty() {
        return format!("all agree with {reference}");
    }
    if !agree.is_empty() {
        differ.insert(0, format!("{} agree with {reference}", agree.join(", ")));
    }
    if differ.is_empty() {
        "not compared".to_string()
    } else {
        differ.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn failure_summary_prefers_the_python_exception() {
        let traceback = "warning: slow\nTraceback (most recent call last):\n  File \"x.py\", line 1\n\
                         numba.core.errors.TypingError: Cannot unify\n\nFile \"x.py\", line 9:\nMPICH: pending\n";
        assert_eq!(summary(traceback), "numba.core.errors.TypingError: Cannot unify");
        assert_eq!(summary("\nerror: X[:, c] is not supported\n  --> a.py:3\n"), "error: X[:, c] is not supported");
        assert_eq!(summary(""), "(no stderr)");
    }
}
