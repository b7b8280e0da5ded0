//! The values a user function's call spreads into its parameters
//! (`types/spread.rs`): a tuple `f(*t)` or record `f(**rec)` passes its
//! items; a dict `f(**d)` or a list `f(a, *xs)` is checked against the
//! parameters first, as CPython binds them (`bodo_kwargs_check`,
//! `bodo_star_args_check`), then gives each parameter left to it its item
//! (under the parameter's name, or at its position), or the default.

use super::lower::Lower;
use super::*;
use crate::hir::{Const as HConst, Expr, Func};
use crate::types::const_ty;
use crate::types::ArgSrc;
use bodo_abi::spread_param;

/// The spread arguments of one call evaluated so far.
#[derive(Default)]
pub struct Spreads {
    done: Vec<(*const Expr, V)>,
}

impl Spreads {
    pub fn has(&self, a: &Expr) -> bool {
        self.done.iter().any(|(e, _)| std::ptr::eq(*e, a))
    }
}

impl<'a> Lower<'a> {
    /// The spread argument `a` and its type, evaluated the first time
    /// (held in flight, and released with the call's other `temps`).
    pub fn spread_value(&mut self, a: &'a Expr, spreads: &mut Spreads, temps: &mut Vec<((V, bool), Ty)>) -> (V, Ty) {
        let at = self.ty(a);
        if let Some((_, w)) = spreads.done.iter().find(|(e, _)| std::ptr::eq(*e, a)) {
            return (*w, at);
        }
        let w = self.expr_borrow(a);
        self.hold_in_flight(w, &at);
        temps.push((w, at.clone()));
        spreads.done.push((a, w.0));
        (w.0, at)
    }

    /// Raises CPython's TypeError when the dict `d` or the list `xs` that a
    /// call of `func` (bound as `binding` says) spreads does not fit its
    /// parameters: `d`'s keys, or `xs`'s length after `first` positional
    /// arguments.
    pub fn spread_check(&mut self, spread: V, list_after: Option<usize>, func: &Func, binding: &[ArgSrc]) {
        let names: Vec<&str> = func.params.iter().map(|p| p.name.as_str()).collect();
        let states: String = binding
            .iter()
            .zip(&func.params)
            .map(|(b, p)| match b {
                ArgSrc::Keyword(_) | ArgSrc::Field(..) => spread_param::KEYWORD,
                ArgSrc::Key(_) | ArgSrc::ListItem(..) if p.default.is_some() => spread_param::DEFAULTED,
                ArgSrc::Key(_) | ArgSrc::ListItem(..) => spread_param::REQUIRED,
                _ => spread_param::POSITIONAL,
            } as char)
            .collect();
        let strs = [self.cstr(&func.name), self.cstr(&names.join(",")), self.cstr(&states)];
        match list_after {
            Some(first) => {
                let n = self.len_of(spread, &Ty::list(Ty::Unknown));
                let first = self.cint(first as i64);
                self.emit_void(Op::Rt("bodo_star_args_check", vec![n, strs[0], first, strs[1], strs[2]]));
            }
            None => self.emit_void(Op::Rt("bodo_kwargs_check", [spread].into_iter().chain(strs).collect())),
        }
        for s in strs {
            self.emit_void(Op::DecRef(s));
        }
        self.check();
    }

    /// The owned value of parameter `name` of type `want` from the dict `d`
    /// (of type `dt`; its keys already checked): `d[name]`, or `default`
    /// when the parameter has one and the dict lacks the key.
    pub fn dict_param(&mut self, d: V, dt: &Ty, name: &str, default: Option<&HConst>, want: &Ty) -> V {
        let Ty::Dict(_, vt) = dt else { return self.null() };
        let key = self.cstr(name);
        let ks = self.slot_of(key);
        let has = default.map(|_| self.emit(Op::Rt("bodo_dict_contains", vec![d, ks]), IrTy::Bool));
        let x = self.item_or_default(has, "bodo_dict_getitem", (d, ks), vt, default, want);
        self.emit_void(Op::DecRef(key));
        x
    }

    /// The owned value of parameter `j` (counted from the list's first) of
    /// type `want` from the list `xs` (of type `lt`; its length already
    /// checked): `xs[j]`, or `default` past its end.
    pub fn list_param(&mut self, xs: V, lt: &Ty, j: usize, default: Option<&HConst>, want: &Ty) -> V {
        let (Ty::List(el) | Ty::VarTuple(el)) = lt else { return self.null() };
        let idx = self.cint(j as i64);
        let has = default.map(|_| {
            let n = self.len_of(xs, lt);
            self.emit(Op::ICmp(Cmp::Gt, n, idx), IrTy::Bool)
        });
        self.item_or_default(has, "bodo_list_getitem", (xs, idx), el, default, want)
    }

    /// `getitem(container, key)` (of item type `it`) converted to `want`,
    /// or, where `has` is given and false, the constant `default`.
    fn item_or_default(
        &mut self,
        has: Option<V>,
        getitem: &'static str,
        (c, key): (V, V),
        it: &Ty,
        default: Option<&HConst>,
        want: &Ty,
    ) -> V {
        let item = |this: &mut Self| {
            let s = this.emit(Op::Rt(getitem, vec![c, key]), IrTy::Slot);
            this.check();
            let x = this.slot_value(s, it);
            this.coerce(x, it, want)
        };
        let (Some(has), Some(d)) = (has, default) else { return item(self) };
        let tmp = self.new_temp(IrTy::of(want));
        let (yes, no, join) = (self.new_block(), self.new_block(), self.new_block());
        self.branch(has, yes, no);
        self.cur = yes;
        let x = item(self);
        self.emit_void(Op::Store(tmp, x));
        self.jump_to(join);
        self.cur = no;
        let x = self.constant(d);
        let x = self.coerce(x, &const_ty(d), want);
        self.emit_void(Op::Store(tmp, x));
        self.jump_to(join);
        self.cur = join;
        self.emit(Op::Load(tmp), IrTy::of(want))
    }
}
