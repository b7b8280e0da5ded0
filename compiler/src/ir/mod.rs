//! The typed mid-level IR: per function instance, a CFG of blocks holding
//! instructions over numbered values.
//!
//! Locals are memory slots (`Load`/`Store`); LLVM's mem2reg turns them into
//! SSA, so the IR needs no phi nodes. Reference counting is explicit
//! (`IncRef`/`DecRef`), inserted by [`lower`] under one rule: every value an
//! instruction produces is owned, `Load` alone is borrowed. Runtime calls
//! name a function of the runtime ABI (`codegen::abi` knows their
//! signatures); `CheckErr` after anything that can raise jumps to the
//! innermost handler when an exception is pending.

mod fstring_pieces;
mod join_builders;
mod kernel;
mod kernel_broadcast;
mod kernel_dot;
mod kernel_exact_sum;
mod kernel_step_sums;
mod kernel_tiled;
mod kernel_zero_sign;
mod loop_replicas;
pub mod lower;
mod lower_array_maps;
mod lower_arrays;
mod lower_calls;
mod lower_datetime;
mod lower_dict_merge;
mod lower_dict_update;
mod lower_file_reads;
mod lower_file_writes;
mod lower_files;
mod lower_fills;
mod lower_groupby;
mod lower_inplace;
mod lower_iter;
mod lower_merge;
mod lower_missing_reads;
mod lower_ops;
mod lower_pandas;
mod lower_pivot;
mod lower_range;
mod lower_rank;
mod lower_records;
mod lower_spread;
mod lower_unravel;
mod lower_windows;
mod pieces;
mod prange;
pub mod print;
mod private_arrays;
mod split_fields;
mod str_accumulators;
mod ufunc;
mod unbound_checks;

use crate::types::Ty;

pub type V = u32;
pub type B = u32;

/// The machine-level kind of an IR value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IrTy {
    Int,
    Float,
    Bool,
    /// A pointer: heap object, descriptor, or stack array.
    Ptr,
    /// An 8-byte container slot (see `bodo_abi`).
    Slot,
    /// No value (the result of a `None`-typed expression is the constant `false`).
    Unit,
}

impl IrTy {
    pub fn of(t: &Ty) -> IrTy {
        match t {
            Ty::Int | Ty::Datetime => IrTy::Int,
            Ty::Float => IrTy::Float,
            Ty::Bool => IrTy::Bool,
            Ty::None | Ty::Unknown | Ty::Var(_) => IrTy::Unit,
            _ => IrTy::Ptr,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    Unit,
    Null,
    /// An immortal string literal.
    Str(String),
}

/// The longest range `Op::ByteMask` takes.
pub const BYTE_MASK_MAX: i64 = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    /// Python `//` (floor); raises ZeroDivisionError.
    FloorDiv,
    /// Python `%` (sign of divisor); raises ZeroDivisionError.
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    /// Logical shift right by a constant below 64 (bit mixing in generated random numbers).
    LShr,
    /// NumPy's `//` and `%` on int64 arrays: floor semantics, 0 for a zero divisor, never raises.
    NpFloorDiv,
    NpMod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    /// Raises ZeroDivisionError("float division by zero").
    Div,
    /// True division of two ints converted to float; raises "division by zero".
    IntDiv,
    /// IEEE division (NumPy: x/0 is inf or nan, no exception).
    NpDiv,
}

/// Float functions emitted as LLVM intrinsics (vectorisable in loops).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathFn {
    Sqrt,
    Exp,
    Exp2,
    Log,
    Log10,
    Log2,
    Sin,
    Cos,
    Fabs,
    Floor,
    Ceil,
    Trunc,
    /// Round half to even (NumPy's `rint`).
    Rint,
    /// A C math library function of one double with no LLVM 19 intrinsic
    /// (`tan`, `atan`, `sinh`, ...); LLVM knows them as library calls, so
    /// they still vectorise through libmvec and never raise.
    Libm(&'static str),
}

/// The machine type of an array element in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    I64,
    F64,
    /// One byte, 0 or 1; loaded as a bool.
    U8,
    /// A pointer to an object the array owns (a `str` of a string column);
    /// loaded borrowed.
    Obj,
}

