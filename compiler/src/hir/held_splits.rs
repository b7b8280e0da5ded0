//! A split Series held in a variable: `parts = s.str.split(sep)` read as
//! `parts.str[0]`, `parts.str.get(-1)`, `parts.str.len()`. A Series of
//! lists has no representation, but a split read through `.str` is one
//! (`types/pandas_split.rs`), so the variable holds the Series `s` of
//! strings instead and each `.str` read splits it again:
//! `parts.str.split(sep).str[0]`. The arguments that are not constants are
//! kept in temporaries bound beside the variable, so every read splits as
//! the assignment would have. Any other read of the variable (printing it,
//! passing it on, returning it) is reported here, where it is still clear
//! what the variable holds.

use std::collections::{HashMap, HashSet};

use super::{defs, visit, Expr, ExprKind, Func, Kwarg, Local, LocalId, Stmt, StmtKind, Target};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::types::pandas_split::split_of;

/// Rewrites every variable of `func` holding a split read only through `.str`.
pub fn apply(func: &mut Func, diags: &mut Diagnostics) {
    let mut counts = HashMap::new();
    defs::count_defs(&func.body, &mut counts);
    let params: HashSet<LocalId> = func.params.iter().map(|p| p.local).collect();
    // Each held variable and the split assigned to it.
    let mut held: HashMap<LocalId, Span> = HashMap::new();
    visit::statements(&func.body, &mut |s| {
        let StmtKind::Assign(Target::Local(v, _), value) = &s.kind else { return };
        let Some((_, _, _, kwargs)) = split_of(value) else { return };
        // `expand=True` makes a DataFrame, which inference reports.
        if counts.get(v) == Some(&1) && !params.contains(v) && kwargs.iter().all(|k| k.name != "expand") {
            held.insert(*v, value.span);
        }
    });
    if held.is_empty() {
        return;
    }
    // The reads of each held variable that are the receiver of a `.str`.
    let mut through_str: HashSet<u32> = HashSet::new();
    visit::block_exprs(&func.body, &mut |e| {
        if let ExprKind::Attr(v, a) = &e.kind {
            if matches!(v.kind, ExprKind::Local(l) if held.contains_key(&l)) && a == "str" {
                through_str.insert(v.id);
            }
        }
    });
    let mut other_reads: Vec<(LocalId, Span)> = Vec::new();
    visit::block_exprs(&func.body, &mut |e| match e.kind {
        ExprKind::Local(l) if held.contains_key(&l) && !through_str.contains(&e.id) => other_reads.push((l, e.span)),
        _ => {}
    });
    for (l, span) in other_reads {
        if let Some(def) = held.remove(&l) {
            report(func, l, span, def, diags);
        }
    }
    if held.is_empty() {
        return;
    }
    let mut splits = HashMap::new();
    let mut body = std::mem::take(&mut func.body);
    hold_strings(func, &mut body, &held, &mut splits);
    func.body = body;
    let first_new = func.num_exprs;
    let mut next = func.num_exprs;
    // Each `.str` read of a held variable `v` becomes one of `v.str.split(...)`.
    visit::block_exprs_mut(&mut func.body, &mut |e| {
        let ExprKind::Local(v) = e.kind else { return };
        let Some(split) = splits.get(&v) else { return };
        if e.id >= first_new {
            return;
        }
        let mut again = split.clone();
        visit::expr_mut(&mut again, &mut |x| {
            x.id = next;
            next += 1;
            if matches!(x.kind, ExprKind::Local(u) if u == v) {
                x.span = e.span;
            }
        });
        *e = again;
    });
    func.num_exprs = next;
}

/// Replaces, in `b` (`func`'s body, taken out), each assignment
/// `v = s.str.split(args)` of a held `v` by `v = s` and the temporaries of
/// its arguments, recording in `splits` how `v` is read again: the split
/// with a read of `v` as the receiver of its `.str` (ids left to number).
fn hold_strings(
    func: &mut Func,
    b: &mut Vec<Stmt>,
    held: &HashMap<LocalId, Span>,
    splits: &mut HashMap<LocalId, Expr>,
) {
    for mut s in std::mem::take(b) {
        for sub in visit::sub_blocks_mut(&mut s) {
            hold_strings(func, sub, held, splits);
        }
        let (v, value) = match s.kind {
            StmtKind::Assign(Target::Local(v, sp), value) if held.contains_key(&v) => ((v, sp), value),
            kind => {
                b.push(Stmt { kind, ..s });
                continue;
            }
        };
        let ExprKind::MethodCall { recv, name, args, kwargs } = value.kind else { unreachable!("a held split") };
        let ExprKind::Attr(strings, str_attr) = recv.kind else { unreachable!("a held split") };
        b.push(Stmt { kind: StmtKind::Assign(Target::Local(v.0, v.1), *strings), ..s });
        let kept = |func: &mut Func, a: Expr, b: &mut Vec<Stmt>| match a.kind {
            ExprKind::Const(_) => a,
            _ => {
                func.locals.push(Local { name: "$split_arg".to_string(), span: a.span });
                let t = (func.locals.len() - 1) as LocalId;
                let read = Expr { id: 0, kind: ExprKind::Local(t), span: a.span };
                b.push(Stmt { kind: StmtKind::Assign(Target::Local(t, a.span), a), span: s.span });
                read
            }
        };
        let args: Vec<Expr> = args.into_iter().map(|a| kept(func, a, b)).collect();
        let kwargs: Vec<Kwarg> = kwargs.into_iter().map(|k| Kwarg { value: kept(func, k.value, b), ..k }).collect();
        let receiver = Expr { id: 0, kind: ExprKind::Local(v.0), span: v.1 };
        let recv = Expr { id: 0, kind: ExprKind::Attr(Box::new(receiver), str_attr), span: recv.span };
        let split =
            Expr { id: 0, kind: ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, span: value.span };
        splits.insert(v.0, split);
    }
}

/// A read of the held split `l` at `span` that is not through `.str`.
fn report(func: &Func, l: LocalId, span: Span, def: Span, diags: &mut Diagnostics) {
    let name = &func.locals[l as usize].name;
    diags.push(
        Diagnostic::error(span, "a Series of lists is not supported yet")
            .label(format!("`{name}` holds the pieces of split strings"))
            .with_secondary(def, "split here")
            .help(format!(
                "read it only through `.str`: `{name}.str[i]`, `{name}.str.get(i)`, `{name}.str.len()` or \
                 `{name}.str.join(sep)`"
            )),
    );
}
