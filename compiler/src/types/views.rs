//! Which indices need a rewrite in `hir/view_writes.rs` once their types
//! are known: chained indices through a NumPy view (`A[i][j]`,
//! `b[2:5][0] = x`, where `A[i]` and `b[2:5]` are views in NumPy but copies
//! here), whole-row targets `A[i] = v` of 2D arrays, and augmented
//! assignments to parts of arrays and slices of lists (`b[::2] += 1`).
//! Masked updates `a[a < 0] += 1` need no rewrite, only their own check.
//! The in-place array methods `a.sort()` and `a.fill(v)` (statements) are
//! rewritten as `a[:] = np.sort(a)` (each row of a 2D array) and `a[:] = v`.
//!
//! A view held in a variable (`row = A[i]`, `for row in A:`) stays a copy;
//! writing into it while its base is used afterwards would print what
//! NumPy does not, so that is a diagnostic ([`Infer::check_view_aliases`]).
//! The reporting pass collects them as requests; the driver then infers
//! again.

use super::infer::Infer;
use super::ty::{Dist, Ty};
use crate::diagnostics::Diagnostic;
use crate::hir::view_writes::{Kind, Request};
use crate::hir::*;
use std::collections::HashMap;

impl Infer<'_> {
    /// `view[j]` (read, or written when `write`) where `view` may be an
    /// index into an array (already typed, with `j`).
    pub fn note_view_index(&mut self, view: &Expr, j: &Expr, write: bool) {
        let simple = matches!(j.kind, ExprKind::SliceBounds(..)) || self.shallow_of(j) == Ty::Int;
        self.note_view(view, simple, write);
    }

    /// `view[lo:hi]` read, where `view` may be an index into an array.
    pub fn note_view_slice(&mut self, view: &Expr) {
        self.note_view(view, true, false);
    }

    /// `simple`: the index into the view is an int or a slice, so a row view
    /// `A[i]` merges into one index `A[i, j]`; other writes through a view
    /// are written back. Reads through other views need nothing: a copy
    /// reads the same values.
    fn note_view(&mut self, view: &Expr, simple: bool, write: bool) {
        if !self.report {
            return;
        }
        let (base, index) = match &view.kind {
            ExprKind::Index(base, i) => (base, Some(i)),
            ExprKind::Slice(base, ..) => (base, None),
            _ => return,
        };
        let Ty::Array(_, nd, _) = self.shallow_of(base) else { return };
        let kind = match index {
            Some(i) => match self.shallow_of(i) {
                Ty::Int if nd == 2 && simple => Kind::Merge,
                Ty::Int if nd == 2 => Kind::WriteBack,
                // `A[:, j]`, `A[r0:r1, c0:c1]`: a view when a part is a slice.
                Ty::Tuple(parts) if is_view_tuple(i, &parts) => Kind::WriteBack,
                _ => return,
            },
            None => Kind::WriteBack,
        };
        if kind == Kind::WriteBack && !write {
            return;
        }
        self.request(view, kind);
    }

    /// The target `obj[idx]` of an assignment (`aug`: an augmented one),
    /// already typed. True for an augmented assignment to a part of an
    /// array or list, which is rewritten or reported (no value to read).
    pub fn note_target(&mut self, obj: &Expr, idx: &Expr, aug: bool) -> bool {
        let region = match self.shallow_of(obj) {
            Ty::Array(_, nd, _) => {
                let row = nd == 2 && self.shallow_of(idx) == Ty::Int;
                if row && self.report {
                    self.request(idx, Kind::Row);
                }
                let tuple_slice = matches!(&idx.kind, ExprKind::Tuple(items) if items.iter().any(|x| matches!(x.kind, ExprKind::SliceBounds(..))));
                row || tuple_slice || matches!(idx.kind, ExprKind::SliceBounds(..))
            }
            Ty::List(_) => matches!(idx.kind, ExprKind::SliceBounds(..)),
            _ => false,
        };
        if !aug || !region {
            return false;
        }
        if !self.report {
            return true;
        }
        if obj.is_repeatable() && idx.is_repeatable() {
            self.request(idx, Kind::Region);
        } else {
            self.error(
                Diagnostic::error(idx.span, "augmented assignment to a part of an array with a computed index")
                    .label("this index is evaluated by a call")
                    .help("compute the index into a variable first, or write `x[i] = x[i] op v`"),
            );
        }
        true
    }

    /// `a[mask] op= v` with a scalar `v`, whose result `res` (`a[mask] op v`)
    /// is written back in place: true when `t` is such a target (checked
    /// here: NumPy casts in-place results with the `same_kind` rule).
    pub fn mask_update(&mut self, t: &Target, op: BinOp, rhs: &Ty, res: &Ty) -> bool {
        let Target::Index(obj, idx, span) = t else { return false };
        let (Ty::Array(el, ..), Ty::Array(m, ..)) = (self.shallow_of(obj), self.shallow_of(idx)) else { return false };
        if *m != Ty::Bool || !matches!(self.shallow(rhs), Ty::Int | Ty::Float | Ty::Bool) {
            return false;
        }
        let res_el = match self.shallow(res) {
            Ty::Array(r, ..) => *r,
            _ => return true,
        };
        let rank = |t: &Ty| match t {
            Ty::Bool => 0,
            Ty::Int => 1,
            _ => 2,
        };
        if rank(&res_el) > rank(&el) {
            let dtype = |t: &Ty| match t {
                Ty::Bool => "bool",
                Ty::Int => "int64",
                _ => "float64",
            };
            self.error(
                Diagnostic::error(
                    *span,
                    format!(
                        "Cannot cast ufunc '{}' output from dtype('{}') to dtype('{}') with casting rule 'same_kind'",
                        op.ufunc_name(),
                        dtype(&res_el),
                        dtype(&el)
                    ),
                )
                .label("an in-place update keeps the array's dtype")
                .help("convert the array first, e.g. `a = a.astype(np.float64)`"),
            );
        }
        true
    }

    /// The statement `a.sort()` or `a.fill(v)` on an array: typed here and,
    /// in the reporting pass, asked to be rewritten. False for any other
    /// expression statement.
    pub fn note_in_place_method(&mut self, e: &Expr) -> bool {
        let ExprKind::MethodCall { recv, name, args, kwargs } = &e.kind else { return false };
        if !matches!(name.as_str(), "sort" | "fill") {
            return false;
        }
        let recv_t = self.expr(recv);
        let Ty::Array(el, ..) = self.shallow(&recv_t) else { return false };
        let arg_tys: Vec<Ty> = args.iter().map(|a| self.expr(a)).collect();
        for kw in kwargs {
            self.expr(&kw.value);
        }
        let help = if name == "sort" {
            "sort in place with `a.sort()`, or get a sorted copy with `np.sort(a)`"
        } else {
            "fill an array with one int, float or bool: `a.fill(0.0)`"
        };
        let bad = |this: &mut Self, msg: String, label: &str| {
            this.error(Diagnostic::error(e.span, msg).label(label.to_string()).help(help));
            true
        };
        if !kwargs.is_empty() {
            return bad(self, format!("{name}() with keyword arguments is not supported"), "keywords");
        }
        match (name.as_str(), arg_tys.as_slice()) {
            // A 2D array sorts each row, as NumPy does by default.
            ("sort", []) => {}
            ("sort", _) => return bad(self, "sort() takes no arguments here".to_string(), "arguments"),
            ("fill", [v]) if matches!(self.shallow(v), Ty::Int | Ty::Float | Ty::Bool) => {
                let v = self.shallow(v);
                self.expect(&el, &v, args[0].span, "this array's elements");
            }
            ("fill", _) => return bad(self, "fill() takes one number".to_string(), "expects a scalar"),
            _ => {}
        }
        if !recv.is_repeatable() {
            return bad(
                self,
                format!("{name}() of an array computed by a call"),
                "a call: assign it to a variable first",
            );
        }
        if self.report {
            self.request(e, Kind::InPlace);
        }
        true
    }

    /// `row` an operand beside one of type `other`: true (and, when
    /// reporting, asked to be rewritten to its vector) when it is a row made
    /// of a 1D array (`v[None, :]`, also `X.sum(axis=0, keepdims=True)`
    /// of a 2D `X`, `v.reshape(1, -1)` or `(1, m)`) and `other` is 2D.
    pub fn note_row_vector(&mut self, row: &Expr, other: &Ty) -> bool {
        if !matches!(self.shallow(other), Ty::Array(_, 2, _)) || !self.is_row_form(row) {
            return false;
        }
        if self.report {
            self.request(row, Kind::RowVector);
        }
        true
    }

    /// Whether `e` makes a `(1, m)` row of a 1D vector: `v[None, :]`,
    /// `v.reshape(1, -1)` / `(1, m)` (`X.sum(axis=0, keepdims=True)` is
    /// `X.sum(axis=0)[None, :]`, `hir/lower/keepdims.rs`).
    fn is_row_form(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Index(v, i) => {
                matches!(&i.kind, ExprKind::Tuple(items) if matches!(items.as_slice(), [a, b] if a.is_new_axis() && matches!(b.kind, ExprKind::SliceBounds(None, None, None))))
                    && matches!(self.shallow_of(v), Ty::Array(_, 1, _))
            }
            ExprKind::MethodCall { recv, name, args, kwargs } if name == "reshape" && kwargs.is_empty() => {
                let dims: Vec<&Expr> = match args.as_slice() {
                    [Expr { kind: ExprKind::Tuple(items), .. }] => items.iter().collect(),
                    _ => args.iter().collect(),
                };
                matches!(dims.as_slice(), [one, _] if super::infer::const_int(one) == Some(1))
                    && matches!(self.shallow_of(recv), Ty::Array(_, 1, _))
            }
            _ => false,
        }
    }

    /// `t`, the 2D result of an elementwise operation of `ops`, with the
    /// distribution of its wide 2D operands alone when the others are
    /// one-row arrays (`X - mu`, `hir/one_row.rs`): the loop reads the rows
    /// whole on every rank and keeps the wide operands' rows where they are.
    pub fn beside_row(&self, t: Ty, ops: &[&Expr]) -> Ty {
        let Ty::Array(el, 2, _) = &t else { return t };
        let dist_2d = |x: &Expr| match self.shallow(&self.exprs[x.id as usize]) {
            Ty::Array(_, 2, d) => Some(d),
            _ => None,
        };
        let is_2d = |x: &Expr| dist_2d(x).is_some();
        let (rows, wide): (Vec<&&Expr>, Vec<&&Expr>) =
            ops.iter().filter(|o| is_2d(o)).partition(|o| o.is_one_row(&self.row_locals, &is_2d));
        match wide.iter().filter_map(|o| dist_2d(o)).min() {
            Some(d) if !rows.is_empty() => Ty::array((**el).clone(), 2, d),
            _ => t,
        }
    }

    /// A variable holding a row (`mu = X.mean(axis=0, keepdims=True)`)
    /// whose every read is an operand beside a 2D array is the vector too:
    /// its definitions are asked to be rewritten like the rows written in
    /// place (reporting pass, after the body is typed).
    pub fn check_row_variables(&mut self, f: &Func) {
        let mut defs: HashMap<LocalId, Vec<&Expr>> = HashMap::new();
        let mut other_defs = Vec::new();
        crate::hir::visit::statements(&f.body, &mut |s| match &s.kind {
            StmtKind::Assign(Target::Local(l, _), e) => defs.entry(*l).or_default().push(e),
            StmtKind::AugAssign(Target::Local(l, _), ..) | StmtKind::For(Target::Local(l, _), ..) => {
                other_defs.push(*l)
            }
            _ => {}
        });
        let mut reads: HashMap<LocalId, usize> = HashMap::new();
        let mut beside_2d: HashMap<LocalId, usize> = HashMap::new();
        crate::hir::visit::block_exprs(&f.body, &mut |e| match &e.kind {
            ExprKind::Local(l) => *reads.entry(*l).or_default() += 1,
            ExprKind::Bin(_, a, b) => {
                for (x, y) in [(a, b), (b, a)] {
                    if let ExprKind::Local(l) = x.kind {
                        if matches!(self.exprs[y.id as usize], Ty::Array(_, 2, _)) {
                            *beside_2d.entry(l).or_default() += 1;
                        }
                    }
                }
            }
            _ => {}
        });
        for (l, es) in defs {
            let used = reads.get(&l).copied().unwrap_or(0);
            if used == 0 || beside_2d.get(&l) != Some(&used) || other_defs.contains(&l) {
                continue;
            }
            if es.iter().all(|e| self.is_row_form(e)) {
                for e in es {
                    self.request(e, Kind::RowVector);
                }
            }
        }
    }

    /// `X[rows, k]` of a 2D array `X` (`t`) where `rows` is a 1D bool mask
    /// and `k` an int or a slice, or `rows` an int array or list and `k` a
    /// slice (with an int `k` that is paired indexing): the type of the
    /// chosen rows, in column `k` (a 1D array) or columns `k` (2D), with
    /// the rewrite to `X[:, k][rows]` asked for (the column part keeps
    /// `X`'s rows, which `rows` then chooses). None for any other index.
    pub fn mask_rows_part(&mut self, t: &Ty, idx: &Expr) -> Option<Ty> {
        let (Ty::Array(el, 2, d), ExprKind::Tuple(parts)) = (self.shallow(t), &idx.kind) else { return None };
        let [rows, k] = parts.as_slice() else { return None };
        let slice = matches!(k.kind, ExprKind::SliceBounds(..));
        if !slice && !self.shallow_of(k).is_intlike() {
            return None;
        }
        let dist = match self.shallow_of(rows) {
            Ty::Array(m, 1, _) if *m == Ty::Bool => d.is_dist(),
            Ty::Array(m, 1, _) | Ty::List(m) if slice && self.shallow(&m) == Ty::Int => false,
            _ => return None,
        };
        if self.report {
            self.request(idx, Kind::MaskRows);
        }
        Some(Ty::array(*el, if slice { 2 } else { 1 }, if dist { Dist::OneDVar } else { Dist::Rep }))
    }

    fn request(&mut self, at: &Expr, kind: Kind) {
        let func = self.insts[self.cur as usize].func;
        let r = Request { func, at: at.id, kind };
        if !self.view_writes.contains(&r) {
            self.view_writes.push(r);
        }
    }

    fn shallow_of(&mut self, e: &Expr) -> Ty {
        let t = self.exprs[e.id as usize].clone();
        self.shallow(&t)
    }
}

