//! "Did you mean ...?" for undefined names and unknown keyword arguments:
//! the closest name in scope (or parameter) by edit distance, within
//! CPython's bound for its own suggestions (one edit for names of up to 8
//! characters, one more per 6 characters).

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
