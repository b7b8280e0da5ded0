//! `pd.read_csv(...)` and `pd.read_parquet(...)` (`types/file_reads.rs`):
//! one call of the runtime reader (`runtime/src/io/`) with the schema read
//! at build time (or, for a file the program writes, from the frame it
//! writes) as constant arrays, giving the frame's tuple.

use super::lower::Lower;
use super::*;
use crate::hir::Expr;
use crate::types::file_reads::TableRead;
use bodo_csv::Skip;

impl<'a> Lower<'a> {
    /// The frame a read call `e` (of path `args[0]`) gives: every rank
    /// reads its own rows when the frame is distributed (collective).
    pub(super) fn read_table(&mut self, e: &'a Expr, args: &'a [Expr]) -> V {
        let t = self.ty(e);
        let (Some(read), Some(path), Ty::Frame(f)) = (self.prog.tables.get(&e.span), args.first(), self.exact_ty(e))
        else {
            return self.null();
        };
        let read = match read {
            TableRead::Written(format) => TableRead::of_written(*format, &f.cols),
            r => r.clone(),
        };
        let p = self.expr(path);
        let mark = self.in_flight_mark();
        self.hold_in_flight((p, true), &Ty::Str);
        let cols = read.columns();
        let kinds: Vec<V> = cols.iter().map(|c| self.cint(c.1.code())).collect();
        let kinds = self.emit(Op::SlotArray(kinds), IrTy::Ptr);
        let ncols = self.cint(cols.len() as i64);
        let dist = self.cint(f.dist.code());
        let desc = self.desc(&t);
        let r = match &read {
            TableRead::Csv { options, schema } => {
                let layout = options.layout();
                let sep = self.cint(i64::from(layout.sep));
                let header = self.cint(layout.header.map_or(-1, |h| h as i64));
                let header_names = match &schema.header {
                    Some(h) => {
                        let h: Vec<V> = h.iter().map(|n| self.cstr(n)).collect();
                        self.emit(Op::PtrArray(h), IrTy::Ptr)
                    }
                    None => self.null(),
                };
                let (count, rows) = match &layout.skip {
                    Skip::Count(n) => (*n, None),
                    Skip::Rows(rows) => (0, Some(rows)),
                };
                let skiprows = self.cint(count as i64);
                let (skip, nskip) = match rows {
                    Some(rows) => {
                        let vs: Vec<V> = rows.iter().map(|&r| self.cint(r as i64)).collect();
                        (self.emit(Op::SlotArray(vs), IrTy::Ptr), self.cint(rows.len() as i64))
                    }
                    None => (self.null(), self.cint(0)),
                };
                let nrows = self.cint(options.nrows.map_or(-1, |n| n as i64));
                let nfields = self.cint(schema.nfields as i64);
                let fields: Vec<V> = schema.columns.iter().map(|c| self.cint(c.field as i64)).collect();
                let fields = self.emit(Op::SlotArray(fields), IrTy::Ptr);
                let args = vec![
                    p,
                    sep,
                    header,
                    header_names,
                    skiprows,
                    skip,
                    nskip,
                    nrows,
                    nfields,
                    fields,
                    kinds,
                    ncols,
                    dist,
                    desc,
                ];
                self.emit(Op::Rt("bodo_read_csv", args), IrTy::Ptr)
            }
            TableRead::Parquet(_) | TableRead::Written(_) => {
                let names: Vec<V> = cols.iter().map(|c| self.cstr(&c.0)).collect();
                let names = self.emit(Op::PtrArray(names), IrTy::Ptr);
                self.emit(Op::Rt("bodo_read_parquet", vec![p, names, kinds, ncols, dist, desc]), IrTy::Ptr)
            }
        };
        self.check();
        self.let_go(mark);
        self.emit_void(Op::DecRef(p));
        r
    }
}
