//! Lambdas bound to a name (`f = lambda x: x * 2`, `key = lambda r: r[1]`)
//! and functions defined inside a function (`def inner(v): ...`): each
//! becomes a plain function of its own (`<lambda>`, or the def's name),
//! lowered after the module body. The enclosing function's locals that the
//! body reads become extra parameters, passed by keyword at each call with
//! their values at that time, which is what Python's late-binding closures
//! see. (A closure that rebinds them needs `nonlocal`, which is reported.)

use std::collections::HashMap;

use rustpython_ast::Visitor;
use rustpython_parser::ast::{self, Ranged};

use super::*;

/// A lambda bound to a name: its function and the locals it reads.
#[derive(Debug, Clone)]
pub(super) struct LambdaDef {
    func: FuncId,
    captured: Vec<(String, LocalId)>,
}

/// Counts the bindings of each name and collects `name = lambda ...` and
/// undecorated nested defs, as the defs to lift.
#[derive(Default)]
struct Bindings {
    counts: HashMap<String, usize>,
    lambdas: Vec<(String, ast::StmtFunctionDef)>,
}

impl Bindings {
    fn bind(&mut self, target: &ast::Expr) {
        let mut names = Vec::new();
        collect_target_names(target, &mut names);
        for n in names {
            *self.counts.entry(n).or_default() += 1;
        }
    }
}

impl Visitor for Bindings {
    fn visit_stmt_assign(&mut self, a: ast::StmtAssign) {
        a.targets.iter().for_each(|t| self.bind(t));
        if let ([ast::Expr::Name(n)], ast::Expr::Lambda(l)) = (a.targets.as_slice(), &*a.value) {
            self.lambdas.push((n.id.to_string(), lambda_def(l, &[])));
        }
        self.generic_visit_stmt_assign(a);
    }
    // The body is the nested function's own scope: not visited.
    fn visit_stmt_function_def(&mut self, f: ast::StmtFunctionDef) {
        *self.counts.entry(f.name.to_string()).or_default() += 1;
        if f.decorator_list.is_empty() {
            self.lambdas.push((f.name.to_string(), f));
        }
    }
    // Classes are reported, and their methods are not nested functions.
    fn visit_stmt_class_def(&mut self, _: ast::StmtClassDef) {}
    fn visit_stmt_aug_assign(&mut self, a: ast::StmtAugAssign) {
        self.bind(&a.target);
        self.generic_visit_stmt_aug_assign(a);
    }
    fn visit_stmt_ann_assign(&mut self, a: ast::StmtAnnAssign) {
        self.bind(&a.target);
        self.generic_visit_stmt_ann_assign(a);
    }
    fn visit_stmt_for(&mut self, f: ast::StmtFor) {
        self.bind(&f.target);
        self.generic_visit_stmt_for(f);
    }
}

/// The names an expression reads.
#[derive(Default)]
struct Reads(Vec<String>);

impl Visitor for Reads {
    fn visit_expr_name(&mut self, n: ast::ExprName) {
        if !self.0.iter().any(|x| x == n.id.as_str()) {
            self.0.push(n.id.to_string());
        }
    }
}

/// `def <lambda>(params, *, captured): return body`.
pub(super) fn lambda_def(l: &ast::ExprLambda, captured: &[&str]) -> ast::StmtFunctionDef {
    let ret = ast::Stmt::Return(ast::StmtReturn { range: l.body.range(), value: Some(l.body.clone()) });
    let def = ast::StmtFunctionDef {
        range: l.range,
        name: "<lambda>".into(),
        args: l.args.clone(),
        body: vec![ret],
        decorator_list: Vec::new(),
        returns: None,
        type_comment: None,
        type_params: Vec::new(),
    };
    with_captured(def, captured)
}

/// `def` with the `captured` names appended as keyword-only parameters.
fn with_captured(mut def: ast::StmtFunctionDef, captured: &[&str]) -> ast::StmtFunctionDef {
    let range = def.range;
    def.args.kwonlyargs.extend(captured.iter().map(|n| ast::ArgWithDefault {
        range: Default::default(),
        def: ast::Arg { range, arg: (*n).into(), annotation: None, type_comment: None },
        default: None,
    }));
    def
}

/// The names a function's body reads that are not its own: neither its
/// parameters nor names it assigns.
fn free_reads(def: &ast::StmtFunctionDef) -> Vec<String> {
    let mut r = Reads::default();
    def.body.iter().for_each(|s| r.visit_stmt(s.clone()));
    let a = &def.args;
    let own = assigned_names(&def.body);
    r.0.retain(|n| {
        let star = a.vararg.iter().any(|v| v.arg.as_str() == n);
        !star
            && !a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs).any(|p| p.def.arg.as_str() == n)
            && !own.contains(n)
    });
    r.0
}

