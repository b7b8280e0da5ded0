//! Str variables grown by `+=` in a loop: in
//!
//! ```python
//! w = ""
//! for _ in range(k):
//!     w += syllables[s % 8]
//! words.append(w)
//! ```
//!
//! `w` is kept as a string builder (`runtime/src/str_builder.rs`) instead
//! of a string: `w += piece` copies the piece after the text in a block
//! that doubles as it fills, `w = s` starts it again, and a read makes a
//! string of the text (`bodo_stracc_str`), or copies it straight into a
//! join builder (`words.append(w)`, `join_builders.rs`). As a string, each
//! `+=` that outgrows the string's pool block makes a new string, and a
//! shared one (`w = ""; w += piece` shares the piece) is copied.
//!
//! A read that makes a string costs a copy, so no such read may sit in a
//! loop that runs the `+=` (it would copy the whole text at every step);
//! reads in comprehensions, which can run many times, count as such (a
//! lambda's captured variables are read where it is called). The variable is bound only by plain and `+=` assignments
//! (`w = w + piece` is a `+=`), is not a parameter, and lives in a function
//! without parallel loops, whose iterations would each need their own.

use std::collections::{HashMap, HashSet};

use super::lower::Lower;
use super::*;
use crate::hir::{visit, BinOp, Const as HConst, Expr, ExprKind, Func, LocalId, Stmt, StmtKind, Target};
use bodo_abi::layout;

/// The accumulated str variables of `func`; `is_str` says whether a local
/// is a str, `builders` are the join builders (`join_builders.rs`).
pub fn str_accumulators(
    func: &Func,
    is_str: &dyn Fn(LocalId) -> bool,
    builders: &HashMap<LocalId, String>,
) -> HashSet<LocalId> {
    if func.is_main {
        // Module-level variables may be read by the functions it defines.
        return HashSet::new();
    }
    let mut scan = Scan { builders, loops: Vec::new(), next_loop: 0, vars: HashMap::new(), parallel: false };
    scan.block(&func.body);
    if scan.parallel {
        return HashSet::new();
    }
    let params: HashSet<LocalId> = func.params.iter().map(|p| p.local).collect();
    scan.vars
        .into_iter()
        .filter(|(l, v)| {
            let grown_in = |path: &Vec<u32>| path.last().copied();
            let loops: HashSet<u32> = v.appends.iter().filter_map(grown_in).collect();
            !v.other_binding
                && !loops.is_empty()
                && !params.contains(l)
                && is_str(*l)
                && v.copies.iter().all(|path| path.as_ref().is_some_and(|p| !p.iter().any(|x| loops.contains(x))))
        })
        .map(|(l, _)| l)
        .collect()
}

/// What the scan saw of one variable.
#[derive(Default)]
struct Var {
    /// The loops around each `+=`, outermost first.
    appends: Vec<Vec<u32>>,
    /// The loops around each read that makes a string (`None`: a read in
    /// a comprehension or lambda).
    copies: Vec<Option<Vec<u32>>>,
    /// Bound by something other than a plain or `+=` assignment.
    other_binding: bool,
}

struct Scan<'b> {
    builders: &'b HashMap<LocalId, String>,
    /// The loops around the statement scanned, outermost first.
    loops: Vec<u32>,
    next_loop: u32,
    vars: HashMap<LocalId, Var>,
    parallel: bool,
}

impl Scan<'_> {
    fn block(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::AugAssign(Target::Local(w, _), BinOp::Add, value) => {
                self.vars.entry(*w).or_default().appends.push(self.loops.clone());
                self.reads(value);
            }
            StmtKind::Assign(Target::Local(w, _), value) => match grown_by(value, *w) {
                Some(piece) => {
                    self.vars.entry(*w).or_default().appends.push(self.loops.clone());
                    self.reads(piece);
                }
                None => self.reads(value),
            },
            StmtKind::Expr(e) if self.builder_append(e).is_some() => {
                // The variable's text goes straight into the builder.
            }
            StmtKind::For(t, iter, body, orelse) => {
                self.parallel |= iter.is_prange_call();
                self.bind(t);
                self.reads(iter);
                self.in_loop(body);
                self.block(orelse);
            }
            StmtKind::While(cond, body, orelse) => {
                // The condition runs at every turn.
                self.loops.push(self.next_loop);
                self.reads(cond);
                self.loops.pop();
                self.in_loop(body);
                self.block(orelse);
            }
            StmtKind::If(cond, a, b) => {
                self.reads(cond);
                self.block(a);
                self.block(b);
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                self.block(body);
                for h in handlers {
                    if let Some(l) = h.name {
                        self.vars.entry(l).or_default().other_binding = true;
                    }
                    self.block(&h.body);
                }
                self.block(orelse);
                self.block(finally);
            }
            StmtKind::Assign(t, value) | StmtKind::AugAssign(t, _, value) => {
                self.bind(t);
                self.reads(value);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => self.reads(e),
            StmtKind::Assert(c, m) => {
                self.reads(c);
                if let Some(m) = m {
                    self.reads(m);
                }
            }
            StmtKind::Return(None) | StmtKind::Raise(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        }
    }

    fn in_loop(&mut self, body: &[Stmt]) {
        self.loops.push(self.next_loop);
        self.next_loop += 1;
        self.block(body);
        self.loops.pop();
    }

    /// A target other than a whole local under `=`/`+=` binds its locals.
    fn bind(&mut self, t: &Target) {
        match t {
            Target::Local(l, _) => self.vars.entry(*l).or_default().other_binding = true,
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.bind(t)),
            Target::Index(obj, idx, _) => {
                self.reads(obj);
                self.reads(idx);
            }
        }
    }

    /// Every local read in `e` makes a string; one inside a comprehension,
    /// which runs any number of times, has no loop bounding its count.
    fn reads(&mut self, e: &Expr) {
        let mut repeated = HashSet::new();
        visit::expr(e, &mut |x| {
            if matches!(x.kind, ExprKind::Comp { .. }) {
                visit::expr(x, &mut |y| {
                    repeated.insert(y as *const Expr);
                });
            }
        });
        let loops = &self.loops;
        let vars = &mut self.vars;
        visit::expr(e, &mut |x| {
            if let ExprKind::Local(l) = x.kind {
                let path = (!repeated.contains(&(x as *const Expr))).then(|| loops.clone());
                vars.entry(l).or_default().copies.push(path);
            }
        });
    }

    /// The variable `xs.append(w)` appends when `xs` is a join builder and
    /// `w` a local.
    fn builder_append(&self, e: &Expr) -> Option<LocalId> {
        let ExprKind::MethodCall { recv, name, args, kwargs } = &e.kind else { return None };
        let (ExprKind::Local(xs), [Expr { kind: ExprKind::Local(w), .. }]) = (&recv.kind, args.as_slice()) else {
            return None;
        };
        (name == "append" && kwargs.is_empty() && self.builders.contains_key(xs)).then_some(*w)
    }
}

