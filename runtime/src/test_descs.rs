//! Static type descriptors for unit tests, standing in for the constants
//! the compiler emits.

use crate::object::{descs, DescChildren, TypeDesc};
use bodo_abi::kind;

macro_rules! scalar {
    ($name:ident, $k:expr) => {
        pub static $name: TypeDesc = TypeDesc { kind: $k, n: 0, children: std::ptr::null() };
    };
}

macro_rules! compound {
    ($name:ident, $k:expr, [$($child:expr),*]) => {
        pub static $name: TypeDesc = {
            static CHILDREN: DescChildren<{ [$(stringify!($child)),*].len() }> = DescChildren([$(&$child),*]);
            TypeDesc { kind: $k, n: CHILDREN.0.len() as u32, children: CHILDREN.as_ptr() }
        };
    };
}

scalar!(INT, kind::INT);
scalar!(FLOAT, kind::FLOAT);
compound!(LIST_INT, kind::LIST, [INT]);
compound!(LIST_FLOAT, kind::LIST, [FLOAT]);
compound!(TUPLE_INT_INT, kind::TUPLE, [INT, INT]);
compound!(TUPLE_INT_STR, kind::TUPLE, [INT, descs::STR]);
compound!(TUPLE_STR_INT, kind::TUPLE, [descs::STR, INT]);
compound!(TUPLE_STR, kind::TUPLE, [descs::STR]);
compound!(LIST_TUPLE_INT_STR, kind::LIST, [TUPLE_INT_STR]);
compound!(LIST_TUPLE_STR_INT, kind::LIST, [TUPLE_STR_INT]);
compound!(DICT_INT_INT, kind::DICT, [INT, INT]);
compound!(DICT_STR_INT, kind::DICT, [descs::STR, INT]);
compound!(DICT_FLOAT_INT, kind::DICT, [FLOAT, INT]);
compound!(LIST_DICT_INT_INT, kind::LIST, [DICT_INT_INT]);
compound!(SET_INT, kind::SET, [INT]);
compound!(SET_STR, kind::SET, [descs::STR]);
compound!(OPT_INT, kind::OPTIONAL, [INT]);
