//! "Did you mean ...?" for undefined names and unknown keyword arguments:
//! the closest name in scope (or parameter) by edit distance, within
//! CPython's bound for its own suggestions (one edit for names of up to 8
//! characters, one more per 6 characters), and what to say of a CPython
//! builtin bodoc does not compile (it is not an undefined name).

/// CPython's builtin functions and types that bodoc does not compile.
const UNSUPPORTED_BUILTINS: &[&str] = &[
    "aiter",
    "anext",
    "bytearray",
    "bytes",
    "callable",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dir",
    "eval",
    "exec",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "help",
    "id",
    "input",
    "issubclass",
    "iter",
    "locals",
    "memoryview",
    "next",
    "object",
    "open",
    "property",
    "setattr",
    "slice",
    "staticmethod",
    "super",
    "type",
    "vars",
    "__import__",
    "breakpoint",
];

/// The help for `name` when it is a CPython builtin bodoc does not compile.
pub fn unsupported_builtin(name: &str) -> Option<&'static str> {
    if !UNSUPPORTED_BUILTINS.contains(&name) {
        return None;
    }
    Some(match name {
        "iter" | "next" | "anext" | "aiter" => {
            "loop over the values with `for` (and `break` at the one you want), or index a list"
        }
        "type" => "use isinstance(x, int) to test a type, or type(x).__name__ for its name",
        "input" | "open" => "take inputs from sys.argv, or build the data in the program",
        "frozenset" => "use a set, or a sorted tuple as a hashable key",
        _ => {
            "bodoc compiles the builtins of numbers, strings, lists, tuples, dicts and sets (len, abs, min, max, \
              sum, sorted, enumerate, zip, map, filter, isinstance, ...)"
        }
    })
}

/// The candidate closest to `name`, if one is close enough. Ties go to the
/// alphabetically first, so the suggestion does not depend on map order.
pub fn similar_name<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // CPython's bound, `(len + 3) * 2 / 6` in its units where an edit costs 2.
    let limit = (name.chars().count() + 3) / 3 / 2;
    candidates
        .filter(|c| *c != name && !c.is_empty())
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("totl", "total"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn suggests_the_closest_name() {
        let names = ["values", "total", "totals"];
        assert_eq!(similar_name("totl", names.into_iter()), Some("total"));
        assert_eq!(similar_name("x", ["y"].into_iter()), None);
        assert_eq!(similar_name("abcd", ["abce", "abcd2", "zbcd"].into_iter()), Some("abcd2"));
    }
}
