//! The values pandas' groupby aggregations give for groups of consecutive
//! rows (each group's rows in their original order), with pandas' own
//! arithmetic: float sums and means are Kahan-compensated (`group_sum`,
//! `group_mean`, `group_cumsum`), variances use Welford's update
//! (`group_var`), NaN is skipped, a group of NaN only sums to 0 and has a
//! NaN mean, min, max, first and last.

use super::table::{each, each_num, same, Col, KeyVal};
use bodo_abi::agg;
use std::cmp::Ordering;
use std::ops::Range;

/// Element types whose values pandas also computes with as float64.
trait Num: KeyVal {
    fn f(self) -> f64;
}

impl Num for i64 {
    fn f(self) -> f64 {
        self as f64
    }
}

impl Num for f64 {
    fn f(self) -> f64 {
        self
    }
}

impl Num for u8 {
    fn f(self) -> f64 {
        f64::from(self)
    }
}

/// A Kahan-compensated running sum, as pandas' cython loops keep one.
#[derive(Default)]
struct Kahan {
    sum: f64,
    comp: f64,
}

impl Kahan {
    fn add(&mut self, v: f64) {
        let y = v - self.comp;
        let t = self.sum + y;
        self.comp = t - self.sum - y;
        // An infinite sum makes the compensation NaN: pandas resets it.
        if self.comp.is_nan() {
            self.comp = 0.0;
        }
        self.sum = t;
    }
}

/// The present (non-missing) values of a group.
fn present<T: KeyVal>(g: &[T]) -> impl Iterator<Item = T> + '_ {
    g.iter().copied().filter(|x| !x.missing())
}

/// The float sum and count of a group's present values.
fn float_sum<T: Num>(g: &[T]) -> (f64, usize) {
    let mut k = Kahan::default();
    let mut n = 0;
    for x in present(g) {
        k.add(x.f());
        n += 1;
    }
    (k.sum, n)
}

/// Sample variance (`ddof = 1`) of a group's present values.
fn variance<T: Num>(g: &[T]) -> f64 {
    let (mut n, mut mean, mut m2) = (0.0, 0.0, 0.0);
    for x in present(g) {
        let v = x.f();
        n += 1.0;
        let old = mean;
        mean += (v - old) / n;
        m2 += (v - mean) * (v - old);
    }
    if n <= 1.0 {
        f64::NAN
    } else {
        m2 / (n - 1.0)
    }
}

