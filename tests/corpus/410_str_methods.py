# tier2: Series.str methods (upper, lower, len, contains, startswith, replace, strip, slice, [i], split().str[i], zfill, find), astype to and from str, all/any/prod
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def make(n):
    cities = ["  Oslo", "lima ", "Pune", "new york", "Kyiv"]
    return pd.DataFrame({
        "id": np.arange(n),
        "raw": [cities[k % 5] + ";" + str(k * 7 % 13) + ";" + ("vip" if k % 4 == 0 else "std") for k in range(n)],
        "score": (np.arange(n) * 1.25) % 7.0,
        "flag": np.arange(n) % 3 == 0,
    })


@bodo.jit(distributed=["df"])
def parse(df):
    city = df.raw.str.split(";").str[0].str.strip()
    out = pd.DataFrame({
        "id": df.id,
        "city": city.str.title(),
        "code": df.raw.str.split(";").str[1].astype(np.int64),
        "tier": df.raw.str.rsplit(";").str[-1].str.upper(),
    })
    out["len"] = city.str.len()
    out["has_o"] = city.str.contains("o")
    out["starts"] = city.str.lower().str.startswith("n")
    out["short"] = city.str.slice(0, 3).str.replace("y", "Y")
    out["first"] = city.str[0]
    out["padded"] = df.id.astype(str).str.zfill(3)
    out["at"] = city.str.find("o")
    out["score_s"] = df.score.astype(str)
    out["flag_s"] = df.flag.astype(str)
    return out


@bodo.jit(distributed=["out"])
def summary(out):
    return (out.len.sum(), out.has_o.sum(), out.code.sum(), out.has_o.any(), out.starts.all(),
            (out.code + 1).prod() > 0, out.padded.str.len().max())


@bodo.jit
def bad_number():
    s = pd.Series(["1", "2", "x3"])
    return s.astype(np.int64).sum()


out = parse(make(23))
print(out)
print(*summary(out))
try:
    bad_number()
except ValueError as e:
    print("ValueError:", e)
