//! The types of runtime values, as the type checker and code generator see
//! them, and how they print in diagnostics (Python's names).

use std::fmt;

/// A value's static type. `Unknown` is the bottom of inference (not yet
/// known); `Var` is an element type still being discovered (the element of
/// `[]` before anything is appended).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    Unknown,
    Int,
    Float,
    Bool,
    None,
    Str,
    /// A pandas Timestamp, the element of a datetime64[ns] column: int64
    /// nanoseconds since the epoch at run time, `i64::MIN` for NaT.
    Datetime,
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    /// A tuple whose length is only known at run time, all items of one
    /// type (`tuple(xs)`, a column of `zip(*rows)`): `tuple[int, ...]`.
    /// Laid out as a list (`bodo_abi::kind::VTUPLE`), never mutated.
    VarTuple(Box<Ty>),
    /// A dict display with string-literal keys whose values differ in type
    /// (`{"name": "Ann", "age": 31}`): fixed field names, in order, each
    /// with its own type, like Numba's heterogeneous literal dict.
    Record(Vec<(String, Ty)>),
    Dict(Box<Ty>, Box<Ty>),
    /// `dict.keys()`/`values()`/`items()` of element type: a list snapshot
    /// that prints as the view (`dict_keys([...])`) and is that list
    /// wherever it is used (`Ty::decayed`).
    View(View, Box<Ty>),
    Set(Box<Ty>),
    /// `None` or a value of the inner type.
    Optional(Box<Ty>),
    /// A caught or constructed exception.
    Exc,
    Var(u32),
    /// A NumPy array: element type (int, float or bool), number of
    /// dimensions (1 or 2) and how its rows are spread over the ranks.
    Array(Box<Ty>, u8, Dist),
    /// A pandas DataFrame: named columns of one distribution and their row
    /// labels. At run time the tuple of [`Ty::decayed`] (`types/pandas.rs`).
    Frame(Box<FrameTy>),
    /// A pandas Series: one column, its row labels and its name.
    Series(Box<SeriesTy>),
    /// The DataFrame `pivot_table` makes: its column labels are values of
    /// the data, known only at run time (`types/pandas_pivot.rs`).
    Pivot(Box<PivotTy>),
}

/// The columns (name and element type, int, float or bool), row labels and
/// distribution of a DataFrame. Column names are part of the type, as in
/// Bodo: reads and writes of a column need a constant name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FrameTy {
    pub cols: Vec<(String, Ty)>,
    pub labels: Labels,
    pub dist: Dist,
    /// `df.groupby(keys)` (and a column selection of it): the frame whose
    /// rows are grouped, at run time the frame itself (`types/pandas_groupby.rs`).
    pub group: Option<Box<Grouping>>,
}

/// How a grouped frame is grouped and what of it is aggregated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Grouping {
    /// The key columns, outer first.
    pub keys: Vec<String>,
    /// Whether the keys become the result's index (else columns beside a
    /// RangeIndex, `as_index=False`).
    pub as_index: bool,
    /// The columns aggregated: `g["v"]` / `g[["v", "w"]]`, else every
    /// column but the keys.
    pub select: Option<Vec<String>>,
    /// Selected by one name (`g["v"]`): aggregations give a Series.
    pub series: bool,
}

/// A Series: its element type, a name known at compile time (a column's
/// name, or none), row labels and distribution.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeriesTy {
    pub elem: Ty,
    pub name: Option<String>,
    pub labels: Labels,
    pub dist: Dist,
}

/// A `pivot_table` result: row labels (the distinct values of the `index=`
/// column, named after it), column labels (those of the `columns=` column,
/// the columns' name) and one value per pair, whole on every rank. At run
/// time the tuple of [`PivotTy::tuple`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PivotTy {
    pub index: (String, Ty),
    pub columns: (String, Ty),
    /// The aggregation's element type. An int table with a missing cell
    /// holds float64 values at run time (pandas' unstack makes them so);
    /// the array's own dtype says which, and only the runtime reads it.
    pub elem: Ty,
}

impl PivotTy {
    /// The tuple it is at run time: the row labels, the column labels, and
    /// the values as a 2D array of one row per row label.
    pub fn tuple(&self) -> Vec<Ty> {
        vec![
            Ty::array(self.index.1.clone(), 1, Dist::Rep),
            Ty::array(self.columns.1.clone(), 1, Dist::Rep),
            Ty::array(self.elem.clone(), 2, Dist::Rep),
        ]
    }
}

