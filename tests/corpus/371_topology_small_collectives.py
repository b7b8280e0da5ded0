# tier1: get_nodes_first_ranks on one node is [0] at any rank count; gatherv/allgatherv/rebalance(dests=)/scatterv of arrays shorter than the number of ranks, and empty ones
import numpy as np

import bodo


@bodo.jit
def topology():
    firsts = bodo.get_nodes_first_ranks()
    print(firsts)
    return len(firsts), firsts[0]


@bodo.jit
def small(n):
    a = np.arange(n) * 3
    b = a[a % 2 == 0]
    g = bodo.gatherv(b)
    ag = bodo.gatherv(b, allgather=True)
    aa = bodo.allgatherv(b)
    r = bodo.rebalance(b, dests=[0, 1])
    s = bodo.scatterv(np.arange(n))
    return g, ag.sum(), len(aa), r.sum(), len(r), s.sum(), len(s)


print(*topology())
for n in [0, 1, 2, 3, 5]:
    g, ags, naa, rs, nr, ss, ns = small(n)
    print(n, g, ags, naa, rs, nr, ss, ns)
