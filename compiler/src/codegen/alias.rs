//! Alias metadata (LLVM's type-based alias analysis, `!tbaa`) for the
//! generated code's own memory accesses: a field of an object's header and
//! an item of a data buffer are never the same memory, and neither are two
//! header fields of different kinds of object (`ir::Obj`) or at different
//! offsets.
//!
//! Without it LLVM must assume that storing a list item may change the
//! list's length or data pointer, so a loop that writes items (a sieve's
//! `is_prime[m] = False`) reloads both at every step. With it they are loop
//! invariant and leave the loop.
//!
//! Only accesses that are exactly one thing get a tag: a header field of an
//! object of a known kind at an offset that is a multiple of eight (every
//! field is a word, and no access is wider, so two such offsets never
//! overlap), not the reference count (offset 0, which some IR also uses
//! for a slot pointer), items read or written through `LoadElem`/
//! `StoreElem`, and the header fields and text bytes an inline builder
//! append touches (`func/buf_append.rs`, `func/buf_number.rs`). Everything
//! else, the runtime's accesses included, stays untagged, which LLVM
//! treats as possibly aliasing anything.
//!
//! The kind is the IR's word for what the object is (`LoadField`'s `of`,
//! taken from the `bodo_abi::layout` module of the offset): every access
//! to one kind's field must say that kind, or LLVM may move a load across
//! a store to the same word. An access that cannot say (`Obj::Any`) stays
//! untagged. So a loop that appends to a string and reads a list keeps the
//! list's length and data pointer in registers.

use std::collections::HashMap;

use inkwell::context::Context;
use inkwell::values::{InstructionValue, MetadataValue};

use crate::ir::Obj;

/// What a tagged access touches.
#[derive(Clone, Copy)]
pub(super) enum Access {
    /// The word at this offset of the header of an object of this kind.
    Field(Obj, u64),
    /// An item of a data buffer (a list's slots or bytes, an array's data)
    /// or a byte of a string's text (the builder appends of `func/buf_*`).
    Item,
}

/// The tags of one module, made on first use.
pub(super) struct AliasTags<'ctx> {
    kind: u32,
    root: MetadataValue<'ctx>,
    tags: HashMap<Option<(Obj, u64)>, MetadataValue<'ctx>>,
}

impl<'ctx> AliasTags<'ctx> {
    pub fn new(ctx: &'ctx Context) -> Self {
        let root = ctx.metadata_node(&[ctx.metadata_string("bodoc alias root").into()]);
        AliasTags { kind: ctx.get_kind_id("tbaa"), root, tags: HashMap::new() }
    }

    /// Tags `inst`, a load or store, with what it touches; a field access
    /// the rules above leave out stays untagged.
    pub fn tag(&mut self, ctx: &'ctx Context, inst: InstructionValue<'ctx>, access: Access) {
        let key = match access {
            Access::Field(Obj::Any, _) => return,
            Access::Field(_, offset) if offset == 0 || offset % 8 != 0 => return,
            Access::Field(of, offset) => Some((of, offset)),
            Access::Item => None,
        };
        let root = self.root;
        let tag = *self.tags.entry(key).or_insert_with(|| {
            let name = key.map_or("bodoc item".to_string(), |(of, o)| format!("bodoc {of:?}+{o}"));
            let zero = ctx.i64_type().const_zero();
            let ty = ctx.metadata_node(&[ctx.metadata_string(&name).into(), root.into(), zero.into()]);
            ctx.metadata_node(&[ty.into(), ty.into(), zero.into()])
        });
        // A load or store always takes metadata.
        let _ = inst.set_metadata(tag, self.kind);
    }
}