/// How a DataFrame's or Series' row labels are held.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Labels {
    /// A `RangeIndex`: the label of global row `g` is `start + step * g`,
    /// held as two ints.
    Range,
    /// Labels of their own (a filtered frame keeps its rows' labels): an
    /// int64 array with the rows' distribution.
    Int,
    /// Strings (a reduced frame's column names, `describe()`'s statistics):
    /// an array of str with the rows' distribution.
    Str,
    /// A named index of one or more levels (a MultiIndex), as groupby and
    /// `set_index` make: each level's name and element type, outer first,
    /// held as one array per level.
    Levels(Vec<(String, Ty)>),
}

impl Labels {
    /// The items holding the labels, first in a frame's or series' tuple.
    pub fn parts(&self, dist: Dist) -> Vec<Ty> {
        match self {
            Labels::Range => vec![Ty::Int, Ty::Int],
            Labels::Int => vec![Ty::array(Ty::Int, 1, dist)],
            Labels::Str => vec![Ty::array(Ty::Str, 1, dist)],
            Labels::Levels(ls) => ls.iter().map(|l| Ty::array(l.1.clone(), 1, dist)).collect(),
        }
    }

    /// How many items of the tuple hold the labels.
    pub fn count(&self) -> usize {
        match self {
            Labels::Range => 2,
            Labels::Int | Labels::Str => 1,
            Labels::Levels(ls) => ls.len(),
        }
    }

    /// The item of the tuple holding the first array (a RangeIndex's
    /// start and step come before it).
    pub fn first_array(&self) -> usize {
        match self {
            Labels::Range => 2,
            _ => 0,
        }
    }
}

impl FrameTy {
    /// The tuple it is at run time: the label parts, then one 1D array per column.
    pub fn tuple(&self) -> Vec<Ty> {
        let mut items = self.labels.parts(self.dist);
        items.extend(self.cols.iter().map(|c| Ty::array(c.1.clone(), 1, self.dist)));
        items
    }
}

impl SeriesTy {
    /// The tuple it is at run time: the label parts, then the values' 1D array.
    pub fn tuple(&self) -> Vec<Ty> {
        let mut items = self.labels.parts(self.dist);
        items.push(Ty::array(self.elem.clone(), 1, self.dist));
        items
    }
}

/// Which of a dict's views a `Ty::View` is, or which pandas Index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum View {
    Keys,
    Values,
    Items,
    /// pandas' `df.columns`: an `Index` of the column names.
    Columns,
    /// A pivot table's `columns` or `index`: an `Index` of its labels
    /// (ints or strings) with this name.
    Labels(String),
}

impl View {
    /// Python's type name.
    pub fn name(&self) -> &'static str {
        match self {
            View::Keys => "dict_keys",
            View::Values => "dict_values",
            View::Items => "dict_items",
            View::Columns | View::Labels(_) => "Index",
        }
    }

    /// The runtime's descriptor kind (`bodo_abi::kind`).
    pub fn kind(&self) -> u32 {
        match self {
            View::Keys => bodo_abi::kind::DICT_KEYS,
            View::Values => bodo_abi::kind::DICT_VALUES,
            View::Items => bodo_abi::kind::DICT_ITEMS,
            View::Columns | View::Labels(_) => bodo_abi::kind::INDEX,
        }
    }
}

/// Bodo's distribution lattice, ordered `Rep < OneDVar < OneD`: the meet of
/// two distributions is the smaller one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dist {
    /// Every rank holds the whole value.
    Rep,
    /// Rows split in contiguous runs of any length, in rank order.
    OneDVar,
    /// Rows split in equal blocks (earlier ranks take the remainder).
    OneD,
}

impl Dist {
    pub fn is_dist(self) -> bool {
        self != Dist::Rep
    }

    /// Bodo's name for it, as the distribution report prints it.
    pub fn name(self) -> &'static str {
        match self {
            Dist::Rep => "REP",
            Dist::OneDVar => "1D_Block_Var",
            Dist::OneD => "1D_Block",
        }
    }

    /// The runtime's code (`bodo_abi::dist`).
    pub fn code(self) -> i64 {
        match self {
            Dist::Rep => bodo_abi::dist::REP,
            Dist::OneDVar => bodo_abi::dist::ONE_D_VAR,
            Dist::OneD => bodo_abi::dist::ONE_D,
        }
    }
}

