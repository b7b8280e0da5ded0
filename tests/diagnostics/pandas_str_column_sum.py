# a str column's values used where only numbers work so far: said at the column
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"id": [i for i in range(n)], "name": ["x" + str(i) for i in range(n)]})
    return df.name.values.sum()


print(f(3))
