//! Hand-picked cases, one per formatting rule, each with the exact text
//! pandas 2.3.3 prints for it (`print(df)` / `print(series)` run from a
//! script with stdout redirected); the random differential check against
//! pandas is `differential.rs`.

use super::{frame_repr, series_repr, shown_rows, Cells, Frame, Labels, Level, Series, ShownRows};

/// NaT.
const NAT: i64 = i64::MIN;

/// Compares the text with pandas', given as its lines.
#[track_caller]
fn check(got: String, want: &[&str]) {
    assert_eq!(got, want.join("\n"));
}

/// A frame with a default RangeIndex.
fn df(nrows: usize, columns: Vec<(&str, Cells)>) -> String {
    frame(nrows, columns, Labels::Range { start: 0, step: 1 }, None)
}

fn frame(nrows: usize, columns: Vec<(&str, Cells)>, index: Labels, index_name: Option<&str>) -> String {
    frame_repr(&Frame { nrows, columns, index, index_name, columns_name: None })
}

/// A frame whose column labels have a name (`df.columns.name`).
fn named_columns(
    nrows: usize,
    columns: Vec<(&str, Cells)>,
    index: Labels,
    index_name: Option<&str>,
    name: &str,
) -> String {
    frame_repr(&Frame { nrows, columns, index, index_name, columns_name: Some(name) })
}

fn series(nrows: usize, cells: Cells, index: Labels, index_name: Option<&str>, name: Option<&str>) -> String {
    series_repr(&Series { nrows, cells, index, index_name, name })
}

/// `f` of the positions of the rows shown of `nrows`, as the caller gathers them.
fn shown<T>(nrows: usize, f: impl Fn(usize) -> T) -> Vec<T> {
    let s = shown_rows(nrows);
    (0..s.head).chain(nrows - s.tail..nrows).map(f).collect()
}

/// Up to 60 rows all are shown; past that the first and last five.
#[test]
fn sixty_rows_not_truncated_sixty_one_are() {
    assert_eq!(shown_rows(0), ShownRows { head: 0, tail: 0 });
    assert_eq!(shown_rows(60), ShownRows { head: 60, tail: 0 });
    assert_eq!(shown_rows(61), ShownRows { head: 5, tail: 5 });
}

/// Ints right-aligned under a header with a leading space; RangeIndex labels left-aligned.
#[test]
fn int_column_right_aligned() {
    check(df(3, vec![("a", Cells::Int(&[1, -2, 30]))]), &["    a", "0   1", "1  -2", "2  30"]);
}

/// A float column shares its number of decimals.
#[test]
fn float_common_decimals() {
    check(df(3, vec![("x", Cells::Float(&[1.5, 2.25, -3.0]))]), &["      x", "0  1.50", "1  2.25", "2 -3.00"]);
}

/// Integer-valued floats print as 1.0.
#[test]
fn float_integer_values_keep_one_decimal() {
    check(df(3, vec![("x", Cells::Float(&[1.0, 2.0, 30.0]))]), &["      x", "0   1.0", "1   2.0", "2  30.0"]);
}

/// At most six decimals, rounded.
#[test]
fn float_six_decimals() {
    check(
        df(3, vec![("x", Cells::Float(&[1.0 / 3.0, 2.0 / 3.0, 10.0]))]),
        &["           x", "0   0.333333", "1   0.666667", "2  10.000000"],
    );
}

/// NaN, inf and -inf among fixed values.
#[test]
fn float_nan_and_infinities() {
    check(
        df(4, vec![("x", Cells::Float(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5]))]),
        &["     x", "0  NaN", "1  inf", "2 -inf", "3  1.5"],
    );
}

/// Negative zero keeps its sign.
#[test]
fn float_negative_zero() {
    check(df(2, vec![("x", Cells::Float(&[-0.0, 1.25]))]), &["      x", "0 -0.00", "1  1.25"]);
}

/// A column of NaN only.
#[test]
fn float_all_nan() {
    check(df(2, vec![("x", Cells::Float(&[f64::NAN, f64::NAN]))]), &["    x", "0 NaN", "1 NaN"]);
}

