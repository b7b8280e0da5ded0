//! The contract between generated code and the runtime, as data.
//!
//! The code generator (`bodoc`) and the runtime (`bodo_rt`) are separate
//! crates, but they must agree on three things: the kinds of type
//! descriptors, the memory layout of the objects that generated code touches
//! directly (headers, strings, lists, tuples, boxes, exceptions), and the
//! table of exception classes. Those facts live here, once, and both sides
//! read them. The runtime's functions themselves are declared in
//! `runtime/src/abi.rs`; this crate holds only the constants they share.
//!
//! # Values and slots
//! Every value has an 8-byte *slot* form used inside containers: `int` is
//! the i64 bits, `float` the f64 bits, `bool` 0/1, `None` 0, and every heap
//! value is a pointer. `Optional[T]` is a nullable pointer: null is `None`;
//! for a heap `T` the pointer is the object itself, for a scalar `T` it
//! points to a [`layout::BOX`] object holding the slot.
//!
//! # Heap objects
//! Every heap object starts with the header `{ rc: i64, desc: *const TypeDesc }`.
//! A negative `rc` marks an immortal object (string literals emitted as
//! constants by the code generator); incref/decref leave those alone.
//!
//! # Ownership rule of the ABI
//! Runtime functions *borrow* their pointer arguments and return *owned*
//! (+1) references. A function that stores a value (append, setitem, tuple
//! construction) increfs what it stores.

/// Kinds of [`TypeDesc`](layout) descriptors; `desc.kind` holds one of these.
pub mod kind {
    pub const INT: u32 = 0;
    pub const FLOAT: u32 = 1;
    pub const BOOL: u32 = 2;
    pub const NONE: u32 = 3;
    pub const STR: u32 = 4;
    /// children: [element]
    pub const LIST: u32 = 5;
    /// children: one per element
    pub const TUPLE: u32 = 6;
    /// children: [key, value]
    pub const DICT: u32 = 7;
    /// children: [element]
    pub const SET: u32 = 8;
    /// children: [inner]
    pub const OPTIONAL: u32 = 9;
    /// an exception object (see [`crate::layout::EXC`])
    pub const EXCEPTION: u32 = 10;
    /// a NumPy array (see [`crate::layout::array`]); children: [element]
    pub const ARRAY: u32 = 11;
    /// a dict display with string keys and values of different types (a
    /// record), laid out as a tuple of its values; `n` is the field count
    /// and `children` holds the `n` field types followed by the `n` field
    /// names (immortal `str` objects), so it prints as the dict it was
    pub const RECORD: u32 = 12;
    /// `dict.keys()`, `dict.values()`, `dict.items()`: list objects (whose
    /// own header says LIST) typed as the views, which print as
    /// `dict_keys([...])`; children: [element]
    pub const DICT_KEYS: u32 = 13;
    pub const DICT_VALUES: u32 = 14;
    pub const DICT_ITEMS: u32 = 15;
    /// a tuple whose length is only known at run time, laid out as a list
    /// (see [`crate::layout::list`]); children: [element]
    pub const VTUPLE: u32 = 16;
    /// a pandas DataFrame, laid out as a tuple: its row labels (two ints,
    /// start and step of a RangeIndex, or an int64 array), then one 1D
    /// array per column; `children` holds the item types, then the index
    /// levels' descriptor (a `RECORD` of the level names and types when the
    /// labels are a named index of one array per level, else null), then
    /// the column names (immortal `str` objects); `n` counts only the items
    pub const FRAME: u32 = 17;
    /// a pandas Series, laid out as a tuple: its row labels (as a frame's),
    /// then its values' 1D array; `children` holds the item types, the
    /// index levels' descriptor (as a frame's), then the name (an immortal
    /// `str`, or null for no name)
    pub const SERIES: u32 = 18;
    /// a pandas Index of strings (`df.columns`) or ints (a pivot table's
    /// labels): a list whose text is pandas' `Index([...], dtype=...)`;
    /// children: [element], then the Index's name (an immortal `str`, or
    /// null for none); `n` counts only the element
    pub const INDEX: u32 = 19;
    /// a pandas Timestamp (an element of a datetime64[ns] column): the
    /// int64 nanoseconds since the epoch, `i64::MIN` for NaT; arrays of
    /// them are int64 arrays whose descriptor's element is this kind
    pub const DATETIME: u32 = 20;
    /// a string builder standing for a list built only to be joined
    /// (runtime `str_builder.rs`); never a value the program sees
    pub const STR_BUILDER: u32 = 21;
    /// a pandas DataFrame made by `pivot_table`, laid out as a tuple: its
    /// row labels (a 1D array), its column labels (a 1D array) and its
    /// values (a 2D array, one row per row label, int64 or float64);
    /// `children` holds the three item types, then the index's name and
    /// the columns' name (immortal `str` objects); `n` counts only the items
    pub const PIVOT: u32 = 22;
}