/// Whether the index tuple `i` (of types `parts`) selects a view: a slice
/// among ints and slices (an int array or mask part makes a copy).
fn is_view_tuple(i: &Expr, parts: &[Ty]) -> bool {
    let ExprKind::Tuple(items) = &i.kind else { return false };
    let slice = items.iter().any(|x| matches!(x.kind, ExprKind::SliceBounds(..)));
    let basic = items.iter().zip(parts).all(|(x, t)| matches!(x.kind, ExprKind::SliceBounds(..)) || *t == Ty::Int);
    slice && basic
}

/// Where a variable may hold a NumPy view: `v = B[...]` or `for v in B`.
struct Binding {
    base: LocalId,
    line_span: crate::diagnostics::Span,
}

/// A statement position in pre-order, and the loops around it.
#[derive(Clone)]
struct Place {
    pos: usize,
    loops: Vec<usize>,
}

/// What [`Infer::check_view_aliases`] gathers from a function body.
#[derive(Default)]
struct Aliases {
    bindings: HashMap<LocalId, Binding>,
    /// In-place writes into a local: `v[..] = x`, `v[..] op= x`, `v op= x`.
    writes: Vec<(LocalId, Place, crate::diagnostics::Span)>,
    /// Every read of a local.
    reads: Vec<(LocalId, Place)>,
    next_pos: usize,
    next_loop: usize,
}

