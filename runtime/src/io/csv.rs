//! `pd.read_csv` at run time, with the schema the compiler read at build
//! time (`bodo_csv`): one array per kept column, the rows 1D_Block_Var.
//!
//! The data rows' bytes (after skipped rows and the header, which every
//! rank finds itself) are split in equal byte ranges. A rank owns the
//! records that start in its range: it skips to the first record start at
//! or after its range's start and reads through the end of the record that
//! crosses its range's end. Line ends inside quoted fields are told apart
//! by the parity of the quotes before them, which the ranks learn from one
//! allgather of their ranges' quote counts. `nrows=` and `skiprows=[...]`
//! need global row numbers: a first pass counts each rank's records, a
//! second converts only the rows kept.

use super::table::{Table, Values};
use super::{agreed, os_error};
use crate::array::comm::allgather_i64s;
use crate::errors::{PyErr, PyResult};
use crate::mpi_env;
use crate::str::new_str;
use bodo_abi::{block_range, exc};
use bodo_csv::records::{quote_count, record_end};
use bodo_csv::values::{is_na, parse_bool, parse_datetime, parse_float, parse_int, NAT};
use bodo_csv::{Kind, Layout, Prefix, Records, Skip};
use std::fs::File;
use std::os::unix::fs::FileExt;

/// What to read: the layout and the schema baked in at build time.
#[derive(Clone)]
pub struct Request<'a> {
    pub path: &'a str,
    pub layout: Layout,
    pub nrows: Option<usize>,
    /// The header row's fields when the program was built (checked).
    pub header: Option<Vec<String>>,
    /// Fields per record.
    pub nfields: usize,
    /// The kept fields, increasing, and each one's kind.
    pub fields: Vec<usize>,
    pub kinds: Vec<Kind>,
    /// Split the rows over the ranks (collective), or read all of them.
    pub distributed: bool,
}

/// Reads the file `req` names (collective when `req.distributed`).
pub fn read_csv(req: &Request) -> PyResult<Table> {
    let (rank, nranks) = if req.distributed { (mpi_env::rank(), mpi_env::size()) } else { (0, 1) };
    let opened = File::open(req.path).and_then(|f| Ok((f.metadata()?.len() as usize, f)));
    let (size, file) = agreed(opened.map_err(|e| os_error(&e, req.path)), req.distributed)?;
    let prefix = agreed(find_prefix(&file, size, &req.layout).map_err(|e| os_error(&e, req.path)), req.distributed)?;
    check_header(req, &prefix)?;
    let (lo, hi) = byte_range(prefix.data_start, size, rank, nranks);
    let owned = owned_bytes(&file, lo, hi, size, prefix.data_start, |q| before_me(q, req.distributed));
    let bytes = agreed(owned.map_err(|e| os_error(&e, req.path)), req.distributed)?;
    let keep = if matches!(req.layout.skip, Skip::Rows(_)) || req.nrows.is_some() {
        kept_rows(req, &bytes, prefix.rows_before)
    } else {
        Vec::new()
    };
    let columns = agreed(convert(req, &bytes, &keep), req.distributed)?;
    let len = columns.first().map_or_else(|| count_kept(&bytes, req.layout.sep, &keep), Values::len);
    let offset = before_me(len as i64, req.distributed) as usize;
    let total = if req.distributed { allgather_i64s(&[len as i64]).iter().sum::<i64>() as usize } else { len };
    Ok(Table { columns, len, offset, total })
}

/// Which of this rank's records are kept (collective when distributed):
/// not dropped by `skiprows=[...]` (file rows) and among the first `nrows`.
fn kept_rows(req: &Request, bytes: &[u8], rows_before: usize) -> Vec<bool> {
    let count = count_records(bytes, req.layout.sep);
    let first = before_me(count as i64, req.distributed) as usize;
    let skip = &req.layout.skip;
    let dropped: Vec<bool> =
        (0..count).map(|j| matches!(skip, Skip::Rows(_)) && skip.skips(rows_before + first + j)).collect();
    let mut k = before_me(dropped.iter().filter(|d| !**d).count() as i64, req.distributed) as usize;
    dropped
        .iter()
        .map(|&d| {
            let keep = !d && req.nrows.is_none_or(|n| k < n);
            k += usize::from(!d);
            keep
        })
        .collect()
}

