//! The end-to-end harness: the programs of `tests/conformance.list` are built
//! once and run at each rank count, the diagnostics fixtures are checked, two
//! items at a time; one line per item, a summary, and a log per failure under
//! `target/xtask/e2e/failures/`.

use crate::selection::{self, Item};
use crate::{diagnostics, paths, pool, program, Result};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

/// Builds and runs in parallel: the machines have two cores.
const WORKERS: usize = 2;

/// What the caller asked for.
pub struct Options {
    /// Keep only items whose name contains this.
    pub filter: Option<String>,
    /// Rank counts every program runs at.
    pub ranks: Vec<usize>,
}

/// What every check needs to know.
pub struct Harness {
    pub bodoc: PathBuf,
    pub ranks: Vec<usize>,
    /// Per-item build and working directories live under here.
    pub scratch: PathBuf,
    /// Held while a program runs in a shared folder (tier3's `out/`).
    pub shared_folder: Mutex<()>,
}

/// The outcome of one item: a failure, or a note such as timings.
pub enum Verdict {
    Pass(String),
    Fail(Failure),
}

/// Why an item failed: a one-line summary and the full log.
pub struct Failure {
    pub summary: String,
    pub log: String,
}

#[derive(Clone, Copy)]
enum Kind {
    Program,
    Diagnostic,
}

/// Runs the harness; `Ok(true)` when every item passed.
pub fn run(opts: &Options) -> Result<bool> {
    let tests = paths::tests();
    let list_path = tests.join("conformance.list");
    let list = std::fs::read_to_string(&list_path).map_err(|e| format!("{}: {e}", list_path.display()))?;
    let mut jobs: Vec<(Kind, Item)> =
        selection::programs(&tests, &list)?.into_iter().map(|i| (Kind::Program, i)).collect();
    jobs.extend(selection::diagnostics(&tests)?.into_iter().map(|i| (Kind::Diagnostic, i)));
    if let Some(f) = &opts.filter {
        jobs.retain(|(_, item)| item.name.contains(f.as_str()));
    }
    let harness = Harness {
        bodoc: paths::bodoc(),
        ranks: opts.ranks.clone(),
        scratch: paths::fresh_scratch("e2e")?,
        shared_folder: Mutex::new(()),
    };
    if !harness.bodoc.is_file() {
        return Err(format!("{} does not exist (cargo build --release --workspace)", harness.bodoc.display()).into());
    }
    let failures_dir = harness.scratch.join("failures");
    std::fs::create_dir_all(&failures_dir)?;
    let ranks: Vec<String> = opts.ranks.iter().map(usize::to_string).collect();
    eprintln!(
        "e2e: {} items at {} ranks, {WORKERS} at a time, with {}",
        jobs.len(),
        ranks.join(","),
        paths::show(&harness.bodoc)
    );

    let start = Instant::now();
    let mut failed: Vec<String> = Vec::new();
    let mut log_error = None;
    pool::run(
        &jobs,
        WORKERS,
        |(kind, item)| match kind {
            Kind::Program => program::check(&harness, item),
            Kind::Diagnostic => diagnostics::check(&harness, item),
        },
        |(_, item), verdict| match verdict {
            Verdict::Pass(note) => println!("ok   {} ({note})", item.name),
            Verdict::Fail(f) => {
                println!("FAIL {}: {}", item.name, shorten(&f.summary));
                let log = failures_dir.join(format!("{}.log", item.name.replace('/', "__")));
                if let Err(e) = std::fs::write(&log, &f.log) {
                    log_error = Some(format!("{}: {e}", log.display()));
                }
                failed.push(item.name.clone());
            }
        },
    );
    if let Some(e) = log_error {
        return Err(e.into());
    }
    let passed = jobs.len() - failed.len();
    println!("\ne2e: {passed} passed, {} failed, in {:.0} s", failed.len(), start.elapsed().as_secs_f64());
    if !failed.is_empty() {
        failed.sort();
        println!("failed:");
        for name in &failed {
            println!("  {name}");
        }
        println!("logs (commands, stdout, stderr): {}/", paths::show(&failures_dir));
    }
    Ok(failed.is_empty())
}

/// Keeps a summary on one readable line.
fn shorten(summary: &str) -> String {
    const MAX: usize = 240;
    let one_line = summary.replace('\n', " ");
    match one_line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", &one_line[..cut]),
        None => one_line,
    }
}

/// `ranks` as written on the command line: `1,2,3`.
pub fn parse_ranks(text: &str) -> Result<Vec<usize>> {
    let ranks: Vec<usize> = text
        .split(',')
        .map(|r| r.trim().parse::<usize>().ok().filter(|&n| n > 0))
        .collect::<Option<_>>()
        .ok_or_else(|| format!("--ranks wants positive counts like 1,2,3, got {text:?}"))?;
    Ok(ranks)
}

#[cfg(test)]
mod tests {
    use super::{parse_ranks, shorten};

    #[test]
    fn ranks() {
        assert_eq!(parse_ranks("1,2,3").unwrap(), vec![1, 2, 3]);
        assert_eq!(parse_ranks("2").unwrap(), vec![2]);
        assert!(parse_ranks("0").is_err());
        assert!(parse_ranks("1,,2").is_err());
    }

    #[test]
    fn summaries_stay_short() {
        assert_eq!(shorten("a\nb"), "a b");
        assert_eq!(shorten(&"x".repeat(300)).len(), 243);
    }
}
