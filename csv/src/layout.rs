//! Where a CSV file's data rows start: the rows `skiprows` drops and the
//! header row come first, in the same way at build time (the schema) and at
//! run time (every rank finds the start itself before reading its bytes).

use crate::records::Records;

/// `skiprows=`: a count of leading rows, or the numbers (from 0, the
/// header row included) of rows to drop anywhere in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Count(usize),
    Rows(Vec<usize>),
}

impl Skip {
    /// Whether file row `row` is dropped.
    pub fn skips(&self, row: usize) -> bool {
        match self {
            Skip::Count(n) => row < *n,
            Skip::Rows(rows) => rows.contains(&row),
        }
    }
}

/// The options that decide which rows are data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The field separator (`sep=`, one byte).
    pub sep: u8,
    pub skip: Skip,
    /// The row (counted after skipped ones) naming the columns; rows before
    /// it are dropped. None: every row is data.
    pub header: Option<usize>,
}

/// What comes before the data rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefix {
    /// Byte position of the first data row.
    pub data_start: usize,
    /// The header row's fields, if there is one.
    pub header: Option<Vec<Vec<u8>>>,
    /// Rows consumed before the data (skipped, dropped and the header):
    /// data row `g` is file row `rows_before + g` for `skiprows=[...]`.
    pub rows_before: usize,
}

impl Layout {
    /// Finds the data rows' start in `data`, a prefix of the file; None when
    /// the header lies beyond it (the caller reads more and asks again).
    /// `complete` says `data` is the whole file.
    pub fn prefix(&self, data: &[u8], complete: bool) -> Option<Prefix> {
        let mut recs = Records::new(data, self.sep);
        let mut fields = Vec::new();
        let mut row = 0;
        let mut kept = 0;
        loop {
            let at = recs.pos();
            let skipped_lead = matches!(self.skip, Skip::Count(n) if row < n);
            let need_more = skipped_lead || self.header.is_some_and(|h| kept <= h);
            if !need_more {
                return Some(Prefix { data_start: at, header: None, rows_before: row });
            }
            if !recs.next_into(&mut fields) {
                // Fewer rows than skipped: no data (and no header).
                return complete.then_some(Prefix { data_start: data.len(), header: None, rows_before: row });
            }
            // A record running to the end of a partial prefix may be cut.
            if !complete && recs.pos() == data.len() {
                return None;
            }
            let this = row;
            row += 1;
            if self.skip.skips(this) {
                continue;
            }
            if self.header == Some(kept) {
                return Some(Prefix { data_start: recs.pos(), header: Some(fields), rows_before: row });
            }
            kept += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_after_skipped_rows() {
        let l = Layout { sep: b';', skip: Skip::Count(2), header: None };
        let p = l.prefix(b"# c\n# d\n1;2\n", true).unwrap();
        assert_eq!((p.data_start, p.header, p.rows_before), (8, None, 2));
        let l = Layout { sep: b',', skip: Skip::Rows(vec![1]), header: Some(0) };
        let p = l.prefix(b"a,b\n1,2\n3,4\n", true).unwrap();
        assert_eq!((p.data_start, p.header, p.rows_before), (4, Some(vec![b"a".to_vec(), b"b".to_vec()]), 1));
        // The header row is cut off: ask for more.
        assert_eq!(l.prefix(b"a,b", false), None);
    }
}
