# tier3: fillna of str columns read from a CSV (missing names and cities, an age column of float64 with gaps): a column at a time, per column from a dict, the whole frame with a string once its float columns are filled, then groupby keys, sorts and str methods of the filled values
import pandas as pd

import bodo


@bodo.jit
def fill(unknown):
    df = pd.read_csv("data/people.csv")
    df["city"] = df["city"].fillna(unknown)
    print(df.city.value_counts())
    print(df.name.fillna("anon").str.upper().head(6))
    named = df.fillna({"name": "anon", "age": 0.0})
    print(named.head(6))
    print(named.age.sum(), named.name.str.startswith("a").sum())
    whole = df.fillna({"age": -1.0}).fillna("?")
    print(whole.sort_values(["name", "score"]).head(8))
    print(whole.groupby("name")["score"].count().head(3))
    return whole


print(fill("nowhere").tail(4))
