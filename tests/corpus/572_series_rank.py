# tier2: Series.rank() of int, float (NaN kept NaN), bool, str and datetime (NaT) columns: methods average/min/max/first/dense, ascending=False, pct=True; ties spanning the ranks' blocks, filtered and sorted Series keeping their labels
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def table(n):
    i = np.arange(n)
    df = pd.DataFrame({
        "x": (i * 7) % 13,
        # One value holding four rows in five: its ties fill whole blocks.
        "few": np.where(i % 5 != 0, 5, i % 9),
        "y": np.where(i % 11 == 0, np.nan, (i % 17) * 0.25 - 1.0),
        "b": i % 3 == 0,
        "s": ["w" + str((k * 7) % 23) for k in range(n)],
    })
    texts = [f"e{k}|2024-0{k % 4 + 1}-{k % 5 * 6 + 1:02d}" if k % 7 != 3 else f"e{k}" for k in range(n)]
    df["d"] = pd.to_datetime(pd.Series(texts).str.split("|").str[1])
    return df


@bodo.jit(distributed=["df"])
def ranks(df):
    out = pd.DataFrame({"x": df["x"]})
    out["avg"] = df["x"].rank()
    out["min"] = df["x"].rank(method="min")
    out["max"] = df["x"].rank(method="max")
    out["first"] = df["x"].rank(method="first")
    out["dense"] = df["x"].rank(method="dense")
    out["down"] = df["x"].rank(ascending=False, method="first")
    out["pct"] = df["x"].rank(pct=True)
    out["few"] = df["few"].rank()
    out["few_first"] = df["few"].rank(method="first", ascending=False)
    return out


@bodo.jit(distributed=["df"])
def more(df):
    out = pd.DataFrame({"y": df["y"]})
    out["y_avg"] = df["y"].rank()
    out["y_min_down"] = df["y"].rank(method="min", ascending=False)
    out["y_dense_pct"] = df["y"].rank(method="dense", pct=True)
    out["y_first"] = df["y"].rank(method="first")
    out["b"] = df["b"].rank()
    out["s"] = df["s"].rank()
    out["s_dense"] = df["s"].rank(method="dense", ascending=False)
    out["d"] = df["d"].rank()
    out["d_max_pct"] = df["d"].rank(method="max", pct=True)
    return out


@bodo.jit(distributed=["out"])
def totals(out):
    return (
        float(out["avg"].sum()),
        float(out["min"].sum()),
        float(out["max"].sum()),
        float(out["first"].sum()),
        float(out["dense"].sum()),
        float(out["down"].sum()),
        float(out["few"].sum()),
        float(out["few_first"].sum()),
    )


@bodo.jit(distributed=["df"])
def parts(df):
    kept = df[df["x"] > 8]["x"].rank(method="min")
    by_y = df.sort_values("x", kind="stable")["y"].rank(method="dense")
    return kept.head(8), kept.sum(), by_y.head(6), by_y.tail(6)


@bodo.jit
def small():
    s = pd.Series([3.0, 1.0, np.nan, 3.0, 2.0, 1.0, 3.0], name="v")
    print(s.rank().values, s.rank(ascending=False, pct=True).values)
    print(s.rank(method="min").values, s.rank(method="min", ascending=False, pct=True).values)
    print(s.rank(method="max").values, s.rank(method="max", ascending=False, pct=True).values)
    print(s.rank(method="first").values, s.rank(method="first", ascending=False, pct=True).values)
    print(s.rank(method="dense").values, s.rank(method="dense", ascending=False, pct=True).values)
    t = pd.Series(["b", "a", "c", "a", "b"])
    print(t.rank(), t.rank(method="dense", ascending=False))
    z = pd.Series([0.0, -0.0, 1.0, -0.0])
    print(z.rank(method="first"), z.rank())


df = table(2000)
r = ranks(df)
print(r[["x", "avg", "min", "max", "first"]].head(15))
print(r[["x", "dense", "down", "pct", "few", "few_first"]].tail(15))
print(totals(r))
m = more(df)
print(m[["y", "y_avg", "y_min_down", "y_dense_pct", "y_first", "b"]].head(15))
print(m[["s", "s_dense", "d", "d_max_pct"]].tail(12))
print(m["y_avg"].sum(), m["y_first"].sum(), m["b"].sum(), m["s"].sum(), m["d"].sum())
print(m["y_avg"].isna().sum(), m["d"].isna().sum(), m["d_max_pct"].max(), m["y_dense_pct"].min())
for p in parts(df):
    print(p)
small()
