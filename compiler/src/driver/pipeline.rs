//! The compilation pipeline in one visible place: parse, resolve, type,
//! lower to IR, run passes. A pure function of the source text.

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFiles};
use crate::ir::IrProgram;
use crate::{hir, ir, passes, syntax, types};

pub struct FrontEnd {
    pub files: SourceFiles,
    pub diags: Diagnostics,
    /// `None` when there were errors.
    pub program: Option<IrProgram>,
}

/// Run every stage up to optimized IR. `name` is the path as the user gave it.
pub fn front_end(text: &str, name: &str) -> FrontEnd {
    let mut files = SourceFiles::default();
    let file = files.add(name, text);
    let mut diags = Diagnostics::default();
    let program = stages(text, name, file, &files, &mut diags);
    FrontEnd { files, diags, program }
}

fn stages(text: &str, name: &str, file: u32, files: &SourceFiles, diags: &mut Diagnostics) -> Option<IrProgram> {
    let ast = match syntax::parse(text, file, name) {
        Ok(a) => a,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let script = std::path::Path::new(name).file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let hir = hir::lower::lower_module(&ast, file, &script, diags);
    if diags.has_errors() {
        return None;
    }
    let typed = types::infer_program(&hir, diags)?;
    let mut prog = ir::lower::lower_program(&hir, &typed, files);
    if let Err(e) = passes::run(&mut prog) {
        diags.push(Diagnostic::error(Default::default(), e));
        return None;
    }
    Some(prog)
}
