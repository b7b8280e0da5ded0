//! Lowering of calls: user functions, builtins, methods (through the shared
//! method table), module functions, `print` and f-strings.

use super::lower::Lower;
use super::lower_spread::Spreads;
use super::*;
use crate::hir::{kwarg, Builtin, Conversion, Expr, ExprKind, FPart, Kwarg, LocalId, Module, PercentArg};
use crate::types::methods::{self, Recv, P, R};
use crate::types::{const_str, ArgSrc};
use bodo_abi::{fconv, layout, print_dest};
use std::collections::HashSet;

impl<'a> Lower<'a> {
    /// Whether `e` evaluates to a NumPy number (`np.float64`, `np.int64`)
    /// in CPython: a reduction or element of an array, a NumPy function's
    /// scalar result, arithmetic with one, or a local in `locals` (all of
    /// whose definitions are such values).
    pub fn np_scalar(&self, e: &Expr, locals: &HashSet<LocalId>) -> bool {
        if !matches!(self.ty(e), Ty::Float | Ty::Int) {
            return false;
        }
        let is_array = |x: &Expr| matches!(self.ty(x), Ty::Array(..));
        match &e.kind {
            ExprKind::Local(l) => locals.contains(l),
            ExprKind::MethodCall { recv, .. } => is_array(recv),
            ExprKind::Index(arr, _) => is_array(arr),
            // `np.random.random()` and friends give Python numbers.
            ExprKind::Call { func, .. } => {
                matches!(&func.kind, ExprKind::ModAttr(Module::Numpy, f) if !f.starts_with("random."))
            }
            ExprKind::Bin(_, a, b) => self.np_scalar(a, locals) || self.np_scalar(b, locals),
            ExprKind::Unary(_, a) => self.np_scalar(a, locals),
            ExprKind::IfExp(_, a, b) => self.np_scalar(a, locals) && self.np_scalar(b, locals),
            _ => false,
        }
    }

