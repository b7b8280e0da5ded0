# tier2: fillna of str Series and columns holding missing values (split pieces past the end, missing in the first and last rows, none missing, all missing; a map of a dict lacking keys; a left merge): s.fillna(text), a column store of it, a variable fill, then str methods, groupby keys, value_counts and sorts of the filled values; df.fillna({...}) per column and df.fillna(text) / df.fillna(number) on frames of mixed column types, on distributed data
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    words = ["solo", "a b", "c d e", "f g", "h i j k"]
    i = np.arange(n)
    text = [words[(k * 3) % 5] if 0 < k < n - 1 else "edge" for k in range(n)]
    return pd.DataFrame({"id": i, "text": text, "x": np.where(i % 7 == 3, np.nan, i * 0.5)})


@bodo.jit(distributed=["df"])
def series(df, dash):
    second = df.text.str.split(" ").str[1]
    first = df.text.str.split(" ").str[0]
    nothing = df.text.str.split(" ").str[6]
    codes = {"a": "alpha", "c": "gamma", "h": "eta"}
    named = first.map(codes)
    filled = second.fillna("?")
    print(filled.head(7))
    print(filled.tail(3))
    print(second.isna().sum(), filled.isna().sum(), (filled == "?").sum())
    print((first.fillna("zzz") == first).sum(), first.fillna("zzz").isna().sum())
    print(nothing.fillna("none").value_counts())
    print(named.fillna(dash).value_counts().sort_index())
    print(filled.str.upper().str.len().sum(), (second.fillna("") + "|").head(6))
    out = df[["id", "text"]]
    out["second"] = second
    out["second"] = out["second"].fillna(value="-")
    out["named"] = named.fillna(dash + dash)
    print(out.groupby("second")["id"].count())
    print(out.sort_values(["named", "id"]).head(8))
    return out


@bodo.jit(distributed=["df"])
def frames(df):
    parts = df.text.str.split(" ")
    out = pd.DataFrame({"id": df.id, "second": parts.str[1], "third": parts.str.get(2), "x": df.x})
    print(out.fillna({"second": "-", "x": 0.0}).head(8))
    print(out.fillna({"third": "", "nope": 1.5}).tail(4))
    texts = out[["id", "second", "third"]]
    print(texts.fillna("?").head(6))
    print(texts.fillna("?").isna().sum().sum(), texts.fillna("?").dropna().shape)
    nums = pd.DataFrame({"id": df.id, "first": parts.str[0], "x": df.x})
    print(nums.fillna(0.5).head(5))
    print(nums.fillna(-1).x.sum())
    whole = out.fillna({"second": "?", "third": "?", "x": -1.0})
    print(whole.groupby("third")["x"].sum())
    return whole


@bodo.jit(distributed=["left"])
def joined(left):
    names = pd.DataFrame({"id": np.arange(0, 200, 3), "label": ["L" + str(k) for k in range(0, 200, 3)]})
    m = left[["id", "x"]].merge(names, on="id", how="left")
    m["label"] = m["label"].fillna("unlabelled")
    print(m.sort_values("id").head(7))
    print(m.label.value_counts().head(3))
    return m.label.str.startswith("L").sum()


df = make(200)
print(series(df, "!").tail(5))
print(frames(df).head(10))
print(joined(df))
print(series(make(2), "*"))