/// The piece of `w = w + piece` (`piece` not reading `w`).
fn grown_by(value: &Expr, w: LocalId) -> Option<&Expr> {
    match &value.kind {
        ExprKind::Bin(BinOp::Add, a, b) if a.is_local(w) && !reads(b, w) => Some(b),
        _ => None,
    }
}

fn reads(e: &Expr, w: LocalId) -> bool {
    let mut n = false;
    visit::expr(e, &mut |x| n |= x.is_local(w));
    n
}

impl<'a> Lower<'a> {
    /// `w = value` or `w += value` (`add`) for an accumulated variable.
    pub(super) fn accumulate(&mut self, w: LocalId, value: &'a Expr, add: bool) {
        let piece = if add { Some(value) } else { grown_by(value, w) };
        let acc = self.emit(Op::Load(w), IrTy::Ptr);
        let Some(piece) = piece else {
            if matches!(&value.kind, ExprKind::Const(HConst::Str(t)) if t.is_empty()) {
                return self.accumulator_clear(w, acc);
            }
            let v = self.expr_borrow(value);
            let b = self.emit(Op::Rt("bodo_stracc_set", vec![acc, v.0]), IrTy::Ptr);
            self.emit_void(Op::Store(w, b));
            self.release(v, &Ty::Str);
            return;
        };
        if let ExprKind::FString(parts) = &piece.kind {
            self.fstring_into(parts, Some((acc, "")));
            return;
        }
        if let Some(item) = self.list_item_in_place(piece) {
            self.emit_void(Op::BufText { buf: acc, s: item });
            return;
        }
        let v = self.expr_borrow(piece);
        self.emit_void(Op::BufText { buf: acc, s: v.0 });
        self.release(v, &Ty::Str);
    }

    /// `w = ""` (the usual start of each word or line): an existing
    /// builder's text is emptied in place.
    fn accumulator_clear(&mut self, w: LocalId, acc: V) {
        let (fresh, kept, clear, join) = (self.new_block(), self.new_block(), self.new_block(), self.new_block());
        let none = self.emit(Op::IsNull(acc), IrTy::Bool);
        self.branch(none, fresh, kept);
        self.cur = fresh;
        let empty = self.cstr("");
        let b = self.emit(Op::Rt("bodo_stracc_set", vec![acc, empty]), IrTy::Ptr);
        self.emit_void(Op::Store(w, b));
        self.jump_to(join);
        self.cur = kept;
        let text = self
            .emit(Op::LoadField { ptr: acc, of: Obj::Builder, offset: layout::builder::TEXT, index: None }, IrTy::Ptr);
        let no_text = self.emit(Op::IsNull(text), IrTy::Bool);
        self.branch(no_text, join, clear);
        self.cur = clear;
        let zero = self.cint(0);
        for offset in [layout::str::LEN, layout::str::NCHARS] {
            self.emit_void(Op::StoreField { ptr: text, of: Obj::Str, offset, value: zero });
        }
        self.jump_to(join);
        self.cur = join;
    }

    /// A read of accumulated variable `w`: its text as a new string.
    pub(super) fn accumulated_text(&mut self, w: LocalId) -> V {
        let acc = self.emit(Op::Load(w), IrTy::Ptr);
        self.emit(Op::Rt("bodo_stracc_str", vec![acc]), IrTy::Ptr)
    }

    /// `return w` of an accumulated variable: the builder's text itself.
    pub(super) fn accumulated_result(&mut self, e: &Expr) -> Option<V> {
        let ExprKind::Local(w) = e.kind else { return None };
        if !self.accumulators.contains(&w) {
            return None;
        }
        let acc = self.emit(Op::Load(w), IrTy::Ptr);
        Some(self.emit(Op::Rt("bodo_strbuf_finish", vec![acc]), IrTy::Ptr))
    }
}
