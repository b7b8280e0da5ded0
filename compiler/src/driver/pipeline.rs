//! The compilation pipeline in one visible place: parse, resolve, type,
//! lower to IR, run passes. A pure function of the source text and of the
//! schemas of the data files it reads (`schema.rs`).

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFiles};
use crate::ir::IrProgram;
use crate::{hir, ir, passes, syntax, types};

/// Rounds of typed HIR rewrites (each: infer, rewrite what inference asked
/// for, infer again): the nesting depth of loops over mixed-type tuples
/// that gets unrolled, with a round for array writes (`hir/view_writes.rs`).
const MAX_REWRITE_ROUNDS: usize = 8;

/// Rounds of pandas rewrites (`hir/frames.rs`): each column store that
/// reads a column an earlier store adds takes one.
const MAX_FRAME_ROUNDS: usize = 40;

pub struct FrontEnd {
    pub files: SourceFiles,
    pub diags: Diagnostics,
    /// `None` when there were errors.
    pub program: Option<IrProgram>,
    /// The distribution report of each jit function (see `explain`), in source order.
    pub reports: Vec<String>,
    /// The data files whose schemas the program was typed with.
    pub data_files: Vec<std::path::PathBuf>,
}

/// Run every stage up to optimized IR. `name` is the path as the user gave it.
pub fn front_end(text: &str, name: &str) -> FrontEnd {
    front_end_with(text, name, false)
}

/// [`front_end`] with the launch mode: `spmd` runs driver code on every rank
/// with local chunks (also implied by any `@bodo.jit(spawn=False)`).
///
/// The stages run on a thread of their own with a large stack: every stage
/// walks expressions and blocks recursively, and programs may nest up to
/// `syntax`'s limit (`MAX_NESTING` levels).
pub fn front_end_with(text: &str, name: &str, spmd: bool) -> FrontEnd {
    std::thread::scope(|s| {
        let worker = std::thread::Builder::new()
            .name("front-end".into())
            .stack_size(FRONT_END_STACK)
            .spawn_scoped(s, || front_end_here(text, name, spmd));
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to be had (resource limits): run here, with the stack there is.
            Err(_) => front_end_here(text, name, spmd),
        }
    })
}

/// Stack for the front-end thread. Only the pages touched are committed.
const FRONT_END_STACK: usize = 64 << 20;

fn front_end_here(text: &str, name: &str, spmd: bool) -> FrontEnd {
    let mut files = SourceFiles::default();
    let file = files.add(name, text);
    let mut diags = Diagnostics::default();
    let mut side = Side::default();
    let program = stages(text, name, file, &files, spmd, &mut diags, &mut side);
    FrontEnd { files, diags, program, reports: side.reports, data_files: side.data_files }
}

/// What the stages give besides the program.
#[derive(Default)]
struct Side {
    reports: Vec<String>,
    data_files: Vec<std::path::PathBuf>,
}

