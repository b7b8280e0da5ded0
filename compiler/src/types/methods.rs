//! The methods of str, list, dict, set, int and float: one table read by both the type
//! checker (parameter and result types) and the IR lowering (which runtime
//! function implements each method and how its arguments are passed).

use super::ty::{Ty, View};
use crate::hir::BinOp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recv {
    Str,
    List,
    Dict,
    Set,
    Int,
    Float,
}

impl Recv {
    pub fn of(t: &Ty) -> Option<Recv> {
        Some(match t {
            Ty::Str => Recv::Str,
            Ty::List(_) => Recv::List,
            Ty::Dict(..) => Recv::Dict,
            Ty::Set(_) => Recv::Set,
            // A bool's methods are its int's (`True.bit_length()` is 1).
            Ty::Int | Ty::Bool => Recv::Int,
            Ty::Float => Recv::Float,
            _ => return None,
        })
    }
}

/// How one parameter is typed and passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    Str,
    /// A str or None; passed as a nullable pointer, null when omitted.
    OptStr,
    /// An int; the default is used when omitted.
    Int(i64),
    /// A bool; the default is used when omitted.
    Bool(bool),
    /// An element of the receiver list/set (converted to its type, passed as a slot).
    Elem,
    /// A key / value of the receiver dict (slots).
    Key,
    Val,
    /// A value of the receiver's own type.
    Same,
    /// A list/set/dict of the receiver's type, or any iterable of its
    /// elements (of `(key, value)` pairs for a dict), collected into one of
    /// the receiver's type first.
    Iter,
    /// A list of str.
    ListStr,
    /// A str or a tuple of str (`startswith`/`endswith`); passed as the
    /// object and an i8 flag saying it is a tuple.
    Affix,
    /// `translate`'s table: a dict from ints to ints, strs or None (the
    /// runtime reads which from its descriptor), passed as it is.
    Table,
}

/// The result type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    None,
    Str,
    Int,
    Bool,
    ListStr,
    /// The receiver's element (a slot) / dict value.
    Elem,
    Val,
    Same,
    /// `dict.keys()/values()/items()` as list snapshots (typed as views);
    /// the runtime is passed the list's descriptor.
    Keys,
    Values,
    Items,
    /// `dict.popitem()`'s `(key, value)` tuple; the runtime is passed its
    /// descriptor.
    Item,
    /// `(str, str, str)` (`partition`); the runtime is passed its descriptor.
    StrTriple,
    /// `str.maketrans`'s `dict[int, int | None]`; the runtime is passed its descriptor.
    Table,
}

impl R {
    /// Whether the runtime function takes the result's descriptor as its
    /// last argument (it builds a container whose element types it cannot know).
    pub fn takes_desc(self) -> bool {
        matches!(self, R::Keys | R::Values | R::Items | R::Item | R::StrTriple | R::Table)
    }
}

pub struct Method {
    pub recv: Recv,
    pub name: &'static str,
    pub params: &'static [(&'static str, P)],
    pub ret: R,
    pub rt: &'static str,
    pub raises: bool,
}

const NONE_I: i64 = bodo_abi::SLICE_NONE;

macro_rules! m {
    ($recv:ident $name:literal [$($p:literal : $k:expr),*] -> $ret:ident = $rt:literal $(, $raises:ident)?) => {
        Method { recv: Recv::$recv, name: $name, params: &[$(($p, $k)),*], ret: R::$ret, rt: $rt, raises: m!(@r $($raises)?) }
    };
    (@r raises) => { true };
    (@r) => { false };
}

