# tier3: missing values in str columns read from a CSV: comparisons, isna/notna/count, dropna, .str methods, groupby keys dropping NaN, sorts placing NaN last
import pandas as pd

import bodo


@bodo.jit
def load():
    return pd.read_csv("data/people.csv")


@bodo.jit(distributed=["df"])
def ops(df):
    print((df.city == "Faro").sum(), (df.city != "Faro").sum(), (df.name < "p10").sum())
    print(df.name.isna().sum(), df.name.notna().sum(), df.city.count())
    kept = df.dropna()
    print(len(kept), kept.age.sum())
    print(df.city.str.upper().head(8))
    print(df.city.str.contains(",").sum(), df.city.str.startswith("F").sum())
    by_city = df.groupby("city", as_index=False).agg(n=("score", "count"), total=("score", "sum"))
    print(by_city.sort_values("city").reset_index(drop=True))
    print(df.sort_values(["city", "score"]).head(10))
    print(df[df.name.isna()])


ops(load())