impl Elem {
    pub fn of(t: &Ty) -> Elem {
        match t {
            Ty::Float => Elem::F64,
            Ty::Bool => Elem::U8,
            Ty::Str => Elem::Obj,
            _ => Elem::I64,
        }
    }

    pub fn dtype(self) -> i64 {
        match self {
            Elem::I64 => bodo_abi::dtype::INT64,
            Elem::F64 => bodo_abi::dtype::FLOAT64,
            Elem::U8 => bodo_abi::dtype::BOOL,
            Elem::Obj => bodo_abi::dtype::STR,
        }
    }

    /// NumPy's name of the dtype (`a.dtype` prints it).
    pub fn dtype_name(self) -> &'static str {
        match self {
            Elem::I64 => "int64",
            Elem::F64 => "float64",
            Elem::U8 => "bool",
            Elem::Obj => "object",
        }
    }
}

/// The kind of object a `LoadField`/`StoreField` touches: header fields of
/// different kinds are different memory (`codegen/alias.rs`), which lets
/// LLVM keep a list's length in a register while a loop stores a string's.
/// `Any` when the access is not to one kind's header (a stack array, a
/// value slot): such accesses may alias anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Obj {
    Str,
    List,
    Tuple,
    Builder,
    Array,
    Boxed,
    Exc,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// Unsigned `<` of two ints (`ICmp` only): a bounds check `0 <= i < n`
    /// in one compare, as a negative `i` is a huge unsigned one.
    ULt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    IntToFloat,
    BoolToInt,
    BoolToFloat,
}

