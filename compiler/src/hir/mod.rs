//! HIR: the program with names resolved and sugar removed.
//!
//! Produced from the Python AST by [`lower`]. Every name is resolved to a
//! local slot, a function, a module or a builtin; decorators become
//! [`JitOptions`]; `str.format` and `%` formatting of literals become
//! f-strings; module-level constants are folded into their uses. What stays is the control flow and
//! expression shape of the source, with a span on every node, so that the
//! type checker can report errors in the user's terms.

mod build;
pub mod defs;
pub mod frames;
mod held_splits;
mod live_views;
pub mod lower;
mod names;
mod one_row;
pub(crate) mod percent;
pub mod rank;
pub mod reductions;
pub mod suggest;
pub mod unbound;
pub mod unroll;
pub mod view_writes;
pub mod visit;
mod webs;

use crate::diagnostics::Span;

pub type LocalId = u32;
pub type FuncId = u32;
pub type ExprId = u32;

/// A whole program: the user's functions plus the module body as `main`.
#[derive(Debug)]
pub struct Program {
    pub funcs: Vec<Func>,
    pub main: FuncId,
    /// The script's file name as `sys.argv[0]` and error messages show it.
    pub script_name: String,
    /// The files `pd.read_csv`/`pd.read_parquet` calls read, by call
    /// (`types/file_reads.rs`), filled by the driver before inference.
    pub tables: crate::types::file_reads::Tables,
}

/// The options of a `@bodo.jit(...)` decorator.
#[derive(Debug, Clone, Default)]
pub struct JitOptions {
    pub spawn: Option<bool>,
    pub cache: bool,
    /// `distributed=False`: every value in the function is replicated.
    pub distributed_false: bool,
    pub distributed: Vec<String>,
    pub replicated: Vec<String>,
    pub distributed_block: Vec<String>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Func {
    pub name: String,
    pub params: Vec<Param>,
    pub locals: Vec<Local>,
    pub body: Block,
    pub jit: Option<JitOptions>,
    pub span: Span,
    /// Expression ids of this function are `0..num_exprs`.
    pub num_exprs: u32,
    pub is_main: bool,
}

#[derive(Debug)]
pub struct Param {
    pub name: String,
    pub local: LocalId,
    pub default: Option<Const>,
    pub span: Span,
    /// `*args`: the tuple of the positional arguments past the ones before it.
    pub star: bool,
}

#[derive(Debug)]
pub struct Local {
    pub name: String,
    pub span: Span,
}

pub type Block = Vec<Stmt>;

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Target, Expr),
    AugAssign(Target, BinOp, Expr),
    If(Expr, Block, Block),
    While(Expr, Block, Block),
    For(Target, Expr, Block, Block),
    Break,
    Continue,
    Return(Option<Expr>),
    Raise(Option<Expr>),
    Try { body: Block, handlers: Vec<Handler>, orelse: Block, finally: Block },
    Assert(Expr, Option<Expr>),
    Pass,
}

#[derive(Debug, Clone)]
pub struct Handler {
    /// Exception class ids caught; empty means a bare `except:`.
    pub classes: Vec<i64>,
    pub name: Option<LocalId>,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Target {
    Local(LocalId, Span),
    Tuple(Vec<Target>, Span),
    Index(Expr, Expr, Span),
}

impl Expr {
    /// Whether this is a read of local `l`.
    pub fn is_local(&self, l: LocalId) -> bool {
        matches!(self.kind, ExprKind::Local(x) if x == l)
    }

    /// The stream `print(..., file=e)` names: whether it is stderr, or
    /// `None` for anything but `sys.stdout`, `sys.stderr` and None (stdout).
    pub fn print_stream(&self) -> Option<bool> {
        match &self.kind {
            ExprKind::ModAttr(Module::Sys, s) if s == "stdout" || s == "stderr" => Some(s == "stderr"),
            ExprKind::Const(Const::None) => Some(false),
            _ => None,
        }
    }

    /// `X[:, j]` or `X[i, :]`: the axis the full slice `:` spans (0 or 1)
    /// and the other index; `None` for any other index.
    pub fn full_slice_pair(&self) -> Option<(usize, &Expr)> {
        let ExprKind::Tuple(items) = &self.kind else { return None };
        let full = |e: &Expr| matches!(e.kind, ExprKind::SliceBounds(None, None, None));
        match items.as_slice() {
            [a, b] if full(a) && !matches!(b.kind, ExprKind::SliceBounds(..)) && !b.is_new_axis() => Some((0, b)),
            [a, b] if full(b) && !matches!(a.kind, ExprKind::SliceBounds(..)) => Some((1, a)),
            _ => None,
        }
    }

