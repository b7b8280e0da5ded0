//! AST -> HIR: resolve names, read decorators, remove sugar.
//!
//! Unsupported constructs get a diagnostic that says what to write instead;
//! lowering continues past them (with a placeholder) so one run reports
//! every problem of a file.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rustpython_parser::ast::{self, Ranged};

mod dict_calls;
mod dict_unpack;
mod frame_assign;
mod jit_flags;
mod keepdims;
mod lambdas;
mod nan_reductions;
mod np_diff;
mod np_formulas;
mod np_sugar;
mod part_slices;
mod print_star;
mod record_fill;
mod star_args;
mod str_calls;
mod stream_calls;
mod top_rows;
mod unpack;
mod value_maps;
use np_sugar::outer_operands;
use star_args::{literal_keys, Display};

use super::names::{assigned_names, aug_assigned_only};
use super::percent::{self, Piece, SpecPiece};
use super::*;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};

/// What a module-level name means.
#[derive(Debug, Clone)]
enum Global {
    Func(FuncId),
    Module(Module),
    ModAttr(Module, String),
    Const(Const),
    /// A tuple, list, dict or set display of literals: each use in a
    /// function evaluates the display again.
    Display(ast::Expr),
    /// A container display the module changes in place somewhere: not a
    /// constant, and functions cannot share the module's object.
    Mutated,
    /// Bound by an unsupported definition (a class, an `async def`) that
    /// already has its diagnostic: uses of the name say nothing more.
    Reported,
}

struct ModuleCtx {
    file: u32,
    globals: HashMap<String, Global>,
    /// Functions made from lambdas (`lambdas.rs`), lowered after the module
    /// body; the first has id `first_lifted`.
    lifted: RefCell<Vec<lambdas::Lifted>>,
    first_lifted: FuncId,
}

impl ModuleCtx {
    /// Queue a lambda to be lowered as a function of its own; its id.
    fn lift(&self, l: lambdas::Lifted) -> FuncId {
        let id = self.next_lifted();
        self.lifted.borrow_mut().push(l);
        id
    }

    /// The id the next lifted lambda gets.
    fn next_lifted(&self) -> FuncId {
        self.first_lifted + self.lifted.borrow().len() as FuncId
    }
}

/// The hint for `import NAME` of a module bodoc does not provide.
fn unsupported_module_help(name: &str) -> &'static str {
    match name {
        "random" => "use np.random (rand, randn, randint, random) from numpy",
        _ => "bodoc programs may import bodo, numpy, pandas, math, sys and time",
    }
}

/// Lower a parsed module into a [`Program`].
pub fn lower_module(suite: &[ast::Stmt], file: u32, script_name: &str, diags: &mut Diagnostics) -> Program {
    let mut ctx = ModuleCtx { file, globals: HashMap::new(), lifted: RefCell::new(Vec::new()), first_lifted: 0 };
    let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
    let mut main_body: Vec<&ast::Stmt> = Vec::new();

    for s in suite {
        match s {
            ast::Stmt::FunctionDef(f) => {
                let id = defs.len() as FuncId;
                ctx.globals.insert(f.name.to_string(), Global::Func(id));
                defs.push(f);
            }
            ast::Stmt::Import(i) => {
                for a in &i.names {
                    let full = a.name.as_str();
                    match Module::from_name(full) {
                        Some(m) => {
                            let bound = a.asname.as_ref().map(|n| n.to_string()).unwrap_or_else(|| full.to_string());
                            ctx.globals.insert(bound, Global::Module(m));
                        }
                        None => {
                            diags.push(
                                Diagnostic::error(span(file, a.range()), format!("module '{full}' is not supported"))
                                    .label("unsupported import")
                                    .help(unsupported_module_help(full)),
                            );
                            // Uses of the name are not reported again.
                            let bound = a
                                .asname
                                .as_ref()
                                .map(|n| n.as_str())
                                .unwrap_or_else(|| full.split('.').next().unwrap_or(full));
                            ctx.globals.insert(bound.to_string(), Global::Reported);
                        }
                    }
                }
            }
            ast::Stmt::ClassDef(ast::StmtClassDef { name, .. })
            | ast::Stmt::AsyncFunctionDef(ast::StmtAsyncFunctionDef { name, .. }) => {
                ctx.globals.insert(name.to_string(), Global::Reported);
                main_body.push(s);
            }
            ast::Stmt::ImportFrom(i) => {
                let modname = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                match Module::from_name(&modname) {
                    Some(m) => {
                        for a in &i.names {
                            let bound = a.asname.as_ref().unwrap_or(&a.name).to_string();
                            ctx.globals.insert(bound, Global::ModAttr(m, a.name.to_string()));
                        }
                    }
                    None => {
                        diags.push(
                            Diagnostic::error(span(file, i.range), format!("module '{modname}' is not supported"))
                                .label("unsupported import")
                                .help("bodoc programs may import from bodo, numpy, pandas, math, sys and time"),
                        );
                        for a in &i.names {
                            ctx.globals.insert(a.asname.as_ref().unwrap_or(&a.name).to_string(), Global::Reported);
                        }
                    }
                }
            }
            other => main_body.push(other),
        }
    }

    // Module-level names bound once to a literal are constants that functions
    // may read (Bodo freezes globals at compile time the same way).
    let mut counts: HashMap<String, usize> = HashMap::new();
    let owned_main: Vec<ast::Stmt> = main_body.iter().map(|s| (*s).clone()).collect();
    for s in &owned_main {
        for n in assigned_names(std::slice::from_ref(s)) {
            *counts.entry(n).or_default() += 1;
        }
    }
    // The module body's function follows the defs, then the lifted lambdas.
    ctx.first_lifted = defs.len() as FuncId + 1;
    let mut lambda_globals = HashSet::new();
    for s in &owned_main {
        if let ast::Stmt::Assign(a) = s {
            if let [ast::Expr::Name(n)] = a.targets.as_slice() {
                if counts.get(n.id.as_str()) == Some(&1) && !ctx.globals.contains_key(n.id.as_str()) {
                    // `f = lambda ...` once at the top level: a global function.
                    if let ast::Expr::Lambda(l) = &*a.value {
                        let def = lambdas::lambda_def(l, &[]);
                        let id = ctx.lift(lambdas::Lifted { def, siblings: Vec::new() });
                        ctx.globals.insert(n.id.to_string(), Global::Func(id));
                        lambda_globals.insert(n.id.to_string());
                    } else if let Some(c) = folded_const(&ctx.globals, &a.value) {
                        ctx.globals.insert(n.id.to_string(), Global::Const(c));
                    } else if literal_display(&a.value) {
                        let g = if matches!(*a.value, ast::Expr::Tuple(_)) || !mutated_anywhere(suite, n.id.as_str()) {
                            Global::Display((*a.value).clone())
                        } else {
                            Global::Mutated
                        };
                        ctx.globals.insert(n.id.to_string(), g);
                    }
                }
            }
        }
    }

    let mut funcs = Vec::new();
    for f in &defs {
        let mut func = lower_function(&ctx, f, &[], diags);
        finish(&mut func, diags);
        funcs.push(func);
    }
    let main_id = funcs.len() as FuncId;
    let main_span = suite.first().map(|s| span(file, s.range())).unwrap_or_default();
    let main_names = assigned_names(&owned_main).into_iter().filter(|n| !lambda_globals.contains(n)).collect();
    let mut fl = FnLower::new(&ctx, diags, main_names, true);
    fl.aug_only = aug_assigned_only(&owned_main).into_iter().collect();
    fl.lift_lambdas(&owned_main, &[]);
    let body = fl.block(&owned_main);
    let mut main = Func {
        name: "<module>".to_string(),
        params: Vec::new(),
        locals: fl.locals,
        body,
        jit: None,
        span: main_span,
        num_exprs: fl.next_expr,
        is_main: true,
    };
    finish(&mut main, diags);
    funcs.push(main);
    // Lambdas and nested defs lifted while lowering, in id order; lowering
    // a nested def may lift the ones its own body binds.
    let mut next = 0;
    loop {
        let item = ctx.lifted.borrow().get(next).map(|l| (l.def.clone(), l.siblings.clone()));
        let Some((def, siblings)) = item else { break };
        next += 1;
        let mut func = lower_function(&ctx, &def, &siblings, diags);
        finish(&mut func, diags);
        funcs.push(func);
    }
    Program { funcs, main: main_id, script_name: script_name.to_string(), tables: Default::default() }
}

/// The rewrites of a lowered function that need all of its body: held
/// splits and dict views re-taken where they are read, then each reused name split into
/// webs. Placeholders left by errors do not name real locals; skip them then.
fn finish(func: &mut Func, diags: &mut Diagnostics) {
    if !diags.has_errors() {
        super::held_splits::apply(func, diags);
        super::live_views::apply(func);
        for (l, sp) in super::webs::split(func) {
            let name = &func.locals[l as usize].name;
            let (what, label) = if func.is_main {
                (format!("name '{name}' is used before it is assigned"), "NameError in Python")
            } else {
                (format!("local variable '{name}' is read before it is assigned"), "UnboundLocalError in Python")
            };
            diags.push(
                Diagnostic::error(sp, what)
                    .label(label)
                    .help("no assignment reaches this read on any path: assign it earlier"),
            );
        }
    }
}

fn span(file: u32, r: rustpython_parser::text_size::TextRange) -> Span {
    Span::new(file, r.start().to_u32(), r.end().to_u32())
}

/// The value of a literal (including `-3` and `2.5e3`), if `e` is one.
fn literal_const(e: &ast::Expr) -> Option<Const> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => int_value(i, false).map(Const::Int),
            ast::Constant::Float(f) => Some(Const::Float(*f)),
            ast::Constant::Str(s) => Some(Const::Str(s.clone())),
            ast::Constant::Bool(b) => Some(Const::Bool(*b)),
            ast::Constant::None => Some(Const::None),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match negated_int_literal(u) {
            Some(digits) => int_value(digits, true).map(Const::Int),
            None => match literal_const(&u.operand)? {
                Const::Int(i) => Some(Const::Int(i.wrapping_neg())),
                Const::Float(f) => Some(Const::Float(-f)),
                _ => None,
            },
        },
        _ => None,
    }
}

