//! Walks over HIR: every expression of a block or expression in source
//! order, read-only for analyses that only need to look (use counts, prange
//! reductions, fusion candidates), and one mutable walk for rewrites that
//! touch every expression node (renumbering copied statements).

use super::*;

/// The blocks nested directly in `s`: branches, loop bodies and their
/// `else:`, and the parts of a `try` (handlers included).
pub fn sub_blocks(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) | StmtKind::For(_, _, a, b) => vec![a, b],
        StmtKind::Try { body, handlers, orelse, finally } => {
            let mut v: Vec<&[Stmt]> = vec![body];
            v.extend(handlers.iter().map(|h| h.body.as_slice()));
            v.extend([orelse.as_slice(), finally.as_slice()]);
            v
        }
        _ => Vec::new(),
    }
}

/// [`sub_blocks`], mutably.
pub fn sub_blocks_mut(s: &mut Stmt) -> Vec<&mut Block> {
    match &mut s.kind {
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) | StmtKind::For(_, _, a, b) => vec![a, b],
        StmtKind::Try { body, handlers, orelse, finally } => {
            let mut v = vec![body];
            v.extend(handlers.iter_mut().map(|h| &mut h.body));
            v.extend([orelse, finally]);
            v
        }
        _ => Vec::new(),
    }
}

/// Call `f` on every statement of `b` and of the blocks nested in it,
/// each statement before the statements inside it.
pub fn statements<'a>(b: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for s in b {
        f(s);
        for sub in sub_blocks(s) {
            statements(sub, f);
        }
    }
}

/// Call `f` on every expression inside `b`, outer expressions before their
/// parts, including the expressions inside assignment targets.
pub fn block_exprs<'a>(b: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    for s in b {
        stmt_exprs(s, f);
    }
}

pub fn stmt_exprs<'a>(s: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &s.kind {
        StmtKind::Expr(e) => expr(e, f),
        StmtKind::Assign(t, v) | StmtKind::AugAssign(t, _, v) => {
            expr(v, f);
            target(t, f);
        }
        StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
            expr(c, f);
            block_exprs(a, f);
            block_exprs(b, f);
        }
        StmtKind::For(t, it, a, b) => {
            expr(it, f);
            target(t, f);
            block_exprs(a, f);
            block_exprs(b, f);
        }
        StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => expr(e, f),
        StmtKind::Try { body, handlers, orelse, finally } => {
            block_exprs(body, f);
            for h in handlers {
                block_exprs(&h.body, f);
            }
            block_exprs(orelse, f);
            block_exprs(finally, f);
        }
        StmtKind::Assert(c, m) => {
            expr(c, f);
            if let Some(m) = m {
                expr(m, f);
            }
        }
        StmtKind::Return(None) | StmtKind::Raise(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
    }
}

pub fn target<'a>(t: &'a Target, f: &mut dyn FnMut(&'a Expr)) {
    match t {
        Target::Local(..) => {}
        Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, f)),
        Target::Index(o, i, _) => {
            expr(o, f);
            expr(i, f);
        }
    }
}

pub fn expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Const(_)
        | ExprKind::Local(_)
        | ExprKind::Func(_)
        | ExprKind::Builtin(_)
        | ExprKind::Module(_)
        | ExprKind::ExcClass(_)
        | ExprKind::ModAttr(..) => {}
        ExprKind::Attr(v, _) | ExprKind::Unary(_, v) => expr(v, f),
        ExprKind::Call { func, args, kwargs } => {
            expr(func, f);
            args.iter().for_each(|a| expr(a, f));
            kwargs.iter().for_each(|k| expr(&k.value, f));
        }
        ExprKind::MethodCall { recv, args, kwargs, .. } => {
            expr(recv, f);
            args.iter().for_each(|a| expr(a, f));
            kwargs.iter().for_each(|k| expr(&k.value, f));
        }
        ExprKind::Bin(_, a, b) | ExprKind::Index(a, b) => {
            expr(a, f);
            expr(b, f);
        }
        ExprKind::Compare(a, chain) => {
            expr(a, f);
            chain.iter().for_each(|(_, b)| expr(b, f));
        }
        ExprKind::BoolOp(_, vs) | ExprKind::List(vs) | ExprKind::Tuple(vs) | ExprKind::Set(vs) => {
            vs.iter().for_each(|v| expr(v, f))
        }
        ExprKind::IfExp(c, a, b) => {
            expr(c, f);
            expr(a, f);
            expr(b, f);
        }
        ExprKind::Dict(items) => items.iter().for_each(|(k, v)| {
            expr(k, f);
            expr(v, f);
        }),
        ExprKind::Slice(a, lo, hi, st) => {
            expr(a, f);
            [lo, hi, st].into_iter().flatten().for_each(|b| expr(b, f));
        }
        ExprKind::SliceBounds(lo, hi, st) => [lo, hi, st].into_iter().flatten().for_each(|b| expr(b, f)),
        ExprKind::Comp { elt, value, gens, .. } => {
            for g in gens {
                expr(&g.iter, f);
                target(&g.target, f);
                g.conds.iter().for_each(|c| expr(c, f));
            }
            expr(elt, f);
            if let Some(v) = value {
                expr(v, f);
            }
        }
        ExprKind::FString(parts) => fparts(parts, f),
    }
}

