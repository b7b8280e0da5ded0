//! NumPy 2.3's `str()` and `repr()` of 1-D and 2-D int64, float64 and bool
//! arrays under the default print options, a port of the parts of
//! `numpy/_core/arrayprint.py` those arrays reach (`_formatArray`,
//! `FloatingFormat`, `IntegerFormat`, `BoolFormat`, `_array_repr_implementation`).

mod floats;
#[cfg(test)]
mod tests;

/// `np.get_printoptions()` defaults: arrays with more elements than this are
/// summarised...
const THRESHOLD: usize = 1000;
/// ...keeping this many items at each end of every long axis.
const EDGE_ITEMS: usize = 3;
/// Lines are wrapped to this many characters.
const LINE_WIDTH: usize = 75;

/// Element type codes shared with the compiler.
#[derive(Clone, Copy)]
enum Dtype {
    Int64,
    Float64,
    Bool,
}

impl Dtype {
    fn from_code(code: i64) -> Option<Dtype> {
        match code {
            0 => Some(Dtype::Int64),
            1 => Some(Dtype::Float64),
            2 => Some(Dtype::Bool),
            _ => None,
        }
    }

    fn size(self) -> usize {
        match self {
            Dtype::Int64 | Dtype::Float64 => 8,
            Dtype::Bool => 1,
        }
    }

    /// `dtype_short_repr`, as shown after `dtype=`.
    fn name(self) -> &'static str {
        match self {
            Dtype::Int64 => "int64",
            Dtype::Float64 => "float64",
            Dtype::Bool => "bool",
        }
    }
}

/// `str(a)`: what `print(a)` shows for a NumPy array.
///
/// `dtype` is 0 (int64), 1 (float64) or 2 (bool, one byte 0/1); `ndim` 2
/// means a row-major `rows` x `ncols` array, anything else a 1-D array of
/// `rows` elements (`ncols` is then ignored). Negative extents count as 0.
///
/// # Safety
/// Unless the array is empty, `data` must point to the array's elements
/// (little-endian, any alignment), readable for the whole array.
pub unsafe fn array_str(dtype: i64, ndim: i64, rows: i64, ncols: i64, data: *const u8) -> String {
    match Array::new(dtype, ndim, rows, ncols, data) {
        Some(a) => a.to_text(" ", ""),
        None => unknown_dtype(dtype),
    }
}

/// `repr(a)` of a NumPy array: `array([1, 2, 3])`, with `shape=` and
/// `dtype=` where NumPy 2.3 adds them. Arguments as for [`array_str`].
///
/// # Safety
/// As for [`array_str`].
pub unsafe fn array_repr(dtype: i64, ndim: i64, rows: i64, ncols: i64, data: *const u8) -> String {
    let Some(a) = Array::new(dtype, ndim, rows, ncols, data) else {
        return unknown_dtype(dtype);
    };
    const PREFIX: &str = "array(";
    let body = a.to_text(", ", PREFIX);

    let size = a.size();
    let mut extras = Vec::new();
    // `[]` alone reads as shape (0,).
    if (size == 0 && a.cols.is_some()) || size > THRESHOLD {
        extras.push(format!("shape={}", a.shape()));
    }
    // int64, float64 and bool are the types NumPy implies from the values,
    // but an empty array has no values to imply it.
    if size == 0 {
        extras.push(format!("dtype={}", a.dtype.name()));
    }
    if extras.is_empty() {
        return format!("{PREFIX}{body})");
    }

    let head = format!("{PREFIX}{body},");
    let extra = format!("{})", extras.join(", "));
    let last_line = head.len() - head.rfind('\n').map_or(0, |i| i + 1);
    let spacer =
        if last_line + extra.len() + 1 > LINE_WIDTH { format!("\n{}", " ".repeat(PREFIX.len())) } else { " ".into() };
    format!("{head}{spacer}{extra}")
}

/// What a caller passing a bad dtype code gets instead of a panic.
fn unknown_dtype(code: i64) -> String {
    format!("<array of unknown dtype {code}>")
}

/// A borrowed view of the caller's array.
struct Array {
    dtype: Dtype,
    rows: usize,
    /// The second extent of a 2-D array.
    cols: Option<usize>,
    data: *const u8,
}

/// Which indices of one axis get printed.
struct Axis {
    shown: Vec<usize>,
    /// Whether `...` stands for the indices left out in the middle.
    summarised: bool,
}

impl Axis {
    /// `_leading_trailing`: a long axis of a summarised array keeps only its
    /// first and last `EDGE_ITEMS` indices.
    fn new(len: usize, summarise: bool) -> Axis {
        if summarise && len > 2 * EDGE_ITEMS {
            Axis { shown: (0..EDGE_ITEMS).chain(len - EDGE_ITEMS..len).collect(), summarised: true }
        } else {
            Axis { shown: (0..len).collect(), summarised: false }
        }
    }
}

