# a DataFrame column of strings: not supported yet, said at the column
import pandas as pd
import bodo


@bodo.jit
def f(n):
    df = pd.DataFrame({"id": [i for i in range(n)], "name": ["x" + str(i) for i in range(n)]})
    return len(df)


print(f(3))
