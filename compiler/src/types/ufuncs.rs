//! NumPy's elementwise functions of one argument: which exist and the
//! element type each gives (NumPy 2's loops: `floor`/`ceil`/`trunc` of ints
//! stay ints, the transcendental ones give floats, `isnan` and friends bools).

use super::ty::Ty;

/// NumPy ufuncs of one argument (lowered by `ir::ufunc`).
pub const NP_UNARY: &[&str] = &[
    "sqrt", "exp", "exp2", "expm1", "log", "log10", "log2", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan",
    "sinh", "cosh", "tanh", "cbrt", "rint", "fabs", "abs", "absolute", "floor", "ceil", "trunc", "sign", "square",
    "negative", "isnan", "isinf", "isfinite",
];

/// The element type `np.name` gives for an element of type `el`, or `None`
/// when NumPy has no loop for it (`np.sign`/`np.negative` of bools).
pub fn unary_elem(name: &str, el: &Ty) -> Option<Ty> {
    match name {
        "isnan" | "isinf" | "isfinite" => Some(Ty::Bool),
        "abs" | "absolute" | "floor" | "ceil" | "trunc" => Some(el.clone()),
        "sign" | "negative" if *el == Ty::Bool => None,
        "sign" | "negative" | "square" => Some(if *el == Ty::Float { Ty::Float } else { Ty::Int }),
        _ => Some(Ty::Float),
    }
}