impl Ty {
    pub fn list(t: Ty) -> Ty {
        Ty::List(Box::new(t))
    }

    pub fn set(t: Ty) -> Ty {
        Ty::Set(Box::new(t))
    }

    pub fn dict(k: Ty, v: Ty) -> Ty {
        Ty::Dict(Box::new(k), Box::new(v))
    }

    /// A dict view is used as the list it holds; only printing tells them
    /// apart.
    pub fn decayed(self) -> Ty {
        match self {
            Ty::View(_, e) => Ty::List(e),
            other => other,
        }
    }

    /// The type lowering works with: a dict view is its list, and a
    /// DataFrame or Series is the tuple of its parts. Inference keeps frames
    /// opaque (a frame is no tuple to the user), lowering sees their layout.
    pub fn lowered(self) -> Ty {
        match self {
            Ty::Frame(f) => Ty::Tuple(f.tuple()),
            Ty::Series(s) => Ty::Tuple(s.tuple()),
            Ty::Pivot(p) => Ty::Tuple(p.tuple()),
            other => other.decayed(),
        }
    }

    pub fn array(elem: Ty, ndim: u8, dist: Dist) -> Ty {
        Ty::Array(Box::new(elem), ndim, dist)
    }

    /// The same type with every array in it given distribution `d`.
    pub fn with_dist(&self, d: Dist) -> Ty {
        match self {
            Ty::Array(e, n, _) => Ty::Array(e.clone(), *n, d),
            Ty::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| t.with_dist(d)).collect()),
            Ty::Frame(f) => Ty::Frame(Box::new(FrameTy { dist: d, ..(**f).clone() })),
            Ty::Series(s) => Ty::Series(Box::new(SeriesTy { dist: d, ..(**s).clone() })),
            other => other.clone(),
        }
    }

    /// Whether any array inside is distributed.
    pub fn has_dist(&self) -> bool {
        match self {
            Ty::Array(_, _, d) => d.is_dist(),
            Ty::Tuple(ts) => ts.iter().any(|t| t.has_dist()),
            Ty::Frame(f) => f.dist.is_dist(),
            Ty::Series(s) => s.dist.is_dist(),
            _ => false,
        }
    }

    /// How deeply containers nest in this type (`int` 0, `list[int]` 1).
    pub fn depth(&self) -> usize {
        match self {
            Ty::List(e) | Ty::View(_, e) | Ty::VarTuple(e) | Ty::Set(e) | Ty::Optional(e) => 1 + e.depth(),
            Ty::Dict(k, v) => 1 + k.depth().max(v.depth()),
            Ty::Tuple(ts) => 1 + ts.iter().map(Ty::depth).max().unwrap_or(0),
            Ty::Record(fs) => 1 + fs.iter().map(|f| f.1.depth()).max().unwrap_or(0),
            Ty::Frame(_) | Ty::Series(_) | Ty::Pivot(_) => 2,
            _ => 0,
        }
    }

    pub fn optional(t: Ty) -> Ty {
        match t {
            Ty::Optional(_) | Ty::None => t,
            other => Ty::Optional(Box::new(other)),
        }
    }

    /// Item `j` of a tuple or field `j` of a record (what `f(*t)` and
    /// `f(**rec)` pass as one argument).
    pub fn spread_part(&self, j: usize) -> Ty {
        match self {
            Ty::Tuple(items) => items.get(j).cloned().unwrap_or(Ty::Unknown),
            Ty::Record(fields) => fields.get(j).map_or(Ty::Unknown, |f| f.1.clone()),
            _ => Ty::Unknown,
        }
    }

    /// Reference-counted heap objects (pointers at run time).
    pub fn is_heap(&self) -> bool {
        matches!(
            self,
            Ty::Str
                | Ty::List(_)
                | Ty::View(..)
                | Ty::Tuple(_)
                | Ty::VarTuple(_)
                | Ty::Record(_)
                | Ty::Dict(..)
                | Ty::Set(_)
                | Ty::Optional(_)
                | Ty::Exc
                | Ty::Array(..)
                | Ty::Frame(_)
                | Ty::Series(_)
                | Ty::Pivot(_)
        )
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Ty::Int | Ty::Float | Ty::Bool)
    }

    pub fn is_intlike(&self) -> bool {
        matches!(self, Ty::Int | Ty::Bool)
    }

    /// Whether anything inside is still unknown.
    pub fn has_unknown(&self) -> bool {
        match self {
            Ty::Unknown => true,
            Ty::List(t) | Ty::View(_, t) | Ty::VarTuple(t) | Ty::Set(t) | Ty::Optional(t) | Ty::Array(t, ..) => {
                t.has_unknown()
            }
            Ty::Dict(k, v) => k.has_unknown() || v.has_unknown(),
            Ty::Tuple(ts) => ts.iter().any(|t| t.has_unknown()),
            Ty::Record(fs) => fs.iter().any(|f| f.1.has_unknown()),
            Ty::Frame(f) => f.cols.iter().any(|c| c.1.has_unknown()),
            Ty::Series(s) => s.elem.has_unknown(),
            Ty::Pivot(p) => p.index.1.has_unknown() || p.columns.1.has_unknown() || p.elem.has_unknown(),
            _ => false,
        }
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Unknown | Ty::Var(_) => write!(f, "unknown"),
            Ty::Int => write!(f, "int"),
            Ty::Float => write!(f, "float"),
            Ty::Bool => write!(f, "bool"),
            Ty::None => write!(f, "NoneType"),
            Ty::Str => write!(f, "str"),
            Ty::Datetime => write!(f, "Timestamp"),
            Ty::List(t) => write!(f, "list[{t}]"),
            Ty::View(v, _) => write!(f, "{}", v.name()),
            Ty::VarTuple(t) => write!(f, "tuple[{t}, ...]"),
            Ty::Set(t) => write!(f, "set[{t}]"),
            Ty::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            Ty::Optional(t) => write!(f, "{t} | None"),
            Ty::Exc => write!(f, "Exception"),
            Ty::Array(e, n, _) => write!(f, "array({}, {n}d)", dtype_name(e)),
            Ty::Record(fs) => {
                write!(f, "dict{{")?;
                for (i, (k, t)) in fs.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{k:?}: {t}")?;
                }
                write!(f, "}}")
            }
            Ty::Frame(fr) => {
                write!(f, "DataFrame(")?;
                for (i, (k, t)) in fr.cols.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{k:?}: {}", dtype_name(t))?;
                }
                write!(f, ")")
            }
            Ty::Series(s) => write!(f, "Series({})", dtype_name(&s.elem)),
            Ty::Pivot(p) => write!(f, "DataFrame(pivot_table of {})", dtype_name(&p.elem)),
            Ty::Tuple(ts) => {
                write!(f, "tuple[")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{t}")?;
                }
                write!(f, "]")
            }
        }
    }
}

