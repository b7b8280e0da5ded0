//! IR -> LLVM (inkwell, LLVM 19): module setup, constants (type
//! descriptors, immortal string literals), the C `main`, optimization and
//! object/assembly/IR emission. Function bodies are in [`func`].

pub mod abi;
mod alias;
mod func;

use std::collections::HashMap;
use std::path::Path;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine};
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum};
use inkwell::values::{FunctionValue, GlobalValue, PointerValue};
use inkwell::{AddressSpace, OptimizationLevel};

use crate::ir::{IrProgram, IrTy};
use crate::types::Ty;
use abi::K;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    Object,
    Asm,
    LlvmIr,
}

pub struct Options {
    pub opt_level: u8,
    /// Whether loops may call [`VECTOR_MATH`] (`--fast-math`).
    pub fast_math: bool,
}

pub(crate) struct Gen<'ctx> {
    pub ctx: &'ctx Context,
    pub module: Module<'ctx>,
    descs: HashMap<Ty, GlobalValue<'ctx>>,
    strings: HashMap<String, GlobalValue<'ctx>>,
    pub funcs: HashMap<String, FunctionValue<'ctx>>,
    alias: alias::AliasTags<'ctx>,
}

/// The vector math library the loop vectorizer may call for `exp`, `log`,
/// `sin`, ... in array loops under `--fast-math`, as (LLVM's name for it,
/// linker flag): glibc's libmvec on x86-64 Linux. Its functions are
/// accurate to a few units in the last place, where NumPy calls the scalar
/// libm functions (correctly rounded in nearly all cases); in exchange a
/// fused loop over `np.exp(...)` evaluates four elements per call instead
/// of one. By default loops call libm, so results are NumPy's bit for bit
/// (a cancelling sum of `np.sin` values prints NumPy's sign and digits).
pub const VECTOR_MATH: Option<(&str, &str)> =
    if cfg!(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu")) {
        Some(("LIBMVEC-X86", "-lmvec"))
    } else {
        None
    };

/// The most predecessors of a block whose tails LLVM's branch folding
/// compares pairwise (LLVM's default is 150). A frame-heavy function has
/// blocks that hundreds of exits and cleanups reach; comparing their tails
/// took a third of its build. Hot loops have few.
const TAIL_MERGE_PREDECESSORS: u32 = 16;

/// Tells LLVM (process-wide, once: a bodoc process builds one program)
/// which vector math library loops may call, and how far branch folding
/// compares tails.
fn configure_llvm(fast_math: bool) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut options = vec![format!("-tail-merge-threshold={TAIL_MERGE_PREDECESSORS}\0")];
        if let Some((lib, _)) = VECTOR_MATH.filter(|_| fast_math) {
            options.push(format!("-vector-library={lib}\0"));
        }
        let mut args = vec![c"bodoc".as_ptr()];
        args.extend(options.iter().map(|o| o.as_ptr().cast()));
        // SAFETY: NUL-terminated strings that outlive the call; LLVM copies
        // the option values it keeps.
        unsafe {
            inkwell::llvm_sys::support::LLVMParseCommandLineOptions(args.len() as i32, args.as_ptr(), std::ptr::null())
        };
    });
}

