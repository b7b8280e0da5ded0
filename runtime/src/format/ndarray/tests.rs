//! The array printer against NumPy 2.3: a table of outputs taken from real
//! NumPy, and an opt-in differential run against a local NumPy.

use super::{array_repr, array_str};

/// An array for the printer: dtype code, `Some(cols)` for 2-D, and the
/// element bytes.
struct Case {
    dtype: i64,
    rows: usize,
    cols: Option<usize>,
    bytes: Vec<u8>,
}

impl Case {
    fn ints(values: &[i64]) -> Case {
        Case { dtype: 0, rows: values.len(), cols: None, bytes: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    fn floats(values: &[f64]) -> Case {
        Case { dtype: 1, rows: values.len(), cols: None, bytes: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    fn bools(values: &[bool]) -> Case {
        Case { dtype: 2, rows: values.len(), cols: None, bytes: values.iter().map(|&b| u8::from(b)).collect() }
    }

    /// Reshapes to `rows` x `cols`.
    fn shaped(mut self, rows: usize, cols: usize) -> Case {
        self.rows = rows;
        self.cols = Some(cols);
        self
    }

    fn args(&self) -> (i64, i64, i64, i64, *const u8) {
        let ndim = if self.cols.is_some() { 2 } else { 1 };
        (self.dtype, ndim, self.rows as i64, self.cols.unwrap_or(1) as i64, self.bytes.as_ptr())
    }

    fn str(&self) -> String {
        let (dtype, ndim, rows, cols, data) = self.args();
        unsafe { array_str(dtype, ndim, rows, cols, data) }
    }

    fn repr(&self) -> String {
        let (dtype, ndim, rows, cols, data) = self.args();
        unsafe { array_repr(dtype, ndim, rows, cols, data) }
    }
}

fn range(n: i64) -> Vec<i64> {
    (0..n).collect()
}

fn frange(n: i64) -> Vec<f64> {
    (0..n).map(|i| i as f64).collect()
}

/// (array, `str(a)`, `repr(a)`) as NumPy 2.3.5 prints them.
fn cases() -> Vec<(Case, &'static str, &'static str)> {
    vec![
        (Case::floats(&[0.3, 0.40469134, 0.5093382, 0.61394055, 0.71849833, 0.32301153, 0.4274801, 0.53190404]), "[0.3        0.40469134 0.5093382  0.61394055 0.71849833 0.32301153\n 0.4274801  0.53190404]", "array([0.3       , 0.40469134, 0.5093382 , 0.61394055, 0.71849833,\n       0.32301153, 0.4274801 , 0.53190404])"),
        (Case::floats(&[-0.5, -0.19565217, 0.10869565, 0.41304348, -0.36956522, -0.02173913, 0.32608696, -0.32608696]).shaped(2, 4), "[[-0.5        -0.19565217  0.10869565  0.41304348]\n [-0.36956522 -0.02173913  0.32608696 -0.32608696]]", "array([[-0.5       , -0.19565217,  0.10869565,  0.41304348],\n       [-0.36956522, -0.02173913,  0.32608696, -0.32608696]])"),
        (Case::floats(&[0.0, 666.0, 750.0, 800.0, 856.28571429, 875.0, 888.88888889, 900.0]), "[  0.         666.         750.         800.         856.28571429\n 875.         888.88888889 900.        ]", "array([  0.        , 666.        , 750.        , 800.        ,\n       856.28571429, 875.        , 888.88888889, 900.        ])"),
        (Case::floats(&[20.0, 40.34999917, 61.0499925, 82.09997, 103.49991667]), "[ 20.          40.34999917  61.0499925   82.09997    103.49991667]", "array([ 20.        ,  40.34999917,  61.0499925 ,  82.09997   ,\n       103.49991667])"),
        (Case::floats(&[5000.0, 5026.0103134, 5051.04247406, 5074.16755268]), "[5000.         5026.0103134  5051.04247406 5074.16755268]", "array([5000.        , 5026.0103134 , 5051.04247406, 5074.16755268])"),
        (Case::floats(&[98.5, 99.0, 99.0]), "[98.5 99.  99. ]", "array([98.5, 99. , 99. ])"),
        (Case::floats(&[-1.0, -0.5, 0.0, 0.5, 1.0]), "[-1.  -0.5  0.   0.5  1. ]", "array([-1. , -0.5,  0. ,  0.5,  1. ])"),
        (Case::bools(&[true, true, true, true]), "[ True  True  True  True]", "array([ True,  True,  True,  True])"),
        (Case::ints(&[2, 2, 2]), "[2 2 2]", "array([2, 2, 2])"),
        (Case::floats(&[10.0, 11.25, 12.5, 13.75, 15.0, 10.25, 10.75, 12.0, 13.25, 14.5, 15.75, 11.0]).shaped(2, 6), "[[10.   11.25 12.5  13.75 15.   10.25]\n [10.75 12.   13.25 14.5  15.75 11.  ]]", "array([[10.  , 11.25, 12.5 , 13.75, 15.  , 10.25],\n       [10.75, 12.  , 13.25, 14.5 , 15.75, 11.  ]])"),
        (Case::ints(&[5, 8, 11, 14]), "[ 5  8 11 14]", "array([ 5,  8, 11, 14])"),
        (Case::floats(&[0.0, 0.25, 0.5, 0.75, 1.0]), "[0.   0.25 0.5  0.75 1.  ]", "array([0.  , 0.25, 0.5 , 0.75, 1.  ])"),
        (Case::bools(&[true, false, false, true]), "[ True False False  True]", "array([ True, False, False,  True])"),
        (Case::floats(&[9.87364487e-07, 2.46841101e-05, 8.17084943e-05]), "[9.87364487e-07 2.46841101e-05 8.17084943e-05]", "array([9.87364487e-07, 2.46841101e-05, 8.17084943e-05])"),
        (Case::floats(&[4.59308288, -6.20474098, 3.85416393, 8.41572591]), "[ 4.59308288 -6.20474098  3.85416393  8.41572591]", "array([ 4.59308288, -6.20474098,  3.85416393,  8.41572591])"),
        (Case::floats(&[0.5, 1.0]), "[0.5 1. ]", "array([0.5, 1. ])"),
        (Case::floats(&[0.3333333333333333, 0.6666666666666666, 0.1, 0.30000000000000004]), "[0.33333333 0.66666667 0.1        0.3       ]", "array([0.33333333, 0.66666667, 0.1       , 0.3       ])"),
        (Case::floats(&frange(30).iter().map(|x| x / 7.0).collect::<Vec<_>>()), "[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n 0.85714286 1.         1.14285714 1.28571429 1.42857143 1.57142857\n 1.71428571 1.85714286 2.         2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571 2.85714286 3.         3.14285714 3.28571429\n 3.42857143 3.57142857 3.71428571 3.85714286 4.         4.14285714]", "array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,\n       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])"),
        (Case::floats(&frange(30).iter().map(|x| x / 7.0).collect::<Vec<_>>()).shaped(3, 10), "[[0.         0.14285714 0.28571429 0.42857143 0.57142857 0.71428571\n  0.85714286 1.         1.14285714 1.28571429]\n [1.42857143 1.57142857 1.71428571 1.85714286 2.         2.14285714\n  2.28571429 2.42857143 2.57142857 2.71428571]\n [2.85714286 3.         3.14285714 3.28571429 3.42857143 3.57142857\n  3.71428571 3.85714286 4.         4.14285714]]", "array([[0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n        0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429],\n       [1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n        2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571],\n       [2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n        3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714]])"),
        (Case::ints(&range(60).iter().map(|i| i * 1000).collect::<Vec<_>>()).shaped(2, 30), "[[    0  1000  2000  3000  4000  5000  6000  7000  8000  9000 10000 11000\n  12000 13000 14000 15000 16000 17000 18000 19000 20000 21000 22000 23000\n  24000 25000 26000 27000 28000 29000]\n [30000 31000 32000 33000 34000 35000 36000 37000 38000 39000 40000 41000\n  42000 43000 44000 45000 46000 47000 48000 49000 50000 51000 52000 53000\n  54000 55000 56000 57000 58000 59000]]", "array([[    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,\n         9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000,\n        18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000,\n        27000, 28000, 29000],\n       [30000, 31000, 32000, 33000, 34000, 35000, 36000, 37000, 38000,\n        39000, 40000, 41000, 42000, 43000, 44000, 45000, 46000, 47000,\n        48000, 49000, 50000, 51000, 52000, 53000, 54000, 55000, 56000,\n        57000, 58000, 59000]])"),
        (Case::ints(&[-300000000000, -200000000000, -100000000000, 0, 100000000000, 200000000000, 300000000000, 400000000000, 500000000000, 600000000000]), "[-300000000000 -200000000000 -100000000000             0  100000000000\n  200000000000  300000000000  400000000000  500000000000  600000000000]", "array([-300000000000, -200000000000, -100000000000,             0,\n        100000000000,  200000000000,  300000000000,  400000000000,\n        500000000000,  600000000000])"),
        (Case::ints(&range(2000)), "[   0    1    2 ... 1997 1998 1999]", "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))"),
        (Case::ints(&range(1001)), "[   0    1    2 ...  998  999 1000]", "array([   0,    1,    2, ...,  998,  999, 1000], shape=(1001,))"),
        (Case::floats(&frange(2000).iter().map(|x| x / 3.0).collect::<Vec<_>>()), "[0.00000000e+00 3.33333333e-01 6.66666667e-01 ... 6.65666667e+02\n 6.66000000e+02 6.66333333e+02]", "array([0.00000000e+00, 3.33333333e-01, 6.66666667e-01, ...,\n       6.65666667e+02, 6.66000000e+02, 6.66333333e+02], shape=(2000,))"),
        (Case::ints(&range(3000)).shaped(3, 1000), "[[   0    1    2 ...  997  998  999]\n [1000 1001 1002 ... 1997 1998 1999]\n [2000 2001 2002 ... 2997 2998 2999]]", "array([[   0,    1,    2, ...,  997,  998,  999],\n       [1000, 1001, 1002, ..., 1997, 1998, 1999],\n       [2000, 2001, 2002, ..., 2997, 2998, 2999]], shape=(3, 1000))"),
        (Case::ints(&range(3000)).shaped(1000, 3), "[[   0    1    2]\n [   3    4    5]\n [   6    7    8]\n ...\n [2991 2992 2993]\n [2994 2995 2996]\n [2997 2998 2999]]", "array([[   0,    1,    2],\n       [   3,    4,    5],\n       [   6,    7,    8],\n       ...,\n       [2991, 2992, 2993],\n       [2994, 2995, 2996],\n       [2997, 2998, 2999]], shape=(1000, 3))"),
        (Case::floats(&frange(1600).iter().map(|x| x - 800.0).collect::<Vec<_>>()).shaped(40, 40), "[[-800. -799. -798. ... -763. -762. -761.]\n [-760. -759. -758. ... -723. -722. -721.]\n [-720. -719. -718. ... -683. -682. -681.]\n ...\n [ 680.  681.  682. ...  717.  718.  719.]\n [ 720.  721.  722. ...  757.  758.  759.]\n [ 760.  761.  762. ...  797.  798.  799.]]", "array([[-800., -799., -798., ..., -763., -762., -761.],\n       [-760., -759., -758., ..., -723., -722., -721.],\n       [-720., -719., -718., ..., -683., -682., -681.],\n       ...,\n       [ 680.,  681.,  682., ...,  717.,  718.,  719.],\n       [ 720.,  721.,  722., ...,  757.,  758.,  759.],\n       [ 760.,  761.,  762., ...,  797.,  798.,  799.]], shape=(40, 40))"),
        (Case::floats(&frange(2000)).shaped(2, 1000), "[[0.000e+00 1.000e+00 2.000e+00 ... 9.970e+02 9.980e+02 9.990e+02]\n [1.000e+03 1.001e+03 1.002e+03 ... 1.997e+03 1.998e+03 1.999e+03]]", "array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 9.970e+02, 9.980e+02,\n        9.990e+02],\n       [1.000e+03, 1.001e+03, 1.002e+03, ..., 1.997e+03, 1.998e+03,\n        1.999e+03]], shape=(2, 1000))"),
        (Case::bools(&range(1200).iter().map(|i| i % 3 == 0).collect::<Vec<_>>()), "[ True False False ...  True False False]", "array([ True, False, False, ...,  True, False, False], shape=(1200,))"),
        (Case::ints(&range(1001).iter().map(|i| i * 12345).collect::<Vec<_>>()), "[       0    12345    24690 ... 12320310 12332655 12345000]", "array([       0,    12345,    24690, ..., 12320310, 12332655, 12345000],\n      shape=(1001,))"),
        (Case::floats(&[1e-05, 1.0]), "[1.e-05 1.e+00]", "array([1.e-05, 1.e+00])"),
        (Case::floats(&[100000000.0, 1.0]), "[1.e+08 1.e+00]", "array([1.e+08, 1.e+00])"),
        (Case::floats(&[10000000.0, 20000000.0]), "[10000000. 20000000.]", "array([10000000., 20000000.])"),
        (Case::floats(&[99999999.0, 1.0]), "[9.9999999e+07 1.0000000e+00]", "array([9.9999999e+07, 1.0000000e+00])"),
        (Case::floats(&[1.0, 1000.0]), "[   1. 1000.]", "array([   1., 1000.])"),
        (Case::floats(&[1.0, 1000.5]), "[1.0000e+00 1.0005e+03]", "array([1.0000e+00, 1.0005e+03])"),
        (Case::floats(&[1e-100, 100000.0, f64::NAN]), "[1.e-100 1.e+005     nan]", "array([1.e-100, 1.e+005,     nan])"),
        (Case::floats(&[1e+16, 1.0]), "[1.e+16 1.e+00]", "array([1.e+16, 1.e+00])"),
        (Case::floats(&[5e-324, 1.0, 0.1]), "[5.e-324 1.e+000 1.e-001]", "array([5.e-324, 1.e+000, 1.e-001])"),
        (Case::floats(&[1.5e+300, -2.5e-300, 0.0]), "[ 1.5e+300 -2.5e-300  0.0e+000]", "array([ 1.5e+300, -2.5e-300,  0.0e+000])"),
        (Case::floats(&[-1e-07]), "[-1.e-07]", "array([-1.e-07])"),
        (Case::floats(&[0.0, 0.0001, 1.0]), "[0.e+00 1.e-04 1.e+00]", "array([0.e+00, 1.e-04, 1.e+00])"),
        (Case::floats(&[0.0, 9.9e-05]), "[0.0e+00 9.9e-05]", "array([0.0e+00, 9.9e-05])"),
        (Case::floats(&[f64::NAN]), "[nan]", "array([nan])"),
        (Case::floats(&[f64::INFINITY, f64::NEG_INFINITY]), "[ inf -inf]", "array([ inf, -inf])"),
        (Case::floats(&[f64::NAN, f64::NEG_INFINITY]), "[ nan -inf]", "array([ nan, -inf])"),
        (Case::floats(&[1.5, f64::NAN, f64::NEG_INFINITY]), "[ 1.5  nan -inf]", "array([ 1.5,  nan, -inf])"),
        (Case::floats(&[f64::NAN, 10000000000.0, -2.5]), "[     nan  1.0e+10 -2.5e+00]", "array([     nan,  1.0e+10, -2.5e+00])"),
        (Case::floats(&[123456.5, f64::INFINITY, f64::NAN]), "[123456.5      inf      nan]", "array([123456.5,      inf,      nan])"),
        (Case::floats(&[f64::NAN, 1.0, 2.5, f64::NEG_INFINITY]).shaped(2, 2), "[[ nan  1. ]\n [ 2.5 -inf]]", "array([[ nan,  1. ],\n       [ 2.5, -inf]])"),
        (Case::floats(&[-0.0]), "[-0.]", "array([-0.])"),
        (Case::floats(&[-0.0, 1.5]), "[-0.   1.5]", "array([-0. ,  1.5])"),
        (Case::floats(&[-2.5, 10.25, -100.0]), "[  -2.5    10.25 -100.  ]", "array([  -2.5 ,   10.25, -100.  ])"),
        (Case::floats(&[0.001953125, 1.0]), "[0.00195312 1.        ]", "array([0.00195312, 1.        ])"),
        (Case::floats(&[0.999999999, 0.5]), "[1.  0.5]", "array([1. , 0.5])"),
        (Case::floats(&[9.9999999995, 1.0]), "[10.  1.]", "array([10.,  1.])"),
        (Case::floats(&[123456.123456789, 1.0]), "[1.23456123e+05 1.00000000e+00]", "array([1.23456123e+05, 1.00000000e+00])"),
        (Case::ints(&[]), "[]", "array([], dtype=int64)"),
        (Case::floats(&[]), "[]", "array([], dtype=float64)"),
        (Case::bools(&[]), "[]", "array([], dtype=bool)"),
        (Case::floats(&[]).shaped(0, 3), "[]", "array([], shape=(0, 3), dtype=float64)"),
        (Case::ints(&[]).shaped(3, 0), "[]", "array([], shape=(3, 0), dtype=int64)"),
        (Case::bools(&[]).shaped(0, 0), "[]", "array([], shape=(0, 0), dtype=bool)"),
        (Case::ints(&[4611686018427387904, i64::MIN]), "[ 4611686018427387904 -9223372036854775808]", "array([ 4611686018427387904, -9223372036854775808])"),
        (Case::ints(&[i64::MAX]), "[9223372036854775807]", "array([9223372036854775807])"),
        (Case::ints(&[1, -100, 12345]), "[    1  -100 12345]", "array([    1,  -100, 12345])"),
        (Case::ints(&[-5, 3]), "[-5  3]", "array([-5,  3])"),
        (Case::ints(&[1, -22, 333, 4]).shaped(2, 2), "[[  1 -22]\n [333   4]]", "array([[  1, -22],\n       [333,   4]])"),
        (Case::ints(&[5]), "[5]", "array([5])"),
        (Case::floats(&[1.5]), "[1.5]", "array([1.5])"),
        (Case::bools(&[false]), "[False]", "array([False])"),
        (Case::floats(&[7.25]).shaped(1, 1), "[[7.25]]", "array([[7.25]])"),
        (Case::bools(&[true, false, false, true]).shaped(2, 2), "[[ True False]\n [False  True]]", "array([[ True, False],\n       [False,  True]])"),
        (Case::floats(&frange(8)).shaped(8, 1), "[[0.]\n [1.]\n [2.]\n [3.]\n [4.]\n [5.]\n [6.]\n [7.]]", "array([[0.],\n       [1.],\n       [2.],\n       [3.],\n       [4.],\n       [5.],\n       [6.],\n       [7.]])"),
        (Case::ints(&range(8)).shaped(1, 8), "[[0 1 2 3 4 5 6 7]]", "array([[0, 1, 2, 3, 4, 5, 6, 7]])"),
    ]
}

#[test]
fn matches_numpy() {
    for (i, (case, want_str, want_repr)) in cases().iter().enumerate() {
        assert_eq!(case.str(), *want_str, "str, case {i}");
        assert_eq!(case.repr(), *want_repr, "repr, case {i}");
    }
}

/// Bad arguments produce text, not a panic or a read.
#[test]
fn bad_arguments() {
    let dangling = std::ptr::NonNull::<u8>::dangling().as_ptr();
    unsafe {
        assert_eq!(array_str(7, 1, 3, 1, dangling), "<array of unknown dtype 7>");
        assert_eq!(array_str(0, 1, -5, 1, dangling), "[]");
        assert_eq!(array_repr(1, 2, 4, -1, dangling), "array([], shape=(4, 0), dtype=float64)");
    }
}

/// Compares against the NumPy that `NUMPY_PYTHON` (default `python3`) can
/// import, on thousands of random arrays:
/// `NUMPY_PYTHON=.../python cargo test -p bodo_rt format::ndarray -- --ignored`.
#[test]
#[ignore = "needs python3 with numpy 2.3"]
fn differential_against_numpy() {
    let python = std::env::var("NUMPY_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = std::process::Command::new(python).args(["-c", GENERATOR]).output().expect("run python");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [dtype, ndim, rows, cols, hex, want_str, want_repr] = fields[..] else { panic!("bad line {line:?}") };
        let bytes: Vec<u8> =
            (0..hex.len() / 2).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex")).collect();
        let dtype: i64 = dtype.parse().expect("dtype");
        let rows: usize = rows.parse().expect("rows");
        let cols: usize = cols.parse().expect("cols");
        let case = Case { dtype, rows, cols: (ndim == "2").then_some(cols), bytes };
        let (want_str, want_repr) = (want_str.replace("\\n", "\n"), want_repr.replace("\\n", "\n"));
        let (got_str, got_repr) = (case.str(), case.repr());
        if got_str != want_str || got_repr != want_repr {
            failures.push(format!("want {want_repr}\n got {got_repr}\nwant {want_str}\n got {got_str}"));
        }
        count += 1;
    }
    assert!(count > 1000, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n\n")
    );
}

/// Prints random arrays as `dtype ndim rows cols hex str repr`, tab-separated,
/// newlines in the outputs escaped as `\n`.
const GENERATOR: &str = r#"
import os
import numpy as np
rng = np.random.default_rng(int(os.environ.get('NDARRAY_SEED', '12345')))

def emit(a):
    code = {np.dtype(np.int64): 0, np.dtype(np.float64): 1, np.dtype(np.bool_): 2}[a.dtype]
    rows = a.shape[0]
    cols = a.shape[1] if a.ndim == 2 else 1
    data = np.ascontiguousarray(a).astype(a.dtype.newbyteorder('<')).tobytes().hex()
    esc = lambda s: s.replace('\n', '\\n')
    print(code, a.ndim, rows, cols, data, esc(str(a)), esc(repr(a)), sep='\t')

def shape():
    r = rng.random()
    if r < 0.03:
        return (int(rng.choice([1000, 1001, 1002])),)
    if r < 0.05:
        return (int(rng.integers(1001, 2500)),)
    if r < 0.1:
        return tuple(int(x) for x in rng.choice([[1, 1200], [1200, 1], [40, 40], [3, 400], [400, 3], [7, 200]]))
    if r < 0.45:
        return (int(rng.integers(0, 4)), int(rng.integers(0, 9)))
    return (int(rng.integers(0, 20)),)

def floats(shape):
    n = int(np.prod(shape))
    kind = rng.integers(0, 12)
    scale = 10.0 ** rng.integers(-12, 22)
    if kind == 0:
        x = rng.uniform(-scale, scale, n)
    elif kind == 1:
        x = rng.uniform(0, scale, n)
    elif kind == 2:
        x = np.round(rng.normal(0, scale, n), int(rng.integers(0, 10)))
    elif kind == 3:
        x = rng.integers(-1000, 1000, n) / rng.choice([1, 2, 4, 7, 8, 10, 100, 1024, 3])
    elif kind == 4:
        x = np.exp(rng.uniform(-30, 30, n))
    elif kind == 5:
        x = rng.choice([0.0, -0.0, 1.0, -1.0, 0.5, 1e-4, 9.99999999e-5, 1e8, 99999999.99, 0.1, 0.3,
                        2.0 ** -1074, 2.2250738585072014e-308, 1.7976931348623157e308, 1e16, 1e-300,
                        0.001953125, 0.999999999, 123456.123456789, 2.0 ** 60, 1e22], n)
    elif kind == 6:
        x = rng.uniform(1, 1000, n) * rng.choice([1, -1], n)
    elif kind == 7:
        x = np.round(rng.uniform(0, 1, n), 2) * scale
    elif kind == 8:
        x = rng.standard_normal(n) * scale
    elif kind == 9:
        # Ties at the 8th decimal and carries out of the last kept digit.
        x = rng.integers(-2 ** 20, 2 ** 20, n) / 2.0 ** rng.integers(9, 28)
    elif kind == 10:
        x = rng.choice([0.999999995, 0.9999999949, 9.9999999995, 99999999.999, 99999999.4, 1e-4, 1.00000001e-4,
                        9.9999e-5, 1000.0, 1000.0000001, 1.0, 999.9999999, 0.0015, 1e8 - 1, 12345678.9], n)
    else:
        x = rng.uniform(-1, 1, n) * 10.0 ** rng.integers(-5, 9, n)
    if rng.random() < 0.2 and n:
        specials = rng.choice([np.nan, np.inf, -np.inf, 0.0, -0.0], int(rng.integers(1, 4)))
        x[rng.integers(0, n, len(specials))] = specials
    return x.reshape(shape)

def ints(shape):
    n = int(np.prod(shape))
    hi = int(10 ** rng.integers(0, 19))
    x = rng.integers(-hi if rng.random() < 0.5 else 0, hi, n, dtype=np.int64)
    if rng.random() < 0.1 and n:
        x[rng.integers(0, n)] = rng.choice([np.iinfo(np.int64).min, np.iinfo(np.int64).max])
    return x.reshape(shape)

for _ in range(6000):
    s = shape()
    r = rng.random()
    if r < 0.7:
        emit(floats(s))
    elif r < 0.9:
        emit(ints(s))
    else:
        emit(rng.random(s) < 0.5)
"#;
