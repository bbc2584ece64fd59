"""The book's hand-typed TeX as tokens and chains of relations, to be read as SymPy.

The book writes its formulas in ordinary LaTeX. To check one against a snippet, each side
of every relation is read into a SymPy value: a name such as `x`, `x_1`, `\\theta`,
`\\hat{y}` or `\\mathbf{A}` means the snippet's variable of that name, so the formula and the
code must agree on what they mean. A recursive-descent reader for the notation the book
uses, rather than SymPy's general LaTeX parser: that one (the lark backend) took 20-370 ms
per side, guessed between readings of `f(x)`, and knew no `\\partial`, `\\pi` or `\\hat`.

Conventions, written on the notation page too:
- indices are 1-based: `X_{ij}` with a snippet matrix `X` is `X[i-1, j-1]`;
- a subscript of index letters on a name the snippet binds to a matrix, or on an unbound
  name, is an index (`X_{ij}`, `w_k`); digits pick a variable (`x_1` is `x1` or `x_1`);
- `\\log` is the natural logarithm; `e` is Euler's number unless the snippet binds `e`;
- `\\frac{d}{dx}`, `\\frac{dy}{dx}`, `\\frac{\\partial^2 f}{\\partial x\\,\\partial y}` are
  derivatives; `A^\\top` and `A^T` transpose; `\\lVert v \\rVert` is the Euclidean norm;
- `\\delta_{ij}` is Kronecker's delta; `\\sum`/`\\prod` with limits are sums and products;
- a tuple `(a, b)` is a column, a list `[a, b]` a row (so `[a, b]^T` is a column), and
  `f(a, b)` calls f with two arguments.
A fragment the reader cannot read can be bound by the snippet in a dict `TEX`
(`TEX = {r"p(Y \\mid X = 22)": conditional}`): the fragment then stands for that value.
"""

from __future__ import annotations

import re

INDEX_LETTERS = set("ijklmn")
GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "phi", "varphi",
    "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi",
    "Omega",
}
ACCENTS = {"hat": "_hat", "bar": "_bar", "tilde": "_tilde", "vec": "", "mathbf": "",
           "boldsymbol": "", "bm": "", "mathit": "", "mathsf": "", "mathcal": "",
           "mathrm": "", "operatorname": "", "mathbb": ""}
IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
           "displaystyle", "textstyle", "scriptstyle", ",", ";", "!", ":", " ", "quad",
           "qquad", "nonumber", "notag", "limits"}
RELATIONS = {"=": "=", r"\approx": "≈", r"\neq": "≠", r"\ne": "≠", "<": "<", ">": ">",
             r"\le": "≤", r"\leq": "≤", r"\ge": "≥", r"\geq": "≥"}
# Relations that state notation, not a result: a piece holding one is not compared.
NOTATION = {r"\in", r"\to", r"\mapsto", r"\rightarrow", ":", r"\subseteq", r"\subset",
            r"\colon", r"\sim", r"\propto", r"\equiv", r"\Longrightarrow", r"\implies",
            r"\iff", r"\Rightarrow", r"\forall", r"\mid", r"\coloneqq", r"\defeq"}
COLONS = (":", r"\colon")  # after a function's name: its signature or its rule
MAPS_TO = (r"\to", r"\rightarrow")  # a signature's arrow: `f : \mathbb{R}^n \to \mathbb{R}^m`
RULE = r"\mapsto"  # a function's rule: `f : x \mapsto x^2`
# `\\computed{path:name}`: a snippet's value in a formula (the build and the runner read it).
COMPUTED = re.compile(r"\\computed\{(?P<path>[^}:]+):(?P<name>\w+)\}")
# A TeX comment ending an inline formula: where the book writes its marker (`% check: ...`).
INLINE_COMMENT = re.compile(r"[ \t]*(?<!\\)%[^$\n]*$")
# Words in text (`\\text{ times}`) are one token, kept as written.
TEXT = re.compile(r"\\(?:text(?:rm|bf|it)?|mbox)\{[^{}]*\}")
TOKEN = re.compile(rf"{TEXT.pattern}|\\(?:begin|end)\{{[a-zA-Z*]+\}}|\\[a-zA-Z]+|\\."
                   r"|\d+(?:\.\d+)?|\S")


class TexError(ValueError):
    """A formula that cannot be read or does not hold."""


def tokenize(tex: str) -> list[str]:
    """The formula as tokens, with comments and \\tag{} removed."""
    tex = re.sub(r"(?<!\\)%.*", "", tex)
    tex = re.sub(r"\\tag\*?\{[^}]*\}", "", tex)
    return TOKEN.findall(tex)


def group_end(tokens: list[str], i: int) -> int:
    """Index just after the balanced group that opens at tokens[i] ({, (, [ or \\begin)."""
    pairs = {"{": "}", "(": ")", "[": "]", r"\{": r"\}"}
    opener = tokens[i]
    closer = "\\end" + opener[6:] if opener.startswith("\\begin{") else pairs[opener]
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j] == opener:
            depth += 1
        elif tokens[j] == closer:
            depth -= 1
            if depth == 0:
                return j + 1
    raise TexError(f"unbalanced {opener} in `{' '.join(tokens)}`")


