//! datetime64[ns] values as pandas prints them: `2024-01-05 10:30:00`, with
//! the fraction of a second at the finest resolution any value of the
//! array needs (`.500`, `.000001`, `.000000001`), the date alone when every
//! value is at midnight, and `NaT` for `i64::MIN`.

/// Nanoseconds in a day, and in a second.
pub(crate) const DAY_NS: i64 = 86_400_000_000_000;
const SECOND_NS: i64 = 1_000_000_000;

/// pandas' NaT: the smallest int64.
pub(crate) const NAT: i64 = i64::MIN;

/// The values of a datetime64 array, as `DatetimeArray._format_native_types`
/// writes them (shared digits for the whole array).
pub(super) fn format_array(values: &[i64]) -> Vec<String> {
    let times = || values.iter().filter(|&&v| v != NAT).map(|v| v.rem_euclid(DAY_NS));
    let dates_only = times().all(|t| t == 0);
    let digits = if times().any(|t| t % 1000 != 0) {
        9
    } else if times().any(|t| t % 1_000_000 != 0) {
        6
    } else if times().any(|t| t % SECOND_NS != 0) {
        3
    } else {
        0
    };
    values
        .iter()
        .map(|&v| match v {
            NAT => "NaT".to_string(),
            _ if dates_only => date(v),
            _ => date_time(v, digits),
        })
        .collect()
}

/// `str(pd.Timestamp(v))`: microseconds when nonzero, nanoseconds too when
/// those are (as the empty frame's `Index: [...]` line lists a DatetimeIndex).
pub fn timestamp_str(v: i64) -> String {
    if v == NAT {
        return "NaT".to_string();
    }
    let t = v.rem_euclid(DAY_NS);
    let digits = if t % 1000 != 0 {
        9
    } else if t % SECOND_NS != 0 {
        6
    } else {
        0
    };
    date_time(v, digits)
}

/// `repr(pd.Timestamp(v))`: `Timestamp('2023-01-05 13:07:00')`, `NaT`.
pub fn timestamp_repr(v: i64) -> String {
    match v {
        NAT => "NaT".to_string(),
        _ => format!("Timestamp('{}')", timestamp_str(v)),
    }
}

/// `YYYY-MM-DD` of the day holding `v`.
fn date(v: i64) -> String {
    let (y, m, d) = civil_from_days(v.div_euclid(DAY_NS));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM:SS` with `digits` digits of the second's fraction.
fn date_time(v: i64, digits: u32) -> String {
    let t = v.rem_euclid(DAY_NS);
    let secs = t / SECOND_NS;
    let mut s = format!("{} {:02}:{:02}:{:02}", date(v), secs / 3600, secs / 60 % 60, secs % 60);
    if digits > 0 {
        let frac = (t % SECOND_NS) / 10i64.pow(9 - digits);
        s.push_str(&format!(".{frac:0width$}", width = digits as usize));
    }
    s
}

/// The proleptic Gregorian (year, month, day) of a count of days since
/// 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
