# tier0: f-string and format() layouts of numbers and strings (fills, alignments, signs, prefixes, zero padding, widths past 16), and string building whose pieces cross every short-copy length
import bodo


@bodo.jit
def numbers(n):
    rows = []
    k = -300
    while k < n * 7919:
        x = (k % 1000) / 8.0 - 40.0
        rows.append(f"{k:06d}|{k:>8}|{k:<8}|{k:^9}|{k:+d}|{k: d}|{k:*^12}|{k:#x}|{k:#010b}|{k:=+8}")
        rows.append(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^11.2f}|{x:+.1f}|{x:08.2f}|{x:.1%}|{x:.3e}|{x:g}|{x:_>14.4f}")
        k += 7919
    return rows


@bodo.jit
def wide_and_unicode(vals):
    out = []
    for v in vals:
        out.append(f"[{v:30d}][{v:<25,}][{v:é>9}][{v:→^10}][{v:024.3f}]")
        out.append(format(v, "c") + format(v % 50 + 9728, "^5c") + format(v, "x>20"))
    return out


@bodo.jit
def pieces(n):
    words = []
    for i in range(n):
        w = ""
        for j in range(i % 21):
            w += "abcdefghijklmnopqrstuvwxyz"[(i + j) % 26]
        words.append(w)
    text = ",".join(words)
    back = text.split(",")
    total = 0
    same = 0
    for a, b in zip(words, back):
        total += len(b)
        if a == b:
            same += 1
    swapped = text.replace("bc", "BCD").replace(",", ";")
    return len(text), total, same, swapped[:120], swapped[-60:]


print("\n".join(numbers(12)))
print("\n".join(wide_and_unicode([32, 65, 233, 1234, 123456, 20013])))
print(pieces(60))
