# tier1: np.sort/np.argsort of 2D arrays along the rows (default axis, axis=1, methods, top-k per row), kind= accepted
import numpy as np
import bodo


@bodo.jit
def topk(n, k):
    S = ((np.arange(n * 5) * 37) % 23).reshape(n, 5) * 0.5
    best = np.argsort(-S, axis=1)[:, :k]
    srt = np.sort(S)
    srt1 = np.sort(S, axis=1)
    order = S.argsort()
    st = np.argsort(S[:, 0], kind="stable")
    v = np.sort(S[:, 1], kind="mergesort")
    return best[:4], srt[-3:], srt1.sum(), order[:2], st[:6], v[-4:]


for r in topk(12, 2):
    print(r)
X = np.array([[3.0, np.nan, 1.0], [2.0, 2.0, -1.0]])
print(np.sort(X), np.argsort(X), np.sort(X[0]))
