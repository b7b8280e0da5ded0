//! The arguments of `pd.read_csv(...)` and `pd.read_parquet(...)` as the
//! schema readers take them (`driver/schema.rs`): every option must be a
//! constant (a literal, or a module constant folded into one), since it
//! decides the frame's type; the path may be computed, and then `read_csv`
//! needs `names=` and a `dtype=` for each column
//! (`bodo_csv::schema_without_file`). Unsupported options and non-constant
//! values are diagnostics at the argument.

use super::files::file_dtype;
use super::ty::Ty;
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::*;
use bodo_csv::{Dtypes, Header, Kind, Options, Skip, UseCol};

/// The `read_csv` options bodoc supports.
const CSV_OPTIONS: &[&str] =
    &["sep", "delimiter", "header", "names", "usecols", "dtype", "parse_dates", "skiprows", "nrows"];

/// A reading call's path (None when computed) and options.
pub struct ReadCall<O> {
    pub path: Option<String>,
    pub path_span: Span,
    pub options: O,
}

/// `pd.read_csv(path, **kwargs)`'s constant options.
pub fn csv_call(call: Span, args: &[Expr], kwargs: &[Kwarg]) -> Result<ReadCall<Options>, Diagnostic> {
    let (path, path_span) = path_arg(call, args, "pd.read_csv")?;
    let mut o = Options::default();
    for kw in kwargs {
        let v = &kw.value;
        match kw.name.as_str() {
            "sep" | "delimiter" => match str_const(v) {
                Some(s) if s.len() == 1 => o.sep = s.as_bytes()[0],
                _ => return Err(bad(v, "sep= must be one character, as a literal string", "\"\\t\"")),
            },
            "header" => {
                o.header = match &v.kind {
                    ExprKind::Const(Const::None) => Header::None,
                    ExprKind::Const(Const::Int(n)) if *n >= 0 => Header::Row(*n as usize),
                    _ => return Err(bad(v, "header= must be a row number (a literal int) or None", "0")),
                }
            }
            "names" => {
                o.names =
                    Some(strs(v).ok_or_else(|| bad(v, "names= must be a list of literal strings", "[\"a\", \"b\"]"))?)
            }
            "usecols" => {
                o.usecols =
                    Some(columns(v).ok_or_else(|| {
                        bad(v, "usecols= must be a list of column names or positions", "[\"a\", \"c\"]")
                    })?)
            }
            "parse_dates" => {
                o.parse_dates = columns(v)
                    .ok_or_else(|| bad(v, "parse_dates= must be a list of column names or positions", "[\"when\"]"))?
            }
            "dtype" => o.dtype = dtypes(v)?,
            "skiprows" => {
                o.skiprows = match (&v.kind, ints(v)) {
                    (ExprKind::Const(Const::Int(n)), _) if *n >= 0 => Skip::Count(*n as usize),
                    (_, Some(rows)) => Skip::Rows(rows),
                    _ => return Err(bad(v, "skiprows= must be a literal count or a list of row numbers", "2")),
                }
            }
            "nrows" => match &v.kind {
                ExprKind::Const(Const::Int(n)) if *n >= 0 => o.nrows = Some(*n as usize),
                _ => return Err(bad(v, "nrows= must be a literal count", "100")),
            },
            other => {
                return Err(Diagnostic::error(kw.span, format!("pd.read_csv() with '{other}=' is not supported"))
                    .label("unsupported option")
                    .help(format!("supported options: {}", CSV_OPTIONS.join(", "))))
            }
        }
    }
    Ok(ReadCall { path, path_span, options: o })
}

/// `pd.read_parquet(path, columns=[...])`: the columns to read, if given.
pub fn parquet_call(call: Span, args: &[Expr], kwargs: &[Kwarg]) -> Result<ReadCall<Option<Vec<String>>>, Diagnostic> {
    let (path, path_span) = path_arg(call, args, "pd.read_parquet")?;
    let mut cols = None;
    for kw in kwargs {
        match kw.name.as_str() {
            "columns" => {
                cols = Some(strs(&kw.value).ok_or_else(|| {
                    bad(&kw.value, "columns= must be a list of literal column names", "[\"a\", \"b\"]")
                })?)
            }
            // pandas' default engine; naming it changes nothing.
            "engine" if matches!(str_const(&kw.value), Some("auto" | "pyarrow")) => {}
            other => {
                return Err(Diagnostic::error(kw.span, format!("pd.read_parquet() with '{other}=' is not supported"))
                    .label("unsupported option")
                    .help("supported options: columns"))
            }
        }
    }
    Ok(ReadCall { path, path_span, options: cols })
}

/// The one positional argument, the path: its value when a literal.
fn path_arg(call: Span, args: &[Expr], callee: &str) -> Result<(Option<String>, Span), Diagnostic> {
    match args {
        [p] => Ok((str_const(p).map(str::to_string), p.span)),
        [] => Err(Diagnostic::error(call, format!("{callee}() takes a file path")).label("missing path")),
        [_, extra, ..] => {
            Err(Diagnostic::error(extra.span, format!("{callee}() takes the path as its only positional argument"))
                .label("pass the options by keyword"))
        }
    }
}

fn bad(v: &Expr, msg: &str, example: &str) -> Diagnostic {
    Diagnostic::error(v.span, msg.to_string())
        .label("the option decides the frame's type, so it must be known when compiling")
        .help(format!("for example {example}"))
}

fn str_const(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Const(Const::Str(s)) => Some(s),
        _ => None,
    }
}

/// The items of a literal list or tuple.
fn items(e: &Expr) -> Option<&[Expr]> {
    match &e.kind {
        ExprKind::List(xs) | ExprKind::Tuple(xs) => Some(xs),
        _ => None,
    }
}

