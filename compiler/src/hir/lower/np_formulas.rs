//! NumPy functions that are formulas of other operations, as NumPy
//! defines them:
//! `np.logical_and(a, b)` is `(a != 0) & (b != 0)`, `logical_or` and
//! `logical_xor` the same with `|` and `!=`, `np.logical_not(a)` is
//! `a == 0` (so they also take numbers and number arrays);
//! `np.isclose(a, b, rtol=1e-05, atol=1e-08)` is
//! `(np.abs(a - b) <= atol + rtol * np.abs(b)) & np.isfinite(b) | (a == b)`
//! as NumPy computes it (NaN is never close, equal infinities are),
//! `np.allclose` its `.all()`;
//! `np.ptp(a, axis)` is `a.max(axis) - a.min(axis)`; `np.average(a, axis, weights=w)`
//! is `(a * w).sum(axis) / (np.ones_like(a) * w).sum(axis)`
//! (`np.dot(w.ravel(), a) / w.sum(axis=0)` along axis 0; `np.mean(a, axis)`
//! without weights); `np.hypot(a, b)` is `np.sqrt(a * a + b * b)`;
//! `np.degrees(a)` (`rad2deg`) is `a * (180 / pi)` and `np.radians(a)`
//! (`deg2rad`) `a * (pi / 180)`;
//! `np.nan_to_num(x, copy, nan=0.0, posinf, neginf)` is the elementwise
//! `np.nan_to_num(x, nan, posinf, neginf)` with NumPy's defaults (the
//! largest finite floats) filled in;
//! `np.lexsort((a, b))` is `i[np.argsort(b[i])]` with `i = np.argsort(a)`
//! (stable sorts, the last key the primary one; more keys likewise);
//! `np.matmul(a, b)` is `np.dot(a, b)` but for its errors (as `a @ b` is), `np.vdot(a, b)` `np.dot(a.ravel(),
//! b.ravel())`, `np.array_equal(a, b)` `a.shape == b.shape and
//! bool((a == b).all())`, `np.take(a, i)` `a.ravel()[i]`,
//! `np.logspace(start, stop, num, endpoint, base=10.0)` is
//! `base ** np.linspace(start, stop, num, endpoint)`, `np.flipud(m)` is
//! `m[::-1]` (also `np.flip(m, 0)`), `np.fliplr(m)` `m[:, ::-1]` (also
//! `np.flip(m, 1)`) and `np.flip(m)` `m.ravel()[::-1].reshape(m.shape)`;
//! `np.shape(a)`, `np.ndim(a)` and `np.size(a)` are `a.shape`, `a.ndim`
//! and `a.size`, `np.size(a, axis)` `a.shape[axis]`;
//! `np.random.uniform(low=0.0, high=1.0, size)` is
//! `low + (high - low) * np.random.random(size)` and
//! `np.random.normal(loc=0.0, scale=1.0, size)` is
//! `loc + scale * np.random.randn(*size)` (`standard_normal(size)` is
//! `randn(*size)`), drawn from bodoc's own streams.
//! An operand these name twice must evaluate the same twice
//! (`Expr::is_repeatable`: variables, constants, operators, subscripts,
//! NumPy calls but random draws, ...); other forms are reported here.

use super::*;

/// A call's arguments bound to parameter names, in order, with defaults.
struct Bound {
    vals: Vec<Option<Expr>>,
}

