//! Lists built only to be joined: in
//!
//! ```python
//! rows = []
//! for i in range(n):
//!     rows.append(f"{i:06d};{name}")
//! return "\n".join(rows)
//! ```
//!
//! `rows` is never seen as a list, so it is a string builder instead
//! (`runtime/src/str_builder.rs`): each part is copied into the joined
//! text when it is appended and freed at once, and an f-string part is
//! rendered into the text without becoming a string. The list would hold
//! every part alive until the join, which then copies them all again.
//!
//! The proof is syntactic and whole-function: the list is made empty by a
//! statement of the function's top level, read afterwards only by
//! `append` statements and by one `"sep".join(rows)` that is the value of a
//! later top-level `return` or assignment (so it runs at most once, after
//! every append), and bound nowhere else. Appends inside a parallel loop
//! are a concatenation across ranks, not a builder's.

use std::collections::HashMap;

use super::lower::Lower;
use super::*;
use crate::hir::{visit, Const as HConst, Expr, ExprKind, Func, LocalId, Stmt, StmtKind, Target};

/// The builders of `func`, each with its join's separator; `is_str_list`
/// says whether a local is a `list[str]`.
pub fn join_builders(func: &Func, is_str_list: &dyn Fn(LocalId) -> bool) -> HashMap<LocalId, String> {
    let mut out = HashMap::new();
    if func.is_main {
        // Module-level variables may be read by the functions it defines.
        return out;
    }
    let body = &func.body;
    let (mut defs, reads) = (HashMap::new(), crate::hir::defs::count_reads(body));
    crate::hir::defs::count_defs(body, &mut defs);
    for (i, s) in body.iter().enumerate() {
        let StmtKind::Assign(Target::Local(l, _), value) = &s.kind else { continue };
        if !matches!(&value.kind, ExprKind::List(items) if items.is_empty())
            || func.params.iter().any(|p| p.local == *l)
            || !is_str_list(*l)
        {
            continue;
        }
        let Some((j, sep)) =
            body[i + 1..].iter().enumerate().find_map(|(k, s)| join_of(s, *l).map(|sep| (i + 1 + k, sep)))
        else {
            continue;
        };
        let appends = count_appends(&body[i + 1..j], *l, false);
        let read = reads.get(l).copied().unwrap_or(0);
        if appends.is_some_and(|n| read == n + 1) && defs.get(l) == Some(&1) {
            out.insert(*l, sep);
        }
    }
    out
}

/// The separator when `s` is `return "sep".join(l)` or `x = "sep".join(l)`.
fn join_of(s: &Stmt, l: LocalId) -> Option<String> {
    let value = match &s.kind {
        StmtKind::Return(Some(v)) | StmtKind::Assign(Target::Local(..), v) => v,
        _ => return None,
    };
    let ExprKind::MethodCall { recv, name, args, kwargs } = &value.kind else { return None };
    match (&recv.kind, name.as_str(), args.as_slice()) {
        (ExprKind::Const(HConst::Str(sep)), "join", [a]) if kwargs.is_empty() && a.is_local(l) => Some(sep.clone()),
        _ => None,
    }
}

/// The `l.append(x)` statements in `b` (`x` not reading `l`), or `None`
/// when one of them is inside a parallel loop.
fn count_appends(b: &[Stmt], l: LocalId, in_prange: bool) -> Option<usize> {
    let mut n = 0;
    for s in b {
        if let Some(x) = appended(s, l) {
            if in_prange || reads_expr(x, l) > 0 {
                return None;
            }
            n += 1;
        }
        let parallel = in_prange || matches!(&s.kind, StmtKind::For(_, it, ..) if it.is_prange_call());
        for sub in visit::sub_blocks(s) {
            n += count_appends(sub, l, parallel)?;
        }
    }
    Some(n)
}

/// The appended value when `s` is the statement `l.append(x)`.
fn appended(s: &Stmt, l: LocalId) -> Option<&Expr> {
    let StmtKind::Expr(e) = &s.kind else { return None };
    match &e.kind {
        ExprKind::MethodCall { recv, name, args, kwargs }
            if name == "append" && kwargs.is_empty() && recv.is_local(l) =>
        {
            match args.as_slice() {
                [x] => Some(x),
                _ => None,
            }
        }
        _ => None,
    }
}

/// How many times `e` reads `l`.
fn reads_expr(e: &Expr, l: LocalId) -> usize {
    let mut n = 0;
    visit::expr(e, &mut |e| n += e.is_local(l) as usize);
    n
}

impl<'a> Lower<'a> {
    /// The builder's separator when `e` reads a list kept as a builder.
    pub(super) fn builder_of(&self, e: &Expr) -> Option<String> {
        match e.kind {
            ExprKind::Local(l) => self.builders.get(&l).cloned(),
            _ => None,
        }
    }

    /// `l.append(x)` on a builder: `x`'s text copied in (an f-string
    /// rendered in place).
    pub(super) fn builder_push(&mut self, recv: &'a Expr, sep_text: &str, x: &'a Expr) {
        let b = self.expr_borrow(recv);
        if let ExprKind::FString(parts) = &x.kind {
            self.fstring_into(parts, Some((b.0, sep_text)));
            return;
        }
        if let ExprKind::Local(w) = x.kind {
            if self.accumulators.contains(&w) {
                let acc = self.emit(Op::Load(w), IrTy::Ptr);
                self.emit_void(Op::BuilderPushAcc { b: b.0, sep: sep_text.to_string(), acc });
                return;
            }
        }
        // The part is copied, so a variable's value is only borrowed.
        let sep = self.cstr(sep_text);
        let v = self.expr_borrow(x);
        self.emit_void(Op::Rt("bodo_strbuf_push", vec![b.0, sep, v.0]));
        self.release(v, &Ty::Str);
    }

    /// `"sep".join(l)` of a builder: the joined string (owned).
    pub(super) fn builder_finish(&mut self, recv: &'a Expr) -> V {
        let b = self.expr_borrow(recv);
        self.emit(Op::Rt("bodo_strbuf_finish", vec![b.0]), IrTy::Ptr)
    }
}
