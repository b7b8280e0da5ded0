//! A readable text form of the IR, for `bodoc build --emit ir` and debugging.

use std::fmt::Write;

use super::*;

pub fn print_program(p: &IrProgram) -> String {
    let mut out = String::new();
    for f in &p.funcs {
        print_func(f, &mut out);
    }
    out
}

fn print_func(f: &IrFunc, out: &mut String) {
    let _ = writeln!(out, "fn {}({:?}) -> {:?}", f.symbol, f.params, f.ret);
    for (i, l) in f.locals.iter().enumerate() {
        let _ = writeln!(out, "  local %{i} {} : {:?}{}", l.name, l.ty, if l.owned { " owned" } else { "" });
    }
    for (b, blk) in f.blocks.iter().enumerate() {
        let _ = writeln!(out, " b{b}:");
        for inst in &blk.insts {
            match inst.dst {
                Some(d) => {
                    let _ = writeln!(out, "    v{d}: {:?} = {:?}    ; line {}", f.vals[d as usize], inst.op, inst.line);
                }
                None => {
                    let _ = writeln!(out, "    {:?}    ; line {}", inst.op, inst.line);
                }
            }
        }
        let _ = writeln!(out, "    {:?}", blk.term);
    }
}
