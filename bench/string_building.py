# String building: f-strings with format specs, join, split and replace over many records.
# alternatives: cpython
import bodo


@bodo.jit
def render_rows(n):
    rows = []
    for i in range(n):
        price = (i * 37 % 1000) / 8.0
        rows.append(f"{i:06d};item-{i % 977};{price:.2f};{'yes' if i % 3 == 0 else 'no'}")
    return "\n".join(rows)


@bodo.jit
def digest(text):
    total = 0.0
    flagged = 0
    width = 0
    for line in text.split("\n"):
        fields = line.split(";")
        total += float(fields[2])
        if fields[3] == "yes":
            flagged += 1
        name = fields[1].replace("item-", "").upper()
        width += len(name)
    return round(total, 2), flagged, width


text = render_rows(800000)
print(len(text))
print(digest(text))
