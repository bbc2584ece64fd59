"""Check a hand-typed formula against a snippet's namespace: every relation of every chain.

Each side is read by `tex_reader` with the snippet's variables; consecutive sides are compared
symbolically where SymPy settles it cheaply, otherwise numerically at seeded random points
(unknown symbols reals, one point in three negative unless SymPy knows the symbol is not,
indices every value 1..3). A side written with decimals (`0.7071`, `\\approx 2.718`) must
agree to the digits it shows (tex_numbers.py); exact numbers (integers, fractions, a
decimal inside an expression, as in `0.1^{38}`) must agree exactly, however small the
difference; a value from floating point may be off by float noise.
"""

from __future__ import annotations

import cmath
import itertools
import random
import re

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

from .tex_numbers import magnitude, tolerance
from .tex_reader import Reader
from .tex_sets import memberships, signatures
from .tex_tokens import COMPUTED, TexError, as_tex, pieces, rule_as_equation
from .tex_values import index_sizes, to_sympy, unchecked_sizes


def read_side(tokens: list[str], ns: dict, symbols: dict, at: dict | None = None):
    """A side's value; and, when the whole side is one derivative, (operand, variables)."""
    reader = Reader(tokens, ns, symbols)
    value = reader.read()
    whole = [(f, v) for start, end, f, v in reader.derivatives
             if start == 0 and end == len(reader.tokens)]
    return finish(value, at), (finish(whole[0][0], at), whole[0][1]) if whole else None


def finish(value, at: dict | None):
    """A value read, with the `at` substitutions made and SymPy's unevaluated parts done."""
    if at and isinstance(value, (sp.Basic, sp.MatrixBase)):
        value = value.subs(at)
    return value.doit() if isinstance(value, (sp.Basic, sp.MatrixBase)) else value


def index_ranges(integers, indexed, arrays: dict) -> list[range]:
    """The values each free index takes: 1..3, or fewer where it indexes a smaller matrix."""
    upper = dict.fromkeys(integers, 3)
    for item in indexed:
        matrix = arrays.get(str(item.base.label))
        if matrix is None:
            continue
        for index, dim in zip(item.indices, index_sizes(matrix, item.indices)):
            if index in upper:
                upper[index] = min(upper[index], dim)
    return [range(1, upper[s] + 1) for s in integers]


def points(values, symbols: dict, count: int = 3, seed: int = 0, arrays: dict | None = None):
    """Seeded substitutions for the free symbols of `values`: indices and bounds integers;
    a real symbol with no sign of its own is negative at the second point, so `|x| = x`
    fails unless the snippet made x positive."""
    free, indexed = set(), set()
    for value in values:
        if isinstance(value, (sp.Basic, sp.MatrixBase)):
            free |= value.free_symbols
            indexed |= value.atoms(sp.Indexed)
    # Entries (x[1]) and the names of indexed bases get their values from the arrays.
    free = {s for s in free if not isinstance(s, sp.Indexed)} - {i.base.label for i in indexed}
    integers = sorted((s for s in free if s.is_integer), key=str)
    reals = sorted((s for s in free if not s.is_integer), key=str)
    rng = random.Random(seed)
    tables = {}  # IndexedBase label -> random values per index tuple
    for combo in itertools.product(*index_ranges(integers, indexed, arrays or {})):
        if len(integers) > 3 and rng.random() > 0.3:
            continue
        for k in range(count if reals else 1):
            point = dict(zip(integers, map(sp.Integer, combo)))
            sign = -1 if k == 1 else 1
            point.update({s: sp.Rational(rng.randint(30, 200), 97)
                          * (1 if s.is_nonnegative else sign) for s in reals})
            yield point, tables
        if not integers:
            break


def at_point(value: sp.Basic, point: dict) -> sp.Basic:
    """`value` with the point's numbers for its symbols: by xreplace, a plain swap several
    times cheaper than subs, unless a symbol of the point is bound inside (a sum's index)
    or a derivative or a substitution holds one, where subs knows what to do."""
    if not point:
        return value
    bound = {v for e in value.atoms(ExprWithLimits) for v in e.variables}
    if bound & point.keys() or value.has(sp.Derivative, sp.Subs, sp.Lambda):
        return value.subs(point)
    return value.xreplace(point)


