//! `df.to_csv(path, index=...)` and `df.to_parquet(path)`
//! (`types/file_writes.rs`): one call of the runtime writer
//! (`runtime/src/io/write.rs`) with the frame's column names (and, for
//! CSV, its labels' names) as constant arrays.

use super::lower::Lower;
use super::*;
use crate::hir::{Expr, Kwarg};
use crate::types::file_writes::writes_index;
use crate::types::ty::Labels;

impl<'a> Lower<'a> {
    /// `recv.NAME(args, **kwargs)` on a frame: None, once the file is
    /// written (collective when the frame is distributed).
    pub(super) fn write_table(&mut self, recv: &'a Expr, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let (rt, Ty::Frame(f), Some(path)) = (self.ty(recv), self.exact_ty(recv), args.first()) else {
            return self.emit(Op::Const(Const::Unit), IrTy::Unit);
        };
        let x = self.expr(recv);
        let mark = self.in_flight_mark();
        self.hold_in_flight((x, true), &rt);
        let p = self.expr(path);
        self.hold_in_flight((p, true), &Ty::Str);
        let names: Vec<V> = f.cols.iter().map(|c| self.cstr(&c.0)).collect();
        let names = self.emit(Op::PtrArray(names), IrTy::Ptr);
        let ncols = self.cint(f.cols.len() as i64);
        if name == "to_parquet" {
            self.emit_void(Op::Rt("bodo_to_parquet", vec![x, p, names, ncols]));
        } else {
            // Unnamed labels get an empty header field.
            let (kind, label_names) = match &f.labels {
                _ if !writes_index(kwargs) => (0, Vec::new()),
                Labels::Range => (1, Vec::new()),
                Labels::Int | Labels::Str => (2, vec![String::new()]),
                Labels::Levels(ls) => (2, ls.iter().map(|l| l.0.clone()).collect()),
            };
            let kind = self.cint(kind);
            let n = self.cint(label_names.len() as i64);
            let label_names: Vec<V> = label_names.iter().map(|l| self.cstr(l)).collect();
            let label_names = self.emit(Op::PtrArray(label_names), IrTy::Ptr);
            self.emit_void(Op::Rt("bodo_to_csv", vec![x, p, names, ncols, kind, label_names, n]));
        }
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(p));
        self.decref(x, &rt);
        self.emit(Op::Const(Const::Unit), IrTy::Unit)
    }
}