/// Rows on lower ranks: the sum of `mine` over them.
fn before_me(mine: i64, distributed: bool) -> i64 {
    if !distributed {
        return 0;
    }
    allgather_i64s(&[mine]).iter().take(mpi_env::rank() as usize).sum()
}

fn count_records(bytes: &[u8], sep: u8) -> usize {
    let mut recs = Records::new(bytes, sep);
    let mut fields = Vec::new();
    std::iter::from_fn(|| recs.next_into(&mut fields).then_some(())).count()
}

fn count_kept(bytes: &[u8], sep: u8, keep: &[bool]) -> usize {
    if keep.is_empty() {
        count_records(bytes, sep)
    } else {
        keep.iter().filter(|k| **k).count()
    }
}

/// The rows before the data, read from the start of the file (a first
/// MiB, or all of it when the header lies further).
fn find_prefix(file: &File, size: usize, layout: &Layout) -> std::io::Result<Prefix> {
    let first = read_at(file, 0, size.min(1 << 20))?;
    if let Some(p) = layout.prefix(&first, first.len() == size) {
        return Ok(p);
    }
    let all = read_at(file, 0, size)?;
    Ok(layout.prefix(&all, true).unwrap_or(Prefix { data_start: size, header: None, rows_before: 0 }))
}

/// The header must still be the one the program was built for.
fn check_header(req: &Request, prefix: &Prefix) -> PyResult<()> {
    let Some(want) = &req.header else { return Ok(()) };
    let got: Vec<String> = prefix.header.iter().flatten().map(|f| String::from_utf8_lossy(f).into_owned()).collect();
    if &got == want {
        return Ok(());
    }
    Err(PyErr::new(
        exc::VALUE_ERROR,
        format!(
            "{}: the header is now [{}], but the program was compiled for [{}]; rebuild it to read the new columns",
            req.path,
            got.join(", "),
            want.join(", ")
        ),
    ))
}

/// `rank`'s byte range of the data rows `data_start..size`.
fn byte_range(data_start: usize, size: usize, rank: i64, nranks: i64) -> (usize, usize) {
    let (lo, n) = block_range((size - data_start) as i64, rank, nranks);
    let lo = data_start + lo as usize;
    (lo, lo + n as usize)
}

fn read_at(file: &File, at: usize, n: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = vec![0u8; n];
    file.read_exact_at(&mut buf, at as u64)?;
    Ok(buf)
}

/// The bytes of the records that start in `lo..hi`. `quotes_before` is
/// given this range's quote count and returns the count of all lower
/// ranges (a collective when distributed, called on every path).
fn owned_bytes(
    file: &File,
    lo: usize,
    hi: usize,
    size: usize,
    data_start: usize,
    quotes_before: impl FnOnce(i64) -> i64,
) -> std::io::Result<Vec<u8>> {
    let from = lo.saturating_sub(1).max(data_start);
    let range = read_at(file, from, hi - from);
    let before = quotes_before(range.as_ref().map_or(0, |r| quote_count(&r[lo - from..]) as i64));
    let mut buf = range?;
    // The first record start at or after `lo`: `lo` itself when the byte
    // before it ends a record outside quotes.
    let start = if lo == data_start {
        lo
    } else {
        let odd_before = (before % 2 == 1) ^ (buf[0] == b'"');
        match record_end(&buf, 0, odd_before) {
            Some(end) => from + end,
            None => hi,
        }
    };
    if start >= hi {
        return Ok(Vec::new());
    }
    buf.drain(..start - from);
    // Read on to the end of the record holding byte `hi - 1`.
    let last = hi - 1 - start;
    let odd = quote_count(&buf[..last]) % 2 == 1;
    let mut chunk = 1 << 16;
    loop {
        if let Some(end) = record_end(&buf, last, odd) {
            buf.truncate(end);
            return Ok(buf);
        }
        let at = start + buf.len();
        if at >= size {
            return Ok(buf);
        }
        buf.extend(read_at(file, at, chunk.min(size - at))?);
        chunk *= 2;
    }
}