#[derive(Debug, Clone)]
pub enum Op {
    Param(u32),
    Const(Const),
    Load(u32),
    Store(u32, V),
    Int(IntOp, V, V),
    Float(FloatOp, V, V),
    ICmp(Cmp, V, V),
    FCmp(Cmp, V, V),
    /// Pointer equality with null.
    IsNull(V),
    Not(V),
    BoolAnd(V, V),
    BoolOr(V, V),
    FNeg(V),
    Conv(Conv, V),
    /// `int(x)` of a float: truncation; the runtime raises for NaN/inf/out of range.
    FloatToInt(V),
    /// `x ** y` with `y` a non-negative constant (no zero-division case).
    FPow(V, V),
    Select(V, V, V),
    /// Call a user function instance by symbol.
    Call(String, Vec<V>),
    /// Call a runtime ABI function.
    Rt(&'static str, Vec<V>),
    ToSlot(V),
    FromSlot(V),
    /// The descriptor of a type (a constant global).
    Desc(Ty),
    /// A stack array of slots / pointers, for runtime calls taking arrays.
    SlotArray(Vec<V>),
    PtrArray(Vec<V>),
    /// Read 8 bytes at `ptr + offset (+ 8 * index)` of an object of kind
    /// `of`.
    LoadField {
        ptr: V,
        of: Obj,
        offset: u64,
        index: Option<V>,
    },
    /// Write the 8-byte `value` (int, pointer or slot) at `ptr + offset` of
    /// an object of kind `of`.
    StoreField {
        ptr: V,
        of: Obj,
        offset: u64,
        value: V,
    },
    /// Element `index` of the array buffer at `ptr`.
    LoadElem {
        ptr: V,
        index: V,
        elem: Elem,
    },
    StoreElem {
        ptr: V,
        index: V,
        value: V,
        elem: Elem,
    },
    FMath(MathFn, V),
    IncRef(V),
    DecRef(V),
    /// `DecRef` of a value known to be a string (or null): its last
    /// reference frees it inline (`codegen/func/str_heap.rs`).
    DecRefStr(V),
    /// Appends the text of string `s` to the string builder `buf` (no
    /// separator, no new part): `acc += s` for an accumulated variable
    /// (`str_accumulators.rs`), a str piece of an f-string rendered into a
    /// builder. A short text is copied inline, anything else goes to
    /// `bodo_strbuf_text`.
    BufText {
        buf: V,
        s: V,
    },
    /// Appends the literal `text` to builder `buf`, as `BufText`.
    BufLit {
        buf: V,
        text: String,
    },
    /// Appends number `v` (an int, or a float when `fixed`) under the plain
    /// spec `spec` (`{n}`, `{i:06d}`, `{x:.2f}`) to builder `buf`: a value
    /// of up to eight digits is converted and stored inline, anything else
    /// goes to `bodo_strbuf_int` (an int with no spec) or
    /// `bodo_strbuf_plain`.
    BufNum {
        buf: V,
        v: V,
        fixed: bool,
        spec: bodo_abi::fconv::Plain,
    },
    /// Starts a new part of join builder `buf`: its literal separator
    /// unless it is the first part (`bodo_strbuf_sep` when not inline).
    BufSep {
        buf: V,
        sep: String,
    },
    /// `b.append(w)` of an accumulated str variable's builder `acc` onto a
    /// join builder `b` of literal separator `sep`: inline like `BufText`,
    /// else `bodo_strbuf_push_acc`.
    BuilderPushAcc {
        b: V,
        sep: String,
        acc: V,
    },
    /// Where the first `byte` at or after byte `pos` and before byte `end`
    /// of string `s` is (`end` when there is none; `pos <= end <= len`):
    /// the end of a split's piece for a literal one-byte separator, scanned
    /// inline a word at a time.
    FindByte {
        s: V,
        pos: V,
        end: V,
        byte: u8,
    },
    /// The positions of `byte` in bytes `lo..hi` of string `s` as the bits
    /// of an int (bit `i` for byte `lo + i`), for a range of at most
    /// [`BYTE_MASK_MAX`] bytes (`lo <= hi <= len`): where all the
    /// separators of a short line are, for a split read by constant index
    /// (`split_fields.rs`). One or two vector compares.
    ByteMask {
        s: V,
        lo: V,
        hi: V,
        byte: u8,
    },
    /// The trailing zero bits of an int (64 for 0): with `x & (x - 1)`,
    /// the positions a `ByteMask` holds, lowest first.
    TrailingZeros(V),
    /// Whether bytes `start..stop` of string `s` are the literal `text`
    /// (a field of a split compared with a literal), inline for a literal
    /// of up to 16 bytes, else `bodo_str_piece_eq`.
    PieceEqLit {
        s: V,
        start: V,
        stop: V,
        text: String,
    },
    /// `float(x)` of bytes `start..stop` of string `s` (a field of a
    /// split): a plain decimal (`[+-]digits[.digits]`, at most 19 digits
    /// and 2^53, in at most 20 bytes after the sign) parsed inline, exactly,
    /// anything else by `bodo_str_piece_to_float` (which sets the pending
    /// exception on bad input: a `CheckErr` follows).
    PieceToFloat {
        s: V,
        start: V,
        stop: V,
    },
    /// `s[start:stop].replace(old, new)` with literal `old` and `new` (every
    /// match; `start..stop` is the whole string or a field of a split) as a
    /// new string: inline for a short ASCII text holding `old` at most once
    /// (`codegen/func/replace_lit.rs`), else `bodo_str_piece_replace`. With
    /// `upper`, the result is then upper-cased (`Some(true)`) or
    /// lower-cased (`Some(false)`): `.replace(a, b).upper()` of a string
    /// the replace has just made.
    ReplaceLit {
        s: V,
        start: V,
        stop: V,
        old: String,
        new: String,
        upper: Option<bool>,
    },
    /// Jump to `handler` if an exception is pending (recording `line`).
    CheckErr {
        handler: B,
    },
}

#[derive(Debug, Clone)]
pub struct Inst {
    pub dst: Option<V>,
    pub op: Op,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub enum Term {
    Jump(B),
    Branch(V, B, B),
    Return(Option<V>),
    /// An exception escaped the program's module body.
    ReportAndExit,
    Unreachable,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub insts: Vec<Inst>,
    pub term: Term,
}

#[derive(Debug, Clone)]
pub struct IrLocal {
    pub name: String,
    pub ty: IrTy,
    /// Decref'd on function exit (user variables holding heap values).
    pub owned: bool,
}

#[derive(Debug, Clone)]
pub struct IrFunc {
    pub symbol: String,
    pub params: Vec<IrTy>,
    pub ret: IrTy,
    pub locals: Vec<IrLocal>,
    pub vals: Vec<IrTy>,
    pub blocks: Vec<Block>,
    pub is_main: bool,
}

#[derive(Debug)]
pub struct IrProgram {
    pub funcs: Vec<IrFunc>,
    pub script_name: String,
}
