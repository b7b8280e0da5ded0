//! Syntax errors as diagnostics, in CPython's words where CPython has them
//! ("'(' was never closed", "expected ':'", "Maybe you meant '=='...").
//!
//! The parser reports where it got stuck; the token scan says whether a
//! bracket opened earlier explains it, which is what CPython reports then.

use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::{ParseError, ParseErrorType, Tok};

use super::depth::{TooDeep, MAX_NESTING};
use super::scan::{matching_closer, Scan, ScanError, MAX_BRACKET_NESTING, MAX_INDENT_LEVELS};
use crate::diagnostics::{Diagnostic, Span};

/// The parser's expectation string for a colon.
const COLON: &str = "\":\"";

fn span(file: u32, r: TextRange) -> Span {
    Span::new(file, r.start().into(), r.end().into())
}

fn syntax_error(file: u32, r: TextRange, message: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(span(file, r), format!("syntax error: {message}"))
}

/// A diagnostic for what the parser rejected.
pub fn parse_error(e: &ParseError, scan: &Scan, source: &str, file: u32) -> Diagnostic {
    let at = e.offset.min(TextSize::of(source));
    // A bracket problem at or before the parser's stop is the real cause.
    if let Some(b) = scan.error.filter(|b| b.start() <= at) {
        return scan_error(b, file);
    }
    if let Some((open, c)) = scan.unclosed_before(at) {
        return syntax_error(file, open, format!("'{c}' was never closed"))
            .label("this bracket is never closed")
            .help(format!("add the matching '{}'", matching_closer(c)));
    }
    let token = scan.token_at(at).unwrap_or_else(|| TextRange::empty(at));
    match &e.error {
        ParseErrorType::UnrecognizedToken(tok, Some(x)) if x == COLON => expected_colon(tok, token, scan, source, file),
        ParseErrorType::UnrecognizedToken(Tok::Newline, _) if starts_block(source, at) => {
            expected_colon(&Tok::Newline, token, scan, source, file)
        }
        ParseErrorType::UnrecognizedToken(_, Some(x)) if x == "Indent" => {
            syntax_error(file, token, "expected an indented block")
                .label("expected an indented line here")
                .help("indent the body of the block, or write `pass` for an empty one")
        }
        ParseErrorType::UnrecognizedToken(Tok::Equal, _) => {
            syntax_error(file, token, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
                .label("assignment is not allowed here")
                .help("use '==' to compare values")
        }
        // The parser reports a block header at the end of input as an indentation error.
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) if source[usize::from(at)..].trim().is_empty() => {
            let end = scan.end_before(at).unwrap_or(at);
            syntax_error(file, TextRange::empty(end), "expected an indented block")
                .label("the file ends before the block's body")
                .help("indent the body of the block, or write `pass` for an empty one")
        }
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => {
            let first = scan.token_from(at).unwrap_or(token);
            syntax_error(file, first, "unexpected indent").label("this line is indented more than the one before it")
        }
        // The end of a line is best shown just after its last token.
        other if matches!(other, ParseErrorType::UnrecognizedToken(Tok::Newline, _)) => {
            generic(other, TextRange::empty(scan.end_before(at).unwrap_or(at)), file)
        }
        ParseErrorType::Lexical(l @ LexicalErrorType::DuplicateKeywordArgumentError(_)) => {
            syntax_error(file, token, l).label("given again here").help("pass each keyword argument once")
        }
        other => generic(other, token, file),
    }
}

/// Whether the line holding `at` starts with a keyword whose header ends in ':'.
fn starts_block(source: &str, at: TextSize) -> bool {
    const HEADERS: [&str; 11] =
        ["if", "elif", "else", "for", "while", "def", "class", "try", "except", "finally", "with"];
    let before = &source[..usize::from(at)];
    let line = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim_start();
    let word = line.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("");
    HEADERS.contains(&word)
}