fn stages(
    text: &str,
    name: &str,
    file: u32,
    files: &SourceFiles,
    spmd: bool,
    diags: &mut Diagnostics,
    side: &mut Side,
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
    (hir.tables, side.data_files) = super::schema::program_tables(&hir, name, diags);
    if diags.has_errors() {
        return None;
    }
    let spmd = spmd || hir.funcs.iter().any(|f| f.jit.as_ref().is_some_and(|o| o.spawn == Some(false)));
    if spmd {
        hir::rank::route_rank_guarded_prints(&mut hir);
    } else {
        hir::rank::single_driver_process(&mut hir);
    }
    // Each round unrolls the loops over mixed-type tuples that inference
    // found (an unrolled body may hold more), or rewrites the array writes
    // it found, or the pandas operations it found, then infers again.
    let (mut rounds, mut frame_rounds) = (0, 0);
    let typed = loop {
        match types::infer_program(&hir, spmd, diags) {
            types::Inferred::Typed(t) => break t,
            types::Inferred::Failed => return None,
            types::Inferred::Unroll(reqs) if rounds < MAX_REWRITE_ROUNDS => hir::unroll::apply(&mut hir, &reqs),
            types::Inferred::ViewWrites(reqs) if rounds < MAX_REWRITE_ROUNDS => {
                hir::view_writes::apply(&mut hir, &reqs)
            }
            // A column store reading a column an earlier one adds takes a round.
            types::Inferred::Frames(reqs, pending) => {
                let spent = frame_rounds >= MAX_FRAME_ROUNDS;
                let stuck = spent || !hir::frames::apply(&mut hir, &reqs, diags);
                if diags.has_errors() {
                    return None;
                }
                // An operation inference rejected stays as it was (and what
                // waits for it): the rounds stop at its diagnostic.
                if stuck && pending.has_errors() {
                    pending.items.into_iter().for_each(|d| diags.push(d));
                    return None;
                }
                if spent {
                    return not_converged(&hir, diags);
                }
                frame_rounds += 1;
                continue;
            }
            types::Inferred::ViewWrites(_) => return not_converged(&hir, diags),
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
    side.reports.extend(by_func.values().cloned());
    let mut prog = ir::lower::lower_program(&hir, &typed, files, &by_func);
    if let Err(e) = passes::run(&mut prog) {
        diags.push(Diagnostic::error(Default::default(), e));
        return None;
    }
    Some(prog)
}

/// The end of rewrite rounds that never settle with no error to show.
fn not_converged(hir: &hir::Program, diags: &mut Diagnostics) -> Option<IrProgram> {
    let f = &hir.funcs[hir.main as usize];
    diags.push(Diagnostic::error(f.span, "internal error: typed rewrites did not converge"));
    None
}

#[cfg(test)]
mod tests {
    use super::front_end;
    use crate::syntax::{MAX_BRACKET_NESTING, MAX_INDENT_LEVELS, MAX_NESTING};

    /// A jit function returning `expr` of its int argument `x`, called once.
    fn returning(expr: &str) -> String {
        format!("import bodo\n\n@bodo.jit\ndef f(x):\n    return {expr}\n\nprint(f(3))\n")
    }

    fn unary_chain(n: usize) -> String {
        returning(&format!("{}x", "-".repeat(n)))
    }

    fn sum_chain(n: usize) -> String {
        returning(&vec!["x"; n].join(" + "))
    }

    fn nested_lists(n: usize) -> String {
        returning(&format!("{}x{}", "[".repeat(n), "]".repeat(n)))
    }

    /// `def` is block level 0 and its `if` level 1; the k-th `elif` is
    /// level k + 1, and its body level k + 2.
    fn elif_chain(elifs: usize) -> String {
        let branches: String = (1..=elifs).map(|i| format!("    elif x == {i}:\n        return {i}\n")).collect();
        format!("import bodo\n\n@bodo.jit\ndef f(x):\n    if x == 0:\n        return 0\n{branches}    return -1\n\nprint(f(3))\n")
    }

    /// `levels` nested `if`s inside `f` (whose body is already one level).
    fn nested_ifs(levels: usize) -> String {
        let ifs: String = (1..=levels).map(|i| format!("{}if x > {i}:\n", " ".repeat(i))).collect();
        let inner = " ".repeat(levels + 1);
        format!("import bodo\n\n@bodo.jit\ndef f(x):\n{ifs}{inner}return 1\n return 0\n\nprint(f(3))\n")
    }

    fn errors(src: &str) -> Vec<String> {
        front_end(src, "deep.py").diags.items.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn nesting_up_to_the_limits_compiles() {
        let programs = [
            unary_chain(MAX_NESTING - 1),
            sum_chain(MAX_NESTING),
            nested_lists(MAX_BRACKET_NESTING),
            elif_chain(MAX_NESTING - 3),
            nested_ifs(MAX_INDENT_LEVELS - 2),
        ];
        for src in &programs {
            let fe = front_end(src, "deep.py");
            assert!(fe.diags.items.is_empty(), "{:?}", fe.diags.items);
            assert!(fe.program.is_some());
        }
    }

    #[test]
    fn nesting_past_the_limits_is_a_diagnostic() {
        assert_eq!(errors(&unary_chain(MAX_NESTING)), ["expression is nested too deeply"]);
        assert_eq!(errors(&sum_chain(MAX_NESTING + 1)), ["expression is nested too deeply"]);
        assert_eq!(errors(&nested_lists(MAX_BRACKET_NESTING + 1)), ["syntax error: too many nested parentheses"]);
        assert_eq!(errors(&elif_chain(MAX_NESTING - 2)), ["blocks are nested too deeply"]);
        assert_eq!(errors(&nested_ifs(MAX_INDENT_LEVELS - 1)), ["syntax error: too many levels of indentation"]);
        // Far past them, nothing overflows either (parsing, the checks and freeing the AST).
        assert_eq!(errors(&unary_chain(200_000)), ["expression is nested too deeply"]);
        assert_eq!(errors(&sum_chain(200_000)), ["expression is nested too deeply"]);
    }
}
