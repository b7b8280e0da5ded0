# tier0: a bank ledger: dict of accounts, parsing transaction strings, validation with exceptions, an f-string statement
import bodo


@bodo.jit
def parse(line):
    parts = line.split(";")
    kind = parts[0].strip().lower()
    account = parts[1].strip()
    amount = float(parts[2])
    return kind, account, amount


@bodo.jit
def apply_all(lines, opening):
    balances = dict(opening)
    rejected = []
    for i, line in enumerate(lines):
        kind, account, amount = parse(line)
        if account not in balances:
            rejected.append((i, "unknown account " + account))
            continue
        if kind == "deposit":
            balances[account] += amount
        elif kind == "withdraw":
            if amount > balances[account]:
                rejected.append((i, f"insufficient funds in {account}"))
                continue
            balances[account] -= amount
        else:
            rejected.append((i, "bad kind " + kind))
    return balances, rejected


@bodo.jit
def statement(balances, currency="EUR"):
    rows = []
    total = 0.0
    for name, value in sorted(balances.items()):
        rows.append(f"{name:<10}{value:>12,.2f} {currency}")
        total += value
    rows.append("-" * 26)
    rows.append(f"{'total':<10}{total:>12,.2f} {currency}")
    return "\n".join(rows)


opening = {"alice": 120.0, "bob": 15.5, "carol": 0.0}
lines = [
    "deposit; alice; 30.25",
    "withdraw; bob; 20",
    "Deposit; carol; 1000",
    "withdraw; carol; 250.75",
    "transfer; alice; 5",
    "withdraw; dave; 1",
    "withdraw; alice; 150.25",
]
balances, rejected = apply_all(lines, opening)
print(statement(balances))
print(statement({"big": 1234567.891, "small": -0.5}, currency="USD"))
for i, why in rejected:
    print(f"line {i + 1} rejected: {why}")
print(len(rejected), "of", len(lines), "rejected;", round(sum(balances.values()), 2), "held")