/// `if x > 1` without the colon: point just after the header, as CPython does.
fn expected_colon(tok: &Tok, token: TextRange, scan: &Scan, source: &str, file: u32) -> Diagnostic {
    if *tok == Tok::Newline {
        let end = scan.end_before(token.start()).unwrap_or(token.start());
        return syntax_error(file, TextRange::empty(end), "expected ':'")
            .label("expected ':'")
            .help("a line starting a block (`if`, `for`, `while`, `def`, ...) ends with ':'");
    }
    let d = syntax_error(file, token, "expected ':'").label(format!("expected ':' before {}", token_name(tok)));
    let after_else = scan.end_before(token.start()).is_some_and(|end| source[..usize::from(end)].ends_with("else"));
    if *tok == Tok::If && after_else {
        d.help("write `elif` instead of `else if`")
    } else {
        d
    }
}

fn generic(e: &ParseErrorType, token: TextRange, file: u32) -> Diagnostic {
    let (message, help) = match e {
        ParseErrorType::Eof => ("unexpected end of file".to_string(), Some("a block or statement may be incomplete")),
        ParseErrorType::ExtraToken(t) => (format!("unexpected {}", token_name(t)), None),
        ParseErrorType::InvalidToken => ("invalid token".to_string(), None),
        ParseErrorType::UnrecognizedToken(t, Some(x)) => {
            (format!("unexpected {}, expected {}", token_name(t), x.replace('"', "'")), None)
        }
        ParseErrorType::UnrecognizedToken(t, None) => (format!("unexpected {}", token_name(t)), None),
        ParseErrorType::Lexical(l) => (lexical_message(l), None),
    };
    let d = syntax_error(file, token, message).label("here");
    match help {
        Some(h) => d.help(h),
        None => d,
    }
}

/// Tokens without text get a name instead of the parser's debug spelling.
fn token_name(t: &Tok) -> String {
    match t {
        Tok::Newline => "end of line".to_string(),
        Tok::Indent => "indent".to_string(),
        Tok::Dedent => "unindent".to_string(),
        Tok::EndOfFile => "end of file".to_string(),
        other => other.to_string(),
    }
}

fn lexical_message(l: &LexicalErrorType) -> String {
    match l {
        LexicalErrorType::Eof => "unexpected end of file".to_string(),
        LexicalErrorType::NestingError => "unmatched closing bracket".to_string(),
        other => other.to_string(),
    }
}

/// An error found by the token scan.
pub fn scan_error(e: ScanError, file: u32) -> Diagnostic {
    match e {
        ScanError::TooDeep(r) => syntax_error(file, r, "too many nested parentheses")
            .label(format!("more than {MAX_BRACKET_NESTING} brackets are open here"))
            .help("compute the inner parts into variables first"),
        // The indent token is the leading whitespace: point at what follows it.
        ScanError::TooManyIndents(r) => syntax_error(file, TextRange::empty(r.end()), "too many levels of indentation")
            .label(format!("{MAX_INDENT_LEVELS} levels deep here"))
            .help("move inner blocks into functions"),
        ScanError::Unmatched(r, c) => {
            syntax_error(file, r, format!("unmatched '{c}'")).label("no bracket open to close here")
        }
        ScanError::Mismatch { close, close_char, open, open_char } => syntax_error(
            file,
            close,
            format!("closing parenthesis '{close_char}' does not match opening parenthesis '{open_char}'"),
        )
        .label(format!("expected '{}'", matching_closer(open_char)))
        .with_secondary(span(file, open), "opened here"),
    }
}

/// Nesting past [`MAX_NESTING`]: point at the first token of the node where
/// the limit is crossed (the whole node may span thousands of characters).
pub fn too_deep(e: TooDeep, scan: &Scan, file: u32) -> Diagnostic {
    let first = scan.token_at(e.range.start()).unwrap_or(e.range);
    let (what, help) = if e.in_block {
        // Indentation is limited to 99 levels, so only `elif` chains get here.
        ("blocks are", "each `elif` is a block inside the one before: split the chain, or look values up in a dict")
    } else {
        ("expression is", "compute parts of the expression into variables first")
    };
    Diagnostic::error(span(file, first), format!("{what} nested too deeply"))
        .label(format!("more than {MAX_NESTING} levels deep here"))
        .help(help)
}