    pub fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        match &func.kind {
            ExprKind::Func(_) => self.user_call(e, args, kwargs),
            ExprKind::Builtin(b) => self.builtin(e, *b, args, kwargs),
            ExprKind::ModAttr(Module::Numpy, name) => self.numpy_call(e, name, args, kwargs),
            ExprKind::ModAttr(Module::Bodo, name)
                if matches!(
                    name.as_str(),
                    "gatherv" | "allgatherv" | "scatterv" | "rebalance" | "parallel_print" | "get_nodes_first_ranks"
                ) =>
            {
                self.bodo_parallel_call(e, name, args, kwargs)
            }
            ExprKind::ModAttr(Module::Pandas, name) if name == "read_csv" || name == "read_parquet" => {
                self.read_table(e, args)
            }
            ExprKind::ModAttr(Module::Pandas, name) => self.pandas_internal(e, name, args),
            ExprKind::ModAttr(m, name) => self.module_call(e, *m, name, args, kwargs),
            // Several arguments: the message is their tuple's repr.
            ExprKind::ExcClass(c) if args.len() > 1 => {
                let tys: Vec<Ty> = args.iter().map(|a| self.ty(a)).collect();
                let t = Ty::Tuple(tys.clone());
                let tuple = self.tuple_of(args.iter().zip(&tys), &t);
                let c = self.cint(*c);
                let d = self.desc(&t);
                let x = self.emit(Op::Rt("bodo_exc_new_args", vec![c, tuple, d]), IrTy::Ptr);
                self.decref(tuple, &t);
                x
            }
            ExprKind::ExcClass(c) => {
                let shown = self.exc_arg_shown(*c, args.first());
                let m = self.exc_msg(*c, args.first());
                let c = self.cint(*c);
                let shown = self.cbool(shown);
                let x = self.emit(Op::Rt("bodo_exc_new", vec![c, m, shown]), IrTy::Ptr);
                self.emit_void(Op::DecRef(m));
                x
            }
            _ => self.null(),
        }
    }

    fn user_call(&mut self, e: &'a Expr, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let Some((callee, binding)) = self.inst.calls.get(&e.id) else { return self.null() };
        let writes = &self.param_writes[*callee as usize];
        let callee = &self.typed.instances[*callee as usize];
        let mut vals = Vec::new();
        let mut temps = Vec::new();
        // Array variables passed as converted copies that the callee may write into.
        let mut write_back = Vec::new();
        let mark = self.in_flight_mark();
        let func = &self.prog.funcs[callee.func as usize];
        let mut spreads = Spreads::default();
        for (k, src) in binding.iter().enumerate() {
            let (v, t) = match src {
                ArgSrc::Positional(i) => (self.expr_borrow(&args[*i]), self.ty(&args[*i])),
                ArgSrc::Keyword(i) => (self.expr_borrow(&kwargs[*i].value), self.ty(&kwargs[*i].value)),
                ArgSrc::Item(i, j) | ArgSrc::Field(i, j) => {
                    let a = if matches!(src, ArgSrc::Item(..)) { &args[*i] } else { &kwargs[*i].value };
                    let (whole, at) = self.spread_value(a, &mut spreads, &mut temps);
                    let pt = at.spread_part(*j);
                    let s = self.tuple_item(whole, *j, IrTy::Slot);
                    ((self.slot_value(s, &pt), false), pt)
                }
                ArgSrc::Key(i) | ArgSrc::ListItem(i, _) => {
                    let (a, list_after) = match src {
                        ArgSrc::ListItem(_, j) => (&args[*i], Some(k - j)),
                        _ => (&kwargs[*i].value, None),
                    };
                    if !spreads.has(a) {
                        let (v, _) = self.spread_value(a, &mut spreads, &mut temps);
                        self.spread_check(v, list_after, func, binding);
                    }
                    let (v, vt) = self.spread_value(a, &mut spreads, &mut temps);
                    let (p, want) = (&func.params[k], &callee.args[k]);
                    let x = match src {
                        ArgSrc::ListItem(_, j) => self.list_param(v, &vt, *j, p.default.as_ref(), want),
                        _ => self.dict_param(v, &vt, &p.name, p.default.as_ref(), want),
                    };
                    ((x, true), want.clone())
                }
                ArgSrc::Default(c) => ((self.constant(c), true), crate::types::Ty::Unknown),
                ArgSrc::Star(ix) => {
                    let Ty::Tuple(items) = &callee.args[k] else { return self.null() };
                    let v = self.tuple_of(ix.iter().map(|i| &args[*i]).zip(items), &callee.args[k]);
                    ((v, true), callee.args[k].clone())
                }
            };
            // The callee may take the array split differently (its distribution flags).
            let want = &callee.args[k];
            let (v, t) = if t != Ty::Unknown && t != *want {
                let owned = self.own(v, &t);
                let c = self.coerce(owned, &t, want);
                if !v.1 && writes[k] && matches!((&t, want), (Ty::Array(..), Ty::Array(..))) {
                    write_back.push((v.0, c));
                }
                ((c, true), want.clone())
            } else {
                (v, t)
            };
            vals.push(v.0);
            self.hold_in_flight(v, &t);
            temps.push((v, t));
        }
        // Unit-typed (None) arguments have no machine value.
        let pass: Vec<V> = vals.iter().copied().filter(|v| self.f.vals[*v as usize] != IrTy::Unit).collect();
        self.set_line(e.span);
        let r = self.emit(Op::Call(callee.symbol.clone(), pass), IrTy::of(&callee.ret));
        self.check();
        if !write_back.is_empty() {
            self.hold_in_flight((r, true), &callee.ret);
            for (dst, src) in write_back {
                self.emit_void(Op::Rt("bodo_arr_write_back", vec![dst, src]));
                self.check();
            }
        }
        self.let_go(mark);
        for (v, t) in temps {
            self.release(v, &t);
        }
        r
    }

    fn builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        let t = self.ty(e);
        self.set_line(e.span);
        match b {
            Builtin::Print => self.print(args, kwargs),
            Builtin::Len if args[0].is_range_call() => self.range_call_len(&args[0]),
            Builtin::Len if matches!(self.exact_ty(&args[0]), Ty::Pivot(_)) => self.pivot_len(&args[0]),
            Builtin::Len if self.fields_of(&args[0]) => self.field_count(&args[0]).expect("a kept split"),
            Builtin::Len => {
                let at = self.ty(&args[0]);
                let v = self.expr_borrow(&args[0]);
                let n = self.len_of(v.0, &at);
                self.release(v, &at);
                n
            }
            Builtin::Abs => {
                let at = self.ty(&args[0]);
                let v = self.expr(&args[0]);
                let v = self.coerce(v, &at, &t);
                if t == Ty::Float {
                    self.emit(Op::Rt("bodo_math_fabs", vec![v]), IrTy::Float)
                } else {
                    let z = self.cint(0);
                    let neg = self.emit(Op::ICmp(Cmp::Lt, v, z), IrTy::Bool);
                    let m = self.emit(Op::Int(IntOp::Sub, z, v), IrTy::Int);
                    self.emit(Op::Select(neg, m, v), IrTy::Int)
                }
            }
            Builtin::Min | Builtin::Max => {
                let is_min = b == Builtin::Min;
                let mark = self.in_flight_mark();
                if args.len() == 1 {
                    let el = self.iter_elem_ty(&args[0]);
                    let lt = Ty::list(el.clone());
                    let l = self.materialize_list(&args[0]);
                    self.hold_in_flight((l, true), &lt);
                    let f = if is_min { "bodo_list_min" } else { "bodo_list_max" };
                    let r = match crate::hir::kwarg(kwargs, "default") {
                        // An empty list gives the default (evaluated only then).
                        Some(d) => {
                            let n = self.len_of(l, &lt);
                            let z = self.cint(0);
                            let empty = self.emit(Op::ICmp(Cmp::Eq, n, z), IrTy::Bool);
                            let tmp = self.new_temp(IrTy::of(&t));
                            let (yes, no, join) = (self.new_block(), self.new_block(), self.new_block());
                            self.branch(empty, yes, no);
                            self.cur = yes;
                            let dt = self.ty(d);
                            let v = self.expr(d);
                            let v = self.coerce(v, &dt, &t);
                            self.emit_void(Op::Store(tmp, v));
                            self.jump_to(join);
                            self.cur = no;
                            let s = self.emit(Op::Rt(f, vec![l]), IrTy::Slot);
                            self.check();
                            let v = self.slot_value(s, &el);
                            let v = self.coerce(v, &el, &t);
                            self.emit_void(Op::Store(tmp, v));
                            self.jump_to(join);
                            self.cur = join;
                            self.emit(Op::Load(tmp), IrTy::of(&t))
                        }
                        None => {
                            let s = self.emit(Op::Rt(f, vec![l]), IrTy::Slot);
                            self.check();
                            self.slot_value(s, &t)
                        }
                    };
                    self.let_go(mark);
                    self.emit_void(Op::DecRef(l));
                    return r;
                }
                let mut acc_t = self.ty(&args[0]);
                let mut acc = self.expr(&args[0]);
                acc = self.coerce(acc, &acc_t, &t);
                acc_t = t.clone();
                for a in &args[1..] {
                    // The best so far is released if a later argument raises.
                    self.let_go(mark);
                    self.hold_in_flight((acc, true), &t);
                    let at = self.ty(a);
                    let v = self.expr(a);
                    let v = self.coerce(v, &at, &t);
                    // Python keeps the first of equal candidates; comparing may raise.
                    let op = if is_min { crate::hir::CmpOp::Lt } else { crate::hir::CmpOp::Gt };
                    self.hold_in_flight((v, true), &t);
                    let better = self.compare(op, v, &t, acc, &acc_t);
                    let keep = self.emit(Op::Select(better, v, acc), IrTy::of(&t));
                    if t.is_heap() {
                        let drop = self.emit(Op::Select(better, acc, v), IrTy::Ptr);
                        self.emit_void(Op::DecRef(drop));
                    }
                    acc = keep;
                }
                self.let_go(mark);
                acc
            }
            Builtin::Sum => self.numeric_fold(args, kwargs, &t, false),
            Builtin::Int | Builtin::Float | Builtin::Bool | Builtin::Str | Builtin::Repr => {
                let Some(a) = args.first() else {
                    return match b {
                        Builtin::Int => self.cint(0),
                        Builtin::Float => self.emit(Op::Const(Const::Float(0.0)), IrTy::Float),
                        Builtin::Bool => self.cbool(false),
                        _ => self.cstr(""),
                    };
                };
                // Printing sees a dict view as itself (`dict_keys([...])`).
                let (v, at) = if matches!(b, Builtin::Str | Builtin::Repr) {
                    self.expr_whole(a)
                } else {
                    (self.expr_borrow(a), self.ty(a))
                };
                let mark = self.in_flight_mark();
                self.hold_in_flight(v, &at);
                let r = match (b, &at) {
                    (Builtin::Bool, _) => self.truthy(v.0, &at),
                    (Builtin::Int, Ty::Int) | (Builtin::Float, Ty::Float) => v.0,
                    (Builtin::Int, Ty::Bool) => self.emit(Op::Conv(Conv::BoolToInt, v.0), IrTy::Int),
                    (Builtin::Int, Ty::Float) => {
                        let r = self.emit(Op::FloatToInt(v.0), IrTy::Int);
                        self.check();
                        r
                    }
                    (Builtin::Int, _) => {
                        let r = match args.get(1) {
                            Some(base) => {
                                let b = self.expr(base);
                                self.emit(Op::Rt("bodo_str_to_int_base", vec![v.0, b]), IrTy::Int)
                            }
                            None => self.emit(Op::Rt("bodo_str_to_int", vec![v.0]), IrTy::Int),
                        };
                        self.check();
                        r
                    }
                    (Builtin::Float, Ty::Int) => self.emit(Op::Conv(Conv::IntToFloat, v.0), IrTy::Float),
                    (Builtin::Float, Ty::Bool) => self.emit(Op::Conv(Conv::BoolToFloat, v.0), IrTy::Float),
                    (Builtin::Float, _) => {
                        let r = self.emit(Op::Rt("bodo_str_to_float", vec![v.0]), IrTy::Float);
                        self.check();
                        r
                    }
                    (Builtin::Str, _) => self.str_of(v.0, &at),
                    _ => {
                        let s = self.slot_of(v.0);
                        let d = self.desc(&at);
                        self.emit(Op::Rt("bodo_repr", vec![s, d]), IrTy::Ptr)
                    }
                };
                self.let_go(mark);
                self.release(v, &at);
                r
            }
            Builtin::List => {
                if args.is_empty() {
                    let d = self.desc(&t);
                    let z = self.cint(0);
                    return self.emit(Op::Rt("bodo_list_new", vec![d, z]), IrTy::Ptr);
                }
                self.materialize_list_copy(&args[0])
            }
            Builtin::Sorted => {
                let l = self.materialize_list_copy(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight((l, true), &t);
                let rev = self.kwarg_bool(kwargs, "reverse");
                // Items that do not order (dicts, None beside a number) raise TypeError.
                self.emit_void(Op::Rt("bodo_list_sort", vec![l, rev]));
                self.check();
                self.let_go(mark);
                l
            }
            Builtin::Set => {
                let d = self.desc(&t);
                if args.is_empty() {
                    return self.emit(Op::Rt("bodo_set_new", vec![d]), IrTy::Ptr);
                }
                let l = self.materialize_list(&args[0]);
                let s = self.emit(Op::Rt("bodo_set_from_list", vec![d, l]), IrTy::Ptr);
                self.emit_void(Op::DecRef(l));
                s
            }
            Builtin::Tuple => match args.first() {
                // Tuples are immutable, so `tuple(t)` may be `t` itself.
                Some(a) if matches!(self.ty(a), Ty::Tuple(_) | Ty::VarTuple(_)) => self.expr(a),
                Some(a) => self.collect_into(a, &t),
                None => self.make_tuple(&t, &[]),
            },
            Builtin::Dict if args.len() == 1 && matches!(self.ty(&args[0]), Ty::Record(_)) => {
                let v = self.expr_borrow(&args[0]);
                let r = self.record_copy(v.0, &t);
                self.release(v, &t);
                r
            }
            Builtin::Dict if args.len() == 1 && !matches!(self.ty(&args[0]), Ty::Dict(..)) => {
                self.collect_into(&args[0], &t)
            }
            Builtin::Dict if args.len() == 1 => {
                let at = self.ty(&args[0]);
                let v = self.expr_borrow(&args[0]);
                let r = self.emit(Op::Rt("bodo_dict_copy", vec![v.0]), IrTy::Ptr);
                self.release(v, &at);
                r
            }
            Builtin::Dict => {
                let d = self.desc(&t);
                self.emit(Op::Rt("bodo_dict_new", vec![d]), IrTy::Ptr)
            }
            Builtin::Reversed => {
                if !matches!(self.ty(&args[0]), Ty::List(_)) {
                    // Iterating the call itself walks the sequence backwards.
                    return self.collect_list(e);
                }
                let v = self.expr_borrow(&args[0]);
                let at = self.ty(&args[0]);
                let r = self.emit(Op::Rt("bodo_list_reversed", vec![v.0]), IrTy::Ptr);
                self.release(v, &at);
                r
            }
            Builtin::Round => {
                let at = self.ty(&args[0]);
                let v = self.expr(&args[0]);
                if at.is_intlike() {
                    let v = self.coerce(v, &at, &Ty::Int);
                    if args.len() == 2 {
                        let n = self.expr(&args[1]);
                        return self.emit(Op::Rt("bodo_round_int_digits", vec![v, n]), IrTy::Int);
                    }
                    return v;
                }
                let r = if args.len() == 2 {
                    let n = self.expr(&args[1]);
                    let n = self.coerce(n, &self.ty(&args[1]), &Ty::Int);
                    if self.np_scalar(&args[0], &self.np_scalars) {
                        // `np.float64.__round__` is `np.round`, not CPython's correctly rounded one.
                        return self.np_round_float(v, n);
                    }
                    self.emit(Op::Rt("bodo_round_float", vec![v, n]), IrTy::Float)
                } else {
                    self.emit(Op::Rt("bodo_round_int", vec![v]), IrTy::Int)
                };
                self.check();
                r
            }
            Builtin::Isinstance => {
                let at = self.ty(&args[0]);
                let matches = |t: &Ty| crate::types::static_cond::isinstance_matches(t, &args[1]);
                match &at {
                    // A value that may be None is an instance when it is not None.
                    Ty::Optional(inner) if matches(inner) => {
                        let v = self.expr_borrow(&args[0]);
                        let none = self.emit(Op::IsNull(v.0), IrTy::Bool);
                        self.release(v, &at);
                        self.emit(Op::Not(none), IrTy::Bool)
                    }
                    _ => self.cbool(matches(&at)),
                }
            }
            Builtin::Ord => {
                let v = self.expr_borrow(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight(v, &Ty::Str);
                let r = self.emit(Op::Rt("bodo_str_ord", vec![v.0]), IrTy::Int);
                self.check();
                self.let_go(mark);
                self.release(v, &Ty::Str);
                r
            }
            Builtin::Hash => {
                let t = self.ty(&args[0]);
                let v = self.expr_borrow(&args[0]);
                let mark = self.in_flight_mark();
                self.hold_in_flight(v, &t);
                let (s, d) = (self.slot_of(v.0), self.desc(&t));
                let r = self.emit(Op::Rt("bodo_hash", vec![s, d]), IrTy::Int);
                self.check();
                self.let_go(mark);
                self.release(v, &t);
                r
            }
            Builtin::Chr => {
                let v = self.expr(&args[0]);
                let r = self.emit(Op::Rt("bodo_chr", vec![v]), IrTy::Ptr);
                self.check();
                r
            }
            Builtin::Any | Builtin::All => self.any_all(b == Builtin::Any, &args[0]),
            Builtin::Divmod | Builtin::Pow => {
                let (ta, tb) = (self.ty(&args[0]), self.ty(&args[1]));
                if args.len() == 3 {
                    let mut vals = Vec::new();
                    for a in args {
                        let (ta, v) = (self.ty(a), self.expr(a));
                        vals.push(self.coerce(v, &ta, &Ty::Int));
                    }
                    self.set_line(e.span);
                    let r = self.emit(Op::Rt("bodo_int_powmod", vals), IrTy::Int);
                    self.check();
                    return r;
                }
                let a = self.expr(&args[0]);
                let c = self.expr(&args[1]);
                if b == Builtin::Pow {
                    return self.binop_values(crate::hir::BinOp::Pow, a, &ta, c, &tb, &t, e.span);
                }
                let Ty::Tuple(parts) = &t else { return self.null() };
                let et = parts[0].clone();
                let q = self.binop_values(crate::hir::BinOp::FloorDiv, a, &ta, c, &tb, &et, e.span);
                let r = self.binop_values(crate::hir::BinOp::Mod, a, &ta, c, &tb, &et, e.span);
                let (sq, sr) = (self.slot_of(q), self.slot_of(r));
                self.make_tuple(&t, &[sq, sr])
            }
            Builtin::DictMerge => self.dict_merge(args, &t),
            // The tuple itself; `user_call` passes its items.
            Builtin::Spread => self.expr(&args[0]),
            Builtin::ZipRows => {
                let rows = self.materialize_list(&args[0]);
                let Ty::List(col) = &t else { return self.null() };
                let (out, col) = (self.desc(&t), self.desc(col));
                let r = self.emit(Op::Rt("bodo_zip_rows", vec![rows, out, col]), IrTy::Ptr);
                self.emit_void(Op::DecRef(rows));
                r
            }
            Builtin::TypeName => {
                let t = self.ty(&args[0]);
                let v = self.expr_borrow(&args[0]);
                let r = match &t {
                    // An exception's class is only known at run time.
                    Ty::Exc => self.emit(Op::Rt("bodo_exc_type_name", vec![v.0]), IrTy::Ptr),
                    _ => self.cstr(python_type_name(&t)),
                };
                self.release(v, &t);
                r
            }
            Builtin::Range | Builtin::Enumerate | Builtin::Zip => self.null(),
        }
    }

    fn kwarg_bool(&mut self, kwargs: &'a [Kwarg], name: &str) -> V {
        match kwarg(kwargs, name) {
            Some(v) => self.truthy_expr(v),
            None => self.cbool(false),
        }
    }

    fn module_call(&mut self, e: &'a Expr, m: Module, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        if (m, name) == (Module::Math, "prod") {
            let t = self.ty(e);
            return self.numeric_fold(args, kwargs, &t, true);
        }
        let mut vals = Vec::new();
        let int_fn = m == Module::Math && crate::types::MATH_INT.iter().any(|(f, _)| *f == name);
        for a in args {
            let at = self.ty(a);
            let v = self.expr(a);
            vals.push(self.coerce(v, &at, if int_fn { &Ty::Int } else { &Ty::Float }));
        }
        if (m, name) == (Module::Math, "isclose") {
            // CPython's defaults: rel_tol=1e-09, abs_tol=0.0.
            for (k, default) in [("rel_tol", 1e-9), ("abs_tol", 0.0)] {
                let v = match kwarg(kwargs, k) {
                    Some(x) => {
                        let xt = self.ty(x);
                        let v = self.expr(x);
                        self.coerce(v, &xt, &Ty::Float)
                    }
                    None => self.emit(Op::Const(Const::Float(default)), IrTy::Float),
                };
                vals.push(v);
            }
        }
        self.set_line(e.span);
        let (f, ty, raises): (&'static str, IrTy, bool) = match (m, name) {
            (Module::Math, "log") if vals.len() == 2 => ("bodo_math_log_base", IrTy::Float, true),
            (Module::Math, "floor") => ("bodo_math_floor", IrTy::Int, true),
            (Module::Math, "ceil") => ("bodo_math_ceil", IrTy::Int, true),
            (Module::Math, "trunc") => ("bodo_float_to_int", IrTy::Int, true),
            (Module::Math, "isnan") => ("bodo_math_isnan", IrTy::Bool, false),
            (Module::Math, "isinf") => ("bodo_math_isinf", IrTy::Bool, false),
            (Module::Math, "isfinite") => ("bodo_math_isfinite", IrTy::Bool, false),
            (Module::Math, "gcd") => ("bodo_math_gcd", IrTy::Int, false),
            (Module::Math, "lcm") => ("bodo_math_lcm", IrTy::Int, false),
            (Module::Math, "factorial") => ("bodo_math_factorial", IrTy::Int, true),
            (Module::Math, "isqrt") => ("bodo_math_isqrt", IrTy::Int, true),
            (Module::Math, "comb") => ("bodo_math_comb", IrTy::Int, true),
            (Module::Math, "perm") => ("bodo_math_perm", IrTy::Int, true),
            (Module::Math, "isclose") => ("bodo_math_isclose", IrTy::Bool, true),
            (Module::Math, "log") => ("bodo_math_log", IrTy::Float, true),
            (Module::Math, n) => (crate::types::math_float(n).map_or("bodo_math_fmod", |f| f.2), IrTy::Float, true),
            (Module::Time, _) => ("bodo_perf_counter", IrTy::Float, false),
            (Module::Bodo, "get_rank") => ("bodo_get_rank", IrTy::Int, false),
            (Module::Bodo, "get_size") => ("bodo_get_size", IrTy::Int, false),
            (Module::Bodo, "barrier") => {
                self.emit_void(Op::Rt("bodo_barrier", vec![]));
                return self.emit(Op::Const(Const::Unit), IrTy::Unit);
            }
            _ => return self.null(),
        };
        let r = self.emit(Op::Rt(f, vals), ty);
        if raises {
            self.check();
        }
        r
    }

    pub fn method_call(&mut self, e: &'a Expr, recv: &'a Expr, name: &str, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        // The receiver and arguments are held in flight until the call is done.
        let mark = self.in_flight_mark();
        let out = self.method_call_held(e, recv, name, args, kwargs);
        self.let_go(mark);
        out
    }

    fn method_call_held(
        &mut self,
        e: &'a Expr,
        recv: &'a Expr,
        name: &str,
        args: &'a [Expr],
        kwargs: &'a [Kwarg],
    ) -> V {
        if let (ExprKind::Func(f), "distributed_diagnostics") = (&recv.kind, name) {
            let text = self.reports.get(f).cloned().unwrap_or_default();
            let s = self.cstr(text.trim_end_matches('\n'));
            let d = self.desc(&Ty::Str);
            let arr = self.emit(Op::SlotArray(vec![s]), IrTy::Ptr);
            let darr = self.emit(Op::PtrArray(vec![d]), IrTy::Ptr);
            let n = self.cint(1);
            let (sep, end) = (self.null(), self.null());
            let dest = self.cint(print_dest::STDOUT);
            self.emit_void(Op::Rt("bodo_print", vec![arr, darr, n, sep, end, dest]));
            return self.emit(Op::Const(Const::Unit), IrTy::Unit);
        }
        match (self.builder_of(recv), name, args, self.builder_of(args.first().unwrap_or(recv))) {
            (Some(sep), "append", [x], _) => {
                self.builder_push(recv, &sep, x);
                return self.emit(Op::Const(Const::Unit), IrTy::Unit);
            }
            (None, "join", [parts], Some(_)) => return self.builder_finish(parts),
            _ => {}
        }
        if let Some(v) = self.pivot_method(recv, name) {
            return v;
        }
        let rt = self.ty(recv);
        let t = self.ty(e);
        if let Ty::Array(..) = rt {
            return self.array_method(e, recv, name, args, kwargs);
        }
        if matches!(name, "to_csv" | "to_parquet") && matches!(self.exact_ty(recv), Ty::Frame(_)) {
            return self.write_table(recv, name, args, kwargs);
        }
        let r = self.expr_borrow(recv);
        if let (Ty::Str, "upper" | "lower", [], [], true) = (&rt, name, args, kwargs, r.1) {
            // A replace of literals just made the receiver: it cases it too.
            let last = self.f.blocks[self.cur as usize].insts.last_mut();
            if let Some(Inst { dst: Some(d), op: Op::ReplaceLit { upper: upper @ None, .. }, .. }) = last {
                if *d == r.0 {
                    *upper = Some(name == "upper");
                    return r.0;
                }
            }
            // The receiver is a temporary (`s.strip().upper()`): its
            // reference passes to the runtime, which may reuse it.
            let up = self.cbool(name == "upper");
            return self.emit(Op::Rt("bodo_str_case_owned", vec![r.0, up]), IrTy::Ptr);
        }
        if let (Ty::Str, "replace", [a, b], []) = (&rt, name, args, kwargs) {
            if let (Some(old), Some(new)) = (const_str(a), const_str(b)) {
                // Every match of literals: the whole text as a range, which
                // `Op::ReplaceLit` replaces inline when short.
                let (old, new) = (old.to_string(), new.to_string());
                let start = self.cint(0);
                let stop = self
                    .emit(Op::LoadField { ptr: r.0, of: Obj::Str, offset: layout::str::LEN, index: None }, IrTy::Int);
                let x = self.emit(Op::ReplaceLit { s: r.0, start, stop, old, new, upper: None }, IrTy::Ptr);
                self.release(r, &rt);
                return x;
            }
        }
        self.hold_in_flight(r, &rt);
        self.set_line(e.span);
        if let Ty::Record(fields) = &rt {
            let x = self.record_method(r.0, fields, name, args, &t);
            self.release(r, &rt);
            return x;
        }
        if let (Ty::List(el), "append", [a], []) = (&rt, name, args, kwargs) {
            let at = self.ty(a);
            let x = self.expr(a);
            let x = self.coerce(x, &at, el);
            self.list_push(r.0, x, el);
            self.release(r, &rt);
            return self.emit(Op::Const(Const::Unit), IrTy::Unit);
        }
        if let Ty::Dict(k, v) = &rt {
            if name == "get" || name == "pop" {
                let kt = self.ty(&args[0]);
                let kv = self.expr(&args[0]);
                let kv = self.coerce(kv, &kt, k);
                let ks = self.slot_of(kv);
                let result = if args.len() == 2 && name == "get" && t == **v {
                    // One lookup when the default has the dict's value type.
                    let dt = self.ty(&args[1]);
                    let dv = self.expr(&args[1]);
                    let dv = self.coerce(dv, &dt, v);
                    let ds = self.slot_of(dv);
                    let s = self.emit(Op::Rt("bodo_dict_get", vec![r.0, ks, ds]), IrTy::Slot);
                    self.check();
                    self.decref(dv, v);
                    self.slot_value(s, v)
                } else if args.len() == 2 {
                    let dt = self.ty(&args[1]);
                    let dv = self.expr(&args[1]);
                    let dv = self.coerce(dv, &dt, &t);
                    // The dict's value converted to the result type, or the default.
                    let has = self.emit(Op::Rt("bodo_dict_contains", vec![r.0, ks]), IrTy::Bool);
                    let tmp = self.new_temp(IrTy::of(&t));
                    let (yes, no, done) = (self.new_block(), self.new_block(), self.new_block());
                    self.branch(has, yes, no);
                    self.cur = yes;
                    let s = if name == "get" {
                        self.emit(Op::Rt("bodo_dict_getitem", vec![r.0, ks]), IrTy::Slot)
                    } else {
                        let z = self.emit(Op::Const(Const::Int(0)), IrTy::Slot);
                        let f0 = self.cbool(false);
                        self.emit(Op::Rt("bodo_dict_pop", vec![r.0, ks, z, f0]), IrTy::Slot)
                    };
                    self.check();
                    let x = self.slot_value(s, v);
                    let x = self.coerce(x, v, &t);
                    if IrTy::of(&t) != IrTy::Unit {
                        self.emit_void(Op::Store(tmp, x));
                    }
                    self.decref(dv, &t);
                    self.jump_to(done);
                    self.cur = no;
                    if IrTy::of(&t) != IrTy::Unit {
                        self.emit_void(Op::Store(tmp, dv));
                    }
                    self.jump_to(done);
                    self.emit(Op::Load(tmp), IrTy::of(&t))
                } else if name == "get" {
                    // d.get(k) -> Optional[V]
                    let has = self.emit(Op::Rt("bodo_dict_contains", vec![r.0, ks]), IrTy::Bool);
                    let tmp = self.new_temp(IrTy::Ptr);
                    let n = self.null();
                    self.emit_void(Op::Store(tmp, n));
                    let (yes, done) = (self.new_block(), self.new_block());
                    self.branch(has, yes, done);
                    self.cur = yes;
                    let s = self.emit(Op::Rt("bodo_dict_getitem", vec![r.0, ks]), IrTy::Slot);
                    let x = self.slot_value(s, v);
                    let x = self.coerce(x, v, &t);
                    self.emit_void(Op::Store(tmp, x));
                    self.jump_to(done);
                    self.emit(Op::Load(tmp), IrTy::Ptr)
                } else {
                    let z = self.emit(Op::Const(Const::Int(0)), IrTy::Slot);
                    let f0 = self.cbool(false);
                    let s = self.emit(Op::Rt("bodo_dict_pop", vec![r.0, ks, z, f0]), IrTy::Slot);
                    self.check();
                    self.slot_value(s, v)
                };
                self.decref(kv, k);
                self.release(r, &rt);
                return result;
            }
        }
        let Some(m) = Recv::of(&rt).and_then(|k| methods::lookup(k, name)) else {
            self.release(r, &rt);
            return self.null();
        };
        // A bool receiver stands for its int (`True.bit_length()`).
        let recv = if rt == Ty::Bool { self.coerce(r.0, &rt, &Ty::Int) } else { r.0 };
        let mut vals = vec![recv];
        let mut temps: Vec<(V, Ty)> = Vec::new();
        for (i, (pname, p)) in m.params.iter().enumerate() {
            let given = if i < args.len() { Some(&args[i]) } else { kwarg(kwargs, pname) };
            let want = methods::param_ty(*p, &rt);
            let v = match (given, p) {
                (Some(a), P::OptStr) if self.ty(a) == Ty::None => self.null(),
                (Some(a), P::Affix) => {
                    // A str or a tuple of str, and a flag saying which.
                    let at = self.ty(a);
                    let v = self.expr(a);
                    self.hold_in_flight((v, true), &at);
                    temps.push((v, at.clone()));
                    vals.push(v);
                    self.cbool(matches!(at, Ty::Tuple(_)))
                }
                (Some(a), P::Table) => {
                    // The runtime reads the table's value type from its descriptor.
                    let at = self.ty(a);
                    let v = self.expr(a);
                    self.hold_in_flight((v, true), &at);
                    temps.push((v, at));
                    v
                }
                (Some(a), P::Iter) if self.ty(a) != want => {
                    // Another iterable: its elements collected into the receiver's type.
                    let v = self.collect_into(a, &want);
                    self.hold_in_flight((v, true), &want);
                    temps.push((v, want.clone()));
                    v
                }
                (Some(a), P::ListStr) if !matches!(self.ty(a), Ty::List(_)) => {
                    // join of another iterable of str: its elements as a list.
                    let v = self.materialize_list(a);
                    self.hold_in_flight((v, true), &want);
                    temps.push((v, want.clone()));
                    v
                }
                (Some(a), _) => {
                    let at = self.ty(a);
                    let v = self.expr(a);
                    let want_c = if *p == P::OptStr { Ty::Str } else { want.clone() };
                    let v = self.coerce(v, &at, &want_c);
                    self.hold_in_flight((v, true), &want_c);
                    temps.push((v, want_c.clone()));
                    if matches!(p, P::Elem | P::Key | P::Val) {
                        self.slot_of(v)
                    } else if *p == P::Bool(false) || *p == P::Bool(true) {
                        self.truthy(v, &want_c)
                    } else {
                        v
                    }
                }
                (None, P::Int(d)) => self.cint(*d),
                (None, P::Bool(d)) => self.cbool(*d),
                (None, _) => self.null(),
            };
            vals.push(v);
        }
        if m.ret.takes_desc() {
            let d = self.desc(&t);
            vals.push(d);
        }
        let ty = match m.ret {
            R::None => IrTy::Unit,
            R::Int => IrTy::Int,
            R::Bool => IrTy::Bool,
            R::Elem | R::Val => IrTy::Slot,
            _ => IrTy::Ptr,
        };
        let out = if ty == IrTy::Unit {
            self.emit_void(Op::Rt(m.rt, vals));
            self.emit(Op::Const(Const::Unit), IrTy::Unit)
        } else {
            self.emit(Op::Rt(m.rt, vals), ty)
        };
        if m.raises {
            self.check();
        }
        let out = if ty == IrTy::Slot { self.slot_value(out, &t) } else { out };
        for (v, vt) in temps {
            self.decref(v, &vt);
        }
        self.release(r, &rt);
        out
    }

    /// `e` as text shows it (its exact type, borrowed), gathered whole
    /// (owned) when it holds distributed data: printing and string
    /// conversions show every rank's rows, as the program wrote them.
    pub(super) fn expr_whole(&mut self, e: &'a Expr) -> ((V, bool), Ty) {
        let t = self.exact_ty(e);
        let v = self.expr_borrow(e);
        if !t.has_dist() {
            return (v, t);
        }
        let owned = self.own(v, &t);
        let (w, wt) = self.whole(owned, &t);
        ((w, true), wt)
    }

    fn print(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg]) -> V {
        self.print_values(args, kwargs, false)
    }

    /// `print` (rank 0 only) or `bodo.parallel_print` (`all_ranks`): distributed
    /// arrays are gathered whole first.
    pub fn print_values(&mut self, args: &'a [Expr], kwargs: &'a [Kwarg], all_ranks: bool) -> V {
        let mut slots = Vec::new();
        let mut descs = Vec::new();
        let mut temps = Vec::new();
        let mark = self.in_flight_mark();
        for a in args {
            let (v, at) = self.expr_whole(a);
            slots.push(self.slot_of(v.0));
            descs.push(self.desc(&at));
            self.hold_in_flight(v, &at);
            temps.push((v, at));
        }
        let mut sep = None;
        let mut end = None;
        let mut dest = if all_ranks { print_dest::ALL_RANKS } else { print_dest::STDOUT };
        for Kwarg { name, value: v, .. } in kwargs {
            if name == "file" {
                if v.print_stream() == Some(true) {
                    dest = print_dest::STDERR;
                }
                continue;
            }
            let vt = self.ty(v);
            if name == "flush" || vt == Ty::None {
                continue;
            }
            let x = self.expr(v);
            self.hold_in_flight((x, true), &vt);
            if name == "sep" {
                sep = Some(x);
            } else if name == "end" {
                end = Some(x);
            }
        }
        let arr = self.emit(Op::SlotArray(slots), IrTy::Ptr);
        let darr = self.emit(Op::PtrArray(descs), IrTy::Ptr);
        let n = self.cint(args.len() as i64);
        let s = match sep {
            Some(s) => s,
            None => self.null(),
        };
        let en = match end {
            Some(x) => x,
            None => self.null(),
        };
        let dest = self.cint(dest);
        self.emit_void(Op::Rt("bodo_print", vec![arr, darr, n, s, en, dest]));
        self.let_go(mark);
        for x in [sep, end].into_iter().flatten() {
            self.emit_void(Op::DecRef(x));
        }
        for (v, t) in temps {
            self.release(v, &t);
        }
        self.emit(Op::Const(Const::Unit), IrTy::Unit)
    }

    pub fn fstring(&mut self, parts: &'a [FPart]) -> V {
        self.fstring_into(parts, None)
    }

    /// An f-string's text: a new string, or with `into` (a string builder
    /// and its separator, `join_builders.rs`) appended to that builder
    /// (the result is then the unit value).
    pub fn fstring_into(&mut self, parts: &'a [FPart], into: Option<(V, &str)>) -> V {
        if let ([FPart::Lit(text)], None) = (parts, into) {
            return self.cstr(text);
        }
        if let Some((b, sep)) = into {
            if self.fstring_pieces(parts, b, sep) {
                return self.emit(Op::Const(Const::Unit), IrTy::Unit);
            }
        }
        // One runtime call renders every piece into one string; literal text
        // is a str piece.
        let (mut values, mut descs, mut specs, mut convs) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut held: Vec<((V, bool), Ty)> = Vec::new();
        let mark = self.in_flight_mark();
        for p in parts {
            let (v, t, spec, conv) = match p {
                FPart::Lit(text) => ((self.cstr(text), false), Ty::Str, None, &Conversion::None),
                FPart::Value { expr, conv, spec } => {
                    let (v, t) = self.expr_whole(expr);
                    (v, t, spec.as_ref().filter(|s| !s.is_empty()), conv)
                }
            };
            self.hold_in_flight(v, &t);
            match (conv, &t) {
                // `"%s" % t` of a 1-tuple formats its item (inference
                // rejects other tuples there), borrowed from the tuple.
                (Conversion::Percent { arg: PercentArg::Whole, .. }, Ty::Tuple(items)) => {
                    values.push(self.tuple_item(v.0, 0, IrTy::Slot));
                    descs.push(self.desc(&items[0]));
                }
                _ => {
                    values.push(self.slot_of(v.0));
                    descs.push(self.desc(&t));
                }
            }
            // A literal spec of plain padding or fixed-point digits goes in
            // the conversion word, parsed here instead of at every run.
            let plain = match (conv, spec.map(Vec::as_slice), &t) {
                (Conversion::None, Some([FPart::Lit(text)]), Ty::Int) => {
                    fconv::Plain::parse(text, false).map(|p| p.encode(false))
                }
                (Conversion::None, Some([FPart::Lit(text)]), Ty::Float) => {
                    fconv::Plain::parse(text, true).map(|p| p.encode(true))
                }
                _ => None,
            };
            let sp = match spec.filter(|_| plain.is_none()) {
                Some(spec) => {
                    let sp = self.fstring(spec);
                    self.hold_in_flight((sp, true), &Ty::Str);
                    held.push(((sp, true), Ty::Str));
                    sp
                }
                None => self.null(),
            };
            specs.push(sp);
            let conv = match conv {
                _ if plain.is_some() => plain.expect("checked"),
                Conversion::None | Conversion::Index => fconv::NONE,
                Conversion::Str => fconv::STR,
                Conversion::Repr => fconv::REPR,
                Conversion::Ascii => fconv::ASCII,
                Conversion::Percent { code, .. } => match code {
                    's' => fconv::STR,
                    'r' => fconv::REPR,
                    'a' => fconv::ASCII,
                    'd' => fconv::TRUNC,
                    'c' => fconv::CHAR,
                    _ => fconv::NONE,
                },
                Conversion::PercentWidth => fconv::WIDTH,
            };
            convs.push(self.emit(Op::Const(Const::Int(conv as i64)), IrTy::Slot));
            held.push((v, t));
        }
        let n = self.cint(values.len() as i64);
        let mut args = vec![
            self.emit(Op::SlotArray(values), IrTy::Ptr),
            self.emit(Op::PtrArray(descs), IrTy::Ptr),
            self.emit(Op::PtrArray(specs), IrTy::Ptr),
            self.emit(Op::SlotArray(convs), IrTy::Ptr),
            n,
        ];
        let r = match into {
            Some((builder, sep)) => {
                let sep = self.cstr(sep);
                args.splice(0..0, [builder, sep]);
                self.emit_void(Op::Rt("bodo_strbuf_push_fstring", args));
                self.emit(Op::Const(Const::Unit), IrTy::Unit)
            }
            None => self.emit(Op::Rt("bodo_fstring", args), IrTy::Ptr),
        };
        self.check();
        self.let_go(mark);
        for (v, t) in held {
            self.release(v, &t);
        }
        r
    }
}

/// The name of the Python class of a value of static type `t`.
fn python_type_name(t: &Ty) -> &'static str {
    match t {
        Ty::Int => "int",
        Ty::Float => "float",
        Ty::Bool => "bool",
        Ty::Str => "str",
        Ty::None => "NoneType",
        Ty::List(_) => "list",
        Ty::Tuple(_) | Ty::VarTuple(_) => "tuple",
        Ty::Dict(..) | Ty::Record(_) => "dict",
        Ty::Set(_) => "set",
        Ty::Array(..) => "ndarray",
        _ => "object",
    }
}
