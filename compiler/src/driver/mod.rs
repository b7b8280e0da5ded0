//! The driver: the only code that touches files, the environment, the
//! linker, the cache and mpiexec. Everything it calls before linking is a
//! pure function of the source text.

mod cache;
mod link;
pub mod pipeline;
pub mod schema;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::codegen::{self, Emit};
use crate::diagnostics::{Diagnostics, SourceFiles};

/// What `bodoc build` was asked for.
pub struct BuildOptions {
    pub source: PathBuf,
    pub output: Option<PathBuf>,
    pub opt_level: u8,
    pub emit: Option<EmitKind>,
    pub quiet: bool,
    pub verbose: bool,
    /// `--spmd`: driver code runs on every rank with local chunks (no gathers, no scatters).
    pub spmd: bool,
    /// `--fast-math`: array loops may call the vector math library.
    pub fast_math: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmitKind {
    LlvmIr,
    Asm,
    Obj,
    /// bodoc's own IR, after passes.
    Ir,
}

/// A failed command: the message (if not already printed) and the exit status.
pub struct Failure {
    pub code: i32,
}

pub fn color_choice() -> ColorChoice {
    if std::env::var_os("NO_COLOR").is_some() || !std::io::stderr().is_terminal() {
        ColorChoice::Never
    } else {
        ColorChoice::Auto
    }
}

fn status(quiet: bool, verb: &str, rest: &str) {
    if quiet {
        return;
    }
    let mut err = StandardStream::stderr(color_choice());
    use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
    let _ = err.set_color(ColorSpec::new().set_fg(Some(Color::Green)).set_bold(true));
    let _ = write!(err, "{verb:>12}");
    let _ = err.reset();
    let _ = writeln!(err, " {rest}");
}

fn emit_diagnostics(files: &SourceFiles, diags: &Diagnostics) {
    let mut err = StandardStream::stderr(color_choice());
    files.emit(&mut err, diags);
}

fn fail(msg: &str) -> Failure {
    let mut err = StandardStream::stderr(color_choice());
    use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
    let _ = err.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true));
    let _ = write!(err, "error");
    let _ = err.reset();
    let _ = writeln!(err, ": {msg}");
    Failure { code: 1 }
}

fn read_source(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| fail(&format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|_| fail(&format!("{} is not UTF-8 text", path.display())))
}

/// `bodoc check`: parse and type the program, print diagnostics.
/// `bodoc explain`: print the distribution report of every jit function.
pub fn explain(source: &Path, spmd: bool) -> Result<(), Failure> {
    let text = read_source(source)?;
    let name = source.to_string_lossy().to_string();
    let out = pipeline::front_end_with(&text, &name, spmd);
    emit_diagnostics(&out.files, &out.diags);
    if out.program.is_none() {
        return Err(Failure { code: 1 });
    }
    // A reader that stops early (`bodoc explain prog.py | head`) closes the
    // pipe: that ends the report, it is not an error (print! would panic).
    let mut stdout = std::io::stdout().lock();
    for r in &out.reports {
        if write!(stdout, "{r}").is_err() {
            break;
        }
    }
    Ok(())
}

pub fn check(source: &Path) -> Result<(), Failure> {
    let text = read_source(source)?;
    let name = source.to_string_lossy().to_string();
    let out = pipeline::front_end(&text, &name);
    emit_diagnostics(&out.files, &out.diags);
    if out.program.is_none() {
        return Err(Failure { code: 1 });
    }
    Ok(())
}