impl Infer<'_> {
    /// Reports writes into a variable holding a view of an array (a copy
    /// here) when the array is used after the write: NumPy would show the
    /// write there.
    pub fn check_view_aliases(&mut self, f: &Func) {
        let mut a = Aliases::default();
        self.gather_aliases(&f.body, &mut Vec::new(), &mut a);
        for (v, at, span) in &a.writes {
            let Some(b) = a.bindings.get(v) else { continue };
            // The rewrite's own `$view` is stored back (`hir/view_writes.rs`).
            if f.locals[*v as usize].name.starts_with('$') {
                continue;
            }
            let seen_later = a
                .reads
                .iter()
                .any(|(l, p)| *l == b.base && (p.pos > at.pos || p.loops.iter().any(|lp| at.loops.contains(lp))));
            if !seen_later {
                continue;
            }
            let (name, base) = (&f.locals[*v as usize].name, &f.locals[b.base as usize].name);
            self.error(
                Diagnostic::error(*span, format!("`{name}` is a view of `{base}` in NumPy: this write would change `{base}`"))
                    .label(format!("`{base}` is used after this write"))
                    .with_secondary(b.line_span, format!("`{name}` is part of `{base}` from here (a copy in bodoc)"))
                    .help(format!("write into `{base}` directly (e.g. `{base}[i, j] = x` or `{base}[lo:hi] += x`), or make the copy explicit with `.copy()`")),
            );
        }
    }

    fn gather_aliases(&mut self, b: &[Stmt], loops: &mut Vec<usize>, a: &mut Aliases) {
        for s in b {
            let at = Place { pos: a.next_pos, loops: loops.clone() };
            a.next_pos += 1;
            own_exprs(s, &mut |e| {
                if let ExprKind::Local(l) = e.kind {
                    a.reads.push((l, at.clone()));
                }
            });
            match &s.kind {
                StmtKind::Assign(Target::Local(v, _), e) => {
                    if let Some(base) = self.view_base(e) {
                        a.bindings.insert(*v, Binding { base, line_span: e.span });
                    }
                }
                StmtKind::For(Target::Local(v, _), it, ..) => {
                    if let (ExprKind::Local(base), Ty::Array(_, 2, _)) = (&it.kind, self.shallow_of(it)) {
                        a.bindings.insert(*v, Binding { base: *base, line_span: it.span });
                    }
                }
                _ => {}
            }
            match &s.kind {
                StmtKind::Assign(Target::Index(obj, ..), _) | StmtKind::AugAssign(Target::Index(obj, ..), ..) => {
                    if let ExprKind::Local(v) = obj.kind {
                        a.writes.push((v, at.clone(), s.span));
                    }
                }
                StmtKind::AugAssign(Target::Local(v, _), ..) if matches!(self.locals[*v as usize], Ty::Array(..)) => {
                    a.writes.push((*v, at.clone(), s.span));
                }
                _ => {}
            }
            let is_loop = matches!(s.kind, StmtKind::For(..) | StmtKind::While(..));
            if is_loop {
                loops.push(a.next_loop);
                a.next_loop += 1;
            }
            for sub in crate::hir::visit::sub_blocks(s) {
                self.gather_aliases(sub, loops, a);
            }
            if is_loop {
                loops.pop();
            }
        }
    }

    /// The array local `e` is a NumPy view of: a row `B[i]` of a 2D array,
    /// a slice `B[lo:hi]`, or a part `B[:, j]`, `B[r0:r1, c0:c1]`.
    fn view_base(&mut self, e: &Expr) -> Option<LocalId> {
        let (base, index) = match &e.kind {
            ExprKind::Index(base, i) => (base, Some(i)),
            ExprKind::Slice(base, ..) => (base, None),
            _ => return None,
        };
        let ExprKind::Local(l) = base.kind else { return None };
        let Ty::Array(_, nd, _) = self.shallow_of(base) else { return None };
        let view = match index {
            None => true,
            Some(i) => match self.shallow_of(i) {
                Ty::Int => nd == 2,
                Ty::Tuple(parts) => is_view_tuple(i, &parts),
                _ => false,
            },
        };
        view.then_some(l)
    }
}

/// The expressions of `s` itself, not of the blocks nested in it.
fn own_exprs<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    use crate::hir::visit;
    match &s.kind {
        StmtKind::If(c, ..) | StmtKind::While(c, ..) => visit::expr(c, f),
        StmtKind::For(t, it, ..) => {
            visit::expr(it, f);
            visit::target(t, f);
        }
        StmtKind::Try { .. } => {}
        _ => visit::stmt_exprs(s, f),
    }
}
