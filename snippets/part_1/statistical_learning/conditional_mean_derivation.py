"""Why the conditional mean minimises the expected squared error, ML1 §4."""

# --8<-- [start:derivation]
import sympy as sp

c = sp.symbols("c")  # the single prediction y(x) for one value x
t = sp.symbols("t1:4")  # the values T can take when X = x
p = sp.symbols("p1:4", positive=True)  # their probabilities (or counts)
loss = sum(pk * (c - tk) ** 2 for pk, tk in zip(p, t, strict=True))
slope = sp.diff(loss, c)
(best,) = sp.solve(slope, c)
print("dL/dc   =", sp.collect(sp.expand(slope), c))
print("best c  =", best)
print("d2L/dc2 =", sp.diff(loss, c, 2))
# --8<-- [end:derivation]

# --8<-- [start:decomposition]
import sympy as sp

c = sp.symbols("c")
t = sp.symbols("t1:4")
p1, p2 = sp.symbols("p1 p2", positive=True)
p = (p1, p2, 1 - p1 - p2)  # probabilities sum to one
mean = sum(pk * tk for pk, tk in zip(p, t, strict=True))  # E[T | X = x]
variance = sum(pk * (tk - mean) ** 2 for pk, tk in zip(p, t, strict=True))
loss = sum(pk * (c - tk) ** 2 for pk, tk in zip(p, t, strict=True))
print(sp.expand(loss - ((c - mean) ** 2 + variance)))
# --8<-- [end:decomposition]

# The stationary point is the weighted mean, sum p t / sum p, and the
# curvature 2 sum p is positive, so it is the minimum.
P = list(sp.symbols("p1:4", positive=True))
T = list(sp.symbols("t1:4"))
weighted = sum(a * b for a, b in zip(P, T, strict=True)) / sum(P)
assert sp.simplify(best - weighted) == 0
second = sp.diff(sum(a * (c - b) ** 2 for a, b in zip(P, T, strict=True)), c, 2)
assert sp.simplify(second - 2 * sum(P)) == 0
# Expected loss = (c - mean)^2 + variance: the decomposition holds exactly.
assert sp.expand(loss - ((c - mean) ** 2 + variance)) == 0


# For the equation checker: expectations over the distribution of T given X = x (the
# values t with probabilities p of the decomposition above).
def expect(f):
    return sum(pk * f(tk) for pk, tk in zip(p, t, strict=True))


TEX = {
    r"\mathcal{L}(c)": loss,
    # sums over the snippet's symbolic t_k, p_k (longer fragment first)
    r"\sum_k p_k\,(c - t_k)^2": expect(lambda tk: (c - tk) ** 2),
    r"\sum_k p_k\,(c - t_k)": expect(lambda tk: c - tk),
    r"\mathbb{E}\big[(c - T)^2 \mid X = x\big]": expect(lambda T: (c - T) ** 2),
    r"\mathbb{E}\big[\big((c - \mu) + (\mu - T)\big)^2 \mid X = x\big]": expect(
        lambda T: ((c - mean) + (mean - T)) ** 2),
    # the sum runs on over a line break of the aligned block: bound as one term
    "2(c - \\mu)\\,\\mathbb{E}[\\mu - T \\mid X = x] \\\\\n"
    "&\\quad + \\mathbb{E}\\big[(\\mu - T)^2 \\mid X = x\\big]": 2 * (c - mean) * expect(
        lambda T: mean - T) + expect(lambda T: (mean - T) ** 2),
    r"\operatorname{Var}[T \mid X = x]": variance,
    # probabilities that sum to one, and the mean (longer fragment first)
    r"\sum_k p_k t_k": sum(pk * tk for pk, tk in zip(p, t, strict=True)),
    r"\sum_k p_k": sum(p),
    r"\mathbb{E}[T \mid X = x]": expect(lambda T: T),
}
# The best c of the derivation, with probabilities that sum to one: the mean.
best_c = sp.simplify(best.subs(P[2], 1 - P[0] - P[1]))
assert sp.expand(best_c - mean) == 0
# The second derivative of the loss, with probabilities that sum to one (as the page's
# \sum_k p_k reads here): positive, so the best c is a minimum.
curvature = sp.diff(loss, c, 2)
# What a prediction c pays on top of the variance.
excess_loss = loss - variance
# It is (c - mu)^2, mu the mean, as the page says.
assert sp.expand(excess_loss - (c - mean) ** 2) == 0
