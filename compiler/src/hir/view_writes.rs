//! Chained indices into NumPy views, rewritten once inference has seen the
//! types.
//!
//! In NumPy `A[i]` of a 2D array and `b[2:5]` are views, so
//! `A[i][j] = v` and `b[2:5][0] = x` change `A` and `b`. Arrays here have
//! no views (a row or a slice read is a copy), so inference asks for such
//! indices to be rewritten ([`Request`]) and the driver infers again:
//!
//! * [`Kind::Merge`]: `A[i][j]` and `A[i][lo:hi]`, with `i` an int and `A`
//!   2D, read or written, become `A[i, j]` and `A[i, lo:hi]` (which also
//!   saves copying the row on every read);
//! * [`Kind::WriteBack`]: any other write through a view (`b[2:5][0] = x`,
//!   `A[:, 0][mask] = 0`, `A[1:3][0] += 1`) becomes
//!
//!   ```text
//!   $view = b[2:5]
//!   $view[0] = x
//!   b[2:5] = $view
//!   ```
//!
//!   which leaves the same values in `b` (the view's base and index are
//!   evaluated twice).
//!
//! An index that copies in NumPy too (a mask or an int array, `A[m][0] = 1`)
//! is left alone: the write is lost there as well.
//!
//! Other rewrites of array writes need the types as well:
//!
//! * [`Kind::Row`]: `A[i] = v` / `A[i] op= v` on a 2D array is `A[i, :]`;
//! * [`Kind::InPlace`]: the statements `a.sort()` and `a.fill(v)` on an
//!   array are `a[:] = np.sort(a)` and `a[:] = v`;
//! * [`Kind::RowVector`]: a row made of a 1D `v` (`v[None, :]`,
//!   `v.reshape(1, -1)`, `X.sum(axis=0)[None, :]` for `keepdims=True`) as an operand of
//!   an operator whose other operand is 2D is `v` itself (`X.sum(axis=0)`):
//!   broadcasting a `(1, m)` row and an `(m,)` vector along the rows of an
//!   `(n, m)` array is the same, and the latter is what the fused loops do;
//! * [`Kind::MaskRows`]: `X[rows, k]` (`rows` a 1D bool mask and `k` an
//!   int or a slice, or `rows` an int array and `k` a slice) is
//!   `X[:, k][rows]`, read or written (a write then goes through the view
//!   `X[:, k]`, written back in the next round);
//! * [`Kind::Region`]: `X[idx] op= v` where `X[idx]` is a part of an array
//!   (a slice, a row or column, a block) or a slice of a list is
//!   `X[idx] = X[idx] op v`, the part read, combined and stored (inference
//!   asks for it only when `X` and `idx` have no side effects).
//!
//! Requires: names resolved. Guarantees: same program semantics; expression
//! ids stay unique within the function.

use super::build::BuildHir;
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Merge,
    WriteBack,
    Row,
    Region,
    InPlace,
    RowVector,
    MaskRows,
}

/// Rewrite, in function `func`, the chained indices whose inner index (the
/// view, `A[i]` or `b[2:5]`) is expression `at` ([`Kind::Merge`],
/// [`Kind::WriteBack`]), the assignments whose target's index is `at`
/// ([`Kind::Row`], [`Kind::Region`]), or the method call statement `at`
/// ([`Kind::InPlace`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub func: FuncId,
    pub at: ExprId,
    pub kind: Kind,
}

