//! Typing of NumPy arrays and Bodo's parallel APIs: `np.*` functions, array
//! methods and attributes, elementwise operators, indexing, and the
//! distribution each array value gets.
//!
//! Distribution is part of an array's type (`Ty::Array(.., Dist)`), so the
//! instance-per-argument-types machinery of inference gives one
//! specialization per argument distributions, and joins meet in Bodo's
//! lattice. The rules are Bodo's: arrays created in a jit function are
//! `1D_Block` (unless the function is `distributed=False`), elementwise
//! results take the meet of their operands, masks and slices give
//! `1D_Block_Var`, reductions give replicated scalars, driver code and plain
//! functions work on replicated arrays. Where a value of one distribution is
//! stored into a place of another, IR lowering inserts the conversion
//! (gather, scatter or rebalance).

use super::builtins::unexpected_kwarg;
use super::infer::{const_int, ArgSrc, Infer};
use super::ty::{article, py_name, Dist, Ty};
use super::ufuncs::{unary_elem, NP_UNARY};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::*;

/// NumPy constructors that fill an array from its shape and element index.
pub const CONSTRUCTORS: &[&str] = &[
    "arange",
    "zeros",
    "ones",
    "empty",
    "full",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "linspace",
    "eye",
    "identity",
    "random.randint",
];
/// Whole-array reductions available as `np.f(a)` and `a.f()`.
pub const REDUCTIONS: &[&str] = &["sum", "prod", "mean", "min", "max", "argmin", "argmax", "std", "var", "any", "all"];
/// NaN-ignoring reductions typed here only along an axis of a 2D array
/// (`hir/lower/nan_reductions.rs` rewrites the others).
pub const NAN_AXIS_REDUCTIONS: &[&str] = &["nanmin", "nanmax"];
/// `np.random` generators that take a length.
pub const RANDOM_FLOAT: &[&str] =
    &["random.ranf", "random.random", "random.rand", "random.random_sample", "random.randn"];

/// The array, weights and minlength of `np.bincount(...)`, by position or
/// keyword.
pub fn bincount_args<'e>(args: &'e [Expr], kwargs: &'e [Kwarg]) -> (Option<&'e Expr>, [Option<&'e Expr>; 2]) {
    let by = |i: usize, name: &str| args.get(i).or_else(|| kwarg(kwargs, name));
    (args.first(), [by(1, "weights"), by(2, "minlength")])
}

/// Whether `np.searchsorted`'s `side=` is "right" (default "left"); None
/// when it is not one of those constants.
pub fn side_is_right(kwargs: &[Kwarg]) -> Option<bool> {
    match kwarg(kwargs, "side").map(|s| &s.kind) {
        None => Some(false),
        Some(ExprKind::Const(Const::Str(s))) if s == "left" || s == "right" => Some(s == "right"),
        _ => None,
    }
}

/// The shape arguments of a NumPy random call: `rand(n, m)` and `randn(n, m)`
/// list the dimensions, the others take one size (an int or a tuple), after
/// `low, high` for `randint` or as `size=`. Empty for a single number.
pub fn random_dims<'e>(name: &str, args: &'e [Expr], kwargs: &'e [Kwarg]) -> Vec<&'e Expr> {
    let bounds = if name == "random.randint" { 2 } else { 0 };
    let size = kwargs.iter().filter(|k| k.name == "size").map(|k| &k.value);
    args.iter().skip(bounds).chain(size).collect()
}

/// Whether `e` is `np.<constructor>(...)`: a new array filled from its shape.
pub fn is_constructor_call(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { func, .. }
        if matches!(&func.kind, ExprKind::ModAttr(Module::Numpy, n) if CONSTRUCTORS.contains(&n.as_str())))
}

/// How a function treats arrays it creates and receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A parallel `@bodo.jit` function: new arrays are distributed.
    Parallel,
    /// `distributed=False`, plain functions and driver code: everything replicated.
    Replicated,
}

/// A dtype named in a call: `np.int64`, `np.float64`, `np.bool_`, `int`, `float`, `bool`.
pub fn dtype_of(e: &Expr) -> Option<Ty> {
    match &e.kind {
        ExprKind::ModAttr(Module::Numpy, n) => match n.as_str() {
            "int64" | "int_" | "intp" => Some(Ty::Int),
            "float64" | "float_" | "double" => Some(Ty::Float),
            "bool_" => Some(Ty::Bool),
            _ => None,
        },
        ExprKind::Builtin(Builtin::Int) => Some(Ty::Int),
        ExprKind::Builtin(Builtin::Float) => Some(Ty::Float),
        ExprKind::Builtin(Builtin::Bool) => Some(Ty::Bool),
        _ => None,
    }
}

/// The element type of an elementwise binary operation, NumPy's way.
pub fn elem_binop(op: BinOp, a: &Ty, b: &Ty) -> Option<Ty> {
    use BinOp::*;
    if !a.is_numeric() || !b.is_numeric() {
        return None;
    }
    let both_bool = *a == Ty::Bool && *b == Ty::Bool;
    let both_int = a.is_intlike() && b.is_intlike();
    Some(match op {
        Add | Mul if both_bool => Ty::Bool,
        Add | Sub | Mul | FloorDiv | Mod | Pow => {
            if both_int {
                Ty::Int
            } else {
                Ty::Float
            }
        }
        Div => Ty::Float,
        BitAnd | BitOr | BitXor if both_bool => Ty::Bool,
        BitAnd | BitOr | BitXor | LShift | RShift if both_int => Ty::Int,
        _ => return None,
    })
}

/// The array parts of a type: (element, ndim, dist).
pub fn array_parts(t: &Ty) -> Option<(Ty, u8, Dist)> {
    match t {
        Ty::Array(e, n, d) => Some(((**e).clone(), *n, *d)),
        _ => None,
    }
}

/// The ndim and distribution of an elementwise result from its operands'
/// (ndim 0 for a scalar). A 1D array under a 2D one is a row broadcast
/// along the rows (`X - X.mean(axis=0)`): the loop reads it whole on every
/// rank, so only the operands of the result's ndim decide its distribution.
pub fn broadcast(operands: &[(u8, Dist)]) -> (u8, Dist) {
    let n = operands.iter().map(|o| o.0).max().unwrap_or(0);
    let d = operands.iter().filter(|o| o.0 == n).map(|o| o.1).min().unwrap_or(Dist::OneD);
    (n, d)
}

/// The literal `axis=` of `np.stack`/`np.concatenate` made 0 or 1 (0 when
/// absent); None for another axis.
fn stack_axis(kwargs: &[Kwarg]) -> Option<i64> {
    match kwarg(kwargs, "axis").map(const_int) {
        None | Some(Some(0 | -2)) => Some(0),
        Some(Some(1 | -1)) => Some(1),
        _ => None,
    }
}

/// The stacking function `np.name(xs, axis=...)` of arrays of `nd`
/// dimensions amounts to: `np.stack(xs, axis=1)` of 1D arrays is
/// `column_stack`, `np.concatenate` of 2D arrays `vstack` (axis 0) or
/// `hstack` (axis 1); None when unsupported (a 3D result, a bad axis).
pub fn stacking<'n>(name: &'n str, kwargs: &[Kwarg], nd: u8) -> Option<&'n str> {
    match (name, stack_axis(kwargs)?, nd) {
        ("stack", 1, 1) => Some("column_stack"),
        ("concatenate", 0, 2) => Some("vstack"),
        ("concatenate", 1, 2) => Some("hstack"),
        (_, 0, _) => Some(name),
        _ => None,
    }
}

/// Whether a sort of an `nd`-dimensional array with keywords `kwargs` sorts
/// the columns of a 2D array (`axis=0`).
pub fn sorts_columns(kwargs: &[Kwarg], nd: u8) -> bool {
    nd == 2 && kwarg(kwargs, "axis").and_then(const_int).is_some_and(|v| v == 0 || v == -2)
}

/// The element type of reduction `name` of elements of type `el`.
fn reduction_elem(name: &str, el: &Ty) -> Ty {
    match name {
        "sum" | "prod" if *el == Ty::Bool => Ty::Int,
        "sum" | "prod" | "min" | "max" | "nanmin" | "nanmax" => el.clone(),
        "mean" | "std" | "var" => Ty::Float,
        "argmin" | "argmax" => Ty::Int,
        _ => Ty::Bool,
    }
}

/// The axis of a 2D reduction (`X.sum(axis=0)`, `np.mean(X, 1)`) made 0 or
/// 1, `None` for a whole-array reduction (inference checked the literal).
pub fn reduction_axis(rest: &[Expr], kwargs: &[Kwarg], ndim: u8) -> Option<i64> {
    let ax = rest.first().or(kwarg(kwargs, "axis"))?;
    (ndim == 2).then(|| const_int(ax).map(|v| v.rem_euclid(2))).flatten()
}

/// Whether `np.name(a, axis)` / `a.name(axis=k)` takes an axis: the
/// reductions and the running totals.
fn takes_axis(name: &str) -> bool {
    REDUCTIONS.contains(&name) || is_running(name) || NAN_AXIS_REDUCTIONS.contains(&name)
}

/// Whether `name` is a running total: `np.cumsum`, `np.cumprod` and the
/// running maximum and minimum (`np.maximum.accumulate` is `np.$cummax`).
pub fn is_running(name: &str) -> bool {
    matches!(name, "cumsum" | "cumprod" | "$cummax" | "$cummin")
}

/// The element type of running totals of `el`: float stays float, ints
/// and bools sum to int; a running maximum or minimum keeps ints, and has
/// no supported type for bools (None).
fn running_elem(name: &str, el: &Ty) -> Option<Ty> {
    match (name, el) {
        (_, Ty::Float) => Some(Ty::Float),
        ("$cummax" | "$cummin", Ty::Bool) => None,
        _ => Some(Ty::Int),
    }
}

