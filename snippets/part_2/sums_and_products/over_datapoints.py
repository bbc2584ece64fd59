"""Sum and product over N datapoints x_1..x_N, EMAT31530 §2 eqs. (38), (40), (41)."""

# --8<-- [start:sympy]
import sympy as sp

i = sp.symbols("i", integer=True)
x = sp.IndexedBase("x")  # x[i] is the i-th datapoint x_i
N = 4
print(sp.Sum(x[i], (i, 1, N)).doit())
print(sp.Product(x[i], (i, 1, N)).doit())
# --8<-- [end:sympy]

# --8<-- [start:numpy]
import numpy as np

x = np.array([0.5, 2.0, 4.0, 3.0])  # N = 4 datapoints
N = len(x)

total, product = 0.0, 1.0
for i in range(1, N + 1):  # i = 1, ..., N as on paper
    total += x[i - 1]  # but Python counts from 0: x_i is x[i - 1]
    product *= x[i - 1]
print("loop:  sum =", total, " product =", product)
print("numpy: sum =", np.sum(x), " product =", np.prod(x))
# --8<-- [end:numpy]

# --8<-- [start:implied]
import numpy as np

x = np.array([0.5, 2.0, 4.0, 3.0])
# With no limits written, i runs over every datapoint: 1 to N = len(x).
print("sum_i x_i  =", x.sum(), "=", sum(x[i] for i in range(len(x))))
print("prod_i x_i =", x.prod())
# --8<-- [end:implied]

# The symbolic sum and product, evaluated at the same four numbers, agree with
# the loop and with NumPy.
i = sp.symbols("i", integer=True)
xs = sp.IndexedBase("x")
data = {xs[k + 1]: sp.Rational(v).limit_denominator() for k, v in enumerate(x)}
symbolic_sum = sp.Sum(xs[i], (i, 1, 4))
symbolic_prod = sp.Product(xs[i], (i, 1, 4))
sym_sum = symbolic_sum.doit().subs(data)
sym_prod = symbolic_prod.doit().subs(data)
assert sym_sum == sp.Rational(19, 2) and sym_prod == 12
assert total == np.sum(x) == float(sym_sum) == x.sum()
assert product == np.prod(x) == float(sym_prod) == x.prod()
# The limits the page names: i runs from 1 to N for the sum and the product alike.
_, lower, upper = symbolic_sum.limits[0]
_, prod_lower, prod_upper = symbolic_prod.limits[0]
assert upper == prod_upper == len(x) and [x[k - 1] for k in range(lower, upper + 1)] == list(x)

# For the equation checker, eqs. (38), (40) and (41) for the N = 4 symbolic datapoints of
# the first block: the written-out sum and product.
TEX = {
    r"x_1 + x_2 + \cdots + x_N": xs[1] + xs[2] + xs[3] + xs[4],
    r"x_1 \times x_2 \times \cdots \times x_N": xs[1] * xs[2] * xs[3] * xs[4],
}
assert TEX[r"x_1 + x_2 + \cdots + x_N"].subs(data) == sym_sum
assert TEX[r"x_1 \times x_2 \times \cdots \times x_N"].subs(data) == sym_prod