def top_level(tokens: list[str]):
    """(index, token) of the tokens outside every group, skipping \\text{...} contents."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        yield i, token
        if token in ("{", "(", "[", r"\{") or token.startswith("\\begin{"):
            i = group_end(tokens, i)
        else:
            i += 1


ALIGNED = {"aligned", "align", "align*", "split", "gathered", "gather", "eqnarray"}


def flatten(tokens: list[str]) -> list[str]:
    """Drop aligned environments (keeping their rows), boxes and step labels; \\text{} as
    one token."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.startswith(("\\begin{", "\\end{")) and token.split("{")[1][:-1] in ALIGNED:
            out.append(r"\\")
            i += 1
            continue
        if TEXT.fullmatch(token):
            out += [r"\text", token[token.index("{") + 1:-1]]
            i += 1
            continue
        if token in (r"\text", r"\textrm", r"\mbox", r"\textbf", r"\textit"):  # braces inside
            end = group_end(tokens, i + 1)
            out += [r"\text", " ".join(tokens[i + 2:end - 1])]
            i = end
            continue
        if token == r"\boxed":  # a box around a result: its contents
            end = group_end(tokens, i + 1)
            out += tokens[i + 2:end - 1]
            i = end
            continue
        if token == r"\stackrel":  # a numbered relation: \stackrel{1}{=} is =
            end = group_end(tokens, i + 1)
            out += tokens[end + 1:group_end(tokens, end) - 1]
            i = group_end(tokens, end)
            continue
        out.append(token)
        i += 1
    return out


def pieces(tex: str) -> list[list[tuple[str, list[str]]]]:
    """The formula's chains: each a list of (relation, side tokens), the first relation ''.

    Chains are separated by \\quad, \\qquad, a top-level comma, \\text{...} and by line breaks
    of an aligned environment, unless the next row starts with a relation (it continues).
    Trailing punctuation is dropped; `&` is ignored.
    """
    tokens = flatten(tokenize(tex))
    chains: list[list[tuple[str, list[str]]]] = []
    chain: list[tuple[str, list[str]]] = []
    side: list[str] = []
    relation = ""

    def close_side():
        nonlocal side
        while side and side[-1] in (".", ",", ";"):
            side = side[:-1]
        return side

    def end_chain():
        nonlocal chain, side, relation
        if close_side() or chain:
            chain.append((relation, side))
        if chain:
            chains.append(chain)
        chain, side, relation = [], [], ""

    start = 0
    for i, token in top_level(tokens):
        if i < start:
            continue
        if token in ("{", "(", "[", r"\{") or token.startswith("\\begin{"):
            side += tokens[i:group_end(tokens, i)]
            continue
        if token == "&":  # an alignment point (a matrix's & lies inside its group)
            continue
        if token in (r"\quad", r"\qquad", r"\text") or (token == "," and chain):
            end_chain()
            if token == r"\text":
                start = i + 2
            continue
        if token == r"\\":
            rest = [t for t in tokens[i + 1:] if t not in IGNORED_TOKENS and t != "&"]
            if rest and (rest[0] in RELATIONS or rest[0] in NOTATION
                         or (rest[0] in ("+", "-") and side)):
                continue  # the next row continues this chain (or this side)
            end_chain()
            continue
        if token in RELATIONS:
            if close_side() or chain:  # a display may open with `= ...`, continuing another
                chain.append((relation, side))
            side, relation = [], RELATIONS[token]
            continue
        if token in NOTATION:  # `a = b \rightarrow c = d`: two chains, not compared across
            end_chain()
            continue
        if token in (r"\,", r"\;", r"\!", r"\ ", "~", r"\displaystyle"):
            continue
        side.append(token)
    end_chain()
    return chains


def rule_as_equation(tex: str) -> str:
    """`f : x \\mapsto E`, a function's rule, as the equation `f(x) = E` it states; a
    column of inputs, `f : \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix} \\mapsto E`, as
    `f(x_1, x_2) = E`; after a signature, `f : A \\to B,\\ x \\mapsto E`, as
    `f : A \\to B \\quad f(x) = E`. Any other formula as it is."""
    tokens = tokenize(tex)
    top = list(top_level(tokens))
    colon = next((i for i, t in top if t in COLONS), None)
    arrow = next((i for i, t in top if t == RULE), None)
    if colon is None or arrow is None or arrow < colon:
        return tex
    start = colon + 1  # where the inputs begin
    if any(colon < i < arrow and t in MAPS_TO for i, t in top):
        start = max((i + 1 for i, t in top if colon < i < arrow and t == ","), default=None)
        if start is None:
            return tex
    inputs = tokens[start:arrow]
    if inputs and inputs[0].startswith(r"\begin{") and group_end(tokens, start) == arrow:
        rows = {i for i, t in top_level(inputs[1:-1]) if t == r"\\"}
        inputs = ["," if i in rows else t for i, t in enumerate(inputs[1:-1])]
    signature = [*tokens[:start - 1], r"\quad"] if start > colon + 1 else []  # its own chain
    return " ".join([*signature, *tokens[:colon], "(", *inputs, ")", "=", *tokens[arrow + 1:]])


IGNORED_TOKENS = {r"\,", r"\;", r"\!", r"\ ", "~", r"\quad", r"\qquad"}


def as_tex(tokens: list[str]) -> str:
    """A side as TeX again, for messages: a space only where TeX needs one."""
    out = ""
    for before, token in zip(["", *tokens], tokens):
        if before == r"\text":  # its words, one token since flatten()
            token = "{" + token + "}"
        elif out and re.search(r"\\[a-zA-Z]+$", out) and token[0].isalnum():
            out += " "
        out += token
    return out
