//! Typing of calls: user functions (with argument binding and
//! specialization), Python builtins, methods, module functions (`math`,
//! `time`, `bodo`) and exception constructors.

use super::arrays::REDUCTIONS;
use super::infer::{is_negative_const, ArgSrc, Infer};
use super::methods::{self, Recv};
use super::spread::Spread;
use super::ty::{article, py_name, Ty};
use crate::diagnostics::{plural, Diagnostic, Span};
use crate::hir::suggest::similar_name;
use crate::hir::*;

/// `math` functions of floats returning a float: name, argument count and
/// the runtime function (typing and lowering both read this table).
pub const MATH_FLOAT: &[(&str, usize, &str)] = &[
    ("sqrt", 1, "bodo_math_sqrt"),
    ("exp", 1, "bodo_math_exp"),
    ("log10", 1, "bodo_math_log10"),
    ("log2", 1, "bodo_math_log2"),
    ("sin", 1, "bodo_math_sin"),
    ("cos", 1, "bodo_math_cos"),
    ("tan", 1, "bodo_math_tan"),
    ("asin", 1, "bodo_math_asin"),
    ("acos", 1, "bodo_math_acos"),
    ("atan", 1, "bodo_math_atan"),
    ("sinh", 1, "bodo_math_sinh"),
    ("cosh", 1, "bodo_math_cosh"),
    ("tanh", 1, "bodo_math_tanh"),
    ("fabs", 1, "bodo_math_fabs"),
    ("log1p", 1, "bodo_math_log1p"),
    ("expm1", 1, "bodo_math_expm1"),
    ("degrees", 1, "bodo_math_degrees"),
    ("radians", 1, "bodo_math_radians"),
    ("asinh", 1, "bodo_math_asinh"),
    ("acosh", 1, "bodo_math_acosh"),
    ("atanh", 1, "bodo_math_atanh"),
    ("cbrt", 1, "bodo_math_cbrt"),
    ("exp2", 1, "bodo_math_exp2"),
    ("erf", 1, "bodo_math_erf"),
    ("erfc", 1, "bodo_math_erfc"),
    ("atan2", 2, "bodo_math_atan2"),
    ("pow", 2, "bodo_math_pow"),
    ("hypot", 2, "bodo_math_hypot"),
    ("fmod", 2, "bodo_math_fmod"),
    ("copysign", 2, "bodo_math_copysign"),
];

/// The entry of `math.name` in [`MATH_FLOAT`].
pub fn math_float(name: &str) -> Option<&'static (&'static str, usize, &'static str)> {
    MATH_FLOAT.iter().find(|(n, _, _)| *n == name)
}
/// `math` functions of ints returning an int, with their argument counts.
pub const MATH_INT: &[(&str, usize)] =
    &[("gcd", 2), ("lcm", 2), ("factorial", 1), ("isqrt", 1), ("comb", 2), ("perm", 2)];

