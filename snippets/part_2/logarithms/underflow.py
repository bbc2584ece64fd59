"""A float32 product of N copies of 0.1 underflows; its sum of logs does not (EMAT §3).

The source says 0.1^38 = 1e-38 is "only just inside the range" of float32, whose minimum
it gives as 1.2e-38. But 1e-38 < 1.18e-38: the product has already left the normal range
at N = 38 and lives among the subnormals, losing digits, until it becomes 0 at N = 46.
"""

# --8<-- [start:underflow]
import numpy as np

tiny = np.finfo(np.float32).tiny  # smallest *normal* float32
print("smallest normal float32:", tiny)

x = np.full(50, 0.1, dtype=np.float32)  # x_1 = ... = x_50 = 0.1
products = np.cumprod(x)  # products[N - 1] = x_1 * ... * x_N
log_sums = np.cumsum(np.log(x))  # log x_1 + ... + log x_N
for N in [10, 37, 38, 40, 45, 46, 50]:
    p, s = products[N - 1], log_sums[N - 1]
    print(f"N = {N}: product = {p:.7g}, normal: {p >= tiny!s:5}, "
          f"sum of logs = {s:.4f}")
# --8<-- [end:underflow]

# --8<-- [start:recover]
import numpy as np

x = np.full(50, 0.1, dtype=np.float32)
log_sum = np.sum(np.log(x))  # still float32
print(type(log_sum).__name__, log_sum)
print("product = 10 **", log_sum / np.log(np.float32(10)))
print("float32 product:", np.prod(x))
# --8<-- [end:recover]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

info = np.finfo(np.float32)
N = np.arange(1, 51)
products = np.cumprod(np.full(50, 0.1, dtype=np.float32))
nonzero = products > 0

fig, ax = plt.subplots(figsize=(6, 4))
ax.semilogy(N[nonzero], products[nonzero], "o", color="tab:blue",
            markersize=4, label=r"float32 product $0.1^N$")
zero = products[~nonzero]  # the products that underflowed
ax.plot(N[~nonzero], np.full(zero.size, 2e-47), "x", color="tab:red",
        label=f"float32 product is exactly {zero.max():g}")
ax.axhline(info.tiny, color="#e66100", linestyle="--",
           label="smallest normal float32")
ax.axhspan(info.smallest_subnormal, info.tiny, color="#e66100",
           alpha=0.15, label="subnormal range (fewer digits)")
ax.set_xlabel("$N$, number of factors")
ax.set_ylabel("product (log scale)")
ax.set_ylim(1e-47, 1)
ax.legend(loc="upper right", fontsize=8)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# The claims of the page, computed.
info = np.finfo(np.float32)
x = np.full(50, 0.1, dtype=np.float32)
products = np.cumprod(x)
log_sums = np.cumsum(np.log(x))
first_subnormal = int(np.argmax(products < info.tiny)) + 1
first_zero = int(np.argmax(products == 0)) + 1
assert products.dtype == np.float32 and log_sums.dtype == np.float32
assert products[36] >= info.tiny > products[37] > 0  # N = 37 normal, N = 38 not
assert np.all(products[45:] == 0) and np.all(products[:45] > 0)
assert np.prod(x) == 0  # the one-call product underflows too
# The product loses relative accuracy once subnormal (40 % off at N = 45) ...
exact = 10.0 ** -np.arange(1, 51)
rel_err = np.abs(products.astype(np.float64) - exact) / exact
assert rel_err[:37].max() < 1e-5 and 0.40 < rel_err[44] < 0.41
# ... while every sum of logs is finite and within 1e-6 (relative) of float64.
reference = np.cumsum(np.log(x.astype(np.float64)))
assert np.all(np.isfinite(log_sums))
agreement = 1e-6  # the corrections page's "a relative 10^{-6}"
assert np.max(np.abs(log_sums - reference) / np.abs(reference)) < agreement
assert abs(log_sums[-1] / np.log(10) + 50) < 1e-4  # log10 of 0.1^50 is -50
# float64 lasts longer, but a few hundred factors of 0.1 still reach 0.
assert abs(np.finfo(np.float64).tiny - 2.2e-308) < 0.1e-308
assert np.prod(np.full(300, 0.1)) > 0 and np.prod(np.full(330, 0.1)) == 0
tiny_tex = f"{info.tiny:.4g}".replace("e-", r" \times 10^{-") + "}"
smallest_subnormal_tex = (
    f"{info.smallest_subnormal:.2g}".replace("e-", r" \times 10^{-") + "}"
)

# For the page's inline formulas: N = 37, the last normal product (counted, not searched);
# N = 46, the first zero (counted from the zeros at the end); the product of N copies of
# the exact 1/10 is 10^{-N} for a symbolic whole number N; the smallest subnormal float32.
import sympy as sp  # noqa: E402

last_normal = int(np.count_nonzero(products >= info.tiny))
first_zero_by_count = len(products) - int(np.count_nonzero(products == 0)) + 1
assert last_normal + 1 == first_subnormal and first_zero_by_count == first_zero
N_symbol = sp.Symbol("N", integer=True, positive=True)
x_exact = sp.Matrix([sp.Rational(1, 10)] * 50)
smallest_subnormal = info.smallest_subnormal
# The product at N = 45, how far it is off 10^-45, and the zero it becomes at N = 46;
# the smallest normal float64.
factor = x[0]  # every factor is the float32 nearest 0.1
N_off = 45
product_45 = products[N_off - 1]
exact_45 = sp.Rational(1, 10) ** N_off
exact_38 = sp.Rational(1, 10) ** first_subnormal  # below the smallest normal float32
assert exact_38 < tiny
off_45 = rel_err[N_off - 1]  # the page gives it to the whole percent
zero_product = products[first_zero - 1]
tiny64 = np.finfo(np.float64).tiny

# For the figure's alt text, what it draws: N's first and last value, and its lowest point
# (the last nonzero product), which is the smallest subnormal float32.
N_from, N_to = int(N[0]), int(N[-1])
N_lowest_point = int(N[nonzero][-1])
lowest_point = products[nonzero][-1]
assert lowest_point == products[nonzero].min() == smallest_subnormal
assert N_lowest_point + 1 == first_zero

# The blue points' label, 0.1^N for a whole number N: read from the drawn points, the
# factor is the first point (N = 1), as the shortest decimal that is that float32, and
# every later point is the one before times it.
drawn_N, drawn_products = ax.lines[0].get_data()
assert drawn_N[0] == 1 and np.all(np.diff(drawn_N) == 1)
assert np.all(drawn_products[1:] == drawn_products[:-1] * drawn_products[0])
factor_drawn = sp.Rational(str(drawn_products[0]))
product_drawn = factor_drawn**N_symbol

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"0.1^N": "check: :product_drawn; N = N_symbol",
}