def evaluate(value, point: dict, tables: dict, arrays: dict, rng: random.Random):
    """A number (or a matrix of numbers) for `value` at `point`."""
    if isinstance(value, sp.MatrixBase):
        return value.applyfunc(lambda v: evaluate(v, point, tables, arrays, rng))
    if not isinstance(value, sp.Basic):
        return sp.sympify(value)
    value = at_point(value, point).doit()
    if isinstance(value, sp.MatrixBase):
        return evaluate(value, {}, tables, arrays, rng)
    replace = {}
    for item in value.atoms(sp.Indexed):
        label = str(item.base.label)
        index = tuple(int(i) for i in item.indices)
        if label in arrays:  # counted from 1; a vector's one index runs along it
            matrix = arrays[label]
            position = (index[0] - 1, index[1] - 1) if len(index) == 2 else index[0] - 1
            replace[item] = matrix[position]
        else:
            key = (label, index)
            if key not in tables:
                tables[key] = sp.Rational(rng.randint(-200, 200), 37)
            replace[item] = tables[key]
    if replace:
        value = value.xreplace(replace)
    return value


def written_shape(side: list[str], ns: dict, symbols: dict, at) -> tuple[int, int] | None:
    """(n, m) for a side that is a shape alone, `n \\times m` (numbers, or names of the
    snippet's whole numbers: `M \\times N`), else None."""
    if len(side) != 3 or side[1] != r"\times":
        return None
    sizes = []
    for token in (side[0], side[2]):
        try:
            size, _ = read_side([token], ns, symbols, at)
        except TexError:
            return None
        if not (isinstance(size, int) or getattr(size, "is_Integer", False)):
            return None
        sizes.append(int(size))
    return sizes[0], sizes[1]


def close(a, b, tol: float) -> bool | None:
    """Whether two evaluated values agree; None where they are not numbers."""
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        if not (isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase)):
            return False
        if a.shape != b.shape:
            return False
        results = [close(x, y, tol) for x, y in zip(a, b)]
        return None if None in results else all(results)
    if not tol and isinstance(a, sp.Rational) and isinstance(b, sp.Rational):
        return a == b  # exact numbers: no float noise to allow for
    try:
        x, y = complex(sp.N(a, 30)), complex(sp.N(b, 30))
    except (TypeError, ValueError):
        return None
    if x == y:  # equal, infinities too (an interval's open end)
        return True
    if cmath.isinf(x) or cmath.isinf(y) or cmath.isnan(x) or cmath.isnan(y):
        return False
    if tol:
        return abs(x - y) <= tol * (1 + 1e-9)
    if x == 0 or y == 0:  # exactly: against zero absolutely (float noise), else relatively
        return abs(x - y) <= 1e-12
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y))


def same(a, b, tol: float, symbols: dict) -> tuple[bool, str]:
    """Whether two sides agree, and if not where: (ok, what differs)."""
    if not tol and isinstance(a, sp.Basic) and isinstance(b, sp.Basic):
        try:
            difference = sp.expand(a - b)
            if a == b or difference == 0:
                return True, ""
            if difference.is_Rational:  # exact numbers that differ, however little
                return False, f"{short(a)} against {short(b)}, exactly"
        except (TypeError, ValueError):
            pass
    if isinstance(a, sp.MatrixBase) != isinstance(b, sp.MatrixBase) or (
            isinstance(a, sp.MatrixBase) and a.shape != b.shape):
        return False, f"{describe(a)} and {describe(b)} differ in shape"
    arrays = {key[1]: value for key, value in symbols.items()
              if isinstance(key, tuple) and key[0] == "array"}
    rng = random.Random(1)
    checked = 0
    for point, tables in points([a, b], symbols, arrays=arrays):
        x = evaluate(a, point, tables, arrays, rng)
        y = evaluate(b, point, tables, arrays, rng)
        verdict = close(x, y, tol)
        if verdict is None:
            break
        if not verdict:
            at = ", ".join(f"{k} = {v}" for k, v in point.items())
            return False, (f"{short(x)} against {short(y)}" + (f" at {at}" if at else ""))
        checked += 1
    if checked:
        return True, ""
    try:
        if sp.simplify(a - b) == 0:
            return True, ""
    except (TypeError, ValueError, AttributeError):
        pass
    return False, f"cannot compare {describe(a)} with {describe(b)}"