/// A lambda to lower as a function: its definition and the lambdas of the
/// same scope its body calls (name, function, captured names).
pub(super) struct Lifted {
    pub def: ast::StmtFunctionDef,
    pub siblings: Vec<(String, FuncId, Vec<String>)>,
}

impl FnLower<'_> {
    /// Lift every lambda that `body` binds to a name exactly once, and every
    /// nested def whose name is bound only by it (neither a parameter, in
    /// `params`), before the body is lowered. A lambda calling another (or
    /// itself) also captures what that one does.
    pub(super) fn lift_lambdas(&mut self, body: &[ast::Stmt], params: &[String]) {
        let mut b = Bindings::default();
        body.iter().for_each(|s| b.visit_stmt(s.clone()));
        // A module-level lambda is a global function already (`lower_module`).
        // A nested def's name is no local: it has no scope entry.
        let cands: Vec<(String, ast::StmtFunctionDef)> = b
            .lambdas
            .into_iter()
            .filter(|(n, d)| {
                b.counts.get(n) == Some(&1)
                    && !params.contains(n)
                    && (d.name.as_str() != "<lambda>" || self.scope.contains_key(n))
            })
            .collect();
        let base = self.ctx.next_lifted();
        let index: HashMap<&str, usize> = cands.iter().enumerate().map(|(i, (n, _))| (n.as_str(), i)).collect();
        let reads: Vec<Vec<String>> = cands.iter().map(|(_, d)| free_reads(d)).collect();
        let mut caps: Vec<Vec<String>> = reads
            .iter()
            .map(|r| {
                r.iter().filter(|n| !index.contains_key(n.as_str()) && self.scope.contains_key(*n)).cloned().collect()
            })
            .collect();
        let mut changed = true;
        while changed {
            changed = false;
            for i in 0..cands.len() {
                for j in reads[i].iter().filter_map(|n| index.get(n.as_str()).copied()) {
                    for c in caps[j].clone() {
                        if !caps[i].contains(&c) {
                            caps[i].push(c);
                            changed = true;
                        }
                    }
                }
            }
        }
        for (i, (name, d)) in cands.iter().enumerate() {
            let siblings = reads[i]
                .iter()
                .filter_map(|n| index.get(n.as_str()).map(|&j| (n.clone(), base + j as FuncId, caps[j].clone())))
                .collect();
            let names: Vec<&str> = caps[i].iter().map(String::as_str).collect();
            let func = self.ctx.lift(Lifted { def: with_captured(d.clone(), &names), siblings });
            debug_assert_eq!(func, base + i as FuncId);
            self.add_lambda(name, func, &caps[i]);
        }
    }

    /// Make calls of `name` here calls of `func`, passing the locals `captured`.
    pub(super) fn add_lambda(&mut self, name: &str, func: FuncId, captured: &[String]) {
        let captured = captured.iter().filter_map(|n| self.scope.get(n).map(|&id| (n.clone(), id))).collect();
        self.lambdas.insert(name.to_string(), LambdaDef { func, captured });
    }

    /// The lambda `name` stands for here (not shadowed by a comprehension).
    pub(super) fn lambda_named(&self, name: &str) -> Option<LambdaDef> {
        if self.comp_scopes.iter().any(|s| s.contains_key(name)) {
            return None;
        }
        self.lambdas.get(name).cloned()
    }

    /// The lambda that expression `e` names, if it is such a name.
    pub(super) fn lambda_named_expr(&self, e: &ast::Expr) -> Option<LambdaDef> {
        match e {
            ast::Expr::Name(n) => self.lambda_named(n.id.as_str()),
            _ => None,
        }
    }

    /// Whether statement `a` binds a lifted lambda, of this function or of
    /// the module (it is then dropped).
    pub(super) fn binds_lifted_lambda(&self, a: &ast::StmtAssign) -> bool {
        matches!((a.targets.as_slice(), &*a.value), ([ast::Expr::Name(n)], ast::Expr::Lambda(_))
            if self.lambdas.contains_key(n.id.as_str())
                || (self.in_module && matches!(self.ctx.globals.get(n.id.as_str()), Some(Global::Func(_)))))
    }

    /// A call of the lifted lambda `l` with `args` and `kwargs` (lowered).
    pub(super) fn call_lambda(&mut self, l: &LambdaDef, args: Vec<Expr>, mut kwargs: Vec<Kwarg>, sp: Span) -> Expr {
        for (name, id) in &l.captured {
            let value = self.mk(ExprKind::Local(*id), sp);
            kwargs.push(Kwarg { name: name.clone(), value, span: sp });
        }
        let f = self.mk(ExprKind::Func(l.func), sp);
        self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp)
    }
}