impl FnLower<'_> {
    /// The HIR of `np.<name>(args, **kwargs)` if `name` is one of these
    /// functions or a NaN-ignoring reduction (`nan_reductions.rs`; an error
    /// placeholder after a diagnostic), else None.
    pub(super) fn np_formula(
        &mut self,
        name: &str,
        args: &mut Vec<Expr>,
        kwargs: &mut Vec<Kwarg>,
        sp: Span,
    ) -> Option<Expr> {
        if let Some(plain) = super::nan_reductions::nan_plain(name) {
            return Some(self.nan_reduction([name, plain], args, kwargs, sp));
        }
        // The parameters, the first `required` of them without a default.
        let (params, required): (&[&str], usize) = match name {
            "logical_and" | "logical_or" | "logical_xor" => (&["x1", "x2"], 2),
            "logical_not" | "degrees" | "rad2deg" | "radians" | "deg2rad" => (&["a"], 1),
            "ptp" => (&["a", "axis"], 1),
            "average" => (&["a", "axis", "weights"], 1),
            "hypot" => (&["x1", "x2"], 2),
            "isclose" | "allclose" => (&["a", "b", "rtol", "atol"], 2),
            "random.uniform" => (&["low", "high", "size"], 0),
            "random.normal" => (&["loc", "scale", "size"], 0),
            "random.standard_normal" => (&["size"], 0),
            "matmul" | "vdot" => (&["a", "b"], 2),
            "nan_to_num" => (&["x", "copy", "nan", "posinf", "neginf"], 1),
            "lexsort" => (&["keys"], 1),
            "array_equal" => (&["a1", "a2"], 2),
            "take" => (&["a", "indices"], 2),
            "logspace" => (&["start", "stop", "num", "endpoint", "base"], 2),
            "flip" => (&["m", "axis"], 1),
            "flipud" | "fliplr" => (&["m"], 1),
            "shape" | "ndim" => (&["a"], 1),
            "size" => (&["a", "axis"], 1),
            _ => return None,
        };
        let e = match self.bind(name, params, required, args, kwargs, sp) {
            Some(b) => self.np_formula_bound(name, b, sp),
            None => None,
        };
        // None: a diagnostic was given.
        Some(e.unwrap_or_else(|| self.error_expr(sp)))
    }

    /// The HIR of `np.<name>` with its arguments bound, or None after a
    /// diagnostic.
    fn np_formula_bound(&mut self, name: &str, mut b: Bound, sp: Span) -> Option<Expr> {
        let f = |me: &mut Self, v: f64| me.mk(ExprKind::Const(Const::Float(v)), sp);
        let bin = |me: &mut Self, op: BinOp, l: Expr, r: Expr| me.mk(ExprKind::Bin(op, Box::new(l), Box::new(r)), sp);
        let cmp = |me: &mut Self, op: CmpOp, l: Expr, r: Expr| me.mk(ExprKind::Compare(Box::new(l), vec![(op, r)]), sp);
        let nonzero = |me: &mut Self, e: Expr| {
            let zero = me.mk(ExprKind::Const(Const::Int(0)), sp);
            cmp(me, CmpOp::Ne, e, zero)
        };
        Some(match name {
            "logical_and" | "logical_or" | "logical_xor" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                let (x, y) = (nonzero(self, x), nonzero(self, y));
                match name {
                    "logical_and" => bin(self, BinOp::BitAnd, x, y),
                    "logical_or" => bin(self, BinOp::BitOr, x, y),
                    _ => cmp(self, CmpOp::Ne, x, y),
                }
            }
            "logical_not" => {
                let (x, zero) = (b.take(0)?, self.mk(ExprKind::Const(Const::Int(0)), sp));
                cmp(self, CmpOp::Eq, x, zero)
            }
            "ptp" => {
                let x = b.take(0)?;
                let x2 = self.twice(name, &x)?;
                let axis = b.take(1);
                let axis2 = self.twice_opt(name, &axis)?;
                let (hi, lo) = (self.along(x, "max", axis, sp), self.along(x2, "min", axis2, sp));
                bin(self, BinOp::Sub, hi, lo)
            }
            "degrees" | "rad2deg" | "radians" | "deg2rad" => {
                let x = b.take(0)?;
                let per = if matches!(name, "degrees" | "rad2deg") {
                    180.0 / std::f64::consts::PI
                } else {
                    std::f64::consts::PI / 180.0
                };
                let k = f(self, per);
                bin(self, BinOp::Mul, x, k)
            }
            "hypot" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                let (x2, y2) = (self.twice(name, &x)?, self.twice(name, &y)?);
                let (xx, yy) = (bin(self, BinOp::Mul, x, x2), bin(self, BinOp::Mul, y, y2));
                let sum = bin(self, BinOp::Add, xx, yy);
                self.np_call("sqrt", vec![sum], sp)
            }
            "average" => {
                let x = b.take(0)?;
                let axis = b.take(1);
                let Some(w) = b.take(2) else {
                    let axis = axis.into_iter().collect::<Vec<_>>();
                    return Some(self.np_call("mean", std::iter::once(x).chain(axis).collect(), sp));
                };
                let w2 = self.twice(name, &w)?;
                let axis2 = self.twice_opt(name, &axis)?;
                // Along axis 0, 1D weights weigh the rows: `np.dot(w, a)`
                // (`w.ravel()`: weights of `a`'s shape fail there instead
                // of being read along the wrong axis).
                let rows = matches!(&axis, Some(Expr { kind: ExprKind::Const(Const::Int(0 | -2)), .. }));
                // Otherwise they broadcast against `a`, in the total too.
                let (num, den) = if rows {
                    let flat = self.along(w, "ravel", None, sp);
                    (self.np_call("dot", vec![flat, x], sp), self.along(w2, "sum", axis2, sp))
                } else {
                    let x2 = self.twice(name, &x)?;
                    let weighted = bin(self, BinOp::Mul, x, w);
                    let ones = self.np_call("ones_like", vec![x2], sp);
                    let spread = bin(self, BinOp::Mul, ones, w2);
                    (self.along(weighted, "sum", axis, sp), self.along(spread, "sum", axis2, sp))
                };
                bin(self, BinOp::Div, num, den)
            }
            // `a @ b` too: `np.dot(a, b)` but for the wording of its errors
            // (same for 1D and 2D arrays); the arguments bound by name.
            "matmul" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                self.np_call("matmul", vec![x, y], sp)
            }
            "nan_to_num" => {
                let x = b.take(0)?;
                let nan = b.take(2).unwrap_or_else(|| f(self, 0.0));
                let posinf = b.take(3).unwrap_or_else(|| f(self, f64::MAX));
                let neginf = b.take(4).unwrap_or_else(|| f(self, f64::MIN));
                self.np_call("nan_to_num", vec![x, nan, posinf, neginf], sp)
            }
            "lexsort" => {
                let keys = b.take(0)?;
                let (ExprKind::Tuple(keys) | ExprKind::List(keys)) = keys.kind else {
                    self.unsupported(keys.span, "np.lexsort() of this expression", "give the keys as a tuple display");
                    return None;
                };
                let mut keys = keys.into_iter();
                let first = keys.next()?;
                let mut order = self.np_call("argsort", vec![first], sp);
                for key in keys {
                    let again = self.twice(name, &order)?;
                    let ksp = key.span;
                    let reordered = self.mk(ExprKind::Index(Box::new(key), Box::new(again)), ksp);
                    let by_key = self.np_call("argsort", vec![reordered], sp);
                    order = self.mk(ExprKind::Index(Box::new(order), Box::new(by_key)), sp);
                }
                order
            }
            "vdot" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                let (x, y) = (self.along(x, "ravel", None, sp), self.along(y, "ravel", None, sp));
                self.np_call("dot", vec![x, y], sp)
            }
            "array_equal" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                let (x2, y2) = (self.twice(name, &x)?, self.twice(name, &y)?);
                let shape = |me: &mut Self, a: Expr| me.mk(ExprKind::Attr(Box::new(a), "shape".into()), sp);
                let (sx, sy) = (shape(self, x), shape(self, y));
                let same_shape = cmp(self, CmpOp::Eq, sx, sy);
                let equal = cmp(self, CmpOp::Eq, x2, y2);
                let all = self.along(equal, "all", None, sp);
                let f = self.mk(ExprKind::Builtin(Builtin::Bool), sp);
                let all = self.mk(ExprKind::Call { func: Box::new(f), args: vec![all], kwargs: vec![] }, sp);
                self.mk(ExprKind::BoolOp(true, vec![same_shape, all]), sp)
            }
            "take" => {
                let (a, idx) = (b.take(0)?, b.take(1)?);
                let flat = self.along(a, "ravel", None, sp);
                self.mk(ExprKind::Index(Box::new(flat), Box::new(idx)), sp)
            }
            "logspace" => {
                let (start, stop) = (b.take(0)?, b.take(1)?);
                let rest: Vec<Expr> = [b.take(2), b.take(3)].into_iter().flatten().collect();
                let mut grid = self.np_call("linspace", vec![start, stop], sp);
                if let ExprKind::Call { args, .. } = &mut grid.kind {
                    args.extend(rest);
                }
                let base = b.take(4).unwrap_or_else(|| f(self, 10.0));
                bin(self, BinOp::Pow, base, grid)
            }
            "flip" | "flipud" | "fliplr" => {
                let m = b.take(0)?;
                let given = if name == "flip" { b.take(1) } else { None };
                let axis = match (name, given.map(|a| a.kind)) {
                    ("flipud", _) | (_, Some(ExprKind::Const(Const::Int(0)))) => Some(0),
                    ("fliplr", _) | (_, Some(ExprKind::Const(Const::Int(1)))) => Some(1),
                    (_, None) => None,
                    _ => {
                        self.unsupported(sp, "np.flip() along this axis", "give axis=0 or axis=1 as a literal");
                        return None;
                    }
                };
                let neg = Some(Box::new(self.mk(ExprKind::Const(Const::Int(-1)), sp)));
                match axis {
                    Some(0) => self.mk(ExprKind::Slice(Box::new(m), None, None, neg), sp),
                    Some(_) => {
                        let all = self.mk(ExprKind::SliceBounds(None, None, None), sp);
                        let back = self.mk(ExprKind::SliceBounds(None, None, neg), sp);
                        let idx = self.mk(ExprKind::Tuple(vec![all, back]), sp);
                        self.mk(ExprKind::Index(Box::new(m), Box::new(idx)), sp)
                    }
                    // Every axis reversed: the flat elements backwards, in
                    // the array's shape.
                    None => {
                        let m2 = self.twice(name, &m)?;
                        let flat = self.along(m, "ravel", None, sp);
                        let back = self.mk(ExprKind::Slice(Box::new(flat), None, None, neg), sp);
                        let shape = self.mk(ExprKind::Attr(Box::new(m2), "shape".into()), sp);
                        let kind = ExprKind::MethodCall {
                            recv: Box::new(back),
                            name: "reshape".into(),
                            args: vec![shape],
                            kwargs: vec![],
                        };
                        self.mk(kind, sp)
                    }
                }
            }
            "isclose" | "allclose" => {
                let (x, y) = (b.take(0)?, b.take(1)?);
                let (x2, y2, y3, y4) =
                    (self.twice(name, &x)?, self.twice(name, &y)?, self.twice(name, &y)?, self.twice(name, &y)?);
                let rtol = b.take(2).unwrap_or_else(|| f(self, 1e-05));
                let atol = b.take(3).unwrap_or_else(|| f(self, 1e-08));
                let diff = bin(self, BinOp::Sub, x, y);
                let dist = self.np_call("abs", vec![diff], sp);
                let scale = self.np_call("abs", vec![y2], sp);
                let rel = bin(self, BinOp::Mul, rtol, scale);
                let tol = bin(self, BinOp::Add, atol, rel);
                let near = cmp(self, CmpOp::Le, dist, tol);
                let finite = self.np_call("isfinite", vec![y3], sp);
                let near = bin(self, BinOp::BitAnd, near, finite);
                let equal = cmp(self, CmpOp::Eq, x2, y4);
                let close = bin(self, BinOp::BitOr, near, equal);
                if name == "isclose" {
                    close
                } else {
                    let all = ExprKind::MethodCall {
                        recv: Box::new(close),
                        name: "all".into(),
                        args: vec![],
                        kwargs: vec![],
                    };
                    self.mk(all, sp)
                }
            }
            // The array attributes of the same names; `np.size(a, axis)`
            // is `a.shape[axis]`.
            "shape" | "ndim" | "size" => {
                let a = b.take(0)?;
                let attr = |me: &mut Self, a: Expr, attr: &str| me.mk(ExprKind::Attr(Box::new(a), attr.into()), sp);
                match if name == "size" { b.take(1) } else { None } {
                    Some(axis) => {
                        let shape = attr(self, a, "shape");
                        self.mk(ExprKind::Index(Box::new(shape), Box::new(axis)), sp)
                    }
                    None => attr(self, a, name),
                }
            }
            "random.uniform" => {
                let low = b.take(0).unwrap_or_else(|| f(self, 0.0));
                let high = b.take(1).unwrap_or_else(|| f(self, 1.0));
                let low2 = self.twice(name, &low)?;
                let draws = self.np_call("random.random", b.take(2).into_iter().collect(), sp);
                let width = bin(self, BinOp::Sub, high, low);
                let scaled = bin(self, BinOp::Mul, width, draws);
                bin(self, BinOp::Add, low2, scaled)
            }
            _ => {
                let size = b.take(if name == "random.normal" { 2 } else { 0 });
                let dims = match size {
                    None => vec![],
                    Some(Expr { kind: ExprKind::Tuple(items), .. }) => items,
                    Some(one) => vec![one],
                };
                let draws = self.np_call("random.randn", dims, sp);
                if name == "random.standard_normal" {
                    return Some(draws);
                }
                let loc = b.take(0).unwrap_or_else(|| f(self, 0.0));
                let scale = b.take(1).unwrap_or_else(|| f(self, 1.0));
                let scaled = bin(self, BinOp::Mul, scale, draws);
                bin(self, BinOp::Add, loc, scaled)
            }
        })
    }

    /// `np.<name>(args)`.
    pub(super) fn np_call(&mut self, name: &str, args: Vec<Expr>, sp: Span) -> Expr {
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, name.into()), sp);
        self.mk(ExprKind::Call { func: Box::new(f), args, kwargs: Vec::new() }, sp)
    }

    /// A second copy of `e` for a function that names it twice; None after
    /// reporting an expression that may not be evaluated twice.
    fn twice(&mut self, name: &str, e: &Expr) -> Option<Expr> {
        let copy = self.copy_pure(e);
        if copy.is_none() {
            let what = format!("this expression as an argument of np.{name}()");
            let help = format!("np.{name}() reads it twice: assign it to a variable first");
            self.unsupported(e.span, &what, &help);
        }
        copy
    }

    /// [`Self::twice`] of an optional argument: `Some(None)` when absent.
    fn twice_opt(&mut self, name: &str, e: &Option<Expr>) -> Option<Option<Expr>> {
        match e {
            Some(e) => Some(Some(self.twice(name, e)?)),
            None => Some(None),
        }
    }

    /// The reduction `recv.method(axis=axis)` (no axis when None).
    fn along(&mut self, recv: Expr, method: &str, axis: Option<Expr>, sp: Span) -> Expr {
        let kwargs = axis.map(|value| Kwarg { name: "axis".into(), span: value.span, value }).into_iter().collect();
        self.mk(ExprKind::MethodCall { recv: Box::new(recv), name: method.into(), args: vec![], kwargs }, sp)
    }

    /// A copy (fresh ids) of `e` if evaluating it twice gives the same
    /// value ([`Expr::is_repeatable`]).
    pub(super) fn copy_pure(&mut self, e: &Expr) -> Option<Expr> {
        if !e.is_repeatable() {
            return None;
        }
        let mut copy = e.clone();
        visit::expr_mut(&mut copy, &mut |x| {
            x.id = self.next_expr;
            self.next_expr += 1;
        });
        Some(copy)
    }

    /// `args` and `kwargs` bound to `params` as Python binds them; None
    /// after reporting an unknown keyword, too many arguments or a missing
    /// one of the first `required`.
    fn bind(
        &mut self,
        name: &str,
        params: &[&str],
        required: usize,
        args: &mut Vec<Expr>,
        kwargs: &mut Vec<Kwarg>,
        sp: Span,
    ) -> Option<Bound> {
        if args.len() > params.len() {
            let msg = format!("np.{name}() takes at most {} arguments ({} given)", params.len(), args.len());
            self.diags.push(Diagnostic::error(sp, msg).label("too many arguments"));
            return None;
        }
        let mut vals: Vec<Option<Expr>> = std::mem::take(args).into_iter().map(Some).collect();
        vals.resize_with(params.len(), || None);
        for kw in std::mem::take(kwargs) {
            match params.iter().position(|p| *p == kw.name) {
                Some(i) if vals[i].is_none() => vals[i] = Some(kw.value),
                _ => {
                    let msg = format!("np.{name}() got an unexpected keyword argument '{}'", kw.name);
                    self.diags.push(Diagnostic::error(kw.span, msg).label("not supported here"));
                    return None;
                }
            }
        }
        if let Some(p) = params[..required].iter().zip(&vals).find(|(_, v)| v.is_none()).map(|(p, _)| p) {
            let msg = format!("np.{name}() missing required argument '{p}'");
            self.diags.push(Diagnostic::error(sp, msg).label("missing argument"));
            return None;
        }
        Some(Bound { vals })
    }
}

impl Bound {
    /// The argument of parameter `i`, if given.
    fn take(&mut self, i: usize) -> Option<Expr> {
        self.vals[i].take()
    }
}
