"""Every derivative and rule of ML1 Appendix A, checked by SymPy and at a point."""

import re

# --8<-- [start:table]
import numpy as np
import sympy as sp

x = sp.symbols("x", positive=True)
a, b, c, n = sp.symbols("a b c n", positive=True)
u = sp.symbols("u")
f, g = sp.Function("f"), sp.Function("g")
fp, gp = f(u).diff(u), g(u).diff(u)  # f' and g' as functions of u

# (name, function, the derivative the appendix states)
standard = [
    ("constant", c, sp.S(0)),
    ("power", x**n, n * x ** (n - 1)),
    ("exponential", a**x, a**x * sp.log(a)),
    ("exp (a = e)", sp.exp(x), sp.exp(x)),
    ("log, base b", sp.log(x, b), 1 / (sp.log(b) * x)),
    ("log, base e", sp.log(x), 1 / x),
    ("sine", sp.sin(x), sp.cos(x)),
    ("cosine", sp.cos(x), -sp.sin(x)),
    ("identity", x, sp.S(1)),
    ("linear", a * x, a),
    ("square root", sp.sqrt(x), 1 / (2 * sp.sqrt(x))),
]
rules = [
    ("factor", c * f(x), c * fp.subs(u, x)),
    ("sum", f(x) + g(x), fp.subs(u, x) + gp.subs(u, x)),
    ("product", f(x) * g(x),
     fp.subs(u, x) * g(x) + f(x) * gp.subs(u, x)),
    ("quotient", f(x) / g(x),
     (fp.subs(u, x) * g(x) - f(x) * gp.subs(u, x)) / g(x) ** 2),
    ("chain", f(g(x)), fp.subs(u, g(x)) * gp.subs(u, x)),
]

# Numbers for the spot checks: the parameters, a concrete f and g,
# the point x0 and the step eps of a central finite difference.
numbers = {a: 2, b: 10, c: 5, n: sp.Rational(5, 2)}
concrete = {f: sp.Lambda(u, sp.sin(u)), g: sp.Lambda(u, u**2 + 1)}
x0, eps = 0.7, 1e-6


def numeric(expr):  # a NumPy function of x, with the numbers put in
    return sp.lambdify(x, expr.subs(concrete).subs(numbers).doit())


checks = []
print(f"{'':16}{'SymPy':>6}{'formula':>12}{'fin. diff.':>12}")
for name, fun, stated in standard + rules:
    symbolic = sp.simplify(sp.diff(fun, x) - stated) == 0
    h = numeric(fun)
    by_formula = float(numeric(stated)(x0))
    by_difference = (h(x0 + eps) - h(x0 - eps)) / (2 * eps)
    close = np.isclose(by_formula, by_difference, atol=1e-8)
    checks.append((symbolic, by_formula, by_difference, close))
    print(f"{name:16}{str(symbolic):>6}{by_formula:12.6f}"
          f"{by_difference:12.6f}  {'agree' if close else 'DIFFER'}")
# --8<-- [end:table]

# Every stated derivative is SymPy's, and every spot check agrees.
assert len(checks) == len(standard) + len(rules) == 16
assert all(symbolic and close for symbolic, _, _, close in checks)
# A wrong rule would be caught: (fg)' is not f'g', nor is (f/g)' = f'/g'.
assert sp.simplify(sp.diff(f(x) * g(x), x) - fp.subs(u, x) * gp.subs(u, x)) != 0
assert sp.simplify(sp.diff(f(x) / g(x), x) - fp.subs(u, x) / gp.subs(u, x)) != 0
# The special cases are the power rule with n = 1 and n = 1/2.
assert sp.diff(x**n, x).subs(n, 1) == 1
# ax is not a power of x: its row needs the constant-factor rule on top of x^1.
assert not (a * x).is_Pow and sp.diff(a * x, x) == a * sp.diff(x**1, x)
assert sp.simplify(sp.diff(x**n, x).subs(n, sp.S.Half) - 1 / (2 * sp.sqrt(x))) == 0

# The tables on the page: each function, the stated derivative (in prime
# notation), SymPy's verdict and the two numbers of the spot check.
primes = {fp.subs(u, x): sp.Function("f'")(x), gp.subs(u, x): sp.Function("g'")(x),
          fp.subs(u, g(x)): sp.Function("f'")(g(x))}


def tex(expr) -> str:
    text = sp.latex(expr.subs(primes))
    return re.sub(r"\\operatorname\{([fg]')\}", r"\1", text)


def array(rows, checked, heading) -> str:
    columns = r" & \text{SymPy} & \text{formula} & \text{finite diff.}"
    lines = [r"\begin{array}{lllccc}",
             r"\text{rule} & " + heading + columns + r" \\ \hline"]
    for row, check in zip(rows, checked, strict=True):
        (name, fun, stated), (symbolic, by_formula, by_difference, _) = row, check
        mark = r"\checkmark" if symbolic else r"\times"
        lines.append(f"\\text{{{name}}} & {tex(fun)} & {tex(stated)} & {mark} & "
                     f"{by_formula:.4f} & {by_difference:.4f} \\\\")
    lines.append(r"\end{array}")
    return "\n".join(lines)


standard_table = array(standard, checks[:len(standard)], r"f(x) & f'(x)")
rules_table = array(rules, checks[len(standard):], r"h(x) & h'(x)")

# For the page's checker: each table stands for the derivatives it states, which must be
# SymPy's (`sympy_standard`, `sympy_rules`); and the rules in prime notation, whose
# left-hand sides and f', g' it cannot read.
TEX = {
    standard_table: sp.Matrix([stated for _, _, stated in standard]),
    rules_table: sp.ImmutableMatrix([sp.expand(stated) for _, _, stated in rules]),
    r"(c \cdot f)'(x)": sp.diff(c * f(x), x),
    r"(f + g)'(x)": sp.diff(f(x) + g(x), x),
    r"(f \cdot g)'(x)": sp.diff(f(x) * g(x), x),
    r"\left(\frac{f}{g}\right)'(x)": sp.diff(f(x) / g(x), x),
    r"(f \circ g)'(x)": sp.diff(f(g(x)), x),
    r"f'\big(g(x)\big)": fp.subs(u, g(x)),
    r"f'(x)": fp.subs(u, x),
    r"g'(x)": gp.subs(u, x),
}
sympy_standard = sp.Matrix([sp.diff(fun, x) for _, fun, _ in standard])
# expanded, and immutable: with f and g unknown only SymPy's expressions can be compared
sympy_rules = sp.ImmutableMatrix([sp.expand(sp.diff(fun, x)) for _, fun, _ in rules])
# SymPy's derivative of each row, by name, for the derivatives the prose names.
(d_constant, d_power, d_exponential, d_exp, d_log_b, d_log, d_sin, d_cos, d_identity,
 d_linear, d_sqrt) = sympy_standard
# The page's central difference (h(x0 + eps) - h(x0 - eps)) / (2 eps), with the rules'
# concrete f = sin for h: the column "finite diff." of the table's sine row.
sine_difference = checks[[name for name, _, _ in standard].index("sine")][2]
# The function of the row "identity", x = x^1: the power whose rule the page applies to ax.
identity_function = {name: fun for name, fun, _ in standard}["identity"]