/// A nonzero value under 1e-6 makes the whole column scientific.
#[test]
fn float_tiny_value_switches_column_to_scientific() {
    check(
        df(3, vec![("x", Cells::Float(&[1e-7, 1.0, f64::NAN]))]),
        &["              x", "0  1.000000e-07", "1  1.000000e+00", "2           NaN"],
    );
}

/// A value over 1e6 whose trimmed fixed text is over 12 wide.
#[test]
fn float_large_wide_value_switches_to_scientific() {
    check(
        df(2, vec![("x", Cells::Float(&[12345678.9125, 1.5]))]),
        &["              x", "0  1.234568e+07", "1  1.500000e+00"],
    );
}

/// A value over 1e6 whose trimmed fixed text is 12 wide stays fixed.
#[test]
fn float_large_value_twelve_wide_stays_fixed() {
    check(
        df(2, vec![("x", Cells::Float(&[1234567.891, 1.5]))]),
        &["             x", "0  1234567.891", "1        1.500"],
    );
}

/// A value over 1e6 whose trimmed text fits stays fixed.
#[test]
fn float_large_narrow_value_stays_fixed() {
    check(df(2, vec![("x", Cells::Float(&[2e6, 3e6]))]), &["           x", "0  2000000.0", "1  3000000.0"]);
}

/// Inf counts as large but is narrow.
#[test]
fn float_infinity_alone_stays_fixed() {
    check(df(2, vec![("x", Cells::Float(&[f64::INFINITY, 0.5]))]), &["     x", "0  inf", "1  0.5"]);
}

/// Bools as True/False, header with a leading space.
#[test]
fn bool_column() {
    check(df(2, vec![("b", Cells::Bool(&[true, false]))]), &["       b", "0   True", "1  False"]);
}

/// Object strings right-aligned, header without a leading space.
#[test]
fn str_column_right_aligned() {
    check(df(2, vec![("name", Cells::Str(&[Some("a"), Some("bbbbbb")]))]), &["     name", "0       a", "1  bbbbbb"]);
}

/// A missing string that is None.
#[test]
fn str_none_prints_none() {
    check(df(2, vec![("s", Cells::Str(&[Some("ab"), None]))]), &["      s", "0    ab", "1  None"]);
}

/// A missing string that is NaN.
#[test]
fn str_nan_prints_nan() {
    check(df(2, vec![("s", Cells::StrNaN(&[Some("ab"), None]))]), &["     s", "0   ab", "1  NaN"]);
}

/// Cells over 50 characters cut to 47 and ....
#[test]
fn str_longer_than_max_colwidth_is_cut() {
    const LONG: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    check(
        df(2, vec![("s", Cells::Str(&[Some(LONG), Some("y")]))]),
        &[
            "                                                   s",
            "0  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...",
            "1                                                  y",
        ],
    );
}

/// Tabs and newlines print escaped.
#[test]
fn str_escapes_tab_and_newline() {
    check(df(2, vec![("s", Cells::Str(&[Some("a\tb"), Some("c\nd")]))]), &["      s", "0  a\\tb", "1  c\\nd"]);
}

/// Widths count code points, not bytes.
#[test]
fn str_width_counts_code_points() {
    check(
        df(3, vec![("s", Cells::Str(&[Some("日本"), Some("é"), Some("abc")]))]),
        &["     s", "0   日本", "1    é", "2  abc"],
    );
}

/// Datetimes with a time of day; NaT.
#[test]
fn datetime_with_times() {
    check(
        df(3, vec![("t", Cells::DateTime(&[1704450600000000000, 1704499200000000000, NAT]))]),
        &["                    t", "0 2024-01-05 10:30:00", "1 2024-01-06 00:00:00", "2                 NaT"],
    );
}

/// All at midnight: dates only.
#[test]
fn datetime_dates_only() {
    check(
        df(3, vec![("t", Cells::DateTime(&[1704412800000000000, NAT, -86400000000000]))]),
        &["           t", "0 2024-01-05", "1        NaT", "2 1969-12-31"],
    );
}

/// The finest fraction any value needs, for all.
#[test]
fn datetime_millisecond_resolution() {
    check(
        df(2, vec![("t", Cells::DateTime(&[1704412800500000000, 1704499200000000000]))]),
        &["                        t", "0 2024-01-05 00:00:00.500", "1 2024-01-06 00:00:00.000"],
    );
}

