"""Read one side of a relation, written in the book's TeX, as a SymPy value.

Names resolve in the namespace of the snippet that checks the formula (see `tex_tokens`
for the conventions); the constructs of calculus and matrices are in `tex_constructs`.
"""

from __future__ import annotations

import re

import sympy as sp

from .tex_constructs import FUNCTIONS, Constructs
from .tex_tokens import (
    ACCENTS,
    GREEK,
    IGNORED,
    INDEX_LETTERS,
    NOTATION,
    RELATIONS,
    TexError,
    group_end,
    top_level,
)
from .tex_values import (
    COMMA,
    as_matrix,
    call,
    callable_value,
    derivative_of,
    element_commas,
    lookup,
    multiply,
    split_commas,
    to_sympy,
)


class Reader(Constructs):
    """Reads one side of a relation into a SymPy value, resolving names in `namespace`."""

    def __init__(self, tokens: list[str], namespace: dict, symbols: dict):
        self.tokens = [t for t in element_commas(tokens)
                       if t.lstrip("\\") not in IGNORED or t in ("(", ")", "!")]
        self.pos = 0
        self.ns = namespace
        self.symbols = symbols  # name -> Symbol, shared by the sides of one formula
        self.bound: dict[str, sp.Symbol] = {}  # indices of the sums being read
        self.derivatives: list[tuple] = []  # (first token, end, operand, variables)

    # --- token stream ---
    def peek(self, offset: int = 0) -> str | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise TexError(f"expected {expected or 'more'} at `{self.rest()}`")
        self.pos += 1
        return token

    def rest(self) -> str:
        return " ".join(self.tokens[self.pos:]) or "the end"

    def read(self):
        value = self.expression()
        if self.peek() is not None:
            raise TexError(f"cannot read `{self.rest()}`")
        return value

    # --- grammar: expression := term (('+'|'-') term)* ---
    def expression(self):
        if self.peek() in ("+", "-"):
            sign = -1 if self.take() == "-" else 1
            value = sign * self.term()
        else:
            value = self.term()
        while self.peek() in ("+", "-", r"\pm"):
            op = self.take()
            term = self.term()
            value = value + term if op == "+" else value - term
        return value

    def term(self):
        """Factors joined by \\cdot, \\times, / or juxtaposition."""
        value = self.signed()
        while True:
            token = self.peek()
            if token in (r"\cdot", r"\times", "*"):
                self.take()
                value = multiply(value, self.signed())
            elif token == "/":
                self.take()
                value = value / self.signed()
            elif token is not None and self.starts_factor(token):
                value = multiply(value, self.postfix())
            else:
                return value

    def signed(self):
        if self.peek() == "-":
            self.take()
            return -self.signed()
        if self.peek() == "+":
            self.take()
        return self.postfix()

    def starts_factor(self, token: str) -> bool:
        return (token[0].isalnum() or token in ("(", "[", "{", "|", r"\{", r"\lVert", r"\|",
                                                r"\langle", r"\lvert")
                or (token.startswith("\\") and token not in RELATIONS and token not in NOTATION
                    and token not in (r"\cdot", r"\times", r"\pm", r"\\", r"\end",
                                      r"\rVert", r"\rvert", r"\rangle", r"\}")))

    def postfix(self):
        """An atom with its exponents, subscripts-as-calls, transposes, factorials and
        percent signs."""
        value = self.atom()
        while True:
            token = self.peek()
            if token == "^":
                self.take()
                value = self.power(value)
            elif token == "!":
                self.take()
                value = sp.factorial(value)
            elif token == r"\%":  # a percentage: 30\% is 3/10
                self.take()
                value = value / 100
            elif token == "'":
                raise TexError(f"a prime must follow a name: `{self.rest()}`")
            else:
                return value

    def power(self, base):
        inner = self.group_tokens()  # as TeX: `2^10` is 2 to the 1, then a 0
        if inner in ([r"\top"], ["T"], [r"\intercal"], [r"\mathsf", "{", "T", "}"]):
            return base.T
        if inner == [r"\circ"]:  # an angle in degrees, read in radians: 60^\circ is pi/3
            return base * sp.pi / 180
        exponent = Reader(inner, self.ns, self.symbols).read()
        if base is sp.E:
            return sp.exp(exponent)
        if isinstance(base, sp.MatrixBase):
            if exponent == -1:
                return base.inv()
            return base ** int(exponent)
        return base ** exponent

    def group_tokens(self) -> list[str]:
        """The tokens inside the {...} group that starts here (or the one token: as in TeX,
        one digit of a number, so `\\tfrac52` is 5/2)."""
        token = self.peek()
        if token is not None and token[0].isdigit() and len(token) > 1 and "." not in token:
            self.tokens[self.pos] = token[1:]
            return [token[0]]
        if token != "{":
            return [self.take()]
        end = group_end(self.tokens, self.pos)
        inner = self.tokens[self.pos + 1:end - 1]
        self.pos = end
        return inner

    def sub(self, tokens: list[str]):
        reader = Reader(tokens, self.ns, self.symbols)
        reader.bound = self.bound
        return reader.read()

    def atom(self):
        token = self.take()
        if re.fullmatch(r"\d+\.\d+", token):
            return sp.Rational(token)  # the number written, exactly: 0.1 is 1/10
        if token.isdigit():
            return sp.Integer(token)
        if token in ("(", "["):
            self.pos -= 1
            end = group_end(self.tokens, self.pos)
            inner = self.tokens[self.pos + 1:end - 1]
            self.pos = end
            parts = split_commas(inner)
            if len(parts) == 1:
                return self.sub(inner)
            # A tuple is a column, as the book's vectors are; a list in brackets is a row,
            # so that `[2, -1, 3]^T` is the column it is written as.
            entries = [self.sub(inner[a:b]) for a, b in parts]
            return sp.Matrix(entries) if token == "(" else sp.Matrix([entries])
        if token == "{":
            self.pos -= 1
            return self.sub(self.group_tokens())
        if token in ("|", r"\lvert"):
            closer = "|" if token == "|" else r"\rvert"
            end = self.tokens.index(closer, self.pos)
            inner = self.tokens[self.pos:end]
            self.pos = end + 1
            value = self.sub(inner)
            if isinstance(value, sp.MatrixBase):
                return value.det() if value.is_square and value.shape != (1, 1) else value.norm()
            return sp.Abs(value)
        if token in (r"\|", r"\lVert"):
            closer = r"\|" if token == r"\|" else r"\rVert"
            end = self.tokens.index(closer, self.pos)
            inner = self.tokens[self.pos:end]
            self.pos = end + 1
            return sp.Matrix(self.sub(inner)).norm()
        if token == r"\langle":
            end = self.tokens.index(r"\rangle", self.pos)
            inner = self.tokens[self.pos:end]
            self.pos = end + 1
            comma = next(i for i, t in top_level(inner) if t == COMMA)
            a, b = self.sub(inner[:comma]), self.sub(inner[comma + 1:])
            return sp.Matrix(a).dot(sp.Matrix(b))
        if token in (r"\frac", r"\tfrac", r"\dfrac"):
            return self.fraction()
        if token == r"\sqrt":
            if self.peek() == "[":
                end = group_end(self.tokens, self.pos)
                degree = self.sub(self.tokens[self.pos + 1:end - 1])
                self.pos = end
                return sp.root(self.sub(self.group_tokens()), degree)
            return sp.sqrt(self.sub(self.group_tokens()))
        if token == r"\binom":
            n = self.sub(self.group_tokens())
            return sp.binomial(n, self.sub(self.group_tokens()))
        if token in (r"\sum", r"\prod"):
            return self.big_operator(token)
        if token.startswith("\\begin{"):
            return self.matrix()
        if token in (r"\underbrace", r"\overbrace"):
            return self.braced(token)
        if token == r"\pi":
            return sp.pi
        if token == r"\infty":
            return sp.oo
        if token == r"\bookvalue":
            return to_sympy(self.ns["__tex__"][int(self.sub(self.group_tokens()))])
        if token == r"\delta" and self.peek() == "_":
            self.take()
            indices = self.index_letters(self.group_tokens())
            if len(indices) != 2:
                raise TexError("\\delta takes two indices")
            return sp.KroneckerDelta(*indices)
        if token.lstrip("\\") in FUNCTIONS and (token.startswith("\\") or token == "tr"):
            return self.function(token.lstrip("\\"))
        if token == r"\operatorname" or token == r"\mathrm" and self.peek() == "{":
            name = "".join(self.group_tokens())
            if name in FUNCTIONS:
                return self.function(name)
            return self.name(name)
        if token.startswith("\\") and token[1:] in ACCENTS:
            inner = self.group_tokens()
            base = "".join(t.lstrip("\\") for t in inner)
            return self.name(base + ACCENTS[token[1:]])
        if token.startswith("\\") and token[1:] in GREEK:
            return self.name(token[1:])
        if token.isalpha() and len(token) == 1:
            return self.name(token)
        raise TexError(f"cannot read `{token}` in `{token} {self.rest()}`")

    def index_symbol(self, letter: str) -> sp.Symbol:
        key = ("index", letter)
        if key not in self.symbols:
            self.symbols[key] = sp.Symbol(letter, integer=True, positive=True)
        return self.symbols[key]

    def index_letters(self, tokens: list[str]):
        letters = [t for t in tokens if t not in (",", " ")]
        out = []
        for t in letters:
            if t.isdigit():
                out += [sp.Integer(c) for c in t]
            elif len(t) == 1 and t.isalpha():
                out.append(self.index_symbol(t))
            else:
                raise TexError(f"cannot read the index `{t}`")
        return out

    def name(self, base: str):
        """A name with its subscript and primes: the snippet's variable, an index, or a
        symbol of its own (an unknown the comparison gives random values)."""
        subscript = None
        primes = 0
        while self.peek() in ("_", "'"):
            if self.take() == "_":
                subscript = self.group_tokens()
            else:
                primes += 1
        sizes = self.sized_entry(base, subscript) if subscript is not None else None
        if sizes is not None:
            value = sizes
        elif subscript is not None and "".join(subscript).isdigit():
            digits = "".join(subscript)
            value = lookup(self.ns, [base + digits, f"{base}_{digits}"])
            if value is None:
                value = self.entry(base, digits)
            if value is None:
                value = self.symbol(f"{base}_{digits}")
        elif subscript is not None:
            letters = "".join(t for t in subscript if t not in (","))
            if letters.isalpha() and all(c in INDEX_LETTERS or c.isupper() is False
                                         for c in letters) and len(letters) <= 3 and (
                    lookup(self.ns, [f"{base}_{letters}", base + letters]) is None):
                indices = self.index_letters(subscript)
                return self.indexed(base, indices)
            name = f"{base}_{''.join(subscript)}"
            value = lookup(self.ns, [name, base + "".join(subscript)])
            if value is None:
                value = self.symbol(name)
        elif base in self.bound:
            value = self.bound[base]
        else:
            value = lookup(self.ns, [base])
            if value is None:
                if base == "e":
                    value = sp.E
                elif ("index", base) in self.symbols:  # a letter a sum or subscript made an index
                    value = self.index_symbol(base)
                else:
                    value = self.symbol(base)
        for _ in range(primes):
            value = derivative_of(value)
        if self.peek() == "(" and callable_value(value, base, self.ns):
            end = group_end(self.tokens, self.pos)
            inner = self.tokens[self.pos + 1:end - 1]
            self.pos = end
            args = [self.sub(inner[a:b]) for a, b in split_commas(inner)]
            return call(value, args, base)
        return value

    def size(self, token: str):
        """A subscript's size name (`N` in `r_N`): its value while a `\\cdots` is expanded,
        or the snippet's whole number of that name."""
        value = self.bound.get(token)
        if value is None and token.isalpha() and token not in INDEX_LETTERS:
            value = lookup(self.ns, [token])
        return value if isinstance(value, (sp.Integer, int)) else None

    def sized_entry(self, base: str, subscript: list[str]):
        """`r_N`, `A_{N1}`, `A_{2M}`: an entry whose index is a size (`N`, `M`) the snippet
        gives, or that a `\\cdots` being expanded gives; None for other subscripts."""
        parts = [c for token in subscript for c in (token if token.isdigit() else [token])]
        sizes = [self.size(part) for part in parts]
        if not any(size is not None for size in sizes) or not all(
                size is not None or part.isdigit() for part, size in zip(parts, sizes)):
            return None
        digits = "".join(str(size if size is not None else part)
                         for part, size in zip(parts, sizes))
        if any(size is not None and size > 9 for size in sizes):
            raise TexError(f"`{base}_{{{''.join(subscript)}}}`: sizes above 9 are not read")
        value = self.entry(base, digits)
        if value is None:
            raise TexError(f"`{base}_{{{''.join(subscript)}}}`: the snippet has no matrix {base}")
        return value

    def entry(self, base: str, digits: str):
        """`A_{21}`, `a_3`: an entry (from 1) of the snippet's matrix or vector, if it has one."""
        matrix = as_matrix(lookup(self.ns, [base]))
        if matrix is None:
            return None
        if 1 in matrix.shape and len(digits) == 1:
            position = int(digits) - 1
            if not 0 <= position < len(matrix):
                raise TexError(f"`{base}_{digits}`: the snippet's {base} has {len(matrix)} entries")
            return matrix[position]
        if len(digits) == 2:
            row, column = int(digits[0]) - 1, int(digits[1]) - 1
            if not (0 <= row < matrix.rows and 0 <= column < matrix.cols):
                raise TexError(f"`{base}_{{{digits}}}`: the snippet's {base} is "
                               f"{matrix.rows}×{matrix.cols}")
            return matrix[row, column]
        return None

    def indexed(self, base: str, indices):
        value = lookup(self.ns, [base])
        if value is None:
            base_symbol = sp.IndexedBase(base)
        elif isinstance(value, sp.IndexedBase):
            base_symbol = value
        else:
            matrix = as_matrix(value)
            if matrix is None:
                raise TexError(f"`{base}` with indices, but the snippet's {base} is {value!r}")
            self.symbols[("array", base)] = matrix
            base_symbol = sp.IndexedBase(base)
        return base_symbol[tuple(indices)] if len(indices) > 1 else base_symbol[indices[0]]

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.symbols:
            self.symbols[name] = sp.Symbol(name, positive=True)
        return self.symbols[name]
