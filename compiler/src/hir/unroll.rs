//! Unroll `for` loops over tuples whose elements have different types.
//!
//! A local has one type, so `for v in (True, 3, 2.5)` cannot bind `v` to
//! the tuple's elements in a loop. Type inference finds such loops and asks
//! for them to be unrolled ([`Request`]); this pass rewrites each into one
//! copy of the body per element, then splits webs again so that every
//! copy's loop variable (and every temporary derived from it) is a local of
//! its own type. The driver re-runs inference on the rewritten program.
//!
//! `for T in E: body else: orelse` becomes
//!
//! ```text
//! $u = E
//! $k = -1
//! while $k < N - 1:
//!     $k += 1
//!     if $k == 0: T = $u[0]; body
//!     elif $k == 1: T = $u[1]; <copy of body>
//!     ...
//! else:
//!     orelse
//! ```
//!
//! which keeps `break`, `continue` and `else:` meaning what they mean in
//! Python. `zip` and `enumerate` over tuples unroll the same way; a `zip`
//! argument that is not a tuple is copied into a list once and each copy
//! first checks that it still has an element (`zip` stops at the shortest).
//!
//! Requires: names resolved. Guarantees: same program semantics; expression
//! ids stay unique within the function; webs are split again.

use super::build::BuildHir;
use super::*;

/// What a loop iterates, as inference saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A tuple of this many elements.
    Tuple(usize),
    /// `zip(...)`: per argument, `Some(len)` for a tuple, `None` otherwise.
    Zip(Vec<Option<usize>>),
    /// `enumerate(tuple)` or `enumerate(tuple, start)`.
    Enumerate(usize),
}

impl Shape {
    /// The number of copies of the body.
    fn copies(&self) -> usize {
        match self {
            Shape::Tuple(n) | Shape::Enumerate(n) => *n,
            Shape::Zip(args) => args.iter().flatten().copied().min().unwrap_or(0),
        }
    }
}

/// Unroll the `for` loop of function `func` whose iterable is expression `iter`.
#[derive(Debug, Clone)]
pub struct Request {
    pub func: FuncId,
    pub iter: ExprId,
    pub shape: Shape,
}

/// Apply every request to its function and split the rewritten functions' webs.
pub fn apply(prog: &mut Program, reqs: &[Request]) {
    let mut funcs: Vec<FuncId> = reqs.iter().map(|r| r.func).collect();
    funcs.sort_unstable();
    funcs.dedup();
    for id in funcs {
        let f = &mut prog.funcs[id as usize];
        let mine: Vec<&Request> = reqs.iter().filter(|r| r.func == id).collect();
        let mut body = std::mem::take(&mut f.body);
        let mut b = Builder { f, reqs: &mine };
        b.block(&mut body);
        f.body = body;
        webs::split(f);
    }
}

struct Builder<'a> {
    f: &'a mut Func,
    reqs: &'a [&'a Request],
}

impl BuildHir for Builder<'_> {
    fn func(&mut self) -> &mut Func {
        self.f
    }
}