/// The median of a group's present values (the mean of the middle two
/// of an even count), NaN if none is present.
fn median<T: Num>(g: &[T]) -> f64 {
    let mut v: Vec<f64> = present(g).map(Num::f).collect();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The present value that `better` prefers over every other (the first
/// one on ties), or the group's first value (NaN) if none is present.
fn pick<T: KeyVal>(g: &[T], better: impl Fn(T, T) -> bool) -> T {
    present(g).reduce(|a, b| if better(b, a) { b } else { a }).unwrap_or(g[0])
}

/// The number of distinct present values of a group.
fn distinct<T: KeyVal>(g: &[T]) -> i64 {
    let mut v: Vec<T> = present(g).collect();
    v.sort_by(|a, b| T::order(*a, *b));
    v.dedup_by(|a, b| T::order(*a, *b) == Ordering::Equal);
    v.len() as i64
}

/// Aggregation `code` of column `v` over each group of rows.
pub fn aggregate(v: &Col, groups: &[Range<usize>], code: i64) -> Col {
    let ints = |f: &dyn Fn(&Range<usize>) -> i64| Col::Int(groups.iter().map(f).collect());
    let floats = |f: &dyn Fn(&Range<usize>) -> f64| Col::Float(groups.iter().map(f).collect());
    // Number arithmetic of strings or datetimes (never asked for) gives NaN.
    let nan = Col::Float(vec![f64::NAN; groups.len()]);
    match code {
        agg::SIZE => ints(&|g| g.len() as i64),
        agg::COUNT => each!(v, x => ints(&|g| present(&x[g.clone()]).count() as i64)),
        agg::NUNIQUE => each!(v, x => ints(&|g| distinct(&x[g.clone()]))),
        agg::MEAN => each_num!(v, x => floats(&|g| {
            let (s, n) = float_sum(&x[g.clone()]);
            if n == 0 { f64::NAN } else { s / n as f64 }
        }), nan),
        agg::MEDIAN => each_num!(v, x => floats(&|g| median(&x[g.clone()])), nan),
        agg::VAR => each_num!(v, x => floats(&|g| variance(&x[g.clone()])), nan),
        agg::STD => each_num!(v, x => floats(&|g| variance(&x[g.clone()]).sqrt()), nan),
        agg::SUM => match v {
            Col::Int(x) => ints(&|g| x[g.clone()].iter().fold(0i64, |a, &b| a.wrapping_add(b))),
            Col::Bool(x) => ints(&|g| x[g.clone()].iter().map(|&b| i64::from(b)).sum()),
            Col::Float(x) => floats(&|g| float_sum(&x[g.clone()]).0),
            Col::Time(_) | Col::Str(..) => nan,
        },
        agg::MIN => {
            same!(v, x => groups.iter().map(|g| pick(&x[g.clone()], |a, b| KeyVal::order(a, b).is_lt())).collect())
        }
        agg::MAX => {
            same!(v, x => groups.iter().map(|g| pick(&x[g.clone()], |a, b| KeyVal::order(a, b).is_gt())).collect())
        }
        agg::FIRST => same!(v, x => groups.iter().map(|g| pick(&x[g.clone()], |_, _| false)).collect()),
        _ => same!(v, x => groups.iter().map(|g| pick(&x[g.clone()], |_, _| true)).collect()),
    }
}

/// Per row, in the rows' order: `CUMSUM` (a running sum within the group,
/// NaN rows staying NaN), or any aggregation's group value repeated on
/// every row of the group (`transform`).
pub fn per_row(v: &Col, groups: &[Range<usize>], code: i64) -> Col {
    if code != agg::CUMSUM {
        let per_group = aggregate(v, groups, code);
        let rows: Vec<usize> = groups.iter().enumerate().flat_map(|(k, g)| g.clone().map(move |_| k)).collect();
        return per_group.take(&rows);
    }
    /// Each group's running int sum of `x`, each value added by `add`.
    fn running<T: Copy>(x: &[T], groups: &[Range<usize>], add: impl Fn(i64, T) -> i64 + Copy) -> Col {
        let sums = groups.iter().flat_map(|g| {
            x[g.clone()].iter().scan(0i64, move |acc, &b| {
                *acc = add(*acc, b);
                Some(*acc)
            })
        });
        Col::Int(sums.collect())
    }
    match v {
        Col::Int(x) => running(x, groups, i64::wrapping_add),
        Col::Bool(x) => running(x, groups, |a, b| a + i64::from(b)),
        Col::Time(_) | Col::Str(..) => Col::Float(vec![f64::NAN; v.len()]),
        Col::Float(x) => Col::Float(
            groups
                .iter()
                .flat_map(|g| {
                    let mut k = Kahan::default();
                    x[g.clone()].iter().map(move |&b| {
                        if b.is_nan() {
                            return b;
                        }
                        k.add(b);
                        k.sum
                    })
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregations_skip_nan() {
        let v = Col::Float(vec![1.0, f64::NAN, 3.0, f64::NAN, f64::NAN, 2.0, 2.0]);
        let groups = [0..3, 3..5, 5..7];
        let floats = |c: Col| match c {
            Col::Float(v) => v,
            _ => panic!("float results"),
        };
        let ints = |c: Col| match c {
            Col::Int(v) => v,
            _ => panic!("int results"),
        };
        assert_eq!(floats(aggregate(&v, &groups, agg::SUM))[..2], [4.0, 0.0]);
        assert_eq!(ints(aggregate(&v, &groups, agg::COUNT)), [2, 0, 2]);
        assert_eq!(ints(aggregate(&v, &groups, agg::SIZE)), [3, 2, 2]);
        assert_eq!(ints(aggregate(&v, &groups, agg::NUNIQUE)), [2, 0, 1]);
        let first = floats(aggregate(&v, &groups, agg::FIRST));
        assert!(first[0] == 1.0 && first[1].is_nan() && first[2] == 2.0);
        let var = floats(aggregate(&v, &groups, agg::VAR));
        assert!(var[0] == 2.0 && var[1].is_nan() && var[2] == 0.0);
        let sums = floats(per_row(&v, &groups, agg::CUMSUM));
        assert!(sums[0] == 1.0 && sums[1].is_nan() && sums[2] == 4.0 && sums[6] == 4.0);
        let means = floats(per_row(&v, &groups, agg::MEAN));
        assert!(means[1] == 2.0 && means[3].is_nan());
    }

    #[test]
    fn datetime_aggregations_skip_nat() {
        use super::super::table::Time;
        use crate::frame_fmt::datetime::NAT;
        let v = Col::Time([NAT, 7, 3, 7, NAT, NAT].map(Time).to_vec());
        let groups = [0..4, 4..6];
        let times = |c: Col| match c {
            Col::Time(v) => v.iter().map(|t| t.0).collect::<Vec<_>>(),
            _ => panic!("datetime results"),
        };
        let ints = |c: Col| match c {
            Col::Int(v) => v,
            _ => panic!("int results"),
        };
        assert_eq!(ints(aggregate(&v, &groups, agg::COUNT)), [3, 0]);
        assert_eq!(ints(aggregate(&v, &groups, agg::NUNIQUE)), [2, 0]);
        assert_eq!(times(aggregate(&v, &groups, agg::MIN)), [3, NAT]);
        assert_eq!(times(aggregate(&v, &groups, agg::MAX)), [7, NAT]);
        assert_eq!(times(aggregate(&v, &groups, agg::FIRST)), [7, NAT]);
        assert_eq!(times(aggregate(&v, &groups, agg::LAST)), [7, NAT]);
        assert_eq!(times(per_row(&v, &groups, agg::MIN)), [3, 3, 3, 3, NAT, NAT]);
    }
}