fn fparts<'a>(parts: &'a [FPart], f: &mut dyn FnMut(&'a Expr)) {
    for p in parts {
        if let FPart::Value { expr: e, spec, .. } = p {
            expr(e, f);
            if let Some(s) = spec {
                fparts(s, f);
            }
        }
    }
}

/// Locals of `b` that driver code must hold whole: those used anywhere
/// other than as a direct argument of a user function call or for their
/// size (`len(x)`, `x.shape`, `x.size`, `x.ndim`, which a distributed
/// array answers from its global shape).
pub fn locals_needed_whole(b: &[Stmt]) -> std::collections::HashSet<LocalId> {
    let mut all: std::collections::HashMap<LocalId, usize> = Default::default();
    let mut partial: std::collections::HashMap<LocalId, usize> = Default::default();
    let local = |e: &Expr| match e.kind {
        ExprKind::Local(l) => Some(l),
        _ => None,
    };
    block_exprs(b, &mut |e| {
        let partial_uses: Vec<LocalId> = match &e.kind {
            ExprKind::Local(l) => {
                *all.entry(*l).or_default() += 1;
                vec![]
            }
            ExprKind::Call { func, args, .. } if matches!(func.kind, ExprKind::Func(_)) => {
                args.iter().filter_map(local).collect()
            }
            ExprKind::Call { func, args, kwargs } if matches!(func.kind, ExprKind::Builtin(Builtin::Len)) => {
                if kwargs.is_empty() && args.len() == 1 {
                    local(&args[0]).into_iter().collect()
                } else {
                    vec![]
                }
            }
            ExprKind::Attr(v, name) if matches!(name.as_str(), "shape" | "size" | "ndim" | "dtype") => {
                local(v).into_iter().collect()
            }
            _ => vec![],
        };
        for l in partial_uses {
            *partial.entry(l).or_default() += 1;
        }
    });
    all.into_iter().filter(|(l, n)| partial.get(l).copied().unwrap_or(0) < *n).map(|(l, _)| l).collect()
}

/// Call `f` on every expression inside `b`, mutably, parents before their
/// parts (the same order as [`block_exprs`]).
pub fn block_exprs_mut(b: &mut [Stmt], f: &mut dyn FnMut(&mut Expr)) {
    for s in b {
        match &mut s.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => expr_mut(e, f),
            StmtKind::Assign(t, v) | StmtKind::AugAssign(t, _, v) => {
                expr_mut(v, f);
                target_mut(t, f, false);
            }
            StmtKind::If(c, a, b) | StmtKind::While(c, a, b) => {
                expr_mut(c, f);
                block_exprs_mut(a, f);
                block_exprs_mut(b, f);
            }
            StmtKind::For(t, it, a, b) => {
                expr_mut(it, f);
                target_mut(t, f, false);
                block_exprs_mut(a, f);
                block_exprs_mut(b, f);
            }
            StmtKind::Try { body, handlers, orelse, finally } => {
                block_exprs_mut(body, f);
                for h in handlers {
                    block_exprs_mut(&mut h.body, f);
                }
                block_exprs_mut(orelse, f);
                block_exprs_mut(finally, f);
            }
            StmtKind::Assert(c, m) => {
                expr_mut(c, f);
                if let Some(m) = m {
                    expr_mut(m, f);
                }
            }
            StmtKind::Return(None) | StmtKind::Raise(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        }
    }
}

