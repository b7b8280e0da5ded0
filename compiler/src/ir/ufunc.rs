//! One element of a NumPy ufunc of one argument (`np.sqrt`, `np.floor`,
//! `np.isnan`, ...), shared by fused loops and the scalar calls. Element
//! types follow `types::ufuncs::unary_elem`; nothing here raises: NumPy
//! gives nan/inf where `math` would raise.

use super::lower::Lower;
use super::*;

impl Lower<'_> {
    /// `np.name(x)` of one scalar `x` of type `tx`, giving a value of type `out`.
    pub(super) fn np_unary(&mut self, name: &str, x: V, tx: &Ty, out: &Ty) -> V {
        let float_in = *tx == Ty::Float;
        match name {
            "isnan" | "isinf" | "isfinite" if !float_in => self.cbool(name == "isfinite"),
            "isnan" => self.emit(Op::FCmp(Cmp::Ne, x, x), IrTy::Bool),
            "isinf" | "isfinite" => {
                let a = self.emit(Op::FMath(MathFn::Fabs, x), IrTy::Float);
                let inf = self.emit(Op::Const(Const::Float(f64::INFINITY)), IrTy::Float);
                // Ordered comparisons: nan is neither infinite nor finite.
                let c = if name == "isinf" { Cmp::Eq } else { Cmp::Lt };
                self.emit(Op::FCmp(c, a, inf), IrTy::Bool)
            }
            // Whole numbers already: ints and bools come back unchanged.
            "abs" | "absolute" | "floor" | "ceil" | "trunc" if *out == Ty::Bool => x,
            "floor" | "ceil" | "trunc" if *out == Ty::Int => self.coerce(x, tx, out),
            "abs" | "absolute" if *out == Ty::Int => {
                let x = self.coerce(x, tx, &Ty::Int);
                let z = self.cint(0);
                let neg = self.emit(Op::ICmp(Cmp::Lt, x, z), IrTy::Bool);
                let nx = self.emit(Op::Int(IntOp::Sub, z, x), IrTy::Int);
                self.emit(Op::Select(neg, nx, x), IrTy::Int)
            }
            "sign" => self.np_sign(x, tx, out),
            "square" | "negative" => {
                let x = self.coerce(x, tx, out);
                match (name, out) {
                    ("square", Ty::Float) => self.emit(Op::Float(FloatOp::Mul, x, x), IrTy::Float),
                    ("square", _) => self.emit(Op::Int(IntOp::Mul, x, x), IrTy::Int),
                    (_, Ty::Float) => self.emit(Op::FNeg(x), IrTy::Float),
                    _ => {
                        let z = self.cint(0);
                        self.emit(Op::Int(IntOp::Sub, z, x), IrTy::Int)
                    }
                }
            }
            _ => {
                let x = self.coerce(x, tx, &Ty::Float);
                let m = match name {
                    "sqrt" => MathFn::Sqrt,
                    "exp" => MathFn::Exp,
                    "exp2" => MathFn::Exp2,
                    "log" => MathFn::Log,
                    "log10" => MathFn::Log10,
                    "log2" => MathFn::Log2,
                    "sin" => MathFn::Sin,
                    "cos" => MathFn::Cos,
                    "floor" => MathFn::Floor,
                    "ceil" => MathFn::Ceil,
                    "trunc" => MathFn::Trunc,
                    "rint" => MathFn::Rint,
                    "abs" | "absolute" | "fabs" => MathFn::Fabs,
                    "arcsin" => MathFn::Libm("asin"),
                    "arccos" => MathFn::Libm("acos"),
                    "arctan" => MathFn::Libm("atan"),
                    other => MathFn::Libm(match other {
                        "tan" => "tan",
                        "sinh" => "sinh",
                        "cosh" => "cosh",
                        "tanh" => "tanh",
                        "expm1" => "expm1",
                        "log1p" => "log1p",
                        _ => "cbrt",
                    }),
                };
                self.emit(Op::FMath(m, x), IrTy::Float)
            }
        }
    }

    /// One element of `a.astype(to)`, NumPy's casts: floats truncate toward
    /// zero (NaN, infinities and out-of-range values become INT64_MIN, as on
    /// x86), any nonzero value is True.
    pub(super) fn np_cast(&mut self, x: V, from: &Ty, to: &Ty) -> V {
        match (from, to) {
            (Ty::Float, Ty::Int) => {
                let a = self.emit(Op::FMath(MathFn::Fabs, x), IrTy::Float);
                let limit = self.emit(Op::Const(Const::Float(9_223_372_036_854_775_808.0)), IrTy::Float);
                let ok = self.emit(Op::FCmp(Cmp::Lt, a, limit), IrTy::Bool);
                let z = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
                let safe = self.emit(Op::Select(ok, x, z), IrTy::Float);
                let t = self.emit(Op::FloatToInt(safe), IrTy::Int);
                let min = self.cint(i64::MIN);
                self.emit(Op::Select(ok, t, min), IrTy::Int)
            }
            (Ty::Float, Ty::Bool) => {
                let z = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
                self.emit(Op::FCmp(Cmp::Ne, x, z), IrTy::Bool)
            }
            (Ty::Int, Ty::Bool) => {
                let z = self.cint(0);
                self.emit(Op::ICmp(Cmp::Ne, x, z), IrTy::Bool)
            }
            _ => self.coerce(x, from, to),
        }
    }

    /// `np.sign`: -1, 0 or 1 in the input's type; nan stays nan.
    fn np_sign(&mut self, x: V, tx: &Ty, out: &Ty) -> V {
        if *out == Ty::Float {
            let z = self.emit(Op::Const(Const::Float(0.0)), IrTy::Float);
            let one = self.emit(Op::Const(Const::Float(1.0)), IrTy::Float);
            let m1 = self.emit(Op::Const(Const::Float(-1.0)), IrTy::Float);
            let pos = self.emit(Op::FCmp(Cmp::Gt, x, z), IrTy::Bool);
            let neg = self.emit(Op::FCmp(Cmp::Lt, x, z), IrTy::Bool);
            let nan = self.emit(Op::FCmp(Cmp::Ne, x, x), IrTy::Bool);
            // -0.0 gives 0.0, as NumPy prints it.
            let r = self.emit(Op::Select(nan, x, z), IrTy::Float);
            let r = self.emit(Op::Select(neg, m1, r), IrTy::Float);
            return self.emit(Op::Select(pos, one, r), IrTy::Float);
        }
        let x = self.coerce(x, tx, &Ty::Int);
        let z = self.cint(0);
        let pos = self.emit(Op::ICmp(Cmp::Gt, x, z), IrTy::Bool);
        let neg = self.emit(Op::ICmp(Cmp::Lt, x, z), IrTy::Bool);
        let p = self.emit(Op::Conv(Conv::BoolToInt, pos), IrTy::Int);
        let n = self.emit(Op::Conv(Conv::BoolToInt, neg), IrTy::Int);
        self.emit(Op::Int(IntOp::Sub, p, n), IrTy::Int)
    }
}