/// The items of one axis as printed: `...` spliced in after the leading
/// edge when the axis is summarised.
fn with_ellipsis<T: Clone>(items: &[T], summarised: bool, ellipsis: T) -> Vec<T> {
    let mut out = items.to_vec();
    if summarised {
        out.insert(EDGE_ITEMS.min(out.len()), ellipsis);
    }
    out
}

impl Array {
    fn new(dtype: i64, ndim: i64, rows: i64, ncols: i64, data: *const u8) -> Option<Array> {
        let extent = |n: i64| usize::try_from(n).unwrap_or(0);
        let cols = (ndim == 2).then(|| extent(ncols));
        Some(Array { dtype: Dtype::from_code(dtype)?, rows: extent(rows), cols, data })
    }

    fn size(&self) -> usize {
        self.rows.saturating_mul(self.cols.unwrap_or(1))
    }

    /// The shape as Python prints the tuple.
    fn shape(&self) -> String {
        match self.cols {
            None => format!("({},)", self.rows),
            Some(cols) => format!("({}, {cols})", self.rows),
        }
    }

    /// The array body as `array2string` renders it: `separator` between
    /// items, continuation lines indented past `[` and `prefix`.
    ///
    /// # Safety
    /// `self.data` must be valid as described on [`array_str`].
    unsafe fn to_text(&self, separator: &str, prefix: &str) -> String {
        let size = self.size();
        if size == 0 {
            return "[]".into();
        }
        let summarise = size > THRESHOLD;
        let rows = Axis::new(self.rows, summarise);
        // `array2string` takes the `)` closing a repr off the line width.
        let width = if prefix.is_empty() { LINE_WIDTH } else { LINE_WIDTH - 1 };
        let indent = " ".repeat(1 + prefix.len());

        let Some(ncols) = self.cols else {
            let words = self.format_elements(&rows.shown);
            return format_row(&words, rows.summarised, &indent, width, separator);
        };
        let cols = Axis::new(ncols, summarise);
        // NumPy sizes the columns from the printed elements only.
        let flat: Vec<usize> =
            rows.shown.iter().flat_map(|&r| cols.shown.iter().map(move |&c| r * ncols + c)).collect();
        let words = self.format_elements(&flat);
        let chunks: Vec<Option<&[String]>> = words.chunks(cols.shown.len().max(1)).map(Some).collect();
        let lines = with_ellipsis(&chunks, rows.summarised, None);
        let inner = format!("{indent} ");
        let line_sep = format!("{}\n", separator.trim_end());
        let mut s = String::new();
        for (i, line) in lines.iter().enumerate() {
            s.push_str(&indent);
            match line {
                Some(words) => {
                    s.push_str(&format_row(words, cols.summarised, &inner, width.saturating_sub(1), separator))
                }
                None => s.push_str("..."),
            }
            if i + 1 < lines.len() {
                s.push_str(&line_sep);
            }
        }
        format!("[{}]", &s[indent.len()..])
    }

    /// The elements at flat indices `flat`, formatted to a common width.
    ///
    /// # Safety
    /// `self.data` must be valid as described on [`array_str`].
    unsafe fn format_elements(&self, flat: &[usize]) -> Vec<String> {
        let at = |i: usize| {
            let size = self.dtype.size();
            let mut bytes = [0u8; 8];
            std::ptr::copy_nonoverlapping(self.data.add(i * size), bytes.as_mut_ptr(), size);
            u64::from_le_bytes(bytes)
        };
        match self.dtype {
            Dtype::Bool => flat.iter().map(|&i| if at(i) != 0 { " True" } else { "False" }.to_string()).collect(),
            Dtype::Int64 => {
                let values: Vec<i64> = flat.iter().map(|&i| at(i) as i64).collect();
                // `IntegerFormat`: the longer of the extremes sets the width.
                let (min, max) = (values.iter().min(), values.iter().max());
                let width = min.into_iter().chain(max).map(|v| v.to_string().len()).max().unwrap_or(0);
                values.iter().map(|v| format!("{v:>width$}")).collect()
            }
            Dtype::Float64 => floats::format(&flat.iter().map(|&i| f64::from_bits(at(i))).collect::<Vec<_>>()),
        }
    }
}

/// The last axis of `_formatArray`: items joined by `separator`, wrapped so
/// that no line passes `width` (counting the `]` that may close it).
/// Continuation lines start with `indent`, which the first line's `[`
/// replaces.
fn format_row(words: &[String], summarised: bool, indent: &str, width: usize, separator: &str) -> String {
    let items = with_ellipsis(&words.iter().map(String::as_str).collect::<Vec<_>>(), summarised, "...");
    let width = width.saturating_sub(1);
    let mut s = String::new();
    let mut line = indent.to_string();
    for (i, word) in items.iter().enumerate() {
        // A line holding nothing but the indent is not wrapped: that cannot
        // make it shorter.
        if line.len() + word.len() > width && line.len() > indent.len() {
            s.push_str(line.trim_end());
            s.push('\n');
            line.clear();
            line.push_str(indent);
        }
        line.push_str(word);
        if i + 1 < items.len() {
            line.push_str(separator);
        }
    }
    s.push_str(&line);
    format!("[{}]", &s[indent.len()..])
}