/// Nanoseconds shown with nine digits.
#[test]
fn datetime_nanosecond_resolution() {
    check(
        df(2, vec![("t", Cells::DateTime(&[-315273599999999999, 1704542400000000000]))]),
        &["                              t", "0 1960-01-05 00:00:00.000000001", "1 2024-01-06 12:00:00.000000000"],
    );
}

/// A long header widens the column.
#[test]
fn header_wider_than_values() {
    check(
        df(1, vec![("long_column_name", Cells::Int(&[1])), ("s", Cells::Str(&[Some("x")]))]),
        &["   long_column_name  s", "0                 1  x"],
    );
}

/// Values justified to 50 and then left in the wider header field.
#[test]
fn header_wider_than_max_colwidth() {
    const WIDE: &str = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
    check(
        df(2, vec![(WIDE, Cells::Int(&[1, 2]))]),
        &[
            "   cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
            "0                                                  1           ",
            "1                                                  2           ",
        ],
    );
}

/// Int, float, bool, str and datetime side by side.
#[test]
fn mixed_dtypes() {
    check(
        df(
            2,
            vec![
                ("i", Cells::Int(&[1, 22])),
                ("f", Cells::Float(&[0.5, -1.0])),
                ("b", Cells::Bool(&[true, false])),
                ("s", Cells::Str(&[Some("x"), Some("yy")])),
                ("t", Cells::DateTime(&[1709251200000000000, 1709337600000000000])),
            ],
        ),
        &["    i    f      b   s          t", "0   1  0.5   True   x 2024-03-01", "1  22 -1.0  False  yy 2024-03-02"],
    );
}

/// A named index gets a line of its own.
#[test]
fn index_name_line() {
    check(
        frame(
            2,
            vec![("a", Cells::Int(&[1, 2])), ("s", Cells::Str(&[Some("x"), Some("yy")]))],
            Labels::Int(&[3, 40]),
            Some("key"),
        ),
        &["     a   s", "key       ", "3    1   x", "40   2  yy"],
    );
}

/// The index name widens the index column.
#[test]
fn index_name_wider_than_labels() {
    check(
        frame(1, vec![("a", Cells::Float(&[1.5]))], Labels::Str(&["p"]), Some("category")),
        &["            a", "category     ", "p         1.5"],
    );
}

/// String labels left-aligned.
#[test]
fn index_str_left_aligned() {
    check(
        frame(2, vec![("a", Cells::Int(&[1, 2]))], Labels::Str(&["x", "long label"]), None),
        &["            a", "x           1", "long label  2"],
    );
}

/// With a negative label the others keep their sign space.
#[test]
fn index_int_negative_keeps_space() {
    check(
        frame(3, vec![("a", Cells::Int(&[1, 2, 3]))], Labels::Int(&[-1, 5, 100]), None),
        &["      a", "-1    1", " 5    2", " 100  3"],
    );
}

/// Float labels formatted like a column, left-aligned.
#[test]
fn index_float() {
    check(
        frame(3, vec![("a", Cells::Int(&[1, 2, 3]))], Labels::Float(&[1.5, f64::NAN, -2.0]), None),
        &["      a", " 1.5  1", " NaN  2", "-2.0  3"],
    );
}

/// Datetime labels, dates only.
#[test]
fn index_datetime() {
    check(
        frame(
            2,
            vec![("a", Cells::Int(&[1, 2]))],
            Labels::DateTime(&[1704412800000000000, 1704499200000000000]),
            Some("day"),
        ),
        &["            a", "day          ", "2024-01-05  1", "2024-01-06  2"],
    );
}

/// Index labels over 50 characters are cut too.
#[test]
fn index_long_string_cut() {
    const KEY: &str = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk";
    check(
        frame(1, vec![("a", Cells::Int(&[1]))], Labels::Str(&[KEY]), None),
        &[
            "                                                    a",
            "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...  1",
        ],
    );
}

/// A RangeIndex's labels from start and step.
#[test]
fn range_index_start_and_step() {
    check(
        frame(3, vec![("a", Cells::Int(&[7, 8, 9]))], Labels::Range { start: 10, step: 2 }, None),
        &["    a", "10  7", "12  8", "14  9"],
    );
}

