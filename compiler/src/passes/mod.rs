//! Small named passes over the IR, run in the order of [`run`]. Each says
//! what it requires and what it guarantees.

mod simplify_cfg;
mod verify;

use crate::ir::IrProgram;

/// Run every pass. Errors are internal compiler errors (bugs), not user errors.
pub fn run(prog: &mut IrProgram) -> Result<(), String> {
    for f in &mut prog.funcs {
        simplify_cfg::run(f);
        verify::run(f)?;
    }
    Ok(())
}