    /// Whether this is a `bodo.prange(...)` call (the iterable of a parallel loop).
    pub fn is_prange_call(&self) -> bool {
        matches!(&self.kind, ExprKind::Call { func, .. }
            if matches!(&func.kind, ExprKind::ModAttr(Module::Bodo, n) if n == "prange"))
    }

    /// Whether this is `prange(start, stop, step)`.
    pub fn is_stepped_prange(&self) -> bool {
        self.is_prange_call() && matches!(&self.kind, ExprKind::Call { args, .. } if args.len() == 3)
    }

    /// Whether this is the index of `v[:, None]` or `v[:, np.newaxis]`
    /// (a 1D array made a column).
    pub fn is_new_column(&self) -> bool {
        let ExprKind::Tuple(items) = &self.kind else { return false };
        matches!(items.as_slice(), [a, b] if matches!(a.kind, ExprKind::SliceBounds(None, None, None)) && b.is_new_axis())
    }

    /// Whether this is the index of `w[None, :]` or `w[None, lo:hi]` (a 1D
    /// array, or a slice of it, made a row).
    pub fn is_new_row(&self) -> bool {
        let ExprKind::Tuple(items) = &self.kind else { return false };
        matches!(items.as_slice(), [a, b] if a.is_new_axis() && matches!(b.kind, ExprKind::SliceBounds(..)))
    }

    /// Whether this is the index of `w[None, :]` (a whole 1D array made a row).
    pub fn is_new_row_of_all(&self) -> bool {
        let ExprKind::Tuple(items) = &self.kind else { return false };
        matches!(items.as_slice(), [a, b] if a.is_new_axis() && matches!(b.kind, ExprKind::SliceBounds(None, None, None)))
    }

    /// Whether evaluating this twice gives the same value and no other
    /// effect, so a rewrite may name it twice: variables, constants,
    /// operators, subscripts, attributes, tuples and lists of such, calls of
    /// NumPy functions (not its random generators), array methods that only
    /// read, and `len`/`abs`/`min`/`max`/`int`. Any other call (a user
    /// function's print, a random draw) is excluded.
    pub fn is_repeatable(&self) -> bool {
        /// Array methods that only read their array.
        const READING_METHODS: &[&str] = &[
            "sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "any", "all", "cumsum", "cumprod",
            "copy", "astype", "reshape", "flatten", "ravel", "round", "clip",
        ];
        let mut ok = true;
        visit::expr(self, &mut |x| {
            ok &= match &x.kind {
                ExprKind::Local(_)
                | ExprKind::Const(_)
                | ExprKind::Unary(..)
                | ExprKind::Bin(..)
                | ExprKind::Compare(..)
                | ExprKind::Index(..)
                | ExprKind::Attr(..)
                | ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::SliceBounds(..)
                | ExprKind::Slice(..) => true,
                ExprKind::ModAttr(Module::Numpy, n) => !n.starts_with("random"),
                ExprKind::ModAttr(..) => true,
                ExprKind::Builtin(b) => {
                    matches!(b, Builtin::Len | Builtin::Abs | Builtin::Min | Builtin::Max | Builtin::Int)
                }
                // The callee is a part the walk checks too.
                // pandas' internal part reads and builders (`types/pandas.rs`) too.
                ExprKind::Call { func, .. } => match &func.kind {
                    ExprKind::ModAttr(Module::Numpy, _) | ExprKind::Builtin(_) => true,
                    ExprKind::ModAttr(Module::Pandas, n) => n.starts_with('$'),
                    _ => false,
                },
                ExprKind::MethodCall { name, .. } => READING_METHODS.contains(&name.as_str()),
                _ => false,
            };
        });
        ok
    }

    /// The matrix of a transpose, `m` in `m.T` (also `m.transpose()` and
    /// `np.transpose(m)`, which lowering made `m.T`).
    pub fn transposed(&self) -> Option<&Expr> {
        match &self.kind {
            ExprKind::Attr(m, n) if n == "T" => Some(m),
            _ => None,
        }
    }

    /// Whether this is `None` or `np.newaxis` (in an index, a new axis).
    pub fn is_new_axis(&self) -> bool {
        match &self.kind {
            ExprKind::Const(Const::None) => true,
            ExprKind::ModAttr(Module::Numpy, n) => n == "newaxis",
            _ => false,
        }
    }

