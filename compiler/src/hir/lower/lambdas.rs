//! Lambdas bound to a name (`f = lambda x: x * 2`, `key = lambda r: r[1]`):
//! each becomes a plain function of its own, `<lambda>`, lowered after the
//! module body. The enclosing function's locals that the body reads become
//! extra parameters, passed by keyword at each call with their values at
//! that time, which is what Python's late-binding closures see.

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

/// Counts the bindings of each name and collects `name = lambda ...`.
#[derive(Default)]
struct Bindings {
    counts: HashMap<String, usize>,
    lambdas: Vec<(String, ast::ExprLambda)>,
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
            self.lambdas.push((n.id.to_string(), l.clone()));
        }
        self.generic_visit_stmt_assign(a);
    }
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
    let mut args = (*l.args).clone();
    args.kwonlyargs.extend(captured.iter().map(|n| ast::ArgWithDefault {
        range: Default::default(),
        def: ast::Arg { range: l.range, arg: (*n).into(), annotation: None, type_comment: None },
        default: None,
    }));
    let ret = ast::Stmt::Return(ast::StmtReturn { range: l.body.range(), value: Some(l.body.clone()) });
    ast::StmtFunctionDef {
        range: l.range,
        name: "<lambda>".into(),
        args: Box::new(args),
        body: vec![ret],
        decorator_list: Vec::new(),
        returns: None,
        type_comment: None,
        type_params: Vec::new(),
    }
}

/// A lambda to lower as a function: its definition and the lambdas of the
/// same scope its body calls (name, function, captured names).
pub(super) struct Lifted {
    pub def: ast::StmtFunctionDef,
    pub siblings: Vec<(String, FuncId, Vec<String>)>,
}

impl FnLower<'_> {
    /// Lift every lambda that `body` binds to a name exactly once (and that
    /// is not a parameter, in `params`), before the body is lowered. A
    /// lambda calling another (or itself) also captures what that one does.
    pub(super) fn lift_lambdas(&mut self, body: &[ast::Stmt], params: &[String]) {
        let mut b = Bindings::default();
        body.iter().for_each(|s| b.visit_stmt(s.clone()));
        // A module-level lambda is a global function already (`lower_module`).
        let cands: Vec<(String, ast::ExprLambda)> = b
            .lambdas
            .into_iter()
            .filter(|(n, _)| b.counts.get(n) == Some(&1) && !params.contains(n) && self.scope.contains_key(n))
            .collect();
        let base = self.ctx.next_lifted();
        let index: HashMap<&str, usize> = cands.iter().enumerate().map(|(i, (n, _))| (n.as_str(), i)).collect();
        let reads: Vec<Vec<String>> = cands
            .iter()
            .map(|(_, l)| {
                let mut r = Reads::default();
                r.visit_expr((*l.body).clone());
                r.0.retain(|n| !l.args.args.iter().any(|a| a.def.arg.as_str() == n));
                r.0
            })
            .collect();
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
        for (i, (name, l)) in cands.iter().enumerate() {
            let siblings = reads[i]
                .iter()
                .filter_map(|n| index.get(n.as_str()).map(|&j| (n.clone(), base + j as FuncId, caps[j].clone())))
                .collect();
            let names: Vec<&str> = caps[i].iter().map(String::as_str).collect();
            let func = self.ctx.lift(Lifted { def: lambda_def(l, &names), siblings });
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
