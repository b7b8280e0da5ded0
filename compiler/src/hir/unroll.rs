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
//! A loop over a record (its keys), its `items()` or `values()` is unrolled
//! too, each copy reading its field by constant key (`T = ("k", $u["k"])`;
//! a key variable no statement of the body assigns is that constant in its
//! copy, so `r[k]` reads a field). A comprehension over a variable holding
//! a mixed tuple, or over a record variable (its keys, items or values; one
//! generator), becomes the display of one element per item or field; with
//! `if` conditions, the sum of one-element displays each taken only where
//! its condition holds (`([e0] if c0 else []) + ([e1] if c1 else [])`, a
//! union of sets, a merge of dicts), so an element is evaluated only then.
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
    /// The keys, `values()` or `items()` of a record with these keys: each
    /// copy has its key as a constant and reads its field by it.
    Record { keys: Vec<String>, part: RecordPart },
}

/// What a loop over a record walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordPart {
    Keys,
    Values,
    Items,
}

impl Shape {
    /// The number of copies of the body.
    fn copies(&self) -> usize {
        match self {
            Shape::Tuple(n) | Shape::Enumerate(n) => *n,
            Shape::Zip(args) => args.iter().flatten().copied().min().unwrap_or(0),
            Shape::Record { keys, .. } => keys.len(),
        }
    }
}

/// The receiver of `r.keys()`, `r.values()` or `r.items()` and which: a
/// loop over a record's keys, values or items is unrolled (one body copy
/// per field), as is one over the record itself (its keys).
pub fn record_view(it: &Expr) -> Option<(&Expr, RecordPart)> {
    let ExprKind::MethodCall { recv, name, args, kwargs } = &it.kind else { return None };
    let part = match name.as_str() {
        "keys" => RecordPart::Keys,
        "values" => RecordPart::Values,
        "items" => RecordPart::Items,
        _ => return None,
    };
    (args.is_empty() && kwargs.is_empty()).then_some((recv, part))
}

/// The variable a comprehension walks when it may be unrolled into a
/// display (one element per item of a tuple of mixed types, or per field of
/// a record): one generator over the variable itself or its `keys()` /
/// `values()` / `items()` (`Some(part)`) and a target of one name (or two
/// for items).
pub fn unrollable_comp(gens: &[CompGen]) -> Option<(&Expr, &CompGen, Option<RecordPart>)> {
    let [g] = gens else { return None };
    let (src, view) = match record_view(&g.iter) {
        Some((recv, part)) => (recv, Some(part)),
        None => (&g.iter, None),
    };
    let names_ok = match &g.target {
        Target::Local(..) => true,
        Target::Tuple(ts, _) => {
            view == Some(RecordPart::Items) && matches!(ts.as_slice(), [Target::Local(..), Target::Local(..)])
        }
        Target::Index(..) => false,
    };
    (names_ok && matches!(src.kind, ExprKind::Local(_))).then_some((src, g, view))
}

