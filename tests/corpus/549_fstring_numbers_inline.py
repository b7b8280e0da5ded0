# tier0: f-string number fields appended to builders: ints and floats under plain specs, every digit count, signs, padding, rounding ties, zero, tiny and huge values
import bodo


@bodo.jit
def int_rows(xs):
    rows = []
    for x in xs:
        rows.append(f"{x}|{x:d}|{x:06d}|{x:6d}|{x:012d}|{x:16d}|{x:017d}|{x:1}")
    return "\n".join(rows)


@bodo.jit
def float_rows(xs):
    rows = []
    for x in xs:
        rows.append(f"{x:.0f}|{x:.1f}|{x:.2f}|{x:.3f}|{x:.7f}|{x:.8f}|{x:10.2f}|{x:010.3f}|{x:016.7f}|{x:3.1f}")
    return "\n".join(rows)


@bodo.jit
def accumulate(n):
    line = ""
    for i in range(n):
        x = (i * 7919 % 2000 - 1000) / 16.0
        line += f"{i:04d}:{x:.2f};"
    return line


def main():
    ints = [0, 1, -1, 7, 9, 10, -10, 99, 100, 12345, -12345, 999999, 1000000, 9999999, 10000000,
            -99999999, 99999999, 100000000, -100000000, 123456789, 2**31, -2**40, 2**62, -2**63, 2**63 - 1]
    print(int_rows(ints))
    floats = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 9.995, 1.005, 0.045, 99999999.4, 99999999.5,
              9999999.96, -9999999.96, 12345.678, -0.004, -0.0049, 5e-324, 1e-300, 2.5e-8, 1e-7, 123.456e3,
              1e15, -1e15, 2.0**52, 2.0**53 + 2, 1e22, 1e300, float("inf"), float("-inf"), float("nan"),
              0.1, 0.2, 0.3, 1 / 3, 2 / 3, -2 / 3, 3.14159265358979, 1234567.891, 0.99999995, 0.999999949]
    print(float_rows(floats))
    print(accumulate(40))


main()
