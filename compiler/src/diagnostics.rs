//! Every user-facing compile error goes through here.
//!
//! Front-end stages never panic on user input: they push [`Diagnostic`]s
//! into a [`Diagnostics`] sink and keep going where they can, so a user
//! sees every error of a run at once. Rendering is rustc-style through
//! codespan-reporting (file:line:col, the source line, a caret, a hint).

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: u32, start: u32, end: u32) -> Span {
        Span { file, start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span { file: self.file, start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One message with a primary span, optional secondary labels and a hint.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub label: String,
    pub secondary: Vec<(Span, String)>,
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: String::new(),
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(span, message) }
    }

    /// The text under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = label.into();
        self
    }

    /// Another place that explains the error.
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.secondary.push((span, label.into()));
        self
    }

    /// A `= help: ...` line saying what to write instead.
    pub fn help(mut self, text: impl Into<String>) -> Diagnostic {
        self.notes.push(format!("help: {}", text.into()));
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Diagnostic {
        self.notes.push(format!("note: {}", text.into()));
        self
    }
}

/// The plural ending of a noun counted `n` times in a message: "" or "s".
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Collected diagnostics of one compilation.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        // The same message at the same place (e.g. from two specializations
        // of one function) is said once.
        if !self.items.iter().any(|o| o.span == d.span && o.message == d.message) {
            self.items.push(d);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }
}

/// The source files of a compilation, for rendering spans.
pub struct SourceFiles {
    files: SimpleFiles<String, String>,
}

impl Default for SourceFiles {
    fn default() -> Self {
        SourceFiles { files: SimpleFiles::new() }
    }
}

impl SourceFiles {
    pub fn add(&mut self, name: &str, text: &str) -> u32 {
        self.files.add(name.to_string(), text.to_string()) as u32
    }

    pub fn source(&self, file: u32) -> &str {
        self.files.get(file as usize).map(|f| f.source().as_str()).unwrap_or("")
    }

    pub fn name(&self, file: u32) -> &str {
        self.files.get(file as usize).map(|f| f.name().as_str()).unwrap_or("<unknown>")
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, file: u32, offset: u32) -> u32 {
        let src = self.source(file);
        let end = (offset as usize).min(src.len());
        src.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u32 + 1
    }

    /// Render diagnostics rustc-style to a terminal or plain writer.
    pub fn emit(&self, out: &mut dyn WriteColor, diags: &Diagnostics) {
        let config = term::Config::default();
        for d in &diags.items {
            let cs = match d.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
            };
            let mut labels = vec![Label::primary(d.span.file as usize, d.span.start as usize..d.span.end as usize)
                .with_message(d.label.clone())];
            for (s, l) in &d.secondary {
                labels
                    .push(Label::secondary(s.file as usize, s.start as usize..s.end as usize).with_message(l.clone()));
            }
            let cs = cs.with_message(d.message.clone()).with_labels(labels).with_notes(d.notes.clone());
            // A failed write to stderr has nowhere better to be reported.
            let _ = term::emit_to_write_style(out, &config, &self.files, &cs);
        }
    }
}
