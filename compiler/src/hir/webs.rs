//! Split reused variable names into independent variables ("webs").
//!
//! Python scripts often reuse a name for unrelated values (`r` is a float in
//! one loop and a list later). Type inference gives each variable one type,
//! so before it runs, every local is split into webs: definitions connected
//! through the uses they reach (reaching definitions over the structured
//! control flow). Each web becomes its own local; a name whose definitions
//! all meet at some use stays one variable.
//!
//! Requires: names resolved. Guarantees: same program semantics; each local
//! is one web.

use std::collections::HashMap;

use super::*;

/// A definition site: the address of its `Target`, `Param` or `Handler`
/// node, and the local it writes. Addresses (not spans) identify sites
/// because loop unrolling (`unroll.rs`) copies statements, spans included;
/// the tree is not moved between the analysis and the rewrite, so an
/// address names the same node in both.
type DefKey = (usize, LocalId);

fn site<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Reaching definitions per local, or `None` where control cannot reach.
type State = Option<Vec<Vec<usize>>>;

struct Analysis {
    nlocals: usize,
    parent: Vec<usize>,
    def_local: Vec<LocalId>,
    def_index: HashMap<DefKey, usize>,
    use_def: HashMap<ExprId, usize>,
    /// (break states, continue states) of enclosing loops.
    loops: Vec<(State, State)>,
    /// Reads seen with no definition reaching them yet (a loop's back edge
    /// may bring one on a later pass): the local and the read's span.
    unbound: HashMap<ExprId, (LocalId, Span)>,
}

/// Returns the reads of a local that no definition reaches (the local and
/// the read's span), which can never run without raising in CPython.
pub fn split(f: &mut Func) -> Vec<(LocalId, Span)> {
    let mut a = Analysis {
        nlocals: f.locals.len(),
        parent: Vec::new(),
        def_local: Vec::new(),
        def_index: HashMap::new(),
        use_def: HashMap::new(),
        loops: Vec::new(),
        unbound: HashMap::new(),
    };
    let mut st: State = Some(vec![Vec::new(); f.locals.len()]);
    for p in &f.params {
        a.define(&mut st, (site(p), p.local));
    }
    a.block(&f.body, st);

    // One new local per web beyond the first of each name.
    let mut web_local: HashMap<usize, LocalId> = HashMap::new();
    let mut first_web: HashMap<LocalId, usize> = HashMap::new();
    for d in 0..a.def_local.len() {
        let root = a.find(d);
        if web_local.contains_key(&root) {
            continue;
        }
        let l = a.def_local[d];
        let id = match first_web.get(&l) {
            None => {
                first_web.insert(l, root);
                l
            }
            Some(_) => {
                let orig = &f.locals[l as usize];
                f.locals.push(Local { name: orig.name.clone(), span: orig.span });
                (f.locals.len() - 1) as LocalId
            }
        };
        web_local.insert(root, id);
    }
    let mut def_to_local = HashMap::new();
    let defs: Vec<(DefKey, usize)> = a.def_index.iter().map(|(k, d)| (*k, *d)).collect();
    for (k, d) in &defs {
        let (k, d) = (k, *d);
        let root = a.find(d);
        def_to_local.insert(*k, web_local[&root]);
    }
    let mut use_to_local = HashMap::new();
    let uses: Vec<(ExprId, usize)> = a.use_def.iter().map(|(e, d)| (*e, *d)).collect();
    for (e, d) in &uses {
        let (e, d) = (e, *d);
        let root = a.find(d);
        use_to_local.insert(*e, web_local[&root]);
    }
    let rw = Rewrite { defs: def_to_local, uses: use_to_local };
    for p in &mut f.params {
        if let Some(&l) = rw.defs.get(&(site(&*p), p.local)) {
            p.local = l;
        }
    }
    rw.apply(&mut f.body);
    // Reads no definition reached on any pass.
    let mut unbound: Vec<(ExprId, (LocalId, Span))> =
        a.unbound.into_iter().filter(|(e, _)| !a.use_def.contains_key(e)).collect();
    unbound.sort_by_key(|u| (u.1 .1.start, u.0));
    unbound.into_iter().map(|u| u.1).collect()
}

fn merge(a: State, b: State) -> State {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(mut x), Some(y)) => {
            for (xs, ys) in x.iter_mut().zip(y) {
                for d in ys {
                    if !xs.contains(&d) {
                        xs.push(d);
                    }
                }
            }
            Some(x)
        }
    }
}

fn same(a: &State, b: &State) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.iter().zip(y).all(|(p, q)| p.len() == q.len() && p.iter().all(|d| q.contains(d))),
        _ => false,
    }
}

impl Analysis {
    fn find(&mut self, mut d: usize) -> usize {
        while self.parent[d] != d {
            self.parent[d] = self.parent[self.parent[d]];
            d = self.parent[d];
        }
        d
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Keep the earlier definition as the root so the first web keeps the name.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }

    fn define(&mut self, st: &mut State, key: DefKey) {
        let d = *self.def_index.entry(key).or_insert_with(|| {
            self.parent.push(self.parent.len());
            self.def_local.push(key.1);
            self.parent.len() - 1
        });
        if let Some(s) = st {
            if (key.1 as usize) < self.nlocals {
                s[key.1 as usize] = vec![d];
            }
        }
    }

    fn use_local(&mut self, st: &State, l: LocalId, e: &Expr) {
        let Some(s) = st else { return };
        let Some(defs) = s.get(l as usize) else { return };
        let defs = defs.clone();
        if defs.is_empty() {
            self.unbound.insert(e.id, (l, e.span));
        }
        let e = e.id;
        if let Some(&first) = defs.first() {
            for &d in &defs[1..] {
                self.union(first, d);
            }
            match self.use_def.get(&e) {
                Some(&prev) => self.union(prev, first),
                None => {
                    self.use_def.insert(e, first);
                }
            }
        }
    }

    fn block(&mut self, b: &[Stmt], mut st: State) -> State {
        for s in b {
            st = self.stmt(s, st);
        }
        st
    }

    fn target(&mut self, t: &Target, st: &mut State) {
        match t {
            Target::Local(l, _) => self.define(st, (site(t), *l)),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| self.target(t, st)),
            Target::Index(o, i, _) => {
                self.expr(o, st);
                self.expr(i, st);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt, mut st: State) -> State {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, &mut st),
            StmtKind::Assign(t, v) => {
                self.expr(v, &mut st);
                self.target(t, &mut st);
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v, &mut st);
                if let Target::Local(l, _) = t {
                    // The read is part of the same web as the write.
                    let key = (site(t), *l);
                    let before = st.as_ref().map(|s| s[*l as usize].clone()).unwrap_or_default();
                    self.define(&mut st, key);
                    let d = self.def_index[&key];
                    for p in before {
                        self.union(d, p);
                    }
                } else {
                    self.target(t, &mut st);
                }
            }
            StmtKind::If(c, a, b) => {
                self.expr(c, &mut st);
                let x = self.block(a, st.clone());
                let y = self.block(b, st);
                return merge(x, y);
            }
            StmtKind::While(c, body, orelse) => {
                let mut head = st;
                loop {
                    let mut s = head.clone();
                    self.expr(c, &mut s);
                    self.loops.push((None, None));
                    let end = self.block(body, s.clone());
                    let (_, cont) = self.loops.pop().unwrap_or((None, None));
                    let next = merge(head.clone(), merge(end, cont));
                    if same(&next, &head) {
                        break;
                    }
                    head = next;
                }
                let mut s = head;
                self.expr(c, &mut s);
                self.loops.push((None, None));
                self.block(body, s.clone());
                let (brk, _) = self.loops.pop().unwrap_or((None, None));
                let after = self.block(orelse, s);
                return merge(after, brk);
            }
            StmtKind::For(t, iter, body, orelse) => {
                self.expr(iter, &mut st);
                let mut head = st;
                let brk = loop {
                    let mut s = head.clone();
                    self.target(t, &mut s);
                    self.loops.push((None, None));
                    let end = self.block(body, s);
                    let (brk, cont) = self.loops.pop().unwrap_or((None, None));
                    let next = merge(head.clone(), merge(end, cont));
                    if same(&next, &head) {
                        break brk;
                    }
                    head = next;
                };
                let after = self.block(orelse, head);
                return merge(after, brk);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                if let Some(top) = self.loops.last_mut() {
                    let slot = if is_break { &mut top.0 } else { &mut top.1 };
                    *slot = merge(slot.take(), st);
                }
                return None;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, &mut st);
                }
                return None;
            }
            StmtKind::Raise(v) => {
                if let Some(v) = v {
                    self.expr(v, &mut st);
                }
                return None;
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                // Any state inside the body may reach a handler.
                let mut reach = st.clone();
                let mut cur = st;
                for s in body {
                    cur = self.stmt(s, cur);
                    reach = merge(reach, cur.clone());
                }
                let mut out = self.block(orelse, cur);
                for h in handlers {
                    let mut hs = reach.clone();
                    if let Some(l) = h.name {
                        self.define(&mut hs, (site(h), l));
                    }
                    let end = self.block(&h.body, hs);
                    out = merge(out, end);
                }
                if finally.is_empty() {
                    return out;
                }
                let fin_in = merge(out.clone(), reach);
                let end = self.block(finally, fin_in);
                return if out.is_none() { None } else { end };
            }
            StmtKind::Assert(c, m) => {
                self.expr(c, &mut st);
                if let Some(m) = m {
                    self.expr(m, &mut st);
                }
            }
            StmtKind::Pass => {}
        }
        st
    }

    fn expr(&mut self, e: &Expr, st: &mut State) {
        match &e.kind {
            ExprKind::Local(l) => self.use_local(st, *l, e),
            ExprKind::Const(_)
            | ExprKind::Func(_)
            | ExprKind::Builtin(_)
            | ExprKind::Module(_)
            | ExprKind::ExcClass(_)
            | ExprKind::ModAttr(..) => {}
            ExprKind::Attr(v, _) => self.expr(v, st),
            ExprKind::Call { func, args, kwargs } => {
                self.expr(func, st);
                args.iter().for_each(|a| self.expr(a, st));
                kwargs.iter().for_each(|k| self.expr(&k.value, st));
            }
            ExprKind::MethodCall { recv, args, kwargs, .. } => {
                self.expr(recv, st);
                args.iter().for_each(|a| self.expr(a, st));
                kwargs.iter().for_each(|k| self.expr(&k.value, st));
            }
            ExprKind::Bin(_, a, b) => {
                self.expr(a, st);
                self.expr(b, st);
            }
            ExprKind::Unary(_, a) => self.expr(a, st),
            ExprKind::Compare(a, chain) => {
                self.expr(a, st);
                chain.iter().for_each(|(_, x)| self.expr(x, st));
            }
            ExprKind::BoolOp(_, vs) | ExprKind::List(vs) | ExprKind::Tuple(vs) | ExprKind::Set(vs) => {
                vs.iter().for_each(|v| self.expr(v, st))
            }
            ExprKind::IfExp(c, a, b) => {
                self.expr(c, st);
                self.expr(a, st);
                self.expr(b, st);
            }
            ExprKind::Dict(items) => items.iter().for_each(|(k, v)| {
                self.expr(k, st);
                self.expr(v, st);
            }),
            ExprKind::Index(a, b) => {
                self.expr(a, st);
                self.expr(b, st);
            }
            ExprKind::Slice(a, lo, hi, stp) => {
                self.expr(a, st);
                for b in [lo, hi, stp].into_iter().flatten() {
                    self.expr(b, st);
                }
            }
            ExprKind::SliceBounds(lo, hi, stp) => {
                for b in [lo, hi, stp].into_iter().flatten() {
                    self.expr(b, st);
                }
            }
            ExprKind::Comp { elt, value, gens, .. } => {
                for g in gens {
                    self.expr(&g.iter, st);
                    self.target(&g.target, st);
                    g.conds.iter().for_each(|c| self.expr(c, st));
                }
                self.expr(elt, st);
                if let Some(v) = value {
                    self.expr(v, st);
                }
            }
            ExprKind::FString(parts) => self.fparts(parts, st),
        }
    }

    fn fparts(&mut self, parts: &[FPart], st: &mut State) {
        for p in parts {
            if let FPart::Value { expr, spec, .. } = p {
                self.expr(expr, st);
                if let Some(s) = spec {
                    self.fparts(s, st);
                }
            }
        }
    }
}

