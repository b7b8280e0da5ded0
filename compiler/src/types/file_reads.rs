//! `pd.read_csv(...)` and `pd.read_parquet(...)` as frames of static type.
//!
//! Before inference, [`collect`] finds every such call of the program,
//! reads its constant options (`file_options.rs`) and asks the driver for
//! the schema the file has at build time (`driver/schema.rs`: the driver is
//! the only code touching files); a `read_csv` of a computed path takes its
//! schema from `names=` and `dtype=`. The results are kept by the call's
//! span in `Program::tables`, so inference types the call as a frame of
//! those columns (a RangeIndex from 0; rows split over the ranks in a
//! parallel function) and lowering (`ir/lower_file_reads.rs`) passes the
//! same schema to the runtime reader, which checks the file still has it.

use super::file_writes::{written_paths, Format};
use super::infer::Infer;
use super::ty::{Dist, FrameTy, Labels, Ty};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::hir::*;
use bodo_csv::{Kind, Options};
use std::collections::HashMap;

/// The read calls of a program, by the call's span.
pub type Tables = HashMap<Span, TableRead>;

/// What one read call reads, decided at build time.
#[derive(Debug, Clone)]
pub enum TableRead {
    Csv {
        options: Options,
        schema: bodo_csv::Schema,
    },
    /// The columns' names and kinds, in the frame's order.
    Parquet(Vec<(String, Kind)>),
    /// A file the program writes itself, read back with no options: its
    /// frame is the written one's (`file_writes.rs`), known in inference.
    Written(Format),
}

impl TableRead {
    /// The frame's columns: names and kinds (none known yet for a file
    /// the program writes).
    pub fn columns(&self) -> Vec<(String, Kind)> {
        match self {
            TableRead::Csv { schema, .. } => schema.columns.iter().map(|c| (c.name.clone(), c.kind)).collect(),
            TableRead::Parquet(cols) => cols.clone(),
            TableRead::Written(_) => Vec::new(),
        }
    }

    /// The read of a file the program writes, with the columns `cols` of
    /// frame type its read has, in `format`'s default layout as the
    /// writer writes it.
    pub fn of_written(format: Format, cols: &[(String, Ty)]) -> TableRead {
        let kinds: Vec<(String, Kind)> = cols.iter().map(|(n, t)| (n.clone(), kind_of(t))).collect();
        match format {
            Format::Parquet => TableRead::Parquet(kinds),
            Format::Csv => {
                let columns = kinds.iter().enumerate().map(|(i, (n, k))| bodo_csv::Column {
                    name: n.clone(),
                    field: i,
                    kind: *k,
                });
                let header = kinds.iter().map(|(n, _)| if n == "Unnamed: 0" { String::new() } else { n.clone() });
                let schema = bodo_csv::Schema {
                    columns: columns.collect(),
                    header: Some(header.collect()),
                    nfields: kinds.len(),
                    int_names: false,
                };
                TableRead::Csv { options: Options::default(), schema }
            }
        }
    }
}

/// How the driver reads a schema: `Csv(path, options)` or
/// `Parquet(path, columns)`, answering the schema or why there is none.
pub enum SchemaQuery<'q> {
    Csv(&'q str, &'q Options),
    Parquet(&'q str, Option<&'q [String]>),
}

/// The schema answer of the driver.
pub enum SchemaAnswer {
    Csv(bodo_csv::Schema),
    Parquet(bodo_parquet::Schema),
}

/// Every `pd.read_csv`/`pd.read_parquet` call of `prog`, with its schema
/// from `read` (for constant paths) or from its options; problems are
/// diagnostics at the call.
pub fn collect(
    prog: &Program,
    read: &mut dyn FnMut(SchemaQuery) -> Result<SchemaAnswer, String>,
    diags: &mut Diagnostics,
) -> Tables {
    let mut calls = Vec::new();
    for f in &prog.funcs {
        crate::hir::visit::block_exprs(&f.body, &mut |e| {
            if let ExprKind::Call { func, args, kwargs } = &e.kind {
                if let ExprKind::ModAttr(Module::Pandas, n) = &func.kind {
                    if n == "read_csv" || n == "read_parquet" {
                        calls.push((e.span, n.as_str(), args, kwargs));
                    }
                }
            }
        });
    }
    let written = written_paths(prog);
    let mut tables = Tables::new();
    for (span, name, args, kwargs) in calls {
        if tables.contains_key(&span) {
            continue;
        }
        let format = if name == "read_csv" { Format::Csv } else { Format::Parquet };
        let r = match args.first().map(|p| &p.kind) {
            Some(ExprKind::Const(Const::Str(p))) if written.contains(p) => match kwargs.first() {
                None => Ok(TableRead::Written(format)),
                Some(k) => Err(Diagnostic::error(
                    k.span,
                    format!("reading back '{p}', which the program writes, takes no options"),
                )
                .label("the file's layout is the one the program writes")
                .help("leave the options out")),
            },
            _ if format == Format::Csv => csv_table(span, args, kwargs, read),
            _ => parquet_table(span, args, kwargs, read),
        };
        match r {
            Ok(t) => {
                tables.insert(span, t);
            }
            Err(d) => diags.push(d),
        }
    }
    tables
}

