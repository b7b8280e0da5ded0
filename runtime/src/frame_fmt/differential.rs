//! The differential check against pandas: an ignored test reading the
//! cases `gen_cases.py` writes (random frames and Series with pandas' own
//! text), building each from its shown rows as the caller does, and
//! reporting every case whose text differs.

use super::{frame_repr, series_repr, shown_rows, Cells, Frame, Labels, Level, Series, ShownRows};

/// One column (or index) of a case: its kind and raw tokens, decoded on use.
struct Raw {
    kind: String,
    tokens: Vec<String>,
}

/// Decoded values of one column, for the shown rows.
enum Owned {
    Int(Vec<i64>),
    Float(Vec<f64>),
    Bool(Vec<bool>),
    Str(Vec<Option<String>>, bool),
    DateTime(Vec<i64>),
}

fn unhex(token: &str) -> Option<String> {
    let hex = token.strip_prefix('x')?;
    let bytes = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
    Some(String::from_utf8(bytes).unwrap())
}

fn pick<T: Clone>(all: Vec<T>, nrows: usize, shown: ShownRows) -> Vec<T> {
    (0..shown.len()).map(|k| all[shown.position(nrows, k)].clone()).collect()
}

impl Raw {
    fn decode(&self, nrows: usize, shown: ShownRows) -> Owned {
        let t = &self.tokens;
        let ints = || pick(t.iter().map(|s| s.parse().unwrap()).collect(), nrows, shown);
        let strs = || pick(t.iter().map(|s| unhex(s)).collect(), nrows, shown);
        match self.kind.as_str() {
            "int" => Owned::Int(ints()),
            "dt" => Owned::DateTime(ints()),
            "float" => Owned::Float(pick(
                t.iter().map(|s| f64::from_bits(u64::from_str_radix(s, 16).unwrap())).collect(),
                nrows,
                shown,
            )),
            "bool" => Owned::Bool(pick(t.iter().map(|s| s == "1").collect(), nrows, shown)),
            "str" => Owned::Str(strs(), false),
            "strnan" => Owned::Str(strs(), true),
            other => panic!("unknown kind {other}"),
        }
    }
}

/// Shown-row copies of the string cells, borrowed by `Cells`.
fn borrow(strs: &[Option<String>]) -> Vec<Option<&str>> {
    strs.iter().map(|s| s.as_deref()).collect()
}

fn cells<'a>(o: &'a Owned, strs: &'a [Option<&'a str>]) -> Cells<'a> {
    match o {
        Owned::Int(v) => Cells::Int(v),
        Owned::Float(v) => Cells::Float(v),
        Owned::Bool(v) => Cells::Bool(v),
        Owned::Str(_, false) => Cells::Str(strs),
        Owned::Str(_, true) => Cells::StrNaN(strs),
        Owned::DateTime(v) => Cells::DateTime(v),
    }
}

/// The value tokens left on a line (none for zero rows).
fn values<'a>(tokens: impl Iterator<Item = &'a str>) -> Vec<String> {
    tokens.filter(|t| !t.is_empty()).map(String::from).collect()
}

/// The strings of decoded string labels (none for other kinds).
fn label_strs(o: &Owned) -> Vec<&str> {
    match o {
        Owned::Str(v, _) => v.iter().map(|s| s.as_deref().unwrap()).collect(),
        _ => Vec::new(),
    }
}

fn labels<'a>(o: &'a Owned, strs: &'a [&'a str]) -> Labels<'a> {
    match o {
        Owned::Int(v) => Labels::Int(v),
        Owned::Float(v) => Labels::Float(v),
        Owned::DateTime(v) => Labels::DateTime(v),
        Owned::Str(..) => Labels::Str(strs),
        Owned::Bool(_) => panic!("no bool labels"),
    }
}

