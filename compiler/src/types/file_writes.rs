//! `df.to_csv(path, index=...)` and `df.to_parquet(path)`: their
//! arguments, and the frame a later `pd.read_csv`/`pd.read_parquet` of the
//! same constant path reads back. A program reading a file it writes
//! itself cannot take that file's schema from the disk when compiling (it
//! may not exist yet, or hold an earlier run's columns), so the read is
//! typed from the written frame instead: its columns, and for CSV the
//! labels written before them (`Unnamed: 0` for unnamed ones, as pandas
//! names an empty header field). Lowered in `ir/lower_file_writes.rs`.

use super::infer::Infer;
use super::ty::{Dist, FrameTy, Labels, Ty};
use crate::diagnostics::Diagnostic;
use crate::hir::*;
use std::collections::HashSet;

/// The file formats frames are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

impl Format {
    /// The writing method's name.
    pub fn method(self) -> &'static str {
        match self {
            Format::Csv => "to_csv",
            Format::Parquet => "to_parquet",
        }
    }
}

/// The constant paths a program writes frames to (`df.to_csv("x.csv")`),
/// found before inference.
pub fn written_paths(prog: &Program) -> HashSet<String> {
    let mut paths = HashSet::new();
    for f in &prog.funcs {
        crate::hir::visit::block_exprs(&f.body, &mut |e| {
            if let ExprKind::MethodCall { name, args, .. } = &e.kind {
                if let ("to_csv" | "to_parquet", Some(Expr { kind: ExprKind::Const(Const::Str(p)), .. })) =
                    (name.as_str(), args.first())
                {
                    paths.insert(p.clone());
                }
            }
        });
    }
    paths
}

/// Whether `df.to_csv(...)` writes the row labels: `index=` (a literal
/// bool, pandas' default True).
pub fn writes_index(kwargs: &[Kwarg]) -> bool {
    !kwargs.iter().any(|k| k.name == "index" && matches!(k.value.kind, ExprKind::Const(Const::Bool(false))))
}

/// The column a label level is written as: its name, `Unnamed: 0` for none.
pub fn label_columns(labels: &Labels) -> Vec<(String, Ty)> {
    let unnamed = |t: Ty| vec![("Unnamed: 0".to_string(), t)];
    match labels {
        Labels::Range | Labels::Int => unnamed(Ty::Int),
        Labels::Str => unnamed(Ty::Str),
        Labels::Levels(ls) => ls.clone(),
    }
}

impl Infer<'_> {
    /// `df.NAME(args, **kwargs)` for `to_csv`/`to_parquet` (`e`) on frame `f`: None.
    pub(super) fn write_table_ty(&mut self, e: &Expr, f: &FrameTy, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let format = if name == "to_csv" { Format::Csv } else { Format::Parquet };
        let callee = format!("DataFrame.{name}()");
        for k in kwargs {
            let ok = k.name == "index" && matches!(k.value.kind, ExprKind::Const(Const::Bool(_)));
            if !ok {
                self.error(
                    Diagnostic::error(k.span, format!("{callee} with '{}=' is not supported", k.name))
                        .label("unsupported option")
                        .help("supported: the path, and index=True or index=False"),
                );
            }
        }
        let Some(path) = args.first() else {
            self.error(Diagnostic::error(e.span, format!("{callee} takes a file path")).label("missing path"));
            return Ty::None;
        };
        if let Some(extra) = args.get(1) {
            self.error(
                Diagnostic::error(extra.span, format!("{callee} takes the path as its only positional argument"))
                    .label("pass the options by keyword"),
            );
        }
        self.expect_path(path, &callee);
        let index = writes_index(kwargs);
        if format == Format::Parquet && index && f.labels != Labels::Range {
            self.error(
                Diagnostic::error(e.span, format!("{callee} of a frame with row labels other than a RangeIndex"))
                    .label("storing the labels in the file is not supported yet")
                    .help("pass index=False, or reset_index() first to keep them as columns"),
            );
        }
        if let ExprKind::Const(Const::Str(p)) = &path.kind {
            let mut cols = if format == Format::Csv && index { label_columns(&f.labels) } else { Vec::new() };
            cols.extend(f.cols.iter().cloned());
            self.written.insert(p.clone(), (format, cols));
        }
        Ty::None
    }

    /// The frame a read of `path` in `format`, a file the program writes
    /// (`e` the read call), gives: Unknown until the write is typed.
    pub(super) fn written_frame(&mut self, e: &Expr, path: &str, format: Format, dist: Dist) -> Ty {
        match self.written.get(path).cloned() {
            Some((f, cols)) if f == format => {
                Ty::Frame(Box::new(FrameTy { cols, labels: Labels::Range, dist, group: None }))
            }
            Some((f, _)) => {
                self.error(
                    Diagnostic::error(
                        e.span,
                        format!("'{path}' is written by {}(), not read back this way", f.method()),
                    )
                    .label("another file format"),
                );
                Ty::Unknown
            }
            None => {
                self.error(
                    Diagnostic::error(e.span, format!("the frame written to '{path}' is not known here"))
                        .label("read before the program's write of it is typed")
                        .help("bodoc types a file the program writes from the frame it writes"),
                );
                Ty::Unknown
            }
        }
    }
}