/// The value of a module-level constant expression: a literal, an earlier
/// constant, or arithmetic on those (`10**18`, `2 * PI`, `"-" * 20`, `1 << 20`)
/// that fits the 64-bit ints the compiled program uses.
fn folded_const(globals: &HashMap<String, Global>, e: &ast::Expr) -> Option<Const> {
    use ast::Operator as Op;
    if let Some(c) = literal_const(e) {
        return Some(c);
    }
    match e {
        ast::Expr::Name(n) => match globals.get(n.id.as_str()) {
            Some(Global::Const(c)) => Some(c.clone()),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match folded_const(globals, &u.operand)? {
            Const::Int(i) => i.checked_neg().map(Const::Int),
            Const::Float(f) => Some(Const::Float(-f)),
            _ => None,
        },
        ast::Expr::BinOp(b) => {
            let (l, r) = (folded_const(globals, &b.left)?, folded_const(globals, &b.right)?);
            match (l, r) {
                (Const::Int(x), Const::Int(y)) => Some(Const::Int(match b.op {
                    Op::Add => x.checked_add(y)?,
                    Op::Sub => x.checked_sub(y)?,
                    Op::Mult => x.checked_mul(y)?,
                    Op::FloorDiv if y != 0 => x.checked_div(y)? - i64::from((x % y != 0) && ((x < 0) != (y < 0))),
                    Op::Mod if y != 0 => match x.checked_rem(y)? {
                        r if r != 0 && (r < 0) != (y < 0) => r + y,
                        r => r,
                    },
                    Op::Pow if y >= 0 => x.checked_pow(u32::try_from(y).ok()?)?,
                    Op::LShift if (0..63).contains(&y) => x.checked_mul(1i64 << y)?,
                    Op::RShift if y >= 0 => x >> y.min(63),
                    Op::BitAnd => x & y,
                    Op::BitOr => x | y,
                    Op::BitXor => x ^ y,
                    Op::Div if y != 0 => return Some(Const::Float(x as f64 / y as f64)),
                    _ => return None,
                })),
                (Const::Str(x), Const::Str(y)) if b.op == Op::Add => Some(Const::Str(x + &y)),
                (Const::Str(x), Const::Int(y)) | (Const::Int(y), Const::Str(x)) if b.op == Op::Mult => {
                    Some(Const::Str(x.repeat(usize::try_from(y.max(0)).ok()?)))
                }
                (l, r) => {
                    let f = |c: Const| match c {
                        Const::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(i as f64),
                        Const::Float(f) => Some(f),
                        _ => None,
                    };
                    let (x, y) = (f(l)?, f(r)?);
                    Some(Const::Float(match b.op {
                        Op::Add => x + y,
                        Op::Sub => x - y,
                        Op::Mult => x * y,
                        Op::Div if y != 0.0 => x / y,
                        _ => return None,
                    }))
                }
            }
        }
        _ => None,
    }
}

/// Whether `e` is a tuple, list, dict or set display built only of literals
/// and such displays.
fn literal_display(e: &ast::Expr) -> bool {
    let item = |x: &ast::Expr| literal_const(x).is_some() || literal_display(x);
    match e {
        ast::Expr::Tuple(t) => t.elts.iter().all(item),
        ast::Expr::List(l) => l.elts.iter().all(item),
        ast::Expr::Set(s) => s.elts.iter().all(item),
        ast::Expr::Dict(d) => d.keys.iter().all(|k| k.as_ref().is_some_and(item)) && d.values.iter().all(item),
        _ => false,
    }
}

/// Methods that change a list, dict or set in place.
const MUTATORS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "update",
    "setdefault",
    "popitem",
    "add",
    "discard",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
];

/// Whether any code of the module, function bodies included, changes the
/// container `name` holds in place (a mutating method call, an item store,
/// `del` of an item): such a name is not a constant functions may rebuild.
fn mutated_anywhere(module: &[ast::Stmt], name: &str) -> bool {
    use rustpython_ast::Visitor;
    struct Finder<'n> {
        name: &'n str,
        found: bool,
    }
    impl Finder<'_> {
        fn is_name(&self, e: &ast::Expr) -> bool {
            matches!(e, ast::Expr::Name(n) if n.id.as_str() == self.name)
        }
        fn is_item(&self, e: &ast::Expr) -> bool {
            matches!(e, ast::Expr::Subscript(s) if self.is_name(&s.value))
        }
    }
    impl Visitor for Finder<'_> {
        fn visit_expr_call(&mut self, c: ast::ExprCall) {
            if let ast::Expr::Attribute(a) = &*c.func {
                self.found |= self.is_name(&a.value) && MUTATORS.contains(&a.attr.as_str());
            }
            self.generic_visit_expr_call(c);
        }
        fn visit_stmt_assign(&mut self, a: ast::StmtAssign) {
            self.found |= a.targets.iter().any(|t| self.is_item(t));
            self.generic_visit_stmt_assign(a);
        }
        fn visit_stmt_aug_assign(&mut self, a: ast::StmtAugAssign) {
            self.found |= self.is_item(&a.target);
            self.generic_visit_stmt_aug_assign(a);
        }
        fn visit_stmt_delete(&mut self, d: ast::StmtDelete) {
            self.found |= d.targets.iter().any(|t| self.is_item(t));
            self.generic_visit_stmt_delete(d);
        }
    }
    let mut f = Finder { name, found: false };
    for s in module {
        f.visit_stmt(s.clone());
    }
    f.found
}

/// Whether iterating `e` visibly yields pairs: `zip(a, b)`, `enumerate(x)`,
/// `x.items()`, or a list/tuple display or list comprehension of 2-tuples.
fn yields_pairs(e: &ast::Expr) -> bool {
    let pair = |x: &ast::Expr| matches!(x, ast::Expr::Tuple(t) if t.elts.len() == 2);
    match e {
        ast::Expr::Call(c) => match &*c.func {
            ast::Expr::Name(n) => match n.id.as_str() {
                "zip" => c.args.len() == 2,
                "enumerate" => !c.args.is_empty(),
                _ => false,
            },
            ast::Expr::Attribute(a) => a.attr.as_str() == "items" && c.args.is_empty(),
            _ => false,
        },
        ast::Expr::List(l) => !l.elts.is_empty() && l.elts.iter().all(pair),
        ast::Expr::Tuple(t) => !t.elts.is_empty() && t.elts.iter().all(pair),
        ast::Expr::ListComp(l) => pair(&l.elt),
        _ => false,
    }
}

/// The digits of `-<int literal>`. Such a negation is folded into one
/// constant so that int64's minimum, whose digits alone overflow, can be written.
fn negated_int_literal(u: &ast::ExprUnaryOp) -> Option<&ast::bigint::BigInt> {
    match (u.op, &*u.operand) {
        (ast::UnaryOp::USub, ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Int(i), .. })) => Some(i),
        _ => None,
    }
}

/// The value of an int literal, negated for the operand of unary minus.
fn int_value(digits: &ast::bigint::BigInt, negated: bool) -> Option<i64> {
    let v: i128 = digits.to_string().parse().ok()?;
    i64::try_from(if negated { -v } else { v }).ok()
}

/// `siblings`: for a lifted lambda, the lambdas of its scope it calls.
fn lower_function(
    ctx: &ModuleCtx,
    f: &ast::StmtFunctionDef,
    siblings: &[(String, FuncId, Vec<String>)],
    diags: &mut Diagnostics,
) -> Func {
    let file = ctx.file;
    let fspan = span(file, f.range);
    let jit = read_decorators(ctx, f, diags);
    let a = &f.args;
    if a.kwarg.is_some() {
        diags.push(
            Diagnostic::error(fspan, format!("function '{}' has a **kwargs parameter", f.name))
                .label("unsupported signature")
                .help("use plain parameters with optional defaults (keyword-only ones after `*`)"),
        );
    }
    // Positional-only and keyword-only parameters are parameters in order:
    // a valid call passes keyword-only ones by name. `*args` sits between
    // them, as a parameter holding the tuple of the extra positional ones.
    let star =
        a.vararg.as_ref().map(|v| ast::ArgWithDefault { range: Default::default(), def: (**v).clone(), default: None });
    let all_params: Vec<&ast::ArgWithDefault> =
        a.posonlyargs.iter().chain(&a.args).chain(star.as_ref()).chain(&a.kwonlyargs).collect();
    let mut names: Vec<String> = all_params.iter().map(|p| p.def.arg.to_string()).collect();
    for n in assigned_names(&f.body) {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    if let Some(opts) = &jit {
        jit_flags::check_flag_names(opts, f.name.as_str(), &names, diags);
    }
    let mut fl = FnLower::new(ctx, diags, names, false);
    let param_names: Vec<String> = all_params.iter().map(|p| p.def.arg.to_string()).collect();
    fl.lift_lambdas(&f.body, &param_names);
    for (name, func, captured) in siblings {
        fl.add_lambda(name, *func, captured);
    }
    // `**kwargs` was reported above: its uses are not.
    fl.undefined.extend(a.kwarg.iter().map(|p| p.arg.to_string()));
    fl.aug_only = aug_assigned_only(&f.body)
        .into_iter()
        .filter(|n| !all_params.iter().any(|p| p.def.arg.as_str() == n))
        .collect();
    let mut params = Vec::new();
    for p in all_params {
        let pspan = span(file, p.def.range);
        // A module constant (or arithmetic of them) is fixed before any
        // def runs, so it is as good as the literal it folds to.
        let default = p.default.as_ref().and_then(|d| {
            let c = folded_const(&fl.ctx.globals, d);
            if c.is_none() {
                fl.diags.push(
                    Diagnostic::error(span(file, d.range()), "default values must be literals or module constants")
                        .label("not a constant")
                        .help("use a number, string, bool or None, or a module-level constant of one"),
                );
            }
            c
        });
        let is_star = star.as_ref().is_some_and(|s| std::ptr::eq(s, p));
        let local = fl.scope[p.def.arg.as_str()];
        params.push(Param { name: p.def.arg.to_string(), local, default, span: pspan, star: is_star });
    }
    let body = fl.block(&f.body);
    Func {
        name: f.name.to_string(),
        params,
        locals: fl.locals,
        body,
        jit,
        span: fspan,
        num_exprs: fl.next_expr,
        is_main: false,
    }
}

fn read_decorators(ctx: &ModuleCtx, f: &ast::StmtFunctionDef, diags: &mut Diagnostics) -> Option<JitOptions> {
    let mut jit = None;
    for d in &f.decorator_list {
        let dspan = span(ctx.file, d.range());
        let (callee, keywords) = match d {
            ast::Expr::Call(c) => (&*c.func, c.keywords.as_slice()),
            other => (other, &[][..]),
        };
        let is_jit = match callee {
            ast::Expr::Attribute(at) => {
                matches!(&*at.value, ast::Expr::Name(n) if matches!(ctx.globals.get(n.id.as_str()), Some(Global::Module(Module::Bodo))))
                    && at.attr.as_str() == "jit"
            }
            ast::Expr::Name(n) => {
                matches!(ctx.globals.get(n.id.as_str()), Some(Global::ModAttr(Module::Bodo, a)) if a == "jit")
            }
            _ => false,
        };
        // `@bodo.jit` (or `@jit`) written without the import that binds it.
        let unbound = match callee {
            ast::Expr::Attribute(at) => {
                matches!(&*at.value, ast::Expr::Name(n) if n.id.as_str() == "bodo" && !ctx.globals.contains_key("bodo"))
                    && at.attr.as_str() == "jit"
            }
            ast::Expr::Name(n) => n.id.as_str() == "jit" && !ctx.globals.contains_key("jit"),
            _ => false,
        };
        if unbound {
            let (name, import) = match callee {
                ast::Expr::Name(_) => ("jit", "from bodo import jit"),
                _ => ("bodo", "import bodo"),
            };
            diags.push(
                Diagnostic::error(dspan, format!("name '{name}' is not defined"))
                    .label("not imported")
                    .help(format!("add `{import}` at the top of the file")),
            );
            continue;
        }
        if !is_jit {
            diags.push(
                Diagnostic::error(dspan, "unsupported decorator")
                    .label("only @bodo.jit is understood")
                    .help("remove the decorator or use @bodo.jit"),
            );
            continue;
        }
        let mut opts = JitOptions { span: dspan, ..JitOptions::default() };
        for k in keywords {
            let name = k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default();
            let kspan = span(ctx.file, k.range);
            let as_bool = match literal_const(&k.value) {
                Some(Const::Bool(b)) => Some(b),
                _ => None,
            };
            let as_names = || -> Option<Vec<String>> {
                let elts = match &k.value {
                    ast::Expr::List(l) => &l.elts,
                    ast::Expr::Tuple(t) => &t.elts,
                    _ => return None,
                };
                elts.iter()
                    .map(|e| match literal_const(e) {
                        Some(Const::Str(s)) => Some(s),
                        _ => None,
                    })
                    .collect()
            };
            let bad = |what: &str| {
                Diagnostic::error(kspan, format!("bad value for jit option '{name}'")).label(format!("expected {what}"))
            };
            match name.as_str() {
                "cache" => match as_bool {
                    Some(b) => opts.cache = b,
                    None => diags.push(bad("True or False")),
                },
                "spawn" => match as_bool {
                    Some(b) => opts.spawn = Some(b),
                    None => diags.push(bad("True or False")),
                },
                "distributed" => match (as_bool, as_names()) {
                    (Some(false), _) => opts.distributed_false = true,
                    (_, Some(v)) => opts.distributed = v,
                    _ => diags.push(bad("a list of variable names or False")),
                },
                "replicated" => match as_names() {
                    Some(v) => opts.replicated = v,
                    None => diags.push(bad("a list of variable names")),
                },
                "distributed_block" => match as_names() {
                    Some(v) => opts.distributed_block = v,
                    None => diags.push(bad("a list of variable names")),
                },
                _ => diags.push(
                    Diagnostic::error(kspan, format!("unknown jit option '{name}'"))
                        .label("not a bodo.jit option")
                        .help("supported options: distributed, replicated, distributed_block, spawn, cache"),
                ),
            }
        }
        jit = Some(opts);
    }
    jit
}

/// Lowers one function body.
struct FnLower<'a> {
    ctx: &'a ModuleCtx,
    diags: &'a mut Diagnostics,
    locals: Vec<Local>,
    scope: HashMap<String, LocalId>,
    /// Comprehension scopes, innermost last.
    comp_scopes: Vec<HashMap<String, LocalId>>,
    next_expr: u32,
    /// Lowering the module's top level rather than a function.
    in_module: bool,
    /// Undefined names already reported: each is reported at its first use
    /// only, not at every use.
    undefined: HashSet<String>,
    /// Locals bound only by augmented assignment (`x += 1`, never `x = ...`):
    /// reported as read before assignment at their first `op=`.
    aug_only: HashSet<String>,
    /// Names bound to a lambda made a function (`lambdas.rs`).
    lambdas: HashMap<String, lambdas::LambdaDef>,
}

