//! The distribution report of seed 000 (`bodoc explain`,
//! `BODO_DISTRIBUTED_DIAGNOSTICS=1`, `f.distributed_diagnostics()`): for each
//! jit function, the distribution of every array variable, of every parallel
//! loop (prange loops and fused array expressions), the source listing
//! annotated per line, and why each replicated array is replicated. It reads
//! the distributions inference settled on, so it says what the code does.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use crate::diagnostics::SourceFiles;
use crate::hir::{visit, Const, Expr, ExprKind, Func, LocalId, Module, Program, Stmt, StmtKind, Target};
use crate::types::{Dist, Instance, Ty, Typed};

/// The report of every reachable jit function instance, keyed by function.
pub fn reports(prog: &Program, typed: &Typed, files: &SourceFiles) -> BTreeMap<u32, String> {
    let mut out: BTreeMap<u32, String> = BTreeMap::new();
    for &id in &typed.reachable {
        let inst = &typed.instances[id as usize];
        let f = &prog.funcs[inst.func as usize];
        // Sequential instances are reported only for functions never called to run on every rank.
        let shadowed = inst.sequential
            && typed.reachable.iter().any(|&o| {
                let other = &typed.instances[o as usize];
                other.func == inst.func && !other.sequential
            });
        if f.jit.is_none() || shadowed {
            continue;
        }
        let text = report(f, inst, files, &typed.rep_uses);
        out.entry(inst.func).and_modify(|s| s.push_str(&text)).or_insert(text);
    }
    out
}

fn dist_of(t: &Ty) -> Option<Dist> {
    match t {
        Ty::Array(_, _, d) => Some(*d),
        Ty::Tuple(ts) => ts.iter().filter_map(dist_of).min(),
        _ => None,
    }
}

/// A parallel loop: its line and distribution.
struct Parfor {
    line: usize,
    dist: Dist,
}

fn report(f: &Func, inst: &Instance, files: &SourceFiles, rep_uses: &HashMap<(u32, LocalId), String>) -> String {
    let file = f.span.file;
    let path = files.name(file).to_string();
    let first = files.line_of(file, f.span.start) as usize;
    let line_of = |e_start: u32| files.line_of(file, e_start) as usize;
    // Array variables and the line of their first assignment.
    let mut vars: Vec<(String, Dist, usize, Option<&Expr>, LocalId)> = Vec::new();
    for p in &f.params {
        if let Some(d) = dist_of(&inst.locals[p.local as usize]) {
            vars.push((p.name.clone(), d, line_of(p.span.start), None, p.local));
        }
    }
    collect_assigns(&f.body, &mut |l, value, start| {
        let Some(d) = dist_of(&inst.locals[l as usize]) else { return };
        let name = &f.locals[l as usize].name;
        if !vars.iter().any(|(n, ..)| n == name) {
            vars.push((name.clone(), d, line_of(start), value, l));
        }
    });
    let mut parfors: Vec<Parfor> = Vec::new();
    // A sequential instance, or a distributed=False function, runs its prange loops as plain loops.
    let parallel = !inst.sequential && f.jit.as_ref().is_some_and(|o| !o.distributed_false);
    collect_parfors(&f.body, inst, parallel, &mut |line_start, dist| {
        parfors.push(Parfor { line: line_of(line_start), dist })
    });
    let any_parallel = vars.iter().any(|v| v.1.is_dist()) || parfors.iter().any(|p| p.dist.is_dist());
    let mut s = String::new();
    if !any_parallel {
        let _ = writeln!(s, "BodoWarning: No parallelism found for function '{}'", f.name);
        return s;
    }
    let _ = writeln!(s, "Distributed diagnostics for function {}, {} ({})", f.name, path, first);
    let _ = writeln!(s);
    let _ = writeln!(s, "Data distributions:");
    for (name, d, ..) in &vars {
        let _ = writeln!(s, "    {name:<72}{}", d.name());
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "    Parfor distributions:");
    for (i, p) in parfors.iter().enumerate() {
        let _ = writeln!(s, "       {i:<21}{}", p.dist.name());
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "    Distributed listing for function {}, {} ({})", f.name, path, first);
    let _ = writeln!(s, "    {:-<69}| parfor_id/variable: distribution", "");
    let src = files.source(file);
    let last = files.line_of(file, f.span.end.saturating_sub(1)) as usize;
    let start_line = first.saturating_sub(count_decorator_lines(src, first));
    for (k, text) in src.lines().enumerate().skip(start_line.saturating_sub(1)).take(last + 1 - start_line) {
        let line = k + 1;
        let mut notes: Vec<String> = Vec::new();
        for (i, p) in parfors.iter().enumerate() {
            if p.line == line {
                notes.push(format!("#{i}: {}", p.dist.name()));
            }
        }
        for (name, d, l, ..) in &vars {
            if *l == line {
                notes.push(format!("{name}: {}", d.name()));
            }
        }
        if notes.is_empty() {
            let _ = writeln!(s, "    {text:<69}| ");
        } else {
            let _ = writeln!(s, "    {:-<69}| {}", text, notes.join(", "));
        }
    }
    let _ = writeln!(s);
    let opts = f.jit.as_ref();
    let mut one_rank = HashSet::new();
    one_rank_assigns(&f.body, &crate::hir::rank::rank_dependent_locals(&f.body), false, &mut one_rank);
    for (name, d, _, value, l) in &vars {
        if *d != Dist::Rep {
            continue;
        }
        let reason = if let Some(why) = rep_uses.get(&(inst.func, *l)) {
            why.clone()
        } else if parallel && one_rank.contains(l) {
            "assigned inside a prange loop or a branch on bodo.get_rank(), where it is one iteration's or one \
             rank's value"
                .to_string()
        } else if opts.is_some_and(|o| o.distributed_false) {
            "the function is marked distributed=False".to_string()
        } else if inst.sequential {
            "the function is called inside prange or a branch on bodo.get_rank(), where it runs on one rank alone"
                .to_string()
        } else if opts.is_some_and(|o| o.replicated.contains(name)) {
            "the variable is listed in replicated=".to_string()
        } else {
            value.map(rep_reason).unwrap_or_else(|| "the argument is replicated in the caller".to_string())
        };
        let _ = writeln!(s, "    Setting distribution of variable '{name}' to REP: {reason}");
    }
    s
}