fn strs(e: &Expr) -> Option<Vec<String>> {
    items(e)?.iter().map(|x| str_const(x).map(str::to_string)).collect()
}

fn ints(e: &Expr) -> Option<Vec<usize>> {
    items(e)?
        .iter()
        .map(|x| match &x.kind {
            ExprKind::Const(Const::Int(n)) if *n >= 0 => Some(*n as usize),
            _ => None,
        })
        .collect()
}

/// Columns by name or position.
fn columns(e: &Expr) -> Option<Vec<UseCol>> {
    items(e)?
        .iter()
        .map(|x| match &x.kind {
            ExprKind::Const(Const::Str(s)) => Some(UseCol::Name(s.clone())),
            ExprKind::Const(Const::Int(n)) if *n >= 0 => Some(UseCol::Index(*n as usize)),
            _ => None,
        })
        .collect()
}

/// `dtype=`: one dtype, or a dict of column names to dtypes.
fn dtypes(v: &Expr) -> Result<Dtypes, Diagnostic> {
    if let ExprKind::Dict(pairs) = &v.kind {
        let by = pairs
            .iter()
            .map(|(k, t)| {
                let name = str_const(k)
                    .ok_or_else(|| bad(k, "dtype= keys must be literal column names", "{\"a\": np.float64}"))?;
                Ok((name.to_string(), kind(t)?))
            })
            .collect::<Result<_, Diagnostic>>()?;
        return Ok(Dtypes::By(by));
    }
    Ok(Dtypes::All(kind(v)?))
}

/// The column kind a dtype names: NumPy's and Python's int, float and
/// bool, and `str` (pandas' object columns of strings).
fn kind(t: &Expr) -> Result<Kind, Diagnostic> {
    let text = matches!(&t.kind, ExprKind::Builtin(Builtin::Str))
        || matches!(str_const(t), Some("str" | "object" | "string" | "O"));
    if text {
        return Ok(Kind::Str);
    }
    match file_dtype(t) {
        Some(Ty::Int) => Ok(Kind::Int),
        Some(Ty::Float) => Ok(Kind::Float),
        Some(Ty::Bool) => Ok(Kind::Bool),
        _ => Err(Diagnostic::error(t.span, "unsupported column dtype")
            .label("not a dtype bodoc reads")
            .help("use np.int64, np.float64, np.bool_ or str")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;

    /// The call `x = pd.read_X(...)` of a one-line program, given to `f`.
    fn with_call<T>(call: &str, f: impl Fn(Span, &[Expr], &[Kwarg]) -> T) -> T {
        let src = format!("import numpy as np\nimport pandas as pd\nx = {call}\n");
        let ast = crate::syntax::parse(&src, 0, "t.py").unwrap();
        let mut diags = Diagnostics::default();
        let prog = crate::hir::lower::lower_module(&ast, 0, "t.py", &mut diags);
        let main = &prog.funcs[prog.main as usize];
        let StmtKind::Assign(_, e) = &main.body.last().unwrap().kind else { panic!() };
        let ExprKind::Call { args, kwargs, .. } = &e.kind else { panic!() };
        f(e.span, args, kwargs)
    }

    #[test]
    fn csv_options() {
        let c = with_call(
            r#"pd.read_csv("d.csv", sep=";", header=None, names=["a", "b"], usecols=[1, "a"], dtype={"a": np.int64, "b": str}, parse_dates=["b"], skiprows=[0, 3], nrows=5)"#,
            csv_call,
        )
        .unwrap_or_else(|d| panic!("{}", d.message));
        let o = c.options;
        assert_eq!(c.path.as_deref(), Some("d.csv"));
        assert_eq!((o.sep, o.header, o.nrows, o.skiprows), (b';', Header::None, Some(5), Skip::Rows(vec![0, 3])));
        assert_eq!(o.usecols, Some(vec![UseCol::Index(1), UseCol::Name("a".into())]));
        assert_eq!(o.dtype, Dtypes::By(vec![("a".into(), Kind::Int), ("b".into(), Kind::Str)]));
        assert_eq!(o.parse_dates, vec![UseCol::Name("b".into())]);
        let computed = with_call(r#"pd.read_csv("d" + str(1), dtype=float)"#, csv_call).ok().unwrap();
        assert_eq!((computed.path, computed.options.dtype), (None, Dtypes::All(Kind::Float)));
    }

    #[test]
    fn csv_diagnostics() {
        let msg = |call: &str| with_call(call, csv_call).err().map(|d| d.message).unwrap_or_default();
        assert_eq!(msg(r#"pd.read_csv("d.csv", index_col=0)"#), "pd.read_csv() with 'index_col=' is not supported");
        assert_eq!(msg(r#"pd.read_csv("d.csv", sep="::")"#), "sep= must be one character, as a literal string");
        assert_eq!(msg(r#"pd.read_csv("d.csv", dtype={"a": np.float32})"#), "unsupported column dtype");
        assert_eq!(msg(r#"pd.read_csv()"#), "pd.read_csv() takes a file path");
    }

    #[test]
    fn parquet_options() {
        let c = with_call(r#"pd.read_parquet("t", columns=["a", "b"])"#, parquet_call).ok().unwrap();
        assert_eq!((c.path.as_deref(), c.options), (Some("t"), Some(vec!["a".to_string(), "b".to_string()])));
        let e = with_call(r#"pd.read_parquet("t", filters=[])"#, parquet_call).err().unwrap();
        assert_eq!(e.message, "pd.read_parquet() with 'filters=' is not supported");
    }
}
