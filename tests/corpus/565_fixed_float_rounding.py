# tier0: f-string fixed-point floats ({x:.Nf}, widths, zero fill) over many values with exact ties, negatives and values past the inline range, checked by a position-weighted checksum of the text
import bodo


@bodo.jit
def render(n):
    parts = []
    for i in range(n):
        x = (i * 7919 % 100003) / 64.0 - 700.0
        y = i * 0.001 + (i % 13) * 1e-9
        z = (i % 200) / 8.0 + 99999990.0 * (i % 3 == 0)
        parts.append(f"{x:.0f} {x:.1f} {x:.2f} {x:.3f} {y:.4f} {y:.7f} {z:.1f} {-z:.2f} {x:8.2f}|{y:010.3f}")
    return "\n".join(parts)


@bodo.jit
def checksum(text):
    total = 0
    for i in range(len(text)):
        total = (total * 31 + ord(text[i]) * (i % 7 + 1)) % 1000000007
    return total


text = render(30000)
lines = text.split("\n")
print(len(text), len(lines))
print(checksum(text))
for k in [0, 1, 2, 3, 64, 1001, 12345, 29999]:
    print(lines[k])