    /// Whether this is a `range(...)` call, which `len`, indexing and `in`
    /// consume arithmetically without building the range.
    pub fn is_range_call(&self) -> bool {
        matches!(&self.kind, ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Range)))
    }

    /// The tuple `*t` spreads when this is a `Spread` argument (`f(*t)`).
    pub fn spread_value(&self) -> Option<&Expr> {
        match &self.kind {
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Builtin(Builtin::Spread)) => {
                args.first()
            }
            _ => None,
        }
    }

    /// Whether this is an index tuple holding a slice (`X[1:3, j]`).
    pub fn has_slice_part(&self) -> bool {
        matches!(&self.kind, ExprKind::Tuple(items) if items.iter().any(|e| matches!(e.kind, ExprKind::SliceBounds(..))))
    }

    /// The container and key of `x[k].$or_na()` (see [`OR_NA`]).
    pub fn or_na_read(&self) -> Option<(&Expr, &Expr)> {
        match &self.kind {
            ExprKind::MethodCall { recv, name, .. } if name == OR_NA => match &recv.kind {
                ExprKind::Index(x, k) => Some((x, k)),
                _ => None,
            },
            _ => None,
        }
    }
}

/// The method that marks a read `x[k]` (`x[k].$or_na()`, typed as the
/// read) as giving pandas' missing value where Python raises: a key the
/// dict lacks, an index outside a list or a string. Only the body of a
/// `CompKind::Array` map is made one (`s.map(d)`, `.str[i]`/`.str.get(i)`,
/// of a split's pieces too), and only that map's lowering reads it.
pub const OR_NA: &str = "$or_na";

/// `read.$or_na()` (see [`OR_NA`]).
pub fn or_na(read: Expr) -> ExprKind {
    ExprKind::MethodCall { recv: Box::new(read), name: OR_NA.to_string(), args: Vec::new(), kwargs: Vec::new() }
}

