//! A token-level pass before parsing: bracket balance, bracket nesting and
//! indentation depth, checked the way CPython's tokenizer checks them, plus
//! the ranges of the tokens so that parse errors can point at whole tokens.
//!
//! The parser only knows that input ended or a token was unexpected; this
//! pass knows which bracket was left open (`'(' was never closed`) and which
//! closer does not match. It also rejects absurd nesting (CPython's limits)
//! before the parser builds an AST deep enough to strain later stages.

use rustpython_parser::lexer::{lex, LexicalErrorType};
use rustpython_parser::text_size::{TextRange, TextSize};
use rustpython_parser::{Mode, Tok};

/// CPython's tokenizer limit (`MAXLEVEL`): 200 nested brackets are accepted,
/// the 201st is "too many nested parentheses".
pub const MAX_BRACKET_NESTING: usize = 200;

/// CPython's tokenizer limit (`MAXINDENT`): a line may be indented 99 levels
/// deep, the 100th level is "too many levels of indentation".
pub const MAX_INDENT_LEVELS: usize = 100;

/// An error the tokenizer finds on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanError {
    /// The opening bracket that goes past [`MAX_BRACKET_NESTING`].
    TooDeep(TextRange),
    /// The indentation that reaches [`MAX_INDENT_LEVELS`].
    TooManyIndents(TextRange),
    /// A closing bracket with nothing open.
    Unmatched(TextRange, char),
    /// A closing bracket of another kind than the innermost open one.
    Mismatch { close: TextRange, close_char: char, open: TextRange, open_char: char },
}

impl ScanError {
    pub fn start(&self) -> TextSize {
        match self {
            ScanError::TooDeep(r) | ScanError::TooManyIndents(r) | ScanError::Unmatched(r, _) => r.start(),
            ScanError::Mismatch { close, .. } => close.start(),
        }
    }
}

/// What the scan found.
#[derive(Debug, Default)]
pub struct Scan {
    /// The first error, if any (scanning stops there).
    pub error: Option<ScanError>,
    /// Brackets still open where scanning stopped, outermost first.
    pub unclosed: Vec<(TextRange, char)>,
    /// The tokens with text (no comments, line ends or indentation), in order.
    pub tokens: Vec<TextRange>,
}

impl Scan {
    /// The token that contains `at`, if any.
    pub fn token_at(&self, at: TextSize) -> Option<TextRange> {
        self.token_from(at).filter(|t| t.start() <= at)
    }

    /// The first token that ends after `at`.
    pub fn token_from(&self, at: TextSize) -> Option<TextRange> {
        let i = self.tokens.partition_point(|t| t.end() <= at);
        self.tokens.get(i).copied()
    }

    /// The end of the last token that ends at or before `at`.
    pub fn end_before(&self, at: TextSize) -> Option<TextSize> {
        let i = self.tokens.partition_point(|t| t.end() <= at);
        i.checked_sub(1).map(|i| self.tokens[i].end())
    }

    /// The innermost bracket still open that was opened before `at`.
    pub fn unclosed_before(&self, at: TextSize) -> Option<(TextRange, char)> {
        self.unclosed.iter().rev().find(|(r, _)| r.start() < at).copied()
    }
}

/// Tokenize `source`, tracking open brackets and indentation. Stops at the
/// first error of its own or lexical error (the parser reports the latter).
pub fn scan(source: &str) -> Scan {
    let mut out = Scan::default();
    let mut indent = 0;
    for item in lex(source, Mode::Module) {
        let (tok, range) = match item {
            Ok(t) => t,
            Err(e) => {
                // The lexer rejects a closer with nothing open before handing it over.
                if e.error == LexicalErrorType::NestingError {
                    out.error = unmatched_closer_before(source, e.location);
                }
                break;
            }
        };
        match tok {
            Tok::Indent => indent += 1,
            Tok::Dedent => indent -= 1,
            Tok::Newline | Tok::EndOfFile => {}
            _ => out.tokens.push(range),
        }
        if indent >= MAX_INDENT_LEVELS {
            out.error = Some(ScanError::TooManyIndents(range));
            break;
        }
        if let Some(err) = track_bracket(&tok, range, &mut out.unclosed) {
            out.error = Some(err);
            break;
        }
    }
    out
}

/// Update the open-bracket stack for one token; an error if it breaks the rules.
fn track_bracket(tok: &Tok, range: TextRange, open: &mut Vec<(TextRange, char)>) -> Option<ScanError> {
    match tok {
        Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
            if open.len() >= MAX_BRACKET_NESTING {
                return Some(ScanError::TooDeep(range));
            }
            open.push((range, opener_char(tok)));
            None
        }
        Tok::Rpar | Tok::Rsqb | Tok::Rbrace => {
            let close_char = closer_char(tok);
            match open.pop() {
                None => Some(ScanError::Unmatched(range, close_char)),
                Some((open_range, open_char)) if matching_closer(open_char) != close_char => {
                    open.push((open_range, open_char));
                    Some(ScanError::Mismatch { close: range, close_char, open: open_range, open_char })
                }
                Some(_) => None,
            }
        }
        _ => None,
    }
}

fn opener_char(tok: &Tok) -> char {
    match tok {
        Tok::Lpar => '(',
        Tok::Lsqb => '[',
        _ => '{',
    }
}

fn closer_char(tok: &Tok) -> char {
    match tok {
        Tok::Rpar => ')',
        Tok::Rsqb => ']',
        _ => '}',
    }
}

pub fn matching_closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// The lexer reports an unmatched closer at the offset just after it.
fn unmatched_closer_before(source: &str, after: TextSize) -> Option<ScanError> {
    let end = usize::from(after).min(source.len());
    let c = source.get(..end)?.chars().next_back()?;
    if !matches!(c, ')' | ']' | '}') {
        return None;
    }
    let start = TextSize::from((end - 1) as u32);
    Some(ScanError::Unmatched(TextRange::new(start, after), c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Option<ScanError> {
        scan(src).error
    }

    #[test]
    fn balanced_brackets_pass() {
        let s = scan("x = [(1, 2), {3: 4}]\n# ( in a comment\ny = '(['\n");
        assert_eq!(s.error, None);
        assert!(s.unclosed.is_empty());
    }

    #[test]
    fn unclosed_bracket_is_remembered() {
        let s = scan("print((1, 2)\ny = 3\n");
        assert_eq!(s.unclosed.len(), 1);
        assert_eq!(s.unclosed[0].1, '(');
        assert_eq!(u32::from(s.unclosed[0].0.start()), 5);
    }

    #[test]
    fn closers_that_do_not_match() {
        assert!(matches!(err("x = (1, 2]\n"), Some(ScanError::Mismatch { close_char: ']', open_char: '(', .. })));
        assert!(matches!(err("x = (1, 2))\n"), Some(ScanError::Unmatched(_, ')'))));
    }

    #[test]
    fn indentation_limit_is_cpythons() {
        let nested = |n: usize| -> String {
            (0..n).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(n) + "pass\n"
        };
        assert_eq!(err(&nested(99)), None);
        assert!(matches!(err(&nested(100)), Some(ScanError::TooManyIndents(_))));
    }

    #[test]
    fn nesting_limit_is_cpythons() {
        let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
        assert_eq!(err(&ok), None);
        let deep = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
        let Some(ScanError::TooDeep(r)) = err(&deep) else { panic!("expected TooDeep") };
        assert_eq!(u32::from(r.start()), 4 + 200);
    }
}