impl Infer<'_> {
    pub fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        match &func.kind {
            ExprKind::Func(f) => self.user_call(e, *f, args, kwargs),
            ExprKind::Builtin(b) => self.builtin_call(e, *b, args, kwargs),
            ExprKind::ModAttr(m, name) => self.module_call(e, *m, name, args, kwargs),
            ExprKind::ExcClass(_) => {
                for a in args {
                    self.expr(a);
                }
                if !kwargs.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, "exceptions take no keyword arguments").label("keyword argument"),
                    );
                }
                Ty::Exc
            }
            _ => {
                let t = self.expr(func);
                if t != Ty::Unknown {
                    let t = self.resolve(&t);
                    self.error(
                        Diagnostic::error(func.span, format!("'{}' object is not callable", py_name(&t)))
                            .label(format!("this is {}", article(&t))),
                    );
                }
                for a in args {
                    self.expr(a);
                }
                Ty::Unknown
            }
        }
    }

    fn user_call(&mut self, e: &Expr, f: FuncId, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        let prog = self.prog;
        let func = &prog.funcs[f as usize];
        let arg_tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let kw_tys: Vec<Ty> = kwargs.iter().map(|k| self.expr(&k.value)).collect();
        let Some(spread) = self.spread(func, args, &arg_tys, kwargs, &kw_tys) else {
            return Ty::Unknown;
        };
        let Some(binding) = self.bind_args(func, &spread, e.span) else {
            return Ty::Unknown;
        };
        let mut tys = Vec::new();
        for (b, p) in binding.iter().zip(&func.params) {
            tys.push(match self.source_ty(b, p, (args, &arg_tys), (kwargs, &kw_tys)) {
                Some(t) => t,
                None => return Ty::Unknown,
            });
        }
        if tys.iter().any(|t| t.has_unknown()) {
            return Ty::Unknown;
        }
        self.check_distributed_flags(e, f, &binding, args, kwargs, &tys);
        let sequential = self.calls_sequential();
        let tys = self.param_dists(f, tys, sequential);
        if self.too_many_instances(f) && !self.has_instance(f, &tys, sequential) {
            self.error(
                Diagnostic::error(e.span, format!("too many specializations of '{}'", func.name))
                    .label("called with ever-new argument types")
                    .help("call the function with arguments of fixed types"),
            );
            return Ty::Unknown;
        }
        let id = self.instance(f, tys, sequential);
        self.calls.insert(e.id, (id, binding));
        self.insts[id as usize].ret.clone()
    }

    fn has_instance(&self, f: FuncId, tys: &[Ty], sequential: bool) -> bool {
        let tys: Vec<Ty> = tys.iter().map(|t| self.resolve_keep_vars(t)).collect();
        self.insts.iter().any(|i| i.func == f && i.args == tys && i.sequential == sequential)
    }

    /// Match positional and keyword arguments to parameters, Python's way.
    fn bind_args(&mut self, func: &Func, args: &Spread, span: Span) -> Option<Vec<ArgSrc>> {
        let npos = args.pos.len();
        let star = func.params.iter().position(|p| p.star);
        // Positional arguments fill the parameters before `*args` (all of them without it).
        let n = star.unwrap_or(func.params.len());
        if npos > n && star.is_none() {
            self.error(
                Diagnostic::error(
                    span,
                    format!("{}() takes {n} positional argument{} but {npos} were given", func.name, plural(n)),
                )
                .label("too many arguments")
                .with_secondary(func.span, "defined here"),
            );
            return None;
        }
        let mut out: Vec<Option<ArgSrc>> =
            (0..func.params.len()).map(|i| (i < npos.min(n)).then(|| args.pos[i].clone())).collect();
        if let Some(s) = star {
            out[s] = Some(ArgSrc::Star((n..npos).collect()));
        }
        for (name, kw_span, src) in &args.kws {
            match func.params.iter().position(|p| p.name == *name && !p.star) {
                Some(i) if out[i].is_some() => {
                    self.error(
                        Diagnostic::error(
                            *kw_span,
                            format!("{}() got multiple values for argument '{name}'", func.name),
                        )
                        .label("given twice"),
                    );
                    return None;
                }
                Some(i) => out[i] = Some(src.clone()),
                None => {
                    let params = func.params.iter().map(|p| p.name.as_str());
                    self.error(
                        unexpected_kwarg_at(&func.name, name, *kw_span, params)
                            .label("no such parameter")
                            .with_secondary(func.span, "defined here"),
                    );
                    return None;
                }
            }
        }
        let mut missing = Vec::new();
        for (i, p) in func.params.iter().enumerate() {
            if out[i].is_none() {
                // What a dict or list spread does not give, it checks at run time.
                match (&p.default, args.dict, args.list) {
                    (_, Some(k), _) => out[i] = Some(ArgSrc::Key(k)),
                    (_, _, Some(a)) => out[i] = Some(ArgSrc::ListItem(a, i - npos)),
                    (Some(c), None, None) => out[i] = Some(ArgSrc::Default(c.clone())),
                    (None, None, None) => missing.push(format!("'{}'", p.name)),
                }
            }
        }
        if !missing.is_empty() {
            self.error(
                Diagnostic::error(
                    span,
                    format!(
                        "{}() missing {} required positional argument{}: {}",
                        func.name,
                        missing.len(),
                        plural(missing.len()),
                        missing.join(" and ")
                    ),
                )
                .label("missing arguments")
                .with_secondary(func.span, "defined here"),
            );
            return None;
        }
        Some(out.into_iter().flatten().collect())
    }

    fn arity(&mut self, e: &Expr, name: &str, args: &[Expr], min: usize, max: usize) -> bool {
        if args.len() < min || args.len() > max {
            let want = if min == max { format!("{min}") } else { format!("{min} to {max}") };
            self.error(
                Diagnostic::error(
                    e.span,
                    format!("{name}() takes {want} argument{} ({} given)", plural(max), args.len()),
                )
                .label("wrong number of arguments"),
            );
            return false;
        }
        true
    }

    /// The item type of one row of `zip(*rows)`: every column is a tuple
    /// of one item type, so the rows must be lists, or tuples of one type.
    fn zip_row_item(&mut self, row: &Ty, span: Span) -> Ty {
        match self.shallow(row) {
            Ty::List(e) | Ty::VarTuple(e) => *e,
            Ty::Unknown => Ty::Unknown,
            // A string's items are its characters.
            Ty::Str => Ty::Str,
            Ty::Tuple(items) => self.join_items(&items, false).unwrap_or_else(|| {
                let row = self.resolve(row);
                self.error(
                    Diagnostic::error(span, "zip(*rows) of rows of mixed types is not supported")
                        .label(format!("each row is a {row}, so the columns differ in type"))
                        .help("take each column by itself: `names = [r[0] for r in rows]`"),
                );
                Ty::Unknown
            }),
            other => {
                let other = self.resolve(&other);
                self.error(
                    Diagnostic::error(span, format!("zip(*rows) of rows of type {other} is not supported"))
                        .label("rows must be lists, tuples or strings")
                        .help("convert each row with list(...)"),
                );
                Ty::Unknown
            }
        }
    }

    pub(super) fn no_kwargs(&mut self, name: &str, kwargs: &[Kwarg], allowed: &[&str]) {
        for kw in kwargs {
            if !allowed.contains(&kw.name.as_str()) {
                self.error(unexpected_kwarg(name, kw, allowed.iter().copied()).label("not supported"));
            }
        }
    }

    /// The arguments of `print` and `bodo.parallel_print`: any values,
    /// `sep`/`end` strings and `file=sys.stdout`/`sys.stderr` (a stream is
    /// no value of its own, so it is only named).
    pub(super) fn print_args(&mut self, name: &str, args: &[Expr], kwargs: &[Kwarg]) {
        for a in args {
            self.expr(a);
        }
        self.no_kwargs(name, kwargs, &["sep", "end", "flush", "file"]);
        for kw in kwargs {
            if kw.name == "file" {
                if kw.value.print_stream().is_none() {
                    self.error(
                        Diagnostic::error(
                            kw.value.span,
                            format!("{name}() can only write to sys.stdout or sys.stderr"),
                        )
                        .label("another stream")
                        .help("bodoc programs do not write files; print to stdout or stderr"),
                    );
                }
                continue;
            }
            let t = self.expr(&kw.value);
            if kw.name != "flush" {
                self.expect(&Ty::optional(Ty::Str), &t, kw.value.span, "print's sep/end");
            }
        }
    }

    fn builtin_call(&mut self, e: &Expr, b: Builtin, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        use Builtin::*;
        let name = b.name();
        match b {
            Print => {
                self.print_args(name, args, kwargs);
                Ty::None
            }
            Len => {
                self.no_kwargs(name, kwargs, &[]);
                if self.arity(e, name, args, 1, 1) && args[0].is_range_call() {
                    // len(range(...)): arithmetic on the bounds, checked as for a loop.
                    self.iter_elem(&args[0]);
                } else if self.arity(e, name, args, 1, 1) {
                    let t = self.expr(&args[0]);
                    let t = self.content(&args[0], t, || "object of type 'NoneType' has no len()".to_string());
                    if let Ty::Frame(_) | Ty::Series(_) = self.top(&t) {
                        return self.frame_len();
                    }
                    match self.shallow(&t) {
                        Ty::Pivot(_)
                        | Ty::Str
                        | Ty::List(_)
                        | Ty::Tuple(_)
                        | Ty::VarTuple(_)
                        | Ty::Dict(..)
                        | Ty::Record(_)
                        | Ty::Set(_)
                        | Ty::Array(..)
                        | Ty::Unknown => {}
                        other => {
                            let other = self.resolve(&other);
                            self.error(
                                Diagnostic::error(
                                    args[0].span,
                                    format!("object of type '{}' has no len()", py_name(&other)),
                                )
                                .label(format!("this is {}", article(&other))),
                            );
                        }
                    }
                }
                Ty::Int
            }
            Abs => {
                if !self.arity(e, name, args, 1, 1) {
                    return Ty::Unknown;
                }
                let t = self.expr(&args[0]);
                let t = self.content(&args[0], t, || "bad operand type for abs(): 'NoneType'".to_string());
                match t {
                    Ty::Bool => Ty::Int,
                    Ty::Int | Ty::Float | Ty::Unknown => t,
                    Ty::Array(el, n, d) if *el != Ty::Bool => Ty::Array(el, n, d),
                    other => {
                        self.error(
                            Diagnostic::error(
                                args[0].span,
                                format!("bad operand type for abs(): '{}'", py_name(&other)),
                            )
                            .label(format!("this is {}", article(&other))),
                        );
                        Ty::Unknown
                    }
                }
            }
            Min | Max => {
                self.no_kwargs(name, kwargs, if args.len() == 1 { &["default"] } else { &[] });
                if args.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, format!("{name} expected at least 1 argument, got 0"))
                            .label("no arguments"),
                    );
                    return Ty::Unknown;
                }
                if args.len() == 1 {
                    let el = self.iter_elem(&args[0]);
                    return match kwarg(kwargs, "default") {
                        Some(d) => self.min_max_default(name, el, d),
                        None => el,
                    };
                }
                let mut acc = Ty::Unknown;
                let sym = if b == Min { "<" } else { ">" };
                for a in args {
                    let t = self.expr(a);
                    let n = self.content_name(&t);
                    let t = self
                        .content(a, t, || format!("'{sym}' not supported between instances of 'NoneType' and '{n}'"));
                    match self.join(&acc, &t, true) {
                        Some(j) => acc = j,
                        None => {
                            let (x, y) = (self.resolve(&acc), self.resolve(&t));
                            self.error(
                                Diagnostic::error(a.span, format!("{name}() of {} and {}", article(&x), article(&y)))
                                    .label("cannot compare these"),
                            );
                        }
                    }
                }
                acc
            }
            Sum => self.numeric_fold(e, name, args, kwargs),
            Int | Float | Str | Bool | Repr => {
                self.no_kwargs(name, kwargs, &[]);
                let result = match b {
                    Int => Ty::Int,
                    Float => Ty::Float,
                    Str | Repr => Ty::Str,
                    _ => Ty::Bool,
                };
                if args.is_empty() {
                    return result;
                }
                if b == Int && args.len() == 2 {
                    // int(s, base)
                    let (s, base) = (self.expr(&args[0]), self.expr(&args[1]));
                    self.expect(&Ty::Str, &s, args[0].span, "int() with a base");
                    self.expect(&Ty::Int, &base, args[1].span, "int() base");
                    return result;
                }
                if !self.arity(e, name, args, 1, 1) {
                    return result;
                }
                let t = self.expr(&args[0]);
                if matches!(b, Int | Float) && !matches!(t, Ty::Int | Ty::Float | Ty::Bool | Ty::Str | Ty::Unknown) {
                    let t = self.resolve(&t);
                    self.error(
                        Diagnostic::error(
                            args[0].span,
                            format!("{name}() argument must be a string or a real number, not '{}'", py_name(&t)),
                        )
                        .label(format!("this is {}", article(&t))),
                    );
                }
                result
            }
            List | Set | Sorted | Tuple => {
                self.no_kwargs(name, kwargs, if b == Sorted { &["reverse"] } else { &[] });
                for kw in kwargs {
                    let t = self.expr(&kw.value);
                    self.expect(&Ty::Bool, &t, kw.value.span, "reverse=");
                }
                if args.is_empty() && b != Sorted {
                    let v = self.site_var(e.id, 0);
                    return match b {
                        Set => Ty::set(v),
                        Tuple => Ty::Tuple(Vec::new()),
                        _ => Ty::list(v),
                    };
                }
                if !self.arity(e, name, args, 1, 1) {
                    return Ty::Unknown;
                }
                let lazy = matches!(&args[0].kind, ExprKind::Call { func, .. }
                    if matches!(func.kind, ExprKind::Builtin(Range | Enumerate | Zip | Reversed)));
                if b == Tuple && !lazy {
                    let t = self.expr(&args[0]);
                    if let Ty::Tuple(_) | Ty::VarTuple(_) = t {
                        return t;
                    }
                    // Any other iterable's length is only known at run time.
                    return Ty::VarTuple(Box::new(self.elem_of_iterable(&t, args[0].span)));
                }
                let el = self.iter_elem(&args[0]);
                if b == Tuple {
                    Ty::VarTuple(Box::new(el))
                } else if b == Set {
                    Ty::set(el)
                } else {
                    Ty::list(el)
                }
            }
            Dict => {
                self.no_kwargs(name, kwargs, &[]);
                if args.len() == 1 {
                    // dict(d): a shallow copy.
                    let t = self.expr(&args[0]);
                    // Unknown: the argument's type is found in a later round.
                    if let Ty::Dict(..) | Ty::Record(_) | Ty::Unknown = t {
                        return t;
                    }
                    // dict(pairs) of any iterable of 2-tuples.
                    if let Ty::Tuple(kv) = self.iter_elem(&args[0]) {
                        if let [k, v] = kv.as_slice() {
                            return Ty::dict(k.clone(), v.clone());
                        }
                    }
                }
                if !args.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, "dict() of this argument is not supported")
                            .label("not a dict or an iterable of (key, value) pairs")
                            .help("use a dict literal or a dict comprehension"),
                    );
                }
                Ty::dict(self.site_var(e.id, 0), self.site_var(e.id, 1))
            }
            Range | Enumerate | Zip | Reversed => {
                if b == Reversed && args.len() == 1 {
                    // reversed(xs) as a value (joined, sorted, listed): a
                    // reversed list of what iterating it gives.
                    let t = self.expr(&args[0]);
                    if let Ty::List(_) = self.shallow(&t) {
                        return t;
                    }
                    return Ty::list(self.iter_elem(e));
                }
                let help = if b == Range {
                    // The direct uses `len`, indexing, `in` and unpacking handle (lower_range).
                    "use it in a for loop or comprehension, with len(), [i] or `in`, or wrap it: list(range(...))"
                        .to_string()
                } else {
                    format!("use it in a for loop or comprehension, or wrap it: list({name}(...))")
                };
                self.error(
                    Diagnostic::error(e.span, format!("{name}() can only be iterated directly"))
                        .label("used as a value")
                        .help(help),
                );
                Ty::Unknown
            }
            Round => {
                if !self.arity(e, name, args, 1, 2) {
                    return Ty::Unknown;
                }
                let t = self.expr(&args[0]);
                self.expect(&Ty::Float, &t, args[0].span, "round()");
                if args.len() == 2 {
                    let n = self.expr(&args[1]);
                    self.expect(&Ty::Int, &n, args[1].span, "round()'s ndigits");
                    if t.is_intlike() {
                        Ty::Int
                    } else {
                        Ty::Float
                    }
                } else {
                    Ty::Int
                }
            }
            Isinstance => {
                if self.arity(e, name, args, 2, 2) {
                    self.expr(&args[0]);
                }
                Ty::Bool
            }
            Ord => {
                if self.arity(e, name, args, 1, 1) {
                    let t = self.expr(&args[0]);
                    self.expect(&Ty::Str, &t, args[0].span, "ord()");
                }
                Ty::Int
            }
            Chr => {
                if self.arity(e, name, args, 1, 1) {
                    let t = self.expr(&args[0]);
                    self.expect(&Ty::Int, &t, args[0].span, "chr()");
                }
                Ty::Str
            }
            // CPython's hash of any value; the runtime raises TypeError for
            // an unhashable one, as CPython does.
            Hash => {
                if self.arity(e, name, args, 1, 1) {
                    self.expr(&args[0]);
                }
                Ty::Int
            }
            Any | All => {
                if self.arity(e, name, args, 1, 1) {
                    self.iter_elem(&args[0]);
                }
                Ty::Bool
            }
            TypeName => {
                let t = self.expr(&args[0]);
                if matches!(self.resolve(&t), Ty::Optional(_)) {
                    self.error(
                        Diagnostic::error(args[0].span, "type(x).__name__ of a value that may be None")
                            .label("may be None")
                            .help("check `x is None` first"),
                    );
                }
                Ty::Str
            }
            DictMerge => self.dict_merge(e, args),
            // The tuple itself; a user call binds its items (types/spread.rs).
            Spread => self.expr(&args[0]),
            ZipRows => {
                let rows = self.expr(&args[0]);
                let row = self.elem_of_iterable(&rows, args[0].span);
                Ty::list(Ty::VarTuple(Box::new(self.zip_row_item(&row, args[0].span))))
            }
            Divmod | Pow => {
                if !self.arity(e, name, args, 2, if b == Pow { 3 } else { 2 }) {
                    return Ty::Unknown;
                }
                let a = self.expr(&args[0]);
                let c = self.expr(&args[1]);
                if args.len() == 3 {
                    // pow(base, exp, mod): ints only.
                    let m = self.expr(&args[2]);
                    for (x, t) in args.iter().zip([&a, &c, &m]) {
                        self.expect(&Ty::Int, t, x.span, "pow() with 3 arguments");
                    }
                    return Ty::Int;
                }
                if b == Pow && a.is_intlike() && c.is_intlike() && is_negative_const(&args[1]) {
                    return Ty::Float;
                }
                let op = if b == Divmod { BinOp::FloorDiv } else { BinOp::Pow };
                let t = self.binop(op, &a, &c, e.span);
                if b == Divmod {
                    Ty::Tuple(vec![t.clone(), t])
                } else {
                    t
                }
            }
        }
    }

    /// `sum(xs, start)` and `math.prod(xs, start=)`: the element type of
    /// `xs` joined with the start's (bool counts as int), a number.
    fn numeric_fold(&mut self, e: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        self.no_kwargs(name, kwargs, &["start"]);
        if args.is_empty() {
            self.error(
                Diagnostic::error(e.span, format!("{name}() takes at least 1 positional argument (0 given)"))
                    .label("no arguments"),
            );
            return Ty::Unknown;
        }
        let el = self.iter_elem(&args[0]);
        let el = self.shallow(&el);
        let mut t = match el {
            Ty::Bool => Ty::Int,
            other => other,
        };
        for s in args.iter().skip(1).chain(kwargs.iter().map(|k| &k.value)) {
            let st = self.expr(s);
            t = self.join(&t, &st, true).unwrap_or(Ty::Unknown);
        }
        if !matches!(t, Ty::Int | Ty::Float | Ty::Unknown) {
            let t = self.resolve(&t);
            let d = Diagnostic::error(args[0].span, format!("{name}() of {t} values is not supported"))
                .label("not numbers");
            let help = match t {
                Ty::Str => Some("for strings use \"\".join(...)"),
                Ty::List(_) | Ty::Tuple(_) | Ty::VarTuple(_) => {
                    Some("to concatenate, flatten with a comprehension: `[v for row in rows for v in row]`")
                }
                _ => None,
            };
            self.error(match help.filter(|_| name == "sum") {
                Some(h) => d.help(h),
                None => d,
            });
            return Ty::Unknown;
        }
        t
    }

    fn module_call(&mut self, e: &Expr, m: Module, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if m == Module::Numpy {
            if let Some(t) = self.series_ufunc(name, args).or_else(|| self.frame_round(name, args, kwargs)) {
                return t;
            }
            let displays = args.iter().filter(|a| matches!(a.kind, ExprKind::List(_) | ExprKind::Comp { .. }));
            self.np_operands.extend(displays.map(|a| a.id));
            return self.numpy_call(e, name, args, kwargs);
        }
        if m == Module::Pandas {
            return self.pandas_call(e, name, args, kwargs);
        }
        if m == Module::Bodo {
            if let Some(t) = self.bodo_parallel_call(e, name, args, kwargs) {
                return t;
            }
        }
        if (m, name) == (Module::Math, "prod") {
            // Keyword-only start, as in CPython: math.prod(iterable, /, *, start=1).
            if !self.arity(e, name, args, 1, 1) {
                return Ty::Unknown;
            }
            return self.numeric_fold(e, "math.prod", args, kwargs);
        }
        let tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        let allowed: &[&str] = if (m, name) == (Module::Math, "isclose") { &["rel_tol", "abs_tol"] } else { &[] };
        self.no_kwargs(name, kwargs, allowed);
        for k in kwargs.iter().filter(|_| !allowed.is_empty()) {
            let t = self.expr(&k.value);
            self.expect(&Ty::Float, &t, k.value.span, &format!("math.isclose() {}=", k.name));
        }
        let float_args = |inf: &mut Self, n: usize| {
            if inf.arity(e, name, args, n, n) {
                for (a, t) in args.iter().zip(&tys) {
                    inf.expect(&Ty::Float, t, a.span, &format!("{}.{name}()", m.name()));
                }
            }
        };
        match (m, name) {
            (Module::Math, n) if math_float(n).is_some() => {
                float_args(self, math_float(n).map_or(1, |f| f.1));
                Ty::Float
            }
            (Module::Math, "log") => {
                if self.arity(e, name, args, 1, 2) {
                    for (a, t) in args.iter().zip(&tys) {
                        self.expect(&Ty::Float, t, a.span, "math.log()");
                    }
                }
                Ty::Float
            }
            (Module::Math, "floor" | "ceil" | "trunc") => {
                float_args(self, 1);
                Ty::Int
            }
            (Module::Math, "isnan" | "isinf" | "isfinite") => {
                float_args(self, 1);
                Ty::Bool
            }
            (Module::Math, "isclose") => {
                float_args(self, 2);
                Ty::Bool
            }
            (Module::Math, n) if MATH_INT.iter().any(|(f, _)| *f == n) => {
                let count = MATH_INT.iter().find(|(f, _)| *f == n).map_or(1, |(_, c)| *c);
                if self.arity(e, name, args, count, count) {
                    for (a, t) in args.iter().zip(&tys) {
                        self.expect(&Ty::Int, t, a.span, &format!("math.{n}()"));
                    }
                }
                Ty::Int
            }
            (Module::Time, "perf_counter" | "time") => {
                self.arity(e, name, args, 0, 0);
                Ty::Float
            }
            (Module::Bodo, "get_rank" | "get_size") => {
                self.arity(e, name, args, 0, 0);
                Ty::Int
            }
            (Module::Bodo, "barrier") => {
                self.arity(e, name, args, 0, 0);
                self.forbid_sequential_collective(e, name);
                Ty::None
            }
            _ => {
                self.error(
                    Diagnostic::error(e.span, format!("{}.{name}() is not supported", m.name()))
                        .label("unsupported function")
                        .help("see the supported subset in SPEC.md section 3"),
                );
                Ty::Unknown
            }
        }
    }

    pub fn method_call(&mut self, e: &Expr, recv: &Expr, name: &str, args: &[Expr], kwargs: &[Kwarg]) -> Ty {
        if let (ExprKind::Func(_), "distributed_diagnostics") = (&recv.kind, name) {
            return Ty::None;
        }
        // A read that may give a missing value (`hir::OR_NA`) is typed as the read.
        if name == crate::hir::OR_NA {
            return self.expr(recv);
        }
        if let ExprKind::Attr(inner, a) = &recv.kind {
            if a == "str" {
                if let Some(t) = self.series_split_method(e, inner, name, args, kwargs) {
                    return t;
                }
                if let Some(t) = self.series_split_alone(e) {
                    return t;
                }
                let it = self.expr(inner);
                if let Some(t) = self.series_str_method(e, &it, name, args, kwargs) {
                    return t;
                }
            }
        }
        if matches!(&recv.kind, ExprKind::MethodCall { name: r, .. } if r == "rolling") {
            if let Some(t) = self.series_rolling(e, recv, name, args, kwargs) {
                return t;
            }
        }
        let rt = self.expr(recv);
        let rt = self.content_or(recv, rt, bodo_abi::exc::ATTRIBUTE_ERROR, || {
            format!("'NoneType' object has no attribute '{name}'")
        });
        if let t @ (Ty::Frame(_) | Ty::Series(_)) = self.top(&rt) {
            return self.frame_method(e, &t, name, args, kwargs);
        }
        if let t @ Ty::Pivot(_) = self.top(&rt) {
            return self.pivot_method(e, &t, name, args, kwargs);
        }
        // `del x[a:b]` (hir/lower.rs) exists for lists only.
        if name == "$del_slice" && !matches!(self.shallow(&rt), Ty::List(_) | Ty::Unknown) {
            let rt = self.resolve(&rt);
            self.error(
                Diagnostic::error(e.span, format!("'{}' object doesn't support slice deletion", py_name(&rt)))
                    .label(format!("this is {}", article(&rt)))
                    .help("`del x[a:b]` removes items of a list; build a new value from slices instead"),
            );
            return Ty::Unknown;
        }
        // An array method bodoc lacks (`a.reshape(...)`): that alone is the
        // error, not also its arguments.
        if matches!(self.shallow(&rt), Ty::Array(..)) && !Self::is_array_method(name) {
            return self.array_method_ty(e.span, &rt, name, &[], &[]);
        }
        if let (Ty::Array(..), "tofile") = (self.shallow(&rt), name) {
            return self.tofile_ty(e, args, kwargs);
        }
        if let (Ty::Array(..), "astype" | "reshape") = (self.shallow(&rt), name) {
            let rt = self.shallow(&rt);
            return self.array_method_args_ty(e, &rt, name, args, kwargs);
        }
        let rt = self.shallow(&rt);
        // The body of `s.map(f)`/`s.apply(f)` over its placeholder
        // (`hir/lower/value_maps.rs`) has values to iterate only once a
        // Series is put there: on a receiver an earlier error left untyped
        // it would only report the placeholder.
        if rt == Ty::Unknown && args.iter().any(|a| matches!(a.kind, ExprKind::Comp { kind: CompKind::Array, .. })) {
            return Ty::Unknown;
        }
        // `s.update(range(n))`: an iterable argument may be an iteration
        // (range, zip, ...) that has no value of its own; it stands for a
        // list of its elements.
        let takes_iter = Recv::of(&rt)
            .and_then(|k| methods::lookup(k, name))
            .is_some_and(|m| m.params.iter().any(|(_, p)| *p == methods::P::Iter));
        let arg_tys: Vec<Ty> = args
            .iter()
            .map(|a| if takes_iter && is_iteration(a) { Ty::list(self.iter_elem(a)) } else { self.expr(a) })
            .collect();
        let kw_tys: Vec<Ty> = kwargs.iter().map(|k| self.expr(&k.value)).collect();
        if rt == Ty::Unknown {
            return Ty::Unknown;
        }
        if let Ty::Array(..) = rt {
            // A reduction's one positional argument is its axis.
            let rest = if args.len() == 1 && REDUCTIONS.contains(&name) { args } else { &[] };
            if args.len() > rest.len() {
                self.error(
                    Diagnostic::error(args[0].span, format!("array.{name}() with arguments is not supported"))
                        .label("unexpected argument"),
                );
            }
            return self.array_method_ty(e.span, &rt, name, rest, kwargs);
        }
        if let Ty::Record(fields) = &rt {
            return self.record_method(e, fields, name, args, kwargs);
        }
        // dict.get / dict.pop have a result type that depends on the default.
        if let Ty::Dict(k, v) = &rt {
            if name == "get" || name == "pop" {
                if args.is_empty() || args.len() > 2 || !kwargs.is_empty() {
                    self.error(
                        Diagnostic::error(e.span, format!("dict.{name}() takes a key and an optional default"))
                            .label("bad arguments"),
                    );
                    return Ty::Unknown;
                }
                self.expect(k, &arg_tys[0], args[0].span, "this dict's key");
                if args.len() == 2 {
                    return match self.join(v, &arg_tys[1], true) {
                        Some(j) => j,
                        None => {
                            let (v, d) = (self.resolve(v), self.resolve(&arg_tys[1]));
                            self.error(
                                Diagnostic::error(
                                    args[1].span,
                                    format!("default of type {d} for a dict of {v} values"),
                                )
                                .label("wrong default type"),
                            );
                            Ty::Unknown
                        }
                    };
                }
                return if name == "get" { Ty::optional((**v).clone()) } else { (**v).clone() };
            }
        }
        let Some(recv_kind) = Recv::of(&rt) else {
            let rt = self.resolve(&rt);
            self.error(
                Diagnostic::error(e.span, format!("'{}' object has no attribute '{name}'", py_name(&rt)))
                    .label(format!("this is {}", article(&rt))),
            );
            return Ty::Unknown;
        };
        let Some(m) = methods::lookup(recv_kind, name) else {
            // `.format` of a literal was lowered to an f-string in HIR.
            if recv_kind == Recv::Str && name == "format" {
                self.error(
                    Diagnostic::error(e.span, "str.format needs a format string known at compile time")
                        .label("the format string is computed")
                        .help("write it as a string literal or a module-level constant, or use an f-string"),
                );
                return Ty::Unknown;
            }
            let rt = self.resolve(&rt);
            let similar = crate::hir::suggest::similar_name(name, methods::names(recv_kind));
            let d = Diagnostic::error(e.span, format!("'{}' object has no attribute '{name}'", py_name(&rt)));
            // A number has few methods: what it is says more than the list.
            let d = match (recv_kind, similar) {
                (_, Some(similar)) => {
                    d.label(format!("no method '{name}' on {rt}")).help(format!("did you mean '{similar}'?"))
                }
                (Recv::Int | Recv::Float, None) => d.label(format!("this is {}", article(&rt))),
                (_, None) => d
                    .label(format!("no method '{name}' on {rt}"))
                    .help("see the supported methods in SPEC.md section 3"),
            };
            self.error(d);
            return Ty::Unknown;
        };
        if args.len() > m.params.len() {
            self.error(
                Diagnostic::error(
                    e.span,
                    format!(
                        "{}.{name}() takes at most {} arguments ({} given)",
                        py_name(&rt),
                        m.params.len(),
                        args.len()
                    ),
                )
                .label("too many arguments"),
            );
            return Ty::Unknown;
        }
        for (i, (pname, p)) in m.params.iter().enumerate() {
            let given = if i < args.len() {
                Some((&args[i], &arg_tys[i]))
            } else {
                kwargs.iter().position(|k| k.name == *pname).map(|j| (&kwargs[j].value, &kw_tys[j]))
            };
            match given {
                Some((a, t)) => {
                    let want = methods::param_ty(*p, &rt);
                    if *p == methods::P::Same {
                        if self.join(&want, t, false).is_none() {
                            let (w, t) = (self.resolve(&want), self.resolve(t));
                            self.error(
                                Diagnostic::error(a.span, format!("{}.{name}() expects {w}, got {t}", py_name(&w)))
                                    .label(format!("this is {}", article(&t))),
                            );
                        }
                    } else if *p == methods::P::Iter {
                        // The receiver's own type, or any iterable of its elements.
                        if self.join(&want, t, false).is_none() {
                            let el = self.iter_elem(a);
                            let want_el = methods::iter_item_of(&rt);
                            self.expect(&want_el, &el, a.span, &format!("{}.{name}()'s elements", py_name(&rt)));
                        }
                    } else if *p == methods::P::Affix && self.is_str_tuple(t) {
                        // startswith/endswith of a tuple of str
                    } else if *p == methods::P::ListStr && self.is_str_iterable(t) {
                        // join of a tuple, set, dict or str of str (made a list)
                    } else if *p == methods::P::Table && methods::is_trans_table(&self.resolve(t)) {
                        // a table of any of the value types translate reads
                    } else {
                        let stored = matches!(p, methods::P::Elem | methods::P::Val);
                        let t = if stored { self.stored_elem(Some(a), t) } else { t.clone() };
                        self.expect(&want, &t, a.span, &format!("{}.{name}()", py_name(&rt)));
                    }
                }
                None => {
                    let required = matches!(
                        p,
                        methods::P::Str
                            | methods::P::Affix
                            | methods::P::Elem
                            | methods::P::Key
                            | methods::P::Val
                            | methods::P::Same
                            | methods::P::Iter
                            | methods::P::ListStr
                    );
                    if required {
                        self.error(
                            Diagnostic::error(e.span, format!("{}.{name}() missing argument '{pname}'", py_name(&rt)))
                                .label("missing argument"),
                        );
                    }
                }
            }
        }
        for kw in kwargs {
            if !m.params.iter().any(|(p, _)| *p == kw.name) {
                let params = m.params.iter().map(|(p, _)| *p);
                self.error(
                    unexpected_kwarg(&format!("{}.{name}", py_name(&rt)), kw, params).label("no such parameter"),
                );
            }
        }
        methods::ret_ty(m.ret, &rt)
    }
}

