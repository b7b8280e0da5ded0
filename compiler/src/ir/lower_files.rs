//! `np.fromfile(...)` and `a.tofile(path)` (`types/files.rs`): calls of the
//! runtime's raw binary reader and writer (`runtime/src/io/binary.rs`).

use super::lower::Lower;
use super::*;
use crate::hir::{Expr, Kwarg};
use crate::types::files::fromfile_args;

impl<'a> Lower<'a> {
    /// The array (of type `t`) `np.fromfile(args, **kwargs)` reads: split
    /// in blocks when `t` is distributed, each rank reading its own.
    pub(super) fn fromfile(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], t: &Ty) -> V {
        let a = fromfile_args(args, kwargs);
        let (Some(path), Ty::Array(el, _, d)) = (a.path, t) else { return self.null() };
        let p = self.expr(path);
        let mark = self.in_flight_mark();
        self.hold_in_flight((p, true), &Ty::Str);
        let int_or = |me: &mut Self, x: Option<&'a Expr>, default: i64| match x {
            Some(x) => me.int_value(x),
            None => me.cint(default),
        };
        let count = int_or(self, a.count, -1);
        let offset = int_or(self, a.offset, 0);
        let dt = self.cint(Elem::of(el).dtype());
        let dist_code = self.cint(if d.is_dist() { bodo_abi::dist::ONE_D } else { bodo_abi::dist::REP });
        let r = self.emit(Op::Rt("bodo_arr_fromfile", vec![p, dt, count, offset, dist_code]), IrTy::Ptr);
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(p));
        r
    }

    /// `recv.tofile(path)`: the whole array written in row order (collective
    /// when it is distributed); the value is None.
    pub(super) fn tofile(&mut self, recv: &'a Expr, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let at = self.ty(recv);
        let a = self.expr(recv);
        let mark = self.in_flight_mark();
        self.hold_in_flight((a, true), &at);
        let path = args.first().or_else(|| kwargs.iter().find(|k| k.name == "fid").map(|k| &k.value));
        if let Some(path) = path {
            let p = self.expr(path);
            self.emit_void(Op::Rt("bodo_arr_tofile", vec![a, p]));
            self.emit_void(Op::DecRef(p));
            self.check();
        }
        self.let_go(mark);
        self.emit_void(Op::DecRef(a));
        self.emit(Op::Const(Const::Unit), IrTy::Unit)
    }
}