/// An untruncated RangeIndex has no sign space.
#[test]
fn range_index_negative_labels() {
    check(
        frame(3, vec![("a", Cells::Int(&[7, 8, 9]))], Labels::Range { start: -1, step: 1 }, None),
        &["    a", "-1  7", "0   8", "1   9"],
    );
}

/// Over 60 rows: first and last five, a ... row and the dimensions.
#[test]
fn truncated_rows() {
    let a = shown(100, |i| i as i64 * 1000);
    let f = shown(100, |i| i as f64 * 0.5);
    check(
        df(100, vec![("a", Cells::Int(&a)), ("f", Cells::Float(&f))]),
        &[
            "        a     f",
            "0       0   0.0",
            "1    1000   0.5",
            "2    2000   1.0",
            "3    3000   1.5",
            "4    4000   2.0",
            "..    ...   ...",
            "95  95000  47.5",
            "96  96000  48.0",
            "97  97000  48.5",
            "98  98000  49.0",
            "99  99000  49.5",
            "",
            "[100 rows x 2 columns]",
        ],
    );
}

/// Columns at most 3 wide get .. in the dot row.
#[test]
fn truncated_narrow_column_two_dots() {
    let a = shown(100, |i| i as i64);
    check(
        df(100, vec![("a", Cells::Int(&a))]),
        &[
            "     a",
            "0    0",
            "1    1",
            "2    2",
            "3    3",
            "4    4",
            "..  ..",
            "95  95",
            "96  96",
            "97  97",
            "98  98",
            "99  99",
            "",
            "[100 rows x 1 columns]",
        ],
    );
}

/// The tail rows' labels of a truncated RangeIndex.
#[test]
fn truncated_range_index_tail_labels() {
    let a = shown(70, |i| i as i64);
    check(
        frame(70, vec![("a", Cells::Int(&a))], Labels::Range { start: -5, step: 3 }, None),
        &[
            "       a",
            "-5     0",
            "-2     1",
            " 1     2",
            " 4     3",
            " 7     4",
            "...   ..",
            " 190  65",
            " 193  66",
            " 196  67",
            " 199  68",
            " 202  69",
            "",
            "[70 rows x 1 columns]",
        ],
    );
}

/// The dot row comes after the index name line.
#[test]
fn truncated_rows_with_index_name() {
    let sv = shown(61, |i| format!("v{i}"));
    let kv = shown(61, |i| format!("k{i}"));
    let s: Vec<Option<&str>> = sv.iter().map(|x| Some(x.as_str())).collect();
    let k: Vec<&str> = kv.iter().map(String::as_str).collect();
    check(
        frame(61, vec![("s", Cells::Str(&s))], Labels::Str(&k), Some("key")),
        &[
            "       s",
            "key     ",
            "k0    v0",
            "k1    v1",
            "k2    v2",
            "k3    v3",
            "k4    v4",
            "..   ...",
            "k56  v56",
            "k57  v57",
            "k58  v58",
            "k59  v59",
            "k60  v60",
            "",
            "[61 rows x 1 columns]",
        ],
    );
}

/// Columns past 80 characters dropped from the middle, a ... column instead.
#[test]
fn wide_frame_drops_middle_columns() {
    let cols: Vec<(String, Vec<f64>)> = (0..30).map(|i| (format!("col{i}"), vec![0.0, 1000.5, 2001.0])).collect();
    check(
        df(3, cols.iter().map(|(n, v)| (n.as_str(), Cells::Float(v))).collect()),
        &[
            "     col0    col1    col2    col3  ...   col26   col27   col28   col29",
            "0     0.0     0.0     0.0     0.0  ...     0.0     0.0     0.0     0.0",
            "1  1000.5  1000.5  1000.5  1000.5  ...  1000.5  1000.5  1000.5  1000.5",
            "2  2001.0  2001.0  2001.0  2001.0  ...  2001.0  2001.0  2001.0  2001.0",
            "",
            "[3 rows x 30 columns]",
        ],
    );
}