impl Target {
    pub fn span(&self) -> Span {
        match self {
            Target::Local(_, s) | Target::Tuple(_, s) | Target::Index(_, _, s) => *s,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub id: ExprId,
    pub kind: ExprKind,
    pub span: Span,
}

/// A keyword argument `name=value`. Errors about the keyword itself (unknown,
/// given twice, unsupported) point at `span`, all of `name=value`; errors
/// about the value point at `value.span`.
#[derive(Debug, Clone)]
pub struct Kwarg {
    pub name: String,
    pub value: Expr,
    pub span: Span,
}

/// The value of keyword argument `name`, if given.
pub fn kwarg<'a>(kwargs: &'a [Kwarg], name: &str) -> Option<&'a Expr> {
    kwargs.iter().find(|k| k.name == name).map(|k| &k.value)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Module {
    Bodo,
    Numpy,
    Pandas,
    Math,
    Sys,
    Time,
}

impl Module {
    pub fn from_name(name: &str) -> Option<Module> {
        Some(match name {
            "bodo" => Module::Bodo,
            "numpy" => Module::Numpy,
            "pandas" => Module::Pandas,
            "math" => Module::Math,
            "sys" => Module::Sys,
            "time" => Module::Time,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Module::Bodo => "bodo",
            Module::Numpy => "numpy",
            Module::Pandas => "pandas",
            Module::Math => "math",
            Module::Sys => "sys",
            Module::Time => "time",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::MatMul => "@",
        }
    }

    /// The NumPy ufunc the operator is on arrays (as NumPy's errors name it).
    pub fn ufunc_name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "subtract",
            BinOp::Mul => "multiply",
            BinOp::Div => "divide",
            BinOp::FloorDiv => "floor_divide",
            BinOp::Mod => "remainder",
            BinOp::Pow => "power",
            BinOp::BitAnd => "bitwise_and",
            BinOp::BitOr => "bitwise_or",
            BinOp::BitXor => "bitwise_xor",
            BinOp::LShift => "left_shift",
            BinOp::RShift => "right_shift",
            BinOp::MatMul => "matmul",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    /// A generator expression; materialized as a list where it is consumed.
    Gen,
    /// `elt` of each element of a 1D array (one generator, no conditions),
    /// into an array laid out as that one: each rank maps its own elements.
    /// No syntax makes one; `hir/frames.rs` does for a Series' `str`
    /// methods and conversions.
    Array,
}

#[derive(Debug, Clone)]
pub struct CompGen {
    pub target: Target,
    pub iter: Expr,
    pub conds: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
    /// A field of printf-style formatting (`"%5.1f" % x`, see `percent.rs`):
    /// its conversion letter (`d` for `%i`/`%u` too), which decides the types
    /// it accepts and how the value is converted before the spec formats it,
    /// and where its value comes from in the right operand.
    Percent {
        code: char,
        arg: PercentArg,
    },
    /// A `*` width of printf-style formatting (`"%*d" % (w, x)`): the int
    /// `w` after its spec, the alignment and flags before the width; a
    /// negative `w` left-aligns, as in C.
    PercentWidth,
    /// `hex`/`oct`/`bin` of the value: formatted as with no conversion, but
    /// the value must be an integer (CPython's `operator.index`), which
    /// inference checks.
    Index,
}

/// Where the value of a printf-style field comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentArg {
    /// An item of a tuple display, or `rhs[key]` of a `%(key)s` field.
    Item,
    /// The entire right operand: a tuple there is the argument list, so a
    /// 1-tuple stands for its item and any other tuple is an error.
    Whole,
    /// `rhs[k]` of a variable that must hold a tuple of exactly this many
    /// arguments (its length is static, so a mismatch is a compile error).
    Spread(usize),
}

#[derive(Debug, Clone)]
pub enum FPart {
    Lit(String),
    Value { expr: Expr, conv: Conversion, spec: Option<Vec<FPart>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Builtin {
    Print,
    Len,
    Abs,
    Min,
    Max,
    Sum,
    Int,
    Float,
    Str,
    Bool,
    List,
    Set,
    Dict,
    Tuple,
    Range,
    Round,
    Sorted,
    Enumerate,
    Zip,
    Isinstance,
    Reversed,
    Repr,
    Ord,
    Chr,
    Hash,
    Any,
    All,
    Divmod,
    Pow,
    /// `type(x).__name__` (only that form: `type` itself is no builtin here).
    TypeName,
    /// `zip(*rows)` of a value holding a run-time number of rows.
    ZipRows,
    /// `{**a, "k": v, **b}` over its parts `[a, {"k": v}, b]`.
    DictMerge,
    /// `*t` as an argument of a user function (`f(*t)`): the tuple whose
    /// items inference binds to parameters (a `**rec` argument is a keyword
    /// argument named `**`).
    Spread,
}

impl Builtin {
    pub fn from_name(name: &str) -> Option<Builtin> {
        use Builtin::*;
        Some(match name {
            "print" => Print,
            "len" => Len,
            "abs" => Abs,
            "min" => Min,
            "max" => Max,
            "sum" => Sum,
            "int" => Int,
            "float" => Float,
            "str" => Str,
            "bool" => Bool,
            "list" => List,
            "set" => Set,
            "dict" => Dict,
            "tuple" => Tuple,
            "range" => Range,
            "round" => Round,
            "sorted" => Sorted,
            "enumerate" => Enumerate,
            "zip" => Zip,
            "isinstance" => Isinstance,
            "reversed" => Reversed,
            "repr" => Repr,
            "ord" => Ord,
            "chr" => Chr,
            "hash" => Hash,
            "any" => Any,
            "all" => All,
            "divmod" => Divmod,
            "pow" => Pow,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Print => "print",
            Len => "len",
            Abs => "abs",
            Min => "min",
            Max => "max",
            Sum => "sum",
            Int => "int",
            Float => "float",
            Str => "str",
            Bool => "bool",
            List => "list",
            Set => "set",
            Dict | DictMerge => "dict",
            Tuple => "tuple",
            Range => "range",
            Round => "round",
            Sorted => "sorted",
            Enumerate => "enumerate",
            Zip | ZipRows => "zip",
            Isinstance => "isinstance",
            Reversed => "reversed",
            Repr => "repr",
            Ord => "ord",
            Chr => "chr",
            Hash => "hash",
            Any => "any",
            All => "all",
            Divmod => "divmod",
            Pow => "pow",
            TypeName => "type",
            Spread => "*",
        }
    }
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Const(Const),
    Local(LocalId),
    Func(FuncId),
    Builtin(Builtin),
    Module(Module),
    /// An exception class used as a value (`raise ValueError`, `ValueError("x")`).
    ExcClass(i64),
    /// `module.name`, e.g. `math.pi`, `np.arange`, `bodo.get_rank`.
    ModAttr(Module, String),
    /// `value.name` on a runtime value (not a module).
    Attr(Box<Expr>, String),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
    },
    MethodCall {
        recv: Box<Expr>,
        name: String,
        args: Vec<Expr>,
        kwargs: Vec<Kwarg>,
    },
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// `a < b <= c`: the first operand and the chain.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `and` (true) / `or` (false) over two or more operands.
    BoolOp(bool, Vec<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Set(Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// Slice bounds as an index value: the index of an assignment target
    /// (`A[::10] = v` is `Target::Index(A, SliceBounds(..))`) or a part of an
    /// index tuple (`X[:, j]` is `Index(X, Tuple([SliceBounds, j]))`).
    SliceBounds(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        gens: Vec<CompGen>,
    },
    FString(Vec<FPart>),
}