/// Element types of arrays (`array.DTYPE`).
pub mod dtype {
    /// int64, 8 bytes per element
    pub const INT64: i64 = 0;
    /// float64, 8 bytes per element
    pub const FLOAT64: i64 = 1;
    /// bool, 1 byte per element (0 or 1), as NumPy stores it
    pub const BOOL: i64 = 2;
    /// str, 8 bytes per element: an owned reference to a `str` object, null for a missing value
    pub const STR: i64 = 3;
}

/// The `Series.dt` fields of datetime64 values (`bodo_dt_field`'s `which`).
pub mod dt_field {
    pub const YEAR: i64 = 0;
    pub const MONTH: i64 = 1;
    pub const DAY: i64 = 2;
    pub const HOUR: i64 = 3;
    pub const MINUTE: i64 = 4;
    pub const SECOND: i64 = 5;
    pub const MICROSECOND: i64 = 6;
    pub const NANOSECOND: i64 = 7;
    /// Monday 0 .. Sunday 6 (`dayofweek`, `weekday`, `day_of_week`).
    pub const DAYOFWEEK: i64 = 8;
    pub const QUARTER: i64 = 9;

    /// The field pandas names `name`, if it is one of these.
    pub fn by_name(name: &str) -> Option<i64> {
        Some(match name {
            "year" => YEAR,
            "month" => MONTH,
            "day" => DAY,
            "hour" => HOUR,
            "minute" => MINUTE,
            "second" => SECOND,
            "microsecond" => MICROSECOND,
            "nanosecond" => NANOSECOND,
            "dayofweek" | "weekday" | "day_of_week" => DAYOFWEEK,
            "quarter" => QUARTER,
            _ => return None,
        })
    }
}

/// What `bodo_arr_shift` makes of a Series' values.
pub mod shift_mode {
    /// `shift(n)` of numbers: float64, NaN where no row comes in
    pub const FLOATS: i64 = 0;
    /// `shift(n)` of datetimes: int64 nanoseconds, NaT where no row comes in
    pub const DATETIMES: i64 = 1;
    /// `diff(n)`: each value less the one `n` rows before, float64
    pub const DIFF: i64 = 2;
}

/// Where `bodo_print` writes (its `dest` argument).
pub mod print_dest {
    /// stdout from rank 0 (from every rank inside a parallel loop, whose
    /// lines are held and printed in rank order where it ends)
    pub const STDOUT: i64 = 0;
    /// stdout from every rank (`bodo.parallel_print`)
    pub const ALL_RANKS: i64 = 1;
    /// stderr (`print(..., file=sys.stderr)`), unbuffered, from rank 0
    /// (from every rank inside a parallel loop)
    pub const STDERR: i64 = 2;
}

/// How an array's rows are spread over the ranks (`array.DIST`), Bodo's lattice
/// REP < 1D_Block_Var < 1D_Block.
pub mod dist {
    /// every rank holds all rows
    pub const REP: i64 = 0;
    /// each rank holds a contiguous run of rows, of any length, in rank order
    pub const ONE_D_VAR: i64 = 1;
    /// rank r holds the block `block_start(glen, r) .. + block_count(glen, r)`
    pub const ONE_D: i64 = 2;
}

