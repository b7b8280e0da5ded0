//! The schema pandas 2.3 gives a CSV file: column names (the header row's,
//! made unique as pandas does, or `names=`), which columns `usecols=` keeps
//! (in file order), and each column's dtype, from `dtype=`/`parse_dates=`
//! or inferred from every value: int64 when all are integers, float64 when
//! all are numbers or missing (an integer column with missing values, or
//! one with no values at all), bool when all are booleans, else str.
//! Files pandas would read into something bodoc has no type for (uint64,
//! an object column of bools and NaN, dates kept as text) are errors that
//! say so.

use crate::layout::{Layout, Skip};
use crate::records::Records;
use crate::values::{is_big_int, is_na, parse_bool, parse_datetime, parse_float, parse_int};

/// A column's type, and the code (`code()`) the runtime reader takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Bool,
    /// str (object): each value a `str`, a missing one null (NaN).
    Str,
    /// datetime64[ns]: int64 nanoseconds since the epoch, NaT `i64::MIN`.
    Datetime,
}

impl Kind {
    /// The `bodo_abi::dtype` code of the column's array for the four
    /// NumPy-like kinds, and 4 for datetimes (stored as int64).
    pub fn code(self) -> i64 {
        match self {
            Kind::Int => 0,
            Kind::Float => 1,
            Kind::Bool => 2,
            Kind::Str => 3,
            Kind::Datetime => 4,
        }
    }

    pub fn from_code(code: i64) -> Option<Kind> {
        [Kind::Int, Kind::Float, Kind::Bool, Kind::Str, Kind::Datetime].into_iter().find(|k| k.code() == code)
    }

    /// pandas' name of the dtype.
    pub fn pandas_name(self) -> &'static str {
        match self {
            Kind::Int => "int64",
            Kind::Float => "float64",
            Kind::Bool => "bool",
            Kind::Str => "object",
            Kind::Datetime => "datetime64[ns]",
        }
    }
}

/// `header=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// pandas' default: row 0 names the columns, unless `names=` is given.
    Infer,
    Row(usize),
    None,
}

/// A column named in `usecols=`: by name or by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UseCol {
    Name(String),
    Index(usize),
}

/// `dtype=`: none, one for every column, or per column name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Dtypes {
    #[default]
    Inferred,
    All(Kind),
    By(Vec<(String, Kind)>),
}

/// The options of `pd.read_csv` the schema depends on (all constants).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub sep: u8,
    pub header: Header,
    pub names: Option<Vec<String>>,
    pub usecols: Option<Vec<UseCol>>,
    pub dtype: Dtypes,
    /// Columns (`UseCol::Name` or `Index`) read as datetimes.
    pub parse_dates: Vec<UseCol>,
    pub skiprows: Skip,
    pub nrows: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sep: b',',
            header: Header::Infer,
            names: None,
            usecols: None,
            dtype: Dtypes::Inferred,
            parse_dates: Vec::new(),
            skiprows: Skip::Count(0),
            nrows: None,
        }
    }
}

impl Options {
    /// Which rows are data: the header row is row 0 by default, none when
    /// `names=` is given without `header=`.
    pub fn layout(&self) -> Layout {
        let header = match self.header {
            Header::Infer if self.names.is_none() => Some(0),
            Header::Infer | Header::None => None,
            Header::Row(h) => Some(h),
        };
        Layout { sep: self.sep, skip: self.skiprows.clone(), header }
    }
}

/// A column the program gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// Its position among a record's fields.
    pub field: usize,
    pub kind: Kind,
}

/// What `pd.read_csv` gives for a file, decided at build time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// The kept columns, in file order.
    pub columns: Vec<Column>,
    /// The header row's fields as written in the file, which the runtime
    /// checks the file still has; None without a header row.
    pub header: Option<Vec<String>>,
    /// Fields per record.
    pub nfields: usize,
    /// `header=None` without `names=`: pandas names the columns 0, 1, ...
    /// (ints; `name` holds their text).
    pub int_names: bool,
}

/// What the values of one field seen so far allow.
#[derive(Clone, Copy)]
struct Seen {
    values: bool,
    missing: bool,
    ints: bool,
    big_ints: bool,
    floats: bool,
    bools: bool,
    dates: bool,
}

impl Seen {
    const NONE: Seen =
        Seen { values: false, missing: false, ints: true, big_ints: false, floats: true, bools: true, dates: true };

