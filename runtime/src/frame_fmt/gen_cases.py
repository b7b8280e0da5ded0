"""Differential cases for `frame_fmt`: random DataFrames and Series with
pandas' own `str()` of each, for the ignored test in `differential.rs`.

    ~/.cache/bodo-oracle-venv/bin/python runtime/src/frame_fmt/gen_cases.py N SEED > /tmp/cases.txt
    FRAME_FMT_CASES=/tmp/cases.txt cargo test --release -p bodo_rt frame_fmt::differential -- --ignored

One case per block: `case frame|series NROWS`, then `index KIND VALUES...`
(for `index multi`, one `level HEXNAME KIND VALUES...` line per level),
optional `iname HEX` / `sname HEX` / `cname HEX` (the columns' name), one
`col HEXNAME KIND VALUES...` line per column (a Series has one, its name
unused), `expect HEX`, `end`. Every row is written; the test keeps the
shown ones, as the runtime's caller does.
Strings are `x` + UTF-8 hex (`~` for a missing value), floats their IEEE
bits in hex, datetimes ns since the epoch (NaT is the smallest int64).
"""
import random
import sys

import numpy as np
import pandas as pd

NAT = -(2**63)


def hexs(s):
    return "~" if s is None else "x" + s.encode().hex()


def fbits(x):
    return np.float64(x).view(np.uint64).item().__format__("x")


def rand_float(r, scale):
    k = r.random()
    if k < 0.06:
        return float("nan")
    if k < 0.08:
        return r.choice([float("inf"), float("-inf"), -0.0, 0.0])
    if k < 0.12:
        return r.choice(EDGES)
    if k < 0.25:
        return float(r.randint(-1000, 1000))
    x = r.uniform(-1, 1) * 10 ** r.uniform(scale - 2, scale)
    if r.random() < 0.3:
        x = round(x, r.randint(0, 4))
    return x


# Values at the edges of pandas' switch to scientific notation and rounding.
EDGES = [1e6, -1e6, 1000000.5, 1e-6, 9.999999e-7, 5e-7, 999999.9999995, 0.0000005, 1e16, 123456.7890123, 0.1 + 0.2, 2.5e-7, -1e-300, 1.7976931348623157e308]

WORDS = ["a", "bb", "x y", "", " lead", "tab\there", "nl\nx", "é", "日本", "NaN", "None", "-1.5"]


def rand_str(r):
    k = r.random()
    if k < 0.1:
        return "".join(r.choice("abcdef ") for _ in range(r.randint(40, 70)))
    if k < 0.4:
        return r.choice(WORDS)
    return "".join(r.choice("abcxyzQ_") for _ in range(r.randint(1, 12)))


def rand_dt(r, mode):
    day = r.randint(-3000, 25000) * 86400 * 10**9
    if mode == 0:
        return day
    t = r.randint(0, 86399) * 10**9
    if mode == 2:
        t += r.choice([0, 500 * 10**6, 123 * 10**6, 1000, 7])
    return day + t


def make_cells(r, n):
    kind = r.choice(["int", "int", "float", "float", "float", "bool", "str", "strnan", "dt"])
    if kind == "int":
        big = r.random() < 0.1
        vals = [r.randint(-(2**63), 2**63 - 1) if big else r.randint(-10 ** r.randint(1, 7), 10 ** r.randint(1, 7)) for _ in range(n)]
        return kind, vals, pd.Series(np.array(vals, dtype=np.int64))
    if kind == "float":
        scale = r.choice([-9, -5, -1, 0, 1, 2, 3, 5, 6, 7, 9, 13])
        vals = [rand_float(r, scale) for _ in range(n)]
        if r.random() < 0.03:
            vals = [float("nan")] * n
        return kind, vals, pd.Series(np.array(vals, dtype=np.float64))
    if kind == "bool":
        vals = [r.random() < 0.5 for _ in range(n)]
        return kind, vals, pd.Series(np.array(vals, dtype=bool))
    if kind in ("str", "strnan"):
        vals = [None if r.random() < 0.1 else rand_str(r) for _ in range(n)]
        missing = None if kind == "str" else np.nan
        return kind, vals, pd.Series([missing if v is None else v for v in vals], dtype=object)
    mode = r.choice([0, 1, 2])
    vals = [NAT if r.random() < 0.1 else rand_dt(r, mode) for _ in range(n)]
    return kind, vals, pd.Series(np.array(vals, dtype=np.int64).view("datetime64[ns]"))


