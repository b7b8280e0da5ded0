# writing "else if" on one line instead of elif
import bodo


@bodo.jit
def grade(score):
    if score >= 90:
        return "A"
    else if score >= 80:
        return "B"
    return "C"


print(grade(85))