/// The NumPy/pandas dtype of an array or column of elements `t`.
pub fn dtype_name(t: &Ty) -> &'static str {
    match t {
        Ty::Int => "int64",
        Ty::Float => "float64",
        Ty::Bool => "bool",
        Ty::Datetime => "datetime64[ns]",
        _ => "unknown",
    }
}

/// Python's short type name, as in "unsupported operand type(s) for +: 'int' and 'str'".
pub fn py_name(t: &Ty) -> String {
    match t {
        Ty::List(_) => "list".into(),
        Ty::View(v, _) => v.name().into(),
        Ty::Set(_) => "set".into(),
        Ty::Dict(..) | Ty::Record(_) => "dict".into(),
        Ty::Tuple(_) | Ty::VarTuple(_) => "tuple".into(),
        Ty::Array(..) => "numpy.ndarray".into(),
        Ty::Frame(_) | Ty::Pivot(_) => "DataFrame".into(),
        Ty::Series(_) => "Series".into(),
        Ty::Optional(i) => format!("{} | None", py_name(i)),
        other => other.to_string(),
    }
}

/// A type named with its indefinite article, as messages say it: "an int",
/// "a str", "an ndarray".
pub fn article(t: &Ty) -> String {
    let text = t.to_string();
    let vowel = text.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {text}", if vowel { "an" } else { "a" })
}
