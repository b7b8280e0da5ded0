# tier0: list slice assignment and `del` of list slices: growing, shrinking, inserting, extended slices (with their ValueError), self-assignment
import bodo


@bodo.jit
def two_opt(route, i, j):
    # Reverse the segment between two cut points, as the 2-opt heuristic does.
    route[i:j + 1] = route[i:j + 1][::-1]
    return route


@bodo.jit
def tour_length(route, dist):
    return sum(dist[route[k]][route[(k + 1) % len(route)]] for k in range(len(route)))


@bodo.jit
def edits(n):
    xs = list(range(n))
    xs[2:4] = [70, 71, 72]
    print(xs)
    xs[:2] = []
    print(xs)
    xs[::2] = [0] * len(xs[::2])
    print(xs)
    xs[len(xs):] = [99]
    xs[-1:-1] = [98]
    print(xs)
    xs[:] = xs
    xs[5:2] = [1]
    print(xs)
    names = ["d", "a", "c", "b"]
    names[1:] = sorted(names[1:], reverse=True)
    weights = [1.5, 2.5]
    weights[:1] = [0.5, n * 0.25]
    print(names, weights, sum(weights))
    try:
        xs[::3] = [1]
    except ValueError as e:
        print("ValueError:", e)
    del xs[1:3]
    del names[-1:]
    del weights[:]
    print(xs, names, weights)
    return xs


dist = [[0, 2, 9, 10], [1, 0, 6, 4], [15, 7, 0, 8], [6, 3, 12, 0]]
route = [0, 2, 1, 3]
print(tour_length(route, dist))
better = two_opt(route, 1, 2)
print(better, route is better, tour_length(better, dist))
print(edits(8))