impl Infer<'_> {
    /// A tuple whose items are all str (the affixes of `startswith`/`endswith`).
    fn is_str_tuple(&self, t: &Ty) -> bool {
        matches!(self.resolve(t), Ty::Tuple(ts) if ts.iter().all(|x| *x == Ty::Str))
    }

    /// The type of `min(xs, default=d)` with items of type `el`: the items'
    /// type, optional where `d` is None. The result is either an item or `d`
    /// itself, so a default of another type (even int for float items, which
    /// would print differently) has no one static type.
    fn min_max_default(&mut self, name: &str, el: Ty, d: &Expr) -> Ty {
        let dt = self.expr(d);
        if self.resolve(&dt) == Ty::None {
            return Ty::optional(el);
        }
        if let Some(t) = self.join(&el, &dt, false) {
            return t;
        }
        let (x, y) = (self.resolve(&el), self.resolve(&dt));
        self.error(
            Diagnostic::error(d.span, format!("{name}() default of another type than the items"))
                .label(format!("{} default for {x} items", article(&y)))
                .help(format!("give a default of the items' type ({x}) or None")),
        );
        Ty::Unknown
    }

    /// A str, or a tuple, set or dict of str: iterables `join` takes besides lists.
    fn is_str_iterable(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            // A record iterates its keys.
            Ty::Str | Ty::Record(_) => true,
            Ty::Set(e) | Ty::Dict(e, _) | Ty::VarTuple(e) => *e == Ty::Str,
            _ => self.is_str_tuple(t),
        }
    }
}

/// A call of range/enumerate/zip/reversed: iterable, but not a value.
pub(super) fn is_iteration(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { func, .. }
        if matches!(func.kind, ExprKind::Builtin(Builtin::Range | Builtin::Enumerate | Builtin::Zip | Builtin::Reversed)))
}

/// CPython's error for a keyword argument `callee` has no parameter for, at
/// the keyword, with its suggestion of a close parameter name (3.13+).
pub(super) fn unexpected_kwarg<'p>(callee: &str, kw: &Kwarg, params: impl Iterator<Item = &'p str>) -> Diagnostic {
    unexpected_kwarg_at(callee, &kw.name, kw.span, params)
}

/// [`unexpected_kwarg`] of the keyword `name` at `span`.
fn unexpected_kwarg_at<'p>(callee: &str, name: &str, span: Span, params: impl Iterator<Item = &'p str>) -> Diagnostic {
    let d = Diagnostic::error(span, format!("{callee}() got an unexpected keyword argument '{name}'"));
    match similar_name(name, params) {
        Some(p) => d.help(format!("did you mean '{p}'?")),
        None => d,
    }
}
