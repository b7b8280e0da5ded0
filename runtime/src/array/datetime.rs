//! pandas datetime64[ns] columns: int64 arrays of nanoseconds since the
//! epoch (NaT is `i64::MIN`). `pd.to_datetime` of strings (the format
//! guessed from the first value, every other value held to it, with
//! pandas' errors), `pd.Timestamp(str)`, and the `Series.dt` fields.

use super::object::{data_mut, desc_for, new_unfilled, ArrObj, Data, DataMut};
use super::strs;
use crate::errors::{PyErr, PyResult};
use crate::frame_fmt::datetime::{civil_from_days, DAY_NS, NAT};
use crate::io::agreed;
use bodo_abi::{dt_field, dtype, exc};

/// The ISO layouts `to_datetime` guesses: a date, then optionally a time
/// after a space or `T` (hours and minutes, seconds, a fraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    sep: Option<u8>,
    /// 0 no time, 2 `HH:MM`, 3 `HH:MM:SS`, 4 `HH:MM:SS.f...`.
    time: u8,
}

impl Layout {
    /// The strptime format pandas names in its errors.
    fn format(self) -> String {
        let mut f = "%Y-%m-%d".to_string();
        if let Some(s) = self.sep {
            f.push(s as char);
            f.push_str(["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"][self.time as usize - 2]);
        }
        f
    }

    /// The length of a value of this layout (a fraction's digits aside).
    fn len(self) -> usize {
        [10, 0, 16, 19, 20][self.time as usize]
    }
}

fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// The layout `s` has, if any (its numbers unchecked).
fn layout(s: &[u8]) -> Option<Layout> {
    let date =
        s.len() >= 10 && digits(&s[0..4]) && s[4] == b'-' && digits(&s[5..7]) && s[7] == b'-' && digits(&s[8..10]);
    if !date {
        return None;
    }
    let t = &s[10..];
    if t.is_empty() {
        return Some(Layout { sep: None, time: 0 });
    }
    let sep = Some(t[0]).filter(|c| matches!(c, b' ' | b'T'))?;
    let hm = t.len() >= 6 && digits(&t[1..3]) && t[3] == b':' && digits(&t[4..6]);
    let time = match t.len() {
        6 if hm => 2,
        9 if hm && t[6] == b':' && digits(&t[7..9]) => 3,
        n if n > 10 && hm && t[6] == b':' && digits(&t[7..9]) && t[9] == b'.' && digits(&t[10..]) => 4,
        _ => return None,
    };
    Some(Layout { sep: Some(sep), time })
}

const TRY: &str = ". You might want to try:
    - passing `format` if your strings have a consistent format;
    - passing `format='ISO8601'` if your strings are all ISO8601 but not necessarily in exactly the same format;
    - passing `format='mixed'`, and the format will be inferred for each element individually. You might want to use `dayfirst` alongside this.";

/// The value of `s`, which has layout `l`, or pandas' error for numbers
/// out of range (`at` says where: `, at position 3`); `first` when `s` is
/// the value whose layout is the format (pandas' parser, not strptime,
/// then words the error).
fn value(s: &str, l: Layout, at: &str, first: bool) -> PyResult<i64> {
    if let Some(v) = bodo_csv::values::parse_datetime(s.as_bytes()) {
        return Ok(v);
    }
    let month_ok = (1..=12).contains(&s[5..7].parse::<i64>().unwrap_or(0));
    let date_ok = bodo_csv::values::parse_datetime(&s.as_bytes()[..10]).is_some();
    let day: i64 = s[8..10].parse().unwrap_or(0);
    let msg = match (first, month_ok, date_ok) {
        (true, false, _) => format!("month must be in 1..12: {s}{at}"),
        (true, true, false) => format!("day is out of range for month: {s}{at}"),
        (true, true, true) => format!("Unknown datetime string format, unable to parse: {s}{at}"),
        // strptime's `%d` takes one digit of 32 and more, leaving the other.
        (false, true, false) if day > 31 && l.time == 0 => {
            format!("unconverted data remains when parsing with format \"{}\": \"{}\"{at}{TRY}", l.format(), &s[9..])
        }
        (false, true, false) if (1..=31).contains(&day) => format!("day is out of range for month{at}"),
        (false, ..) => format!("time data \"{s}\" doesn't match format \"{}\"{at}{TRY}", l.format()),
    };
    Err(PyErr::new(exc::VALUE_ERROR, msg))
}

