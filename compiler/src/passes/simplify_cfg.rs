//! Remove blocks that no path from the entry reaches.
//!
//! Requires: block 0 is the entry. Guarantees: every remaining block is
//! reachable; block numbers are compacted and every jump, branch and
//! `CheckErr` handler is renumbered to match.

use crate::ir::{IrFunc, Op, Term, B};

pub fn run(f: &mut IrFunc) {
    let n = f.blocks.len();
    let mut seen = vec![false; n];
    let mut stack = vec![0usize];
    while let Some(b) = stack.pop() {
        if b >= n || seen[b] {
            continue;
        }
        seen[b] = true;
        for i in &f.blocks[b].insts {
            if let Op::CheckErr { handler } = i.op {
                stack.push(handler as usize);
            }
        }
        match &f.blocks[b].term {
            Term::Jump(t) => stack.push(*t as usize),
            Term::Branch(_, y, no) => {
                stack.push(*y as usize);
                stack.push(*no as usize);
            }
            _ => {}
        }
    }
    let mut remap = vec![0 as B; n];
    let mut next = 0;
    for (i, s) in seen.iter().enumerate() {
        if *s {
            remap[i] = next;
            next += 1;
        }
    }
    let old = std::mem::take(&mut f.blocks);
    for (i, mut blk) in old.into_iter().enumerate() {
        if !seen[i] {
            continue;
        }
        for inst in &mut blk.insts {
            if let Op::CheckErr { handler } = &mut inst.op {
                *handler = remap[*handler as usize];
            }
        }
        match &mut blk.term {
            Term::Jump(t) => *t = remap[*t as usize],
            Term::Branch(_, y, no) => {
                *y = remap[*y as usize];
                *no = remap[*no as usize];
            }
            _ => {}
        }
        f.blocks.push(blk);
    }
}