/// A ... column crossing the ... row.
#[test]
fn wide_frame_truncated_rows() {
    let v = shown(100, |i| i as f64 * 1.5);
    let cols: Vec<(String, Vec<f64>)> = (0..12).map(|i| (format!("v{i}"), v.clone())).collect();
    check(
        df(100, cols.iter().map(|(n, v)| (n.as_str(), Cells::Float(v))).collect()),
        &[
            "       v0     v1     v2     v3     v4  ...     v7     v8     v9    v10    v11",
            "0     0.0    0.0    0.0    0.0    0.0  ...    0.0    0.0    0.0    0.0    0.0",
            "1     1.5    1.5    1.5    1.5    1.5  ...    1.5    1.5    1.5    1.5    1.5",
            "2     3.0    3.0    3.0    3.0    3.0  ...    3.0    3.0    3.0    3.0    3.0",
            "3     4.5    4.5    4.5    4.5    4.5  ...    4.5    4.5    4.5    4.5    4.5",
            "4     6.0    6.0    6.0    6.0    6.0  ...    6.0    6.0    6.0    6.0    6.0",
            "..    ...    ...    ...    ...    ...  ...    ...    ...    ...    ...    ...",
            "95  142.5  142.5  142.5  142.5  142.5  ...  142.5  142.5  142.5  142.5  142.5",
            "96  144.0  144.0  144.0  144.0  144.0  ...  144.0  144.0  144.0  144.0  144.0",
            "97  145.5  145.5  145.5  145.5  145.5  ...  145.5  145.5  145.5  145.5  145.5",
            "98  147.0  147.0  147.0  147.0  147.0  ...  147.0  147.0  147.0  147.0  147.0",
            "99  148.5  148.5  148.5  148.5  148.5  ...  148.5  148.5  148.5  148.5  148.5",
            "",
            "[100 rows x 12 columns]",
        ],
    );
}

/// More columns than the terminal is wide.
#[test]
fn over_80_columns() {
    let cols: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
    check(
        df(1, cols.iter().map(|n| (n.as_str(), Cells::Int(&[1]))).collect()),
        &[
            "   c0  c1  c2  c3  c4  c5  c6  c7  ...  c92  c93  c94  c95  c96  c97  c98  c99",
            "0   1   1   1   1   1   1   1   1  ...    1    1    1    1    1    1    1    1",
            "",
            "[1 rows x 100 columns]",
        ],
    );
}

/// At least two columns stay even when too wide.
#[test]
fn two_columns_kept_however_wide() {
    const XS: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    const YS: &str = "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy";
    check(
        df(1, vec![("a", Cells::Str(&[Some(XS)])), ("b", Cells::Str(&[Some(YS)])), ("c", Cells::Str(&[Some("z")]))]),
        &[
            "                                                  a  ...  c",
            "0  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx  ...  z",
            "",
            "[1 rows x 3 columns]",
        ],
    );
}

/// After a horizontal cut a label's leading space follows the dtype at its position in the whole frame.
#[test]
fn shown_label_space_follows_original_dtype_order() {
    let names: Vec<String> = (0..8).map(|i| format!("n{i}")).chain((0..8).map(|i| format!("label_s{i}"))).collect();
    let ints: Vec<[i64; 1]> = (0..8).map(|i| [1000000 + i]).collect();
    let mut cols: Vec<(&str, Cells)> = names[..8].iter().zip(&ints).map(|(n, v)| (n.as_str(), Cells::Int(v))).collect();
    cols.extend(names[8..].iter().map(|n| (n.as_str(), Cells::Str(&[Some("w")]))));
    check(
        df(1, cols),
        &[
            "        n0       n1       n2       n3  ...  label_s4  label_s5  label_s6  label_s7",
            "0  1000000  1000001  1000002  1000003  ...         w         w         w         w",
            "",
            "[1 rows x 16 columns]",
        ],
    );
}

/// A repeated name's leading space follows its last column's dtype.
#[test]
fn duplicate_column_names_take_last_dtype() {
    check(df(1, vec![("abc", Cells::Int(&[1])), ("abc", Cells::Str(&[Some("x")]))]), &["  abc abc", "0   1   x"]);
}

/// Leading spaces every label has are dropped.
#[test]
fn column_labels_common_spaces_trimmed() {
    check(df(1, vec![(" a", Cells::Str(&[Some("x")])), ("  b", Cells::Str(&[Some("y")]))]), &["   a  b", "0  x  y"]);
}