impl<'a> FnLower<'a> {
    fn new(ctx: &'a ModuleCtx, diags: &'a mut Diagnostics, names: Vec<String>, in_module: bool) -> FnLower<'a> {
        let mut fl = FnLower {
            ctx,
            diags,
            locals: Vec::new(),
            scope: HashMap::new(),
            comp_scopes: Vec::new(),
            next_expr: 0,
            in_module,
            undefined: HashSet::new(),
            aug_only: HashSet::new(),
            lambdas: HashMap::new(),
        };
        for n in names {
            let id = fl.new_local(&n, Span::default());
            fl.scope.insert(n, id);
        }
        fl
    }

    fn new_local(&mut self, name: &str, span: Span) -> LocalId {
        self.locals.push(Local { name: name.to_string(), span });
        (self.locals.len() - 1) as LocalId
    }

    fn sp(&self, r: rustpython_parser::text_size::TextRange) -> Span {
        span(self.ctx.file, r)
    }

    fn mk(&mut self, kind: ExprKind, span: Span) -> Expr {
        let id = self.next_expr;
        self.next_expr += 1;
        Expr { id, kind, span }
    }

    /// What the statements being lowered are inside, for messages.
    fn enclosing(&self) -> &'static str {
        if self.in_module {
            "a block"
        } else {
            "a function"
        }
    }

    fn unsupported(&mut self, sp: Span, what: &str, help: &str) {
        self.diags.push(Diagnostic::error(sp, format!("{what} is not supported")).label("unsupported").help(help));
    }

    /// A placeholder for an expression that already has a diagnostic.
    fn error_expr(&mut self, sp: Span) -> Expr {
        self.mk(ExprKind::Const(Const::None), sp)
    }

    /// An int literal (`negated` for `-<digits>`), which must fit in int64.
    fn int_literal(&mut self, digits: &ast::bigint::BigInt, negated: bool, sp: Span) -> Const {
        match int_value(digits, negated) {
            Some(v) => Const::Int(v),
            None => {
                self.diags.push(
                    Diagnostic::error(sp, "integer literal too large for int64")
                        .label("outside int64's range")
                        .help(format!("bodoc integers are 64-bit, as in Bodo and NumPy: {} to {}", i64::MIN, i64::MAX)),
                );
                Const::Int(0)
            }
        }
    }

    fn block(&mut self, stmts: &[ast::Stmt]) -> Block {
        let mut out = Vec::new();
        let mut i = 0;
        while i < stmts.len() {
            if let Some((st, n)) = self.record_fill(&stmts[i..]) {
                splice(&mut out, st);
                i += n;
                continue;
            }
            // `df.assign(...)` computed by statements before its own.
            match self.hoisted(&stmts[i]) {
                Some((pre, s)) => {
                    out.extend(pre);
                    out.extend(self.stmt(&s).into_iter().flat_map(spliced));
                }
                None => out.extend(self.stmt(&stmts[i]).into_iter().flat_map(spliced)),
            }
            i += 1;
        }
        out
    }

    /// One Python statement; sugar that takes several statements comes
    /// back as `if True:` of them, which [`spliced`] opens.
    fn stmt(&mut self, s: &ast::Stmt) -> Option<Stmt> {
        let sp = self.sp(s.range());
        let kind = match s {
            ast::Stmt::Expr(e) => match &*e.value {
                ast::Expr::Call(c) if self.is_starred_print(c) => self.print_starred_stmt(c, sp),
                ast::Expr::Call(c) => match self.stream_stmt(c, sp) {
                    Some(k) => k,
                    None => StmtKind::Expr(self.expr(&e.value)),
                },
                value => StmtKind::Expr(self.expr(value)),
            },
            ast::Stmt::Assign(a) if self.binds_lifted_lambda(a) => StmtKind::Pass,
            ast::Stmt::Assign(a) => {
                let value = self.expr(&a.value);
                if a.targets.len() == 1 && Self::has_starred(&a.targets[0]) {
                    let mut after = Vec::new();
                    let t = self.star_target(&a.targets[0], &mut after);
                    let stmts =
                        std::iter::once(Stmt { kind: StmtKind::Assign(t, value), span: sp }).chain(after).collect();
                    let always = self.mk(ExprKind::Const(Const::Bool(true)), sp);
                    StmtKind::If(always, stmts, Vec::new())
                } else if a.targets.len() == 1 {
                    StmtKind::Assign(self.target(&a.targets[0]), value)
                } else {
                    // `a = b = v`: assign the first name, then copy it to the rest
                    // (a hidden name holds the value when the first target is not a name).
                    let first = self.target(&a.targets[0]);
                    let (l0, s0, first) = match first {
                        Target::Local(l0, s0) => (l0, s0, None),
                        first => (self.new_local("$chain", sp), sp, Some(first)),
                    };
                    let mut stmts = vec![Stmt { kind: StmtKind::Assign(Target::Local(l0, s0), value), span: sp }];
                    if let Some(first) = first {
                        let src = self.mk(ExprKind::Local(l0), sp);
                        stmts.push(Stmt { kind: StmtKind::Assign(first, src), span: sp });
                    }
                    for t in &a.targets[1..] {
                        let tgt = self.target(t);
                        let src = self.mk(ExprKind::Local(l0), s0);
                        stmts.push(Stmt { kind: StmtKind::Assign(tgt, src), span: sp });
                    }
                    let always = self.mk(ExprKind::Const(Const::Bool(true)), sp);
                    return Some(Stmt { kind: StmtKind::If(always, stmts, Vec::new()), span: sp });
                }
            }
            ast::Stmt::AnnAssign(a) => match &a.value {
                Some(v) => {
                    let value = self.expr(v);
                    StmtKind::Assign(self.target(&a.target), value)
                }
                None => StmtKind::Pass,
            },
            ast::Stmt::AugAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    if self.aug_only.contains(n.id.as_str()) {
                        self.never_assigned(n.id.as_str(), self.sp(s.range()));
                    }
                }
                let value = self.expr(&a.value);
                let op = binop(a.op);
                StmtKind::AugAssign(self.target(&a.target), op, value)
            }
            ast::Stmt::If(i) => {
                let c = self.expr(&i.test);
                StmtKind::If(c, self.block(&i.body), self.block(&i.orelse))
            }
            ast::Stmt::While(w) => {
                let c = self.expr(&w.test);
                StmtKind::While(c, self.block(&w.body), self.block(&w.orelse))
            }
            ast::Stmt::For(f) => {
                let iter = self.expr(&f.iter);
                if Self::has_starred(&f.target) {
                    // `for a, *b in rows`: each row goes to a hidden local, unpacked first.
                    let mut body = Vec::new();
                    let t = self.star_target(&f.target, &mut body);
                    body.extend(self.block(&f.body));
                    return Some(Stmt { kind: StmtKind::For(t, iter, body, self.block(&f.orelse)), span: sp });
                }
                let t = self.target(&f.target);
                StmtKind::For(t, iter, self.block(&f.body), self.block(&f.orelse))
            }
            ast::Stmt::Break(_) => StmtKind::Break,
            ast::Stmt::Continue(_) => StmtKind::Continue,
            ast::Stmt::Pass(_) => StmtKind::Pass,
            ast::Stmt::Return(r) => StmtKind::Return(r.value.as_ref().map(|v| self.expr(v))),
            ast::Stmt::Raise(r) => {
                // The cause only shows in CPython's traceback, which the
                // contract does not compare: a name or None is accepted and
                // dropped; anything else could have effects of its own.
                if let Some(c) = &r.cause {
                    if !matches!(&**c, ast::Expr::Name(_) | ast::Expr::Constant(_)) {
                        self.unsupported(sp, "`raise ... from` an expression", "raise from a name or None");
                    }
                }
                StmtKind::Raise(r.exc.as_ref().map(|e| self.expr(e)))
            }
            ast::Stmt::Assert(a) => {
                let t = self.expr(&a.test);
                StmtKind::Assert(t, a.msg.as_ref().map(|m| self.expr(m)))
            }
            ast::Stmt::Try(t) => {
                let body = self.block(&t.body);
                let mut handlers = Vec::new();
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let hspan = self.sp(h.range);
                    let classes = match &h.type_ {
                        None => Vec::new(),
                        Some(ty) => self.exc_classes(ty),
                    };
                    let name = h.name.as_ref().map(|n| self.scope[n.as_str()]);
                    let hbody = self.block(&h.body);
                    handlers.push(Handler { classes, name, body: hbody, span: hspan });
                }
                StmtKind::Try { body, handlers, orelse: self.block(&t.orelse), finally: self.block(&t.finalbody) }
            }
            // A nested def lifted by `lift_lambdas` is a function of its own.
            ast::Stmt::FunctionDef(f) if self.lambdas.contains_key(f.name.as_str()) => StmtKind::Pass,
            ast::Stmt::FunctionDef(f) => {
                self.undefined.insert(f.name.to_string());
                let what = format!("a function defined inside {}", self.enclosing());
                self.unsupported(sp, &what, "define the function at the top level of the module");
                return None;
            }
            ast::Stmt::AsyncFunctionDef(_) => {
                self.unsupported(sp, "`async def`", "bodoc has no coroutines: define a plain function with def");
                return None;
            }
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => {
                let bound: Vec<String> = match s {
                    ast::Stmt::Import(i) => i
                        .names
                        .iter()
                        .map(|a| {
                            a.asname
                                .as_ref()
                                .map_or_else(|| a.name.split('.').next().unwrap_or("").to_string(), |n| n.to_string())
                        })
                        .collect(),
                    ast::Stmt::ImportFrom(i) => {
                        i.names.iter().map(|a| a.asname.as_ref().unwrap_or(&a.name).to_string()).collect()
                    }
                    _ => Vec::new(),
                };
                self.undefined.extend(bound);
                let what = format!("`import` inside {}", self.enclosing());
                self.unsupported(sp, &what, "import modules at the top of the file");
                return None;
            }
            // `global` of names the function only reads changes nothing:
            // they are the module's already.
            ast::Stmt::Global(g) if !g.names.iter().any(|n| self.scope.contains_key(n.as_str())) => StmtKind::Pass,
            ast::Stmt::Global(g) => {
                // Reported here, not again where the names are used.
                self.undefined.extend(g.names.iter().map(|n| n.to_string()));
                self.unsupported(sp, "`global`/`nonlocal`", "pass values as arguments and return results");
                return None;
            }
            ast::Stmt::Nonlocal(g) => {
                self.undefined.extend(g.names.iter().map(|n| n.to_string()));
                self.unsupported(
                    sp,
                    "`nonlocal`",
                    "a nested function may read the enclosing function's variables: to change one, return its new value",
                );
                return None;
            }
            ast::Stmt::ClassDef(_) => {
                self.unsupported(sp, "a class definition", "use functions, tuples, dicts or DataFrames");
                return None;
            }
            ast::Stmt::With(_) => {
                self.unsupported(sp, "a `with` statement", "call the functions directly");
                return None;
            }
            ast::Stmt::AsyncFor(_) => {
                self.unsupported(sp, "`async for`", "bodoc has no coroutines: use a plain `for` loop");
                return None;
            }
            ast::Stmt::AsyncWith(_) => {
                self.unsupported(sp, "`async with`", "bodoc has no coroutines: call the functions directly");
                return None;
            }
            // `del c[k]` is `c.pop(k)` with the result dropped (a dict's
            // KeyError, a list's IndexError), `del l[a:b:c]` the list's
            // `$del_slice` method; other targets are not supported.
            ast::Stmt::Delete(d) => {
                let mut stmts = Vec::new();
                for t in &d.targets {
                    match t {
                        ast::Expr::Subscript(x) if matches!(&*x.slice, ast::Expr::Slice(_)) => {
                            let ast::Expr::Slice(sl) = &*x.slice else { unreachable!() };
                            let recv = self.boxed(&x.value);
                            let bounds = [("start", &sl.lower), ("stop", &sl.upper), ("step", &sl.step)];
                            let kwargs = bounds
                                .into_iter()
                                .filter_map(|(name, b)| {
                                    let b = b.as_ref()?;
                                    let value = self.expr(b);
                                    Some(Kwarg { name: name.into(), span: value.span, value })
                                })
                                .collect();
                            let tsp = self.sp(x.range);
                            let del = ExprKind::MethodCall { recv, name: "$del_slice".into(), args: vec![], kwargs };
                            let del = self.mk(del, tsp);
                            stmts.push(Stmt { kind: StmtKind::Expr(del), span: tsp });
                        }
                        ast::Expr::Subscript(x) => {
                            let recv = self.boxed(&x.value);
                            let key = self.expr(&x.slice);
                            let tsp = self.sp(x.range);
                            let pop =
                                ExprKind::MethodCall { recv, name: "pop".into(), args: vec![key], kwargs: vec![] };
                            let pop = self.mk(pop, tsp);
                            stmts.push(Stmt { kind: StmtKind::Expr(pop), span: tsp });
                        }
                        _ => {
                            self.unsupported(
                                self.sp(t.range()),
                                "`del` of a name",
                                "use dict.pop(key) or list.pop(index), or rebind the name",
                            );
                            return None;
                        }
                    }
                }
                let always = self.mk(ExprKind::Const(Const::Bool(true)), sp);
                StmtKind::If(always, stmts, Vec::new())
            }
            ast::Stmt::Match(_) => {
                self.unsupported(sp, "a `match` statement", "use an if/elif chain");
                return None;
            }
            ast::Stmt::TryStar(_) => {
                self.unsupported(sp, "`except*`", "catch exceptions with a plain `except`");
                return None;
            }
            ast::Stmt::TypeAlias(_) => {
                self.unsupported(sp, "a `type` alias", "write the type where it is needed");
                return None;
            }
        };
        Some(Stmt { kind, span: sp })
    }

    fn exc_classes(&mut self, ty: &ast::Expr) -> Vec<i64> {
        let items: Vec<&ast::Expr> = match ty {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut out = Vec::new();
        for it in items {
            match it {
                ast::Expr::Name(n) if bodo_abi::exc_by_name(n.id.as_str()).is_some() => {
                    out.push(bodo_abi::exc_by_name(n.id.as_str()).map(|c| c.id).unwrap_or(0));
                }
                other => {
                    let sp = self.sp(other.range());
                    self.diags.push(
                        Diagnostic::error(sp, "expected a built-in exception class")
                            .label("not a built-in exception")
                            .help(
                                "catch built-in exceptions such as ValueError, KeyError, IndexError, ZeroDivisionError",
                            ),
                    );
                }
            }
        }
        out
    }

    fn target(&mut self, e: &ast::Expr) -> Target {
        let sp = self.sp(e.range());
        match e {
            ast::Expr::Name(n) => Target::Local(self.lookup_local(n.id.as_str()).unwrap_or(0), sp),
            ast::Expr::Tuple(t) => Target::Tuple(t.elts.iter().map(|e| self.target(e)).collect(), sp),
            ast::Expr::List(t) => Target::Tuple(t.elts.iter().map(|e| self.target(e)).collect(), sp),
            ast::Expr::Subscript(s) => {
                let v = self.expr(&s.value);
                let i = self.index(&s.slice);
                Target::Index(v, i, sp)
            }
            ast::Expr::Attribute(_) => {
                self.unsupported(sp, "assignment to an attribute", "assign to a variable or a subscript");
                Target::Local(0, sp)
            }
            // Statements unpack starred targets (`lower/unpack.rs`); comprehensions cannot.
            ast::Expr::Starred(_) => {
                self.unsupported(sp, "a starred target here", "unpack in a for statement: `for h, *t in rows:`");
                Target::Local(0, sp)
            }
            _ => {
                self.unsupported(sp, "this assignment target", "assign to names, tuples of names or subscripts");
                Target::Local(0, sp)
            }
        }
    }

    /// Whether `e` is the builtin `name`, not rebound by the program.
    pub(super) fn is_builtin_name(&self, e: &ast::Expr, name: &str) -> bool {
        matches!(e, ast::Expr::Name(n) if n.id.as_str() == name)
            && self.lookup_local(name).is_none()
            && !self.ctx.globals.contains_key(name)
    }

    fn lookup_local(&self, name: &str) -> Option<LocalId> {
        for s in self.comp_scopes.iter().rev() {
            if let Some(&l) = s.get(name) {
                return Some(l);
            }
        }
        self.scope.get(name).copied()
    }

    fn name(&mut self, name: &str, sp: Span) -> Expr {
        if self.lambda_named(name).is_some() {
            self.unsupported(
                sp,
                "a lambda variable used as a value",
                "call it, or pass it as key= to sorted/min/max or as map's function",
            );
            return self.error_expr(sp);
        }
        if let Some(l) = self.lookup_local(name) {
            return self.mk(ExprKind::Local(l), sp);
        }
        let kind = match self.ctx.globals.get(name) {
            Some(Global::Func(f)) => ExprKind::Func(*f),
            Some(Global::Module(m)) => ExprKind::Module(*m),
            Some(Global::ModAttr(m, a)) => ExprKind::ModAttr(*m, a.clone()),
            Some(Global::Const(c)) => ExprKind::Const(c.clone()),
            Some(Global::Display(d)) => {
                let d = d.clone();
                return self.expr(&d);
            }
            Some(Global::Reported) => ExprKind::Const(Const::None),
            Some(Global::Mutated) => {
                if self.undefined.insert(name.to_string()) {
                    self.diags.push(
                        Diagnostic::error(
                            sp,
                            format!("module-level '{name}' is changed in place, so functions cannot use it"),
                        )
                        .label("module-level container")
                        .help("only module-level constants reach functions: pass it as an argument (and return it)"),
                    );
                }
                ExprKind::Const(Const::None)
            }
            None => {
                if let Some(b) = Builtin::from_name(name) {
                    ExprKind::Builtin(b)
                } else if let Some(c) = bodo_abi::exc_by_name(name) {
                    ExprKind::ExcClass(c.id)
                } else if name == "__name__" {
                    ExprKind::Const(Const::Str("__main__".into()))
                } else {
                    self.undefined_name(name, sp);
                    ExprKind::Const(Const::None)
                }
            }
        };
        self.mk(kind, sp)
    }

    /// Report an undefined name at its first use, suggesting a similar
    /// name in scope the way CPython does ("Did you mean: ...?").
    fn undefined_name(&mut self, name: &str, sp: Span) {
        if !self.undefined.insert(name.to_string()) {
            return;
        }
        if let Some(help) = super::suggest::unsupported_builtin(name) {
            let msg = format!("the builtin `{name}` is not supported");
            self.diags.push(Diagnostic::error(sp, msg).label("a Python builtin bodoc does not compile").help(help));
            return;
        }
        let in_scope = self.comp_scopes.iter().flat_map(|s| s.keys()).chain(self.scope.keys());
        let candidates = in_scope.chain(self.ctx.globals.keys()).map(String::as_str);
        let help = match super::suggest::similar_name(name, candidates) {
            Some(similar) => format!("did you mean '{similar}'?"),
            None => "define it before use, pass it as an argument, or import it".to_string(),
        };
        self.diags.push(Diagnostic::error(sp, format!("name '{name}' is not defined")).label("not defined").help(help));
    }

    /// Report `x op= v` where nothing ever assigns `x` a first value
    /// (Python's UnboundLocalError), once per name.
    fn never_assigned(&mut self, name: &str, sp: Span) {
        if !self.undefined.insert(name.to_string()) {
            return;
        }
        if let Some(help) = super::suggest::unsupported_builtin(name) {
            let msg = format!("the builtin `{name}` is not supported");
            self.diags.push(Diagnostic::error(sp, msg).label("a Python builtin bodoc does not compile").help(help));
            return;
        }
        let in_scope = self.scope.keys().filter(|n| !self.aug_only.contains(*n));
        let candidates = in_scope.chain(self.ctx.globals.keys()).map(String::as_str);
        let help = match super::suggest::similar_name(name, candidates) {
            Some(similar) => format!("did you mean '{similar}'?"),
            None => format!("give it a starting value first, e.g. `{name} = 0`"),
        };
        self.diags.push(
            Diagnostic::error(sp, format!("local variable '{name}' is read before it is ever assigned"))
                .label(format!("reads '{name}', which no statement assigns"))
                .help(help),
        );
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Vec<Expr> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    /// A subscript's index: slices (alone in a target, or as parts of a
    /// tuple such as `X[:, j]`) become `SliceBounds`.
    fn index(&mut self, e: &ast::Expr) -> Expr {
        match e {
            ast::Expr::Slice(sl) => {
                let lo = sl.lower.as_ref().map(|x| self.boxed(x));
                let hi = sl.upper.as_ref().map(|x| self.boxed(x));
                let st = sl.step.as_ref().map(|x| self.boxed(x));
                self.mk(ExprKind::SliceBounds(lo, hi, st), self.sp(e.range()))
            }
            ast::Expr::Tuple(t) if t.elts.iter().any(|x| matches!(x, ast::Expr::Slice(_))) => {
                let items = t.elts.iter().map(|x| self.index(x)).collect();
                self.mk(ExprKind::Tuple(items), self.sp(e.range()))
            }
            other => self.expr(other),
        }
    }

    fn boxed(&mut self, e: &ast::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&mut self, e: &ast::Expr) -> Expr {
        let sp = self.sp(e.range());
        match e {
            ast::Expr::Constant(c) => {
                let k = match &c.value {
                    ast::Constant::Int(i) => self.int_literal(i, false, sp),
                    ast::Constant::Float(f) => Const::Float(*f),
                    ast::Constant::Str(s) => Const::Str(s.clone()),
                    ast::Constant::Bool(b) => Const::Bool(*b),
                    ast::Constant::None => Const::None,
                    other => {
                        let what = match other {
                            ast::Constant::Bytes(_) => "a bytes literal",
                            ast::Constant::Complex { .. } => "a complex literal",
                            ast::Constant::Ellipsis => "`...` (Ellipsis)",
                            _ => "this kind of literal",
                        };
                        self.unsupported(sp, what, "use int, float, str, bool or None literals");
                        Const::None
                    }
                };
                self.mk(ExprKind::Const(k), sp)
            }
            ast::Expr::Name(n) => self.name(n.id.as_str(), sp),
            ast::Expr::Attribute(a) => {
                if let Some(x) = self.type_of_arg(a) {
                    let arg = self.expr(x);
                    let f = self.mk(ExprKind::Builtin(Builtin::TypeName), sp);
                    return self.mk(ExprKind::Call { func: Box::new(f), args: vec![arg], kwargs: Vec::new() }, sp);
                }
                let v = self.expr(&a.value);
                match v.kind {
                    ExprKind::Module(m) => self.mk(ExprKind::ModAttr(m, a.attr.to_string()), sp),
                    // Submodules (`np.random.ranf`) are one dotted attribute of the package.
                    ExprKind::ModAttr(m, sub) if is_submodule(m, &sub) => {
                        self.mk(ExprKind::ModAttr(m, format!("{sub}.{}", a.attr)), sp)
                    }
                    _ => self.mk(ExprKind::Attr(Box::new(v), a.attr.to_string()), sp),
                }
            }
            ast::Expr::Call(c) => self.call(c, sp),
            ast::Expr::BinOp(b) => {
                if b.op == ast::Operator::Mod {
                    if let Some(fmt) = self.const_str(&b.left) {
                        return self.percent_format(&fmt, &b.right, sp);
                    }
                }
                if b.op == ast::Operator::MatMult {
                    // `a @ b` is np.matmul(a, b): np.dot for the 1D and 2D
                    // operands bodoc supports, with every rule np.dot has
                    // but matmul's wording of a shape mismatch.
                    let f = self.mk(ExprKind::ModAttr(Module::Numpy, "matmul".to_string()), sp);
                    let args = vec![self.expr(&b.left), self.expr(&b.right)];
                    return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs: Vec::new() }, sp);
                }
                let (l, r) = outer_operands(self.boxed(&b.left), self.boxed(&b.right));
                self.mk(ExprKind::Bin(binop(b.op), l, r), sp)
            }
            ast::Expr::UnaryOp(u) => {
                if let Some(digits) = negated_int_literal(u) {
                    let k = self.int_literal(digits, true, sp);
                    return self.mk(ExprKind::Const(k), sp);
                }
                let op = match u.op {
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::Invert => UnOp::Invert,
                };
                let v = self.boxed(&u.operand);
                self.mk(ExprKind::Unary(op, v), sp)
            }
            ast::Expr::BoolOp(b) => {
                let vs = self.exprs(&b.values);
                self.mk(ExprKind::BoolOp(b.op == ast::BoolOp::And, vs), sp)
            }
            ast::Expr::Compare(c) => {
                let first = self.boxed(&c.left);
                let mut chain = Vec::new();
                for (op, rhs) in c.ops.iter().zip(&c.comparators) {
                    let op = match op {
                        ast::CmpOp::Eq => CmpOp::Eq,
                        ast::CmpOp::NotEq => CmpOp::Ne,
                        ast::CmpOp::Lt => CmpOp::Lt,
                        ast::CmpOp::LtE => CmpOp::Le,
                        ast::CmpOp::Gt => CmpOp::Gt,
                        ast::CmpOp::GtE => CmpOp::Ge,
                        ast::CmpOp::In => CmpOp::In,
                        ast::CmpOp::NotIn => CmpOp::NotIn,
                        ast::CmpOp::Is => CmpOp::Is,
                        ast::CmpOp::IsNot => CmpOp::IsNot,
                    };
                    chain.push((op, self.expr(rhs)));
                }
                self.mk(ExprKind::Compare(first, chain), sp)
            }
            ast::Expr::IfExp(i) => {
                let c = self.boxed(&i.test);
                let a = self.boxed(&i.body);
                let b = self.boxed(&i.orelse);
                self.mk(ExprKind::IfExp(c, a, b), sp)
            }
            ast::Expr::List(l) => match self.starred_display(&l.elts, Display::List, sp) {
                Some(e) => e,
                None => {
                    let v = self.exprs(&l.elts);
                    self.mk(ExprKind::List(v), sp)
                }
            },
            ast::Expr::Tuple(t) => match self.starred_display(&t.elts, Display::Tuple, sp) {
                Some(e) => e,
                None => {
                    let v = self.exprs(&t.elts);
                    self.mk(ExprKind::Tuple(v), sp)
                }
            },
            ast::Expr::Set(s) => match self.starred_display(&s.elts, Display::Set, sp) {
                Some(e) => e,
                None => {
                    let v = self.exprs(&s.elts);
                    self.mk(ExprKind::Set(v), sp)
                }
            },
            ast::Expr::Dict(d) if d.keys.iter().any(Option::is_none) => self.dict_unpack(d, sp),
            ast::Expr::Dict(d) => {
                let mut items = Vec::new();
                for (k, v) in d.keys.iter().zip(&d.values).filter_map(|(k, v)| Some((k.as_ref()?, v))) {
                    let k = self.expr(k);
                    let v = self.expr(v);
                    items.push((k, v));
                }
                self.mk(ExprKind::Dict(items), sp)
            }
            ast::Expr::Subscript(s) => {
                let v = self.boxed(&s.value);
                if let ast::Expr::Slice(sl) = &*s.slice {
                    let lo = sl.lower.as_ref().map(|x| self.boxed(x));
                    let hi = sl.upper.as_ref().map(|x| self.boxed(x));
                    let st = sl.step.as_ref().map(|x| self.boxed(x));
                    return self.mk(ExprKind::Slice(v, lo, hi, st), sp);
                }
                let i = self.index(&s.slice);
                self.subscript_read(v, i, sp)
            }
            ast::Expr::ListComp(c) => self.comp(CompKind::List, &c.elt, None, &c.generators, sp),
            ast::Expr::SetComp(c) => self.comp(CompKind::Set, &c.elt, None, &c.generators, sp),
            ast::Expr::GeneratorExp(c) => self.comp(CompKind::Gen, &c.elt, None, &c.generators, sp),
            ast::Expr::DictComp(c) => self.comp(CompKind::Dict, &c.key, Some(&c.value), &c.generators, sp),
            ast::Expr::JoinedStr(j) => {
                let parts = self.fparts(&j.values);
                self.mk(ExprKind::FString(parts), sp)
            }
            ast::Expr::FormattedValue(_) => {
                let parts = self.fparts(std::slice::from_ref(e));
                self.mk(ExprKind::FString(parts), sp)
            }
            ast::Expr::Lambda(_) => {
                self.unsupported(sp, "a lambda here", "define a function with def");
                self.error_expr(sp)
            }
            ast::Expr::Starred(_) => {
                self.unsupported(sp, "`*` unpacking", "pass the elements explicitly");
                self.error_expr(sp)
            }
            ast::Expr::NamedExpr(n) => {
                if let ast::Expr::Name(t) = &*n.target {
                    self.undefined.insert(t.id.to_string());
                }
                self.unsupported(sp, "the walrus operator `:=`", "assign in a separate statement");
                self.error_expr(sp)
            }
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => {
                let what = if matches!(e, ast::Expr::Yield(_)) { "`yield`" } else { "`yield from`" };
                self.unsupported(sp, what, "generators are not supported: build a list and return it");
                self.error_expr(sp)
            }
            ast::Expr::Await(_) => {
                self.unsupported(sp, "`await`", "bodoc has no coroutines: call the function directly");
                self.error_expr(sp)
            }
            ast::Expr::Slice(_) => {
                self.unsupported(sp, "a slice outside of `[]`", "use slices only in subscripts such as `x[1:3]`");
                self.error_expr(sp)
            }
        }
    }

    fn fparts(&mut self, values: &[ast::Expr]) -> Vec<FPart> {
        let mut out = Vec::new();
        for v in values {
            match v {
                ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => {
                    out.push(FPart::Lit(s.clone()))
                }
                ast::Expr::FormattedValue(f) => {
                    let expr = self.expr(&f.value);
                    let conv = match f.conversion {
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                        ast::ConversionFlag::None => Conversion::None,
                    };
                    let spec = f.format_spec.as_ref().map(|s| match &**s {
                        ast::Expr::JoinedStr(j) => self.fparts(&j.values),
                        other => self.fparts(std::slice::from_ref(other)),
                    });
                    out.push(FPart::Value { expr, conv, spec });
                }
                ast::Expr::JoinedStr(j) => out.extend(self.fparts(&j.values)),
                other => {
                    let expr = self.expr(other);
                    out.push(FPart::Value { expr, conv: Conversion::None, spec: None });
                }
            }
        }
        out
    }

    fn comp(
        &mut self,
        kind: CompKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        gens: &[ast::Comprehension],
        sp: Span,
    ) -> Expr {
        let mut hgens = Vec::new();
        let depth = self.comp_scopes.len();
        for g in gens {
            // The iterable of a generator is evaluated in the enclosing scope.
            let iter = self.expr(&g.iter);
            let mut names = Vec::new();
            collect_target_names(&g.target, &mut names);
            let mut scope = HashMap::new();
            for n in names {
                let id = self.new_local(&n, sp);
                scope.insert(n, id);
            }
            self.comp_scopes.push(scope);
            let target = self.target(&g.target);
            let conds = self.exprs(&g.ifs);
            hgens.push(CompGen { target, iter, conds });
        }
        let elt = self.boxed(elt);
        let value = value.map(|v| self.boxed(v));
        self.comp_scopes.truncate(depth);
        self.mk(ExprKind::Comp { kind, elt, value, gens: hgens }, sp)
    }

    /// A call's keyword arguments; `**d` is one named `**` where `spread`
    /// (a user function's call), unsupported elsewhere.
    fn kwargs(&mut self, keywords: &[ast::Keyword], spread: bool) -> Vec<Kwarg> {
        let mut kwargs = Vec::new();
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    let value = self.expr(&k.value);
                    kwargs.push(Kwarg { name: name.to_string(), value, span: self.sp(k.range) });
                }
                // `**{"a": x}`: a display's literal keys are keyword arguments.
                None if literal_keys(&k.value).is_some() => {
                    let ast::Expr::Dict(d) = &k.value else { continue };
                    for (name, v) in literal_keys(&k.value).into_iter().flatten().zip(&d.values) {
                        let value = self.expr(v);
                        kwargs.push(Kwarg { name, value, span: self.sp(v.range()) });
                    }
                }
                None if spread => {
                    let value = self.expr(&k.value);
                    kwargs.push(Kwarg { name: "**".into(), value, span: self.sp(k.range) });
                }
                None => self.unsupported(
                    self.sp(k.range),
                    "a `**` argument",
                    "pass the keyword arguments one by one (`f(name=rec[\"name\"])`)",
                ),
            }
        }
        kwargs
    }

    fn call(&mut self, c: &ast::ExprCall, sp: Span) -> Expr {
        if let Some(e) = self.zip_rows(c, sp) {
            return e;
        }
        match self.splice_starred(c) {
            Ok(Some(spliced)) => return self.call(&spliced, sp),
            Ok(None) => {}
            Err(()) => return self.error_expr(sp),
        }
        if let Some(e) = self.min_max_starred(c, sp) {
            return e;
        }
        if let Some(e) = self
            .dict_call(c, sp)
            .or_else(|| self.str_call(c, sp))
            .or_else(|| self.value_map_call(c, sp))
            .or_else(|| self.dict_keywords(c, sp))
            .or_else(|| self.keepdims_call(c, sp))
        {
            return e;
        }
        // "...".format(...) on a literal or constant is an f-string in disguise.
        if let ast::Expr::Attribute(a) = &*c.func {
            if a.attr.as_str() == "format" {
                if let Some(fmt) = self.const_str(&a.value) {
                    return self.str_format(&fmt, c, sp);
                }
            }
        }
        // format(v, spec) is f"{v:{spec}}", map(f, xs) is (f(v) for v in xs)
        // and filter(f, xs) is (v for v in xs if f(v)) where format, map and
        // filter are the builtins.
        if let ast::Expr::Name(n) = &*c.func {
            let name = n.id.as_str();
            let builtin = self.is_builtin_name(&c.func, name);
            if name == "map" && builtin && c.args.len() == 2 && c.keywords.is_empty() {
                return self.map(c, sp);
            }
            if name == "filter" && builtin && c.args.len() == 2 && c.keywords.is_empty() {
                return self.filter(c, sp);
            }
            // dict(pairs) where the pairs are visible in the source (zip of
            // two, enumerate, .items(), a display or comprehension of 2-tuples):
            // {k: v for k, v in pairs}.
            if name == "dict" && builtin && c.args.len() == 1 && c.keywords.is_empty() && yields_pairs(&c.args[0]) {
                let r = c.range;
                let var = |id: &str, ctx| ast::Expr::Name(ast::ExprName { range: r, id: id.into(), ctx });
                let target = ast::Expr::Tuple(ast::ExprTuple {
                    range: r,
                    elts: vec![var("$k", ast::ExprContext::Store), var("$v", ast::ExprContext::Store)],
                    ctx: ast::ExprContext::Store,
                });
                let generator = ast::Comprehension {
                    range: Default::default(),
                    target,
                    iter: c.args[0].clone(),
                    ifs: vec![],
                    is_async: false,
                };
                let (k, v) = (var("$k", ast::ExprContext::Load), var("$v", ast::ExprContext::Load));
                return self.comp(CompKind::Dict, &k, Some(&v), &[generator], sp);
            }
            if name == "print" && builtin && Self::has_star_arg(c) {
                return self.print_starred(c);
            }
            // ascii(v) is f"{v!a}".
            if name == "ascii" && builtin && c.args.len() == 1 && c.keywords.is_empty() {
                let expr = self.expr(&c.args[0]);
                return self
                    .mk(ExprKind::FString(vec![FPart::Value { expr, conv: Conversion::Ascii, spec: None }]), sp);
            }
            // hex/oct/bin(v) are f"{v:#x}", f"{v:#o}", f"{v:#b}" of a value
            // that must be an int (inference checks it).
            let radix = match name {
                "hex" => Some("#x"),
                "oct" => Some("#o"),
                "bin" => Some("#b"),
                _ => None,
            };
            if let Some(spec) = radix.filter(|_| builtin && c.args.len() == 1 && c.keywords.is_empty()) {
                let expr = self.expr(&c.args[0]);
                let spec = Some(vec![FPart::Lit(spec.into())]);
                return self.mk(ExprKind::FString(vec![FPart::Value { expr, conv: Conversion::Index, spec }]), sp);
            }
            if name == "format" && builtin && (1..=2).contains(&c.args.len()) && c.keywords.is_empty() {
                let expr = self.expr(&c.args[0]);
                let spec = c.args.get(1).map(|s| {
                    let s = self.expr(s);
                    vec![FPart::Value { expr: s, conv: Conversion::None, spec: None }]
                });
                return self.mk(ExprKind::FString(vec![FPart::Value { expr, conv: Conversion::None, spec }]), sp);
            }
        }
        if c.keywords.iter().any(|k| k.arg.as_deref() == Some("key")) {
            // l.sort(key=k, reverse=r): l.$replace(sorted(l, key=k, reverse=r)),
            // `l` a name or a read such as `groups[dept]` that may be read twice.
            if let ast::Expr::Attribute(a) = &*c.func {
                let readable = |e: &ast::Expr| match e {
                    ast::Expr::Name(_) => true,
                    ast::Expr::Subscript(x) => matches!(&*x.value, ast::Expr::Name(_) | ast::Expr::Subscript(_)),
                    _ => false,
                };
                if a.attr.as_str() == "sort" && c.args.is_empty() && readable(&a.value) && {
                    let recv = self.expr(&a.value);
                    recv.is_repeatable()
                } {
                    let func = ast::ExprName { range: a.range, id: "sorted".into(), ctx: ast::ExprContext::Load };
                    let call = ast::ExprCall {
                        range: c.range,
                        func: Box::new(ast::Expr::Name(func)),
                        args: vec![(*a.value).clone()],
                        keywords: c.keywords.clone(),
                    };
                    let sorted = self.keyed("sorted", &call, sp);
                    let recv = self.expr(&a.value);
                    let kind = ExprKind::MethodCall {
                        recv: Box::new(recv),
                        name: "$replace".into(),
                        args: vec![sorted],
                        kwargs: Vec::new(),
                    };
                    return self.mk(kind, sp);
                }
            }
        }
        if !c.args.is_empty() && c.keywords.iter().any(|k| k.arg.as_deref() == Some("key")) {
            if let ast::Expr::Name(n) = &*c.func {
                if matches!(self.expr(&c.func).kind, ExprKind::Builtin(Builtin::Sorted | Builtin::Min | Builtin::Max)) {
                    return self.keyed(n.id.as_str(), c, sp);
                }
            }
        }
        let spread = self.spreads_into_user_fn(c);
        let mut kwargs = self.kwargs(&c.keywords, spread);
        if let ast::Expr::Attribute(a) = &*c.func {
            let recv = self.expr(&a.value);
            let qualified = match recv.kind {
                ExprKind::Module(m) => Some((m, a.attr.to_string())),
                ExprKind::ModAttr(m, ref sub) if is_submodule(m, sub) => Some((m, format!("{sub}.{}", a.attr))),
                _ => None,
            };
            if let Some((m, name)) = qualified {
                let fsp = self.sp(a.range);
                let mut args = self.exprs(&c.args);
                let sugar = match (m, name.as_str()) {
                    (Module::Numpy, "linalg.norm") => self.linalg_norm(&mut args, &mut kwargs, sp),
                    (Module::Numpy, "unique") => self.unique_counts(&mut args, &mut kwargs, sp),
                    (Module::Numpy, "outer") => self.outer(&mut args, &kwargs, sp),
                    (Module::Numpy, "trace") => self.trace(&mut args, &kwargs, sp),
                    (Module::Numpy, "expand_dims") => self.expand_dims(&mut args, &mut kwargs, sp),
                    (Module::Numpy, "argsort") => self.argsort_columns(&mut args, &mut kwargs, sp),
                    (Module::Numpy, "transpose") if args.len() == 1 && kwargs.is_empty() => {
                        Some(self.mk(ExprKind::Attr(Box::new(args.remove(0)), "T".into()), sp))
                    }
                    (Module::Numpy, n) => self.np_formula(n, &mut args, &mut kwargs, sp),
                    _ => None,
                };
                if let Some(e) = sugar {
                    return e;
                }
                if m == Module::Numpy && name == "diff" {
                    match self.np_diff(&mut args, &mut kwargs, sp) {
                        Ok(Some(along_axis)) => return along_axis,
                        Ok(None) => {}
                        Err(()) => return self.error_expr(sp),
                    }
                }
                if m == Module::Numpy && kwargs.is_empty() {
                    // The ufuncs of operators are the operators.
                    if let (Some(op), 2) = (np_operator(&name), args.len()) {
                        let b = args.pop().map(Box::new);
                        let a = args.pop().map(Box::new);
                        if let (Some(a), Some(b)) = (a, b) {
                            return self.mk(ExprKind::Bin(op, a, b), sp);
                        }
                    }
                    // The scalar types as constructors are the builtins of the
                    // values they box to: np.float64(x) is float(x).
                    let scalar = match name.as_str() {
                        "float64" => Some(Builtin::Float),
                        "int64" => Some(Builtin::Int),
                        "bool_" => Some(Builtin::Bool),
                        _ => None,
                    };
                    if let (Some(b), 1) = (scalar, args.len()) {
                        let f = self.mk(ExprKind::Builtin(b), fsp);
                        return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
                    }
                    // np.where(c) is np.nonzero(c).
                    if let ("where", 1) = (name.as_str(), args.len()) {
                        let f = self.mk(ExprKind::ModAttr(m, "nonzero".into()), fsp);
                        return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
                    }
                    // np.argwhere(a) is np.column_stack(np.nonzero(a)): one
                    // row per non-zero element, one column per axis.
                    if let ("argwhere", 1) = (name.as_str(), args.len()) {
                        let nz = self.mk(ExprKind::ModAttr(m, "nonzero".into()), fsp);
                        let nz = self.mk(ExprKind::Call { func: Box::new(nz), args, kwargs }, sp);
                        let f = self.mk(ExprKind::ModAttr(m, "column_stack".into()), fsp);
                        return self.mk(ExprKind::Call { func: Box::new(f), args: vec![nz], kwargs: Vec::new() }, sp);
                    }
                    // np.copy(a) is np.array(a), which copies an array too.
                    if let ("copy", 1) = (name.as_str(), args.len()) {
                        let f = self.mk(ExprKind::ModAttr(m, "array".into()), fsp);
                        return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
                    }
                    // np.count_nonzero(a) is (a != 0).sum().
                    if let ("count_nonzero", 1) = (name.as_str(), args.len()) {
                        let zero = self.mk(ExprKind::Const(Const::Int(0)), sp);
                        let ne = self.mk(ExprKind::Compare(Box::new(args.remove(0)), vec![(CmpOp::Ne, zero)]), sp);
                        let kind = ExprKind::MethodCall { recv: Box::new(ne), name: "sum".into(), args, kwargs };
                        return self.mk(kind, sp);
                    }
                    if name == "clip" {
                        if let Some(e) = self.np_clip(&mut args, sp) {
                            return e;
                        }
                    }
                }
                let f = self.mk(ExprKind::ModAttr(m, name), fsp);
                return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
            }
            let mut args = self.exprs(&c.args);
            let name = a.attr.to_string();
            // `np.add.accumulate(a, axis=0)` and friends are running totals
            // along axis 0 (the default, also for 2D arrays).
            if let (ExprKind::ModAttr(Module::Numpy, ufunc), "accumulate") = (&recv.kind, name.as_str()) {
                let running = match ufunc.as_str() {
                    "add" => Some("cumsum"),
                    "multiply" => Some("cumprod"),
                    "maximum" => Some("$cummax"),
                    "minimum" => Some("$cummin"),
                    _ => None,
                };
                if let Some(f) = running {
                    if args.len() == 1 && !kwargs.iter().any(|k| k.name == "axis") {
                        let zero = self.mk(ExprKind::Const(Const::Int(0)), sp);
                        kwargs.push(Kwarg { name: "axis".into(), value: zero, span: sp });
                    }
                    let f = self.mk(ExprKind::ModAttr(Module::Numpy, f.into()), sp);
                    return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
                }
            }
            // `a.clip(lo, hi)`, `a.round(k)` and `a.dot(b)` are NumPy's
            // functions of `a` (no builtin type has these methods).
            if matches!(name.as_str(), "clip" | "round" | "dot") {
                args.insert(0, recv);
                if name == "clip" && kwargs.is_empty() {
                    if let Some(e) = self.np_clip(&mut args, sp) {
                        return e;
                    }
                }
                let f = self.mk(ExprKind::ModAttr(Module::Numpy, name), sp);
                return self.mk(ExprKind::Call { func: Box::new(f), args, kwargs }, sp);
            }
            // `a.argsort(axis=0)` is `np.argsort(a, axis=0)` (no builtin type has the method).
            let recv = if name == "argsort" && args.is_empty() {
                let mut one = vec![recv];
                if let Some(e) = self.argsort_columns(&mut one, &mut kwargs, sp) {
                    return e;
                }
                one.remove(0)
            } else {
                recv
            };
            // `a.transpose()` is `a.T` (no builtin type has the method).
            if name == "transpose" && args.is_empty() && kwargs.is_empty() {
                return self.mk(ExprKind::Attr(Box::new(recv), "T".into()), sp);
            }
            if matches!(name.as_str(), "union" | "intersection" | "difference") && args.len() > 1 && kwargs.is_empty() {
                // `a.union(b, c)` is `a.union(b).union(c)`.
                return args.into_iter().fold(recv, |acc, arg| {
                    self.mk(
                        ExprKind::MethodCall {
                            recv: Box::new(acc),
                            name: name.clone(),
                            args: vec![arg],
                            kwargs: vec![],
                        },
                        sp,
                    )
                });
            }
            if let Some(ascending) = top_rows::top_rows_order(&name, &args, &kwargs) {
                return self.top_rows(recv, ascending, args, kwargs, sp);
            }
            return self.mk(ExprKind::MethodCall { recv: Box::new(recv), name, args, kwargs }, sp);
        }
        let args = if spread { self.spread_args(&c.args) } else { self.exprs(&c.args) };
        if let Some(l) = self.lambda_named_expr(&c.func) {
            return self.call_lambda(&l, args, kwargs, sp);
        }
        let f = self.boxed(&c.func);
        self.mk(ExprKind::Call { func: f, args, kwargs }, sp)
    }

    /// `np.clip(a, lo, hi)` (`args`) as `np.minimum(np.maximum(a, lo), hi)`,
    /// or None to leave other argument counts for inference to report.
    fn np_clip(&mut self, args: &mut Vec<Expr>, sp: Span) -> Option<Expr> {
        if args.len() != 3 {
            return None;
        }
        let hi = args.pop()?;
        let inner = self.mk(ExprKind::ModAttr(Module::Numpy, "maximum".into()), sp);
        let inner =
            self.mk(ExprKind::Call { func: Box::new(inner), args: std::mem::take(args), kwargs: Vec::new() }, sp);
        let f = self.mk(ExprKind::ModAttr(Module::Numpy, "minimum".into()), sp);
        Some(self.mk(ExprKind::Call { func: Box::new(f), args: vec![inner, hi], kwargs: Vec::new() }, sp))
    }

    /// `sorted(xs, key=k, reverse=r)`, `min(xs, key=k)`, `max(a, b, key=k)`
    /// as a sort of `(k(v), position, v)` tuples, the position breaking ties
    /// in the original order (negated where the sort is descending, so ties
    /// stay stable): `[t[2] for t in sorted([(k(v), i, v) for i, v in
    /// enumerate(xs)])]`; min/max take the first of the sorted tuples.
    fn keyed(&mut self, name: &str, c: &ast::ExprCall, sp: Span) -> Expr {
        let seq = if c.args.len() == 1 {
            self.expr(&c.args[0])
        } else {
            let items = self.exprs(&c.args);
            self.mk(ExprKind::List(items), sp)
        };
        let (mut key, mut reverse, mut default) = (None, None, None);
        for k in &c.keywords {
            match k.arg.as_deref() {
                Some("key") => key = Some(&k.value),
                Some("reverse") if name == "sorted" => reverse = Some(&k.value),
                Some("default") if name != "sorted" && c.args.len() == 1 => default = Some(k),
                _ => {
                    let what = format!("{name}() with this keyword argument");
                    self.unsupported(self.sp(k.range), &what, "use key= (and reverse= for sorted)");
                }
            }
        }
        let key = key.expect("key= present");
        let i = self.new_local("$i", sp);
        let Some((v, body)) = self.apply_fn(key) else {
            return self.error_expr(sp);
        };
        // The tie-break position: -i where the sort is descending.
        let desc = match (name, reverse.map(literal_const)) {
            ("max", _) => Some(true),
            (_, None) => Some(false),
            (_, Some(Some(Const::Bool(b)))) => Some(b),
            _ => None,
        };
        let pos = self.mk(ExprKind::Local(i), sp);
        let neg = |this: &mut Self| {
            let p = this.mk(ExprKind::Local(i), sp);
            this.mk(ExprKind::Unary(UnOp::Neg, Box::new(p)), sp)
        };
        let pos = match desc {
            Some(false) => pos,
            Some(true) => neg(self),
            None => {
                let r = self.expr(reverse.expect("reverse given"));
                let n = neg(self);
                self.mk(ExprKind::IfExp(Box::new(r), Box::new(n), Box::new(pos)), sp)
            }
        };
        let item = self.mk(ExprKind::Local(v), sp);
        let elt = self.mk(ExprKind::Tuple(vec![body, pos, item]), sp);
        let en = self.mk(ExprKind::Builtin(Builtin::Enumerate), sp);
        let iter = self.mk(ExprKind::Call { func: Box::new(en), args: vec![seq], kwargs: Vec::new() }, sp);
        let target = Target::Tuple(vec![Target::Local(i, sp), Target::Local(v, sp)], sp);
        let gens = vec![CompGen { target, iter, conds: Vec::new() }];
        let pairs = self.mk(ExprKind::Comp { kind: CompKind::List, elt: Box::new(elt), value: None, gens }, sp);
        let reverse = match name {
            "max" => Some(self.mk(ExprKind::Const(Const::Bool(true)), sp)),
            _ => reverse.map(|r| self.expr(r)),
        };
        let kwargs = reverse.map(|r| Kwarg { name: "reverse".into(), value: r, span: sp }).into_iter().collect();
        let sf = self.mk(ExprKind::Builtin(Builtin::Sorted), sp);
        let sorted = self.mk(ExprKind::Call { func: Box::new(sf), args: vec![pairs], kwargs }, sp);
        let two = self.mk(ExprKind::Const(Const::Int(2)), sp);
        if let Some(d) = default {
            // min(xs, key=k, default=d): min([t[2] for t in sorted(...)[:1]], default=d).
            let one = self.mk(ExprKind::Const(Const::Int(1)), sp);
            let first = self.mk(ExprKind::Slice(Box::new(sorted), None, Some(Box::new(one)), None), sp);
            let items = self.third_items(first, sp);
            let value = self.expr(&d.value);
            let kwargs = vec![Kwarg { name: "default".into(), value, span: self.sp(d.range) }];
            let f = self.mk(ExprKind::Builtin(if name == "min" { Builtin::Min } else { Builtin::Max }), sp);
            return self.mk(ExprKind::Call { func: Box::new(f), args: vec![items], kwargs }, sp);
        }
        if name != "sorted" {
            let zero = self.mk(ExprKind::Const(Const::Int(0)), sp);
            let first = self.mk(ExprKind::Index(Box::new(sorted), Box::new(zero)), sp);
            return self.mk(ExprKind::Index(Box::new(first), Box::new(two)), sp);
        }
        self.third_items(sorted, sp)
    }

    /// `[t[2] for t in tuples]`: the values of sorted `(key, position, value)` tuples.
    fn third_items(&mut self, tuples: Expr, sp: Span) -> Expr {
        let t = self.new_local("$t", sp);
        let tl = self.mk(ExprKind::Local(t), sp);
        let two = self.mk(ExprKind::Const(Const::Int(2)), sp);
        let elt = self.mk(ExprKind::Index(Box::new(tl), Box::new(two)), sp);
        let gens = vec![CompGen { target: Target::Local(t, sp), iter: tuples, conds: Vec::new() }];
        self.mk(ExprKind::Comp { kind: CompKind::List, elt: Box::new(elt), value: None, gens }, sp)
    }

    /// `map(f, xs)`: `(f(v) for v in xs)`.
    fn map(&mut self, c: &ast::ExprCall, sp: Span) -> Expr {
        let iter = self.expr(&c.args[1]);
        let Some((v, body)) = self.apply_fn(&c.args[0]) else {
            return self.error_expr(sp);
        };
        let gens = vec![CompGen { target: Target::Local(v, sp), iter, conds: Vec::new() }];
        self.mk(ExprKind::Comp { kind: CompKind::Gen, elt: Box::new(body), value: None, gens }, sp)
    }

    /// `filter(f, xs)`, and `filter(None, xs)` keeping the truthy items.
    fn filter(&mut self, c: &ast::ExprCall, sp: Span) -> Expr {
        let iter = self.expr(&c.args[1]);
        let (v, cond) = match &c.args[0] {
            ast::Expr::Constant(k) if k.value.is_none() => {
                let v = self.new_local("$v", sp);
                (v, self.mk(ExprKind::Local(v), sp))
            }
            f => match self.apply_fn(f) {
                Some(applied) => applied,
                None => return self.error_expr(sp),
            },
        };
        let elt = Box::new(self.mk(ExprKind::Local(v), sp));
        let gens = vec![CompGen { target: Target::Local(v, sp), iter, conds: vec![cond] }];
        self.mk(ExprKind::Comp { kind: CompKind::Gen, elt, value: None, gens }, sp)
    }

    /// A one-argument function (a lambda, a function or builtin name, or
    /// `str.method`) applied to a new local: the local and the call.
    fn apply_fn(&mut self, f: &ast::Expr) -> Option<(LocalId, Expr)> {
        let ksp = self.sp(f.range());
        Some(match f {
            ast::Expr::Lambda(l) => {
                let Some(pname) = one_plain_param(l) else {
                    self.unsupported(ksp, "a lambda here without exactly one plain parameter", "use lambda x: ...");
                    return None;
                };
                let v = self.new_local(&pname, ksp);
                self.comp_scopes.push(HashMap::from([(pname, v)]));
                let body = self.expr(&l.body);
                self.comp_scopes.pop();
                (v, body)
            }
            other => {
                let v = self.new_local("$v", ksp);
                let arg = self.mk(ExprKind::Local(v), ksp);
                let kind = match other {
                    // key=str.lower: the method on each item.
                    ast::Expr::Attribute(a) if matches!(&*a.value, ast::Expr::Name(n) if n.id.as_str() == "str") => {
                        ExprKind::MethodCall {
                            recv: Box::new(arg),
                            name: a.attr.to_string(),
                            args: Vec::new(),
                            kwargs: Vec::new(),
                        }
                    }
                    // key=counts.get: a bound method, called with each item.
                    ast::Expr::Attribute(a) if !matches!(self.expr(&a.value).kind, ExprKind::Module(_)) => {
                        ExprKind::MethodCall {
                            recv: self.boxed(&a.value),
                            name: a.attr.to_string(),
                            args: vec![arg],
                            kwargs: Vec::new(),
                        }
                    }
                    _ => match self.lambda_named_expr(other) {
                        Some(l) => return Some((v, self.call_lambda(&l, vec![arg], Vec::new(), ksp))),
                        None => {
                            ExprKind::Call { func: Box::new(self.expr(other)), args: vec![arg], kwargs: Vec::new() }
                        }
                    },
                };
                (v, self.mk(kind, ksp))
            }
        })
    }

    /// `x` of `type(x).__name__` (with `type` not rebound).
    fn type_of_arg<'e>(&self, a: &'e ast::ExprAttribute) -> Option<&'e ast::Expr> {
        let ast::Expr::Call(c) = &*a.value else { return None };
        let ast::Expr::Name(f) = &*c.func else { return None };
        let plain = f.id.as_str() == "type"
            && a.attr.as_str() == "__name__"
            && c.args.len() == 1
            && c.keywords.is_empty()
            && self.lookup_local("type").is_none()
            && !self.ctx.globals.contains_key("type");
        plain.then(|| &c.args[0])
    }

    /// `"{} {:>5}".format(a, b)` as f-string parts.
    fn str_format(&mut self, fmt: &str, c: &ast::ExprCall, sp: Span) -> Expr {
        let mut auto = 0usize;
        match self.format_parts(fmt, c, sp, &mut auto) {
            Some(parts) => self.mk(ExprKind::FString(parts), sp),
            None => self.error_expr(sp),
        }
    }

    /// The text of a str known at compile time: a literal, or a module
    /// constant that no local shadows.
    fn const_str(&self, e: &ast::Expr) -> Option<String> {
        match e {
            ast::Expr::Name(n) if self.lookup_local(n.id.as_str()).is_some() => None,
            ast::Expr::Constant(_) | ast::Expr::Name(_) => match folded_const(&self.ctx.globals, e) {
                Some(Const::Str(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// `"%-8s%5.1f" % (name, x)` as f-string parts. The values come from a
    /// tuple display, the subscripts of a variable (a tuple, or a dict for
    /// `%(key)s`), or are the right operand itself when there is one field.
    fn percent_format(&mut self, fmt: &str, rhs: &ast::Expr, sp: Span) -> Expr {
        let pieces = match percent::parse(fmt) {
            Ok(p) => p,
            Err(percent::Error::Python(msg)) => {
                self.diags
                    .push(Diagnostic::error(sp, format!("bad format string: {msg}")).label("in this % formatting"));
                return self.error_expr(sp);
            }
            Err(percent::Error::Unsupported(what, help)) => {
                self.unsupported(sp, what, help);
                return self.error_expr(sp);
            }
        };
        let fields: Vec<(&Option<String>, &[SpecPiece])> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Field { key, spec, .. } => Some((key, spec.as_slice())),
                Piece::Lit(_) => None,
            })
            .collect();
        let keyed = fields.iter().filter(|(k, _)| k.is_some()).count();
        let stars: usize = fields
            .iter()
            .map(|(_, s)| s.iter().filter(|p| matches!(p, SpecPiece::Star | SpecPiece::StarWidth(_))).count())
            .sum();
        let needed = fields.len() + stars;
        let rsp = self.sp(rhs.range());
        let variable = matches!(rhs, ast::Expr::Name(_));
        let mistake = if keyed > 0 && (keyed < fields.len() || stars > 0) {
            Some(("mixing `%(key)s` fields with positional fields or `*`", "use an f-string"))
        } else if keyed > 0 && !variable && !percent::keyed_display(rhs, fields.iter().filter_map(|f| f.0.as_deref())) {
            Some(("`%(key)s` formatting of a dict expression", "assign the dict to a variable first"))
        } else if keyed == 0 && needed > 1 && !variable && !matches!(rhs, ast::Expr::Tuple(_)) {
            Some((
                "`%` formatting of several fields from an expression",
                "give the values as a tuple display: `fmt % (a, b)`",
            ))
        } else {
            None
        };
        if let Some((what, help)) = mistake {
            self.unsupported(sp, what, help);
            return self.error_expr(sp);
        }
        // The argument values in order (all of them lowered before any field
        // uses one, as Python evaluates the operand first).
        let mut args: std::collections::VecDeque<Expr> = match rhs {
            _ if keyed > 0 => Default::default(),
            ast::Expr::Tuple(t) => {
                if t.elts.len() != needed {
                    let (msg, label) = percent::count_error(needed, t.elts.len());
                    self.diags.push(Diagnostic::error(rsp, msg).label(label));
                    return self.error_expr(sp);
                }
                t.elts.iter().map(|e| self.expr(e)).collect()
            }
            _ if needed == 0 => {
                self.diags.push(
                    Diagnostic::error(rsp, "not all arguments converted during string formatting")
                        .label("the format string has no fields"),
                );
                return self.error_expr(sp);
            }
            _ if needed == 1 => [self.expr(rhs)].into(),
            _ => (0..needed as i64)
                .map(|k| {
                    let (v, i) = (self.boxed(rhs), Box::new(self.mk(ExprKind::Const(Const::Int(k)), rsp)));
                    self.mk(ExprKind::Index(v, i), rsp)
                })
                .collect(),
        };
        let arg = match rhs {
            _ if keyed > 0 => PercentArg::Item,
            ast::Expr::Tuple(_) => PercentArg::Item,
            _ if needed == 1 => PercentArg::Whole,
            _ => PercentArg::Spread(needed),
        };
        let mut parts = Vec::new();
        for p in pieces {
            let (key, spec, code) = match p {
                Piece::Lit(t) => {
                    parts.push(FPart::Lit(t));
                    continue;
                }
                Piece::Field { key, spec, code } => (key, spec, code),
            };
            let mut spec_parts = Vec::new();
            for s in spec {
                spec_parts.push(match s {
                    SpecPiece::Text(t) => FPart::Lit(t),
                    SpecPiece::Star => {
                        let expr = args.pop_front().expect("counted");
                        FPart::Value { expr, conv: Conversion::None, spec: None }
                    }
                    SpecPiece::StarWidth(t) => {
                        let expr = args.pop_front().expect("counted");
                        let spec = (!t.is_empty()).then(|| vec![FPart::Lit(t)]);
                        FPart::Value { expr, conv: Conversion::PercentWidth, spec }
                    }
                });
            }
            let expr = match key {
                // `"%(a)s" % {"a": x}`: the display's value for the key.
                Some(k) if percent::display_value(rhs, &k).is_some() => {
                    self.expr(percent::display_value(rhs, &k).expect("checked"))
                }
                Some(k) => {
                    let (v, i) = (self.boxed(rhs), Box::new(self.mk(ExprKind::Const(Const::Str(k)), rsp)));
                    self.mk(ExprKind::Index(v, i), rsp)
                }
                None => args.pop_front().expect("counted"),
            };
            let spec = (!spec_parts.is_empty()).then_some(spec_parts);
            parts.push(FPart::Value { expr, conv: Conversion::Percent { code, arg }, spec });
        }
        self.mk(ExprKind::FString(parts), sp)
    }

    fn format_parts(&mut self, fmt: &str, c: &ast::ExprCall, sp: Span, auto: &mut usize) -> Option<Vec<FPart>> {
        let chars: Vec<char> = fmt.chars().collect();
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut i = 0;
        let bad = |this: &mut Self, msg: &str| {
            this.diags
                .push(Diagnostic::error(sp, format!("bad format string: {msg}")).label("in this str.format call"));
        };
        while i < chars.len() {
            let ch = chars[i];
            if ch == '{' && chars.get(i + 1) == Some(&'{') {
                lit.push('{');
                i += 2;
                continue;
            }
            if ch == '}' && chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            if ch == '}' {
                bad(self, "single '}' encountered");
                return None;
            }
            if ch != '{' {
                lit.push(ch);
                i += 1;
                continue;
            }
            // A replacement field: find its matching close brace.
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                bad(self, "expected '}' before end of string");
                return None;
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            if !lit.is_empty() {
                parts.push(FPart::Lit(std::mem::take(&mut lit)));
            }
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], Some(&field[p + 1..])),
                None => (field.as_str(), None),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (
                    &head[..p],
                    match &head[p + 1..] {
                        "r" => Conversion::Repr,
                        "a" => Conversion::Ascii,
                        _ => Conversion::Str,
                    },
                ),
                None => (head, Conversion::None),
            };
            // `{name[key][0]}`: the argument, then its items.
            let (name, items) = match name.find('[') {
                Some(p) => (&name[..p], &name[p..]),
                None => (name, ""),
            };
            let Some(keys) = format_item_keys(items) else {
                bad(self, &format!("bad item access in replacement field '{{{field}}}'"));
                return None;
            };
            let r = c.range;
            let arg: Option<ast::Expr> = if name.is_empty() {
                *auto += 1;
                c.args.get(*auto - 1).cloned()
            } else if let Ok(n) = name.parse::<usize>() {
                c.args.get(n).cloned()
            } else {
                let named = c.keywords.iter().find(|k| k.arg.as_ref().map(|a| a.as_str()) == Some(name));
                // A name no keyword gives comes from the one `**` mapping: `"{name}".format(**rec)`.
                let mut unpacked = c.keywords.iter().filter(|k| k.arg.is_none());
                match (named, unpacked.next(), unpacked.next()) {
                    (Some(k), ..) => Some(k.value.clone()),
                    (None, Some(m), None) => Some(ast_subscript(m.value.clone(), ast::Constant::Str(name.into()), r)),
                    _ => None,
                }
            };
            let Some(arg) = arg else {
                bad(self, &format!("no argument for replacement field '{{{field}}}'"));
                return None;
            };
            let arg = keys.into_iter().fold(arg, |v, k| ast_subscript(v, k, r));
            let expr = self.expr(&arg);
            let spec = match spec {
                Some(s) => Some(self.format_parts(s, c, sp, auto)?),
                None => None,
            };
            parts.push(FPart::Value { expr, conv, spec });
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(lit));
        }
        Some(parts)
    }
}