fn target_mut(t: &mut Target, f: &mut dyn FnMut(&mut Expr), post: bool) {
    match t {
        Target::Local(..) => {}
        Target::Tuple(ts, _) => ts.iter_mut().for_each(|t| target_mut(t, f, post)),
        Target::Index(o, i, _) => {
            walk_mut(o, f, post);
            walk_mut(i, f, post);
        }
    }
}

/// Call `f` on `e` and every expression inside it, mutably, parents first.
pub fn expr_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    walk_mut(e, f, false);
}

/// Call `f` on every expression inside `e`, then on `e`, mutably
/// (children first: a rewrite of a parent sees its rewritten children).
pub fn expr_mut_post(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    walk_mut(e, f, true);
}

fn walk_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr), post: bool) {
    if !post {
        f(e);
    }
    match &mut e.kind {
        ExprKind::Const(_)
        | ExprKind::Local(_)
        | ExprKind::Func(_)
        | ExprKind::Builtin(_)
        | ExprKind::Module(_)
        | ExprKind::ExcClass(_)
        | ExprKind::ModAttr(..) => {}
        ExprKind::Attr(v, _) | ExprKind::Unary(_, v) => walk_mut(v, f, post),
        ExprKind::Call { func, args, kwargs } => {
            walk_mut(func, f, post);
            args.iter_mut().for_each(|a| walk_mut(a, f, post));
            kwargs.iter_mut().for_each(|k| walk_mut(&mut k.value, f, post));
        }
        ExprKind::MethodCall { recv, args, kwargs, .. } => {
            walk_mut(recv, f, post);
            args.iter_mut().for_each(|a| walk_mut(a, f, post));
            kwargs.iter_mut().for_each(|k| walk_mut(&mut k.value, f, post));
        }
        ExprKind::Bin(_, a, b) | ExprKind::Index(a, b) => {
            walk_mut(a, f, post);
            walk_mut(b, f, post);
        }
        ExprKind::Compare(a, chain) => {
            walk_mut(a, f, post);
            chain.iter_mut().for_each(|(_, b)| walk_mut(b, f, post));
        }
        ExprKind::BoolOp(_, vs) | ExprKind::List(vs) | ExprKind::Tuple(vs) | ExprKind::Set(vs) => {
            vs.iter_mut().for_each(|v| walk_mut(v, f, post))
        }
        ExprKind::IfExp(c, a, b) => {
            walk_mut(c, f, post);
            walk_mut(a, f, post);
            walk_mut(b, f, post);
        }
        ExprKind::Dict(items) => items.iter_mut().for_each(|(k, v)| {
            walk_mut(k, f, post);
            walk_mut(v, f, post);
        }),
        ExprKind::Slice(a, lo, hi, st) => {
            walk_mut(a, f, post);
            [lo, hi, st].into_iter().flatten().for_each(|b| walk_mut(b, f, post));
        }
        ExprKind::SliceBounds(lo, hi, st) => [lo, hi, st].into_iter().flatten().for_each(|b| walk_mut(b, f, post)),
        ExprKind::Comp { elt, value, gens, .. } => {
            for g in gens {
                walk_mut(&mut g.iter, f, post);
                target_mut(&mut g.target, f, post);
                g.conds.iter_mut().for_each(|c| walk_mut(c, f, post));
            }
            walk_mut(elt, f, post);
            if let Some(v) = value {
                walk_mut(v, f, post);
            }
        }
        ExprKind::FString(parts) => fparts_mut(parts, f, post),
    }
    if post {
        f(e);
    }
}

fn fparts_mut(parts: &mut [FPart], f: &mut dyn FnMut(&mut Expr), post: bool) {
    for p in parts {
        if let FPart::Value { expr: e, spec, .. } = p {
            walk_mut(e, f, post);
            if let Some(s) = spec {
                fparts_mut(s, f, post);
            }
        }
    }
}
