# an unknown % conversion character
import bodo


@bodo.jit
def label(score):
    return "score: %q" % score


print(label(7))
