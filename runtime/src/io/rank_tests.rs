//! The readers at several ranks: each rank's rows must be its share of the
//! whole table, in order. These need MPI, so `cargo test` skips them; run
//! them as `mpiexec -n 3 target/release/deps/bodo_rt-<hash> --ignored
//! under_mpiexec` (one test: MPI starts once per process).

use super::csv::{read_csv, Request};
use super::parquet::read_parquet;
use super::table::{Table, Values};
use crate::mpi_env;
use crate::object::StrObj;
use bodo_csv::{Kind, Layout, Skip};

#[test]
#[ignore]
fn under_mpiexec() {
    mpi_env::init(Vec::new(), "io_ranks");
    csv_rows();
    parquet_rows();
    mpi_env::barrier();
    mpi_env::finalize();
}

/// `mine`'s columns are rows `mine.offset..` of `all`'s.
fn same_rows(all: &Table, mine: &Table) {
    let strs = |v: &[*mut StrObj]| -> Vec<Option<String>> {
        // SAFETY: the non-null items are live strs.
        v.iter().map(|&s| (!s.is_null()).then(|| unsafe { crate::str::as_str(s) }.to_string())).collect()
    };
    assert_eq!(mine.total, all.len);
    let rows = mine.offset..mine.offset + mine.len;
    for (a, m) in all.columns.iter().zip(&mine.columns) {
        match (a, m) {
            (Values::Int(a), Values::Int(m)) => assert_eq!(&a[rows.clone()], &m[..]),
            (Values::Float(a), Values::Float(m)) => assert_eq!(&a[rows.clone()], &m[..]),
            (Values::Bool(a), Values::Bool(m)) => assert_eq!(&a[rows.clone()], &m[..]),
            (Values::Str(a), Values::Str(m)) => assert_eq!(strs(&a[rows.clone()]), strs(m)),
            _ => panic!("columns of different kinds"),
        }
    }
}

fn csv_rows() {
    let path = std::env::temp_dir().join("bodo_rt_csv_ranks.csv");
    if mpi_env::rank() == 0 {
        let mut text = String::from("k,s\n");
        for i in 0..500 {
            let s = match i % 4 {
                0 => format!("\"multi\nline {i}\""),
                1 => format!("\"q \"\"{i}\"\", x\""),
                2 => String::new(),
                _ => format!("plain{i}"),
            };
            text.push_str(&format!("{i},{s}\n{}", if i % 7 == 0 { "\n" } else { "" }));
        }
        std::fs::write(&path, text).unwrap();
    }
    mpi_env::barrier();
    for (skip, nrows) in [(Skip::Count(0), None), (Skip::Rows(vec![3, 10, 11, 400]), Some(300))] {
        let req = |distributed| Request {
            path: path.to_str().unwrap(),
            layout: Layout { sep: b',', skip: skip.clone(), header: Some(0) },
            nrows,
            header: Some(vec!["k".into(), "s".into()]),
            nfields: 2,
            fields: vec![0, 1],
            kinds: vec![Kind::Int, Kind::Str],
            distributed,
        };
        same_rows(&read_csv(&req(false)).unwrap(), &read_csv(&req(true)).unwrap());
    }
}

fn parquet_rows() {
    let path = format!("{}/../tests/conformance/tier3/data/trips", env!("CARGO_MANIFEST_DIR"));
    let cols: Vec<(String, Kind)> =
        [("city", Kind::Str), ("trip_id", Kind::Int), ("fare", Kind::Float), ("night", Kind::Bool)]
            .iter()
            .map(|(n, k)| (n.to_string(), *k))
            .collect();
    same_rows(&read_parquet(&path, &cols, false).unwrap(), &read_parquet(&path, &cols, true).unwrap());
}
