//! `np.fromfile(path, dtype=np.float64, count=-1, sep="", offset=0)` and
//! `a.tofile(path)`: raw binary files of int64, float64 or bool elements,
//! read and written by the runtime (`runtime/src/io/binary.rs`, lowered in
//! `ir/lower_files.rs`). `np.fromfile` makes a new 1D array, split in
//! blocks in a parallel function (each rank reads only its block's bytes);
//! `tofile` writes any array whole, in row order. Text files (`sep=` other
//! than "") and element types bodoc arrays cannot hold are diagnostics.

use super::infer::Infer;
use super::ty::{article, Ty};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::*;

/// The arguments of `np.fromfile(...)`, by position (NumPy's order: file,
/// dtype, count, sep, offset) or keyword.
pub struct FromfileArgs<'e> {
    pub path: Option<&'e Expr>,
    pub dtype: Option<&'e Expr>,
    pub count: Option<&'e Expr>,
    pub sep: Option<&'e Expr>,
    pub offset: Option<&'e Expr>,
}

const FROMFILE_PARAMS: [&str; 5] = ["file", "dtype", "count", "sep", "offset"];

/// `np.fromfile`'s arguments by name.
pub fn fromfile_args<'e>(args: &'e [Expr], kwargs: &'e [Kwarg]) -> FromfileArgs<'e> {
    let by = |i: usize| args.get(i).or_else(|| kwargs.iter().find(|k| k.name == FROMFILE_PARAMS[i]).map(|k| &k.value));
    FromfileArgs { path: by(0), dtype: by(1), count: by(2), sep: by(3), offset: by(4) }
}

/// The element type a `dtype` argument names: NumPy's scalar types and
/// Python's `int`/`float`/`bool`, or their names as strings.
pub fn file_dtype(e: &Expr) -> Option<Ty> {
    if let ExprKind::Const(Const::Str(s)) = &e.kind {
        return match s.as_str() {
            "float64" | "f8" | "<f8" | "float" | "d" => Some(Ty::Float),
            "int64" | "i8" | "<i8" | "int" => Some(Ty::Int),
            "bool" | "?" => Some(Ty::Bool),
            _ => None,
        };
    }
    super::arrays::dtype_of(e)
}

/// Whether `sep` is absent or the empty string: a raw binary file.
fn is_binary(sep: Option<&Expr>) -> bool {
    sep.is_none_or(|s| matches!(&s.kind, ExprKind::Const(Const::Str(t)) if t.is_empty()))
}

impl Infer<'_> {
    /// The type of `np.fromfile(args, **kwargs)` (`e`), reporting bad arguments.
    pub(super) fn fromfile_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        // A dtype is a name, not a value to type.
        for a in args.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, a)| a) {
            self.expr(a);
        }
        for kw in kwargs.iter().filter(|k| k.name != "dtype") {
            self.expr(&kw.value);
            if !FROMFILE_PARAMS.contains(&kw.name.as_str()) {
                self.error(
                    super::builtins::unexpected_kwarg("np.fromfile", kw, FROMFILE_PARAMS.iter().copied())
                        .label("not supported here"),
                );
            }
        }
        let a = fromfile_args(args, kwargs);
        if args.len() > FROMFILE_PARAMS.len() {
            return self.arr_error(
                args[FROMFILE_PARAMS.len()].span,
                "np.fromfile() takes at most 5 arguments",
                "extra argument",
            );
        }
        let Some(path) = a.path else {
            return self.arr_error(e.span, "np.fromfile() takes a file path", "missing path");
        };
        self.expect_path(path, "np.fromfile()");
        for (what, arg) in [("count", a.count), ("offset", a.offset)] {
            if let Some(x) = arg {
                let t = self.exprs[x.id as usize].clone();
                self.expect(&Ty::Int, &t, x.span, &format!("np.fromfile()'s {what}"));
            }
        }
        if !is_binary(a.sep) {
            return self.text_file_error(a.sep.map_or(e.span, |s| s.span), "np.fromfile()");
        }
        let el = match a.dtype {
            None => Ty::Float,
            Some(d) => match file_dtype(d) {
                Some(t) => t,
                None => return self.file_dtype_error(d),
            },
        };
        Ty::array(el, 1, self.creation_dist())
    }

    /// The type of `recv.tofile(args, **kwargs)` on an array: None.
    pub(super) fn tofile_ty(&mut self, e: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        for a in args {
            self.expr(a);
        }
        let mut sep = None;
        for kw in kwargs {
            self.expr(&kw.value);
            match kw.name.as_str() {
                "fid" if args.is_empty() => {}
                "sep" if args.len() < 2 => sep = Some(&kw.value),
                // Only used with a text `sep`.
                "format" if args.len() < 3 => {}
                _ => self.error(
                    super::builtins::unexpected_kwarg("tofile", kw, ["fid", "sep", "format"].into_iter())
                        .label("not supported here"),
                ),
            }
        }
        let path = args.first().or_else(|| kwargs.iter().find(|k| k.name == "fid").map(|k| &k.value));
        let Some(path) = path else {
            return self.arr_error(e.span, "tofile() takes a file path", "missing path");
        };
        self.expect_path(path, "tofile()");
        if args.len() > 3 {
            return self.arr_error(args[3].span, "tofile() takes at most 3 arguments", "extra argument");
        }
        if !is_binary(args.get(1).or(sep)) {
            return self.text_file_error(args.get(1).or(sep).map_or(e.span, |s| s.span), "tofile()");
        }
        Ty::None
    }

    /// A file argument must be a path (a str); open file objects are not supported.
    pub(super) fn expect_path(&mut self, path: &Expr, callee: &str) {
        let t = self.exprs[path.id as usize].clone();
        match self.shallow(&t) {
            Ty::Str => {}
            t if t.has_unknown() => {}
            t => {
                let t = self.resolve(&t);
                self.error(
                    Diagnostic::error(path.span, format!("{callee} takes a file path (a str), got {}", article(&t)))
                        .label("not a path"),
                );
            }
        }
    }

    fn text_file_error(&mut self, span: Span, callee: &str) -> Ty {
        self.error(
            Diagnostic::error(span, format!("{callee} of a text file (sep= other than \"\") is not supported"))
                .label("text mode")
                .help("bodoc reads and writes raw binary files: leave sep= out"),
        );
        Ty::Unknown
    }

    fn file_dtype_error(&mut self, d: &Expr) -> Ty {
        let name = match &d.kind {
            ExprKind::ModAttr(Module::Numpy, n) => format!("np.{n}"),
            ExprKind::Const(Const::Str(s)) => format!("'{s}'"),
            _ => "this dtype".to_string(),
        };
        self.error(
            Diagnostic::error(d.span, format!("np.fromfile() with dtype {name} is not supported"))
                .label("unsupported dtype")
                .help("bodoc arrays hold int64, float64 or bool elements: use np.int64, np.float64 or np.bool_"),
        );
        Ty::Unknown
    }
}