/// No rows.
#[test]
fn empty_frame_with_columns() {
    check(
        df(0, vec![("a", Cells::Float(&[])), ("b", Cells::Float(&[]))]),
        &["Empty DataFrame", "Columns: [a, b]", "Index: []"],
    );
}

/// Rows but no columns: the labels listed.
#[test]
fn empty_frame_without_columns() {
    check(df(3, vec![]), &["Empty DataFrame", "Columns: []", "Index: [0, 1, 2]"]);
}

/// No columns and over 60 rows: the dimensions too.
#[test]
fn empty_frame_without_columns_truncated() {
    check(df(101, vec![]), &[
        "Empty DataFrame",
        "Columns: []",
        "Index: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, ...]",
        "",
        "[101 rows x 0 columns]",
    ]);
}

/// Series: labels and values three apart, name and dtype footer.
#[test]
fn series_float_with_name() {
    check(
        series(2, Cells::Float(&[1.5, -2.0]), Labels::Range { start: 0, step: 1 }, None, Some("price")),
        &["0    1.5", "1   -2.0", "Name: price, dtype: float64"],
    );
}

/// Series footer without a name.
#[test]
fn series_int_without_name() {
    check(
        series(3, Cells::Int(&[1, 2, 3]), Labels::Range { start: 0, step: 1 }, None, None),
        &["0    1", "1    2", "2    3", "dtype: int64"],
    );
}

/// Series of strings right-aligned, object dtype.
#[test]
fn series_strings() {
    check(
        series(3, Cells::Str(&[Some("a"), None, Some("ccc")]), Labels::Range { start: 0, step: 1 }, None, None),
        &["0       a", "1    None", "2     ccc", "dtype: object"],
    );
}

/// Series of bools.
#[test]
fn series_bool() {
    check(
        series(2, Cells::Bool(&[true, false]), Labels::Range { start: 0, step: 1 }, None, None),
        &["0     True", "1    False", "dtype: bool"],
    );
}

/// Series of datetimes, named.
#[test]
fn series_datetime() {
    check(
        series(
            3,
            Cells::DateTime(&[1704450600000000000, 1704499200000000000, NAT]),
            Labels::Range { start: 0, step: 1 },
            None,
            Some("when"),
        ),
        &[
            "0   2024-01-05 10:30:00",
            "1   2024-01-06 00:00:00",
            "2                   NaT",
            "Name: when, dtype: datetime64[ns]",
        ],
    );
}

/// Over 60 rows: centered ... and Length in the footer.
#[test]
fn series_truncated_length_footer() {
    let v = shown(100, |i| i as f64);
    check(
        series(100, Cells::Float(&v), Labels::Range { start: 0, step: 1 }, None, Some("x")),
        &[
            "0      0.0",
            "1      1.0",
            "2      2.0",
            "3      3.0",
            "4      4.0",
            "      ... ",
            "95    95.0",
            "96    96.0",
            "97    97.0",
            "98    98.0",
            "99    99.0",
            "Name: x, Length: 100, dtype: float64",
        ],
    );
}

/// Narrow values get a centered ...
#[test]
fn series_truncated_two_dots() {
    let v = shown(61, |i| i as i64 % 7);
    check(
        series(61, Cells::Int(&v), Labels::Range { start: 0, step: 1 }, None, None),
        &[
            "0     0",
            "1     1",
            "2     2",
            "3     3",
            "4     4",
            "     ..",
            "56    0",
            "57    1",
            "58    2",
            "59    3",
            "60    4",
            "Length: 61, dtype: int64",
        ],
    );
}

/// An empty Series.
#[test]
fn series_empty_with_name() {
    check(
        series(0, Cells::Float(&[]), Labels::Range { start: 0, step: 1 }, None, Some("x")),
        &["Series([], Name: x, dtype: float64)"],
    );
}

/// An empty object Series.
#[test]
fn series_empty_object() {
    check(series(0, Cells::Str(&[]), Labels::Range { start: 0, step: 1 }, None, None), &["Series([], dtype: object)"]);
}

/// A named index above the rows.
#[test]
fn series_index_name_line() {
    check(
        series(2, Cells::Float(&[1.5, 2.0]), Labels::Str(&["p", "qqqq"]), Some("iname"), Some("nm")),
        &["iname", "p       1.5", "qqqq    2.0", "Name: nm, dtype: float64"],
    );
}

