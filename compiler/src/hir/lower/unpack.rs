//! Starred assignment targets: `a, *rest = xs`, `first, *mid, last = t`,
//! `for head, *tail in rows`.
//!
//! The value goes to a hidden local `$u`; a length check raises CPython's
//! ValueError when it has fewer items than the plain targets, then each
//! plain target takes `$u[i]` (before the star) or `$u[-j]` (after it) and
//! the starred one `list($u[i:-j])`. Constant indices and slice bounds keep
//! this valid for tuples, whose items may have different types.

use rustpython_parser::ast::{self, Ranged};

use super::*;

impl FnLower<'_> {
    /// Whether `e` is a tuple or list target with a `*name` item at any depth.
    pub(super) fn has_starred(e: &ast::Expr) -> bool {
        Self::items(e)
            .is_some_and(|elts| elts.iter().any(|x| matches!(x, ast::Expr::Starred(_)) || Self::has_starred(x)))
    }

    fn items(e: &ast::Expr) -> Option<&[ast::Expr]> {
        match e {
            ast::Expr::Tuple(t) => Some(&t.elts),
            ast::Expr::List(t) => Some(&t.elts),
            _ => None,
        }
    }

    /// The target for `e`, where each tuple with a starred item is a hidden
    /// local unpacked by statements appended to `after` (run once the
    /// target is assigned).
    pub(super) fn star_target(&mut self, e: &ast::Expr, after: &mut Block) -> Target {
        let Some(elts) = Self::items(e).filter(|_| Self::has_starred(e)) else { return self.target(e) };
        let sp = self.sp(e.range());
        if elts.iter().any(|x| matches!(x, ast::Expr::Starred(_))) {
            let u = self.new_local("$u", sp);
            let unpack = self.star_unpack(elts, u, sp);
            after.extend(unpack);
            return Target::Local(u, sp);
        }
        Target::Tuple(elts.iter().map(|x| self.star_target(x, after)).collect(), sp)
    }

    /// The statements unpacking local `u` into `elts`, which hold one `*name`.
    fn star_unpack(&mut self, elts: &[ast::Expr], u: LocalId, sp: Span) -> Block {
        let stars = elts.iter().filter(|x| matches!(x, ast::Expr::Starred(_))).count();
        if stars > 1 {
            self.diags.push(
                Diagnostic::error(sp, "multiple starred expressions in assignment")
                    .label("more than one `*name`")
                    .help("a target may hold one starred name"),
            );
            return Vec::new();
        }
        let star = elts.iter().position(|x| matches!(x, ast::Expr::Starred(_))).unwrap_or(0);
        let (before, after) = (star as i64, (elts.len() - star - 1) as i64);
        let mut out = vec![self.too_few_check(u, before + after, sp)];
        for (i, e) in elts.iter().enumerate() {
            let esp = self.sp(e.range());
            let src = self.mk(ExprKind::Local(u), esp);
            let mut nested = Vec::new();
            let (tgt, value) = match e {
                ast::Expr::Starred(st) => {
                    let lo = self.int_const(before, esp);
                    let hi = (after > 0).then(|| Box::new(self.int_const(-after, esp)));
                    let slice = self.mk(ExprKind::Slice(Box::new(src), Some(Box::new(lo)), hi, None), esp);
                    let list = self.mk(ExprKind::Builtin(Builtin::List), esp);
                    let call = ExprKind::Call { func: Box::new(list), args: vec![slice], kwargs: Vec::new() };
                    (self.target(&st.value), self.mk(call, esp))
                }
                other => {
                    let at = if (i as i64) < before { i as i64 } else { i as i64 - elts.len() as i64 };
                    let at = self.int_const(at, esp);
                    (self.star_target(other, &mut nested), self.mk(ExprKind::Index(Box::new(src), Box::new(at)), esp))
                }
            };
            out.push(Stmt { kind: StmtKind::Assign(tgt, value), span: esp });
            out.extend(nested);
        }
        out
    }

    fn int_const(&mut self, v: i64, sp: Span) -> Expr {
        self.mk(ExprKind::Const(Const::Int(v)), sp)
    }

    /// `if len(u) < need: raise ValueError(f"not enough values to unpack
    /// (expected at least {need}, got {len(u)})")`.
    fn too_few_check(&mut self, u: LocalId, need: i64, sp: Span) -> Stmt {
        let len = |this: &mut Self| {
            let f = this.mk(ExprKind::Builtin(Builtin::Len), sp);
            let arg = this.mk(ExprKind::Local(u), sp);
            this.mk(ExprKind::Call { func: Box::new(f), args: vec![arg], kwargs: Vec::new() }, sp)
        };
        let n = len(self);
        let bound = self.int_const(need, sp);
        let cond = self.mk(ExprKind::Compare(Box::new(n), vec![(CmpOp::Lt, bound)]), sp);
        let got = len(self);
        let msg = vec![
            FPart::Lit(format!("not enough values to unpack (expected at least {need}, got ")),
            FPart::Value { expr: got, conv: Conversion::None, spec: None },
            FPart::Lit(")".into()),
        ];
        let msg = self.mk(ExprKind::FString(msg), sp);
        let class = bodo_abi::exc_by_name("ValueError").map_or(0, |c| c.id);
        let class = self.mk(ExprKind::ExcClass(class), sp);
        let exc = self.mk(ExprKind::Call { func: Box::new(class), args: vec![msg], kwargs: Vec::new() }, sp);
        let raise = Stmt { kind: StmtKind::Raise(Some(exc)), span: sp };
        Stmt { kind: StmtKind::If(cond, vec![raise], Vec::new()), span: sp }
    }
}