/// The locals assigned where ranks run different code: inside a prange
/// body or a branch on the rank (`in_region` for the statements of `b`).
fn one_rank_assigns(b: &[Stmt], rank: &HashSet<LocalId>, in_region: bool, out: &mut HashSet<LocalId>) {
    for s in b {
        let region = in_region
            || match &s.kind {
                StmtKind::For(_, it, ..) => it.is_prange_call(),
                StmtKind::If(c, ..) | StmtKind::While(c, ..) => crate::hir::rank::mentions_rank(c, rank),
                _ => false,
            };
        if let (StmtKind::Assign(t, _), true) = (&s.kind, in_region) {
            let mut bound = Vec::new();
            crate::hir::reductions::assigned(t, &mut bound);
            out.extend(bound);
        }
        for sub in visit::sub_blocks(s) {
            one_rank_assigns(sub, rank, region, out);
        }
    }
}

/// Why an assignment's value is replicated, in Bodo's words.
fn rep_reason(e: &Expr) -> String {
    // `X.sum(axis=0)`, `np.mean(X, axis=0)`: one value per column (a sort
    // along axis 0 has its own reason below).
    let (kwargs, sort) = match &e.kind {
        ExprKind::Call { func, kwargs, .. } => {
            (kwargs.as_slice(), matches!(&func.kind, ExprKind::ModAttr(Module::Numpy, n) if n == "sort"))
        }
        ExprKind::MethodCall { kwargs, .. } => (kwargs.as_slice(), false),
        _ => (&[][..], false),
    };
    if !sort && kwargs.iter().any(|k| k.name == "axis" && matches!(k.value.kind, ExprKind::Const(Const::Int(0)))) {
        return "output of a reduction along axis 0 is REP (one value per column, combined over the ranks' rows)"
            .into();
    }
    if let ExprKind::Call { func, args, kwargs } = &e.kind {
        if let ExprKind::ModAttr(m, n) = &func.kind {
            return match (m, n.as_str()) {
                (Module::Numpy, "array") => "output of np.array() of a list is REP".into(),
                (Module::Numpy, "dot" | "matmul") if args.len() == 2 => {
                    "output of np.dot(vector, matrix) is REP".into()
                }
                (Module::Numpy, "sort") if crate::types::arrays::sorts_columns(kwargs, 2) => {
                    "output of np.sort() along axis 0 is REP (each column is sorted whole: a distributed matrix is \
                     gathered)"
                        .into()
                }
                (
                    Module::Numpy,
                    "unique" | "diag" | "histogram" | "bincount" | "percentile" | "quantile" | "cov" | "corrcoef",
                ) => {
                    format!("output of np.{n}() is REP")
                }
                (Module::Numpy, "vstack" | "stack") => format!(
                    "output of np.{n}() of 1D arrays is REP (each array becomes a row, along the columns, which are \
                     not split across ranks: a distributed input is gathered)"
                ),
                (Module::Bodo, "gatherv" | "allgatherv") => format!("output of bodo.{n}() is REP"),
                (Module::Bodo, "get_nodes_first_ranks") => "output of bodo.get_nodes_first_ranks() is REP".into(),
                _ => format!("an input of {}.{n}() is REP", m.name()),
            };
        }
        if let ExprKind::Func(_) = func.kind {
            return "the called function returns a REP value".into();
        }
    }
    if let ExprKind::Attr(_, n) = &e.kind {
        if n == "T" {
            return "output of a transpose is REP (the rows become columns, which are not split across ranks: a \
                    distributed matrix is gathered)"
                .into();
        }
    }
    "an input of the expression is REP".into()
}

