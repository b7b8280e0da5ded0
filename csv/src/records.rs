//! Splitting CSV text into records and fields as pandas' C parser does
//! with its defaults: `"` quotes a field (a doubled `""` inside is one
//! quote, separators and line ends inside are text), records end at `\n`
//! or `\r\n`, and empty lines are skipped.

/// The records of `data`, each as its list of fields (unquoted).
pub struct Records<'d> {
    data: &'d [u8],
    pos: usize,
    sep: u8,
}

impl<'d> Records<'d> {
    pub fn new(data: &'d [u8], sep: u8) -> Self {
        Records { data, pos: 0, sep }
    }

    /// Byte position of the next record's start (or the end).
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Reads the next non-empty record's fields into `fields` (cleared
    /// first); false at the end of the text.
    pub fn next_into(&mut self, fields: &mut Vec<Vec<u8>>) -> bool {
        fields.clear();
        loop {
            if self.pos >= self.data.len() {
                return false;
            }
            match self.data[self.pos] {
                b'\n' => self.pos += 1,
                b'\r' if self.data.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
                _ => break,
            }
        }
        let d = self.data;
        let mut field = Vec::new();
        let mut i = self.pos;
        let mut at_start = true;
        let mut quoted = false;
        while i < d.len() {
            let c = d[i];
            if quoted {
                if c == b'"' {
                    if d.get(i + 1) == Some(&b'"') {
                        field.push(b'"');
                        i += 1;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == self.sep {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                i += 1;
                continue;
            } else if c == b'\n' || (c == b'\r' && d.get(i + 1) == Some(&b'\n')) {
                i += if c == b'\r' { 2 } else { 1 };
                fields.push(field);
                self.pos = i;
                return true;
            } else if c == b'"' && at_start {
                quoted = true;
            } else {
                field.push(c);
            }
            at_start = false;
            i += 1;
        }
        fields.push(field);
        self.pos = d.len();
        true
    }
}

/// The number of `"` bytes in `data`: outside a quoted field the count
/// before a position is even (doubled quotes count twice), which is how a
/// reader starting in the middle of a file tells record ends from line
/// ends inside quoted text.
pub fn quote_count(data: &[u8]) -> u64 {
    data.iter().filter(|&&c| c == b'"').count() as u64
}

/// The position just after the first line end at or after `from` that is
/// outside quotes, given whether `data[..from]` leaves a quote open (`odd`);
/// `None` when the text ends first.
pub fn record_end(data: &[u8], from: usize, mut odd: bool) -> Option<usize> {
    for (i, &c) in data.iter().enumerate().skip(from) {
        match c {
            b'"' => odd = !odd,
            b'\n' if !odd => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, sep: u8) -> Vec<Vec<String>> {
        let mut r = Records::new(text.as_bytes(), sep);
        let mut f = Vec::new();
        let mut out = Vec::new();
        while r.next_into(&mut f) {
            out.push(f.iter().map(|x| String::from_utf8(x.clone()).unwrap()).collect());
        }
        out
    }

    #[test]
    fn plain_quoted_and_blank() {
        assert_eq!(all("a,b\n1,2\n\n3,\n", b','), [vec!["a", "b"], vec!["1", "2"], vec!["3", ""]]);
        assert_eq!(
            all("x;\"a;b\"\r\n\"say \"\"hi\"\"\";\"l1\nl2\"", b';'),
            [vec!["x", "a;b"], vec!["say \"hi\"", "l1\nl2"]]
        );
        // A quote inside an unquoted field is text.
        assert_eq!(all("5\" tv,1\n", b','), [vec!["5\" tv", "1"]]);
    }

    #[test]
    fn record_ends_outside_quotes() {
        let t = b"a,\"x\ny\"\nb,c\n";
        assert_eq!(record_end(t, 0, false), Some(8));
        assert_eq!(record_end(t, 4, true), Some(8));
        assert_eq!(record_end(b"a,b", 0, false), None);
        assert_eq!(quote_count(t), 2);
    }
}