/// Apply every request to its function.
pub fn apply(prog: &mut Program, reqs: &[Request]) {
    let mut funcs: Vec<FuncId> = reqs.iter().map(|r| r.func).collect();
    funcs.sort_unstable();
    funcs.dedup();
    for id in funcs {
        let f = &mut prog.funcs[id as usize];
        let mut body = std::mem::take(&mut f.body);
        let wanted = |at: &Expr, kind| reqs.iter().any(|r| r.func == id && r.at == at.id && r.kind == kind);
        visit::block_exprs_mut(&mut body, &mut |e| {
            if wanted(e, Kind::RowVector) {
                e.kind = as_vector(std::mem::replace(&mut e.kind, ExprKind::Const(Const::None)));
                return;
            }
            let merged = match std::mem::replace(&mut e.kind, ExprKind::Const(Const::None)) {
                ExprKind::Index(v, j) if wanted(&j, Kind::MaskRows) => Ok(mask_rows(*v, *j)),
                ExprKind::Index(v, j) if wanted(&v, Kind::Merge) => merged(*v, *j),
                ExprKind::Slice(v, lo, hi, st) if wanted(&v, Kind::Merge) => {
                    merged(*v, fresh(ExprKind::SliceBounds(lo, hi, st), e.span))
                }
                other => Err(other),
            };
            e.kind = merged.unwrap_or_else(|other| other);
        });
        let mut r = Rewriter { f, wanted: &wanted };
        r.block(&mut body);
        // Give the expressions made above their ids.
        let next = &mut r.f.num_exprs;
        visit::block_exprs_mut(&mut body, &mut |e| {
            if e.id == FRESH {
                e.id = *next;
                *next += 1;
            }
        });
        r.f.body = body;
    }
}

/// The 1D vector a row `v[None, :]` (also `X.sum(axis=0)[None, :]`, the
/// sugar of `keepdims=True`) or `v.reshape(1, -1)` is made of.
fn as_vector(kind: ExprKind) -> ExprKind {
    match kind {
        ExprKind::Index(v, _) => v.kind,
        ExprKind::MethodCall { recv, name, .. } if name == "reshape" => recv.kind,
        other => other,
    }
}

/// `X[:, k][rows]` from `X` and the index `(rows, k)`.
fn mask_rows(x: Expr, idx: Expr) -> ExprKind {
    let span = idx.span;
    let ExprKind::Tuple(mut parts) = idx.kind else { unreachable!("inference asks only for (rows, k) tuples") };
    let rows = parts.remove(0);
    parts.insert(0, fresh(ExprKind::SliceBounds(None, None, None), span));
    let cols = fresh(ExprKind::Index(Box::new(x), Box::new(fresh(ExprKind::Tuple(parts), span))), span);
    ExprKind::Index(Box::new(cols), Box::new(rows))
}

/// The id of an expression made by this pass until [`apply`] numbers it.
const FRESH: ExprId = ExprId::MAX;

fn fresh(kind: ExprKind, span: Span) -> Expr {
    Expr { id: FRESH, kind, span }
}

/// `A[i, j]` from the view `A[i]` and the index `j` into it; the view back
/// (as `Err`) when it is no such row.
fn merged(view: Expr, j: Expr) -> Result<ExprKind, ExprKind> {
    match view.kind {
        ExprKind::Index(base, i) => {
            let span = i.span.to(j.span);
            Ok(ExprKind::Index(base, Box::new(fresh(ExprKind::Tuple(vec![*i, j]), span))))
        }
        other => Err(ExprKind::Index(Box::new(Expr { kind: other, ..view }), Box::new(j))),
    }
}

struct Rewriter<'a, 'w> {
    f: &'a mut Func,
    wanted: &'w dyn Fn(&Expr, Kind) -> bool,
}

impl BuildHir for Rewriter<'_, '_> {
    fn func(&mut self) -> &mut Func {
        self.f
    }
}

impl Rewriter<'_, '_> {
    /// Rewrites the assignment targets of `b`.
    fn block(&mut self, b: &mut Block) {
        self.rewrite_stmts(b, &mut |this, s| {
            let view = match &s.kind {
                StmtKind::Assign(Target::Index(v, ..), _) | StmtKind::AugAssign(Target::Index(v, ..), ..)
                    if (this.wanted)(v, Kind::WriteBack) =>
                {
                    Some(v.clone())
                }
                _ => None,
            };
            match view {
                Some(view) => {
                    let [read, s, store] = this.write_back(s, &view);
                    vec![read, this.target_rewrites(s), store]
                }
                None => vec![this.target_rewrites(s)],
            }
        });
    }

