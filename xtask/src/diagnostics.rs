//! Diagnostics fixtures: `tests/diagnostics/NAME.py` must make
//! `bodoc check NAME.py` (run in that folder, `NO_COLOR=1`) exit 1 with
//! stderr equal to `NAME.stderr` (trailing whitespace ignored). Also
//! `cargo xtask bless-diagnostics`, which rewrites the `.stderr` files.

use crate::args::Args;
use crate::e2e::{Failure, Harness, Verdict};
use crate::process::{self, Captured, End};
use crate::selection::{self, Item};
use crate::{compare, paths, program, Result};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const CHECK_TIMEOUT: Duration = Duration::from_secs(60);

/// Checks one fixture.
pub fn check(h: &Harness, item: &Item) -> Verdict {
    let fail = |summary: String, log: String| Verdict::Fail(Failure { summary, log });
    let run = match run_check(&h.bodoc, item, &h.scratch) {
        Ok(run) => run,
        Err(e) => return fail(format!("harness error: {e}"), String::new()),
    };
    let mut log = String::new();
    program::record(&mut log, &command(&h.bodoc, item), &run);
    let expected = match std::fs::read_to_string(item.sibling("stderr")) {
        Ok(text) => text,
        Err(_) => return fail(format!("no {}.stderr (write it, or `cargo xtask bless-diagnostics`)", item.name), log),
    };
    if run.end != End::Exited(1) {
        return fail(format!("expected exit status 1, got {}", run.end.describe()), log);
    }
    match first_difference(&expected, &run.stderr) {
        None => Verdict::Pass(format!("check {:.1}s", run.elapsed.as_secs_f64())),
        Some(diff) => fail(format!("stderr {diff}"), log),
    }
}

/// The first line where `actual` differs from `expected`, ignoring trailing
/// whitespace (no numeric tolerance: messages are exact).
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    let (e, a) = (compare::lines(expected), compare::lines(actual));
    (0..e.len().max(a.len())).find_map(|i| {
        let (le, la) = (e.get(i).copied(), a.get(i).copied());
        (le != la).then(|| {
            let show = |l: Option<&str>| l.map_or("<missing line>".to_string(), |l| format!("{l:?}"));
            format!("line {}: expected {}, got {}", i + 1, show(le), show(la))
        })
    })
}

fn command(bodoc: &Path, item: &Item) -> Command {
    let mut cmd = Command::new(bodoc);
    cmd.arg("check").arg(item.file_name()).current_dir(item.dir()).env("NO_COLOR", "1");
    cmd
}

fn run_check(bodoc: &Path, item: &Item, scratch: &Path) -> Result<Captured> {
    let work = scratch.join(item.name.replace('/', "__"));
    std::fs::create_dir_all(&work)?;
    process::capture(&mut command(bodoc, item), CHECK_TIMEOUT, &work, "check")
}

/// `cargo xtask bless-diagnostics [--filter S]`: writes each fixture's
/// current stderr to its `.stderr` file, for review with `git diff`.
pub fn bless_main(args: &[String]) -> Result {
    let args = Args::parse_options(args, &["--filter"])?;
    let bodoc = paths::bodoc();
    if !bodoc.is_file() {
        return Err(format!("{} does not exist (cargo build --release --workspace)", bodoc.display()).into());
    }
    let scratch = paths::fresh_scratch("bless")?;
    let filter = args.value("--filter").unwrap_or("");
    for item in selection::diagnostics(&paths::tests())?.iter().filter(|i| i.name.contains(filter)) {
        let run = run_check(&bodoc, item, &scratch)?;
        let mut text = compare::lines(&run.stderr).join("\n");
        text.push('\n');
        std::fs::write(item.sibling("stderr"), text)?;
        let warning = if run.end == End::Exited(1) {
            String::new()
        } else {
            format!(" (warning: {}, expected exit status 1)", run.end.describe())
        };
        println!("blessed {}.stderr{warning}", item.name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn exact_lines_modulo_trailing_whitespace() {
        assert_eq!(first_difference("error: x\n  --> a.py:1:1\n", "error: x  \n  --> a.py:1:1\n\n"), None);
        assert_eq!(
            first_difference("error: x\n", "error:  x\n").as_deref(),
            Some("line 1: expected \"error: x\", got \"error:  x\"")
        );
        assert_eq!(first_difference("a\nb\n", "a\n").as_deref(), Some("line 2: expected \"b\", got <missing line>"));
    }
}