/// A Series cuts long values but not long labels.
#[test]
fn series_long_label_not_cut() {
    const LONG: &str = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    check(series(2, Cells::Str(&[Some(LONG), Some("y")]), Labels::Str(&[LONG, "b"]), None, None), &[
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...",
        "b                                                                                                               y",
        "dtype: object",
    ]);
}

/// The shape of a groupby sum: named string index, named values.
#[test]
fn series_groupby_result() {
    check(
        series(2, Cells::Float(&[10.5, 3.0]), Labels::Str(&["east", "west"]), Some("region"), Some("sales")),
        &["region", "east    10.5", "west     3.0", "Name: sales, dtype: float64"],
    );
}

/// A MultiIndex: repeated outer labels blank, names on their own line.
#[test]
fn multi_index_frame_sparsified() {
    let levels = [
        Level { name: Some("k1"), labels: Labels::Str(&["a", "a", "b", "b", "b"]) },
        Level { name: None, labels: Labels::Int(&[1, 2, 1, 1, 30]) },
    ];
    check(
        frame(5, vec![("x", Cells::Float(&[1.5, 2.0, 3.0, 4.0, 5.0]))], Labels::Multi(&levels), None),
        &["         x", "k1        ", "a  1   1.5", "   2   2.0", "b  1   3.0", "   1   4.0", "   30  5.0"],
    );
}

/// A Series on a MultiIndex: levels two spaces apart.
#[test]
fn multi_index_series() {
    let levels = [
        Level { name: Some("region"), labels: Labels::Str(&["east", "east", "west"]) },
        Level { name: Some("year"), labels: Labels::Int(&[2021, 2022, 2021]) },
    ];
    check(
        series(3, Cells::Float(&[1.5, 2.0, 3.0]), Labels::Multi(&levels), None, Some("sales")),
        &[
            "region  year",
            "east    2021    1.5",
            "        2022    2.0",
            "west    2021    3.0",
            "Name: sales, dtype: float64",
        ],
    );
}

/// A truncated MultiIndex: the tail compared with the head's last row.
#[test]
fn multi_index_truncated() {
    let v = shown(80, |i| i as i64);
    let k1 = shown(80, |i| if i < 40 { "a" } else { "b" });
    let k2 = shown(80, |i| i as i64 % 3);
    let levels =
        [Level { name: Some("k1"), labels: Labels::Str(&k1) }, Level { name: Some("k2"), labels: Labels::Int(&k2) }];
    check(
        frame(80, vec![("v", Cells::Int(&v))], Labels::Multi(&levels), None),
        &[
            "        v",
            "k1 k2    ",
            "a  0    0",
            "   1    1",
            "   2    2",
            "   0    3",
            "   1    4",
            "...    ..",
            "b  0   75",
            "   1   76",
            "   2   77",
            "   0   78",
            "   1   79",
            "",
            "[80 rows x 1 columns]",
        ],
    );
}

/// A frame without columns lists a MultiIndex as tuples.
#[test]
fn multi_index_empty_frame_lists_tuples() {
    let levels = [
        Level { name: Some("x"), labels: Labels::Str(&["a", "b"]) },
        Level { name: Some("y"), labels: Labels::Int(&[1, 2]) },
    ];
    check(
        frame(2, vec![], Labels::Multi(&levels), None),
        &["Empty DataFrame", "Columns: []", "Index: [(a, 1), (b, 2)]"],
    );
}

/// The columns' name over the index, the index name below (pivot_table).
#[test]
fn columns_name_above_index() {
    check(
        named_columns(
            2,
            vec![("1", Cells::Float(&[1.0, 2.0])), ("2", Cells::Float(&[3.0, 4.5]))],
            Labels::Str(&["books", "games"]),
            Some("category"),
            "month",
        ),
        &["month       1    2", "category          ", "books     1.0  3.0", "games     2.0  4.5"],
    );
}

/// The columns' name alone.
#[test]
fn columns_name_without_index_name() {
    check(
        named_columns(2, vec![("a", Cells::Float(&[1.0, 2.0]))], Labels::Range { start: 0, step: 1 }, None, "cols"),
        &["cols    a", "0     1.0", "1     2.0"],
    );
}
