//! f-strings rendered in one call: generated code passes every piece (the
//! literal text between replacement fields is a piece of type str) and the
//! runtime writes them all into one buffer, so `f"{i:06d};{name};{x:.2f}"`
//! makes one string object instead of one per piece plus their join.

use crate::errors::{PyErr, PyResult};
use crate::object::{StrObj, TypeDesc};
use crate::str::as_str;
use crate::{format, generic};
use bodo_abi::exc;

/// The pieces of one f-string, as parallel arrays of `n` entries: each
/// value's slot and type, its format spec (null: none) and its conversion
/// (0 none, 1 `!s`, 2 `!r`).
pub struct Pieces<'a> {
    pub values: &'a [u64],
    pub descs: &'a [&'a TypeDesc],
    pub specs: &'a [*const StrObj],
    pub convs: &'a [u64],
}

/// The text of the f-string; the first failing format spec's error.
///
/// # Safety
/// Values are live slots of their types; non-null specs are live strings.
pub unsafe fn render(p: &Pieces) -> PyResult<String> {
    // Room for typical pieces up front: growing the buffer piece by piece
    // costs more than the formatting itself.
    let mut out = String::with_capacity(16 * p.values.len());
    for k in 0..p.values.len() {
        let (v, d) = (p.values[k], p.descs[k]);
        let spec = if p.specs[k].is_null() { "" } else { as_str(p.specs[k]) };
        match (p.convs[k], spec) {
            (0, "") => generic::write_str(&mut out, v, d),
            (0, spec) => out.push_str(&generic::format_value(v, d, spec)?),
            // `!s` / `!r` first make a str, which the spec then formats.
            (conv, spec) => {
                let text = if conv == 2 { generic::repr(v, d) } else { generic::str(v, d) };
                let text = format::format_str(&text, spec).map_err(|m| PyErr::new(exc::VALUE_ERROR, m))?;
                out.push_str(&text);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::{decref, descs, Header};
    use crate::str::new_str;
    use crate::test_descs::{FLOAT, INT};

    #[test]
    fn pieces_render_as_cpython_does() {
        unsafe {
            let (lit, name, spec) = (new_str(";item-"), new_str("é'x"), new_str("06d"));
            let fixed = new_str(".2f");
            let str_desc: &TypeDesc = &descs::STR;
            let values = [42u64, lit as u64, name as u64, name as u64, 2.675f64.to_bits(), 0.1f64.to_bits()];
            let descs = [&INT, str_desc, str_desc, str_desc, &FLOAT, &FLOAT];
            let specs =
                [spec as *const StrObj, std::ptr::null(), std::ptr::null(), std::ptr::null(), fixed, std::ptr::null()];
            let convs = [0, 0, 0, 2, 0, 2];
            let text = render(&Pieces { values: &values, descs: &descs, specs: &specs, convs: &convs }).unwrap();
            assert_eq!(text, "000042;item-é'x\"é'x\"2.670.1");
            let wide = new_str(">6");
            let quoted = render(&Pieces { values: &[name as u64], descs: &[str_desc], specs: &[wide], convs: &[2] });
            assert_eq!(quoted.unwrap(), " \"é'x\"");
            let bad = new_str("q");
            let err = render(&Pieces { values: &[1], descs: &[&INT], specs: &[bad], convs: &[0] }).unwrap_err();
            assert_eq!(err.msg, "Unknown format code 'q' for object of type 'int'");
            for p in [lit, name, spec, fixed, bad, wide] {
                decref(p as *mut Header);
            }
        }
    }
}