/// Renames definitions and uses to their web's local.
struct Rewrite {
    defs: HashMap<DefKey, LocalId>,
    uses: HashMap<ExprId, LocalId>,
}

impl Rewrite {
    fn apply(&self, body: &mut Block) {
        visit::block_exprs_mut(body, &mut |e| {
            let id = e.id;
            match &mut e.kind {
                ExprKind::Local(l) => {
                    if let Some(&n) = self.uses.get(&id) {
                        *l = n;
                    }
                }
                ExprKind::Comp { gens, .. } => gens.iter_mut().for_each(|g| self.target(&mut g.target)),
                _ => {}
            }
        });
        self.defs_in(body);
    }

    /// Statement targets and exception names (comprehension targets are
    /// renamed with the expressions).
    fn defs_in(&self, b: &mut [Stmt]) {
        for s in b {
            match &mut s.kind {
                StmtKind::Assign(t, _) | StmtKind::AugAssign(t, _, _) | StmtKind::For(t, ..) => self.target(t),
                StmtKind::Try { handlers, .. } => {
                    for h in handlers {
                        if let Some(l) = h.name {
                            if let Some(&n) = self.defs.get(&(site(&*h), l)) {
                                h.name = Some(n);
                            }
                        }
                    }
                }
                _ => {}
            }
            for sub in visit::sub_blocks_mut(s) {
                self.defs_in(sub);
            }
        }
    }

    /// The locals a target defines; its index expressions are uses.
    fn target(&self, t: &mut Target) {
        let at = site(&*t);
        match t {
            Target::Local(l, _) => {
                if let Some(&n) = self.defs.get(&(at, *l)) {
                    *l = n;
                }
            }
            Target::Tuple(ts, _) => ts.iter_mut().for_each(|t| self.target(t)),
            Target::Index(..) => {}
        }
    }
}
