"""An exercise's answer as numbers for the page's answer field, in the runner's fork.

After a snippet file has run, the value its check file names by ANSWER is evaluated at
8 points per variable, drawn from the VARIABLES' intervals with a generator seeded by the
exercise's key: the page gets these numbers, never the answer. An answer without
variables (a number, vector or matrix) would be its own value, so the page gets a digest
of it instead (its entries rounded to 1e-6, hashed with the exercise's key), which
answer-check.js recomputes from the reader's input.

Request: {"key", "answer": name, "variables": {name: [low, high]}}
Result:  {"kind": "expression"|"number"|"vector"|"matrix", "shape": [...],
          "variables": [...], "points": [[...]], "values": [[...]]}  (with variables)
         {"kind", "shape", "variables": [], "digest": "..."}        (without)
         {"error": "..."}                                           (not usable)
"""

from __future__ import annotations

import hashlib
import math
import random

POINTS = 8  # sample points per exercise with variables
MASK32 = 0xFFFFFFFF


def seeded_points(key: str, intervals: list[tuple[float, float]]) -> list[list[float]]:
    """The sample points of an exercise: deterministic, from its key."""
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))
    return [[round(rng.uniform(low, high), 6) for low, high in intervals]
            for _ in range(POINTS)]


def _imul(a: int, b: int) -> int:
    """JavaScript's Math.imul, as an unsigned 32-bit result."""
    return (a * b) & MASK32


def cyrb53(text: str, seed: int = 0) -> str:
    """The 53-bit string hash cyrb53 (public domain), as answer-check.js computes it."""
    h1, h2 = 0xDEADBEEF ^ seed, 0x41C6CE57 ^ seed
    for char in text:  # the digest's text is ASCII: code units are characters
        code = ord(char)
        h1 = _imul(h1 ^ code, 2654435761)
        h2 = _imul(h2 ^ code, 1597334677)
    h1 = _imul(h1 ^ (h1 >> 16), 2246822507) ^ _imul(h2 ^ (h2 >> 13), 3266489909)
    h2 = _imul(h2 ^ (h2 >> 16), 2246822507) ^ _imul(h1 ^ (h1 >> 13), 3266489909)
    return format(4294967296 * (2097151 & h2) + (h1 >> 0), "x")


def digest(key: str, shape: list[int], entries: list[float]) -> str:
    """What the page stores of an answer without variables (answer-check.js: `digest`)."""
    rounded = ",".join(str(math.floor(v * 1e6 + 0.5)) for v in entries)
    return cyrb53(f"{key}|{'x'.join(map(str, shape))}|{rounded}")


def as_array(value) -> tuple[str, list[int], list]:
    """(kind, shape, flat entries) of a number, vector or matrix answer."""
    import numpy as np
    import sympy as sp

    if isinstance(value, (sp.MatrixBase, np.ndarray)) or (
            isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple))):
        rows = sp.Matrix(value.tolist() if isinstance(value, np.ndarray) else value)
        if rows.rows == 1 or rows.cols == 1:
            return "vector", [len(rows)], list(rows)
        return "matrix", [rows.rows, rows.cols], list(rows)
    if isinstance(value, (list, tuple)):
        return "vector", [len(value)], list(value)
    if isinstance(value, (bool, str)) or not isinstance(value, (int, float, complex, sp.Expr,
                                                               np.number)):
        raise TypeError(f"is a {type(value).__name__}, not a number, expression, vector or "
                        "matrix")
    return "number", [], [value]


def real(entry, at: dict) -> float:
    """An entry's value at a point, as a float; complex or undefined values are errors."""
    import sympy as sp

    value = complex(sp.N(sp.sympify(entry).xreplace(at), 30))
    if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)) or not math.isfinite(value.real):
        raise ValueError(f"its entry {entry} is {value} at {at}: not a finite real number")
    return value.real


def evaluate(request: dict, namespace: dict) -> dict:
    """One exercise's answer at its seeded points (or its digest); see the module doc."""
    import sympy as sp

    name, variables = request["answer"], request["variables"]
    if name not in namespace:
        raise NameError(f"the snippet defines no {name!r}")
    kind, shape, entries = as_array(namespace[name])
    entries = [sp.sympify(e) for e in entries]
    free = {s.name for e in entries for s in e.free_symbols}
    if free - set(variables):
        raise ValueError(f"{name} uses {', '.join(sorted(free - set(variables)))}, "
                         "which VARIABLES does not list")
    if not variables:
        values = [real(e, {}) for e in entries]
        return {"kind": kind, "shape": shape, "variables": [],
                "digest": digest(request["key"], shape, values)}
    points = seeded_points(request["key"], [tuple(v) for v in variables.values()])
    values = []
    for point in points:
        at = {s: sp.Float(point[list(variables).index(s.name)], 30)
              for e in entries for s in e.free_symbols}
        values.append([real(e, at) for e in entries])
    return {"kind": "expression" if kind == "number" else kind, "shape": shape,
            "variables": list(variables), "points": points, "values": values}


def evaluate_answers(requests: list[dict], namespace: dict) -> dict:
    """Every requested answer of a snippet file, by exercise key; errors as {"error"}."""
    out = {}
    for request in requests:
        try:
            out[request["key"]] = evaluate(request, namespace)
        except Exception as exc:  # noqa: BLE001 - reported by the page, naming the check file
            out[request["key"]] = {"error": str(exc)}
    return out
