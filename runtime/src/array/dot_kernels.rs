//! The float loops of `np.dot` over a row-major matrix: matrix·vector and
//! vector·matrix. Data-science matrices are tall and narrow (millions of
//! rows, a handful of columns), so the loops are specialised by column
//! count: with the width a constant, a row's products unroll into
//! registers, and matrix·vector works on four rows at once so that their
//! independent sums overlap in the FPU instead of waiting on one chain.
//! Every sum keeps the left-to-right order of the plain loop, so results
//! do not depend on the specialisation taken.

/// Widths with a specialised loop; wider matrices take the generic one.
const MAX_FIXED: usize = 16;

/// `out[i] = sum_c x[i, c] * y[c]` for the rows of `x` (row-major,
/// `y.len()` columns; `out.len()` rows).
pub fn matvec(x: &[f64], y: &[f64], out: &mut [f64]) {
    macro_rules! fixed {
        ($($w:literal)*) => {
            match y.len() {
                0 => out.fill(0.0),
                $($w => matvec_fixed::<$w>(x, y.try_into().unwrap_or(&[0.0; $w]), out),)*
                _ => matvec_any(x, y, out),
            }
        };
    }
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
}

/// `out[c] += sum_i v[i] * x[i, c]` over the rows of `x` (row-major,
/// `out.len()` columns, `v.len()` rows), rows taken in order.
pub fn vecmat_add(v: &[f64], x: &[f64], out: &mut [f64]) {
    macro_rules! fixed {
        ($($w:literal)*) => {
            match out.len() {
                0 => {}
                $($w => vecmat_fixed::<$w>(v, x, out),)*
                _ => vecmat_any(v, x, out),
            }
        };
    }
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
}

fn row_dot<const W: usize>(row: &[f64; W], y: &[f64; W]) -> f64 {
    row.iter().zip(y).fold(0.0, |s, (&u, &v)| s + u * v)
}

fn matvec_fixed<const W: usize>(x: &[f64], y: &[f64; W], out: &mut [f64]) {
    const ROWS: usize = 4;
    let mut rows = x.chunks_exact(W * ROWS);
    let mut outs = out.chunks_exact_mut(ROWS);
    for (block, o) in (&mut rows).zip(&mut outs) {
        let mut s = [0.0; ROWS];
        for c in 0..W {
            for (r, sr) in s.iter_mut().enumerate() {
                *sr += block[r * W + c] * y[c];
            }
        }
        o.copy_from_slice(&s);
    }
    for (o, row) in outs.into_remainder().iter_mut().zip(rows.remainder().chunks_exact(W)) {
        *o = row_dot(row.try_into().unwrap_or(&[0.0; W]), y);
    }
}

fn matvec_any(x: &[f64], y: &[f64], out: &mut [f64]) {
    debug_assert!(y.len() > MAX_FIXED);
    for (o, row) in out.iter_mut().zip(x.chunks_exact(y.len())) {
        *o = row.iter().zip(y).fold(0.0, |s, (&u, &v)| s + u * v);
    }
}

fn vecmat_fixed<const W: usize>(v: &[f64], x: &[f64], out: &mut [f64]) {
    let mut acc = [0.0; W];
    acc.copy_from_slice(out);
    for (&u, row) in v.iter().zip(x.chunks_exact(W)) {
        for (a, &e) in acc.iter_mut().zip(row) {
            *a += u * e;
        }
    }
    out.copy_from_slice(&acc);
}

fn vecmat_any(v: &[f64], x: &[f64], out: &mut [f64]) {
    for (&u, row) in v.iter().zip(x.chunks_exact(out.len())) {
        out.iter_mut().zip(row).for_each(|(o, &e)| *o += u * e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The specialised loops give the plain loops' bits for every width.
    #[test]
    fn specialised_loops_match_plain_ones() {
        for w in 0..=MAX_FIXED + 3 {
            for rows in [0, 1, 3, 4, 5, 11] {
                let x: Vec<f64> = (0..rows * w).map(|k| ((k * 37 % 101) as f64 - 50.0) / 7.0).collect();
                let y: Vec<f64> = (0..w).map(|k| (k as f64 + 0.3).sqrt()).collect();
                let v: Vec<f64> = (0..rows).map(|k| 1.0 / (k as f64 + 1.5)).collect();
                let mut mv = vec![f64::NAN; rows];
                matvec(&x, &y, &mut mv);
                let mut vm = vec![0.25; w];
                vecmat_add(&v, &x, &mut vm);
                for (i, &got) in mv.iter().enumerate() {
                    let want = (0..w).fold(0.0, |s, c| s + x[i * w + c] * y[c]);
                    assert_eq!(got.to_bits(), want.to_bits(), "matvec width {w} rows {rows}");
                }
                for (c, &got) in vm.iter().enumerate() {
                    let want = (0..rows).fold(0.25, |s, i| s + v[i] * x[i * w + c]);
                    assert_eq!(got.to_bits(), want.to_bits(), "vecmat width {w} rows {rows}");
                }
            }
        }
    }
}
