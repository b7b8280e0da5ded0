//! F-strings rendered into a string builder piece by piece: a part
//! `rows.append(f"{i:06d};item-{k};{price:.2f}")` of a join builder
//! (`join_builders.rs`), or `line += f"{x},"` of an accumulated variable
//! (`str_accumulators.rs`), whose pieces are all literal text, str values,
//! ints, or ints and floats under a plain spec (`bodo_abi::fconv::Plain`).
//! Literal text, short str values and numbers of up to eight digits are
//! written by generated code (`Op::BufLit`, `Op::BufText`, `Op::BufNum`),
//! anything longer by one small runtime call each. The general path
//! passes every piece through arrays to one call that dispatches on each
//! piece's type and renders into a scratch buffer first.
//!
//! Every value is evaluated before anything is appended, so an exception
//! in one leaves the builder as it was (CPython builds the whole string
//! before the append).

use super::lower::Lower;
use super::*;
use crate::hir::{Conversion, Expr, FPart};
use bodo_abi::fconv;

/// How one piece is appended.
enum Piece<'p> {
    Lit(&'p str),
    Str(&'p Expr),
    /// A number (a float when the flag is set) under a plain spec; an int
    /// with no spec has the default one.
    Num(&'p Expr, bool, fconv::Plain),
}

impl<'a> Lower<'a> {
    /// Appends the f-string `parts` as a new part of builder `b` (after
    /// `sep` unless it is the first part; an accumulator's is empty) when
    /// every piece is one of the simple kinds; false, with nothing
    /// emitted, otherwise.
    pub(super) fn fstring_pieces(&mut self, parts: &'a [FPart], b: V, sep: &str) -> bool {
        let Some(pieces) = parts.iter().map(|p| self.piece_kind(p)).collect::<Option<Vec<_>>>() else {
            return false;
        };
        let mark = self.in_flight_mark();
        let mut values = Vec::new();
        for p in &pieces {
            if let Piece::Str(e) | Piece::Num(e, ..) = p {
                let (v, t) = self.expr_whole(e);
                self.hold_in_flight(v, &t);
                values.push((v, t));
            }
        }
        if !sep.is_empty() {
            self.emit_void(Op::BufSep { buf: b, sep: sep.to_string() });
        }
        let mut next = values.iter().map(|((v, _), _)| *v);
        for p in &pieces {
            match p {
                Piece::Lit(text) => self.emit_void(Op::BufLit { buf: b, text: text.to_string() }),
                Piece::Str(_) => {
                    let s = next.next().expect("a value per piece");
                    self.emit_void(Op::BufText { buf: b, s });
                }
                Piece::Num(_, fixed, spec) => {
                    let v = next.next().expect("a value per piece");
                    self.emit_void(Op::BufNum { buf: b, v, fixed: *fixed, spec: *spec });
                }
            }
        }
        self.let_go(mark);
        for (v, t) in values {
            self.release(v, &t);
        }
        true
    }

    /// The kind of piece `p` is, if simple.
    fn piece_kind(&self, p: &'a FPart) -> Option<Piece<'a>> {
        let FPart::Value { expr, conv: Conversion::None, spec } = p else {
            return match p {
                FPart::Lit(text) => Some(Piece::Lit(text)),
                FPart::Value { .. } => None,
            };
        };
        let t = self.ty(expr);
        match (spec.as_deref(), &t) {
            (None | Some([]), Ty::Str) => Some(Piece::Str(expr)),
            (None | Some([]), Ty::Int) => {
                Some(Piece::Num(expr, false, fconv::Plain { zero: false, width: 0, precision: 0 }))
            }
            (Some([FPart::Lit(text)]), Ty::Int | Ty::Float) => {
                let fixed = t == Ty::Float;
                fconv::Plain::parse(text, fixed).map(|p| Piece::Num(expr, fixed, p))
            }
            _ => None,
        }
    }
}
