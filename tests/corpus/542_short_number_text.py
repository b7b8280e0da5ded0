# Numbers formatted at the edges of the short one-word path: 8 and 9 digits, widths around 16, precisions 0 to 8, signs and zero padding, in builders and in plain strings.
import bodo


@bodo.jit
def built(values, floats):
    out = []
    for v in values:
        out.append(f"{v}|{v:d}|{v:09d}|{v:16d}|{v:017d}|{v:-^5}")
    for x in floats:
        out.append(f"{x:.0f}|{x:.1f}|{x:.6f}|{x:.7f}|{x:.8f}|{x:015.2f}|{x:16.3f}|{x:017.1f}")
    return "\n".join(out)


@bodo.jit
def loose(values, floats):
    texts = []
    for v in values:
        s = f"{v:08d}"
        texts.append(s + "/" + str(v))
    for x in floats:
        t = f"{x:.2f}"
        texts.append(t)
    return texts


values = [0, 7, -7, 99999999, -99999999, 100000000, -100000000, 12345678, 1234567890123, -9223372036854775807]
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.125, 9.995, 99999.994, 9999999.5, 99999999.4, 123456.78125, -42.4242, 1e-9, -1e-9]
print(built(values, floats))
print(loose(values, floats))
