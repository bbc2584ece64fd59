"""The display equations of a chapter, each produced, checked or declared.

    $$
    % check: part_2/calculus/polynomial.py
    \\frac{d}{dx}\\left[3x^4\\right] = 3 \\cdot 4x^3 = 12x^3
    $$

- **produced**: the formula holds `\\computed{file.py:name}`: a value of that snippet; its
  other sides are checked against it in the same file's namespace;
- **checked**: `% check: file.py[:name][; tex_name = python][; at symbol = python]` as its
  first line: every relation is checked in the namespace of `file.py` once it has run
  (`:name`: the last side must equal that value; `x = expr`: the TeX name `x` means `expr`
  here; `at a = expr`: compare after putting `expr` for the symbol `a`);
- **declared**: `% declared: reason`: a definition, notation or the statement of a rule
  or problem, read as such by the build (and counted) but not computed.
A display equation with none of these stops the build. The marker line is a TeX comment:
the build removes it before typesetting, and it would render as nothing anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DISPLAY = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.S)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
MARKER = re.compile(r"^[ \t]*%[ \t]*(?P<kind>check|declared)[ \t]*:[ \t]*(?P<spec>.*?)[ \t]*$",
                    re.M)
MARKER_LINE = re.compile(r"^[ \t]*%[ \t]*(?:check|declared)[ \t]*:.*\n", re.M)
COMMENT_LINE = re.compile(r"^[ \t]*%.*\n", re.M)  # a TeX comment line: never shown
COMPUTED = re.compile(r"\\computed\{(?P<path>[^}:]+):(?P<name>\w+)\}")
TAG = re.compile(r"\\tag\*?\{(?P<tag>[^}]*)\}")
KINDS = ("produced", "checked", "declared")


@dataclass
class Formula:
    """One display equation of a chapter and how the build binds it."""

    page: str
    line: int  # of the opening $$ in the chapter
    tex: str  # without the marker line
    kind: str
    path: str = ""  # the snippet file whose namespace checks it
    target: str = ""  # `:name`: the value its last side must have
    bind: list[list[str]] = field(default_factory=list)  # [tex name, python]
    at: list[list[str]] = field(default_factory=list)  # [snippet symbol, python]
    reason: str = ""  # why a declared one is not computed

    @property
    def where(self) -> str:
        tag = TAG.search(self.tex)
        return f"docs/{self.page}:{self.line}" + (f" (eq. ({tag['tag']}))" if tag else "")

    def payload(self) -> dict:
        """What the snippet runner needs to check it."""
        return {"tex": self.tex, "target": self.target, "bind": self.bind, "at": self.at}


def outside_code(markdown: str) -> str:
    """The chapter with fenced code blanked (same length, same lines): `$$` there is code."""
    out, fence = [], None
    for line in markdown.splitlines(keepends=True):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match[1]
            out.append("\n" if line.endswith("\n") else "")
        elif fence is not None:
            if line.strip() == fence:
                fence = None
            out.append("\n" if line.endswith("\n") else "")
        else:
            out.append(line)
    return "".join(out)


def parse_marker(kind: str, spec: str, formula: Formula) -> str | None:
    """Fill a formula's binding from its marker; an error message, or None."""
    if kind == "declared":
        if not spec:
            return "`% declared:` needs a reason (a definition, notation, a problem statement)"
        formula.kind, formula.reason = "declared", spec
        return None
    head, *options = [part.strip() for part in spec.split(";")]
    path, _, target = head.partition(":")
    if not path.endswith(".py"):
        return f"`% check:` names a snippet file (`% check: part_2/x/file.py`), not {head!r}"
    formula.kind, formula.path, formula.target = "checked", path.strip(), target.strip()
    for option in filter(None, options):
        name, equals, python = option.partition("=")
        if not equals or not name.strip():
            return f"`% check:` option {option!r} is not `name = python` or `at name = python`"
        words = name.split()
        if words[0] == "at" and len(words) == 2:
            formula.at.append([words[1], python.strip()])
        elif len(words) == 1:
            formula.bind.append([words[0], python.strip()])
        else:
            return f"`% check:` option {option!r} is not `name = python` or `at name = python`"
    return None


