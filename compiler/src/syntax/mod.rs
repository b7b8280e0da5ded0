//! Parsing: source text to the rustpython AST, with syntax errors as
//! diagnostics pointing at the offending token.

use rustpython_parser::{ast, Parse, ParseErrorType};

use crate::diagnostics::{Diagnostic, Span};

/// Parse a whole module. `file` is the source's id in the diagnostics files.
pub fn parse(source: &str, file: u32, path: &str) -> Result<ast::Suite, Diagnostic> {
    ast::Suite::parse(source, path).map_err(|e| {
        let at = u32::from(e.offset).min(source.len() as u32);
        // Point at one character (or the end of input) rather than nothing.
        let end = source[at as usize..].chars().next().map(|c| at + c.len_utf8() as u32).unwrap_or(at);
        let (message, help) = describe(&e.error);
        let mut d = Diagnostic::error(Span::new(file, at, end), format!("syntax error: {message}")).label("here");
        if let Some(h) = help {
            d = d.help(h);
        }
        d
    })
}

fn describe(e: &ParseErrorType) -> (String, Option<&'static str>) {
    match e {
        ParseErrorType::Eof => ("unexpected end of file".into(), Some("an opening bracket or block may be unclosed")),
        ParseErrorType::ExtraToken(t) => (format!("unexpected token {t}"), None),
        ParseErrorType::InvalidToken => ("invalid token".into(), None),
        ParseErrorType::UnrecognizedToken(t, expected) => {
            let msg = match expected {
                Some(x) => format!("unexpected {t}, expected {x}"),
                None => format!("unexpected {t}"),
            };
            (msg, None)
        }
        ParseErrorType::Lexical(l) => (format!("{l}"), None),
    }
}
