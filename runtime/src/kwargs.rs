//! `f(**d)` of a dict whose keys are only known at run time, and `f(a, *xs)`
//! of a list whose length is: before the call the keys or the length are
//! checked against the callee's parameters the way CPython binds them,
//! raising CPython's TypeError for a key no parameter has, a parameter
//! given twice, too many positional arguments, or required parameters left
//! without value.

use crate::dict::{self, DictObj};
use crate::errors::{PyErr, PyResult};
use crate::object::StrObj;
use crate::str::as_str;
use bodo_abi::exc;
use bodo_abi::spread_param::{DEFAULTED, KEYWORD, POSITIONAL, REQUIRED};

/// Checks the str keys of `d` against the parameters `names` (comma
/// separated) of `func`, each in the state `states` gives (one
/// `spread_param` letter per parameter).
///
/// # Safety
/// `d` is a live dict with str keys.
pub unsafe fn check(d: *const DictObj, func: &str, names: &str, states: &str) -> PyResult<()> {
    let params: Vec<(&str, u8)> = names.split(',').zip(states.bytes()).collect();
    let keys: Vec<&str> = dict::entries(d).map(|(k, _)| as_str(k as *const StrObj)).collect();
    let error = |msg: String| Err(PyErr::new(exc::TYPE_ERROR, msg));
    // CPython merges the dict into the explicit keywords first (its message
    // names the function by module and qualified name there).
    if let Some(k) = keys.iter().find(|k| params.iter().any(|(n, s)| n == *k && *s == KEYWORD)) {
        return error(format!("__main__.{func}() got multiple values for keyword argument '{k}'"));
    }
    for k in &keys {
        match params.iter().find(|(n, _)| n == k) {
            None => return error(format!("{func}() got an unexpected keyword argument '{k}'")),
            Some((_, POSITIONAL)) => return error(format!("{func}() got multiple values for argument '{k}'")),
            Some(_) => {}
        }
    }
    missing(func, params.iter().filter(|(n, s)| *s == REQUIRED && !keys.contains(n)).map(|p| p.0))
}

/// Checks that the positional arguments of `func`, `first` before a list
/// of `n` items, fit its parameters `names` in their `states` (the ones
/// the list may fill `REQUIRED` or `DEFAULTED`).
pub fn check_count(n: i64, func: &str, first: i64, names: &str, states: &str) -> PyResult<()> {
    let params: Vec<(&str, u8)> = names.split(',').zip(states.bytes()).collect();
    let given = (first + n) as usize;
    if given > params.len() {
        let required = params.iter().filter(|p| p.1 != DEFAULTED).count();
        let takes = match (required, params.len()) {
            (1, 1) => "1 positional argument".to_string(),
            (r, m) if r == m => format!("{m} positional arguments"),
            (r, m) => format!("from {r} to {m} positional arguments"),
        };
        let were = if given == 1 { "was" } else { "were" };
        return Err(PyErr::new(exc::TYPE_ERROR, format!("{func}() takes {takes} but {given} {were} given")));
    }
    missing(func, params.iter().skip(given).filter(|p| p.1 == REQUIRED).map(|p| p.0))
}

/// CPython's TypeError for the required parameters `names` of `func` left
/// without a value, if any.
fn missing<'a>(func: &str, names: impl Iterator<Item = &'a str>) -> PyResult<()> {
    let missing: Vec<String> = names.map(|n| format!("'{n}'")).collect();
    let listed = match missing.as_slice() {
        [] => return Ok(()),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    };
    let s = if missing.len() == 1 { "" } else { "s" };
    let msg = format!("{func}() missing {} required positional argument{s}: {listed}", missing.len());
    Err(PyErr::new(exc::TYPE_ERROR, msg))
}