    fn add(&mut self, f: &[u8]) {
        if is_na(f) {
            self.missing = true;
            return;
        }
        self.values = true;
        self.ints &= parse_int(f).is_some();
        self.big_ints |= is_big_int(f);
        self.floats &= parse_float(f).is_some() || is_big_int(f);
        self.bools &= parse_bool(f).is_some();
        self.dates &= parse_datetime(f).is_some();
    }
}

/// The schema `pd.read_csv(path, **opts)` gives the file whose text is
/// `data`, or the error (in pandas' words where pandas raises one).
pub fn infer_schema(data: &[u8], opts: &Options) -> Result<Schema, String> {
    let layout = opts.layout();
    let prefix = layout.prefix(data, true).ok_or("the file ends before its header row")?;
    let header: Option<Vec<String>> =
        prefix.header.as_ref().map(|h| h.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect());
    let mut recs = Records::new(&data[prefix.data_start..], opts.sep);
    let mut fields = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut nfields = header.as_ref().or(opts.names.as_ref()).map(Vec::len);
    let (mut g, mut kept) = (0, 0);
    while opts.nrows.is_none_or(|n| kept < n) && recs.next_into(&mut fields) {
        let row = prefix.rows_before + g;
        g += 1;
        if matches!(&opts.skiprows, Skip::Rows(_)) && opts.skiprows.skips(row) {
            continue;
        }
        kept += 1;
        let n = *nfields.get_or_insert(fields.len());
        if fields.len() > n {
            return Err(format!(
                "Error tokenizing data. C error: Expected {n} fields in line {}, saw {}",
                row + 1,
                fields.len()
            ));
        }
        seen.resize(n, Seen::NONE);
        for (s, f) in seen.iter_mut().zip(&fields) {
            s.add(f);
        }
        // Fields a short record lacks are missing.
        for s in &mut seen[fields.len()..] {
            s.missing = true;
        }
    }
    let nfields = nfields.unwrap_or(0);
    seen.resize(nfields, Seen::NONE);
    let int_names = header.is_none() && opts.names.is_none();
    let names = match (&opts.names, &header) {
        (Some(names), _) if names.len() != nfields => {
            return Err(format!("names= gives {} names for the file's {nfields} fields per row", names.len()))
        }
        (Some(names), _) => names.clone(),
        (None, Some(h)) => unique_names(h),
        (None, None) => (0..nfields).map(|i| i.to_string()).collect(),
    };
    let keep = kept_fields(opts.usecols.as_deref(), &names)?;
    let dates = opts.parse_dates.iter().map(|c| field_of(c, &names)).collect::<Result<Vec<_>, _>>()?;
    if let Dtypes::By(by) = &opts.dtype {
        if let Some((name, _)) = by.iter().find(|(n, _)| !names.contains(n)) {
            return Err(format!("dtype= names the column '{name}', which the file does not have"));
        }
    }
    let columns = keep
        .into_iter()
        .map(|i| {
            let name = names[i].clone();
            let wanted = match &opts.dtype {
                Dtypes::Inferred => None,
                Dtypes::All(k) => Some(*k),
                Dtypes::By(by) => by.iter().find(|(n, _)| *n == name).map(|(_, k)| *k),
            };
            let kind = column_kind(&name, i, seen[i], wanted, dates.contains(&i))?;
            Ok(Column { name, field: i, kind })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Schema { columns, header, nfields, int_names })
}

/// The schema the options alone give, for a path known only at run time:
/// `names=` with a `dtype=` for every kept column (`parse_dates=` columns
/// need none). None when the file would have to be read.
pub fn schema_without_file(opts: &Options) -> Option<Schema> {
    let names = opts.names.as_ref()?;
    let keep = kept_fields(opts.usecols.as_deref(), names).ok()?;
    let dates = opts.parse_dates.iter().map(|c| field_of(c, names)).collect::<Result<Vec<_>, _>>().ok()?;
    let columns = keep
        .into_iter()
        .map(|i| {
            let name = names[i].clone();
            let kind = match &opts.dtype {
                _ if dates.contains(&i) => Some(Kind::Datetime),
                Dtypes::Inferred => None,
                Dtypes::All(k) => Some(*k),
                Dtypes::By(by) => by.iter().find(|(n, _)| *n == name).map(|(_, k)| *k),
            }?;
            Some(Column { name, field: i, kind })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Schema { columns, header: None, nfields: names.len(), int_names: false })
}

/// pandas' column names from a header row: an empty one is `Unnamed: i`,
/// a repeated one gets `.1`, `.2`, ... appended.
fn unique_names(header: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let base = if h.is_empty() { format!("Unnamed: {i}") } else { h.clone() };
        let mut name = base.clone();
        let mut k = 0;
        while out.contains(&name) {
            k += 1;
            name = format!("{base}.{k}");
        }
        out.push(name);
    }
    out
}

fn field_of(c: &UseCol, names: &[String]) -> Result<usize, String> {
    match c {
        UseCol::Name(n) => {
            names.iter().position(|x| x == n).ok_or_else(|| format!("Missing column provided to 'parse_dates': '{n}'"))
        }
        UseCol::Index(i) if *i < names.len() => Ok(*i),
        UseCol::Index(i) => Err(format!("column {i} is out of range: the file has {} columns", names.len())),
    }
}

/// The fields `usecols=` keeps, in file order (all without it).
fn kept_fields(usecols: Option<&[UseCol]>, names: &[String]) -> Result<Vec<usize>, String> {
    let Some(cols) = usecols else { return Ok((0..names.len()).collect()) };
    let missing: Vec<String> = cols
        .iter()
        .filter_map(|c| match c {
            UseCol::Name(n) if !names.contains(n) => Some(format!("'{n}'")),
            _ => None,
        })
        .collect();
    if !missing.is_empty() {
        return Err(format!("Usecols do not match columns, columns expected but not found: [{}]", missing.join(", ")));
    }
    if let Some(UseCol::Index(i)) = cols.iter().find(|c| matches!(c, UseCol::Index(i) if *i >= names.len())) {
        return Err(format!("Usecols do not match columns, columns expected but not found: [{i}]"));
    }
    let mut keep: Vec<usize> = cols.iter().map(|c| field_of(c, names)).collect::<Result<_, _>>()?;
    keep.sort_unstable();
    keep.dedup();
    Ok(keep)
}

/// The kind of column `name` (field `i`) from what its values allow.
fn column_kind(name: &str, i: usize, s: Seen, wanted: Option<Kind>, date: bool) -> Result<Kind, String> {
    if date {
        return if s.dates || !s.values {
            Ok(Kind::Datetime)
        } else {
            Err(format!(
                "column '{name}' in parse_dates= holds values that are not ISO dates (pandas would keep it as text)"
            ))
        };
    }
    if let Some(k) = wanted {
        let ok = match k {
            Kind::Int if s.missing => return Err(format!("Integer column has NA values in column {i}")),
            Kind::Int => s.ints,
            Kind::Float => s.floats && !s.big_ints,
            Kind::Bool if s.missing => return Err(format!("Bool column has NA values in column {i}")),
            Kind::Bool => s.bools,
            Kind::Str | Kind::Datetime => true,
        };
        return if ok { Ok(k) } else { Err(format!("column '{name}' holds values that are not {}", k.pandas_name())) };
    }
    if !s.values {
        return Ok(Kind::Float);
    }
    if s.big_ints && s.floats {
        return Err(format!(
            "column '{name}' holds integers beyond int64 (pandas reads uint64 or object), which bodoc does not support"
        ));
    }
    Ok(match s {
        Seen { ints: true, missing: false, .. } => Kind::Int,
        Seen { floats: true, .. } => Kind::Float,
        Seen { bools: true, missing: false, .. } => Kind::Bool,
        Seen { bools: true, .. } => {
            return Err(format!(
                "column '{name}' holds booleans and missing values (pandas reads an object column of bools), which bodoc does not support; give it dtype=str"
            ))
        }
        _ => Kind::Str,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, opts: &Options) -> Vec<(String, &'static str)> {
        let s = infer_schema(text.as_bytes(), opts).unwrap();
        s.columns.iter().map(|c| (c.name.clone(), c.kind.pandas_name())).collect()
    }

    fn pairs(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    // Each expectation is what pandas 2.3 gives for the same text.
    #[test]
    fn inferred_kinds() {
        let d = Options::default();
        assert_eq!(
            kinds("a,b,c,d,e\n1,1.5,True,x,\n2,,false,,\n", &d),
            pairs(&[("a", "int64"), ("b", "float64"), ("c", "bool"), ("d", "object"), ("e", "float64")])
        );
        assert_eq!(kinds("a,b\n1,NA\n2,nan\n", &d), pairs(&[("a", "int64"), ("b", "float64")]));
        assert_eq!(kinds("a,b\n 1, 2\n3 ,4\n", &d), pairs(&[("a", "int64"), ("b", "int64")]));
        assert_eq!(kinds("a,b\n1e3,inf\n2,-Infinity\n", &d), pairs(&[("a", "float64"), ("b", "float64")]));
        assert_eq!(kinds("a,a,\n1,2,3\n", &d), pairs(&[("a", "int64"), ("a.1", "int64"), ("Unnamed: 2", "int64")]));
        assert_eq!(kinds("a,b\n\"1\",x\n\"2\",\"y\nz\"\n", &d), pairs(&[("a", "int64"), ("b", "object")]));
        assert_eq!(kinds("a,b\n1.0,2\nTrue,1\n", &d), pairs(&[("a", "object"), ("b", "int64")]));
        assert!(infer_schema(b"a,b\nTrue,1\n,2\n", &d).unwrap_err().contains("booleans and missing"));
        assert!(infer_schema(b"a\n9223372036854775808\n", &d).unwrap_err().contains("beyond int64"));
        assert!(infer_schema(b"a,b\n1,2,3\n", &d).unwrap_err().contains("Expected 2 fields in line 2, saw 3"));
    }

    #[test]
    fn options() {
        let o = Options { header: Header::None, ..Options::default() };
        let s = infer_schema(b"a,b\nx,1\n", &o).unwrap();
        assert!(s.int_names && s.header.is_none());
        assert_eq!(kinds("a,b\nx,1\ny,2\n", &o), pairs(&[("0", "object"), ("1", "object")]));
        let o = Options { usecols: Some(vec![UseCol::Name("c".into()), UseCol::Index(0)]), ..Options::default() };
        assert_eq!(kinds("a,b,c\n1,x,3\n", &o), pairs(&[("a", "int64"), ("c", "int64")]));
        let o = Options { names: Some(vec!["x".into(), "y".into()]), ..Options::default() };
        assert_eq!(kinds("a,b\n1,2\n", &o), pairs(&[("x", "object"), ("y", "object")]));
        let o = Options { names: Some(vec!["x".into(), "y".into()]), header: Header::Row(0), ..Options::default() };
        assert_eq!(kinds("a,b\n1,2\n", &o), pairs(&[("x", "int64"), ("y", "int64")]));
        let o = Options { skiprows: Skip::Rows(vec![1]), ..Options::default() };
        assert_eq!(kinds("a,b\nx,y\n3,4\n", &o), pairs(&[("a", "int64"), ("b", "int64")]));
        let o = Options { skiprows: Skip::Count(1), ..Options::default() };
        assert_eq!(kinds("a,b\n1,2\n3,4\n", &o), pairs(&[("1", "int64"), ("2", "int64")]));
        let o = Options { nrows: Some(1), ..Options::default() };
        assert_eq!(kinds("a\n1\nx\n", &o), pairs(&[("a", "int64")]));
        let o = Options {
            dtype: Dtypes::By(vec![("a".into(), Kind::Float), ("b".into(), Kind::Str)]),
            parse_dates: vec![UseCol::Name("c".into())],
            ..Options::default()
        };
        assert_eq!(
            kinds("a,b,c\n1,2,2024-01-01\n3,,\n", &o),
            pairs(&[("a", "float64"), ("b", "object"), ("c", "datetime64[ns]")])
        );
        let o = Options { dtype: Dtypes::All(Kind::Int), ..Options::default() };
        assert_eq!(infer_schema(b"a,b\n1,\n", &o).unwrap_err(), "Integer column has NA values in column 1");
        let o = Options { usecols: Some(vec![UseCol::Name("z".into())]), ..Options::default() };
        assert!(infer_schema(b"a\n1\n", &o).unwrap_err().starts_with("Usecols do not match columns"));

        // A computed path: names= and dtype= say it all, or nothing can.
        let o = Options {
            names: Some(vec!["day".into(), "store".into()]),
            dtype: Dtypes::By(vec![("day".into(), Kind::Int), ("store".into(), Kind::Str)]),
            ..Options::default()
        };
        let s = schema_without_file(&o).unwrap();
        assert_eq!((s.columns[1].kind, s.nfields, s.header), (Kind::Str, 2, None));
        assert_eq!(schema_without_file(&Options { dtype: Dtypes::Inferred, ..o }), None);
    }
}
