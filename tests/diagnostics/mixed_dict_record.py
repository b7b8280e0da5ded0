# a dict with a non-literal key mixes str and float values; a list mixes str and int
import bodo


@bodo.jit
def payroll(rows):
    total = 0.0
    for r in rows:
        total += r["salary"]
    return total


NAME = "name"
staff = [{NAME: "ann", "salary": 120.0}]
print(payroll(staff), ["ann", 3])
