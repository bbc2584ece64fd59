"""The calculus and matrix constructs of the TeX reader: fractions and derivatives, sums and
products, matrices, and named functions. A mixin of `tex_reader.Reader`."""

from __future__ import annotations

import sympy as sp

from .tex_tokens import TexError, group_end, top_level
from .tex_values import index_sizes, multiply, size_meant

FUNCTIONS = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp, "log": sp.log,
             "ln": sp.log, "sqrt": sp.sqrt, "det": lambda m: m.det(),
             "tr": lambda m: m.trace(), "max": sp.Max, "min": sp.Min}


class Constructs:
    """Reader methods for \\frac, \\sum, \\prod, matrices and \\log-like functions."""

    def fraction(self):
        start = self.pos - 1  # the \\frac just taken
        top, bottom = self.group_tokens(), self.group_tokens()
        derivative = self.derivative(top, bottom)
        if derivative is not None:
            self.derivatives.append((start, self.pos, *derivative[1:]))
            return derivative[0]
        return self.sub(top) / self.sub(bottom)

    def derivative(self, top: list[str], bottom: list[str]):
        """\\frac{d}{dx} f, \\frac{dy}{dx}, \\frac{d^2 y}{dx^2}, \\frac{\\partial f}{\\partial x}:
        (the derivative, what was differentiated, the variables), or None.

        The order is read from the denominator (`dx^2`); the numerator's (`d^2`) must agree."""
        if not top or top[0] not in ("d", r"\partial", r"\mathrm"):
            return None
        if top[0] == r"\mathrm":
            if top[1:4] != ["{", "d", "}"]:
                return None
            top = ["d", *top[4:]]
        d = top[0]
        rest, order = top[1:], "1"
        if rest[:1] == ["^"]:
            order, rest = (rest[1], rest[2:]) if rest[1] != "{" else (rest[2], rest[4:])
        # the variables: d x, or \partial x_1 \partial x_2, in the denominator
        variables, i = [], 0
        while i < len(bottom):
            if bottom[i] != d:
                if d == "d" and bottom[i].startswith("d") and len(bottom[i]) > 1:
                    bottom = bottom[:i] + ["d", bottom[i][1:]] + bottom[i + 1:]
                    continue
                return None
            j = i + 1
            while j < len(bottom) and bottom[j] != d:
                j += 1
            var_tokens = bottom[i + 1:j]
            power = 1
            if len(var_tokens) >= 2 and var_tokens[-2] == "^":
                power, var_tokens = int(var_tokens[-1]), var_tokens[:-2]
            elif len(var_tokens) >= 4 and var_tokens[-4:-3] == ["^"]:
                power, var_tokens = int(var_tokens[-2]), var_tokens[:-4]
            variables += [self.sub(var_tokens)] * power
            i = j
        if not variables:
            return None
        if order != str(len(variables)):
            raise TexError(f"the derivative's numerator has order {order} and its denominator "
                           f"{len(variables)}: write the same order above and below, as in "
                           f"\\frac{{{d}^2 y}}{{{d} x^2}}")
        if rest:
            function = self.sub(rest)
        else:
            function = self.postfix_operand()
        if isinstance(function, sp.MatrixBase):
            return function.applyfunc(lambda f: sp.diff(f, *variables)), function, variables
        return sp.diff(function, *variables), function, variables

    def postfix_operand(self):
        """What a \\frac{d}{dx} applies to: the next product of factors."""
        value = self.postfix()
        while self.peek() is not None and self.starts_factor(self.peek()) and self.peek() not in (
                r"\frac",):
            value = multiply(value, self.postfix())
        return value

    def big_operator(self, token: str):
        lower, upper = None, None
        while self.peek() in ("_", "^"):
            which = self.take()
            inner = self.group_tokens()
            if which == "_":
                lower = inner
            else:
                upper = self.sub(inner)
        if lower is None:
            raise TexError(f"{token} needs its index: {token}_{{j=1}}^{{N}}")
        if "=" in lower:
            k = lower.index("=")
            index = self.index_symbol(lower[0] if len(lower[:k]) == 1 else "".join(lower[:k]))
            start = self.sub(lower[k + 1:])
        else:
            index, start = self.index_symbol(lower[0]), sp.Integer(1)
        if upper is None:
            upper = self.ns.get("N", sp.Symbol("N", integer=True, positive=True))
        outer = self.bound.get(index.name)
        self.bound[index.name] = index  # inside the body the letter is the index
        try:
            body = self.postfix_operand()
        finally:
            if outer is None:
                del self.bound[index.name]
            else:
                self.bound[index.name] = outer
        self.within_arrays(body, index, start, upper, token)
        operator = sp.Sum if token == r"\sum" else sp.Product
        return operator(body, (index, start, upper)).doit()

    def within_arrays(self, body, index, start, upper, token: str) -> None:
        """The index of a sum or product with number bounds must stay inside the snippet's
        arrays it indexes: `\\sum_{j=1}^{3} \\delta_{2j} v_j` with a 2-entry v is a slip,
        which the delta would otherwise hide."""
        start, upper = sp.sympify(start), sp.sympify(upper)
        if not (start.is_Integer and upper.is_Integer):
            return
        for item in body.atoms(sp.Indexed) if hasattr(body, "atoms") else ():
            base = str(item.base.label)
            matrix = self.symbols.get(("array", base))
            if matrix is None:
                continue
            for position, size in zip(item.indices, index_sizes(matrix, item.indices)):
                if position == index and not 1 <= start <= upper <= size:
                    shape = (f"is {matrix.rows}×{matrix.cols}" if len(item.indices) == 2
                             else f"has {size} entries")
                    raise TexError(f"`{token}_{{{index}={start}}}^{{{upper}}}` runs outside "
                                   f"the snippet's {base}, which {shape}")

    def matrix(self):
        """\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}: a Matrix (vmatrix: its determinant)."""
        begin = self.pos - 1
        end = group_end(self.tokens, begin)
        name = self.tokens[begin][7:-1]
        if name not in ("pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix"):
            raise TexError(f"cannot read the environment {name}")
        body = self.tokens[begin + 1:end - 1]
        self.pos = end
        rows, row, last = [], [], 0
        for i, t in top_level(body):
            if t in ("&", r"\\"):
                row.append(body[last:i])
                last = i + 1
                if t == r"\\":
                    rows.append(row)
                    row = []
        if body[last:] or row:
            rows.append([*row, body[last:]])
        rows = [r for r in rows if any(r)]
        matrix = sp.Matrix(self.expand_dots(rows))
        return matrix.det() if name == "vmatrix" else matrix

    def expand_dots(self, rows: list[list[list[str]]]) -> list[list]:
        """The cells' values, with `\\cdots`, `\\vdots` and `\\ddots` filled in.

        The row after `\\vdots` (the column after `\\cdots`) is a template in a size
        name, `A_{N1} & A_{N2}`: it is read again with that name set to each missing
        position, so the written entries are checked where they stand and the pattern
        fills the rest (the size itself, `N`, is the snippet's whole number)."""
        def dots(cell: list[str]) -> bool:
            return cell in ([r"\cdots"], [r"\dots"], [r"\ldots"], [r"\vdots"], [r"\ddots"])

        def gap(cells: list) -> tuple[int, str] | None:
            """Where the dots stand among the cells, and the size name of the last one."""
            at = [k for k, cell in enumerate(cells) if dots(cell)]
            if not at:
                return None
            if at != [len(cells) - 2]:
                raise TexError("dots stand only before the last entry of a row or column")
            names = [t for t in cells[-1] if self.size(t) is not None]
            if not names:
                raise TexError(f"the entry after the dots, `{' '.join(cells[-1])}`, names no "
                               "size the snippet gives (`N`, `M`)")
            return at[0], names[-1]

        row_gap = gap([r[0] for r in rows])
        col_gaps = {gap(r) for r in rows if not all(dots(c) for c in r)} - {None}
        if len(col_gaps) > 1:
            raise TexError("the rows have their dots in different places")
        col_gap = col_gaps.pop() if col_gaps else None

        def positions(gap_at, count):
            """(written index, size name, value) for each position of the expanded axis."""
            if gap_at is None:
                return [(k, None, None) for k in range(count)]
            first, name = gap_at
            total = int(self.size(name))
            if total <= first:  # the entry after the dots would be one already written
                raise TexError(f"the written pattern needs {name} >= {first + 1}, and the "
                               f"snippet's {name} is {total}: check it on a larger example")
            return ([(k, None, None) for k in range(first)]
                    + [(first + 1, name, sp.Integer(k)) for k in range(first + 1, total + 1)])

        table = []
        for r, row_name, row_value in positions(row_gap, len(rows)):
            line = []
            for c, col_name, col_value in positions(col_gap, len(rows[r])):
                for name, value in ((row_name, row_value), (col_name, col_value)):
                    if name is not None:
                        self.bound[name] = value
                try:
                    line.append(self.sub(rows[r][c]))
                finally:
                    for name in (row_name, col_name):
                        self.bound.pop(name, None)
            table.append(line)
        return table

    def function(self, name: str):
        power = None
        if self.peek() == "^":
            self.take()
            power = self.sub(self.group_tokens())
        if self.peek() == "_" and name == "log":
            self.take()
            base = self.sub(self.group_tokens())
            argument = self.function_argument()
            return sp.log(argument, base)
        argument = self.function_argument()
        value = FUNCTIONS[name](argument)
        return value ** power if power is not None else value

    def function_argument(self):
        if self.peek() in ("(", "{"):
            return self.atom()
        return self.postfix_operand()

    def braced(self, token: str):
        """`\\underbrace{X}_{n \\times m}`: X, whose shape must be the one its label gives
        (a scalar is 1 × 1; a letter the snippet leaves unknown, one size in the formula);
        `_{N \\text{ times}}`: X repeats one term N times; other words are not read, and a
        label of neither is refused."""
        content = self.group_tokens()
        value = self.sub(content)
        if self.peek() != ("_" if token == r"\underbrace" else "^"):
            return value
        self.take()
        label = self.group_tokens()
        words = label[label.index(r"\text") + 1:] if r"\text" in label else []
        if "".join(words).replace(" ", "") == "times":  # \text{} is one token: flatten()
            self.repeated(content, value, label)
        elif r"\times" in label and r"\text" not in label:
            cut = label.index(r"\times")
            shape = (value.shape if isinstance(value, sp.MatrixBase) else (1, 1))
            for tokens, size in ((label[:cut], shape[0]), (label[cut + 1:], shape[1])):
                said = self.sub(tokens)
                meant = size_meant(self.symbols, said, size)
                if meant.is_number and meant != size:
                    where = "" if said is meant else f", and {said} is {meant} in another brace"
                    raise TexError(f"the brace says {as_label(label)}, but the value is "
                                   f"{shape[0]} × {shape[1]}{where}")
        elif r"\text" not in label:  # `_{N + P}`: no shape, no words; it would say nothing
            raise TexError(f"the brace's label {as_label(label)} is neither a shape "
                           "(`n \\times m`) nor words (`\\text{...}`, `N \\text{ times}`)")
        return value

    def repeated(self, content: list[str], value, label: list[str]) -> None:
        """`\\underbrace{b + b + \\dots + b}_{N \\text{ times}}`: the sum must be N b (a
        product of b's, b to the N), or the snippet's value for it a sum or product of N
        terms."""
        times = label[:label.index(r"\text")]
        count, said = self.sub(times), f"{as_label(times)} times"
        at = [k for k, token in top_level(content) if token in ("+", r"\times")]
        if len({content[k] for k in at}) == 1:
            operator, first = content[at[0]], self.sub(content[:at[0]])
            whole = count * first if operator == "+" else first ** count
            if sp.simplify(sp.sympify(value).doit() - whole) != 0:
                raise TexError(f"the brace says {said}, but what it holds is not {whole}")
        elif isinstance(value, (sp.Sum, sp.Product)) and len(value.limits) == 1:
            _, low, high = value.limits[0]
            if sp.simplify(high - low + 1 - count) != 0:
                raise TexError(f"the brace says {said}, but the snippet's value for it has "
                               f"{high - low + 1} terms")
        else:
            raise TexError(f"the brace says {said}, but what it holds is not one term "
                           "repeated with + or \\times")


def as_label(tokens: list[str]) -> str:
    """A brace's label as TeX, for messages."""
    return " ".join(tokens)
