# tier0: for/else with continue/break out of nested loops (no leaks), module-level tuple/list/dict constants read in jit code, lists of tuples mixing int and float, str() of a caught KeyError
import bodo

LIMITS = (0, 100)
UNITS = ["kg", "m", "s"]
RATES = {"std": 0.05, "express": 0.12}
SCALE = 2


@bodo.jit
def find_cell(grid, target):
    found = None
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if v == target:
                found = (i, j)
                break
        else:
            continue
        break
    return found


@bodo.jit
def rows_without(grid, bad):
    out = []
    for row in grid:
        for v in row:
            if v == bad:
                break
        else:
            out.append(sum(row) * SCALE)
    return out


@bodo.jit
def in_limits(xs):
    lo, hi = LIMITS
    return [x for x in xs if lo <= x <= hi], [u.upper() for u in UNITS]


@bodo.jit
def shipping(kind, weight):
    return round(RATES[kind] * weight, 2)


@bodo.jit
def path_length(points):
    total = 0.0
    for k in range(1, len(points)):
        (x0, y0), (x1, y1) = points[k - 1], points[k]
        total += ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    return total


@bodo.jit
def lookup_all(table, keys):
    out = []
    for k in keys:
        try:
            out.append(str(table[k]))
        except KeyError as e:
            out.append("missing " + str(e))
    try:
        raise KeyError("custom")
    except LookupError as e:
        out.append(str(e))
    return out


grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find_cell(grid, 6), find_cell(grid, 10))
print(rows_without(grid, 5))
print(in_limits([-5, 0, 42, 100, 101]))
print(shipping("std", 12.0), shipping("express", 3.5))
print(path_length([(0, 0), (3, 4), (3.5, 4), (0, -1.25)]))
print(lookup_all({"a": 1, "b": 2}, ["a", "zz", "b"]))
