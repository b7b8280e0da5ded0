//! Which programs the end-to-end harness runs: `tests/conformance.list`
//! (globs relative to `tests/`, `!` to exclude, `#` comments) expanded into
//! programs, plus the diagnostics fixtures in `tests/diagnostics/`.

use crate::Result;
use std::path::{Path, PathBuf};

/// One end-to-end item: a `.py` file under `tests/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Path relative to `tests/` without `.py`, e.g. `conformance/tier0/008_word_count`.
    pub name: String,
    pub source: PathBuf,
}

impl Item {
    fn new(tests: &Path, name: String) -> Item {
        let source = tests.join(format!("{name}.py"));
        Item { name, source }
    }

    /// The folder holding the program.
    pub fn dir(&self) -> &Path {
        self.source.parent().expect("a program lives in a folder")
    }

    /// The program's file name, e.g. `008_word_count.py`.
    pub fn file_name(&self) -> String {
        self.source.file_name().unwrap_or_default().to_string_lossy().into_owned()
    }

    /// The file beside the program with extension `ext` (`out`, `exit`, `err`, `stderr`).
    pub fn sibling(&self, ext: &str) -> PathBuf {
        self.source.with_extension(ext)
    }
}

/// Expands the list file's text into programs, in list order, without duplicates.
pub fn programs(tests: &Path, list: &str) -> Result<Vec<Item>> {
    let mut selected: Vec<Item> = Vec::new();
    for (lineno, raw) in list.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (exclude, pattern) = match line.strip_prefix('!') {
            Some(p) => (true, p.trim()),
            None => (false, line),
        };
        let pattern = pattern.strip_suffix(".py").unwrap_or(pattern);
        let (dir, file_glob) = pattern.rsplit_once('/').unwrap_or(("", pattern));
        if dir.contains(['*', '?']) {
            return Err(
                format!("conformance.list line {}: wildcards only in the last path component", lineno + 1).into()
            );
        }
        if exclude {
            selected.retain(|item| !matches_pattern(&item.name, dir, file_glob));
            continue;
        }
        let mut found = programs_in(tests, dir)?;
        found.retain(|name| matches_pattern(name, dir, file_glob));
        if found.is_empty() && !file_glob.contains(['*', '?']) {
            return Err(format!("conformance.list line {}: no program {pattern}.py", lineno + 1).into());
        }
        for name in found {
            if !selected.iter().any(|i| i.name == name) {
                selected.push(Item::new(tests, name));
            }
        }
    }
    Ok(selected)
}

/// The diagnostics fixtures: every `tests/diagnostics/*.py`.
pub fn diagnostics(tests: &Path) -> Result<Vec<Item>> {
    Ok(programs_in(tests, "diagnostics")?.into_iter().map(|name| Item::new(tests, name)).collect())
}

/// Names (relative to `tests/`, no `.py`) of the programs in `tests/DIR`,
/// sorted; `gen_data.py` is a data generator, not a program.
fn programs_in(tests: &Path, dir: &str) -> Result<Vec<String>> {
    let path = tests.join(dir);
    let entries = match std::fs::read_dir(&path) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display()).into()),
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".py")).map(str::to_string))
        .filter(|stem| stem != "gen_data")
        .map(|stem| if dir.is_empty() { stem } else { format!("{dir}/{stem}") })
        .collect();
    names.sort();
    Ok(names)
}

fn matches_pattern(name: &str, dir: &str, file_glob: &str) -> bool {
    let (name_dir, stem) = name.rsplit_once('/').unwrap_or(("", name));
    name_dir == dir && glob(file_glob.as_bytes(), stem.as_bytes())
}

/// `*` (any run) and `?` (any one character) wildcard matching.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| glob(rest, &text[skip..])),
        Some((&p, rest)) => text.split_first().is_some_and(|(&t, tail)| (p == b'?' || p == t) && glob(rest, tail)),
    }
}

#[cfg(test)]
mod tests {
    use super::{glob, programs};
    use std::fs;

    #[test]
    fn glob_matching() {
        assert!(glob(b"*", b"001_x"));
        assert!(glob(b"00?_*", b"001_x"));
        assert!(glob(b"101_seed_prange_test", b"101_seed_prange_test"));
        assert!(!glob(b"1*", b"001_x"));
        assert!(!glob(b"001", b"001_x"));
    }

    #[test]
    fn expands_list_in_order_with_exclusions() {
        let tests = std::env::temp_dir().join(format!("xtask-selection-{}", std::process::id()));
        for f in ["a/001_x.py", "a/002_y.py", "a/gen_data.py", "a/002_y.out", "b/101_z.py"] {
            let p = tests.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "").unwrap();
        }
        let names = |list: &str| programs(&tests, list).map(|v| v.into_iter().map(|i| i.name).collect::<Vec<_>>());
        assert_eq!(names("b/101_z\n# comment\na/*\n").unwrap(), vec!["b/101_z", "a/001_x", "a/002_y"]);
        assert_eq!(names("a/*\n!a/002_*\nempty/*\n").unwrap(), vec!["a/001_x"]);
        assert_eq!(names("a/001_x.py\na/*").unwrap(), vec!["a/001_x", "a/002_y"]);
        assert!(names("a/003_missing").is_err());
        assert!(names("*/001_x").is_err());
        fs::remove_dir_all(&tests).unwrap();
    }
}
