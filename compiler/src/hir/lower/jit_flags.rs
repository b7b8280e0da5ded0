//! The variable names of `@bodo.jit(distributed=[...], replicated=[...],
//! distributed_block=[...])` against the function they decorate: a name in
//! both a distributed and the replicated list contradicts itself (an
//! error), and a name the function never binds is most likely a typo that
//! leaves the flag without effect (a warning, with the closest name).

use super::super::suggest::similar_name;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::hir::JitOptions;

/// Check the flags of `opts` on function `func`, whose parameters and
/// assigned locals are `names`.
pub(super) fn check_flag_names(opts: &JitOptions, func: &str, names: &[String], diags: &mut Diagnostics) {
    let distributed = opts.distributed.iter().chain(&opts.distributed_block);
    for n in distributed.clone().filter(|n| opts.replicated.contains(n)) {
        diags.push(
            Diagnostic::error(opts.span, format!("'{n}' is listed as both distributed and replicated"))
                .label(format!("flags of '{func}'"))
                .help(format!("keep '{n}' in one of distributed=/distributed_block= and replicated=")),
        );
    }
    for n in distributed.chain(&opts.replicated) {
        if names.contains(n) {
            continue;
        }
        let d = Diagnostic::warning(opts.span, format!("'{func}' has no variable '{n}'"))
            .label("this distribution flag has no effect on it");
        diags.push(match similar_name(n, names.iter().map(String::as_str)) {
            Some(s) => d.help(format!("did you mean '{s}'?")),
            None => d.help("name a parameter or a variable the function assigns"),
        });
    }
}