/// `pd.Timestamp(s)`: ISO dates and date-times only.
pub fn parse_timestamp(s: &str) -> PyResult<i64> {
    match layout(s.as_bytes()) {
        Some(l) => value(s, l, "", true),
        None => Err(PyErr::new(exc::VALUE_ERROR, format!("Unknown datetime string format, unable to parse: {s}"))),
    }
}

/// `pd.to_datetime` of the str array `a` (None is NaT): an int64 array of
/// its layout. Collective when `a` is distributed: the format is the first
/// value's over all ranks, and every rank raises the first bad value's error.
///
/// # Safety
/// `a` is a live 1D array of strings.
pub unsafe fn from_strs(a: &ArrObj) -> PyResult<*mut ArrObj> {
    let texts: Vec<Option<&str>> =
        strs::elems(a).iter().map(|&p| (!p.is_null()).then(|| crate::str::as_str(p))).collect();
    let local = texts.iter().flatten().next().map_or(-1, |s| layout_code(layout(s.as_bytes())));
    // The rank holding the column's first value, and that value's layout.
    let (first_rank, code) = if a.is_dist() {
        let codes = super::comm::allgather_i64s(&[local]);
        codes.iter().enumerate().find(|c| *c.1 != -1).map_or((-1, -1), |(r, &c)| (r as i64, c))
    } else {
        (0, local)
    };
    let mine = !a.is_dist() || first_rank == crate::mpi_env::rank();
    let r = convert(a, &texts, code, mine);
    let status = match &r {
        Ok(_) => Ok(()),
        Err(e) => Err(PyErr::new(e.class, e.msg.clone())),
    };
    // A rank that converted its values frees them when another failed.
    match (r, agreed(status, a.is_dist())) {
        (Ok(p), Err(e)) => {
            crate::object::decref(p as *mut crate::object::Header);
            Err(e)
        }
        (_, Err(e)) => Err(e),
        (r, Ok(())) => r,
    }
}

/// A layout as one int all ranks can share: -1 for no value, -2 for an
/// unknown format.
fn layout_code(l: Option<Layout>) -> i64 {
    match l {
        None => -2,
        Some(l) => i64::from(l.time) * 4 + l.sep.map_or(0, |s| if s == b' ' { 1 } else { 2 }),
    }
}

fn layout_of(code: i64) -> Layout {
    Layout { time: (code / 4) as u8, sep: [None, Some(b' '), Some(b'T')][(code % 4) as usize] }
}

/// The values of `texts` held to the layout of `code`; `mine` when this
/// rank holds the column's first value.
unsafe fn convert(a: &ArrObj, texts: &[Option<&str>], code: i64, mine: bool) -> PyResult<*mut ArrObj> {
    let mut out = Vec::with_capacity(texts.len());
    let mut first = mine;
    for (k, t) in texts.iter().enumerate() {
        let Some(s) = t else {
            out.push(NAT);
            continue;
        };
        let at = format!(", at position {}", a.offset + k as i64);
        if code == -2 {
            let msg = format!("Unknown datetime string format, unable to parse: {s}{at}");
            return Err(PyErr::new(exc::VALUE_ERROR, msg));
        }
        let l = layout_of(code);
        match layout(s.as_bytes()) {
            Some(m) if m == l => out.push(value(s, l, &at, first)?),
            _ => {
                let fmt = l.format();
                let head = s.get(..l.len()).filter(|h| layout(h.as_bytes()) == Some(l) && l.time != 4);
                let msg = match head {
                    Some(h) if bodo_csv::values::parse_datetime(h.as_bytes()).is_some() => format!(
                        "unconverted data remains when parsing with format \"{fmt}\": \"{}\"{at}{TRY}",
                        &s[l.len()..]
                    ),
                    _ => format!("time data \"{s}\" doesn't match format \"{fmt}\"{at}{TRY}"),
                };
                return Err(PyErr::new(exc::VALUE_ERROR, msg));
            }
        }
        first = false;
    }
    let mut shape = a.shape();
    shape.dtype = dtype::INT64;
    let r = new_unfilled(desc_for(dtype::INT64), shape)?;
    if let DataMut::Int(dst) = data_mut(r) {
        dst.copy_from_slice(&out);
    }
    Ok(r)
}

