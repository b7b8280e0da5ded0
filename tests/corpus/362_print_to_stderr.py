# tier0: print(..., file=sys.stderr) for warnings beside the report on stdout (file=sys.stdout is plain print), in jit and driver code
import bodo
import sys


@bodo.jit
def parse_amounts(lines):
    amounts = {}
    for n, line in enumerate(lines, start=1):
        name, _, raw = line.partition(":")
        try:
            amounts[name.strip()] = amounts.get(name.strip(), 0.0) + float(raw)
        except ValueError:
            print(f"line {n}: bad amount {raw.strip()!r}", file=sys.stderr)
            continue
        print("ok", n, name.strip(), file=sys.stdout, sep="|")
    return amounts


totals = parse_amounts(["ann: 12.5", "bob: x", "ann: 3", "cy:", "bob: 4.25"])
for name in sorted(totals):
    print(f"{name:<4}{totals[name]:>8.2f}")
print("warnings went to stderr", file=sys.stderr)
print(len(totals), "names")
