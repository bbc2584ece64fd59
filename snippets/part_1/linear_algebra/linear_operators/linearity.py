"""Is f linear? Is g? ML1 §2.5 Definition 2.3 and footnote 4, checked symbolically."""

# --8<-- [start:maps]
import sympy as sp

x, y = sp.symbols("x y")


def f(v):
    return sp.Matrix([v[0], v[1], v[0] + v[1]])


def g(v):
    return sp.Matrix([v[0], v[1], v[0] * v[1]])


v = sp.Matrix([x, y])
print("f(v) =", list(f(v)), "  2 numbers in, 3 out")
print("g(v) =", list(g(v)), "    2 numbers in, 3 out")
# --8<-- [end:maps]

# --8<-- [start:check]
import sympy as sp

v1, v2, w1, w2, lam = sp.symbols("v1 v2 w1 w2 lambda")
v = sp.Matrix([v1, v2])
w = sp.Matrix([w1, w2])


def f(u):
    return sp.Matrix([u[0], u[1], u[0] + u[1]])


def g(u):
    return sp.Matrix([u[0], u[1], u[0] * u[1]])


for name, h in [("f", f), ("g", g)]:
    additivity = (h(v + w) - h(v) - h(w)).applyfunc(sp.factor)
    homogeneity = (h(lam * v) - lam * h(v)).applyfunc(sp.factor)
    print(f"{name}(v + w) - {name}(v) - {name}(w) =", list(additivity))
    print(f"{name}(lam v) - lam {name}(v)   =", list(homogeneity))
# --8<-- [end:check]

# --8<-- [start:counterexample]
import numpy as np


def g(u):
    return np.array([u[0], u[1], u[0] * u[1]])


v = np.array([1, 1])
print("g(v + v) =", g(v + v))
print("g(v) + g(v) =", g(v) + g(v))
print("g(2 v) =", g(2 * v), " 2 g(v) =", 2 * g(v))
# --8<-- [end:counterexample]

# Checks: f passes both tests for every input, g fails both (footnote 4).
def f_sym(u):
    return sp.Matrix([u[0], u[1], u[0] + u[1]])


def g_sym(u):
    return sp.Matrix([u[0], u[1], u[0] * u[1]])


v_s, w_s = sp.Matrix([v1, v2]), sp.Matrix([w1, w2])
f_add = sp.expand(f_sym(v_s + w_s) - f_sym(v_s) - f_sym(w_s))
f_hom = sp.expand(f_sym(lam * v_s) - lam * f_sym(v_s))
g_add = sp.expand(g_sym(v_s + w_s) - g_sym(v_s) - g_sym(w_s))
g_hom = (g_sym(lam * v_s) - lam * g_sym(v_s)).applyfunc(sp.factor)
assert f_add == sp.zeros(3, 1) and f_hom == sp.zeros(3, 1)
assert g_add == sp.Matrix([0, 0, v1 * w2 + v2 * w1])
assert g_hom == sp.Matrix([0, 0, lam * (lam - 1) * v1 * v2])
g_add_third = g_add[2]
g_hom_third = g_hom[2]
# The numeric counterexample: both conditions fail at v = w = (1, 1), lambda = 2.
assert (g(v + v) != g(v) + g(v)).any() and (g(2 * v) != 2 * g(v)).any()

# For the page's inline formulas: the counterexample's scalar lambda = 2.
counter_scale = 2
assert (g(counter_scale * v) != counter_scale * g(v)).any()
