//! Typing of operators: arithmetic, unary operators and comparisons, with
//! Python's error messages for operand types that do not mix.

use super::infer::Infer;
use super::ty::{article, py_name, Ty, View};
use crate::diagnostics::{Diagnostic, Span};
use crate::hir::{percent, BinOp, CmpOp, PercentArg, UnOp};

impl Infer<'_> {
    pub fn binop(&mut self, op: BinOp, a: &Ty, b: &Ty, span: Span) -> Ty {
        // To set operators, `d.keys()` and `d.items()` are sets (a view is a
        // list underneath, which lowering makes a set): `d.keys() & e.keys()`.
        let set_op = matches!(op, BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor);
        let operand = |this: &Self, t: &Ty| match this.top(t) {
            Ty::View(View::Keys | View::Items, e) if set_op => Ty::Set(e),
            _ => this.shallow(t),
        };
        let (a, b) = (operand(self, a), operand(self, b));
        if a == Ty::Unknown || b == Ty::Unknown {
            return Ty::Unknown;
        }
        if matches!(a, Ty::Array(..)) || matches!(b, Ty::Array(..)) {
            return self.array_binop(op, &a, &b, span);
        }
        use BinOp::*;
        let r = match (&a, &b) {
            (x, y) if x.is_numeric() && y.is_numeric() => {
                let float = *x == Ty::Float || *y == Ty::Float;
                match op {
                    Div => Some(Ty::Float),
                    Add | Sub | Mul | FloorDiv | Mod | Pow => Some(if float { Ty::Float } else { Ty::Int }),
                    BitAnd | BitOr | BitXor if *x == Ty::Bool && *y == Ty::Bool => Some(Ty::Bool),
                    BitAnd | BitOr | BitXor | LShift | RShift if !float => Some(Ty::Int),
                    _ => None,
                }
            }
            (Ty::Str, Ty::Str) if op == Add => Some(Ty::Str),
            (Ty::Str, i) | (i, Ty::Str) if op == Mul && i.is_intlike() => Some(Ty::Str),
            (Ty::List(x), Ty::List(y)) if op == Add => self.join(x, y, false).map(Ty::list),
            (Ty::List(_) | Ty::VarTuple(_), i) if op == Mul && i.is_intlike() => Some(a.clone()),
            (i, Ty::List(_) | Ty::VarTuple(_)) if op == Mul && i.is_intlike() => Some(b.clone()),
            (Ty::Tuple(x), Ty::Tuple(y)) if op == Add => Some(Ty::Tuple(x.iter().chain(y).cloned().collect())),
            // `(0,) * n`: its length is only known at run time, so its items
            // must share one type (`()`'s are ints, as an empty list's are).
            (Ty::Tuple(x), i) | (i, Ty::Tuple(x)) if op == Mul && i.is_intlike() => {
                let item = if x.is_empty() { Some(Ty::Int) } else { self.join_items(x, true) };
                item.map(|t| Ty::VarTuple(Box::new(t)))
            }
            (Ty::VarTuple(_), Ty::VarTuple(_) | Ty::Tuple(_)) | (Ty::Tuple(_), Ty::VarTuple(_)) if op == Add => {
                self.join(&a, &b, true)
            }
            (Ty::Set(x), Ty::Set(y)) if matches!(op, BitOr | BitAnd | Sub | BitXor) => {
                self.join(x, y, false).map(Ty::set)
            }
            // `d | e`: a merged copy (3.9+), on dicts of one type.
            (Ty::Dict(..), Ty::Dict(..)) if op == BitOr && self.resolve(&a) == self.resolve(&b) => Some(a.clone()),
            _ => None,
        };
        r.unwrap_or_else(|| {
            let (a, b) = (self.resolve(&a), self.resolve(&b));
            // A literal format string was lowered to an f-string in HIR.
            if op == Mod && a == Ty::Str {
                self.error(
                    Diagnostic::error(span, "`%` formatting needs a format string known at compile time")
                        .label("the format string is computed")
                        .help("write it as a string literal or a module-level constant, or use an f-string"),
                );
                return Ty::Unknown;
            }
            self.error(
                Diagnostic::error(
                    span,
                    format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), py_name(&a), py_name(&b)),
                )
                .label(format!("{a} {} {b}", op.symbol()))
                .help(binop_hint(&a, &b)),
            );
            Ty::Unknown
        })
    }

    /// A value formatted by a printf-style field (`"%d" % x`): the types its
    /// conversion accepts, with CPython's TypeError messages.
    pub fn percent_operand(&mut self, code: char, arg: PercentArg, t: &Ty, span: Span) {
        let t = self.resolve(t);
        if t.has_unknown() || matches!(t, Ty::Var(_)) {
            return;
        }
        if let (PercentArg::Whole, Ty::Tuple(items)) = (arg, &t) {
            // The tuple is the argument list: one item is the value.
            if let [item] = items.as_slice() {
                return self.percent_operand(code, PercentArg::Item, item, span);
            }
            self.percent_count(1, items.len(), span);
            return;
        }
        let real = matches!(t, Ty::Int | Ty::Bool | Ty::Float);
        let name = py_name(&t);
        let msg = match code {
            'd' if !real => format!("%d format: a real number is required, not {name}"),
            'x' | 'X' | 'o' if !matches!(t, Ty::Int | Ty::Bool) => {
                format!("%{code} format: an integer is required, not {name}")
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' if !real => format!("must be real number, not {name}"),
            'c' if !matches!(t, Ty::Int | Ty::Bool | Ty::Str) => "%c requires int or char".into(),
            _ => return,
        };
        self.error(Diagnostic::error(span, msg).label(format!("this is {}", article(&t))));
    }

    /// A `*` width of printf-style formatting takes an int.
    pub fn percent_width(&mut self, t: &Ty, span: Span) {
        let t = self.resolve(t);
        if !t.has_unknown() && !matches!(t, Ty::Var(_) | Ty::Int | Ty::Bool) {
            self.error(Diagnostic::error(span, "* wants int").label(format!("this is {}", article(&t))));
        }
    }

    /// The argument of `hex`/`oct`/`bin` must be an integer, as CPython's
    /// `operator.index` requires (a float is a TypeError there, not the
    /// format spec's ValueError).
    pub fn index_operand(&mut self, t: &Ty, span: Span) {
        let t = self.resolve(t);
        let inner = match &t {
            Ty::Optional(i) => &**i,
            other => other,
        };
        if !t.has_unknown() && !matches!(inner, Ty::Var(_) | Ty::Int | Ty::Bool) {
            let msg = format!("'{}' object cannot be interpreted as an integer", py_name(inner));
            self.error(Diagnostic::error(span, msg).label(format!("this is {}", article(&t))));
        }
    }

    /// Whether the variable `t` that `needed` printf-style fields index is a
    /// tuple of that many arguments (any other value is one argument).
    pub fn percent_spread(&mut self, needed: usize, t: &Ty, span: Span) -> bool {
        let t = self.resolve(t);
        let given = match &t {
            _ if t.has_unknown() || matches!(t, Ty::Var(_)) => return true,
            Ty::Tuple(items) => items.len(),
            _ => 1,
        };
        if given != needed {
            self.percent_count(needed, given, span);
        }
        given == needed
    }

    fn percent_count(&mut self, needed: usize, given: usize, span: Span) {
        let (msg, label) = percent::count_error(needed, given);
        self.error(Diagnostic::error(span, msg).label(label));
    }

    pub fn unop(&mut self, op: UnOp, t: &Ty, span: Span) -> Ty {
        let t = self.shallow(t);
        match (op, &t) {
            (_, Ty::Unknown) => Ty::Unknown,
            (UnOp::Neg | UnOp::Pos, Ty::Array(e, n, d)) if **e != Ty::Bool => Ty::Array(e.clone(), *n, *d),
            (UnOp::Invert, Ty::Array(e, n, d)) if e.is_intlike() => Ty::Array(e.clone(), *n, *d),
            (UnOp::Not, _) => Ty::Bool,
            (UnOp::Neg | UnOp::Pos, Ty::Float) => Ty::Float,
            (UnOp::Neg | UnOp::Pos | UnOp::Invert, Ty::Int | Ty::Bool) => Ty::Int,
            _ => {
                let sym = match op {
                    UnOp::Neg => "unary -",
                    UnOp::Pos => "unary +",
                    UnOp::Invert => "unary ~",
                    UnOp::Not => "not",
                };
                let t = self.resolve(&t);
                self.error(
                    Diagnostic::error(span, format!("bad operand type for {sym}: '{}'", py_name(&t)))
                        .label(format!("this is {}", article(&t))),
                );
                Ty::Unknown
            }
        }
    }

    pub fn compare(&mut self, op: CmpOp, a: &Ty, b: &Ty, span: Span) {
        let (a, b) = (self.shallow(a), self.shallow(b));
        if a == Ty::Unknown || b == Ty::Unknown {
            return;
        }
        let ok = match op {
            CmpOp::Is | CmpOp::IsNot => true,
            CmpOp::Eq | CmpOp::Ne => true,
            CmpOp::In | CmpOp::NotIn => match &b {
                Ty::Str => a == Ty::Str,
                Ty::List(e) | Ty::VarTuple(e) | Ty::Set(e) => self.comparable(&a, e),
                Ty::Dict(k, _) => self.comparable(&a, k),
                Ty::Record(_) => a == Ty::Str,
                Ty::Tuple(items) => items.iter().all(|t| self.comparable(&a, t)),
                _ => false,
            },
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => self.orderable(&a, &b),
        };
        if !ok {
            let (a, b) = (self.resolve(&a), self.resolve(&b));
            let msg = match op {
                CmpOp::In | CmpOp::NotIn => {
                    if matches!(b, Ty::Str) {
                        format!("'in <string>' requires string as left operand, not {}", py_name(&a))
                    } else if matches!(b, Ty::List(_) | Ty::VarTuple(_) | Ty::Set(_) | Ty::Dict(..) | Ty::Tuple(_)) {
                        format!("cannot look for {} in {}", article(&a), article(&b))
                    } else {
                        format!("argument of type '{}' is not iterable", py_name(&b))
                    }
                }
                _ => format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    cmp_symbol(op),
                    py_name(&a),
                    py_name(&b)
                ),
            };
            self.error(Diagnostic::error(span, msg).label(format!("{a} and {b}")));
        }
    }

    fn comparable(&mut self, a: &Ty, b: &Ty) -> bool {
        let b = self.shallow(b);
        if matches!(b, Ty::Var(_) | Ty::Unknown) {
            return true;
        }
        // A fixed tuple is converted to a run-time-length one to compare.
        let tuples = matches!((a, &b), (Ty::Tuple(_), Ty::VarTuple(_)) | (Ty::VarTuple(_), Ty::Tuple(_)));
        (a.is_numeric() && b.is_numeric()) || self.join(a, &b, tuples).is_some()
    }

    fn orderable(&mut self, a: &Ty, b: &Ty) -> bool {
        match (a, b) {
            (x, y) if x.is_numeric() && y.is_numeric() => true,
            (Ty::Str, Ty::Str) | (Ty::Datetime, Ty::Datetime) => true,
            (Ty::List(x), Ty::List(y)) | (Ty::VarTuple(x), Ty::VarTuple(y)) => {
                let (x, y) = (self.shallow(x), self.shallow(y));
                self.orderable(&x, &y)
            }
            (Ty::VarTuple(x), Ty::Tuple(ys)) | (Ty::Tuple(ys), Ty::VarTuple(x)) => ys.iter().all(|y| {
                let (x, y) = (self.shallow(x), self.shallow(y));
                self.orderable(&x, &y)
            }),
            // Subset tests, on sets of one element type.
            (Ty::Set(x), Ty::Set(y)) => self.shallow(x) == self.shallow(y),
            (Ty::Tuple(x), Ty::Tuple(y)) => x.iter().zip(y).all(|(p, q)| {
                let (p, q) = (self.shallow(p), self.shallow(q));
                self.orderable(&p, &q)
            }),
            _ => false,
        }
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        _ => "in",
    }
}

fn binop_hint(a: &Ty, b: &Ty) -> String {
    match (a, b) {
        (Ty::Str, x) | (x, Ty::Str) if x.is_numeric() => "convert with str(...) or int(...)/float(...) first".into(),
        (Ty::Optional(_), _) | (_, Ty::Optional(_)) => {
            "store it in a variable and check it `is not None` before using it".into()
        }
        (Ty::Dict(..) | Ty::Record(_), Ty::Dict(..) | Ty::Record(_)) => {
            "`|` merges dicts of one key and value type; merge a record (a dict with values of different \
             types) with `{**a, **b}`"
                .into()
        }
        _ => "both operands must be numbers, or both strings, lists or tuples".into(),
    }
}
