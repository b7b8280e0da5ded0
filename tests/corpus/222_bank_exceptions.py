# tier0: bank accounts with KeyError/ValueError, custom messages, try/except/else/finally in a loop, int() parse errors, exceptions caught in driver code
import bodo


@bodo.jit
def withdraw(balances, name, amount):
    if name not in balances:
        raise KeyError(name)
    if amount <= 0:
        raise ValueError(f"invalid amount {amount}")
    if balances[name] < amount:
        raise ValueError("insufficient funds for " + name + ": balance " + str(balances[name]))
    balances[name] -= amount
    return balances[name]


@bodo.jit
def process(balances, ops):
    log = []
    failures = 0
    for name, amount in ops:
        try:
            left = withdraw(balances, name, amount)
            log.append(f"{name} -{amount} -> {left}")
        except KeyError as e:
            failures += 1
            log.append("unknown account " + str(e))
        except ValueError as e:
            failures += 1
            log.append("error: " + str(e))
        finally:
            log.append("done " + name)
    return log, failures


@bodo.jit
def parse_amounts(items):
    out = []
    for s in items:
        try:
            out.append(int(s))
        except ValueError:
            out.append(-1)
    return out


@bodo.jit
def safe_ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return 0.0


balances = {"alice": 100, "bob": 50}
log, fails = process(balances, [("alice", 30), ("bob", 80), ("carol", 5), ("bob", -3), ("alice", 70)])
for line in log:
    print(line)
print("failures:", fails, balances)
print(parse_amounts(["12", "x", " 7 ", "-4", "3.5"]))
print(safe_ratio(1.0, 4.0), safe_ratio(1.0, 0.0))
try:
    withdraw(balances, "zed", 1)
except KeyError as e:
    print("driver caught", repr(e), e)
try:
    withdraw(balances, "bob", 500)
except Exception as e:
    print(type(e).__name__, e)
