"""Independence and span by rank, ML1 §2.3 Definition 2.2, with NumPy and SymPy."""

# --8<-- [start:numpy]
import numpy as np

s = 1 / np.sqrt(2)
r, g, b = np.eye(3)  # the rows of the identity are r, g, b
p = s * r + s * b
candidates = {"{r, g, b}": [r, g, b], "{r, g, b, p}": [r, g, b, p],
              "{g, b, p}": [g, b, p], "{r, b}": [r, b]}
print(f"{'set':14}{'size':>5}{'rank':>5}  independent  spans R^3")
for name, vectors in candidates.items():
    M = np.column_stack(vectors)  # the vectors as columns
    rank = np.linalg.matrix_rank(M)
    independent = rank == M.shape[1]  # no column is redundant
    spans = rank == 3  # the columns reach every direction of R^3
    print(f"{name:14}{M.shape[1]:5}{rank:5}  {independent!s:11}  {spans}")
# --8<-- [end:numpy]

# --8<-- [start:sympy]
import sympy as sp

s = 1 / sp.sqrt(2)
M = sp.Matrix([[1, 0, 0, s],  # columns: r, g, b, p
               [0, 1, 0, 0],
               [0, 0, 1, s]])
print("rank:", M.rank())
(n,) = M.nullspace()  # one direction: M n = 0 (up to scaling)
print("null space vector:", list(n))
print("M n =", list(M * n))
# --8<-- [end:sympy]

# --8<-- [start:span_wording]
import numpy as np

r, g, b = np.eye(3)
M = np.column_stack([r])  # the set {r} alone
x, residual, rank, _ = np.linalg.lstsq(M, g)  # best x with x r close to g
print("rank of {r}:", rank)
print("best multiple of r for g:", x, " squared miss:", residual)
# --8<-- [end:span_wording]

# {r, g, b} and {g, b, p} are bases; adding p breaks independence; {r, b} does
# not span. The null vector encodes p = (r + b)/sqrt(2), i.e. a dependence.
table = {name: np.linalg.matrix_rank(np.column_stack(v)) for name, v in candidates.items()}
assert table == {"{r, g, b}": 3, "{r, g, b, p}": 3, "{g, b, p}": 3, "{r, b}": 2}
S = sp.sqrt(2) / 2
squared_miss = residual[0]  # the corrections page's "a squared distance of 1"
assert M.shape == (3, 1) and rank == 1 and squared_miss == 1.0  # g is not in span{r}
M4 = sp.Matrix([[1, 0, 0, S], [0, 1, 0, 0], [0, 0, 1, S]])
assert M4.rank() == 3 and list(n) == [-S, 0, -S, 1]
assert sp.Matrix([[0, 0, S], [1, 0, 0], [0, 1, S]]).det() != 0  # {g, b, p} exactly

# For the equation checker: the zero vector, and the matrix with columns r, g, b, p.
TEX = {r"\mathbf{0}": sp.zeros(3, 1),
       r"[\mathbf{r}\ \mathbf{g}\ \mathbf{b}\ \mathbf{p}]": np.column_stack([r, g, b, p])}
# Any vector v of R^3, for the correction's trivial recipe.
v_any = sp.Matrix(sp.symbols("v1:4", real=True))
# Every v is 1 times itself, so without "taken from B" every set would satisfy the
# spanning condition.
assert 1 * v_any == v_any
