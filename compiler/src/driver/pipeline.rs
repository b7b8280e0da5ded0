//! The compilation pipeline in one visible place: parse, resolve, type,
//! lower to IR, run passes. A pure function of the source text.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFiles};
use crate::ir::IrProgram;
use crate::{hir, ir, passes, syntax, types};

/// Nesting depth of loops over mixed-type tuples that gets unrolled.
const MAX_UNROLL_ROUNDS: usize = 8;

pub struct FrontEnd {
    pub files: SourceFiles,
    pub diags: Diagnostics,
    /// `None` when there were errors.
    pub program: Option<IrProgram>,
    /// The distribution report of each jit function (see `explain`), in source order.
    pub reports: Vec<String>,
}

/// Run every stage up to optimized IR. `name` is the path as the user gave it.
pub fn front_end(text: &str, name: &str) -> FrontEnd {
    front_end_with(text, name, false)
}

/// [`front_end`] with the launch mode: `spmd` runs driver code on every rank
/// with local chunks (also implied by any `@bodo.jit(spawn=False)`).
pub fn front_end_with(text: &str, name: &str, spmd: bool) -> FrontEnd {
    let mut files = SourceFiles::default();
    let file = files.add(name, text);
    let mut diags = Diagnostics::default();
    let mut reports = Vec::new();
    let program = stages(text, name, file, &files, spmd, &mut diags, &mut reports);
    FrontEnd { files, diags, program, reports }
}

fn stages(
    text: &str,
    name: &str,
    file: u32,
    files: &SourceFiles,
    spmd: bool,
    diags: &mut Diagnostics,
    reports: &mut Vec<String>,
) -> Option<IrProgram> {
    let ast = match syntax::parse(text, file, name) {
        Ok(a) => a,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let script = std::path::Path::new(name).file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let mut hir = hir::lower::lower_module(&ast, file, &script, diags);
    if diags.has_errors() {
        return None;
    }
    let spmd = spmd || hir.funcs.iter().any(|f| f.jit.as_ref().is_some_and(|o| o.spawn == Some(false)));
    // Each round unrolls the loops over mixed-type tuples that inference
    // found (an unrolled body may hold more), then infers again.
    let mut rounds = 0;
    let typed = loop {
        match types::infer_program(&hir, spmd, diags) {
            types::Inferred::Typed(t) => break t,
            types::Inferred::Failed => return None,
            types::Inferred::Unroll(reqs) if rounds < MAX_UNROLL_ROUNDS => hir::unroll::apply(&mut hir, &reqs),
            types::Inferred::Unroll(reqs) => {
                let f = &hir.funcs[reqs[0].func as usize];
                diags.push(
                    Diagnostic::error(f.span, "loops over tuples of mixed types are nested too deeply")
                        .help("iterate over lists, or unpack the tuples"),
                );
                return None;
            }
        }
        rounds += 1;
    };
    let by_func = crate::explain::reports(&hir, &typed, files);
    reports.extend(by_func.values().cloned());
    let mut prog = ir::lower::lower_program(&hir, &typed, files, &by_func);
    if let Err(e) = passes::run(&mut prog) {
        diags.push(Diagnostic::error(Default::default(), e));
        return None;
    }
    Some(prog)
}
