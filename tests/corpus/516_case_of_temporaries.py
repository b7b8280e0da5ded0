# upper()/lower() of a temporary string change it in place only when no one else holds it: receivers shared with variables, lists or the unchanged input keep their text.
import bodo

@bodo.jit
def f(words):
    out = []
    for w in words:
        a = w.replace("-", "_").upper()
        b = w.lower()
        c = (w + "X").lower()
        d = w.strip().upper()
        out.append(a + "|" + b + "|" + c + "|" + d + "|" + w)
    k = "Keep"
    e = k.upper()
    return out, k, e, ("é-" + k).upper()

print(f(["ab-c", " Hé-Llo ", "", "x"]))