/// Compile a program to an object file, assembly or LLVM IR text at `out`.
pub fn compile(prog: &IrProgram, opts: &Options, emit: Emit, out: &Path) -> Result<(), String> {
    Target::initialize_native(&InitializationConfig::default()).map_err(|e| format!("LLVM init: {e}"))?;
    configure_llvm(opts.fast_math);
    let ctx = Context::create();
    let module = ctx.create_module("bodoc_program");
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| e.to_string())?;
    let level = match opts.opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    let cpu = TargetMachine::get_host_cpu_name();
    let features = TargetMachine::get_host_cpu_features();
    let tm = target
        .create_target_machine(
            &triple,
            cpu.to_str().unwrap_or("generic"),
            features.to_str().unwrap_or(""),
            level,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or("could not create an LLVM target machine for this host")?;
    module.set_triple(&triple);
    module.set_data_layout(&tm.get_target_data().get_data_layout());

    let mut g = Gen {
        ctx: &ctx,
        module,
        descs: HashMap::new(),
        strings: HashMap::new(),
        funcs: HashMap::new(),
        alias: alias::AliasTags::new(&ctx),
    };
    for f in &prog.funcs {
        g.declare(f);
    }
    for f in &prog.funcs {
        func::FnGen::emit(&mut g, f)?;
    }
    g.emit_main(&prog.script_name)?;
    g.module.verify().map_err(|e| format!("internal error: invalid LLVM module: {}", e.to_string()))?;

    let passes = format!("default<O{}>", opts.opt_level.min(3));
    // The C API leaves the vectorizers off; clang turns them on from -O2.
    let pb = PassBuilderOptions::create();
    let vectorize = opts.opt_level >= 2;
    pb.set_loop_vectorization(vectorize);
    pb.set_loop_slp_vectorization(vectorize);
    pb.set_loop_interleaving(vectorize);
    g.module.run_passes(&passes, &tm, pb).map_err(|e| format!("LLVM optimization failed: {e}"))?;
    match emit {
        Emit::LlvmIr => g.module.print_to_file(out).map_err(|e| e.to_string()),
        Emit::Asm => tm.write_to_file(&g.module, FileType::Assembly, out).map_err(|e| e.to_string()),
        Emit::Object => tm.write_to_file(&g.module, FileType::Object, out).map_err(|e| e.to_string()),
    }
}

