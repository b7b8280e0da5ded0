# a record written as a dict mixes str and float values; a list mixes str and int
import bodo


@bodo.jit
def payroll(rows):
    total = 0.0
    for r in rows:
        total += r["salary"]
    return total


staff = [{"name": "ann", "salary": 120.0}]
print(payroll(staff), ["ann", 3])