def make_multi(r, n):
    """Two or three levels whose outer labels repeat in runs, as a groupby's."""
    tokens, arrays, names = [], [], []
    for _ in range(r.choice([2, 2, 3])):
        distinct = r.choice([1, 2, 3, 5, 20])
        kind = r.choice(["int", "str", "dt", "float"])
        pool_tokens, pool_index = make_index_of(r, kind, distinct)
        # A missing level value is not supported; levels hold unique values,
        # so -0.0 would merge with 0.0.
        while pool_index.isna().any() or any(str(t) == fbits(-0.0) for t in pool_tokens):
            pool_tokens, pool_index = make_index_of(r, kind, distinct)
        codes = sorted(r.randrange(distinct) for _ in range(n)) if r.random() < 0.7 else [r.randrange(distinct) for _ in range(n)]
        name = rand_name(r) if r.random() < 0.7 else None
        vals = [pool_tokens[1 + c] for c in codes]
        tokens.append(f"level {hexs(name)} {kind} " + " ".join(map(str, vals)))
        arrays.append(pool_index.take(codes))
        names.append(name)
    return tokens, pd.MultiIndex.from_arrays(arrays, names=names)


def make_index(r, n):
    kind = r.choice(["range", "range", "range", "int", "float", "str", "dt"])
    return make_index_of(r, kind, n)


def make_index_of(r, kind, n):
    if kind == "range":
        start, step = r.randint(-20, 200), r.choice([1, 1, 1, 2, 5, -1, -3])
        return ["range", start, step], pd.RangeIndex(start, start + step * n, step)
    if kind == "int":
        vals = [r.randint(-10 ** r.randint(1, 6), 10 ** r.randint(1, 6)) for _ in range(n)]
        return ["int"] + vals, pd.Index(np.array(vals, dtype=np.int64))
    if kind == "float":
        scale = r.choice([-7, 0, 1, 3, 7])
        vals = [rand_float(r, scale) for _ in range(n)]
        return ["float"] + [fbits(v) for v in vals], pd.Index(np.array(vals, dtype=np.float64))
    if kind == "str":
        vals = [rand_str(r) for _ in range(n)]
        return ["str"] + [hexs(v) for v in vals], pd.Index(vals, dtype=object)
    mode = r.choice([0, 1, 2])
    vals = [NAT if r.random() < 0.05 else rand_dt(r, mode) for _ in range(n)]
    return ["dt"] + vals, pd.DatetimeIndex(np.array(vals, dtype=np.int64).view("datetime64[ns]"))


def encode(kind, vals):
    if kind == "float":
        return [fbits(v) for v in vals]
    if kind == "bool":
        return [int(v) for v in vals]
    if kind in ("str", "strnan"):
        return [hexs(v) for v in vals]
    return vals


def rand_name(r):
    k = r.random()
    if k < 0.1:
        return "n" * r.randint(30, 70)
    if k < 0.2:
        return r.choice(WORDS)
    return r.choice(["a", "b", "price", "qty", "x1", "long_name", "A", "c"]) + ("" if r.random() < 0.5 else str(r.randint(0, 30)))


def case(r, out):
    n = r.choice([0, r.randint(1, 8), r.randint(1, 60), r.randint(55, 70), r.randint(61, 150)])
    series = r.random() < 0.3
    lines = []
    multi = r.random() < 0.15
    if multi:
        level_lines, index = make_multi(r, n)
        index_tokens, iname = ["multi"], None
    else:
        index_tokens, index = make_index(r, n)
        iname = rand_name(r) if r.random() < 0.25 else None
        index.name = iname
    if series:
        kind, vals, col = make_cells(r, n)
        name = rand_name(r) if r.random() < 0.6 else None
        obj = pd.Series(col.values, index=index, name=name)
        lines.append(f"case series {n}")
        if name is not None:
            lines.append("sname " + hexs(name))
        cols = [("x", kind, vals)]
    else:
        ncols = r.choice([0, 1, 2, 3, r.randint(1, 8), r.randint(5, 25), r.randint(1, 90)]) if r.random() < 0.97 else 0
        cols, data, names = [], {}, []
        for i in range(ncols):
            kind, vals, col = make_cells(r, n)
            name = rand_name(r)
            names.append(name)
            data[i] = col.values
            cols.append((name, kind, vals))
        obj = pd.DataFrame(data, index=index)
        if ncols == 0:
            # Without columns pandas lists every label, which only a
            # RangeIndex can give past the shown rows: not supported.
            if n > 60 and index_tokens[0] != "range":
                return
            obj = pd.DataFrame(index=index)
        cname = rand_name(r) if r.random() < 0.15 else None
        obj.columns = pd.Index(names, dtype=object, name=cname)
        lines.append(f"case frame {n}")
        if cname is not None:
            lines.append("cname " + hexs(cname))
    lines.append("index " + " ".join(map(str, index_tokens)))
    if multi:
        lines.extend(level_lines)
    if iname is not None:
        lines.append("iname " + hexs(iname))
    for name, kind, vals in cols:
        lines.append(f"col {hexs(name)} {kind} " + " ".join(map(str, encode(kind, vals))))
    lines.append("expect " + hexs(str(obj)))
    lines.append("end")
    out.write("\n".join(lines) + "\n")


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    for _ in range(count):
        case(r, sys.stdout)


main()
