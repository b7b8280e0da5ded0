//! The benchmark table (markdown, one row per workload) and the report
//! around it that `cargo xtask bench` writes to `bench/RESULTS.md`.

use crate::bench_alternatives::Alternative;
use crate::bench_run::Sample;
use crate::machine;

/// Seconds and peak memory of a way of running a workload, or why there are none.
pub type Measured = std::result::Result<Sample, String>;

/// One workload's measurements.
pub struct Row {
    pub name: String,
    /// bodoc's executable started directly.
    pub one_rank: Measured,
    /// The same under `mpiexec -n 2`.
    pub two_ranks: Measured,
    /// For a parallel workload, the best 2-rank speedup this machine allows
    /// it (`bench_ceiling`), or why it could not be measured.
    pub ceiling: Option<std::result::Result<f64, String>>,
    pub alternatives: Vec<(Alternative, Measured)>,
    /// What the output comparison found.
    pub outputs: String,
}

impl Row {
    /// bodoc's run that the ratios divide, and its name: on 2 ranks when the
    /// workload is also run in parallel (Bodo on 2 ranks), else on 1 rank.
    fn base(&self) -> (&Measured, &'static str) {
        if self.alternatives.iter().any(|(alt, _)| alt.ranks() > 1) {
            (&self.two_ranks, "2 ranks")
        } else {
            (&self.one_rank, "1 rank")
        }
    }
}

/// The markdown table: bodoc's columns, then time, ratio and memory of
/// every alternative used by any workload.
pub fn render(rows: &[Row]) -> String {
    let mut columns: Vec<Alternative> = Vec::new();
    for alt in rows.iter().flat_map(|r| r.alternatives.iter().map(|(a, _)| *a)) {
        if !columns.contains(&alt) {
            columns.push(alt);
        }
    }
    let mut head: Vec<String> =
        ["workload", "bodoc 1 rank", "bodoc 2 ranks", "1 rank / 2 ranks", "2-rank ceiling", "bodoc 2 ranks MB"]
            .map(String::from)
            .to_vec();
    for alt in &columns {
        let label = alt.label();
        head.extend([label.to_string(), format!("{label} / bodoc"), format!("{label} MB")]);
    }
    head.extend(["ratios over bodoc".to_string(), "outputs".to_string()]);
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for row in rows {
        let (base, base_name) = row.base();
        let mut cells = vec![
            row.name.clone(),
            seconds(&row.one_rank),
            seconds(&row.two_ranks),
            ratio(&row.one_rank, &row.two_ranks),
            match &row.ceiling {
                Some(Ok(speedup)) => format!("{speedup:.1}x"),
                Some(Err(why)) => escape(why),
                None => "-".to_string(),
            },
        ];
        cells.push(megabytes(&row.two_ranks));
        for alt in &columns {
            match row.alternatives.iter().find(|(a, _)| a == alt) {
                Some((_, measured)) => cells.extend([seconds(measured), ratio(measured, base), megabytes(measured)]),
                None => cells.extend(["-", "-", "-"].map(String::from)),
            }
        }
        cells.extend([base_name.to_string(), escape(&row.outputs)]);
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// RESULTS.md: where and how the figures were taken, then `table`.
pub fn report(table: &str, mpi_startup: &Measured, bodoc_repeats: usize) -> String {
    let (python_repeats, bodo_repeats) = (Alternative::CPython.repeats(), Alternative::Bodo.repeats());
    let startup = match mpi_startup {
        Ok(sample) => format!("{:.3} s", sample.seconds),
        Err(why) => format!("not measured ({why})"),
    };
    format!(
        "# Benchmark results\n\n\
         Written by `cargo xtask bench` on {} ({}).\n\n\
         Times are whole-process wall times in seconds: the best of {bodoc_repeats} runs of bodoc's \
         executable started directly (1 rank; a one-rank run never starts MPI) and under `mpiexec -n 2`, \
         and the best of {python_repeats} runs of CPython and NumPy and {bodo_repeats} of Bodo on the same source. Bodo is the real Bodo \
         from PyPI in SPMD mode under the same `mpiexec -n 2`, its JIT compilation included (the user's wait); \"Bodo cached\" is the same with Bodo's JIT cache \
         filled by an untimed run first. The runs of a workload take turns, each way of running it spread \
         over the whole measurement, so that bodoc and the alternatives see the same machine (whose speed \
         swings from minute to minute).\n\n\
         A ratio is the alternative's time over bodoc's (above 1: bodoc is faster); the \"ratios over bodoc\" \
         column says which of bodoc's times it divides by: the 2-rank time in workloads that run Bodo on \
         2 ranks, else the 1-rank time. \"1 rank / 2 ranks\" is bodoc's parallel speedup.\n\n\
         \"2-rank ceiling\" is the best speedup this machine allows a parallel workload: the 1-rank time \
         over (half the time of two copies of the 1-rank executable started together, plus MPI's start-up \
         under `mpiexec -n 2`, {startup} on this run). Two cores of this virtual machine run two \
         computations at once slower than one alone (shared memory bandwidth and host), and a one-rank run \
         never starts MPI; `xtask/src/bench_ceiling.rs` says more.\n\n\
         Memory (MB, 10^6 bytes) is the peak resident set of the largest single process of a run, that is \
         per rank for the 2-rank runs (Linux `ru_maxrss` from `wait4` on the child, which covers mpiexec's \
         ranks), the largest of the runs.\n\n{table}",
        machine::today(),
        machine::description()
    )
}

fn seconds(measured: &Measured) -> String {
    match measured {
        Ok(sample) => format!("{:.3}", sample.seconds),
        Err(why) => escape(why),
    }
}

fn megabytes(measured: &Measured) -> String {
    match measured {
        Ok(sample) => format!("{:.0}", sample.peak_mb),
        Err(_) => "-".to_string(),
    }
}

/// `slow / fast` as "2.5x", or "-" when either is missing.
fn ratio(slow: &Measured, fast: &Measured) -> String {
    match (slow, fast) {
        (Ok(s), Ok(f)) if f.seconds > 0.0 => format!("{:.1}x", s.seconds / f.seconds),
        _ => "-".to_string(),
    }
}

/// Text made safe for a table cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
}