/// One case: renders it and returns pandas' text and ours.
fn run(head: &str, lines: &[&str]) -> (String, String) {
    let mut parts = head.split(' ');
    let (_, is_series, nrows) =
        (parts.next(), parts.next() == Some("series"), parts.next().unwrap().parse::<usize>().unwrap());
    let shown = shown_rows(nrows);
    let (mut index, mut iname, mut sname, mut cname) = (None, None, None, None);
    let (mut expect, mut cols, mut levels) = (String::new(), Vec::new(), Vec::new());
    for line in lines {
        let mut tokens = line.split(' ');
        match tokens.next().unwrap() {
            "index" => index = Some(Raw { kind: tokens.next().unwrap().into(), tokens: values(tokens) }),
            "iname" => iname = unhex(tokens.next().unwrap()),
            "sname" => sname = unhex(tokens.next().unwrap()),
            "cname" => cname = unhex(tokens.next().unwrap()),
            "level" => {
                let name = unhex(tokens.next().unwrap());
                levels.push((name, Raw { kind: tokens.next().unwrap().into(), tokens: values(tokens) }));
            }
            "expect" => expect = unhex(tokens.next().unwrap()).unwrap(),
            "col" => {
                let name = unhex(tokens.next().unwrap()).unwrap();
                cols.push((name, Raw { kind: tokens.next().unwrap().into(), tokens: values(tokens) }));
            }
            other => panic!("unknown line {other}"),
        }
    }
    let index = index.unwrap();
    let decoded: Vec<Owned> = cols.iter().map(|(_, raw)| raw.decode(nrows, shown)).collect();
    let strs: Vec<Vec<Option<&str>>> =
        decoded.iter().map(|o| if let Owned::Str(v, _) = o { borrow(v) } else { Vec::new() }).collect();
    let flat = (!matches!(index.kind.as_str(), "range" | "multi")).then(|| index.decode(nrows, shown));
    let flat_strs = flat.as_ref().map(label_strs).unwrap_or_default();
    let level_values: Vec<Owned> = levels.iter().map(|(_, raw)| raw.decode(nrows, shown)).collect();
    let level_strs: Vec<Vec<&str>> = level_values.iter().map(label_strs).collect();
    let multi: Vec<Level> = levels
        .iter()
        .zip(&level_values)
        .zip(&level_strs)
        .map(|(((name, _), o), s)| Level { name: name.as_deref(), labels: labels(o, s) })
        .collect();
    let labels = match (index.kind.as_str(), &flat) {
        ("range", _) => {
            Labels::Range { start: index.tokens[0].parse().unwrap(), step: index.tokens[1].parse().unwrap() }
        }
        ("multi", _) => Labels::Multi(&multi),
        (_, Some(o)) => labels(o, &flat_strs),
        _ => unreachable!(),
    };
    let ours = if is_series {
        series_repr(&Series {
            nrows,
            cells: cells(&decoded[0], &strs[0]),
            index: labels,
            index_name: iname.as_deref(),
            name: sname.as_deref(),
        })
    } else {
        let columns =
            cols.iter().zip(&decoded).zip(&strs).map(|(((name, _), o), s)| (name.as_str(), cells(o, s))).collect();
        frame_repr(&Frame {
            nrows,
            columns,
            index: labels,
            index_name: iname.as_deref(),
            columns_name: cname.as_deref(),
        })
    };
    (expect, ours)
}

/// The lines that differ, numbered, pandas' first.
fn diff(expect: &str, ours: &str) -> String {
    let (e, o): (Vec<&str>, Vec<&str>) = (expect.lines().collect(), ours.lines().collect());
    let mut out = format!("{} lines from pandas, {} from us\n", e.len(), o.len());
    for i in 0..e.len().max(o.len()) {
        let (a, b) = (e.get(i).copied().unwrap_or("<none>"), o.get(i).copied().unwrap_or("<none>"));
        if a != b {
            out.push_str(&format!("{i:4} pandas |{a}|\n{i:4} ours   |{b}|\n"));
        }
    }
    out
}

#[test]
#[ignore = "needs FRAME_FMT_CASES, a file gen_cases.py wrote"]
fn pandas_cases() {
    let path = std::env::var("FRAME_FMT_CASES").expect("FRAME_FMT_CASES");
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (mut start, mut total, mut failed) = (0, 0, 0);
    while start < lines.len() {
        let end = start + lines[start..].iter().position(|l| *l == "end").unwrap();
        let (expect, ours) = run(lines[start], &lines[start + 1..end]);
        total += 1;
        if expect != ours {
            failed += 1;
            if failed <= 5 {
                eprintln!("=== case at line {}: {}\n{}", start + 1, lines[start], diff(&expect, &ours));
            }
        }
        start = end + 1;
    }
    eprintln!("{failed} of {total} cases differ");
    assert_eq!(failed, 0);
}