pub static METHODS: &[Method] = &[
    m!(Int "bit_length" [] -> Int = "bodo_int_bit_length"),
    m!(Float "is_integer" [] -> Bool = "bodo_float_is_integer"),
    m!(Str "upper" [] -> Str = "bodo_str_upper"),
    m!(Str "lower" [] -> Str = "bodo_str_lower"),
    m!(Str "capitalize" [] -> Str = "bodo_str_capitalize"),
    m!(Str "title" [] -> Str = "bodo_str_title"),
    m!(Str "swapcase" [] -> Str = "bodo_str_swapcase"),
    m!(Str "strip" ["chars": P::OptStr] -> Str = "bodo_str_strip"),
    m!(Str "lstrip" ["chars": P::OptStr] -> Str = "bodo_str_lstrip"),
    m!(Str "rstrip" ["chars": P::OptStr] -> Str = "bodo_str_rstrip"),
    m!(Str "split" ["sep": P::OptStr, "maxsplit": P::Int(-1)] -> ListStr = "bodo_str_split", raises),
    m!(Str "rsplit" ["sep": P::OptStr, "maxsplit": P::Int(-1)] -> ListStr = "bodo_str_rsplit", raises),
    m!(Str "splitlines" ["keepends": P::Bool(false)] -> ListStr = "bodo_str_splitlines"),
    m!(Str "partition" ["sep": P::Str] -> StrTriple = "bodo_str_partition", raises),
    m!(Str "rpartition" ["sep": P::Str] -> StrTriple = "bodo_str_rpartition", raises),
    m!(Str "removeprefix" ["prefix": P::Str] -> Str = "bodo_str_removeprefix"),
    m!(Str "removesuffix" ["suffix": P::Str] -> Str = "bodo_str_removesuffix"),
    m!(Str "expandtabs" ["tabsize": P::Int(8)] -> Str = "bodo_str_expandtabs"),
    m!(Str "casefold" [] -> Str = "bodo_str_casefold"),
    m!(Str "translate" ["table": P::Table] -> Str = "bodo_str_translate", raises),
    m!(Str "$maketrans" ["y": P::Str, "z": P::OptStr] -> Table = "bodo_str_maketrans", raises),
    m!(Str "join" ["iterable": P::ListStr] -> Str = "bodo_str_join"),
    m!(Str "replace" ["old": P::Str, "new": P::Str, "count": P::Int(-1)] -> Str = "bodo_str_replace"),
    m!(Str "startswith" ["prefix": P::Affix, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Bool = "bodo_str_startswith"),
    m!(Str "endswith" ["suffix": P::Affix, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Bool = "bodo_str_endswith"),
    m!(Str "find" ["sub": P::Str, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Int = "bodo_str_find"),
    m!(Str "rfind" ["sub": P::Str, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Int = "bodo_str_rfind"),
    m!(Str "index" ["sub": P::Str, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Int = "bodo_str_index", raises),
    m!(Str "rindex" ["sub": P::Str, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Int = "bodo_str_rindex", raises),
    m!(Str "count" ["sub": P::Str, "start": P::Int(NONE_I), "end": P::Int(NONE_I)] -> Int = "bodo_str_count"),
    m!(Str "isdigit" [] -> Bool = "bodo_str_isdigit"),
    m!(Str "isalpha" [] -> Bool = "bodo_str_isalpha"),
    m!(Str "isalnum" [] -> Bool = "bodo_str_isalnum"),
    m!(Str "isspace" [] -> Bool = "bodo_str_isspace"),
    m!(Str "isupper" [] -> Bool = "bodo_str_isupper"),
    m!(Str "islower" [] -> Bool = "bodo_str_islower"),
    m!(Str "istitle" [] -> Bool = "bodo_str_istitle"),
    m!(Str "isdecimal" [] -> Bool = "bodo_str_isdecimal"),
    m!(Str "isnumeric" [] -> Bool = "bodo_str_isnumeric"),
    m!(Str "isascii" [] -> Bool = "bodo_str_isascii"),
    m!(Str "zfill" ["width": P::Int(0)] -> Str = "bodo_str_zfill"),
    m!(Str "center" ["width": P::Int(0), "fillchar": P::OptStr] -> Str = "bodo_str_center"),
    m!(Str "ljust" ["width": P::Int(0), "fillchar": P::OptStr] -> Str = "bodo_str_ljust"),
    m!(Str "rjust" ["width": P::Int(0), "fillchar": P::OptStr] -> Str = "bodo_str_rjust"),
    m!(List "append" ["object": P::Elem] -> None = "bodo_list_append"),
    m!(List "extend" ["iterable": P::Iter] -> None = "bodo_list_extend"),
    m!(List "insert" ["index": P::Int(0), "object": P::Elem] -> None = "bodo_list_insert"),
    m!(List "remove" ["value": P::Elem] -> None = "bodo_list_remove", raises),
    m!(List "index" ["value": P::Elem, "start": P::Int(0), "stop": P::Int(NONE_I)] -> Int = "bodo_list_index", raises),
    m!(List "count" ["value": P::Elem] -> Int = "bodo_list_count"),
    m!(List "reverse" [] -> None = "bodo_list_reverse"),
    m!(List "copy" [] -> Same = "bodo_list_copy"),
    m!(List "clear" [] -> None = "bodo_list_clear"),
    // `l *= n` (ir/lower_inplace.rs).
    m!(List "$repeat" ["n": P::Int(1)] -> None = "bodo_list_repeat_in_place", raises),
    // `l.sort(key=k)` is `l.$replace(sorted(l, key=k))` (hir/lower.rs).
    m!(List "$replace" ["items": P::Same] -> None = "bodo_list_replace"),
    m!(List "pop" ["index": P::Int(-1)] -> Elem = "bodo_list_pop", raises),
    // `del l[a:b:c]` is `l.$del_slice(start=a, stop=b, step=c)` (hir/lower.rs).
    m!(List "$del_slice" ["start": P::Int(NONE_I), "stop": P::Int(NONE_I), "step": P::Int(NONE_I)] -> None = "bodo_list_del_slice", raises),
    m!(List "sort" ["reverse": P::Bool(false)] -> None = "bodo_list_sort", raises),
    m!(Dict "keys" [] -> Keys = "bodo_dict_keys"),
    m!(Dict "values" [] -> Values = "bodo_dict_values"),
    m!(Dict "items" [] -> Items = "bodo_dict_items"),
    m!(Dict "setdefault" ["key": P::Key, "default": P::Val] -> Val = "bodo_dict_setdefault", raises),
    m!(Dict "update" ["other": P::Iter] -> None = "bodo_dict_update", raises),
    m!(Dict "copy" [] -> Same = "bodo_dict_copy", raises),
    m!(Dict "popitem" [] -> Item = "bodo_dict_popitem", raises),
    m!(Dict "clear" [] -> None = "bodo_dict_clear"),
    m!(Set "add" ["elem": P::Elem] -> None = "bodo_set_add", raises),
    m!(Set "discard" ["elem": P::Elem] -> None = "bodo_set_discard", raises),
    m!(Set "remove" ["elem": P::Elem] -> None = "bodo_set_remove", raises),
    m!(Set "union" ["other": P::Iter] -> Same = "bodo_set_union"),
    m!(Set "intersection" ["other": P::Iter] -> Same = "bodo_set_intersection"),
    m!(Set "difference" ["other": P::Iter] -> Same = "bodo_set_difference"),
    m!(Set "symmetric_difference" ["other": P::Iter] -> Same = "bodo_set_symmetric_difference"),
    m!(Set "issubset" ["other": P::Iter] -> Bool = "bodo_set_issubset"),
    m!(Set "issuperset" ["other": P::Iter] -> Bool = "bodo_set_issuperset"),
    m!(Set "isdisjoint" ["other": P::Iter] -> Bool = "bodo_set_isdisjoint"),
    m!(Set "update" ["other": P::Iter] -> None = "bodo_set_update"),
    m!(Set "intersection_update" ["other": P::Iter] -> None = "bodo_set_intersection_update"),
    m!(Set "difference_update" ["other": P::Iter] -> None = "bodo_set_difference_update"),
    m!(Set "symmetric_difference_update" ["other": P::Iter] -> None = "bodo_set_symmetric_difference_update"),
    m!(Set "pop" [] -> Elem = "bodo_set_pop", raises),
    m!(Set "copy" [] -> Same = "bodo_set_copy"),
    m!(Set "clear" [] -> None = "bodo_set_clear"),
];

/// Whether a list/dict/set method changes its receiver.
pub fn mutates(name: &str) -> bool {
    matches!(
        name,
        "append"
            | "extend"
            | "insert"
            | "remove"
            | "reverse"
            | "clear"
            | "$replace"
            | "$del_slice"
            | "pop"
            | "sort"
            | "setdefault"
            | "update"
            | "intersection_update"
            | "difference_update"
            | "symmetric_difference_update"
            | "$repeat"
            | "add"
            | "discard"
    )
}

/// The method `x op= y` is on a mutable container: CPython's in-place
/// operators of list, set and dict change `x` itself, so its aliases see it.
pub fn in_place(t: &Ty, op: BinOp) -> Option<&'static Method> {
    let name = match (t, op) {
        (Ty::List(_), BinOp::Add) => "extend",
        (Ty::List(_), BinOp::Mul) => "$repeat",
        (Ty::Set(_) | Ty::Dict(..), BinOp::BitOr) => "update",
        (Ty::Set(_), BinOp::BitAnd) => "intersection_update",
        (Ty::Set(_), BinOp::Sub) => "difference_update",
        (Ty::Set(_), BinOp::BitXor) => "symmetric_difference_update",
        _ => return None,
    };
    lookup(Recv::of(t)?, name)
}

pub fn lookup(recv: Recv, name: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.recv == recv && m.name == name)
}

/// The names of `recv`'s methods (for "did you mean ...?").
pub fn names(recv: Recv) -> impl Iterator<Item = &'static str> {
    METHODS.iter().filter(move |m| m.recv == recv).map(|m| m.name)
}

/// Element type of a receiver for `P::Elem` / `R::Elem`.
pub fn elem_of(t: &Ty) -> Ty {
    match t {
        Ty::List(e) | Ty::VarTuple(e) | Ty::Set(e) => (**e).clone(),
        Ty::Dict(_, v) => (**v).clone(),
        _ => Ty::Unknown,
    }
}

/// What iterating a value for `P::Iter` must give to fill a receiver of
/// type `t`: its elements, or `(key, value)` pairs for a dict.
pub fn iter_item_of(t: &Ty) -> Ty {
    match t {
        Ty::Dict(k, v) => Ty::Tuple(vec![(**k).clone(), (**v).clone()]),
        _ => elem_of(t),
    }
}

/// The type a parameter expects, given the receiver's type.
pub fn param_ty(p: P, recv: &Ty) -> Ty {
    match p {
        P::Str | P::Affix => Ty::Str,
        P::OptStr => Ty::optional(Ty::Str),
        P::Int(_) => Ty::Int,
        P::Bool(_) => Ty::Bool,
        P::Elem => elem_of(recv),
        P::Key => match recv {
            Ty::Dict(k, _) => (**k).clone(),
            _ => Ty::Unknown,
        },
        P::Val => elem_of(recv),
        P::Same | P::Iter => recv.clone(),
        P::ListStr => Ty::list(Ty::Str),
        P::Table => trans_table(),
    }
}

/// The result type, given the receiver's type.
pub fn ret_ty(r: R, recv: &Ty) -> Ty {
    match r {
        R::None => Ty::None,
        R::Str => Ty::Str,
        R::Int => Ty::Int,
        R::Bool => Ty::Bool,
        R::ListStr => Ty::list(Ty::Str),
        R::Elem | R::Val => elem_of(recv),
        R::Same => recv.clone(),
        R::Keys => match recv {
            Ty::Dict(k, _) => Ty::View(View::Keys, k.clone()),
            _ => Ty::Unknown,
        },
        R::Values => match recv {
            Ty::Dict(_, v) => Ty::View(View::Values, v.clone()),
            _ => Ty::Unknown,
        },
        R::Items => match recv {
            Ty::Dict(k, v) => Ty::View(View::Items, Box::new(Ty::Tuple(vec![(**k).clone(), (**v).clone()]))),
            _ => Ty::Unknown,
        },
        R::Item => match recv {
            Ty::Dict(k, v) => Ty::Tuple(vec![(**k).clone(), (**v).clone()]),
            _ => Ty::Unknown,
        },
        R::StrTriple => Ty::Tuple(vec![Ty::Str; 3]),
        R::Table => trans_table(),
    }
}

/// `str.maketrans`'s table: code points to code points, or None for the
/// characters `translate` deletes.
pub fn trans_table() -> Ty {
    Ty::dict(Ty::Int, Ty::optional(Ty::Int))
}

/// Whether `t` is a table `str.translate` reads: a dict from code points
/// to code points, strings or None.
pub fn is_trans_table(t: &Ty) -> bool {
    let value = |v: &Ty| matches!(v, Ty::Int | Ty::Str | Ty::None);
    matches!(t, Ty::Dict(k, v) if **k == Ty::Int && match &**v {
        Ty::Optional(v) => value(v),
        v => value(v),
    })
}