/// `s.dt.<field>` of the datetime64 values `a` (`bodo_abi::dt_field`): an
/// int64 array of its layout. pandas gives floats with NaN for NaT, which
/// an int64 column cannot hold: a ValueError on every rank instead.
///
/// # Safety
/// `a` is a live 1D int64 array.
pub unsafe fn field(a: &ArrObj, which: i64) -> PyResult<*mut ArrObj> {
    let Data::Int(v) = a.data() else { return Err(PyErr::new(exc::TYPE_ERROR, "not a datetime64 array")) };
    let nat = v.contains(&NAT);
    agreed(
        if nat {
            Err(PyErr::new(
                exc::VALUE_ERROR,
                "Series.dt fields of a column holding NaT are not supported (pandas would make them float64 with NaN)",
            ))
        } else {
            Ok(())
        },
        a.is_dist(),
    )?;
    let r = new_unfilled(desc_for(dtype::INT64), a.shape())?;
    if let DataMut::Int(dst) = data_mut(r) {
        for (o, &x) in dst.iter_mut().zip(v) {
            *o = field_of(x, which);
        }
    }
    Ok(r)
}

/// Field `which` of the datetime `v` (nanoseconds since the epoch).
fn field_of(v: i64, which: i64) -> i64 {
    let (days, t) = (v.div_euclid(DAY_NS), v.rem_euclid(DAY_NS));
    let date = || civil_from_days(days);
    let second = 1_000_000_000;
    match which {
        dt_field::YEAR => date().0,
        dt_field::MONTH => date().1,
        dt_field::DAY => date().2,
        dt_field::HOUR => t / (3600 * second),
        dt_field::MINUTE => t / (60 * second) % 60,
        dt_field::SECOND => t / second % 60,
        dt_field::MICROSECOND => t % second / 1000,
        dt_field::NANOSECOND => t % 1000,
        // 1970-01-01 was a Thursday (Monday is 0).
        dt_field::DAYOFWEEK => (days + 3).rem_euclid(7),
        _ => (date().1 - 1) / 3 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_a_known_date() {
        // 2023-08-12 05:13:07.000250001, a Saturday.
        let v = parse_timestamp("2023-08-12 05:13:07.000250001").unwrap();
        let f = |w| field_of(v, w);
        assert_eq!([f(dt_field::YEAR), f(dt_field::MONTH), f(dt_field::DAY)], [2023, 8, 12]);
        assert_eq!([f(dt_field::HOUR), f(dt_field::MINUTE), f(dt_field::SECOND)], [5, 13, 7]);
        assert_eq!([f(dt_field::MICROSECOND), f(dt_field::NANOSECOND)], [250, 1]);
        assert_eq!([f(dt_field::DAYOFWEEK), f(dt_field::QUARTER)], [5, 3]);
    }

    #[test]
    fn layouts_and_errors() {
        assert_eq!(layout(b"2023-01-05"), Some(Layout { sep: None, time: 0 }));
        assert_eq!(layout(b"2023-01-05T10:07"), Some(Layout { sep: Some(b'T'), time: 2 }));
        assert_eq!(layout(b"2023-01-05 10:07:00.5"), Some(Layout { sep: Some(b' '), time: 4 }));
        assert_eq!(layout(b"2023/01/05"), None);
        let e = parse_timestamp("2023-13-01").unwrap_err();
        assert_eq!(e.msg, "month must be in 1..12: 2023-13-01");
        let e = parse_timestamp("hello").unwrap_err();
        assert_eq!(e.msg, "Unknown datetime string format, unable to parse: hello");
    }
}