def short(value) -> str:
    if isinstance(value, sp.Basic) and value.is_number:
        number = sp.N(value, 6)
        return str(number)
    return str(value)


def describe(value) -> str:
    if isinstance(value, sp.MatrixBase):
        return f"a {value.shape[0]}×{value.shape[1]} matrix {value.tolist()}"
    return str(value)


def holds(relation: str, a, b, tol: float, symbols: dict) -> tuple[bool, str]:
    if relation in ("=", "≈"):
        return same(a, b, tol if relation == "=" else tol or 1e-9, symbols)
    if relation == "≠":
        ok, _ = same(a, b, tol, symbols)
        return (not ok), f"{short(a)} equals {short(b)}"
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False, f"cannot order {describe(a)} and {describe(b)}"
    ok = {"<": x < y, ">": x > y, "≤": x <= y, "≥": x >= y}[relation]
    return ok, f"{short(a)} {relation} {short(b)} is false"


def check_formula(tex: str, ns: dict, target=None, at=None,
                  produced: bool = False) -> tuple[int, list[str]]:
    """(relations checked, problems) for one formula in a snippet's namespace.

    `target`, when given, is the value the formula's last side must have."""
    symbols: dict = {}
    checked, problems = signatures(tex, ns, symbols)  # `f : \mathbb{R}^n \to \mathbb{R}^m`
    chains = pieces(rule_as_equation(tex))  # `f : x \mapsto x^2` states `f(x) = x^2`
    if not any(len(chain) > 1 for chain in chains) and target is None and (
            not produced) and not checked:  # a lone produced value agrees with nothing else
        return 0, ["no relation to check (write it as `lhs = rhs`, a signature between "
                   "real spaces `f : \\mathbb{R}^n \\to \\mathbb{R}^m`, or name the snippet "
                   "value the expression equals: `% check: file.py:name`)"]
    last_value = None
    for chain in chains:
        if len(chain) == 1 and not (target is not None and chain is chains[-1]):
            continue  # a lone side (`x \in \mathbb{R}`'s x) states nothing to compare
        values, operands = [], []
        for _, side in chain:
            text = as_tex(side)
            try:
                value, operand = read_side(side, ns, symbols, at)
            except TexError as err:
                problems.append(f"cannot read `{text}`: {err}")
                value = operand = None
            except Exception as err:  # SymPy refused the expression as read
                problems.append(f"cannot evaluate `{text}`: {type(err).__name__}: {err}")
                value = operand = None
            values.append(value)
            operands.append(operand)
        for k in range(1, len(chain)):
            relation, side = chain[k]
            a, b = values[k - 1], values[k]
            if a is None or b is None:
                continue
            tol = tolerance(relation, chain[k - 1][1], side) * magnitude(
                (chain[k - 1][1], a), (side, b))
            try:
                ok, why = holds(relation, a, b, tol, symbols)
                # d/dx[A] = d/dx[B] rewrites A as B: a slip in a constant term must show too.
                if ok and relation == "=" and operands[k - 1] and operands[k] and (
                        operands[k - 1][1] == operands[k][1]):
                    ok, why = same(operands[k - 1][0], operands[k][0], tol, symbols)
                    why = why and f"the expressions differentiated differ: {why}"
            except Exception as err:  # SymPy could not evaluate a side at a point
                ok, why = False, f"cannot compare: {type(err).__name__}: {err}"
            checked += 1
            if not ok:
                problems.append(
                    f"step {k + 1} `{as_tex(side)}` does not follow from step {k} "
                    f"`{as_tex(chain[k - 1][1])}` ({relation}): {why}")
        last_value = values[-1] if values else None
    found, wrong = memberships(tex, ns, symbols)  # `x \in \mathbb{R}^m`: x's shape
    checked, problems = checked + found, problems + wrong
    problems += [f"the size {name} is named once in this formula and the snippet gives it "
                 f"no number, so it is compared with nothing: bind it (`; {name} = ...`) or "
                 "name it where it is compared" for name in unchecked_sizes(symbols)]
    if target is not None:
        if last_value is None:
            return checked, problems or ["nothing to compare with the snippet's value"]
        expected = to_sympy(target)
        # A result shown rounded (`\approx 0.1`, `1.175 \times 10^{-38}`) agrees to its
        # last digit; one written exactly (`22`, `30\%`) exactly.
        relation, side = chains[-1][-1] if chains else ("", [])
        tol = tolerance(relation, side) * magnitude((side, last_value))
        shape = written_shape(side, ns, symbols, at)
        if shape and isinstance(expected, sp.MatrixBase):  # `2 \times 3`, `M \times N`
            ok = shape == expected.shape
            why = (f"{as_tex(side)} = {shape[0]}×{shape[1]} against a "
                   f"{expected.shape[0]}×{expected.shape[1]} matrix")
        else:
            ok, why = same(last_value, expected, tol, symbols)
        checked += 1
        if not ok:
            problems.append(f"the formula's result differs from the snippet's value: {why}")
    return checked, problems


