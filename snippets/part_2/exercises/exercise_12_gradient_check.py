"""Workbook check of docs/part-2/exercises.md#exercise-12, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_12 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-12"
TEMPLATE = """\
import sympy as sp

i, k = sp.symbols("i k", integer=True, positive=True)
X, w = sp.IndexedBase("X"), sp.IndexedBase("w")
dy_dw = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "jacobian"
VARIABLES = {  # a literal: the build reads it without running this file
    "X11": (-2.0, 2.0), "X12": (-2.0, 2.0), "X21": (-2.0, 2.0), "X22": (-2.0, 2.0),
    "X31": (-2.0, 2.0), "X32": (-2.0, 2.0)
}
QUESTION = (
    "for a 3 × 2 matrix X and w = (w1, w2): the matrix of the dy_i/dw_k, in X11, X12, "
    "…, X32, e.g. [[X11, 0], [0, X12], [1, 2]]"
)


def check_exercise_12(dy_dw):
    """dy_i/dw_k for y = X w, written with X = sp.IndexedBase("X") and symbols i, k."""
    import sympy as sp
    i, j, k, N = sp.symbols("i j k N", integer=True, positive=True)
    X, w = sp.IndexedBase("X"), sp.IndexedBase("w")

    def ok():
        y_i = sp.Sum(X[i, j] * w[j], (j, 1, N))
        got = sp.sympify(dy_dw)
        got = got.xreplace({s: {"i": i, "k": k}.get(s.name, s) for s in got.atoms(sp.Symbol)})
        # Differentiate the sum at N = 3 for each k in 1..3 and compare entry by entry.
        for kk in range(1, 4):
            expected = sp.diff(y_i.subs(N, 3).doit(), w[kk])
            if not _same(got.subs(k, kk), expected):
                return False
        return True
    _say("Exercise 12", dy_dw, ok)
