# tier0: tokenizer + shunting-yard evaluator: char scanning with isdigit, module dict constant, stacks, ValueError/ZeroDivisionError caught in driver
import bodo

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}


@bodo.jit
def tokenize(s):
    toks = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == " ":
            i += 1
            continue
        if c.isdigit():
            j = i
            while j < n and s[j].isdigit():
                j += 1
            toks.append(s[i:j])
            i = j
        elif c in "+-*/%()":
            toks.append(c)
            i += 1
        else:
            raise ValueError("bad char " + repr(c))
    return toks


@bodo.jit
def to_rpn(toks):
    out = []
    ops = []
    for t in toks:
        if t.isdigit():
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[t]:
                out.append(ops.pop())
            ops.append(t)
    while ops:
        out.append(ops.pop())
    return out


@bodo.jit
def eval_rpn(rpn):
    st = []
    for t in rpn:
        if t.isdigit():
            st.append(int(t))
        else:
            b = st.pop()
            a = st.pop()
            if t == "+":
                st.append(a + b)
            elif t == "-":
                st.append(a - b)
            elif t == "*":
                st.append(a * b)
            elif t == "/":
                st.append(a // b)
            else:
                st.append(a % b)
    return st[0]


def main():
    exprs = ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "2 * (3 + 4) * 5 - 6", "7 - 10 / 3", "8 / (3 - 3)", "4 $ 4"]
    for e in exprs:
        try:
            toks = tokenize(e)
            rpn = to_rpn(toks)
            print(e.ljust(22), "->", " ".join(rpn), "=", eval_rpn(rpn))
        except ZeroDivisionError as ex:
            print(e, "error:", ex)
        except ValueError as ex:
            print("ValueError:", ex)


main()
