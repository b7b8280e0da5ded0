# tier0: fields of lines of several texts: the split string held by a kept split changes between texts and stays between lines
import bodo


@bodo.jit
def parse(texts):
    out = []
    for text in texts:
        for line in text.split("\n"):
            fields = line.split(",")
            out.append(fields[0] + ":" + fields[1])
    return out


@bodo.jit
def parse2(texts):
    total = 0
    for t in texts:
        for line in (t + "\nx,1").split("\n"):
            f = line.split(",")
            total += int(f[1])
    return total


print(parse(["a,1\nb,2", "c,3\nd,4\ne,5", "f,6"]))
print(parse2(["a,1\nb,2", "c,3\nd,4\ne,5", "f,6"]))
