//! Check IR invariants before code generation: every operand was defined
//! by an instruction of the same function, and every jump target exists.
//! A failure is a compiler bug, reported as an internal error instead of a
//! crash inside LLVM.

use crate::ir::{IrFunc, Op, Term};

pub fn run(f: &IrFunc) -> Result<(), String> {
    let mut defined = vec![false; f.vals.len()];
    for blk in &f.blocks {
        for inst in &blk.insts {
            if let Some(d) = inst.dst {
                defined[d as usize] = true;
            }
        }
    }
    let nblocks = f.blocks.len() as u32;
    let bad = |what: String| Err(format!("internal error in {}: {what}", f.symbol));
    for (bi, blk) in f.blocks.iter().enumerate() {
        for inst in &blk.insts {
            for v in operands(&inst.op) {
                if !defined.get(v as usize).copied().unwrap_or(false) {
                    return bad(format!("b{bi} uses undefined value v{v}"));
                }
            }
            if let Op::CheckErr { handler } = inst.op {
                if handler >= nblocks {
                    return bad(format!("b{bi} has a handler out of range"));
                }
            }
        }
        let targets: Vec<u32> = match &blk.term {
            Term::Jump(t) => vec![*t],
            Term::Branch(_, y, n) => vec![*y, *n],
            _ => vec![],
        };
        if targets.iter().any(|t| *t >= nblocks) {
            return bad(format!("b{bi} jumps out of range"));
        }
    }
    Ok(())
}

fn operands(op: &Op) -> Vec<u32> {
    match op {
        Op::Param(_) | Op::Const(_) | Op::Load(_) | Op::Desc(_) | Op::CheckErr { .. } => vec![],
        Op::Store(_, v) | Op::IsNull(v) | Op::Not(v) | Op::FNeg(v) | Op::Conv(_, v) | Op::FloatToInt(v) => vec![*v],
        Op::ToSlot(v) | Op::FromSlot(v) | Op::IncRef(v) | Op::DecRef(v) | Op::DecRefStr(v) | Op::FMath(_, v) => {
            vec![*v]
        }
        Op::TrailingZeros(v) => {
            vec![*v]
        }
        Op::LoadElem { ptr, index, .. } => vec![*ptr, *index],
        Op::StoreElem { ptr, index, value, .. } => vec![*ptr, *index, *value],
        Op::StoreField { ptr, value, .. } => vec![*ptr, *value],
        Op::Int(_, a, b) | Op::Float(_, a, b) | Op::ICmp(_, a, b) | Op::FCmp(_, a, b) => vec![*a, *b],
        Op::BoolAnd(a, b) | Op::BoolOr(a, b) | Op::FPow(a, b) => vec![*a, *b],
        Op::BufText { buf, s } => vec![*buf, *s],
        Op::BufNum { buf, v, .. } => vec![*buf, *v],
        Op::BufLit { buf, .. } | Op::BufSep { buf, .. } => vec![*buf],
        Op::BuilderPushAcc { b, acc, .. } => vec![*b, *acc],
        Op::FindByte { s, pos, end, .. } => vec![*s, *pos, *end],
        Op::ByteMask { s, lo, hi, .. } => vec![*s, *lo, *hi],
        Op::PieceEqLit { s, start, stop, .. } => vec![*s, *start, *stop],
        Op::PieceToFloat { s, start, stop } => vec![*s, *start, *stop],
        Op::ReplaceLit { s, start, stop, .. } => vec![*s, *start, *stop],
        Op::Select(c, a, b) => vec![*c, *a, *b],
        Op::Call(_, args) | Op::Rt(_, args) | Op::SlotArray(args) | Op::PtrArray(args) => args.clone(),
        Op::LoadField { ptr, index, .. } => {
            let mut v = vec![*ptr];
            v.extend(index);
            v
        }
    }
}