/// The methods of arrays bodoc supports (`a.sum()`, ...).
const ARRAY_METHODS: &[&str] = &[
    "sum", "prod", "min", "max", "mean", "std", "var", "argmin", "argmax", "any", "all", "cumsum", "cumprod", "copy",
    "astype", "argsort", "reshape", "tolist", "flatten", "ravel", "tofile",
];

impl Infer<'_> {
    /// The array mode of the function being inferred.
    pub fn mode(&self) -> Mode {
        let inst = &self.insts[self.cur as usize];
        match &self.prog.funcs[inst.func as usize].jit {
            Some(o) if !o.distributed_false && !inst.sequential => Mode::Parallel,
            _ => Mode::Replicated,
        }
    }

    /// Whether the current instance is jit code working on whole arrays
    /// (`distributed=False`, or a sequential instance), unlike driver code
    /// and plain functions, which hold local chunks in SPMD mode.
    pub fn whole_arrays_jit(&self) -> bool {
        let inst = &self.insts[self.cur as usize];
        self.mode() == Mode::Replicated && (inst.sequential || self.prog.funcs[inst.func as usize].jit.is_some())
    }

    /// The distribution of an array created here: whole where ranks run
    /// different code (a value of one prange iteration, or made under a
    /// branch on the rank).
    pub fn creation_dist(&self) -> Dist {
        match self.mode() {
            Mode::Parallel if !self.in_one_rank_region() => Dist::OneD,
            _ => Dist::Rep,
        }
    }

    pub(super) fn arr_error(&mut self, span: Span, msg: impl Into<String>, label: &str) -> Ty {
        self.error(Diagnostic::error(span, msg).label(label.to_string()));
        Ty::Unknown
    }

    /// `a op b` where at least one side is an array.
    pub fn array_binop(&mut self, op: BinOp, a: &Ty, b: &Ty, span: Span) -> Ty {
        if op == BinOp::MatMul {
            return self.dot_ty(a, b, span);
        }
        let (ea, na, da) = self.operand(a);
        let (eb, nb, db) = self.operand(b);
        let (Some(ea), Some(eb)) = (ea, eb) else {
            let (a, b) = (self.resolve(a), self.resolve(b));
            return self.arr_error(
                span,
                format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), py_name(&a), py_name(&b)),
                "arrays combine with numbers and arrays of numbers",
            );
        };
        let Some(e) = elem_binop(op, &ea, &eb) else {
            return self.arr_error(
                span,
                format!("ufunc '{}' not supported for the input types ({ea} and {eb})", op.symbol()),
                "unsupported element types",
            );
        };
        let (n, d) = broadcast(&[(na, da), (nb, db)]);
        Ty::array(e, n, d)
    }

    /// An operand of an elementwise operation: element type, ndim (0 for a
    /// scalar) and distribution (`OneD` for scalars, the top of the lattice).
    fn operand(&self, t: &Ty) -> (Option<Ty>, u8, Dist) {
        match self.shallow(t) {
            Ty::Array(e, n, d) => (Some(*e), n, d),
            s if s.is_numeric() || s == Ty::Str => (Some(s), 0, Dist::OneD),
            _ => (None, 0, Dist::OneD),
        }
    }

    /// `a < b` where at least one side is an array: a bool array.
    pub fn array_compare(&mut self, a: &Ty, b: &Ty, span: Span) -> Ty {
        // A Timestamp compares with datetime arrays.
        let operand = |w: &Self, t: &Ty| match w.shallow(t) {
            Ty::Datetime => (Some(Ty::Datetime), 0, Dist::OneD),
            _ => w.operand(t),
        };
        let (ea, na, da) = operand(self, a);
        let (eb, nb, db) = operand(self, b);
        let (Some(ea), Some(eb)) = (ea, eb) else {
            return self.arr_error(span, "arrays compare only with numbers and arrays", "unsupported comparison");
        };
        if (ea == Ty::Str) != (eb == Ty::Str) {
            return self.arr_error(
                span,
                "strings compare only with strings here",
                "a str column's values against something else",
            );
        }
        if (ea == Ty::Datetime) != (eb == Ty::Datetime) {
            self.error(
                Diagnostic::error(span, "datetimes compare only with datetimes")
                    .label("a datetime and a number")
                    .help("compare with a Timestamp: `s > pd.Timestamp(\"2024-01-01\")`"),
            );
            return Ty::Unknown;
        }
        let (n, d) = broadcast(&[(na, da), (nb, db)]);
        Ty::array(Ty::Bool, n, d)
    }

    /// The result of calling `np.name(...)` or `np.random.name(...)`.
    pub fn numpy_call(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let cd = self.creation_dist();
        let callee = format!("np.{name}");
        match name {
            "arange" => {
                let tys = self.typed_args(&callee, args, &[], &[]);
                let dt = self.dtype_kwarg(&callee, None, kwargs);
                if args.is_empty() || args.len() > 3 {
                    return self.arr_error(e.span, "np.arange() takes 1 to 3 arguments", "bad arguments");
                }
                let all_int = tys.iter().all(|t| t.is_intlike());
                for (a, t) in args.iter().zip(&tys) {
                    self.expect(&Ty::Float, t, a.span, "np.arange()");
                }
                match dt {
                    Some(Ty::Float) => Ty::array(Ty::Float, 1, cd),
                    Some(Ty::Int) if all_int => Ty::array(Ty::Int, 1, cd),
                    Some(_) => self.arr_error(
                        e.span,
                        "np.arange() supports dtype=np.float64, or np.int64 with int arguments",
                        "unsupported dtype",
                    ),
                    None => Ty::array(if all_int { Ty::Int } else { Ty::Float }, 1, cd),
                }
            }
            "zeros" | "ones" | "empty" | "full" => {
                let min = if name == "full" { 2 } else { 1 };
                if args.len() < min || args.len() > min + 1 {
                    return self.arr_error(
                        e.span,
                        format!("np.{name}() takes a shape{}", if min == 2 { " and a fill value" } else { "" }),
                        "bad arguments",
                    );
                }
                let ndim = self.shape_arg(&args[0]);
                let fill = if name == "full" { Some(self.expr(&args[1])) } else { None };
                let dt = self.dtype_kwarg(&callee, args.get(min), kwargs);
                let elem = match (dt, fill) {
                    (Some(t), _) => t,
                    (None, Some(f)) if f.is_numeric() => f,
                    (None, Some(f)) => {
                        let f = self.resolve(&f);
                        return self.arr_error(
                            args[1].span,
                            format!("np.full() fill value must be a number, got {f}"),
                            "not a number",
                        );
                    }
                    (None, None) => Ty::Float,
                };
                Ty::array(elem, ndim, cd)
            }
            "eye" | "identity" => {
                // np.eye(N), np.eye(N, M), np.identity(N): ones on the diagonal.
                let most = if name == "eye" { 2 } else { 1 };
                let dt = self.dtype_kwarg(&callee, None, kwargs);
                if args.is_empty() || args.len() > most {
                    let what = if most == 2 { "a row count and an optional column count" } else { "a size" };
                    return self.arr_error(e.span, format!("np.{name}() takes {what}"), "bad arguments");
                }
                for a in args {
                    let t = self.expr(a);
                    self.expect(&Ty::Int, &t, a.span, &format!("np.{name}()"));
                }
                Ty::array(dt.unwrap_or(Ty::Float), 2, cd)
            }
            "zeros_like" | "ones_like" | "empty_like" | "full_like" => {
                let want = if name == "full_like" { 2 } else { 1 };
                let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
                let dt = self.dtype_kwarg(&callee, None, kwargs);
                if tys.len() != want {
                    let what = if want == 2 { "an array and a fill value" } else { "an array" };
                    return self.arr_error(e.span, format!("np.{name}() takes {what}"), "bad arguments");
                }
                if let Some(t) = tys.get(1) {
                    self.expect(&Ty::Float, t, args[1].span, &format!("np.{name}()'s fill value"));
                }
                match array_parts(&self.shallow(&tys[0])) {
                    // A new array: split in blocks if its model is split.
                    Some((el, nd, d)) => {
                        Ty::array(dt.unwrap_or(el), nd, if d.is_dist() { Dist::OneD } else { Dist::Rep })
                    }
                    None => {
                        let t = self.resolve(&tys[0]);
                        self.arr_error(
                            args[0].span,
                            format!("np.{name}() of {} is not supported", article(&t)),
                            "expects an array",
                        )
                    }
                }
            }
            "linspace" => {
                let tys = self.typed_args(&callee, args, kwargs, &["num", "endpoint"]);
                let num = args.get(2).or(kwarg(kwargs, "num"));
                let endpoint = args.get(3).or(kwarg(kwargs, "endpoint"));
                let twice = (args.len() > 2 && kwarg(kwargs, "num").is_some())
                    || (args.len() > 3 && kwarg(kwargs, "endpoint").is_some());
                if !(2..=4).contains(&args.len()) || twice {
                    return self.arr_error(
                        e.span,
                        "np.linspace() takes start, stop, num and endpoint",
                        "bad arguments",
                    );
                }
                self.expect(&Ty::Float, &tys[0], args[0].span, "np.linspace()");
                self.expect(&Ty::Float, &tys[1], args[1].span, "np.linspace()");
                if let Some(a) = num {
                    let t = self.exprs[a.id as usize].clone();
                    self.expect(&Ty::Int, &t, a.span, "np.linspace()'s num");
                }
                if let Some(a) = endpoint {
                    let t = self.exprs[a.id as usize].clone();
                    self.expect(&Ty::Bool, &t, a.span, "np.linspace()'s endpoint");
                }
                Ty::array(Ty::Float, 1, cd)
            }
            "array" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                match tys.first().map(|t| self.shallow(t)) {
                    Some(Ty::List(el)) => match self.shallow(&el) {
                        // A list of lists of numbers: a 2D array (rows checked at run time).
                        Ty::List(inner) | Ty::VarTuple(inner) if self.shallow(&inner).is_numeric() => {
                            Ty::array(self.resolve(&inner), 2, Dist::Rep)
                        }
                        // A list of tuples of numbers: a 2D array of their joined
                        // dtype (`(1, 2.5)` rows make floats), as NumPy promotes.
                        Ty::Tuple(items) if !items.is_empty() && items.iter().all(|t| self.shallow(t).is_numeric()) => {
                            let resolved: Vec<Ty> = items.iter().map(|t| self.resolve(t)).collect();
                            let el = [Ty::Float, Ty::Int, Ty::Bool]
                                .into_iter()
                                .find(|d| resolved.contains(d))
                                .unwrap_or(Ty::Float);
                            Ty::array(el, 2, Dist::Rep)
                        }
                        // Strings: a str column's values (`types/str_arrays.rs`
                        // limits what may be done with them).
                        t if t.is_numeric() || matches!(t, Ty::Var(_) | Ty::Unknown | Ty::Str) => {
                            Ty::array(self.resolve(&el), 1, Dist::Rep)
                        }
                        t => {
                            let t = self.resolve(&t);
                            self.arr_error(
                                args[0].span,
                                format!("np.array() of a list of {t} is not supported"),
                                "expects a list of numbers or a list of lists or tuples of numbers",
                            )
                        }
                    },
                    Some(t @ Ty::Array(..)) => t,
                    Some(t) => {
                        let t = self.resolve(&t);
                        self.arr_error(
                            args[0].span,
                            format!("np.array() of {} is not supported", article(&t)),
                            "expects a list of numbers",
                        )
                    }
                    None => self.arr_error(e.span, "np.array() takes a list", "missing argument"),
                }
            }
            n if RANDOM_FLOAT.contains(&n) || n == "random.randint" => {
                let bounds = if n == "random.randint" { 2 } else { 0 };
                if args.len() < bounds {
                    return self.arr_error(e.span, "np.random.randint() takes low, high and size", "bad arguments");
                }
                for b in &args[..bounds] {
                    let t = self.expr(b);
                    self.expect(&Ty::Int, &t, b.span, &format!("np.{n}()"));
                }
                let el = if bounds == 2 { Ty::Int } else { Ty::Float };
                for kw in kwargs.iter().filter(|k| k.name != "size") {
                    self.expr(&kw.value);
                    self.error(unexpected_kwarg(&callee, kw, ["size"].into_iter()).label("not supported here"));
                }
                let ndim = match random_dims(n, args, kwargs)[..] {
                    // No size: one number (the same on every rank).
                    [] => return el,
                    [size] => self.shape_arg(size),
                    [rows, cols] if bounds == 0 => {
                        for d in [rows, cols] {
                            let t = self.expr(d);
                            self.expect(&Ty::Int, &t, d.span, &format!("np.{n}()"));
                        }
                        2
                    }
                    _ => {
                        let what = if bounds == 2 { "low, high and a size" } else { "a size" };
                        return self.arr_error(
                            e.span,
                            format!("np.{n}() takes {what}"),
                            "give the size as an int, or a tuple (n, m) for 2D",
                        );
                    }
                };
                Ty::array(el, ndim, cd)
            }
            "random.seed" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.len() != 1 {
                    return self.arr_error(e.span, "np.random.seed() takes one integer", "bad arguments");
                }
                self.expect(&Ty::Int, &tys[0], args[0].span, "np.random.seed()");
                Ty::None
            }
            n if NP_UNARY.contains(&n) => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.len() != 1 {
                    return self.arr_error(e.span, format!("np.{n}() takes one argument"), "bad arguments");
                }
                let (el, nd, d) = match self.shallow(&tys[0]) {
                    Ty::Array(el, nd, d) => (*el, nd, d),
                    t if t.is_numeric() => (t, 0, Dist::Rep),
                    t => {
                        let t = self.resolve(&t);
                        return self.arr_error(
                            args[0].span,
                            format!("np.{n}() of {} is not supported", article(&t)),
                            "expects a number or an array",
                        );
                    }
                };
                match unary_elem(n, &el) {
                    Some(out) if nd == 0 => out,
                    Some(out) => Ty::array(out, nd, d),
                    None => self.arr_error(
                        args[0].span,
                        format!("ufunc '{n}' did not contain a loop with signature matching types bool"),
                        "NumPy has no bool version of this function",
                    ),
                }
            }
            "where" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.len() != 3 {
                    return self.arr_error(e.span, "np.where() takes a condition and two values", "bad arguments");
                }
                let (ec, nc, dc) = self.operand(&tys[0]);
                let (ea, na, da) = self.operand(&tys[1]);
                let (eb, nb, db) = self.operand(&tys[2]);
                // Any number is a condition (nonzero is true, as NumPy
                // reads it); a scalar one picks a whole branch.
                if ec.is_none() || (nc == 0 && na == 0 && nb == 0) {
                    return self.arr_error(
                        args[0].span,
                        "np.where() needs a bool array as condition, or arrays to choose from",
                        "not a bool array",
                    );
                }
                let (Some(ea), Some(eb)) = (ea, eb) else {
                    return self.arr_error(
                        e.span,
                        "np.where() chooses between numbers or arrays",
                        "unsupported values",
                    );
                };
                let (n, d) = broadcast(&[(nc, dc), (na, da), (nb, db)]);
                if (ea == Ty::Datetime) != (eb == Ty::Datetime) {
                    // Reported once here; what uses the result goes on as with numbers.
                    self.datetime_misuse(e.span);
                    return Ty::array(Ty::Int, n, d);
                }
                let el = if ea == eb { ea } else { elem_binop(BinOp::Add, &ea, &eb).unwrap_or(Ty::Float) };
                self.beside_row(Ty::array(el, n, d), &[&args[0], &args[1], &args[2]])
            }
            // Bound by HIR lowering: the array and the three replacements.
            "nan_to_num" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                for (t, a) in tys.iter().zip(args).skip(1) {
                    self.expect(&Ty::Float, t, a.span, "replacement value");
                }
                match self.operand(&tys[0]) {
                    (Some(el), 0, _) => el,
                    (Some(el), nd, d) => Ty::array(el, nd, d),
                    _ => self.arr_error(args[0].span, "np.nan_to_num() takes a number or an array", "not a number"),
                }
            }
            "round" | "around" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.is_empty() || tys.len() > 2 {
                    return self.arr_error(e.span, format!("np.{name}() takes a value and decimals"), "bad arguments");
                }
                if let Some(t) = tys.get(1) {
                    self.expect(&Ty::Int, t, args[1].span, "decimals");
                }
                match self.operand(&tys[0]) {
                    (Some(el), nd, d) if el != Ty::Bool => {
                        if nd == 0 {
                            el
                        } else {
                            Ty::array(el, nd, d)
                        }
                    }
                    _ => {
                        let t = self.resolve(&tys[0]);
                        self.arr_error(
                            args[0].span,
                            format!("np.{name}() of {} is not supported", article(&t)),
                            "expects an int or float number or array",
                        )
                    }
                }
            }
            // Elementwise of two arguments; `np.arctan2` always gives floats.
            "minimum" | "maximum" | "fmin" | "fmax" | "arctan2" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.len() != 2 {
                    return self.arr_error(e.span, format!("np.{name}() takes two arguments"), "bad arguments");
                }
                let (a, b) = (self.shallow(&tys[0]), self.shallow(&tys[1]));
                if a.has_unknown() || b.has_unknown() {
                    return Ty::Unknown;
                }
                if !matches!(a, Ty::Array(..)) && !matches!(b, Ty::Array(..)) {
                    return if a == Ty::Float || b == Ty::Float || name == "arctan2" { Ty::Float } else { Ty::Int };
                }
                let t = self.array_binop(BinOp::Add, &a, &b, e.span);
                let t = self.beside_row(t, &[&args[0], &args[1]]);
                match t {
                    Ty::Array(_, n, d) if name == "arctan2" => Ty::array(Ty::Float, n, d),
                    Ty::Array(el, n, d) if *el == Ty::Bool => Ty::array(Ty::Bool, n, d),
                    t => t,
                }
            }
            n if REDUCTIONS.contains(&n) || is_running(n) || n == "argsort" || NAN_AXIS_REDUCTIONS.contains(&n) => {
                let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
                for kw in kwargs {
                    self.expr(&kw.value);
                }
                // `np.sum(X, 0)`: the axis may be positional.
                let takes_axis = takes_axis(n);
                if tys.is_empty() || tys.len() > 1 + usize::from(takes_axis) {
                    let what = if takes_axis { "an array and an axis" } else { "one array" };
                    return self.arr_error(e.span, format!("np.{n}() takes {what}"), "bad arguments");
                }
                let t = self.shallow(&tys[0]);
                self.array_method_ty(e.span, &t, n, &args[1..], kwargs)
            }
            "roll" => self.roll_ty(e, args, kwargs),
            "fromfile" => self.fromfile_ty(e, args, kwargs),
            "split" | "array_split" => self.split_ty(e, name, args, kwargs),
            "triu" | "tril" | "repeat" | "tile" | "pad" | "gradient" => self.copies_ty(e, name, args, kwargs),
            // Elementwise searches in values or points that are whole on
            // every rank: results of the first argument's shape and layout.
            "isin" | "interp" | "digitize" => {
                let allowed: &[&str] = if name == "digitize" { &["right"] } else { &[] };
                let tys = self.typed_args(&callee, args, kwargs, allowed);
                if let Some(r) = kwarg(kwargs, "right").filter(|_| name == "digitize") {
                    let t = self.exprs[r.id as usize].clone();
                    self.expect(&Ty::Bool, &t, r.span, "np.digitize()'s right");
                }
                let tys = &tys[..args.len().min(tys.len())];
                let want = if name == "interp" { 3 } else { 2 };
                let seqs_ok = tys.iter().skip(1).all(|t| match self.shallow(t) {
                    Ty::Array(el, 1, _) => el.is_numeric(),
                    Ty::List(el) => self.shallow(&el).is_numeric(),
                    t => t.has_unknown(),
                });
                let out = match name {
                    "isin" => Ty::Bool,
                    "digitize" => Ty::Int,
                    _ => Ty::Float,
                };
                match tys.first().map(|t| self.shallow(t)) {
                    Some(t) if t.has_unknown() => Ty::Unknown,
                    Some(Ty::Array(el, nd, d)) if el.is_numeric() && seqs_ok && tys.len() == want => {
                        Ty::array(out, nd, d)
                    }
                    Some(t) if t.is_numeric() && name == "interp" && seqs_ok && tys.len() == want => Ty::Float,
                    _ => {
                        let what = match name {
                            "isin" => "an array and the values (a 1D array or a list)",
                            "digitize" => "an array and the bins' edges (a 1D array or a list)",
                            _ => "a number or an array and the points xp and fp (1D arrays or lists)",
                        };
                        self.arr_error(e.span, format!("np.{name}() takes {what}"), "bad arguments")
                    }
                }
            }
            // Small dense linear algebra on the gathered matrices: REP results.
            "linalg.solve" | "linalg.inv" | "linalg.det" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                let parts: Vec<Option<(Ty, u8, Dist)>> = tys.iter().map(|t| array_parts(&self.shallow(t))).collect();
                let num = |p: &Option<(Ty, u8, Dist)>, nd: &[u8]| matches!(p, Some((el, n, _)) if matches!(el, Ty::Int | Ty::Float) && nd.contains(n));
                match (name, parts.as_slice()) {
                    _ if tys.iter().any(|t| self.shallow(t).has_unknown()) => Ty::Unknown,
                    ("linalg.det", [a]) if num(a, &[2]) => Ty::Float,
                    ("linalg.inv", [a]) if num(a, &[2]) => Ty::array(Ty::Float, 2, Dist::Rep),
                    ("linalg.solve", [a, b @ Some((_, nb, _))]) if num(a, &[2]) && num(b, &[1, 2]) => {
                        Ty::array(Ty::Float, *nb, Dist::Rep)
                    }
                    _ => {
                        let what = if name == "linalg.solve" {
                            "a square 2D array and a 1D or 2D array"
                        } else {
                            "a square 2D array"
                        };
                        self.arr_error(e.span, format!("np.{name}() takes {what} of numbers"), "bad arguments")
                    }
                }
            }
            // The 2x2 matrix of two 1D arrays, or the one number of one.
            "cov" | "corrcoef" => {
                let allowed: &[&str] = if name == "cov" { &["ddof"] } else { &[] };
                let tys = self.typed_args(&callee, args, kwargs, allowed);
                if let Some(d) = kwarg(kwargs, "ddof") {
                    let t = self.exprs[d.id as usize].clone();
                    self.expect(&Ty::Int, &t, d.span, "np.cov()'s ddof");
                }
                let vectors = tys[..args.len()].iter().all(|t| match self.shallow(t) {
                    Ty::Array(el, 1, _) => el.is_numeric(),
                    t => t.has_unknown(),
                });
                match args.len() {
                    2 if vectors => Ty::array(Ty::Float, 2, Dist::Rep),
                    1 if vectors => Ty::Float,
                    _ => self.arr_error(e.span, format!("np.{name}() takes one or two 1D arrays"), "bad arguments"),
                }
            }
            // Insertion points in a sorted 1D array: one for a number, an
            // array of them (the values' layout) for an array or a list.
            "searchsorted" => {
                let tys = self.typed_args(&callee, args, kwargs, &["side"]);
                if side_is_right(kwargs).is_none() {
                    let span = kwarg(kwargs, "side").map_or(e.span, |s| s.span);
                    return self.arr_error(span, "np.searchsorted()'s side must be \"left\" or \"right\"", "bad side");
                }
                let (a, v) = (tys.first().map(|t| self.shallow(t)), tys.get(1).map(|t| self.shallow(t)));
                match (a, v) {
                    (Some(a), _) if a.has_unknown() => Ty::Unknown,
                    (_, Some(v)) if v.has_unknown() => Ty::Unknown,
                    (Some(Ty::Array(el, 1, _)), Some(v)) if el.is_numeric() && args.len() == 2 => match v {
                        Ty::Array(ev, 1, d) if ev.is_numeric() => Ty::array(Ty::Int, 1, d),
                        Ty::List(ev) if self.shallow(&ev).is_numeric() => Ty::array(Ty::Int, 1, Dist::Rep),
                        v if v.is_numeric() => Ty::Int,
                        _ => self.arr_error(
                            args[1].span,
                            "np.searchsorted()'s values must be a number or a 1D array",
                            "bad values",
                        ),
                    },
                    _ => self.arr_error(
                        e.span,
                        "np.searchsorted() takes a sorted 1D array and the values",
                        "bad arguments",
                    ),
                }
            }
            // The positions of the non-zero elements (also `np.where(c)`):
            // a tuple of one index array for `np.nonzero`.
            "nonzero" | "flatnonzero" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                let idx = match tys.first().map(|t| self.shallow(t)) {
                    Some(t) if t.has_unknown() => return Ty::Unknown,
                    Some(Ty::Array(_, nd, d)) if tys.len() == 1 => {
                        (Ty::array(Ty::Int, 1, if d.is_dist() { Dist::OneDVar } else { Dist::Rep }), nd)
                    }
                    _ => return self.arr_error(e.span, format!("np.{name}() takes one array"), "bad arguments"),
                };
                // A 2D array's non-zero elements have a row and a column each.
                match (name, idx) {
                    ("nonzero", (t, 2)) => Ty::Tuple(vec![t.clone(), t]),
                    ("nonzero", (t, _)) => Ty::Tuple(vec![t]),
                    (_, (t, _)) => t,
                }
            }
            "convolve" => self.convolve_ty(e, args, kwargs),
            "unravel_index" => self.unravel_ty(e, args, kwargs),
            // HIR lowering made the argument `a[1:] - a[:-1]` where `a` is
            // not 2D (hir/lower/np_diff.rs).
            "diff" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                match tys.first().map(|t| self.shallow(t)) {
                    Some(t @ Ty::Array(_, 1, _)) if tys.len() == 1 => t,
                    _ => self.arr_error(e.span, "np.diff() takes one 1D array", "bad arguments"),
                }
            }
            "median" | "percentile" | "quantile" => {
                let tys = self.typed_args(&callee, args, kwargs, &["axis"]);
                let want = if name == "median" { 1 } else { 2 };
                // The axis, positional after the array and q or a keyword.
                let axis = args.get(want).or(kwarg(kwargs, "axis"));
                if let (Some(ax), Some(Ty::Array(_, 2, d))) = (axis, tys.first().map(|t| self.shallow(t))) {
                    return self.quantile_axis_ty(name, ax, tys.get(1).filter(|_| want == 2), d);
                }
                let what = if want == 1 { "an array" } else { "an array and a number, a list or a 1D array" };
                let n = tys.len() - usize::from(axis.is_some());
                // Without an axis a 2D array's elements count all together.
                if n != want || !matches!(self.shallow(&tys[0]), Ty::Array(..)) {
                    return self.arr_error(e.span, format!("np.{name}() takes {what}"), "bad arguments");
                }
                if let Some(ax) = axis.filter(|ax| !matches!(const_int(ax), Some(0 | -1))) {
                    return self.arr_error(ax.span, "axis must be 0 or -1 for a 1D array", "no such axis");
                }
                // Several q at once: an array of the values, REP.
                match tys.get(1).filter(|_| want == 2).map(|q| self.shallow(q)) {
                    Some(q) if q.has_unknown() => Ty::Unknown,
                    Some(Ty::Array(el, 1, _)) if el.is_numeric() => Ty::array(Ty::Float, 1, Dist::Rep),
                    // A list of numbers (its element may not be known yet).
                    Some(Ty::List(el)) if matches!(self.shallow(&el), Ty::Int | Ty::Float | Ty::Bool | Ty::Var(_)) => {
                        Ty::array(Ty::Float, 1, Dist::Rep)
                    }
                    Some(q) => {
                        self.expect(&Ty::Float, &q, args[1].span, &format!("np.{name}()'s q"));
                        Ty::Float
                    }
                    None => Ty::Float,
                }
            }
            "dot" | "matmul" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                if tys.len() != 2 {
                    return self.arr_error(e.span, "np.dot() takes two arrays", "bad arguments");
                }
                // Bodo's rule: the vector of a matrix-vector product is
                // replicated; `m.T @ v` is `v @ m`, whose vector pairs
                // with the rows of `m` as they are.
                let transposed = args[0].transposed().is_some();
                if let (false, Some((_, 2, _)), Some((_, 1, d)), ExprKind::Local(l)) = (
                    transposed,
                    array_parts(&self.shallow(&tys[0])),
                    array_parts(&self.shallow(&tys[1])),
                    &args[1].kind,
                ) {
                    if d.is_dist() {
                        self.require_rep(*l, "vector input of np.dot(matrix, vector) is REP");
                    }
                }
                self.dot_ty(&tys[0], &tys[1], e.span)
            }
            "concatenate" | "hstack" | "vstack" | "stack" | "column_stack" => {
                let Some(items) = self.array_sequence(&callee, name, args, kwargs, e.span) else { return Ty::Unknown };
                let nd = if items.iter().all(|(_, n, _)| *n == 1) { 1 } else { 2 };
                match (stacking(name, kwargs, nd), stack_axis(kwargs)) {
                    (Some(f), _) => self.stacked_ty(f, &items, args[0].span),
                    (None, Some(_)) if name == "stack" => {
                        self.arr_error(e.span, "np.stack() of 2D arrays is not supported", "a 3D result")
                    }
                    (None, Some(a)) => self.arr_error(
                        e.span,
                        format!("axis {a} is out of bounds for array of dimension {nd}"),
                        "no such axis",
                    ),
                    (None, None) => {
                        let span = kwarg(kwargs, "axis").map_or(e.span, |a| a.span);
                        self.arr_error(
                            span,
                            format!("np.{name}()'s axis must be 0 or 1 (a literal)"),
                            "unsupported axis",
                        )
                    }
                }
            }
            "append" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                let parts: Vec<Option<(Ty, u8, Dist)>> = tys
                    .iter()
                    .map(|t| match self.shallow(t) {
                        t if t.is_numeric() => Some((t, 1, Dist::Rep)),
                        Ty::List(el) if self.shallow(&el).is_numeric() => Some((self.shallow(&el), 1, Dist::Rep)),
                        t => array_parts(&t),
                    })
                    .collect();
                match parts.as_slice() {
                    [Some((ea, 1, da)), Some((eb, 1, db))] => {
                        let el =
                            if ea == eb { ea.clone() } else { elem_binop(BinOp::Add, ea, eb).unwrap_or(Ty::Float) };
                        Ty::array(el, 1, if da.is_dist() || db.is_dist() { Dist::OneD } else { Dist::Rep })
                    }
                    _ => self.arr_error(
                        e.span,
                        "np.append() takes a 1D array and a number, a list of numbers or a 1D array",
                        "unsupported arguments (axis= and 2D arrays are not supported)",
                    ),
                }
            }
            "diag" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                match tys.first().and_then(|t| array_parts(&self.shallow(t))) {
                    Some((el, nd, _)) if tys.len() == 1 => Ty::array(el, 3 - nd, Dist::Rep),
                    _ => self.arr_error(e.span, "np.diag() takes one 1D or 2D array", "bad arguments"),
                }
            }
            "histogram" => self.histogram_ty(e, args, kwargs),
            // Counts, or sums of weights, of each value: REP.
            "bincount" => {
                let tys = self.typed_args(&callee, args, kwargs, &["weights", "minlength"]);
                let (x, [weights, minlength]) = bincount_args(args, kwargs);
                let ty_of = |me: &Self, a: Option<&Expr>| a.map(|a| me.shallow(&me.exprs[a.id as usize].clone()));
                if let (Some(m), Some(t)) = (minlength, ty_of(self, minlength)) {
                    self.expect(&Ty::Int, &t, m.span, "minlength");
                }
                let weights_ok = match ty_of(self, weights) {
                    None => true,
                    Some(Ty::Array(el, 1, _)) => el.is_numeric(),
                    Some(t) => t.has_unknown(),
                };
                match x.and_then(|_| tys.first()).and_then(|t| array_parts(&self.shallow(t))) {
                    Some((el, 1, _)) if el.is_intlike() && weights_ok && args.len() <= 3 => {
                        Ty::array(if weights.is_some() { Ty::Float } else { Ty::Int }, 1, Dist::Rep)
                    }
                    _ => self.arr_error(e.span, "np.bincount() takes a 1D int array and 1D weights", "bad arguments"),
                }
            }
            // Along the last axis: the rows of a 2D array, each sorted
            // locally; along axis 0 its columns, sorted whole (REP).
            "sort" => {
                let tys = self.typed_args(&callee, args, kwargs, &["axis", "kind"]);
                match tys.first().map(|t| self.shallow(t)) {
                    Some(Ty::Array(el, nd, d)) if args.len() == 1 => {
                        let columns = sorts_columns(kwargs, nd);
                        let others: Vec<Kwarg> =
                            kwargs.iter().filter(|k| !columns || k.name != "axis").cloned().collect();
                        if !self.sorts_last_axis(name, &others, nd) {
                            return Ty::Unknown;
                        }
                        let d = if columns { Dist::Rep } else { d };
                        Ty::array(*el, nd, if nd == 2 || !d.is_dist() { d } else { Dist::OneD })
                    }
                    _ => self.arr_error(e.span, "np.sort() takes one array", "bad arguments"),
                }
            }
            // `$unique_counts` is `np.unique(x, return_counts=True)`: values and counts.
            "unique" | "$unique_counts" => {
                let tys = self.typed_args(&callee, args, kwargs, &[]);
                match tys.first().map(|t| self.shallow(t)) {
                    Some(Ty::Array(el, 1, _)) if tys.len() == 1 => match name {
                        "unique" => Ty::array(*el, 1, Dist::Rep),
                        _ => Ty::Tuple(vec![Ty::array(*el, 1, Dist::Rep), Ty::array(Ty::Int, 1, Dist::Rep)]),
                    },
                    _ => self.arr_error(e.span, "np.unique() takes one 1D array", "bad arguments"),
                }
            }
            _ => {
                for a in args {
                    self.expr(a);
                }
                const OTHERS: &[&str] = &[
                    "array",
                    "where",
                    "round",
                    "minimum",
                    "maximum",
                    "fmin",
                    "fmax",
                    "arctan2",
                    "dot",
                    "matmul",
                    "concatenate",
                    "hstack",
                    "vstack",
                    "stack",
                    "column_stack",
                    "append",
                    "diag",
                    "trace",
                    "outer",
                    "transpose",
                    "histogram",
                    "bincount",
                    "sort",
                    "unique",
                    "cumsum",
                    "cumprod",
                    "diff",
                    "roll",
                    "convolve",
                    "argsort",
                    "median",
                    "percentile",
                    "quantile",
                    "nonzero",
                    "flatnonzero",
                    "searchsorted",
                    "cov",
                    "corrcoef",
                    "isin",
                    "triu",
                    "tril",
                    "repeat",
                    "tile",
                    "pad",
                    "gradient",
                    "digitize",
                    "interp",
                    "count_nonzero",
                    "nan_to_num",
                    "expand_dims",
                    "split",
                    "array_split",
                    "lexsort",
                    "unravel_index",
                    "fromfile",
                ];
                let known = CONSTRUCTORS.iter().chain(REDUCTIONS).chain(NP_UNARY).chain(RANDOM_FLOAT).chain(OTHERS);
                let help = match crate::hir::suggest::similar_name(name, known.copied()) {
                    Some(similar) => format!("did you mean 'np.{similar}'?"),
                    None => "see the supported NumPy functions in SPEC.md section 3 (tier 1)".to_string(),
                };
                self.error(
                    Diagnostic::error(e.span, format!("numpy.{name}() is not supported"))
                        .label("unsupported NumPy function")
                        .help(help),
                );
                Ty::Unknown
            }
        }
    }

    /// The arrays of the one tuple or list argument of `np.concatenate` and
    /// the stacking functions (element, dimensions, distribution), or None
    /// after reporting an error.
    fn array_sequence(
        &mut self,
        callee: &str,
        name: &str,
        args: &[Expr],
        kwargs: &[Kwarg],
        span: Span,
    ) -> Option<Vec<(Ty, u8, Dist)>> {
        // A list literal of arrays is typed item by item, like a tuple.
        let allowed: &[&str] = if matches!(name, "stack" | "concatenate") { &["axis"] } else { &[] };
        let tys = match args {
            [Expr { kind: ExprKind::List(items), id, .. }] => {
                self.typed_args(callee, &[], kwargs, allowed);
                let t = Ty::Tuple(items.iter().map(|it| self.expr(it)).collect());
                self.exprs[*id as usize] = t.clone();
                vec![t]
            }
            _ => self.typed_args(callee, args, kwargs, allowed)[..args.len()].to_vec(),
        };
        let items = match tys.first().map(|t| self.shallow(t)) {
            Some(Ty::Tuple(items)) if tys.len() == 1 => items,
            Some(Ty::List(el)) if tys.len() == 1 => vec![self.shallow(&el)],
            _ => {
                self.arr_error(span, format!("np.{name}() takes a tuple of arrays"), "bad arguments");
                return None;
            }
        };
        let mut parts = Vec::new();
        for t in &items {
            let Some(p) = array_parts(&self.shallow(t)) else {
                self.arr_error(args[0].span, format!("np.{name}() takes a tuple of arrays"), "not all arrays");
                return None;
            };
            parts.push(p);
        }
        if parts.is_empty() {
            self.arr_error(args[0].span, format!("np.{name}() needs at least one array"), "empty tuple");
            return None;
        }
        Some(parts)
    }

    /// The result of `np.concatenate`/`hstack`/`vstack`/`stack`/`column_stack`
    /// of arrays `items`: the widest element, and 1D_Block when any input is
    /// distributed unless the inputs' elements become columns (REP).
    fn stacked_ty(&mut self, name: &str, items: &[(Ty, u8, Dist)], span: Span) -> Ty {
        let elem = items.iter().skip(1).fold(items[0].0.clone(), |p, (el, ..)| {
            if p == *el {
                p
            } else {
                elem_binop(BinOp::Add, &p, el).unwrap_or(Ty::Float)
            }
        });
        let any_dist = items.iter().any(|(_, _, d)| d.is_dist());
        let all_1d = items.iter().all(|(_, n, _)| *n == 1);
        let all_2d = items.iter().all(|(_, n, _)| *n == 2);
        let rows_dist = if any_dist { Dist::OneD } else { Dist::Rep };
        match name {
            "concatenate" | "hstack" if all_1d => Ty::array(elem, 1, rows_dist),
            "hstack" | "column_stack" if all_2d || name == "column_stack" => Ty::array(elem, 2, rows_dist),
            // 1D inputs become rows: their elements lie along the columns.
            "vstack" | "stack" if all_1d => Ty::array(elem, 2, Dist::Rep),
            "vstack" => Ty::array(elem, 2, rows_dist),
            "concatenate" => self.arr_error(span, "np.concatenate() of 2D arrays is not supported", "2D array"),
            "hstack" => {
                self.arr_error(span, "np.hstack() of 1D and 2D arrays together is not supported", "mixed dimensions")
            }
            _ => self.arr_error(span, "np.stack() of 2D arrays is not supported", "a 3D result"),
        }
    }

    /// Type positional and the allowed keyword arguments of `callee`, keywords appended in order.
    fn typed_args(&mut self, callee: &str, args: &[Expr], kwargs: &[Kwarg], allowed: &[&str]) -> Vec<Ty> {
        let mut tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            let t = self.expr(&kw.value);
            if allowed.contains(&kw.name.as_str()) {
                tys.push(t);
            } else {
                self.error(unexpected_kwarg(callee, kw, allowed.iter().copied()).label("not supported here"));
            }
        }
        tys
    }

    /// The number of dimensions a shape argument gives: `n` or `(n,)` is 1, `(n, m)` is 2.
    fn shape_arg(&mut self, a: &Expr) -> u8 {
        let t = self.expr(a);
        match self.shallow(&t) {
            Ty::Int | Ty::Bool => 1,
            Ty::Tuple(items) if (1..=2).contains(&items.len()) && items.iter().all(|t| t.is_intlike()) => {
                items.len() as u8
            }
            other => {
                let other = self.resolve(&other);
                self.error(
                    Diagnostic::error(
                        a.span,
                        format!("an array shape must be an int or a tuple of 1 or 2 ints, got {other}"),
                    )
                    .label("bad shape"),
                );
                1
            }
        }
    }

    /// The dtype given positionally (`np.zeros(3, np.int64)`) or as `dtype=`.
    pub(super) fn dtype_kwarg(&mut self, callee: &str, pos: Option<&Expr>, kwargs: &[Kwarg]) -> Option<Ty> {
        let mut found = None;
        for e in pos.into_iter().chain(kwargs.iter().filter(|k| k.name == "dtype").map(|k| &k.value)) {
            match dtype_of(e) {
                Some(t) => found = Some(t),
                None => {
                    self.error(
                        Diagnostic::error(e.span, "unsupported dtype")
                            .label("not a dtype bodoc supports")
                            .help("use np.int64, np.float64 or np.bool_"),
                    );
                }
            }
        }
        for kw in kwargs {
            if kw.name != "dtype" {
                self.error(unexpected_kwarg(callee, kw, ["dtype"].into_iter()).label("not supported here"));
            }
        }
        found
    }

    /// `kind=` of a sort: every algorithm NumPy names gives the same result
    /// here, because the sorts are stable (where NumPy's quicksort orders
    /// ties arbitrarily, any order it picks is a stable one's only when
    /// there are no ties). The name must be a literal NumPy knows.
    fn check_sort_kind(&mut self, kind: &Expr) {
        const KINDS: [&str; 4] = ["quicksort", "mergesort", "heapsort", "stable"];
        match &kind.kind {
            ExprKind::Const(Const::Str(k)) if KINDS.contains(&k.as_str()) => {}
            ExprKind::Const(Const::Str(k)) => self.error(
                Diagnostic::error(
                    kind.span,
                    format!("sort kind must be one of 'quick', 'heap', or 'stable' (got '{k}')"),
                )
                .label("unknown sort kind")
                .help("use \"quicksort\", \"mergesort\", \"heapsort\" or \"stable\""),
            ),
            _ => self.error(
                Diagnostic::error(kind.span, "kind= must be a string literal")
                    .label("not a literal")
                    .help("use \"quicksort\", \"mergesort\", \"heapsort\" or \"stable\""),
            ),
        }
    }

    /// `np.median(X, axis=k)` / `np.percentile(X, q, axis=k)` of a 2D array
    /// of distribution `d` (`q` the type of q): one float per column (REP)
    /// or per row (the rows' distribution).
    fn quantile_axis_ty(&mut self, name: &str, axis: &Expr, q: Option<&Ty>, d: Dist) -> Ty {
        if let Some(q) = q {
            let q = self.shallow(q);
            if !matches!(q, Ty::Int | Ty::Float) {
                let msg = format!("np.{name}() along an axis takes one number q");
                return self.arr_error(axis.span, msg, "several q at once are not supported with an axis");
            }
        }
        match const_int(axis) {
            Some(0 | -2) => Ty::array(Ty::Float, 1, Dist::Rep),
            Some(1 | -1) => Ty::array(Ty::Float, 1, d),
            Some(v) => {
                self.arr_error(axis.span, format!("axis {v} is out of bounds for array of dimension 2"), "no such axis")
            }
            None => self.arr_error(axis.span, "axis= must be an integer literal", "not a literal axis"),
        }
    }

    /// Whether the `axis=` and `kind=` of a sort of an `nd`-dimensional
    /// array ask for NumPy's default, the last axis (any kind: the results
    /// are NumPy's, ties in their original order), after reporting others.
    fn sorts_last_axis(&mut self, name: &str, kwargs: &[Kwarg], nd: u8) -> bool {
        for kw in kwargs {
            match (kw.name.as_str(), &kw.value.kind) {
                ("kind", _) => self.check_sort_kind(&kw.value),
                ("axis", _) if matches!(const_int(&kw.value), Some(v) if v == -1 || v == i64::from(nd) - 1) => {}
                ("axis", _) if const_int(&kw.value).is_none() => {
                    let msg = format!("np.{name}() along an axis that is not a constant is not supported");
                    self.arr_error(
                        kw.span,
                        msg,
                        "give the axis as a literal: axis=0 sorts each column, axis=1 each row",
                    );
                    return false;
                }
                ("axis", _) => {
                    let msg = format!("np.{name}() along another axis than the last of a {nd}D array is not supported");
                    self.arr_error(kw.span, msg, "NumPy's default, axis=-1, sorts each row");
                    return false;
                }
                _ => {
                    self.unsupported_kwarg(name, kw);
                    return false;
                }
            }
        }
        true
    }

    /// The running maximum or minimum of bools (NumPy keeps bools; not
    /// supported).
    fn running_bool_error(&mut self, span: Span, name: &str) -> Ty {
        let f = if name == "$cummax" { "maximum" } else { "minimum" };
        let msg = format!("np.{f}.accumulate() of a bool array is not supported");
        self.arr_error(span, msg, "convert it first: a.astype(np.int64)")
    }

    /// A keyword NumPy has but this compiler does not support, at the keyword.
    fn unsupported_kwarg(&mut self, name: &str, kw: &Kwarg) -> Ty {
        let mut d = Diagnostic::error(kw.span, format!("{name}() with '{}=' is not supported", kw.name))
            .label("unsupported keyword");
        if kw.name == "keepdims" {
            // The sugar in `hir/lower/keepdims.rs` took the forms it handles.
            d = d.help("keepdims=True is supported along a literal axis of a 2D array: axis=0 gives a (1, m) row, axis=1 an (n, 1) column");
        }
        self.error(d);
        Ty::Unknown
    }

    /// `np.dot(a, b)` / `a @ b`.
    pub fn dot_ty(&mut self, a: &Ty, b: &Ty, span: Span) -> Ty {
        let (a, b) = (self.shallow(a), self.shallow(b));
        let (Some((ea, na, da)), Some((eb, nb, _))) = (array_parts(&a), array_parts(&b)) else {
            return self.arr_error(span, "np.dot() and @ take two arrays", "not arrays");
        };
        let el = if ea.is_intlike() && eb.is_intlike() { Ty::Int } else { Ty::Float };
        match (na, nb) {
            (1, 1) => el,
            (2, 1) => Ty::array(el, 1, da),
            (1, 2) => Ty::array(el, 1, Dist::Rep),
            // Each row of the result is a row of `a` times all of `b`.
            _ => Ty::array(el, 2, da),
        }
    }

    /// `a.astype(dtype)` and `a.reshape(shape)`: methods whose arguments
    /// decide the result's type.
    pub fn array_method_args_ty(&mut self, e: &Expr, t: &Ty, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let Some((el, nd, d)) = array_parts(t) else { return Ty::Unknown };
        if name == "astype" {
            if args.len() != 1 || !kwargs.is_empty() {
                return self.arr_error(e.span, "astype() takes one dtype", "bad arguments");
            }
            return match self.dtype_kwarg("astype", Some(&args[0]), &[]) {
                Some(to) => Ty::array(to, nd, d),
                None => Ty::Unknown,
            };
        }
        // reshape((r, c)), reshape(r, c), reshape(n), with -1 for one unknown size.
        if let Some(kw) = kwargs.first() {
            self.expr(&kw.value);
            return self.unsupported_kwarg("reshape", kw);
        }
        let ndim = match args {
            [one] => self.shape_arg(one),
            [_, _] => {
                for a in args {
                    let t = self.expr(a);
                    self.expect(&Ty::Int, &t, a.span, "reshape()");
                }
                2
            }
            _ => return self.arr_error(e.span, "reshape() takes a shape of 1 or 2 dimensions", "bad arguments"),
        };
        // The runtime deals the new rows out in blocks.
        Ty::array(el, ndim, if d.is_dist() { Dist::OneD } else { Dist::Rep })
    }

    /// Whether `a.name(...)` is an array method `array_method_ty` types.
    pub fn is_array_method(name: &str) -> bool {
        ARRAY_METHODS.contains(&name)
    }

    /// The result of `a.name(...)` on an array (also `np.name(a)` reductions);
    /// `rest` are the positional arguments after the array (a reduction's axis).
    pub fn array_method_ty(&mut self, span: Span, t: &Ty, name: &str, rest: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let Some((el, nd, d)) = array_parts(t) else {
            let t = self.resolve(t);
            return self.arr_error(
                span,
                format!("np.{name}() of {} is not supported", article(&t)),
                "expects an array",
            );
        };
        if name == "argsort" {
            // The positions of a whole 1D array (REP), or of each row.
            if !rest.is_empty() {
                return self.arr_error(span, "argsort() takes an axis and a kind as keywords", "bad arguments");
            }
            if !self.sorts_last_axis(name, kwargs, nd) {
                return Ty::Unknown;
            }
            return Ty::array(Ty::Int, nd, if nd == 1 { Dist::Rep } else { d });
        }
        // NumPy has more keywords (`dtype=`, `out=`, ...): say which is unsupported.
        for kw in kwargs {
            if kw.name == "ddof" && matches!(name, "std" | "var") {
                let t = self.exprs[kw.value.id as usize].clone();
                self.expect(&Ty::Int, &t, kw.value.span, &format!("{name}()'s ddof"));
            } else if kw.name != "axis" || !takes_axis(name) {
                return self.unsupported_kwarg(name, kw);
            }
        }
        let axis = match (rest, kwarg(kwargs, "axis")) {
            ([a], None) if takes_axis(name) => Some(a),
            ([], a) => a,
            _ => {
                let sp = rest.first().map_or(span, |a| a.span);
                return self.arr_error(sp, format!("{name}() takes at most one axis"), "unexpected argument");
            }
        };
        if let Some(ax) = axis {
            match const_int(ax) {
                Some(v) if v >= -(nd as i64) && v < nd as i64 => {
                    if nd == 2 && is_running(name) {
                        // Running totals along either axis keep the shape and rows.
                        return match running_elem(name, &el) {
                            Some(el) => Ty::array(el, 2, d),
                            None => self.running_bool_error(span, name),
                        };
                    }
                    if nd == 2 {
                        return Ty::array(reduction_elem(name, &el), 1, if v == 0 || v == -2 { Dist::Rep } else { d });
                    }
                }
                Some(v) => {
                    return self.arr_error(
                        ax.span,
                        format!("axis {v} is out of bounds for array of dimension {nd}"),
                        "no such axis",
                    )
                }
                None => return self.arr_error(ax.span, "axis= must be an integer literal", "not a literal axis"),
            }
        }
        match name {
            n if el == Ty::Datetime && !matches!(n, "min" | "max" | "argmin" | "argmax") => self.datetime_misuse(span),
            n if REDUCTIONS.contains(&n) => reduction_elem(n, &el),
            n if NAN_AXIS_REDUCTIONS.contains(&n) => self.arr_error(
                span,
                format!("np.{n}() along an axis of a 1D array is not supported"),
                "drop the axis: without it the reduction covers the whole array",
            ),
            n if is_running(n) => match running_elem(n, &el) {
                Some(el) => Ty::array(el, 1, d),
                None => self.running_bool_error(span, n),
            },
            "copy" => Ty::array(el, nd, d),
            // `reshape(-1)`: a copy, also for `ravel` (NumPy's view is not observable
            // unless the program writes through it).
            "flatten" | "ravel" => Ty::array(el, 1, if d.is_dist() { Dist::OneD } else { Dist::Rep }),
            "tolist" if nd == 1 => Ty::list(el),
            // One list per row, as NumPy nests them.
            "tolist" => Ty::list(Ty::list(el)),
            _ => {
                self.error(
                    Diagnostic::error(span, format!("'numpy.ndarray' object has no attribute '{name}'"))
                        .label("unsupported array method")
                        .help(format!("supported array methods: {}", ARRAY_METHODS.join(", "))),
                );
                Ty::Unknown
            }
        }
    }

    /// `a.shape`, `a.size`, `a.ndim`, `a.dtype` (its name, as a str).
    pub fn array_attr(&mut self, span: Span, t: &Ty, name: &str) -> Ty {
        let Some((el, nd, _)) = array_parts(t) else { return Ty::Unknown };
        match name {
            // The transpose moves rows to columns, which are never split: REP.
            "T" => Ty::array(el, nd, Dist::Rep),
            "shape" => Ty::Tuple(vec![Ty::Int; nd as usize]),
            "size" | "ndim" => Ty::Int,
            "dtype" => Ty::Str,
            _ => self.arr_error(
                span,
                format!("'numpy.ndarray' object has no attribute '{name}'"),
                "unsupported attribute",
            ),
        }
    }

    /// `a[i]`, `a[i, j]`, `a[mask]` on an array.
    pub fn array_index(&mut self, t: &Ty, ti: &Ty, idx: &Expr) -> Ty {
        let Some((el, nd, d)) = array_parts(t) else { return Ty::Unknown };
        if let Some(rows) = self.mask_rows_part(t, idx) {
            return rows;
        }
        if idx.is_new_column() || idx.is_new_row_of_all() {
            // `v.reshape(-1, 1)` or `v.reshape(1, -1)`, whose rows the runtime deals out in blocks.
            return match nd {
                1 => Ty::array(el, 2, if d.is_dist() { Dist::OneD } else { Dist::Rep }),
                _ => self.arr_error(
                    idx.span,
                    "a new axis on a 2D array (a 3D result) is not supported",
                    "only 1D arrays become columns and rows: v[:, None], v[None, :]",
                ),
            };
        }
        if idx.has_slice_part() {
            let pair = idx.full_slice_pair();
            if let Some((_, other)) = pair {
                let ot = self.exprs[other.id as usize].clone();
                self.expect(&Ty::Int, &ot, other.span, "an array index");
            }
            let sliced_rows = if d.is_dist() { Dist::OneDVar } else { Dist::Rep };
            return match (pair, nd, sub_slices(idx)) {
                // A column keeps the rows' distribution; a row is replicated.
                (Some((0, _)), 2, _) => Ty::array(el, 1, d),
                (Some((1, _)), 2, _) => Ty::array(el, 1, Dist::Rep),
                // `A[r0:r1, c0:c1]`, `A[r0:r1, j]`: the rows sliced as `A[r0:r1]` are.
                (None, 2, Some((true, col))) => {
                    self.slice_bounds_ok(idx);
                    Ty::array(el, if col { 2 } else { 1 }, sliced_rows)
                }
                // `A[i, c0:c1]`: part of a row, replicated.
                (None, 2, Some((false, true))) => {
                    self.slice_bounds_ok(idx);
                    Ty::array(el, 1, Dist::Rep)
                }
                _ => self.arr_error(
                    idx.span,
                    format!("this slicing of an array of {nd} dimension(s) is not supported"),
                    "2D arrays support rows X[i, :] and X[lo:hi], columns X[:, j], and parts of one row or column, \
                     X[i, lo:hi] and X[lo:hi, j]",
                ),
            };
        }
        match (self.shallow(ti), nd) {
            (Ty::Int | Ty::Bool, 1) => el,
            (Ty::Int | Ty::Bool, 2) => Ty::array(el, 1, Dist::Rep),
            (Ty::Tuple(items), 2) if items.len() == 2 && items.iter().all(|t| t.is_intlike()) => el,
            // `X[rows, cols]` (an int beside an int array or list too): the
            // paired elements, replicated.
            (Ty::Tuple(items), 2) if items.len() == 2 && items.iter().all(|t| self.is_int_index_part(t)) => {
                Ty::array(el, 1, Dist::Rep)
            }
            // A 1D mask selects rows; a 2D mask of a 2D array selects elements
            // (row-major), a 1D result.
            (Ty::Array(m, mn, _), _) if *m == Ty::Bool && mn <= nd => {
                let rn = if mn == 2 { 1 } else { nd };
                Ty::array(el, rn, if d.is_dist() { Dist::OneDVar } else { Dist::Rep })
            }
            // Fancy indexing: the chosen elements (rows), replicated.
            (Ty::Array(m, 1, _) | Ty::List(m), _) if self.shallow(&m) == Ty::Int => Ty::array(el, nd, Dist::Rep),
            // An index whose type an earlier error left unknown was reported there.
            (other, _) if other.has_unknown() => Ty::Unknown,
            (other, _) => {
                let other = self.resolve(&other);
                self.arr_error(
                    idx.span,
                    format!("arrays of {nd} dimension(s) cannot be indexed by {other}"),
                    "use an int, a tuple of ints for 2D, a bool mask, an int array or list, or a slice",
                )
            }
        }
    }

    /// Whether `t` is an int, or an int array or list (a part of `X[rows, cols]`).
    fn is_int_index_part(&self, t: &Ty) -> bool {
        match self.shallow(t) {
            Ty::Array(m, 1, _) | Ty::List(m) => self.shallow(&m) == Ty::Int,
            s => s.is_intlike(),
        }
    }

    /// Checks the parts of a 2D index tuple with a slice: the slices' bounds
    /// and the plain index are ints.
    fn slice_bounds_ok(&mut self, idx: &Expr) {
        let ExprKind::Tuple(items) = &idx.kind else { return };
        for it in items {
            let parts: Vec<&Expr> = match &it.kind {
                ExprKind::SliceBounds(lo, hi, st) => [lo, hi, st].into_iter().flatten().map(|b| &**b).collect(),
                _ => vec![it],
            };
            for p in parts {
                let t = self.exprs[p.id as usize].clone();
                self.expect(&Ty::Int, &t, p.span, "an array index");
            }
        }
    }

    /// `a[i] = v`, `a[i, j] = v`, `a[:, j] = v`, `a[i, :] = v`, `a[mask] = v`,
    /// `a[idx] = v`, `a[lo:hi:st] = v`, `A[r0:r1, c0:c1] = v` with a scalar
    /// `v`, and `a[lo:hi:st] = b`, `a[:, j] = b`, `a[i, :] = b`, `a[idx] = b`,
    /// `A[r0:r1, c0:c1] = b` with an array `b`.
    pub fn array_setitem(&mut self, t: &Ty, idx: &Expr, v: &Ty, span: Span) {
        let Some((el, nd, _)) = array_parts(t) else { return };
        // Rewritten to a write through the view `X[:, k]`, checked then.
        if self.mask_rows_part(t, idx).is_some() {
            return;
        }
        let ok_index = match &idx.kind {
            ExprKind::SliceBounds(..) => true,
            // `X[1:3, 0:2] = v`, `X[1:, j] = v`, `X[i, 1:] = v`: a number.
            _ if nd == 2 && idx.full_slice_pair().is_none() && sub_slices(idx).is_some() => {
                self.slice_bounds_ok(idx);
                true
            }
            // `X[:, j] = v`, `X[i, :] = v`
            _ if nd == 2 && idx.full_slice_pair().is_some() => {
                let (_, k) = idx.full_slice_pair().unwrap();
                let tk = self.exprs[k.id as usize].clone();
                self.shallow(&tk).is_intlike()
            }
            _ => {
                let ti = self.exprs[idx.id as usize].clone();
                match (self.shallow(&ti), nd) {
                    (Ty::Int | Ty::Bool, 1) => true,
                    (Ty::Tuple(items), 2) => items.len() == 2 && items.iter().all(|t| t.is_intlike()),
                    (Ty::Array(m, mn, _), _) if *m == Ty::Bool => mn <= nd,
                    (Ty::Array(m, 1, _) | Ty::List(m), _) => self.shallow(&m) == Ty::Int,
                    _ => false,
                }
            }
        };
        if !ok_index {
            self.error(
                Diagnostic::error(idx.span, "unsupported array assignment index")
                    .label("use an int, a tuple of ints for 2D, a bool mask, an int array or list, or a slice"),
            );
            return;
        }
        let vt = self.shallow(v);
        // `a[lo:hi] = b`: rows of an array of the same element kind or
        // narrower; `X[:, j] = b`, `X[i, :] = b`: a line of a 1D array.
        // `a[idx] = b`: one value of a 1D array per index.
        let line = nd == 2 && idx.full_slice_pair().is_some();
        let slice = matches!(idx.kind, ExprKind::SliceBounds(..)) || (nd == 2 && sub_slices(idx).is_some());
        let fancy = match self.shallow(&self.exprs[idx.id as usize].clone()) {
            Ty::Array(m, 1, _) | Ty::List(m) => !slice && self.shallow(&m) == Ty::Int,
            _ => false,
        };
        if let (true, Ty::Array(ve, vn, _)) = (slice || line || fancy, &vt) {
            let el_fits = **ve == el || el == Ty::Float || (**ve == Ty::Bool && el == Ty::Int);
            let most = if line || fancy { 1 } else { nd };
            if fancy && nd == 2 {
                self.error(
                    Diagnostic::error(span, "storing an array in rows chosen by an index array is not supported")
                        .label("store a number, or assign the rows one by one"),
                );
            } else if !el_fits || *vn > most {
                let vt = self.resolve(&vt);
                self.error(
                    Diagnostic::error(
                        span,
                        format!("cannot store {} in a slice of {}", article(&vt), Ty::array(el, nd, Dist::Rep)),
                    )
                    .label("the values must be an array of the same or a narrower element type"),
                );
            }
            return;
        }
        let fits = vt.is_numeric() && (el == Ty::Float || vt.is_intlike() && el != Ty::Bool || vt == Ty::Bool);
        if !fits && vt != Ty::Unknown {
            let vt = self.resolve(&vt);
            self.error(
                Diagnostic::error(
                    span,
                    format!("cannot store {} in an array of {}", article(&vt), Ty::array(el, nd, Dist::Rep)),
                )
                .label("only scalars of the array's type (or narrower) can be stored"),
            );
        }
    }

    /// `bodo.gatherv`, `allgatherv`, `scatterv`, `rebalance`, `parallel_print`, `get_nodes_first_ranks`.
    pub fn bodo_parallel_call(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Option<Ty> {
        let callee = format!("bodo.{name}");
        let t = match name {
            "gatherv" | "allgatherv" | "scatterv" | "rebalance" => {
                let allowed: &[&str] = match name {
                    "gatherv" => &["allgather", "warn_if_rep", "root"],
                    "rebalance" => &["dests"],
                    _ => &[],
                };
                let tys = self.typed_args(&callee, args, kwargs, allowed);
                let Some(t) = tys.first().map(|t| self.shallow(t)) else {
                    return Some(self.arr_error(e.span, format!("bodo.{name}() takes an array"), "missing argument"));
                };
                let d = match name {
                    // Jit code that works on whole arrays (distributed=False,
                    // a sequential instance) keeps them whole.
                    "gatherv" | "allgatherv" => Dist::Rep,
                    _ if self.whole_arrays_jit() => Dist::Rep,
                    "scatterv" => Dist::OneD,
                    _ if kwarg(kwargs, "dests").is_some() => Dist::OneDVar,
                    _ => Dist::OneD,
                };
                // A frame or series moves as its arrays.
                if let frame @ (Ty::Frame(_) | Ty::Series(_)) = self.resolve(&t) {
                    if crate::types::pandas_groupby::grouped(&frame).is_none() {
                        return Some(frame.with_dist(d));
                    }
                }
                let Some((el, nd, _)) = array_parts(&t) else {
                    let t = self.resolve(&t);
                    return Some(self.arr_error(
                        args[0].span,
                        format!("bodo.{name}() of {} is not supported", article(&t)),
                        "expects an array",
                    ));
                };
                Ty::array(el, nd, d)
            }
            "parallel_print" => {
                self.print_args(&callee, args, kwargs);
                Ty::None
            }
            "get_nodes_first_ranks" => {
                self.typed_args(&callee, args, kwargs, &[]);
                self.forbid_sequential_collective(e, name);
                Ty::array(Ty::Int, 1, Dist::Rep)
            }
            _ => return None,
        };
        Some(t)
    }

    /// A jit function passing a replicated array to a parameter its callee
    /// declares `distributed=` / `distributed_block=` contradicts the flag
    /// (Bodo reports it too): the data is whole on every rank, so splitting
    /// it silently would hide a mistake. Driver code may (spawn mode splits
    /// its arguments).
    pub fn check_distributed_flags(
        &mut self,
        e: &Expr,
        callee: FuncId,
        binding: &[ArgSrc],
        args: &[Expr],
        kwargs: &[Kwarg],
        tys: &[Ty],
    ) {
        let f = &self.prog.funcs[callee as usize];
        let (Some(o), false) = (&f.jit, self.in_driver()) else { return };
        for ((b, p), t) in binding.iter().zip(&f.params).zip(tys) {
            let flagged = o.distributed.iter().chain(&o.distributed_block).any(|n| *n == p.name);
            if !flagged || !matches!(self.shallow(t), Ty::Array(_, _, Dist::Rep)) {
                continue;
            }
            let span = match b {
                ArgSrc::Positional(i) | ArgSrc::Item(i, _) | ArgSrc::ListItem(i, _) => args[*i].span,
                ArgSrc::Keyword(i) | ArgSrc::Field(i, _) => kwargs[*i].value.span,
                ArgSrc::Default(_) | ArgSrc::Star(_) => e.span,
                ArgSrc::Key(i) => kwargs[*i].span,
            };
            self.error(
                Diagnostic::error(span, format!("replicated array passed to distributed parameter '{}' of '{}'", p.name, f.name))
                    .label("this array is REP here")
                    .help(format!(
                        "make it distributed where it is created (e.g. not from a list, not replicated=), or pass bodo.scatterv(...) to '{}'",
                        f.name
                    )),
            );
        }
    }

    /// Array types of a jit function's parameters after its flags: `distributed=`
    /// (and spawn-mode driver arguments) make them distributed, `replicated=`
    /// and `distributed=False` (and sequential instances) replicated.
    pub fn param_dists(&self, callee: FuncId, args: Vec<Ty>, sequential: bool) -> Vec<Ty> {
        let f = &self.prog.funcs[callee as usize];
        // In spawn mode driver code hands whole arrays to jit functions, which split them.
        let caller_is_driver = self.in_driver() && !self.spmd;
        let Some(o) = f.jit.as_ref().filter(|_| !sequential) else {
            return args.into_iter().map(|t| t.with_dist(Dist::Rep)).collect();
        };
        let accumulated = crate::hir::reductions::accumulated_params(f);
        args.into_iter()
            .zip(&f.params)
            .map(|(t, p)| {
                let name = p.name.as_str();
                let promised = o.distributed.iter().chain(&o.distributed_block).any(|r| r == name);
                if o.distributed_false
                    || o.replicated.iter().any(|r| r == name)
                    || (accumulated.contains(&p.local) && !promised && matches!(t, Ty::Array(..)))
                {
                    t.with_dist(Dist::Rep)
                } else if o.distributed_block.iter().any(|r| r == name) {
                    t.with_dist(Dist::OneD)
                } else if let Ty::Array(_, _, Dist::Rep) = t {
                    if caller_is_driver || o.distributed.iter().any(|r| r == name) {
                        t.with_dist(Dist::OneD)
                    } else {
                        t
                    }
                } else {
                    t
                }
            })
            .collect()
    }
}