/// The keys of a format field's item accesses (`[name][0]`, after the
/// argument's name): digits index, anything else is a string key, as in
/// `str.format`; `None` when malformed.
fn format_item_keys(mut items: &str) -> Option<Vec<ast::Constant>> {
    let mut keys = Vec::new();
    while let Some(rest) = items.strip_prefix('[') {
        let end = rest.find(']')?;
        let key = &rest[..end];
        if key.is_empty() {
            return None;
        }
        keys.push(match key.parse::<i64>() {
            Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => ast::Constant::Int(n.into()),
            _ => ast::Constant::Str(key.into()),
        });
        items = &rest[end + 1..];
    }
    items.is_empty().then_some(keys)
}

/// `value[key]` as syntax.
fn ast_subscript(value: ast::Expr, key: ast::Constant, range: rustpython_parser::text_size::TextRange) -> ast::Expr {
    let slice = ast::Expr::Constant(ast::ExprConstant { range, value: key, kind: None });
    ast::Expr::Subscript(ast::ExprSubscript {
        range,
        value: Box::new(value),
        slice: Box::new(slice),
        ctx: ast::ExprContext::Load,
    })
}

fn collect_target_names(e: &ast::Expr, out: &mut Vec<String>) {
    match e {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        _ => {}
    }
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::MatMult => BinOp::MatMul,
    }
}

