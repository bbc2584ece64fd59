"""Finite-difference Jacobians in NumPy for the identities of ML1 §3.4."""

# --8<-- [start:numeric]
import numpy as np


def jacobian(f, x, h=1e-6):
    """Column j: change of f(x) per unit turn of x_j (central)."""
    return np.column_stack([(f(x + h * e) - f(x - h * e)) / (2 * h)
                            for e in np.eye(len(x))])


rng = np.random.default_rng(0)
n, m = 2, 3
W, A, C = rng.normal(size=(3, n, m))
B = rng.normal(size=(m, m))
a, x = rng.normal(size=(2, m))
u = rng.normal(size=n)
checks = {
    "d(Wx)/dx = W": (lambda x: W @ x, W),
    "d((AB + C)x)/dx = AB + C": (lambda x: (A @ B + C) @ x, A @ B + C),
    "d(a^T x)/dx = a^T": (lambda x: np.atleast_1d(a @ x), a[None, :]),
    "d(u^T A x)/dx = u^T A": (lambda x: np.atleast_1d(u @ A @ x),
                              (u @ A)[None, :]),
}
for name, (f, claimed) in checks.items():
    error = np.abs(jacobian(f, x) - claimed).max()
    print(f"{name:26} shape {claimed.shape}  agrees: {error < 1e-8}")
# --8<-- [end:numeric]

# Every finite-difference Jacobian is within the page's tolerance of the claimed formula.
tolerance = 1e-8  # the bound the shown code tests, `error < 1e-8`
errors = [np.abs(jacobian(f, x) - claimed).max() for f, claimed in checks.values()]
assert max(errors) < tolerance
assert [c.shape for _, c in checks.values()] == [(2, 3), (2, 3), (1, 3), (1, 3)]
