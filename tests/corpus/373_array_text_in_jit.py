# tier1: str()/repr()/f-strings/%-formatting/.format of distributed and 1D_Block_Var arrays inside a jit function show the whole array (they formatted the local chunk)
import numpy as np
import bodo


@bodo.jit
def f(n):
    A = np.arange(n) * 2
    B = A[A > 5]
    print(A)
    print("B:", B, len(B))
    s = f"A={A} first={A[0]}"
    print(s)
    print(str(B), repr(B[:2]))
    print(A[2:5], A[::4])
    t = "%s|%d" % (B, len(B))
    u = "{} and {}".format(B[1:], A[0])
    print(t, u, format(len(B), "03d"))
    return B


B = f(10)
print(B)