fn csv_table(
    span: Span,
    args: &[Expr],
    kwargs: &[Kwarg],
    read: &mut dyn FnMut(SchemaQuery) -> Result<SchemaAnswer, String>,
) -> Result<TableRead, Diagnostic> {
    let call = super::file_options::csv_call(span, args, kwargs)?;
    let schema = match &call.path {
        Some(path) => match read(SchemaQuery::Csv(path, &call.options)) {
            Ok(SchemaAnswer::Csv(s)) => s,
            Ok(SchemaAnswer::Parquet(_)) => unreachable!("a CSV query answers a CSV schema"),
            Err(msg) => return Err(Diagnostic::error(call.path_span, msg).label("its schema decides the frame's type")),
        },
        None => bodo_csv::schema_without_file(&call.options).ok_or_else(|| {
            Diagnostic::error(call.path_span, "pd.read_csv() of a path computed at run time needs names= and dtype=")
                .label("not a constant path, so no file to read the columns from when compiling")
                .help("give names=[...] and a dtype={name: type} for every column, or a literal path")
        })?,
    };
    if schema.int_names {
        return Err(Diagnostic::error(span, "pd.read_csv() with header=None and no names= is not supported")
            .label("pandas would name the columns 0, 1, 2, ...")
            .help("give the columns names with names=[...]"));
    }
    Ok(TableRead::Csv { options: call.options, schema })
}

fn parquet_table(
    span: Span,
    args: &[Expr],
    kwargs: &[Kwarg],
    read: &mut dyn FnMut(SchemaQuery) -> Result<SchemaAnswer, String>,
) -> Result<TableRead, Diagnostic> {
    let call = super::file_options::parquet_call(span, args, kwargs)?;
    let Some(path) = &call.path else {
        return Err(Diagnostic::error(call.path_span, "pd.read_parquet() needs a constant path")
            .label("computed at run time")
            .help("bodoc reads the file's columns when compiling: pass a literal path"));
    };
    let s = match read(SchemaQuery::Parquet(path, call.options.as_deref())) {
        Ok(SchemaAnswer::Parquet(s)) => s,
        Ok(SchemaAnswer::Csv(_)) => unreachable!("a parquet query answers a parquet schema"),
        Err(msg) => return Err(Diagnostic::error(call.path_span, msg).label("its schema decides the frame's type")),
    };
    if let Some(ix) = s.index_columns.first() {
        return Err(Diagnostic::error(span, format!("pd.read_parquet() of a file with a stored index ('{ix}')"))
            .label("pandas would make it the row labels, which is not supported yet")
            .help("write the file with index=False, or reset_index(drop=True) before to_parquet"));
    }
    Ok(TableRead::Parquet(s.columns))
}

/// An element type's column kind.
fn kind_of(t: &Ty) -> Kind {
    match t {
        Ty::Int => Kind::Int,
        Ty::Float => Kind::Float,
        Ty::Bool => Kind::Bool,
        _ => Kind::Str,
    }
}

/// A column kind's element type.
fn elem(k: Kind) -> Ty {
    match k {
        Kind::Int => Ty::Int,
        Kind::Datetime => Ty::Datetime,
        Kind::Float => Ty::Float,
        Kind::Bool => Ty::Bool,
        Kind::Str => Ty::Str,
    }
}

impl Infer<'_> {
    /// The frame `pd.read_csv(...)`/`pd.read_parquet(...)` (`e`) reads.
    pub(super) fn read_table_ty(&mut self, e: &Expr, name: &str, args: &[Expr]) -> Ty {
        // The options are constants read before inference; only the path is a value.
        let callee = format!("pd.{name}()");
        if let Some(p) = args.first() {
            self.expr(p);
            self.expect_path(p, &callee);
        }
        let Some(t) = self.prog.tables.get(&e.span) else { return Ty::Unknown };
        let dist = match (self.creation_dist(), t) {
            (Dist::Rep, _) => Dist::Rep,
            // Each rank reads the records starting in its byte range.
            (_, TableRead::Csv { .. } | TableRead::Written(Format::Csv)) => Dist::OneDVar,
            (_, TableRead::Parquet(_) | TableRead::Written(Format::Parquet)) => Dist::OneD,
        };
        if let (TableRead::Written(format), Some(ExprKind::Const(Const::Str(p)))) = (t, args.first().map(|a| &a.kind)) {
            return self.written_frame(e, p, *format, dist);
        }
        let cols = t.columns().into_iter().map(|(n, k)| (n, elem(k))).collect();
        Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, dist, group: None }))
    }
}
