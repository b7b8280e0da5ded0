# tier0: reads of a local no binding has reached raise UnboundLocalError (NameError in module code), catchable; loops, if, while True with break, try, +=, accumulated strings; every proven read stays unchecked.
import bodo


@bodo.jit
def last_word(n):
    for i in range(n):
        w = "w" + str(i)
    return w


@bodo.jit
def total(xs):
    for x in xs:
        t = x * 2
    return t


@bodo.jit
def bump(flag):
    if flag:
        k = 1
    k += 1
    return k


@bodo.jit
def loop_forever(n):
    i = 0
    while True:
        i += 1
        if i > n:
            found = i
            break
    return found


@bodo.jit
def caught(n):
    try:
        return last_word(n)
    except UnboundLocalError as e:
        return "caught: " + str(e)


@bodo.jit
def handled(n):
    try:
        v = 10 // n
    except ZeroDivisionError:
        pass
    return v


print(last_word(3))
print(total([1, 2, 3]))
print(bump(True))
print(loop_forever(4))
print(caught(0))
print(caught(2))
print(handled(5))
try:
    print(handled(0))
except NameError as e:
    print("NameError:", e)
for i in range(0):
    z = 1
try:
    print(z)
except NameError as e:
    print("module:", e)
print(total([]))
