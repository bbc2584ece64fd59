"""A figure's alt text: the words a screen reader speaks for it, and the results they state.

Alt text is read as the page's prose is: a number in it is a result, written as a formula
and bound to a snippet (equations.find_formulas reads it), or a place (`Figure 1`). Its
formulas are spoken as written, so they hold only what reads aloud as plain text:

    ```python exec="on" alt="v at $(0.87, -0.33) % check: :v_old$, the point d"
    --8<-- "part_1/linear_algebra/change_of_basis/similarity.py:figure"
    ```

`% check: :name` (no file) checks against the block's own snippet file. The page gets
`v at (0.87, -0.33), the point d`.
"""

from __future__ import annotations

import re

from .tex_tokens import INLINE_COMMENT

SPAN = re.compile(r"(?<!\\)\$(?P<tex>[^$]+?)(?<!\\)\$")  # an inline formula of the alt text
SPOKEN = {r"\times": "×", r"\approx": "≈", r"\,": " ", r"\infty": "∞", r"\%": "%"}
POWER = re.compile(r"\^(?:\{(?P<group>-?\d+|T)\}|(?P<one>\d|T))")  # `^2`, `^{-45}`, `^T`
RAISED = str.maketrans("0123456789-T", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀ")  # as a screen reader says them
ROOT = re.compile(r"\\sqrt\{(\w+)\}")  # `\sqrt{2}`: √2
PLAIN = re.compile(r"[A-Za-z0-9 .,:;()\[\]+\-=/×≈∞%'⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀ√]*")  # what a spoken formula holds


def spoken(tex: str) -> str:
    """An alt text formula without its marker, as plain text (`\\times` is ×)."""
    text = INLINE_COMMENT.sub("", tex).strip()
    for command, word in SPOKEN.items():
        text = text.replace(command, word)
    text = POWER.sub(lambda m: (m["group"] or m["one"]).translate(RAISED), text)
    text = ROOT.sub(r"√\1", text)
    return re.sub(r"\s+", " ", text)


def problems(alt: str) -> list[str]:
    """What in an alt text's formulas would not read aloud as it is written (whether each
    carries its marker, equations.find_formulas checks with the build's own marker)."""
    found = ["a display formula `$$...$$` cannot stand in alt text"] if "$$" in alt else []
    for span in SPAN.finditer(alt):
        if not PLAIN.fullmatch(spoken(span["tex"])):
            found.append(f"the formula ${span['tex']}$ of the alt text reads aloud as "
                         "written, so it holds only digits, letters, signs, brackets, `=`, "
                         "`\\times`, `\\approx`, powers (`^2`, `^{-45}`, `^T`) and roots "
                         f"(`\\sqrt{{2}}`), no other TeX: {spoken(span['tex'])!r}")
    return found


def plain(alt: str) -> str:
    """The alt text a page shows: each formula spoken, its marker gone."""
    return SPAN.sub(lambda span: spoken(span["tex"]), alt)