/// The reductions `bodo_arr_reduce_axis` computes along one axis of a 2D array.
pub mod axis_op {
    pub const SUM: i64 = 0;
    pub const PROD: i64 = 1;
    pub const MIN: i64 = 2;
    pub const MAX: i64 = 3;
    pub const ANY: i64 = 4;
    pub const ALL: i64 = 5;
    pub const MEAN: i64 = 6;
    pub const VAR: i64 = 7;
    pub const STD: i64 = 8;
    pub const ARGMIN: i64 = 9;
    pub const ARGMAX: i64 = 10;
    /// `np.nanmin`/`np.nanmax`: NaN only where every element is NaN.
    pub const NANMIN: i64 = 11;
    pub const NANMAX: i64 = 12;

    /// The code of the reduction NumPy calls `name`.
    pub fn of(name: &str) -> Option<i64> {
        Some(match name {
            "sum" => SUM,
            "prod" => PROD,
            "min" => MIN,
            "max" => MAX,
            "any" => ANY,
            "all" => ALL,
            "mean" => MEAN,
            "var" => VAR,
            "std" => STD,
            "argmin" => ARGMIN,
            "argmax" => ARGMAX,
            "nanmin" => NANMIN,
            "nanmax" => NANMAX,
            _ => return None,
        })
    }
}

/// What an f-string piece does to its value before the format spec applies
/// (`bodo_fstring`'s conversion array).
pub mod fconv {
    pub const NONE: u64 = 0;
    /// `!s`, `%s`
    pub const STR: u64 = 1;
    /// `!r`, `%r`
    pub const REPR: u64 = 2;
    /// `!a`, `%a`, `ascii()`
    pub const ASCII: u64 = 3;
    /// `%d`: a float is truncated to an int first
    pub const TRUNC: u64 = 4;
    /// `%c`: an int code point or a one-character str
    pub const CHAR: u64 = 5;
    /// A printf `*` width: the int after its spec (the alignment and flags
    /// before the width); a negative width left-aligns.
    pub const WIDTH: u64 = 6;
    /// A literal spec the compiler recognised as plain padding of an int
    /// (`d`, `6d`, `06d`) or fixed-point digits of a float (`.2f`,
    /// `8.3f`, `08.1f`): the piece's spec pointer is null and the spec is
    /// in the conversion word ([`Plain`]), so the runtime writes it without
    /// parsing.
    pub const PLAIN_INT: u64 = 7;
    pub const PLAIN_FIXED: u64 = 8;

