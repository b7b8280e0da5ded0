//! One column's (or a Series') cells as pandas' `format_array` writes them
//! beside an index: numbers and text with a leading space (floats keep the
//! space `{: .6f}` gives positive values), datetimes without one, all
//! right-justified to a common width of at most `display.max_colwidth`.

use super::text::{escape, fixed_width, Justify};
use super::{datetime, floats, Cells};

impl Cells<'_> {
    /// The number of cells.
    pub(super) fn len(&self) -> usize {
        match self {
            Cells::Int(v) => v.len(),
            Cells::Float(v) => v.len(),
            Cells::Bool(v) => v.len(),
            Cells::Str(v) | Cells::StrNaN(v) => v.len(),
            Cells::DateTime(v) => v.len(),
        }
    }

    /// The dtype's name in a Series footer.
    pub(super) fn dtype_name(&self) -> &'static str {
        match self {
            Cells::Int(_) => "int64",
            Cells::Float(_) => "float64",
            Cells::Bool(_) => "bool",
            Cells::Str(_) | Cells::StrNaN(_) => "object",
            Cells::DateTime(_) => "datetime64[ns]",
        }
    }

    /// `is_numeric_dtype`: such column labels get a leading space.
    pub(super) fn is_numeric(&self) -> bool {
        matches!(self, Cells::Int(_) | Cells::Float(_) | Cells::Bool(_))
    }

    /// `format_array(values, None, leading_space=True)`: the cells' text,
    /// right-justified to a common width.
    pub(super) fn format(&self) -> Vec<String> {
        let texts = match self {
            Cells::Int(v) => v.iter().map(|x| int_text(*x)).collect(),
            Cells::Float(v) => floats::format(v, false),
            Cells::Bool(v) => v.iter().map(|&b| if b { " True" } else { " False" }.to_string()).collect(),
            Cells::Str(v) => objects(v, "None"),
            Cells::StrNaN(v) => objects(v, "NaN"),
            Cells::DateTime(v) => datetime::format_array(v),
        };
        fixed_width(texts, Some(Justify::Right), 0)
    }
}

/// `f"{x: d}"`.
pub(super) fn int_text(x: i64) -> String {
    if x < 0 {
        x.to_string()
    } else {
        format!(" {x}")
    }
}

/// Object cells: each string escaped, a missing one as `missing`, all after
/// a space.
fn objects(cells: &[Option<&str>], missing: &str) -> Vec<String> {
    cells.iter().map(|c| format!(" {}", c.map_or_else(|| missing.to_string(), escape))).collect()
}
