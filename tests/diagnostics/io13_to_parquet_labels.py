# to_parquet of a filtered frame would store its row labels
import pandas as pd

import bodo


@bodo.jit
def save():
    df = pd.DataFrame({"a": [1, 2, 3]})
    df[df.a > 1].to_parquet("a.pq")


save()