def check_in_namespace(formula: dict, ns: dict) -> dict:
    """{"checked": relations compared, "problems": [...]} for one formula of the runner's job.

    `formula`: {"tex", "target", "bind": [[tex name, python]], "at": [[symbol, python]]},
    checked in `ns`, the namespace a snippet file left when it ran."""
    local = dict(ns)
    refs: list = []
    sources: list[str] = []  # how the chapter wrote each value: \computed{...} or a fragment
    try:
        for name, python in formula.get("bind", []):
            local[name] = eval(python, ns)  # noqa: S307 - the snippet's own expressions
        at = {}
        for name, python in formula.get("at", []):
            symbol = ns.get(name)
            if not isinstance(symbol, sp.Symbol):
                raise TexError(f"`at {name} = ...`: the snippet's {name} is not a SymPy symbol")
            at[symbol] = sp.sympify(eval(python, ns))  # noqa: S307

        def value(match: re.Match) -> str:
            name = match["name"]
            if name not in ns:
                raise TexError(f"the snippet defines no {name!r}")
            if isinstance(ns[name], str):  # a value the snippet wrote as LaTeX itself
                return "{" + ns[name] + "}"
            refs.append(ns[name])
            sources.append(match[0])
            return rf"\bookvalue{{{len(refs) - 1}}}"

        tex = COMPUTED.sub(value, formula["tex"])
        for fragment, bound in (ns.get("TEX") or {}).items():
            if fragment in tex:
                refs.append(bound)
                sources.append(fragment.strip())
                tex = tex.replace(fragment, rf"\bookvalue{{{len(refs) - 1}}}")
        local["__tex__"] = refs
        target = None
        if formula.get("target"):
            if formula["target"] not in ns:
                raise TexError(f"the snippet defines no {formula['target']!r}")
            target = ns[formula["target"]]
        checked, problems = check_formula(tex, local, target, at,
                                          produced=bool(COMPUTED.search(formula["tex"])))
    except Exception as err:  # noqa: BLE001 - reported against the chapter's line
        checked, problems = 0, [f"{type(err).__name__}: {err}"]
    def written(match: re.Match) -> str:
        return sources[int(match[1])] if int(match[1]) < len(sources) else match[0]

    problems = [re.sub(r"\\bookvalue\{(\d+)\}", written, p) for p in problems]
    return {"checked": checked, "problems": problems}