/// The type of `a op b` when one side is an array (no diagnostics; for lowering).
pub fn elementwise_ty(op: BinOp, a: &Ty, b: &Ty) -> Ty {
    let part = |t: &Ty| match t {
        Ty::Array(e, n, d) => ((**e).clone(), *n, *d),
        s => (s.clone(), 0, Dist::OneD),
    };
    let ((ea, na, da), (eb, nb, db)) = (part(a), part(b));
    let (n, d) = broadcast(&[(na, da), (nb, db)]);
    Ty::array(elem_binop(op, &ea, &eb).unwrap_or(Ty::Float), n, d)
}

/// For a 2D index tuple `(r, c)`, whether each part is a slice, when one
/// of them is (`A[1:3, 0:2]`, `A[1:, j]`, `A[i, 1:]`).
pub fn sub_slices(idx: &Expr) -> Option<(bool, bool)> {
    let ExprKind::Tuple(items) = &idx.kind else { return None };
    let is_slice = |e: &Expr| matches!(e.kind, ExprKind::SliceBounds(..));
    match items.as_slice() {
        [r, c] if (is_slice(r) || is_slice(c)) && !r.is_new_axis() && !c.is_new_axis() => {
            Some((is_slice(r), is_slice(c)))
        }
        _ => None,
    }
}
