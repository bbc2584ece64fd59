"""The equations of a chapter, each produced, checked or declared.

    $$
    % check: part_2/calculus/polynomial.py
    \\frac{d}{dx}\\left[3x^4\\right] = 3 \\cdot 4x^3 = 12x^3
    $$

Every display equation, and every inline formula that states a relation (`=`, `\\approx`,
`<`, ...) or a number (`$0$`, `$\\frac{1}{2}$`; prose_numbers.py, which also holds the
numbers of the words to formulas), is one of three kinds:
- **produced**: it holds `\\computed{file.py:name}`, a value of that snippet; its other
  sides are checked against it in the same file's namespace;
- **checked**: `% check: file.py[:name][; tex_name = python][; at symbol = python]` marks
  it (a display's first line; an inline formula's end, `$a = b % check: file.py$`, or a
  line `<!-- check: file.py -->` above it, which holds for the inline formulas below it up
  to the next heading): every relation is checked in the namespace of `file.py` once it
  has run (`:name`: the last side must equal that value; `x = expr`: the TeX name `x`
  means `expr` here; `at a = expr`: compare after putting `expr` for the symbol `a`);
- **declared**: `% declared: reason`: a definition, notation or the statement of a rule
  or problem, read as such by the build (and counted) but not computed.
Any other stops the build. The markers are TeX or HTML comments, removed from the pages.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import asdict, dataclass, field

from . import alt_text, prose_numbers
from .errors import BookError
from .memo import Memo
from .prose_numbers import NOT_NEWLINE, blank, holds_numeral, states_number
from .sections import Block, find_blocks, page_title
from .tex_tokens import (
    COLONS,
    COMPUTED,
    INLINE_COMMENT,
    MAPS_TO,
    RELATIONS,
    RULE,
    TexError,
    group_end,
    tokenize,
    top_level,
)

DISPLAY = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?!\$)(?P<tex>(?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?)(?<!\\)\$(?!\$)")
CODE_SPAN = re.compile(r"(`+).+?\1")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}[ \t]", re.M)
MARKER = re.compile(r"(?<!\\)%[ \t]*(?P<kind>check|declared)[ \t]*:[ \t]*(?P<spec>[^\n]*?)"
                    r"[ \t]*$", re.M)
DEFAULT = re.compile(r"^[ \t]*<!--[ \t]*check:[ \t]*(?P<spec>.*?)[ \t]*-->[ \t]*$", re.M)
COMMENT_LINE = re.compile(r"^[ \t]*%.*\n", re.M)  # a display's TeX comment line
TAG = re.compile(r"\\tag\*?\{(?P<tag>[^}]*)\}")
KINDS = ("produced", "checked", "declared")


@dataclass
class Formula:
    """One equation of a chapter and how the build binds it."""

    page: str
    line: int  # of the opening $$ (or of the inline formula) in the chapter
    tex: str  # without its marker
    kind: str = ""
    display: bool = True
    path: str = ""  # the snippet file whose namespace checks it
    target: str = ""  # `:name`: the value its last side must have
    bind: list[list[str]] = field(default_factory=list)  # [tex name, python]
    at: list[list[str]] = field(default_factory=list)  # [snippet symbol, python]
    reason: str = ""  # why a declared one is not computed
    lead: str = ""  # the displays whose chain this one continues (it opens with `=`)
    alt: bool = False  # in a figure's alt text (alt_text.py), on its block's line

    @property
    def where(self) -> str:
        tag = TAG.search(self.tex)
        if not self.display:
            alt = "alt text: " if self.alt else ""
            return f"docs/{self.page}:{self.line} ({alt}${' '.join(self.tex.split())}$)"
        return f"docs/{self.page}:{self.line}" + (f" (eq. ({tag['tag']}))" if tag else "")

    def payload(self) -> dict:
        """What the snippet runner needs to check it."""
        return {"tex": self.lead + self.tex, "target": self.target, "bind": self.bind,
                "at": self.at}


def outside_code(markdown: str, fill: str = " ") -> str:
    """The chapter with fenced code and code spans blanked (as spaces, or `fill`): `$`
    there is code, not math."""
    out, fence = [], None
    for line in markdown.splitlines(keepends=True):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match[1]
            out.append(NOT_NEWLINE.sub(fill, line))
        elif fence is not None:
            if line.strip() == fence:
                fence = None
            out.append(NOT_NEWLINE.sub(fill, line))
        else:
            out.append(CODE_SPAN.sub(lambda m: blank(m, fill), line))
    return "".join(out)


def parse_marker(kind: str, spec: str, formula: Formula, scope: str = "") -> str | None:
    """Fill a formula's binding from its marker; an error message, or None. `scope`: the
    file `% check: :name` means (a `<!-- check: -->` line's, an alt text's block's)."""
    if kind == "declared":
        if not spec:
            return "`% declared:` needs a reason (a definition, notation, a problem statement)"
        formula.kind, formula.reason = "declared", spec
        return None
    head, *options = [part.strip() for part in spec.split(";")]
    path, _, target = head.partition(":")
    if not path and target and scope:
        path = scope
    elif not path and target:
        return (f"`% check: {head}` names no file, and none is given here (an inline formula "
                "takes the file of a `<!-- check: file.py -->` line above it, an alt text's "
                "that of its block; a display equation names its own): write "
                "`% check: file.py:name`")
    if not path.endswith(".py"):
        return f"`% check:` names a snippet file (`% check: part_2/x/file.py`), not {head!r}"
    formula.kind, formula.path, formula.target = "checked", path.strip(), target.strip()
    for option in filter(None, options):
        name, equals, python = option.partition("=")
        words = name.split()
        if equals and len(words) == 2 and words[0] == "at":
            formula.at.append([words[1], python.strip()])
        elif equals and len(words) == 1:
            formula.bind.append([words[0], python.strip()])
        else:
            return f"`% check:` option {option!r} is not `name = python` or `at name = python`"
    return None


def opens_with_relation(tex: str) -> bool:
    """Whether a display opens with a relation (`= ...`), continuing the one before."""
    try:
        tokens = [t for t in tokenize(tex) if t not in ("&", r"\\") and
                  not t.startswith(("\\begin{", "\\end{"))]
    except TexError:
        return False
    return bool(tokens) and tokens[0] in RELATIONS


def states_relation(tex: str) -> bool:
    """Whether an inline formula states a relation, a function's signature
    (`f : \\mathbb{R}^n \\to \\mathbb{R}^m`) or its rule (`f : x \\mapsto x^2`), outside
    every group but a bare one (`{a = b}`, braces that are no command's argument or
    script); TexError if it cannot be read (an unbalanced brace)."""
    return _states_relation(tokenize(tex))


CLOSERS = {"{": "}", "[": "]", "(": ")"}  # a group, as what comes before the next token


def _states_relation(tokens: list[str]) -> bool:
    colon, before = False, None
    for i, token in top_level(tokens):
        if token in RELATIONS or colon and (token in MAPS_TO or token == RULE):
            return True
        bare = token == "{" and not (before in ("_", "^", "}", "]") or
                                     before is not None and before.startswith("\\"))
        if bare and _states_relation(tokens[i + 1:group_end(tokens, i) - 1]):
            return True
        colon, before = colon or token in COLONS, CLOSERS.get(token, token)
    return False


def needs_kind(tex: str) -> bool:
    """Whether an inline formula without a marker must be bound: it states a relation (or
    a signature, a rule), is a number alone, or holds one; TexError if unreadable."""
    return states_relation(tex) or states_number(tex) or holds_numeral(tex)


def classify(formula: Formula, marker: tuple[str, str] | None, scope: str = "") -> str | None:
    """Set a formula's kind from its marker and \\computed{} values; an error, or None."""
    computed = {m["path"] for m in COMPUTED.finditer(formula.tex)}
    if marker:
        error = parse_marker(*marker, formula, scope)
        if error:
            return error
        if formula.kind == "declared" and computed:
            return "a declared equation holds a \\computed{} value: it is produced"
        if formula.kind == "checked" and computed - {formula.path}:
            return (f"the equation is checked in snippets/{formula.path} but takes "
                    f"\\computed{{}} values of {', '.join(sorted(computed))}")
        if computed:
            formula.kind = "produced"
        return None
    if len(computed) > 1:
        return (f"\\computed{{}} values of several files ({', '.join(sorted(computed))}): "
                "name the one that checks the equation with `% check: file.py`")
    if computed:
        formula.kind, formula.path = "produced", computed.pop()
        return None
    what = ("display equation" if formula.display else
            "inline formula states a relation or holds a number but")
    where = ("a first line `% check: file.py`" if formula.display else
             "`% check: file.py` at its end, or a line `<!-- check: file.py -->` above it")
    return (f"this {what} is neither produced (\\computed{{file.py:name}}), checked ({where}) "
            "nor declared (`% declared: why it is not computed`); see CONTRIBUTING.md, "
            "'Three kinds of equation'")


def find_formulas(page: str, markdown: str) -> tuple[list[Formula], list[str]]:
    """Every display equation and relation-stating inline formula, classified; errors."""
    formulas, errors = [], []
    text = outside_code(markdown)
    previous: Formula | None = None  # the last display: `$$ = ... $$` continues its chain
    for match in DISPLAY.finditer(text):
        raw = match["tex"]
        formula = Formula(page, markdown.count("\n", 0, match.start()) + 1,
                          COMMENT_LINE.sub("", raw))
        markers = [(m["kind"], m["spec"]) for m in MARKER.finditer(raw)]
        continues = previous is not None and previous.path and opens_with_relation(formula.tex)
        if continues and not markers:  # checked as the previous one is, with its options
            options = [f"{n} = {p}" for n, p in previous.bind]
            options += [f"at {n} = {p}" for n, p in previous.at]
            markers = [("check", "; ".join([previous.path, *options]))]
        error = ("a display equation takes one `% check:` or `% declared:` line"
                 if len(markers) > 1 else classify(formula, markers[0] if markers else None))
        if error:
            errors.append(f"{formula.where}: {error}")
            continue
        if continues and formula.path == previous.path:
            formula.lead = previous.lead + previous.tex + "\n"
        formulas.append(formula)
        previous = formula
    text = DISPLAY.sub(blank, text)
    # A `<!-- check: -->` line holds for the inline formulas below it, up to a heading.
    scopes = sorted([(m.start(), ("check", m["spec"])) for m in DEFAULT.finditer(text)]
                    + [(m.start(), None) for m in HEADING.finditer(text)])
    for match in INLINE.finditer(text):
        default = next((scope for start, scope in reversed(scopes) if start < match.start()),
                       None)
        formula = Formula(page, markdown.count("\n", 0, match.start()) + 1, match["tex"],
                          display=False)
        inline(formula, default, formulas, errors)
    errors += prose_numbers.problems(page, prose_numbers.numerals(INLINE.sub(blank, text)))
    for block in figure_blocks(page, markdown, errors):  # alt text is read as prose is
        alt = block.attrs["alt"]
        errors += [f"{block.where}: {problem}" for problem in alt_text.problems(alt)]
        for span in alt_text.SPAN.finditer(alt):
            if MARKER.search(span["tex"]):
                inline(Formula(page, block.line, span["tex"], display=False, alt=True), None,
                       formulas, errors, scope=block.path)
            else:  # a formula there states a result, and no `<!-- check: -->` line reaches it
                errors.append(f"{block.where}: the formula ${span['tex']}$ of the alt text has "
                              "no `% check: :name` or `% declared: why`: a formula there "
                              "states a result")
        errors += prose_numbers.problems(
            page, prose_numbers.alt_numerals(alt_text.SPAN.sub(blank, alt)), block.line,
            "alt text")
    return formulas, errors


def inline(formula: Formula, default: tuple[str, str] | None, formulas: list[Formula],
           errors: list[str], scope: str = "") -> None:
    """Classify an inline formula (its tex still holding its marker) if it needs a kind:
    into `formulas`, or a message into `errors`. `default`: the `<!-- check: -->` marker
    above it; `scope`: the file `% check: :name` means, if no such line gives one."""
    raw = formula.tex
    own, computed = MARKER.search(raw), COMPUTED.search(raw)
    formula.tex = INLINE_COMMENT.sub("", raw)
    if not own and not computed:
        try:
            if not needs_kind(formula.tex):
                return
        except TexError as err:  # whether it needs a kind is unknown: say why
            errors.append(f"{formula.where}: cannot be read: {err}")
            return
    marker = (own["kind"], own["spec"]) if own else (default if not computed else None)
    if default:
        scope = default[1].split(";")[0].partition(":")[0].strip()
    error = classify(formula, marker, scope)
    if error:
        errors.append(f"{formula.where}: {error}")
    else:
        formulas.append(formula)


def figure_blocks(page: str, markdown: str, errors: list[str]) -> list[Block]:
    """The chapter's exec blocks with alt text; a malformed block is an error (the build
    stops at it before the equations are read, `check_chapter` does not)."""
    try:
        return [block for block in find_blocks(page, markdown) if block.attrs.get("alt")]
    except BookError as err:
        errors.append(str(err))
        return []


@functools.lru_cache(maxsize=64)  # the workbooks and the chapter notebooks strip each chapter
def strip_markers(markdown: str) -> str:
    """The chapter without its equation markers (for pages and notebooks); code untouched."""
    text = outside_code(markdown)
    edits = [(m.start(), m.end(), COMMENT_LINE.sub("", m[0])) for m in DISPLAY.finditer(text)]
    text = DISPLAY.sub(blank, text)
    edits += [(m.start(), m.end(), "$" + INLINE_COMMENT.sub("", m["tex"]) + "$")
              for m in INLINE.finditer(text)]
    edits += [(m.start(), m.end() + 1, "") for m in DEFAULT.finditer(text)]
    pieces, at = [], 0
    for start, end, new in sorted(edits):  # they do not overlap
        pieces += [markdown[at:start], new]
        at = end
    return "".join([*pieces, markdown[at:]])


def counts(formulas: list[Formula], display: bool = True) -> dict[str, int]:
    """How many of a chapter's display (or inline) equations are of each kind."""
    return {kind: sum(f.kind == kind and f.display == display for f in formulas)
            for kind in KINDS}


class Equations:
    """The equations of every chapter of one build, and their verdicts."""

    def __init__(self, memo: Memo | None = None):
        self.memo = memo  # each chapter's findings, kept across builds by its text
        self.pages: dict[str, list[Formula]] = {}
        self.errors: dict[str, list[str]] = {}  # chapter -> equations of no kind
        self.by_path: dict[str, list[Formula]] = {}  # snippet file -> formulas it checks
        self.titles: dict[str, str] = {}  # chapter -> its title
        self.order: list[str] = []  # the chapters in the navigation's order

    def scan(self, page: str, markdown: str) -> list[Formula]:
        """Classify a chapter's equations; the checked ones go to their snippets."""
        part = {"part-1/": "I · ", "part-2/": "II · "}.get(page[:7], "")  # both have a §1
        self.titles[page] = part + (page_title(markdown) or page)
        if self.memo is None:
            formulas, errors = find_formulas(page, markdown)
        else:
            def find() -> str:
                formulas, errors = find_formulas(page, markdown)
                return json.dumps([[asdict(f) for f in formulas], errors])
            kept, errors = json.loads(self.memo.get((page, markdown), find))
            formulas = [Formula(**f) for f in kept]
        self.pages[page], self.errors[page] = formulas, errors
        for formula in formulas:
            if formula.path:
                self.by_path.setdefault(formula.path, []).append(formula)
        return formulas

    def payloads(self, path: str) -> list[dict]:
        """What the runner checks after running `path`, in a fixed order."""
        return [formula.payload() for formula in self.by_path.get(path, [])]

    def problems(self, page: str, results: dict[str, dict]) -> list[str]:
        """Messages for the page's equations that disagree with their snippets.

        `results`: snippet path -> the runner's result for that file."""
        messages = []
        for formula in self.pages.get(page, []):
            verdicts = (results.get(formula.path) or {}).get("formulas") or []
            index = self.by_path[formula.path].index(formula) if formula.path else 0
            if index >= len(verdicts):
                continue  # not run, or failed before its formulas: reported as such
            messages += [f"{formula.where}: does not agree with snippets/{formula.path}: "
                         f"{problem}" for problem in verdicts[index]["problems"]]
        return messages

    def table(self) -> str:
        """Markdown: each page's equations of each kind, display and inline, in nav order."""
        kinds = " / ".join(KINDS)
        rows = [f"| page | display equations ({kinds}) | formulas in the text ({kinds}) |",
                "| --- | ---: | ---: |"]
        totals = [0] * 6
        place = {page: n for n, page in enumerate(self.order)}
        for page in sorted(self.pages, key=lambda p: (place.get(p, len(place)), p)):
            if not self.pages[page]:
                continue
            numbers = [*counts(self.pages[page]).values(),
                       *counts(self.pages[page], False).values()]
            totals = [a + b for a, b in zip(totals, numbers)]
            rows.append(f"| [{self.titles[page]}]({page}) | {slashed(numbers[:3])} | "
                        f"{slashed(numbers[3:])} |")
        rows.append(f"| **all pages** | **{slashed(totals[:3])}** | **{slashed(totals[3:])}** |")
        return "\n".join(rows)


def slashed(numbers: list[int]) -> str:
    """Counts of the three kinds, as a table cell."""
    return " / ".join(map(str, numbers))
