"""One notation per concept: the pages follow the conventions of docs/reference/notation.md
(matrices plain upper case, partial derivatives with \\partial), except where they quote a
source: a formula declared as the source's (`% declared: the source's ...`), one inside
"quotation marks" on its line, or one on a corrections-page line "The source says"."""

from __future__ import annotations

import re

import pytest
from conftest import DOCS, chapters

from textbook.equations import DISPLAY, INLINE, MARKER, blank, outside_code

BOLD_MATRIX = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Z]\s*\}")
# d for a derivative by one entry of a vector (x_1, w_k, a_j, \theta_i): a partial derivative.
D_BY_ENTRY = re.compile(
    r"\\[dt]?frac\{\s*d[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{\s*d\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*_"
    r"|(?<![A-Za-z\\])d\s*[A-Za-z]_\{?\w+\}?\s*/\s*d\s*[A-Za-z]_")
RULES = {BOLD_MATRIX: "a bold matrix: matrices are plain upper case, $A$",
         D_BY_ENTRY: "d for a partial derivative: write \\partial"}
SOURCE_SAYS = re.compile(r"^\s*- \*\*The source says:\*\*")
ALT = re.compile(r'^[ \t]*(?:`{3,}|~{3,}).*?\balt="(?P<text>[^"]*)"', re.M)


def departures(markdown: str) -> list[str]:
    """Each formula (or figure alt text) that breaks a convention, as `line N: why`."""
    text = outside_code(markdown)
    spans = [*DISPLAY.finditer(text), *INLINE.finditer(DISPLAY.sub(blank, text))]
    found = []
    for span in spans:
        marker = MARKER.search(span["tex"])
        before = markdown[markdown.rfind("\n", 0, span.start()) + 1:span.start()]
        quoted = (marker and marker["kind"] == "declared" and "source" in marker["spec"]
                  or SOURCE_SAYS.match(before) or before.count('"') % 2)
        tex = MARKER.sub("", span["tex"])
        found += [(span.start(), hit[0], why) for rule, why in RULES.items()
                  if not quoted and (hit := rule.search(tex))]
    found += [(alt.start(), hit[0], RULES[D_BY_ENTRY]) for alt in ALT.finditer(markdown)
              if (hit := D_BY_ENTRY.search(alt["text"]))]
    return [f"line {markdown.count(chr(10), 0, at) + 1}: `{what}`, {why}"
            for at, what, why in sorted(found)]


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_follows_the_conventions(page):
    """No page writes a bold matrix or d for a partial derivative outside a quotation."""
    problems = departures(page.read_text(encoding="utf-8"))
    assert not problems, f"docs/{page.relative_to(DOCS)} departs from " \
        "docs/reference/notation.md#conventions:\n" + "\n".join(problems)


@pytest.mark.parametrize("markdown, broken", [
    (r"Apply $\mathbf{A}\mathbf{x}$.", True),
    ("$$\n% check: a/b.py\n\\mathbf{S}^{-1} \\mathbf{v} = \\mathbf{w}\n$$", True),
    (r"so $\frac{dy_i}{dw_k} = X_{ik}$", True),
    (r"$\dfrac{d\mathbf{a}^T}{da_2}$", True),
    (r"$da_i/da_j = \delta_{ij}$", True),
    ('```python exec="on" alt="six derivatives dy_i/dx_j"\n```', True),
    (r"Apply $A\mathbf{x}$, $\frac{\partial y_i}{\partial w_k}$, $\frac{dy}{dx}$.", False),
    (r"the Jacobian $\frac{d\mathbf{y}}{d\mathbf{x}}$ and $\frac{dy_1}{dx}$", False),
    (r"It writes $\mathbf{A} % declared: the source's notation, quoted$.", False),
    (r"- **The source says:** $\frac{d}{dx_j}$ for $\mathbf{B}$.", False),
    (r'its rule ("not $\frac{dy}{dx_1}$ but $\frac{\partial y}{\partial x_1}$")', False),
])
def test_each_rule_can_fail(markdown, broken):
    """A seeded departure is found; the book's own notation and quotations pass."""
    assert bool(departures(markdown)) == broken, departures(markdown)