/// `bodoc build`: compile (or reuse the cache) and write the executable.
/// Returns the path of what was written.
pub fn build(opts: &BuildOptions) -> Result<PathBuf, Failure> {
    let start = Instant::now();
    let text = read_source(&opts.source)?;
    let name = opts.source.to_string_lossy().to_string();
    let stem = opts.source.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "prog".into());
    let default_out = match opts.emit {
        None => opts.source.with_file_name(&stem),
        Some(EmitKind::LlvmIr) => opts.source.with_file_name(format!("{stem}.ll")),
        Some(EmitKind::Asm) => opts.source.with_file_name(format!("{stem}.s")),
        Some(EmitKind::Obj) => opts.source.with_file_name(format!("{stem}.o")),
        Some(EmitKind::Ir) => opts.source.with_file_name(format!("{stem}.ir")),
    };
    let output = opts.output.clone().unwrap_or(default_out);
    let runtime = link::runtime_library().map_err(|m| fail(&m))?;

    let flags = format!("-O{} spmd={} fast-math={}", opts.opt_level, opts.spmd, opts.fast_math);
    let key = cache::key(&text, &name, &flags, &runtime);
    let report = std::env::var("BODO_DISTRIBUTED_DIAGNOSTICS").is_ok_and(|v| v != "0" && !v.is_empty());
    // The distribution report comes from compiling: a build asking for it is never a cache hit.
    if opts.emit.is_none() && !report {
        // A copy that fails (the entry was just pruned by another build)
        // falls back to compiling.
        if let Some(hit) = cache::lookup(&key) {
            if cache::copy_atomically(&hit, &output).is_ok() {
                status(opts.quiet, "Fresh", &name);
                return Ok(output);
            }
        }
    }
    status(opts.quiet, "Compiling", &name);
    let fe = pipeline::front_end_with(&text, &name, opts.spmd);
    emit_diagnostics(&fe.files, &fe.diags);
    if report {
        for r in &fe.reports {
            eprint!("{r}");
        }
    }
    let Some(prog) = fe.program else {
        let n = fe.diags.error_count();
        return Err(fail(&format!(
            "could not compile {name} due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        )));
    };
    let copts = codegen::Options { opt_level: opts.opt_level, fast_math: opts.fast_math };
    let tmp = cache::scratch_dir().map_err(|m| fail(&m))?;
    let result = (|| -> Result<(), Failure> {
        match opts.emit {
            Some(EmitKind::Ir) => {
                let text = crate::ir::print::print_program(&prog);
                cache::write_atomically(&output, text.as_bytes()).map_err(|m| fail(&m))
            }
            Some(kind) => {
                let e = match kind {
                    EmitKind::LlvmIr => Emit::LlvmIr,
                    EmitKind::Asm => Emit::Asm,
                    _ => Emit::Object,
                };
                let t = tmp.join("out");
                codegen::compile(&prog, &copts, e, &t).map_err(|m| fail(&m))?;
                cache::move_atomically(&t, &output).map_err(|m| fail(&m))
            }
            None => {
                let obj = tmp.join("prog.o");
                codegen::compile(&prog, &copts, Emit::Object, &obj).map_err(|m| fail(&m))?;
                let exe = tmp.join("prog");
                link::link(&obj, &runtime, &exe, opts.verbose).map_err(|m| fail(&m))?;
                cache::store(&key, &exe, &fe.data_files);
                cache::move_atomically(&exe, &output).map_err(|m| fail(&m))
            }
        }
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result?;
    status(
        opts.quiet,
        "Finished",
        &format!("-O{} {} in {:.2}s", opts.opt_level, output.display(), start.elapsed().as_secs_f64()),
    );
    Ok(output)
}

/// `bodoc run`: build, then run under mpiexec with `ranks` processes.
pub fn run(opts: &BuildOptions, ranks: u32, args: &[String]) -> Result<i32, Failure> {
    let exe = build(opts)?;
    let exe = if exe.is_absolute() { exe } else { Path::new(".").join(exe) };
    let mut cmd = if ranks <= 1 {
        std::process::Command::new(&exe)
    } else {
        let mut c = std::process::Command::new("mpiexec");
        c.arg("-n").arg(ranks.to_string()).arg(&exe);
        c
    };
    cmd.args(args);
    let st = cmd.status().map_err(|e| fail(&format!("cannot run {}: {e}", exe.display())))?;
    Ok(st.code().unwrap_or(1))
}

/// `bodoc cache clean`.
pub fn cache_clean() -> Result<(), Failure> {
    cache::clean().map_err(|m| fail(&m))
}

/// `bodoc cache dir`.
pub fn cache_dir() -> PathBuf {
    cache::dir()
}
