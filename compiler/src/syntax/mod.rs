//! Parsing: source text to the rustpython AST, with syntax errors as
//! diagnostics pointing at the offending token.
//!
//! A token pre-scan (`scan`) runs first: it finds bracket errors the way
//! CPython's tokenizer does and refuses bracket nesting and indentation
//! beyond CPython's limits before the parser runs. After parsing, `depth` bounds how deeply statements and
//! expressions nest, so that the recursive later stages cannot overflow;
//! a rejected AST is freed without recursion (`teardown`).

mod depth;
mod errors;
mod scan;
mod teardown;

use rustpython_parser::{ast, Parse};

use crate::diagnostics::Diagnostic;

pub use depth::MAX_NESTING;
pub use scan::{MAX_BRACKET_NESTING, MAX_INDENT_LEVELS};

/// Parse a whole module. `file` is the source's id in the diagnostics files.
pub fn parse(source: &str, file: u32, path: &str) -> Result<ast::Suite, Diagnostic> {
    let tokens = scan::scan(source);
    // Too deep nesting is refused before the parser builds a deep AST.
    if let Some(e @ (scan::ScanError::TooDeep(_) | scan::ScanError::TooManyIndents(_))) = tokens.error {
        return Err(errors::scan_error(e, file));
    }
    let suite = ast::Suite::parse(source, path).map_err(|e| errors::parse_error(&e, &tokens, source, file))?;
    if let Err(deep) = depth::check(&suite) {
        let d = errors::too_deep(deep, &tokens, file);
        teardown::dismantle(suite);
        return Err(d);
    }
    Ok(suite)
}