impl<'ctx> Gen<'ctx> {
    pub fn ptr(&self) -> inkwell::types::PointerType<'ctx> {
        self.ctx.ptr_type(AddressSpace::default())
    }

    pub fn basic(&self, t: IrTy) -> Option<BasicTypeEnum<'ctx>> {
        Some(match t {
            IrTy::Int | IrTy::Slot => self.ctx.i64_type().into(),
            IrTy::Float => self.ctx.f64_type().into(),
            IrTy::Bool => self.ctx.bool_type().into(),
            IrTy::Ptr => self.ptr().into(),
            IrTy::Unit => return None,
        })
    }

    fn abi_type(&self, k: K) -> Option<BasicTypeEnum<'ctx>> {
        Some(match k {
            K::I64 | K::Slot => self.ctx.i64_type().into(),
            K::F64 => self.ctx.f64_type().into(),
            K::I8 => self.ctx.i8_type().into(),
            K::I32 => self.ctx.i32_type().into(),
            K::Ptr => self.ptr().into(),
            K::Void => return None,
        })
    }

    fn declare(&mut self, f: &crate::ir::IrFunc) {
        let params: Vec<BasicMetadataTypeEnum> =
            f.params.iter().filter_map(|p| self.basic(*p)).map(|t| t.into()).collect();
        let fty = match self.basic(f.ret) {
            Some(r) => r.fn_type(&params, false),
            None => self.ctx.void_type().fn_type(&params, false),
        };
        let fv = self.module.add_function(&f.symbol, fty, Some(Linkage::Internal));
        self.funcs.insert(f.symbol.clone(), fv);
    }

    /// The declaration of a runtime function.
    pub fn runtime_fn(&mut self, name: &str) -> Result<(FunctionValue<'ctx>, abi::Sig), String> {
        let sig = abi::signature(name).ok_or_else(|| format!("internal error: '{name}' is not in the runtime ABI"))?;
        if let Some(f) = self.module.get_function(name) {
            return Ok((f, sig));
        }
        let params: Vec<BasicMetadataTypeEnum> =
            sig.params.iter().filter_map(|k| self.abi_type(*k)).map(|t| t.into()).collect();
        let fty = match self.abi_type(sig.ret) {
            Some(r) => r.fn_type(&params, false),
            None => self.ctx.void_type().fn_type(&params, false),
        };
        let f = self.module.add_function(name, fty, Some(Linkage::External));
        // No runtime function unwinds into generated code (a panic leaving
        // an `extern "C"` function aborts), and saying so spares LLVM's
        // passes asking of every call whether it may throw.
        let nounwind = Attribute::get_named_enum_kind_id("nounwind");
        f.add_attribute(AttributeLoc::Function, self.ctx.create_enum_attribute(nounwind, 0));
        if abi::PURE.contains(&name) {
            // No memory effects, never unwinds, always returns: LLVM keeps
            // one call per function and hoists it out of loops.
            for attr in ["memory", "willreturn", "speculatable"] {
                let kind = Attribute::get_named_enum_kind_id(attr);
                // `memory(none)` is the memory attribute with value 0.
                f.add_attribute(AttributeLoc::Function, self.ctx.create_enum_attribute(kind, 0));
            }
        }
        Ok((f, sig))
    }

    /// The exported flag byte that is non-zero while an exception is pending.
    pub fn err_flag(&mut self) -> PointerValue<'ctx> {
        let name = bodo_abi::ERR_FLAG_SYMBOL;
        match self.module.get_global(name) {
            Some(g) => g.as_pointer_value(),
            None => {
                let g = self.module.add_global(self.ctx.i8_type(), None, name);
                g.set_linkage(Linkage::External);
                g.as_pointer_value()
            }
        }
    }

    /// The constant descriptor of a type.
    pub fn desc(&mut self, t: &Ty) -> PointerValue<'ctx> {
        if let Some(g) = self.descs.get(t) {
            return g.as_pointer_value();
        }
        use bodo_abi::kind;
        let (k, children): (u32, Vec<Ty>) = match t {
            Ty::Int | Ty::Unknown | Ty::Var(_) => (kind::INT, vec![]),
            Ty::Float => (kind::FLOAT, vec![]),
            Ty::Bool => (kind::BOOL, vec![]),
            Ty::Datetime => (kind::DATETIME, vec![]),
            Ty::None => (kind::NONE, vec![]),
            Ty::Str => (kind::STR, vec![]),
            Ty::Exc => (kind::EXCEPTION, vec![]),
            Ty::List(e) => (kind::LIST, vec![(**e).clone()]),
            Ty::View(v, e) => (v.kind(), vec![(**e).clone()]),
            Ty::VarTuple(e) => (kind::VTUPLE, vec![(**e).clone()]),
            Ty::Set(e) => (kind::SET, vec![(**e).clone()]),
            Ty::Optional(e) => (kind::OPTIONAL, vec![(**e).clone()]),
            Ty::Dict(a, b) => (kind::DICT, vec![(**a).clone(), (**b).clone()]),
            Ty::Tuple(items) => (kind::TUPLE, items.clone()),
            Ty::Record(fields) => (kind::RECORD, fields.iter().map(|f| f.1.clone()).collect()),
            Ty::Array(e, ..) => (kind::ARRAY, vec![(**e).clone()]),
            Ty::Frame(f) => (kind::FRAME, f.tuple()),
            Ty::Series(s) => (kind::SERIES, s.tuple()),
            Ty::Pivot(p) => (kind::PIVOT, p.tuple()),
        };
        let mut child_ptrs: Vec<PointerValue> = children.iter().map(|c| self.desc(c)).collect();
        // Names follow the item types (`bodo_abi::kind::RECORD`, `FRAME`,
        // `SERIES`; the latter two first the index's levels, as a record;
        // `PIVOT`: the index's name, then the columns'; `INDEX`: its name).
        match t {
            Ty::Record(fields) => child_ptrs.extend(fields.iter().map(|f| self.string(&f.0))),
            Ty::Frame(f) => {
                child_ptrs.push(self.levels_desc(&f.labels));
                child_ptrs.extend(f.cols.iter().map(|c| self.string(&c.0)));
            }
            Ty::Series(s) => {
                child_ptrs.push(self.levels_desc(&s.labels));
                child_ptrs.push(match &s.name {
                    Some(n) => self.string(n),
                    None => self.ptr().const_null(),
                });
            }
            Ty::Pivot(p) => {
                child_ptrs.push(self.string(&p.index.0));
                child_ptrs.push(self.string(&p.columns.0));
            }
            Ty::View(crate::types::ty::View::Labels(name), _) => child_ptrs.push(self.string(name)),
            Ty::View(crate::types::ty::View::Columns, _) => child_ptrs.push(self.ptr().const_null()),
            _ => {}
        }
        let ptr_t = self.ptr();
        let arr = if child_ptrs.is_empty() {
            ptr_t.const_null()
        } else {
            let arr_ty = ptr_t.array_type(child_ptrs.len() as u32);
            let g = self.module.add_global(arr_ty, None, &format!("desc.children.{}", self.descs.len()));
            g.set_initializer(&ptr_t.const_array(&child_ptrs));
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g.as_pointer_value()
        };
        let i32t = self.ctx.i32_type();
        let st = self.ctx.struct_type(&[i32t.into(), i32t.into(), ptr_t.into()], false);
        let init = st.const_named_struct(&[
            i32t.const_int(k as u64, false).into(),
            i32t.const_int(children.len() as u64, false).into(),
            arr.into(),
        ]);
        let g = self.module.add_global(st, None, &format!("desc.{}", self.descs.len()));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        self.descs.insert(t.clone(), g);
        g.as_pointer_value()
    }

    /// The descriptor of a named index's levels (a record of the level
    /// names and types), null for other labels.
    fn levels_desc(&mut self, labels: &crate::types::ty::Labels) -> PointerValue<'ctx> {
        match labels {
            crate::types::ty::Labels::Levels(ls) => self.desc(&Ty::Record(ls.clone())),
            _ => self.ptr().const_null(),
        }
    }

    /// An immortal `Str` object holding `s`, laid out as `bodo_abi::layout::str`.
    pub fn string(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.strings.get(s) {
            return g.as_pointer_value();
        }
        let desc = self.desc(&Ty::Str);
        let i64t = self.ctx.i64_type();
        let bytes = self.ctx.const_string(s.as_bytes(), true);
        let st = self
            .ctx
            .struct_type(&[i64t.into(), self.ptr().into(), i64t.into(), i64t.into(), bytes.get_type().into()], false);
        let init = st.const_named_struct(&[
            i64t.const_int(u64::MAX, true).into(),
            desc.into(),
            i64t.const_int(s.len() as u64, false).into(),
            i64t.const_int(s.chars().count() as u64, false).into(),
            bytes.into(),
        ]);
        let g = self.module.add_global(st, None, &format!("str.{}", self.strings.len()));
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.strings.insert(s.to_string(), g);
        g.as_pointer_value()
    }

    /// `int main(argc, argv)`: start the runtime, run the module body, finish.
    fn emit_main(&mut self, script: &str) -> Result<(), String> {
        let i32t = self.ctx.i32_type();
        let fty = i32t.fn_type(&[i32t.into(), self.ptr().into()], false);
        let main = self.module.add_function("main", fty, None);
        let b = self.ctx.create_builder();
        b.position_at_end(self.ctx.append_basic_block(main, "entry"));
        let (init, _) = self.runtime_fn("bodo_init")?;
        let (fin, _) = self.runtime_fn("bodo_finalize")?;
        let name = self.ctx.const_string(script.as_bytes(), true);
        let g = self.module.add_global(name.get_type(), None, "script_name");
        g.set_initializer(&name);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        let argc = main.get_nth_param(0).ok_or("main")?;
        let argv = main.get_nth_param(1).ok_or("main")?;
        let e = |x: inkwell::builder::BuilderError| x.to_string();
        b.build_call(init, &[argc.into(), argv.into(), g.as_pointer_value().into()], "").map_err(e)?;
        let user = *self.funcs.get("bodo_user_main").ok_or("internal error: no module body")?;
        b.build_call(user, &[], "").map_err(e)?;
        let r = b.build_call(fin, &[], "rc").map_err(e)?;
        match r.try_as_basic_value() {
            inkwell::values::ValueKind::Basic(v) => b.build_return(Some(&v)).map_err(e)?,
            _ => b.build_return(Some(&i32t.const_zero())).map_err(e)?,
        };
        Ok(())
    }
}