    /// The spec of a `PLAIN_INT`/`PLAIN_FIXED` piece: a minimum width,
    /// padded with zeros after the sign or with spaces before it (numbers
    /// align right), and for floats the digits after the point.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Plain {
        pub zero: bool,
        pub width: u16,
        pub precision: u8,
    }

    impl Plain {
        /// The conversion word of a piece with this spec.
        pub fn encode(self, fixed: bool) -> u64 {
            let code = if fixed { PLAIN_FIXED } else { PLAIN_INT };
            code | u64::from(self.zero) << 8 | u64::from(self.width) << 16 | u64::from(self.precision) << 32
        }

        /// The spec in a conversion word whose low byte is `PLAIN_INT` or `PLAIN_FIXED`.
        pub fn decode(word: u64) -> Plain {
            Plain { zero: word >> 8 & 1 == 1, width: (word >> 16) as u16, precision: (word >> 32) as u8 }
        }

        /// The plain spec `text` is for an int (`fixed` false: `[0][width][d]`)
        /// or a float (`[0][width].precision f`), if it is one.
        pub fn parse(text: &str, fixed: bool) -> Option<Plain> {
            let zero = text.len() > 1 && text.starts_with('0');
            let rest = if zero { &text[1..] } else { text };
            let body = match (rest.strip_suffix(if fixed { 'f' } else { 'd' }), fixed) {
                (Some(body), _) => body,
                // An int's default type is `d`; a float's is not `f`.
                (None, false) => rest,
                (None, true) => return None,
            };
            let (width, precision) = match (body.split_once('.'), fixed) {
                (Some((w, p)), true) if is_digits(p) => (w, p.parse::<u8>().ok().filter(|&p| p <= 17)?),
                (None, false) => (body, 0),
                _ => return None,
            };
            if !is_digits(width) && !width.is_empty() {
                return None;
            }
            let width = if width.is_empty() { 0 } else { width.parse::<u16>().ok().filter(|&w| w <= 1000)? };
            Some(Plain { zero, width, precision })
        }
    }

    fn is_digits(t: &str) -> bool {
        !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Byte offsets of fields that generated code reads or writes directly.
/// Everything not listed here is private to the runtime.
pub mod layout {
    /// `struct TypeDesc { kind: u32, n: u32, children: *const *const TypeDesc }`
    pub const DESC_SIZE: u64 = 16;
    /// `struct Header { rc: i64, desc: *const TypeDesc }`
    pub const HEADER_SIZE: u64 = 16;
    pub const RC: u64 = 0;
    pub const DESC: u64 = 8;

    /// `struct Str { Header, len: i64 /* bytes */, nchars: i64 /* code points */, data: [u8; len] }`
    /// The bytes are UTF-8 and are followed by one NUL byte (not counted in `len`).
    pub mod str {
        pub const LEN: u64 = 16;
        pub const NCHARS: u64 = 24;
        pub const DATA: u64 = 32;
    }
    /// `struct Builder { Header, text: *mut Str, cap: usize, parts: usize }`
    /// (runtime `str_builder.rs`): the text so far, in a block of `cap`
    /// bytes, null before the first part.
    pub mod builder {
        pub const TEXT: u64 = 16;
        pub const CAP: u64 = 24;
        pub const PARTS: u64 = 32;
    }
    /// `struct List { Header, len: i64, cap: i64, data: *mut u64 }`; a list
    /// whose element type is bool keeps one byte (0 or 1) per item instead
    /// of a slot, so its `data` points to bytes.
    pub mod list {
        pub const LEN: u64 = 16;
        pub const CAP: u64 = 24;
        pub const DATA: u64 = 32;
    }
    /// `struct Tuple { Header, len: i64, items: [u64; len] }`
    pub mod tuple {
        pub const LEN: u64 = 16;
        pub const ITEMS: u64 = 24;
    }
    /// `struct Box { Header, value: u64 }`: an `Optional[scalar]` that is not `None`.
    pub mod boxed {
        pub const VALUE: u64 = 16;
    }
    /// `struct Exc { Header, class: i64, msg: *Str }`
    pub mod exc {
        pub const CLASS: u64 = 16;
        pub const MSG: u64 = 24;
    }
    /// `struct Array { Header, dtype, ndim, len, ncols, glen, offset, dist: i64, data: *mut u8 }`
    ///
    /// A 1D or row-major 2D NumPy array's local part. `len` counts this rank's
    /// rows, `ncols` the columns of a 2D array (1 for 1D), `glen` the global
    /// rows, `offset` the global index of the first local row (0 when REP).
    /// `data` is one contiguous, 64-byte aligned buffer of `len * ncols`
    /// elements (the layout of an Arrow primitive buffer, bool as bytes).
    pub mod array {
        pub const DTYPE: u64 = 16;
        pub const NDIM: u64 = 24;
        pub const LEN: u64 = 32;
        pub const NCOLS: u64 = 40;
        pub const GLEN: u64 = 48;
        pub const OFFSET: u64 = 56;
        pub const DIST: u64 = 64;
        pub const DATA: u64 = 72;
        pub const SIZE: u64 = 80;
    }
    /// `struct ThreadHeap { classes: [Class; CLASSES], live: i64,
    /// hash_key: usize, pos_key: usize, .. }` (runtime `thread_heap.rs`),
    /// whose address `bodo_thread_heap()` gives: the part of the calling
    /// thread's heap generated code allocates from and frees to inline.
    /// Class `c` serves blocks of `(c + 1) * GRAIN` bytes, objects of up to
    /// `MAX_POOLED` bytes; its first word heads the list of its free blocks,
    /// each free block's first word linking to the next (null ends it).
    /// `live` counts live objects; `hash_key`/`pos_key` are the strings
    /// whose hash and position the runtime remembers (0: none), which a
    /// free of that string must let the runtime forget.
    pub mod heap {
        pub const GRAIN: u64 = 8;
        pub const MAX_POOLED: u64 = 256;
        pub const CLASSES: u64 = MAX_POOLED / GRAIN;
        pub const CLASS_SIZE: u64 = 24;
        pub const LIVE: u64 = CLASSES * CLASS_SIZE;
        pub const HASH_KEY: u64 = LIVE + 8;
        pub const POS_KEY: u64 = LIVE + 16;
    }
}

/// The contiguous block of `n` rows that `rank` of `size` holds under
/// 1D_Block distribution: `(start, count)`. Earlier ranks get the remainder.
pub fn block_range(n: i64, rank: i64, size: i64) -> (i64, i64) {
    let chunk = n / size;
    let rem = n % size;
    let start = rank * chunk + rank.min(rem);
    (start, chunk + i64::from(rank < rem))
}

/// One built-in exception class: its id, Python name and parent's id.
#[derive(Debug, Clone, Copy)]
pub struct ExcClass {
    pub id: i64,
    pub name: &'static str,
    /// `None` only for `BaseException`.
    pub parent: Option<i64>,
}

/// Exception class ids, in the order of [`EXCEPTIONS`].
pub mod exc {
    pub const BASE_EXCEPTION: i64 = 0;
    pub const EXCEPTION: i64 = 1;
    pub const ARITHMETIC_ERROR: i64 = 2;
    pub const ZERO_DIVISION_ERROR: i64 = 3;
    pub const OVERFLOW_ERROR: i64 = 4;
    pub const LOOKUP_ERROR: i64 = 5;
    pub const INDEX_ERROR: i64 = 6;
    pub const KEY_ERROR: i64 = 7;
    pub const VALUE_ERROR: i64 = 8;
    pub const TYPE_ERROR: i64 = 9;
    pub const RUNTIME_ERROR: i64 = 10;
    pub const NOT_IMPLEMENTED_ERROR: i64 = 11;
    pub const ASSERTION_ERROR: i64 = 12;
    pub const OS_ERROR: i64 = 13;
    pub const FILE_NOT_FOUND_ERROR: i64 = 14;
    pub const STOP_ITERATION: i64 = 15;
    pub const ATTRIBUTE_ERROR: i64 = 16;
    pub const NAME_ERROR: i64 = 17;
    pub const UNICODE_ERROR: i64 = 18;
    pub const KEYBOARD_INTERRUPT: i64 = 19;
    pub const SYSTEM_EXIT: i64 = 20;
    pub const MEMORY_ERROR: i64 = 21;
    pub const RECURSION_ERROR: i64 = 22;
    pub const SYNTAX_ERROR: i64 = 23;
    pub const FLOATING_POINT_ERROR: i64 = 24;
    pub const EOF_ERROR: i64 = 25;
    pub const IMPORT_ERROR: i64 = 26;
    pub const MODULE_NOT_FOUND_ERROR: i64 = 27;
    pub const PERMISSION_ERROR: i64 = 28;
    pub const TIMEOUT_ERROR: i64 = 29;
    pub const UNBOUND_LOCAL_ERROR: i64 = 30;
    pub const CONNECTION_ERROR: i64 = 31;
    pub const INDENTATION_ERROR: i64 = 32;
    /// NumPy's `numpy.linalg.LinAlgError` (a singular matrix).
    pub const LINALG_ERROR: i64 = 33;
}

/// The built-in exception hierarchy that programs can raise and catch.
pub const EXCEPTIONS: &[ExcClass] = &[
    ExcClass { id: exc::BASE_EXCEPTION, name: "BaseException", parent: None },
    ExcClass { id: exc::EXCEPTION, name: "Exception", parent: Some(exc::BASE_EXCEPTION) },
    ExcClass { id: exc::ARITHMETIC_ERROR, name: "ArithmeticError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::ZERO_DIVISION_ERROR, name: "ZeroDivisionError", parent: Some(exc::ARITHMETIC_ERROR) },
    ExcClass { id: exc::OVERFLOW_ERROR, name: "OverflowError", parent: Some(exc::ARITHMETIC_ERROR) },
    ExcClass { id: exc::LOOKUP_ERROR, name: "LookupError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::INDEX_ERROR, name: "IndexError", parent: Some(exc::LOOKUP_ERROR) },
    ExcClass { id: exc::KEY_ERROR, name: "KeyError", parent: Some(exc::LOOKUP_ERROR) },
    ExcClass { id: exc::VALUE_ERROR, name: "ValueError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::TYPE_ERROR, name: "TypeError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::RUNTIME_ERROR, name: "RuntimeError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::NOT_IMPLEMENTED_ERROR, name: "NotImplementedError", parent: Some(exc::RUNTIME_ERROR) },
    ExcClass { id: exc::ASSERTION_ERROR, name: "AssertionError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::OS_ERROR, name: "OSError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::FILE_NOT_FOUND_ERROR, name: "FileNotFoundError", parent: Some(exc::OS_ERROR) },
    ExcClass { id: exc::STOP_ITERATION, name: "StopIteration", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::ATTRIBUTE_ERROR, name: "AttributeError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::NAME_ERROR, name: "NameError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::UNICODE_ERROR, name: "UnicodeError", parent: Some(exc::VALUE_ERROR) },
    ExcClass { id: exc::KEYBOARD_INTERRUPT, name: "KeyboardInterrupt", parent: Some(exc::BASE_EXCEPTION) },
    ExcClass { id: exc::SYSTEM_EXIT, name: "SystemExit", parent: Some(exc::BASE_EXCEPTION) },
    ExcClass { id: exc::MEMORY_ERROR, name: "MemoryError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::RECURSION_ERROR, name: "RecursionError", parent: Some(exc::RUNTIME_ERROR) },
    ExcClass { id: exc::SYNTAX_ERROR, name: "SyntaxError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::FLOATING_POINT_ERROR, name: "FloatingPointError", parent: Some(exc::ARITHMETIC_ERROR) },
    ExcClass { id: exc::EOF_ERROR, name: "EOFError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::IMPORT_ERROR, name: "ImportError", parent: Some(exc::EXCEPTION) },
    ExcClass { id: exc::MODULE_NOT_FOUND_ERROR, name: "ModuleNotFoundError", parent: Some(exc::IMPORT_ERROR) },
    ExcClass { id: exc::PERMISSION_ERROR, name: "PermissionError", parent: Some(exc::OS_ERROR) },
    ExcClass { id: exc::TIMEOUT_ERROR, name: "TimeoutError", parent: Some(exc::OS_ERROR) },
    ExcClass { id: exc::UNBOUND_LOCAL_ERROR, name: "UnboundLocalError", parent: Some(exc::NAME_ERROR) },
    ExcClass { id: exc::CONNECTION_ERROR, name: "ConnectionError", parent: Some(exc::OS_ERROR) },
    ExcClass { id: exc::INDENTATION_ERROR, name: "IndentationError", parent: Some(exc::SYNTAX_ERROR) },
    ExcClass { id: exc::LINALG_ERROR, name: "numpy.linalg.LinAlgError", parent: Some(exc::VALUE_ERROR) },
];

/// The class with this Python name, if it is a built-in one we support.
pub fn exc_by_name(name: &str) -> Option<&'static ExcClass> {
    EXCEPTIONS.iter().find(|c| c.name == name)
}

/// The class with this id.
pub fn exc_by_id(id: i64) -> Option<&'static ExcClass> {
    EXCEPTIONS.get(usize::try_from(id).ok()?)
}

/// Whether class `sub` is `sup` or derives from it.
pub fn exc_is_subclass(sub: i64, sup: i64) -> bool {
    let mut cur = Some(sub);
    while let Some(id) = cur {
        if id == sup {
            return true;
        }
        cur = exc_by_id(id).and_then(|c| c.parent);
    }
    false
}

/// Sentinel passed for an omitted slice bound (`s[:3]`, `s[1:]`).
pub const SLICE_NONE: i64 = i64::MIN;

/// The `op` argument of `bodo_compare`: an ordering comparison of two
/// values of one type (CPython's rich comparison, whose TypeError names it).
pub mod order_op {
    pub const LT: i64 = 0;
    pub const LE: i64 = 1;
    pub const GT: i64 = 2;
    pub const GE: i64 = 3;
}

/// What each parameter of a callee is at a call `f(**d)` of a dict whose
/// keys, or `f(a, *xs)` of a list whose length, is only known at run time:
/// one letter per parameter in the `states` string `bodo_kwargs_check` and
/// `bodo_star_args_check` take.
pub mod spread_param {
    /// Bound by a positional argument.
    pub const POSITIONAL: u8 = b'p';
    /// Bound by an explicit keyword argument.
    pub const KEYWORD: u8 = b'k';
    /// Left to the dict or list, which must give it.
    pub const REQUIRED: u8 = b'r';
    /// Left to the dict or list, its default otherwise.
    pub const DEFAULTED: u8 = b'd';
}

/// The `axis` argument of `bodo_arr_roll` (`np.roll`).
pub mod roll_axis {
    /// Along the rows (axis 0, and the only axis of a 1D array).
    pub const ROWS: i64 = 0;
    /// Along the columns of a 2D array (axis 1).
    pub const COLS: i64 = 1;
    /// The flattened elements (no axis given for a 2D array).
    pub const FLAT: i64 = 2;
}

/// The `op` argument of `bodo_arr_cumulative` and `bodo_arr_cumulative_axis`:
/// the running total each element adds to.
pub mod cum_op {
    /// `np.cumsum` (`np.add.accumulate`).
    pub const SUM: i64 = 0;
    /// `np.cumprod` (`np.multiply.accumulate`).
    pub const PROD: i64 = 1;
    /// `np.maximum.accumulate`.
    pub const MAX: i64 = 2;
    /// `np.minimum.accumulate`.
    pub const MIN: i64 = 3;
}

/// The `kind` argument of `bodo_arr_quantile` and `bodo_arr_quantiles`.
pub mod quantile_kind {
    /// `np.percentile(a, q)`: `q` in percent.
    pub const PERCENT: i64 = 0;
    /// `np.median(a)` (no `q`).
    pub const MEDIAN: i64 = 1;
    /// `np.quantile(a, q)`: `q` a fraction.
    pub const FRACTION: i64 = 2;
}

/// The `mode` argument of `bodo_arr_convolve` (`np.convolve`).
pub mod convolve_mode {
    /// Every overlap, `len(a) + len(v) - 1` outputs (NumPy's default).
    pub const FULL: i64 = 0;
    /// As many outputs as the longer input, centred on the full result.
    pub const SAME: i64 = 1;
    /// Only complete overlaps, `|len(a) - len(v)| + 1` outputs.
    pub const VALID: i64 = 2;
}

/// pandas groupby aggregations (`bodo_frame_groupby`,
/// `bodo_frame_group_rows`), and what each gives of an int64 / float64 /
/// bool column: `SUM` int64 / float64 / int64, `MEAN`, `MEDIAN`, `STD`, `VAR` float64,
/// `COUNT`, `SIZE`, `NUNIQUE` int64, `MIN`, `MAX`, `FIRST`, `LAST` the
/// column's dtype; `CUMSUM` (per row only) as `SUM`. NaN is skipped.
pub mod agg {
    pub const SUM: i64 = 0;
    pub const MEAN: i64 = 1;
    pub const COUNT: i64 = 2;
    pub const MIN: i64 = 3;
    pub const MAX: i64 = 4;
    pub const SIZE: i64 = 5;
    pub const STD: i64 = 6;
    pub const VAR: i64 = 7;
    pub const FIRST: i64 = 8;
    pub const LAST: i64 = 9;
    pub const NUNIQUE: i64 = 10;
    pub const CUMSUM: i64 = 11;
    pub const MEDIAN: i64 = 12;
    /// The names pandas gives them, by code.
    pub const NAMES: [&str; 13] =
        ["sum", "mean", "count", "min", "max", "size", "std", "var", "first", "last", "nunique", "cumsum", "median"];
}

/// What `bodo_frame_distinct` makes of a table's distinct keys, as bits:
/// without `COUNTS`, each key's first row whole (`drop_duplicates`,
/// `unique`); with it, the keys and how many rows have each
/// (`value_counts`). `DROPNA` leaves out rows with a missing key;
/// `BY_COUNT` orders by count (`ASCENDING` or not), ties and everything
/// else in order of first appearance, or of the keys with `BY_KEYS` (a
/// DataFrame's `value_counts` counts groupby's sorted groups); with
/// `NORMALIZE` the counts are float64 shares of all the rows counted.
pub mod distinct {
    pub const COUNTS: i64 = 1;
    pub const DROPNA: i64 = 2;
    pub const BY_COUNT: i64 = 4;
    pub const ASCENDING: i64 = 8;
    pub const BY_KEYS: i64 = 16;
    pub const NORMALIZE: i64 = 32;
}

/// What `bodo_arr_rank` makes of a Series' values (`Series.rank()`), as
/// bits: the tie method's code (its index in `METHODS`) in the low bits,
/// then the flags. `DATETIMES` says the int64 values are datetime64[ns],
/// whose NaT is missing (ranked NaN) rather than the earliest time.
pub mod rank {
    /// `method=`, by code.
    pub const METHODS: [&str; 5] = ["average", "min", "max", "first", "dense"];
    pub const AVERAGE: i64 = 0;
    pub const MIN: i64 = 1;
    pub const MAX: i64 = 2;
    pub const FIRST: i64 = 3;
    pub const DENSE: i64 = 4;
    /// The bits holding the method's code.
    pub const METHOD_MASK: i64 = 7;
    pub const DESCENDING: i64 = 8;
    pub const PCT: i64 = 16;
    pub const DATETIMES: i64 = 32;
}

/// `merge`: the join kinds (`how`) and where each result column comes from,
/// shared by `ir/lower_merge.rs` and the runtime's `array/join.rs`. A result
/// column is `8 * position + 4 * to_float + source`: `position` a table
/// position of the left or right frame, or a key's index for `KEY`, and
/// `to_float` set when an int column gets missing values (pandas' float64).
pub mod join {
    pub const INNER: i64 = 0;
    pub const LEFT: i64 = 1;
    pub const RIGHT: i64 = 2;
    pub const OUTER: i64 = 3;
    /// The values of `how`, by code.
    pub const HOWS: [&str; 4] = ["inner", "left", "right", "outer"];
    /// A left frame's column.
    pub const FROM_LEFT: i64 = 0;
    /// A right frame's column.
    pub const FROM_RIGHT: i64 = 1;
    /// A key both frames share by name: the left value, else the right one.
    pub const KEY: i64 = 2;
}

/// Name of the exported global byte that is non-zero while an exception is
/// pending; generated code tests it after every call that can raise.
pub const ERR_FLAG_SYMBOL: &str = "bodo_err_flag";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_specs_are_recognised_and_round_trip() {
        use fconv::Plain;
        let p = |zero, width, precision| Some(Plain { zero, width, precision });
        let cases: &[(&str, bool, Option<Plain>)] = &[
            ("d", false, p(false, 0, 0)),
            ("06d", false, p(true, 6, 0)),
            ("12", false, p(false, 12, 0)),
            ("0", false, p(false, 0, 0)),
            (".2f", true, p(false, 0, 2)),
            ("08.3f", true, p(true, 8, 3)),
            ("10.0f", true, p(false, 10, 0)),
            ("+d", false, None),
            ("<6d", false, None),
            (",d", false, None),
            ("x", false, None),
            ("6.2", true, None),
            ("f", true, None),
            (".f", true, None),
            (".2e", true, None),
            ("1.2", false, None),
            (".99f", true, None),
        ];
        for &(text, fixed, want) in cases {
            assert_eq!(Plain::parse(text, fixed), want, "{text:?}");
            if let Some(plain) = want {
                let word = plain.encode(fixed);
                assert_eq!(word & 0xff, if fixed { fconv::PLAIN_FIXED } else { fconv::PLAIN_INT });
                assert_eq!(Plain::decode(word), plain);
            }
        }
    }

    #[test]
    fn table_ids_match_positions() {
        for (i, c) in EXCEPTIONS.iter().enumerate() {
            assert_eq!(c.id, i as i64, "{}", c.name);
        }
    }

    #[test]
    fn hierarchy() {
        assert!(exc_is_subclass(exc::KEY_ERROR, exc::LOOKUP_ERROR));
        assert!(exc_is_subclass(exc::ZERO_DIVISION_ERROR, exc::EXCEPTION));
        assert!(!exc_is_subclass(exc::VALUE_ERROR, exc::LOOKUP_ERROR));
        assert!(!exc_is_subclass(exc::SYSTEM_EXIT, exc::EXCEPTION));
    }
}
