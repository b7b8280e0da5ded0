# tier0: split fields compared with string literals of every length up to past 16 bytes, equal and unequal lengths, pieces at the start and end of short and long texts, non-ASCII literals
import bodo


@bodo.jit
def matches(text):
    out = []
    for line in text.split("\n"):
        f = line.split(",")
        out.append((f[0] == "", f[0] == "a", f[0] == "ab", f[0] == "abc", f[0] == "abcd", f[0] == "abcde",
                    f[0] == "abcdefg", f[0] == "abcdefgh", f[0] == "abcdefghi", f[0] == "abcdefghijklmnop",
                    f[0] == "abcdefghijklmnopq", f[1] != "yes", f[1] == "é", f[1] == "été", f[1] == "naïveté!"))
    return out


@bodo.jit
def count_yes(text):
    n = 0
    for line in text.split("\n"):
        f = line.split(";")
        if f[2] == "yes":
            n += 1
        if "no" == f[2]:
            n += 100
    return n


def main():
    firsts = ["", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
              "abcdefghijklmnopq", "abcdefghijklmnopqr", "b", "abd", "abcdefgx", "xbcdefgh", "abcdefghijklmnoX"]
    seconds = ["yes", "no", "é", "été", "naïveté!", "", "ye", "yess"]
    lines = []
    for i, a in enumerate(firsts):
        lines.append(a + "," + seconds[i % len(seconds)])
    for row in matches("\n".join(lines)):
        print(row)
    for s in ["a,é", "abc,", ",yes", "x"]:
        try:
            print(s, matches(s))
        except IndexError as e:
            print(s, "IndexError", e)
    print(count_yes("1;a;yes\n2;b;no\n3;c;yes\n4;d;yess\n5;e;ye\n6;f;no"))
    print(count_yes("a;b;no"), count_yes("a;b;yes"), count_yes(";;"))


main()
