//! `UnboundLocalError` at the reads that may come before any binding
//! (`hir/unbound.rs` finds them; every other read is proven bound and
//! costs nothing). Each such local gets a hidden flag: locals start zeroed
//! at function entry, so the flag is false until a store of the local sets
//! it ([`Lower::mark_bindings`], after the function is lowered, so every
//! kind of binding counts), and a flagged read raises while it is false.
//! Module code raises `NameError`, as CPython does for an unbound global.

use super::lower::Lower;
use super::*;
use crate::diagnostics::Span;
use crate::hir::{self, Expr};

impl Lower<'_> {
    /// Raises unless local `l`, read by expression `e`, is bound (only for
    /// the reads that may find it unbound).
    pub fn check_bound_read(&mut self, e: &Expr, l: hir::LocalId) {
        if self.maybe_unbound.reads.contains(&e.id) {
            self.check_bound(l, e.span);
        }
    }

    /// As [`Self::check_bound_read`] for `l op= v`, whose target at `span`
    /// reads `l` first.
    pub fn check_bound_update(&mut self, l: hir::LocalId, span: Span) {
        if self.maybe_unbound.updates.contains(&span) {
            self.check_bound(l, span);
        }
    }

    fn check_bound(&mut self, l: hir::LocalId, span: Span) {
        let flag = match self.bound_flags.get(&l) {
            Some(&flag) => flag,
            None => {
                let flag = self.new_temp(IrTy::Bool);
                self.bound_flags.insert(l, flag);
                flag
            }
        };
        let saved = self.line;
        self.set_line(span);
        let bound = self.emit(Op::Load(flag), IrTy::Bool);
        let unbound = self.emit(Op::Not(bound), IrTy::Bool);
        let name = &self.prog.funcs[self.inst.func as usize].locals[l as usize].name;
        let (class, msg) = if self.f.is_main {
            (bodo_abi::exc::NAME_ERROR, format!("name '{name}' is not defined"))
        } else {
            (
                bodo_abi::exc::UNBOUND_LOCAL_ERROR,
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        };
        self.raise_when(unbound, class, &msg);
        self.line = saved;
    }

    /// Sets each checked local's flag after every store of the local.
    pub fn mark_bindings(&mut self) {
        if self.bound_flags.is_empty() {
            return;
        }
        for bi in 0..self.f.blocks.len() {
            let insts = std::mem::take(&mut self.f.blocks[bi].insts);
            let mut out = Vec::with_capacity(insts.len());
            for inst in insts {
                let flag = match inst.op {
                    Op::Store(l, _) => self.bound_flags.get(&l).copied(),
                    _ => None,
                };
                let line = inst.line;
                out.push(inst);
                if let Some(flag) = flag {
                    let t = self.f.vals.len() as V;
                    self.f.vals.push(IrTy::Bool);
                    out.push(Inst { dst: Some(t), op: Op::Const(Const::Bool(true)), line });
                    out.push(Inst { dst: None, op: Op::Store(flag, t), line });
                }
            }
            self.f.blocks[bi].insts = out;
        }
    }
}