def find_formulas(page: str, markdown: str) -> tuple[list[Formula], list[str]]:
    """Every display equation of a chapter, classified; and the errors found."""
    formulas, errors = [], []
    for match in DISPLAY.finditer(outside_code(markdown)):
        line = markdown.count("\n", 0, match.start()) + 1
        raw = match["tex"]
        markers = list(MARKER.finditer(raw))
        tex = MARKER_LINE.sub("", raw)
        formula = Formula(page, line, tex, "")
        computed = {m["path"] for m in COMPUTED.finditer(tex)}
        if len(markers) > 1:
            errors.append(f"{formula.where}: a display equation takes one `% check:` or "
                          "`% declared:` line")
            continue
        if markers:
            error = parse_marker(markers[0]["kind"], markers[0]["spec"], formula)
            if error is None and formula.kind == "declared" and computed:
                error = "a declared equation holds a \\computed{} value: it is produced"
            if error is None and computed - {formula.path} and formula.kind == "checked":
                error = (f"the equation is checked in snippets/{formula.path} but takes "
                         f"\\computed{{}} values of {', '.join(sorted(computed))}")
            if error:
                errors.append(f"{formula.where}: {error}")
                continue
            if computed:
                formula.kind = "produced"
        elif computed:
            if len(computed) > 1:
                errors.append(f"{formula.where}: \\computed{{}} values of several files "
                              f"({', '.join(sorted(computed))}): name the one that checks "
                              "the equation with `% check: file.py`")
                continue
            formula.kind, formula.path = "produced", computed.pop()
        else:
            errors.append(
                f"{formula.where}: this display equation is neither produced "
                "(\\computed{file.py:name}), checked (a first line `% check: file.py`) nor "
                "declared (a first line `% declared: why it is not computed`); see "
                "CONTRIBUTING.md, 'Three kinds of equation'")
            continue
        formulas.append(formula)
    return formulas, errors


def strip_markers(markdown: str) -> str:
    """The chapter without the comment lines (`% check:`, ...) of its display equations."""
    return DISPLAY.sub(lambda m: COMMENT_LINE.sub("", m[0]), markdown)


def counts(formulas: list[Formula]) -> dict[str, int]:
    """How many of a chapter's display equations are of each kind."""
    return {kind: sum(f.kind == kind for f in formulas) for kind in KINDS}


class Equations:
    """The display equations of every chapter of one build, and their verdicts."""

    def __init__(self):
        self.pages: dict[str, list[Formula]] = {}
        self.errors: dict[str, list[str]] = {}  # chapter -> equations none of the three kinds
        self.by_path: dict[str, list[Formula]] = {}  # snippet file -> formulas it checks

    def scan(self, page: str, markdown: str) -> None:
        """Classify a chapter's display equations; the checked ones go to their snippets."""
        formulas, errors = find_formulas(page, markdown)
        self.pages[page], self.errors[page] = formulas, errors
        for formula in formulas:
            if formula.path:
                self.by_path.setdefault(formula.path, []).append(formula)

    def payloads(self, path: str) -> list[dict]:
        """What the runner checks after running `path`, in a fixed order."""
        return [formula.payload() for formula in self.by_path.get(path, [])]

    def problems(self, page: str, results: dict[str, dict]) -> list[str]:
        """Messages for the page's equations that disagree with their snippets.

        `results`: snippet path -> the runner's result for that file."""
        messages = []
        for formula in self.pages.get(page, []):
            result = results.get(formula.path)
            if result is None:
                continue
            verdicts = result.get("formulas") or []
            index = self.by_path[formula.path].index(formula)
            if index >= len(verdicts):
                continue  # the file failed before its formulas were checked: reported so
            for problem in verdicts[index]["problems"]:
                messages.append(f"{formula.where}: does not agree with snippets/"
                                f"{formula.path}: {problem}")
        return messages

    def table(self) -> str:
        """Markdown: how many display equations of each chapter are of each kind."""
        rows = ["| chapter | produced | checked | declared |", "| --- | ---: | ---: | ---: |"]
        totals = dict.fromkeys(KINDS, 0)
        for page, formulas in sorted(self.pages.items()):
            if not formulas:
                continue
            count = counts(formulas)
            for kind in KINDS:
                totals[kind] += count[kind]
            rows.append(f"| [{page}]({page}) | " + " | ".join(str(count[k]) for k in KINDS)
                        + " |")
        rows.append("| **all chapters** | " + " | ".join(f"**{totals[k]}**" for k in KINDS)
                    + " |")
        return "\n".join(rows)