/// The operator a binary NumPy ufunc is (`np.power(a, b)` is `a ** b`).
fn np_operator(name: &str) -> Option<BinOp> {
    Some(match name {
        "add" => BinOp::Add,
        "subtract" => BinOp::Sub,
        "multiply" => BinOp::Mul,
        "divide" | "true_divide" => BinOp::Div,
        "floor_divide" => BinOp::FloorDiv,
        "mod" | "remainder" => BinOp::Mod,
        "power" => BinOp::Pow,
        _ => return None,
    })
}

/// Attributes of a module that are themselves modules we model (`numpy.random`, `numpy.linalg`).
fn is_submodule(m: Module, name: &str) -> bool {
    m == Module::Numpy && matches!(name, "random" | "linalg")
}

/// The name of the parameter of `lambda x: ...`, when it has exactly one
/// plain parameter (no default, no `*`/`**`, not keyword-only).
fn one_plain_param(l: &ast::ExprLambda) -> Option<String> {
    let a = &l.args;
    let plain = a.posonlyargs.is_empty()
        && a.args.len() == 1
        && a.args[0].default.is_none()
        && a.vararg.is_none()
        && a.kwonlyargs.is_empty()
        && a.kwarg.is_none();
    plain.then(|| a.args[0].def.arg.to_string())
}

/// The statements `s` stands for: the body of an `if True:` with no
/// `else` (what sugar of several statements lowers to, and Python has no
/// block scope, so a user's `if True:` opens alike), else `s` itself.
/// Statements inside an `if` would otherwise be typed as conditional: a
/// frame gaining a column there (`df["x"] = df["y"] = v`) is a frame of
/// two types.
fn spliced(s: Stmt) -> Vec<Stmt> {
    match s.kind {
        StmtKind::If(Expr { kind: ExprKind::Const(Const::Bool(true)), .. }, body, orelse) if orelse.is_empty() => {
            body.into_iter().flat_map(spliced).collect()
        }
        kind => vec![Stmt { kind, span: s.span }],
    }
}

fn splice(out: &mut Vec<Stmt>, s: Stmt) {
    out.extend(spliced(s));
}