impl Builder<'_> {
    /// Rewrite requested loops in `b`, innermost first, so that a copied body
    /// already holds its unrolled inner loops.
    fn block(&mut self, b: &mut Block) {
        self.rewrite_stmts(b, &mut |this, s| {
            let shape = match &s.kind {
                StmtKind::For(_, it, ..) => this.reqs.iter().find(|r| r.iter == it.id).map(|r| r.shape.clone()),
                _ => None,
            };
            match (shape, s.kind) {
                (Some(shape), StmtKind::For(target, iter, body, orelse)) => {
                    this.unrolled(s.span, target, iter, body, orelse, &shape)
                }
                (_, kind) => vec![Stmt { kind, span: s.span }],
            }
        });
    }

    fn call(&mut self, b: Builtin, args: Vec<Expr>, span: Span) -> Expr {
        let func = Box::new(self.expr(ExprKind::Builtin(b), span));
        self.expr(ExprKind::Call { func, args, kwargs: Vec::new() }, span)
    }

    /// `$u[i]`.
    fn item(&mut self, u: LocalId, i: usize, span: Span) -> Expr {
        let v = Box::new(self.local(u, span));
        let k = Box::new(self.int(i as i64, span));
        self.expr(ExprKind::Index(v, k), span)
    }

    fn unrolled(&mut self, span: Span, target: Target, iter: Expr, body: Block, orelse: Block, shape: &Shape) -> Block {
        let sp = iter.span;
        let n = shape.copies();
        let stmt = |kind| Stmt { kind, span };
        let mut pre = Vec::new();
        // The sources, each evaluated once: (local, Some(len) for a tuple).
        let mut sources: Vec<(LocalId, Option<usize>)> = Vec::new();
        let mut start = None;
        match (shape, iter.kind) {
            (Shape::Zip(lens), ExprKind::Call { args, .. }) => {
                for (a, len) in args.into_iter().zip(lens) {
                    let u = self.temp("zip", sp);
                    let value = if len.is_some() { a } else { self.call(Builtin::List, vec![a], sp) };
                    pre.push(stmt(StmtKind::Assign(Target::Local(u, sp), value)));
                    sources.push((u, *len));
                }
            }
            (Shape::Enumerate(len), ExprKind::Call { mut args, kwargs, .. }) => {
                let u = self.temp("enumerate", sp);
                let first = args.remove(0);
                pre.push(stmt(StmtKind::Assign(Target::Local(u, sp), first)));
                sources.push((u, Some(*len)));
                let s = self.temp("start", sp);
                let from = match args.pop().or(kwargs.into_iter().map(|k| k.value).next()) {
                    Some(v) => v,
                    None => self.int(0, sp),
                };
                pre.push(stmt(StmtKind::Assign(Target::Local(s, sp), from)));
                start = Some(s);
            }
            (_, kind) => {
                let u = self.temp("tuple", sp);
                let value = Expr { id: iter.id, kind, span: iter.span };
                pre.push(stmt(StmtKind::Assign(Target::Local(u, sp), value)));
                sources.push((u, Some(n)));
            }
        }
        let k = self.temp("k", sp);
        let minus_one = self.int(-1, sp);
        pre.push(stmt(StmtKind::Assign(Target::Local(k, sp), minus_one)));

        // if $k == 0: ... elif $k == 1: ... built from the last copy up.
        let mut chain: Block = Vec::new();
        for i in (0..n).rev() {
            let mut copy = Vec::new();
            for &(u, len) in &sources {
                if len.is_some() {
                    continue;
                }
                // zip stops when a non-tuple argument runs out: leave through `else:`.
                let size = {
                    let v = self.local(u, sp);
                    self.call(Builtin::Len, vec![v], sp)
                };
                let bound = self.int(i as i64, sp);
                let exhausted = self.expr(ExprKind::Compare(Box::new(size), vec![(CmpOp::Le, bound)]), sp);
                let past = self.int(n as i64, sp);
                let leave = vec![stmt(StmtKind::Assign(Target::Local(k, sp), past)), stmt(StmtKind::Continue)];
                copy.push(stmt(StmtKind::If(exhausted, leave, Vec::new())));
            }
            let mut items: Vec<Expr> = sources.iter().map(|&(u, _)| self.item(u, i, sp)).collect();
            if let Some(s) = start {
                let base = Box::new(self.local(s, sp));
                let off = Box::new(self.int(i as i64, sp));
                items.insert(0, self.expr(ExprKind::Bin(BinOp::Add, base, off), sp));
            }
            let value =
                if matches!(shape, Shape::Tuple(_)) { items.remove(0) } else { self.expr(ExprKind::Tuple(items), sp) };
            let mut bound = vec![stmt(StmtKind::Assign(target.clone(), value))];
            bound.extend(body.iter().cloned());
            if i > 0 {
                self.renumber(&mut bound);
            }
            copy.extend(bound);
            let is_i = {
                let kv = Box::new(self.local(k, sp));
                let iv = self.int(i as i64, sp);
                self.expr(ExprKind::Compare(kv, vec![(CmpOp::Eq, iv)]), sp)
            };
            chain = vec![stmt(StmtKind::If(is_i, copy, chain))];
        }
        let step = self.int(1, sp);
        let mut loop_body = vec![stmt(StmtKind::AugAssign(Target::Local(k, sp), BinOp::Add, step))];
        loop_body.extend(chain);
        let cond = {
            let kv = Box::new(self.local(k, sp));
            let last = self.int(n as i64 - 1, sp);
            self.expr(ExprKind::Compare(kv, vec![(CmpOp::Lt, last)]), sp)
        };
        pre.push(stmt(StmtKind::While(cond, loop_body, orelse)));
        pre
    }
}
