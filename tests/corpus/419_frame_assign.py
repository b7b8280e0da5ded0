# DataFrame.assign: new and replaced columns from Series, arrays, numbers
# and lambdas called with the frame so far; chained, inside a method chain
# and in a returned tuple; the original frame is unchanged.
import numpy as np
import pandas as pd

import bodo


@bodo.jit
def trips(n):
    i = np.arange(n)
    return pd.DataFrame({"km": 1.0 + (i * 7) % 23, "minutes": 5 + (i * 11) % 40, "zone": i % 4})


@bodo.jit(distributed=["df"])
def enrich(df):
    out = df.assign(speed=df.km / (df.minutes / 60.0), fee=2.5, night=np.arange(len(df)) % 5 == 0)
    out = out.assign(total=lambda d: d.fee + d.km * 0.9, km=lambda d: d.km.round(0))
    by_zone = df.assign(long=df.km > 10.0).groupby("zone").long.sum()
    return out, by_zone, df.assign(zone=df.zone * 10).head(3), list(df.columns)


out, by_zone, tens, cols = enrich(trips(50))
print(out.head(6))
print(out.total.sum(), out.night.sum(), len(out))
print(by_zone)
print(tens)
print(cols)
