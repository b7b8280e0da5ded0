# tier0: ** unpacking in dict displays: defaults overridden by options, extra keys before and after, repeated keys keep their first position
import bodo


@bodo.jit
def settings(opts):
    base = {"width": 80, "height": 24, "depth": 1}
    return {**base, **opts}


@bodo.jit
def with_extra(d, k):
    e = {**d, k: 0, "z": 26}
    f = {"first": -1, **d}
    return e, f, {**{}, **d}


@bodo.jit
def merged_prices(a, b):
    m = {**a, **b, "tax": 0.2}
    return sorted(m.items(), key=lambda kv: -kv[1])


print(settings({"height": 50, "colour": 7}))
print(with_extra({"a": 1, "b": 2}, "c"))
print(with_extra({"z": 1}, "z"))
print(merged_prices({"tea": 2.5, "jam": 4.0}, {"jam": 3.75, "bun": 1.25}))
d = {"x": 1.5}
print({**d, "y": 2.5}, {**d, **d})