/// Lines above `first` holding the function's decorators.
fn count_decorator_lines(src: &str, first: usize) -> usize {
    let lines: Vec<&str> = src.lines().collect();
    let mut n = 0;
    while first > n + 1 && lines.get(first - n - 2).is_some_and(|l| l.trim_start().starts_with('@')) {
        n += 1;
    }
    n
}

fn collect_assigns<'a>(b: &'a [Stmt], f: &mut dyn FnMut(u32, Option<&'a Expr>, u32)) {
    fn target<'a>(t: &'a Target, value: Option<&'a Expr>, f: &mut dyn FnMut(u32, Option<&'a Expr>, u32)) {
        match t {
            Target::Local(l, sp) => f(*l, value, sp.start),
            Target::Tuple(ts, _) => ts.iter().for_each(|t| target(t, None, f)),
            Target::Index(..) => {}
        }
    }
    visit::statements(b, &mut |s| {
        if let StmtKind::Assign(t, v) | StmtKind::AugAssign(t, _, v) = &s.kind {
            target(t, Some(v), f);
        }
    });
}

/// Parallel loops in source order: prange loops, and array expressions that
/// compile to one fused loop (one per statement).
fn collect_parfors(b: &[Stmt], inst: &Instance, parallel: bool, f: &mut dyn FnMut(u32, Dist)) {
    for s in b {
        if let StmtKind::For(_, it, body, _) = &s.kind {
            if it.is_prange_call() {
                f(s.span.start, if parallel { prange_dist(body, inst) } else { Dist::Rep });
                continue;
            }
        }
        let mut found: Option<Dist> = None;
        let mut shallow = |e: &Expr| {
            if found.is_none() && is_loop_expr(e) {
                found = dist_of(&inst.exprs[e.id as usize]);
            }
        };
        match &s.kind {
            StmtKind::Assign(_, v) | StmtKind::AugAssign(_, _, v) | StmtKind::Expr(v) | StmtKind::Return(Some(v)) => {
                visit::expr(v, &mut shallow)
            }
            _ => {}
        }
        if let Some(d) = found {
            f(s.span.start, d);
        }
        match &s.kind {
            StmtKind::If(_, x, y) | StmtKind::While(_, x, y) | StmtKind::For(_, _, x, y) => {
                collect_parfors(x, inst, parallel, f);
                collect_parfors(y, inst, parallel, f);
            }
            _ => {}
        }
    }
}

/// Array operators and NumPy calls: each becomes a loop over the data.
fn is_loop_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Bin(..) | ExprKind::Compare(..) | ExprKind::Unary(..) => true,
        ExprKind::Call { func, .. } => matches!(func.kind, ExprKind::ModAttr(Module::Numpy, _)),
        ExprKind::MethodCall { .. } => true,
        _ => false,
    }
}

/// A prange loop is distributed like the arrays it indexes, else block-split.
fn prange_dist(body: &[Stmt], inst: &Instance) -> Dist {
    let mut d = Dist::OneD;
    visit::block_exprs(body, &mut |e| {
        if let ExprKind::Index(a, _) = &e.kind {
            if let Some(x) = dist_of(&inst.exprs[a.id as usize]) {
                if x.is_dist() {
                    d = d.min(x);
                }
            }
        }
    });
    d
}