/// The kept columns' values of the kept records (`keep` per record, or
/// all records when empty).
fn convert(req: &Request, bytes: &[u8], keep: &[bool]) -> PyResult<Vec<Values>> {
    let mut cols: Vec<Values> = req
        .kinds
        .iter()
        .map(|k| match k {
            Kind::Int | Kind::Datetime => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
            Kind::Str => Values::Str(Vec::new()),
        })
        .collect();
    let mut recs = Records::new(bytes, req.layout.sep);
    let mut fields = Vec::new();
    let mut j = 0;
    while recs.next_into(&mut fields) {
        j += 1;
        if !keep.is_empty() && !keep[j - 1] {
            continue;
        }
        if fields.len() > req.nfields {
            let msg = format!(
                "Error tokenizing data. C error: Expected {} fields in a row, saw {}",
                req.nfields,
                fields.len()
            );
            return Err(PyErr::new(exc::VALUE_ERROR, msg));
        }
        for ((col, &kind), &f) in cols.iter_mut().zip(&req.kinds).zip(&req.fields) {
            push(col, kind, fields.get(f).map_or(&b""[..], |v| &v[..]), f)?;
        }
    }
    Ok(cols)
}

/// Appends field `f`'s text to its column.
fn push(col: &mut Values, kind: Kind, text: &[u8], f: usize) -> PyResult<()> {
    let bad = |what: &str| {
        let shown = String::from_utf8_lossy(text);
        PyErr::new(
            exc::VALUE_ERROR,
            format!("{what}: '{shown}' (column {f} was {} when the program was built)", kind.pandas_name()),
        )
    };
    let na = is_na(text);
    match col {
        Values::Int(v) if kind == Kind::Datetime => {
            v.push(if na { NAT } else { parse_datetime(text).ok_or_else(|| bad("Unknown datetime string format"))? })
        }
        Values::Int(_) if na => {
            return Err(PyErr::new(exc::VALUE_ERROR, format!("Integer column has NA values in column {f}")))
        }
        Values::Int(v) => v.push(parse_int(text).ok_or_else(|| bad("invalid literal for int() with base 10"))?),
        Values::Float(v) => v.push(if na {
            f64::NAN
        } else {
            parse_float(text).ok_or_else(|| bad("could not convert string to float"))?
        }),
        Values::Bool(_) if na => {
            return Err(PyErr::new(exc::VALUE_ERROR, format!("Bool column has NA values in column {f}")))
        }
        Values::Bool(v) => v.push(u8::from(parse_bool(text).ok_or_else(|| bad("could not convert string to bool"))?)),
        Values::Str(v) => v.push(if na { std::ptr::null_mut() } else { new_str(&String::from_utf8_lossy(text)) }),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(name: &str, text: &str) -> (std::path::PathBuf, File) {
        let p = std::env::temp_dir().join(format!("bodo_rt_csv_{}_{name}", std::process::id()));
        std::fs::write(&p, text).unwrap();
        let f = File::open(&p).unwrap();
        (p, f)
    }

    /// Every record is owned by exactly one of `n` simulated ranks, in order.
    #[test]
    fn ranges_split_at_record_starts() {
        let text = "h1,h2\n1,\"a\nb\"\n22,\"x,\"\"y\"\"\n\nz\"\n333,w\n4,\"\"\n";
        let (p, f) = file_with("split", text);
        let (size, ds) = (text.len(), 6);
        let whole = owned_bytes(&f, ds, size, size, ds, |_| 0).unwrap();
        for n in 1..=size as i64 {
            let mut joined = Vec::new();
            let mut quotes = 0;
            for r in 0..n {
                let (lo, hi) = byte_range(ds, size, r, n);
                // What the allgather gives rank r: the quotes of the lower ranges.
                joined.extend(
                    owned_bytes(&f, lo, hi, size, ds, |q| {
                        let before = quotes;
                        quotes += q;
                        before
                    })
                    .unwrap(),
                );
            }
            assert_eq!(String::from_utf8_lossy(&joined), String::from_utf8_lossy(&whole), "{n} ranks");
        }
        std::fs::remove_file(p).unwrap();
    }

    #[test]
    fn reads_columns_single_rank() {
        let text =
            "# note\nid;name;x;ok;when\n1;\"a;b\";1.5;True;2024-01-02\n2;;nan;false;\n3;c;7;TRUE;2024-01-02 00:00:01\n";
        let (p, _) = file_with("cols", text);
        let path = p.to_str().unwrap();
        let req = Request {
            path,
            layout: Layout { sep: b';', skip: Skip::Count(1), header: Some(0) },
            nrows: None,
            header: Some(["id", "name", "x", "ok", "when"].map(String::from).to_vec()),
            nfields: 5,
            fields: vec![0, 1, 2, 3, 4],
            kinds: vec![Kind::Int, Kind::Str, Kind::Float, Kind::Bool, Kind::Datetime],
            distributed: false,
        };
        let t = read_csv(&req).unwrap();
        assert_eq!((t.len, t.offset, t.total), (3, 0, 3));
        let Values::Int(ids) = &t.columns[0] else { panic!() };
        assert_eq!(ids, &[1, 2, 3]);
        let Values::Str(names) = &t.columns[1] else { panic!() };
        // SAFETY: the non-null items are live strs.
        let shown: Vec<Option<&str>> =
            names.iter().map(|&s| (!s.is_null()).then(|| unsafe { crate::str::as_str(s) })).collect();
        assert_eq!(shown, [Some("a;b"), None, Some("c")]);
        let Values::Float(xs) = &t.columns[2] else { panic!() };
        assert!(xs[0] == 1.5 && xs[1].is_nan() && xs[2] == 7.0);
        let Values::Bool(oks) = &t.columns[3] else { panic!() };
        assert_eq!(oks, &[1, 0, 1]);
        let Values::Int(when) = &t.columns[4] else { panic!() };
        assert_eq!(when, &[1_704_153_600_000_000_000, NAT, 1_704_153_601_000_000_000]);

        // nrows, usecols and skiprows=[...] (file rows, the header included).
        let some = Request {
            nrows: Some(1),
            fields: vec![0],
            kinds: vec![Kind::Int],
            layout: Layout { sep: b';', skip: Skip::Rows(vec![0, 2]), header: Some(0) },
            ..req
        };
        let t = read_csv(&some).unwrap();
        let Values::Int(ids) = &t.columns[0] else { panic!() };
        assert_eq!(ids, &[2]);

        // A header that changed since the build is an error.
        let changed = Request { header: Some(vec!["id".into()]), ..some };
        let e = read_csv(&changed).err().unwrap();
        assert!(e.msg.contains("the header is now [id, name, x, ok, when]"), "{}", e.msg);
        std::fs::remove_file(p).unwrap();
    }

    #[test]
    fn errors() {
        let (p, _) = file_with("bad", "a,b\n1,x\n,2\n");
        let path = p.to_str().unwrap();
        let req = Request {
            path,
            layout: Layout { sep: b',', skip: Skip::Count(0), header: Some(0) },
            nrows: None,
            header: None,
            nfields: 2,
            fields: vec![0],
            kinds: vec![Kind::Int],
            distributed: false,
        };
        let e = read_csv(&req).err().unwrap();
        assert_eq!(e.msg, "Integer column has NA values in column 0");
        let (wide, _) = file_with("wide", "a,b\n1,x,3\n");
        let e = read_csv(&Request { path: wide.to_str().unwrap(), ..req.clone() }).err().unwrap();
        assert_eq!(e.msg, "Error tokenizing data. C error: Expected 2 fields in a row, saw 3");
        std::fs::remove_file(&wide).unwrap();
        let missing = Request { path: "no/such.csv", ..req };
        let e = read_csv(&missing).err().unwrap();
        assert_eq!(
            (e.class, e.msg.as_str()),
            (exc::FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: 'no/such.csv'")
        );
        std::fs::remove_file(p).unwrap();
    }
}
