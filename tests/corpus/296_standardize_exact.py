# tier1: float sums, means and deviations of small distributed arrays give NumPy's bits at any rank count, so standardised data prints NumPy's digits and format (a middle value cancels to NumPy's -4.3e-16, not 0.)
import numpy as np
import bodo


@bodo.jit
def standardize(n, step):
    x = np.arange(n) * step + 0.3
    return (x - x.mean()) / x.std()


@bodo.jit
def centered_rows(n):
    X = np.arange(n * 3).reshape(n, 3) * 0.1 + 0.05
    total = X.sum()
    return X - total / (n * 3), (X * X).mean()


@bodo.jit
def step_means(n, k):
    x = np.arange(n) * 0.1 + 0.3
    out = np.zeros(k)
    for j in range(k):
        out[j] = np.mean(np.where(x > j * 0.2, x, 0.0))
    return out


print(standardize(9, 0.1))
print(standardize(11, 0.7))
c, msq = centered_rows(5)
print(c)
print(msq)
print(step_means(13, 4))
