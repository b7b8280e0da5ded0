//! The float loops of `np.dot(vector, matrix)` and `np.dot(matrix, vector)`
//! over a row-major matrix. Data-science matrices are tall and narrow
//! (millions of rows, a handful of columns), so the loops are specialised by
//! column count: with the width a constant, the column sums live in
//! registers (vector·matrix) and a row's products are unrolled
//! (matrix·vector). Every sum keeps the left-to-right order of the plain
//! loop, so results do not depend on the specialisation taken.

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
    // Widths with a specialised loop; wider matrices take the generic one.
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
}

/// `out[r] = sum_c x[r, c] * v[c]` for the `out.len()` rows of `x`
/// (row-major, `v.len()` columns), each sum from 0.0 over columns in order.
pub fn matvec_rows(x: &[f64], v: &[f64], out: &mut [f64]) {
    macro_rules! fixed {
        ($($w:literal)*) => {
            match v.len() {
                0 => out.fill(0.0),
                $($w => matvec_fixed::<$w>(x, v, out),)*
                _ => matvec_any(x, v, out),
            }
        };
    }
    fixed!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);
}

fn matvec_fixed<const W: usize>(x: &[f64], v: &[f64], out: &mut [f64]) {
    let v: &[f64; W] = v.try_into().expect("vector of the matrix's width");
    for (o, row) in out.iter_mut().zip(x.chunks_exact(W)) {
        *o = row.iter().zip(v).fold(0.0, |s, (&a, &b)| s + a * b);
    }
}

fn matvec_any(x: &[f64], v: &[f64], out: &mut [f64]) {
    for (o, row) in out.iter_mut().zip(x.chunks_exact(v.len())) {
        *o = row.iter().zip(v).fold(0.0, |s, (&a, &b)| s + a * b);
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

    /// The specialised loop gives the plain loop's bits for every width.
    #[test]
    fn specialised_loop_matches_plain_one() {
        for w in 0..=19 {
            for rows in [0, 1, 3, 4, 5, 11] {
                let x: Vec<f64> = (0..rows * w).map(|k| ((k * 37 % 101) as f64 - 50.0) / 7.0).collect();
                let v: Vec<f64> = (0..rows).map(|k| 1.0 / (k as f64 + 1.5)).collect();
                let mut vm = vec![0.25; w];
                vecmat_add(&v, &x, &mut vm);
                for (c, &got) in vm.iter().enumerate() {
                    let want = (0..rows).fold(0.25, |s, i| s + v[i] * x[i * w + c]);
                    assert_eq!(got.to_bits(), want.to_bits(), "vecmat width {w} rows {rows}");
                }
                let u: Vec<f64> = (0..w).map(|c| 0.75 - c as f64 / 3.0).collect();
                let mut mv = vec![9.0; rows];
                matvec_rows(&x, &u, &mut mv);
                for (r, &got) in mv.iter().enumerate() {
                    let want = (0..w).fold(0.0, |s, c| s + x[r * w + c] * u[c]);
                    assert_eq!(got.to_bits(), want.to_bits(), "matvec width {w} row {r}");
                }
            }
        }
    }
}