    /// [`Kind::Merge`], [`Kind::Row`] and [`Kind::Region`] on the target of
    /// `s`, or [`Kind::InPlace`] on `s`.
    fn target_rewrites(&mut self, mut s: Stmt) -> Stmt {
        if let StmtKind::Expr(e) = &s.kind {
            if (self.wanted)(e, Kind::InPlace) {
                return self.in_place(s);
            }
        }
        let (StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..)) = &mut s.kind else { return s };
        let Target::Index(v, j, sp) = t else { return s };
        let region = (self.wanted)(j, Kind::Region);
        if (self.wanted)(j, Kind::MaskRows) {
            let hole = || fresh(ExprKind::Const(Const::None), *sp);
            let (x, idx) = (std::mem::replace(v, hole()), std::mem::replace(j, hole()));
            if let ExprKind::Index(cols, mask) = mask_rows(x, idx) {
                *t = Target::Index(*cols, *mask, *sp);
            }
        } else if (self.wanted)(v, Kind::Merge) {
            let hole = || fresh(ExprKind::Const(Const::None), *sp);
            let (v, j) = (std::mem::replace(v, hole()), std::mem::replace(j, hole()));
            // Inference asks to merge only rows `A[i]`, which `merged` takes.
            if let Ok(ExprKind::Index(base, ij)) = merged(v, j) {
                *t = Target::Index(*base, *ij, *sp);
            }
        } else if (self.wanted)(j, Kind::Row) {
            let row = std::mem::replace(j, fresh(ExprKind::Const(Const::None), *sp));
            let all = fresh(ExprKind::SliceBounds(None, None, None), *sp);
            *j = fresh(ExprKind::Tuple(vec![row, all]), *sp);
        }
        match s.kind {
            StmtKind::AugAssign(Target::Index(v, j, sp), op, value) if region => {
                let read = match &j.kind {
                    ExprKind::SliceBounds(lo, hi, st) => {
                        let (lo, hi, st) = (lo.clone(), hi.clone(), st.clone());
                        fresh(ExprKind::Slice(Box::new(v.clone()), lo, hi, st), sp)
                    }
                    _ => fresh(ExprKind::Index(Box::new(v.clone()), Box::new(j.clone())), sp),
                };
                let read = self.copy_expr(&read);
                let combined = fresh(ExprKind::Bin(op, Box::new(read), Box::new(value)), s.span);
                Stmt { kind: StmtKind::Assign(Target::Index(v, j, sp), combined), span: s.span }
            }
            kind => Stmt { kind, span: s.span },
        }
    }

    /// `a.sort()` as `a[:] = np.sort(a)`, `a.fill(v)` as `a[:] = v`.
    fn in_place(&mut self, s: Stmt) -> Stmt {
        let StmtKind::Expr(Expr { kind: ExprKind::MethodCall { recv, name, mut args, .. }, span, .. }) = s.kind else {
            return s;
        };
        let value = match name.as_str() {
            "fill" => args.remove(0),
            _ => {
                let func = Box::new(fresh(ExprKind::ModAttr(Module::Numpy, "sort".to_string()), span));
                let a = self.copy_expr(&recv);
                fresh(ExprKind::Call { func, args: vec![a], kwargs: Vec::new() }, span)
            }
        };
        let all = fresh(ExprKind::SliceBounds(None, None, None), span);
        Stmt { kind: StmtKind::Assign(Target::Index(*recv, all, span), value), span: s.span }
    }

    /// `view[j] = x` (or `op=`) as the view read into a temporary, the
    /// write into it, and the temporary stored back where the view came from.
    fn write_back(&mut self, mut s: Stmt, view: &Expr) -> [Stmt; 3] {
        let sp = view.span;
        let (base, index) = match &view.kind {
            ExprKind::Index(base, i) => (self.copy_expr(base), self.copy_expr(i)),
            ExprKind::Slice(base, lo, hi, st) => {
                let bounds = fresh(ExprKind::SliceBounds(lo.clone(), hi.clone(), st.clone()), sp);
                (self.copy_expr(base), self.copy_expr(&bounds))
            }
            _ => unreachable!("inference asks to write back only indices and slices"),
        };
        let tmp = self.temp("view", sp);
        if let StmtKind::Assign(Target::Index(v, ..), _) | StmtKind::AugAssign(Target::Index(v, ..), ..) = &mut s.kind {
            *v = self.local(tmp, sp);
        }
        let read = Stmt { kind: StmtKind::Assign(Target::Local(tmp, sp), view.clone()), span: s.span };
        let back = self.local(tmp, sp);
        let store = Stmt { kind: StmtKind::Assign(Target::Index(base, index, sp), back), span: s.span };
        [read, s, store]
    }
}