/// Whether `b` assigns local `l` anywhere (a target, an `except ... as`).
fn assigns(b: &[Stmt], l: LocalId) -> bool {
    fn binds(t: &Target, l: LocalId) -> bool {
        match t {
            Target::Local(x, _) => *x == l,
            Target::Tuple(ts, _) => ts.iter().any(|t| binds(t, l)),
            Target::Index(..) => false,
        }
    }
    let mut found = false;
    visit::statements(b, &mut |s| {
        found |= match &s.kind {
            StmtKind::Assign(t, _) | StmtKind::AugAssign(t, ..) | StmtKind::For(t, ..) => binds(t, l),
            StmtKind::Try { handlers, .. } => handlers.iter().any(|h| h.name == Some(l)),
            _ => false,
        };
    });
    found
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
        // Comprehensions first: a loop copy renumbers the ones in its body.
        visit::block_exprs_mut(&mut body, &mut |e| b.unrolled_comp(e));
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

    /// `[elt for T in src]` (a set, dict or generator comprehension too)
    /// if requested: the display of one `elt` per item of the mixed tuple
    /// `src` (`T` replaced by `src[i]`) or per field of the record `r` of
    /// `src = r.items()` / `r.values()` (`T`'s names replaced by the key
    /// and the field read).
    fn unrolled_comp(&mut self, e: &mut Expr) {
        let ExprKind::Comp { kind, elt, value, gens } = &e.kind else { return };
        let Some((src, g, _)) = unrollable_comp(gens) else { return };
        let Some(shape) = self.reqs.iter().find(|r| r.iter == g.iter.id).map(|r| &r.shape) else { return };
        let ExprKind::Local(var) = src.kind else { return };
        let (sp, kind) = (e.span, *kind);
        let leaf = |kind| Box::new(Expr { id: 0, kind, span: sp });
        let substs: Vec<Vec<(LocalId, ExprKind)>> = match (shape, &g.target) {
            (Shape::Tuple(n), Target::Local(v, _)) => (0..*n)
                .map(|i| {
                    let item = ExprKind::Index(leaf(ExprKind::Local(var)), leaf(ExprKind::Const(Const::Int(i as i64))));
                    vec![(*v, item)]
                })
                .collect(),
            (Shape::Record { keys, part }, target) => keys
                .iter()
                .map(|key| {
                    let key_expr = || ExprKind::Const(Const::Str(key.clone()));
                    let field = ExprKind::Index(leaf(ExprKind::Local(var)), leaf(key_expr()));
                    match (target, part) {
                        (Target::Tuple(ts, _), _) => match ts.as_slice() {
                            [Target::Local(k, _), Target::Local(v, _)] => vec![(*k, key_expr()), (*v, field)],
                            _ => Vec::new(),
                        },
                        (Target::Local(p, _), RecordPart::Items) => {
                            let pair = [key_expr(), field].map(|kind| *leaf(kind));
                            vec![(*p, ExprKind::Tuple(pair.into()))]
                        }
                        (Target::Local(v, _), RecordPart::Values) => vec![(*v, field)],
                        (Target::Local(k, _), RecordPart::Keys) => vec![(*k, key_expr())],
                        (Target::Index(..), _) => Vec::new(),
                    }
                })
                .collect(),
            _ => return,
        };
        let (mut elts, mut values) = (Vec::new(), Vec::new());
        for subst in &substs {
            elts.push(self.substituted(elt, subst));
            if let Some(v) = value {
                values.push(self.substituted(v, subst));
            }
        }
        if g.conds.is_empty() || substs.is_empty() {
            e.kind = match kind {
                CompKind::List | CompKind::Gen | CompKind::Array => ExprKind::List(elts),
                CompKind::Set => ExprKind::Set(elts),
                CompKind::Dict => ExprKind::Dict(elts.into_iter().zip(values).collect()),
            };
            return;
        }
        let conds: Vec<Expr> = g.conds.clone();
        let mut parts = Vec::new();
        let mut values = values.into_iter();
        for (subst, elt) in substs.iter().zip(elts) {
            let mut tests: Vec<Expr> = conds.iter().map(|c| self.substituted(c, subst)).collect();
            let test = if tests.len() == 1 { tests.remove(0) } else { self.expr(ExprKind::BoolOp(true, tests), sp) };
            let (one, none) = match (kind, values.next()) {
                (CompKind::Dict, Some(v)) => (ExprKind::Dict(vec![(elt, v)]), ExprKind::Dict(Vec::new())),
                (CompKind::Set, _) => {
                    let empty = Box::new(self.expr(ExprKind::Builtin(Builtin::Set), sp));
                    (ExprKind::Set(vec![elt]), ExprKind::Call { func: empty, args: Vec::new(), kwargs: Vec::new() })
                }
                _ => (ExprKind::List(vec![elt]), ExprKind::List(Vec::new())),
            };
            let (one, none) = (Box::new(self.expr(one, sp)), Box::new(self.expr(none, sp)));
            parts.push(self.expr(ExprKind::IfExp(Box::new(test), one, none), sp));
        }
        e.kind = match kind {
            CompKind::Dict => ExprKind::Call {
                func: Box::new(self.expr(ExprKind::Builtin(Builtin::DictMerge), sp)),
                args: parts,
                kwargs: Vec::new(),
            },
            _ => {
                let op = if kind == CompKind::Set { BinOp::BitOr } else { BinOp::Add };
                let first = parts.remove(0);
                parts
                    .into_iter()
                    .fold(first, |acc, p| self.expr(ExprKind::Bin(op, Box::new(acc), Box::new(p)), sp))
                    .kind
            }
        };
    }

    /// A copy of `e` (fresh ids) with the locals of `subst` replaced.
    fn substituted(&mut self, e: &Expr, subst: &[(LocalId, ExprKind)]) -> Expr {
        let mut block = vec![Stmt { kind: StmtKind::Expr(e.clone()), span: e.span }];
        visit::block_exprs_mut(&mut block, &mut |x| {
            if let ExprKind::Local(l) = x.kind {
                if let Some((_, with)) = subst.iter().find(|s| s.0 == l) {
                    x.kind = with.clone();
                }
            }
        });
        self.renumber(&mut block);
        match block.pop() {
            Some(Stmt { kind: StmtKind::Expr(e), .. }) => e,
            _ => unreachable!("a block of one expression statement"),
        }
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
            (Shape::Record { .. }, kind) => {
                // `r.items()` walks `r`; a loop over `r` itself, its keys.
                let u = self.temp("record", sp);
                let value = match kind {
                    ExprKind::MethodCall { recv, .. } => *recv,
                    kind => Expr { id: iter.id, kind, span: iter.span },
                };
                pre.push(stmt(StmtKind::Assign(Target::Local(u, sp), value)));
                sources.push((u, Some(n)));
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
            let mut items: Vec<Expr> = match shape {
                Shape::Record { keys, part } => {
                    let key = |b: &mut Self| b.expr(ExprKind::Const(Const::Str(keys[i].clone())), sp);
                    let field = |b: &mut Self| {
                        let (r, k) = (Box::new(b.local(sources[0].0, sp)), Box::new(key(b)));
                        b.expr(ExprKind::Index(r, k), sp)
                    };
                    match part {
                        RecordPart::Keys => vec![key(self)],
                        RecordPart::Values => vec![field(self)],
                        RecordPart::Items => vec![key(self), field(self)],
                    }
                }
                _ => sources.iter().map(|&(u, _)| self.item(u, i, sp)).collect(),
            };
            if let Some(s) = start {
                let base = Box::new(self.local(s, sp));
                let off = Box::new(self.int(i as i64, sp));
                items.insert(0, self.expr(ExprKind::Bin(BinOp::Add, base, off), sp));
            }
            let value = if items.len() == 1 && !matches!(shape, Shape::Zip(_)) {
                items.remove(0)
            } else {
                self.expr(ExprKind::Tuple(items), sp)
            };
            let mut bound = vec![stmt(StmtKind::Assign(target.clone(), value))];
            bound.extend(body.iter().cloned());
            if let (Shape::Record { keys, part: RecordPart::Keys }, Target::Local(var, _)) = (shape, &target) {
                if !assigns(&body, *var) {
                    // The key is a constant in this copy, so `r[k]` reads a field.
                    visit::block_exprs_mut(&mut bound, &mut |e| {
                        if matches!(e.kind, ExprKind::Local(l) if l == *var) {
                            e.kind = ExprKind::Const(Const::Str(keys[i].clone()));
                        }
                    });
                }
            }
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
