"""Formulas drawn in figures: a title, label or legend entry that states a relation or holds
a number (`$f(x) = x^2 + 4x - 2$`, `$\\theta = 45^\\circ$`) is bound as the prose's are.

Its marker cannot stand in the drawn text, so the snippet file gives it after its shown
sections, in a table keyed by the formula as drawn (CONTRIBUTING.md, "Numbers in the
text"); `check: :name` means a value of the file itself, `check:` alone a relation that
holds in the file's namespace:

    DRAWN = {
        r"f(x) = x^2 + 4x - 2": "check: :f_drawn; f = f_drawn; x = x_symbol",
        r"3 \\times 2 = 6": "check:",
        r"y = x^2": "declared: the example the graph draws",
    }

The runner's child hands back each line of text its figures draw, recorded as the SVG
renderer draws it (capture_backend.py); the build checks the table's `check:` entries in
the file's namespace with the prose's formulas, and stops on a drawn formula the table
lacks, an entry no figure draws, or a table it cannot read. Tick labels an axis's
formatter writes from the data, its offset text and a unit's power (`m$^2$`) are not
formulas; tick labels the code gives are (capture_backend.axis_text).

A number in a drawn text's words ("3 knobs", "mean 1.69 m") is a result as well. Formatted
from a value when the figure is drawn (`f"{m} knobs"`), it is the file's; typed in a string
of the file (drawn_words.py tells which), it is stated, and the build asks for it to be
formatted from the value the file computes, or declared in the table under the line as
drawn. Only the figure's own number (`Figure 2: ...`) is a place, as in an alt text.
"""

from __future__ import annotations

import ast
import functools
import re

from . import equations
from .drawn_words import DOLLAR, TABLE, parse, typed
from .equations import Formula, parse_marker
from .executor import Job
from .tex_tokens import TexError

UNIT_POWER = re.compile(r"\s*[_^]\{?-?\d+\}?\s*")  # `m$^2$`


def needs_kind(tex: str) -> bool:
    """Whether a drawn formula states something: a relation, a number, a formula holding
    one; not a unit's power."""
    if UNIT_POWER.fullmatch(tex):
        return False
    try:
        return equations.needs_kind(tex)  # as an inline formula of the prose needs one
    except TexError:
        return True  # unreadable: the table says what it is


def formulas(texts: list[str]) -> list[str]:
    """The formulas in drawn texts that need a kind, each once, in the order drawn. As
    Matplotlib reads a text: line by line, a line with an even number of unescaped `$`
    is math, and they delimit its formulas."""
    found = [" ".join(tex.split()) for text in texts for line in text.split("\n")
             if len(DOLLAR.findall(line)) % 2 == 0 for tex in DOLLAR.split(line)[1::2]]
    return list(dict.fromkeys(tex for tex in found if tex and needs_kind(tex)))


def stated(texts: list[str], code: str) -> dict[str, tuple[tuple[str, ...], int | None]]:
    """The drawn lines whose words hold a number the file types, each once, in order,
    with their spaces collapsed as in the table's keys: the numbers, and the file's line
    that types them (drawn_words.typed)."""
    found = {}
    for line in (line for text in texts for line in text.split("\n")):
        numbers, written = typed(line, code)
        if numbers:
            found.setdefault(" ".join(line.split()), (numbers, written))
    return found


def read_table(path: str, code: str) -> tuple[dict[str, tuple[str, int]], list[str]]:
    """The file's DRAWN table, {formula: (marker, line)}, read without running it; and
    problems with it. It is assigned once, at the top level, a dict of string literals."""
    if TABLE not in code:
        return {}, []  # most files: no table to parse for
    tree = parse(code)
    if tree is None:
        return {}, []  # the run reports it
    table, errors = {}, []
    usage = (f"{TABLE} is assigned once, at the top level, a dict of string literals "
             '{r"formula as drawn": "check: :name" or "declared: why"}')
    top = [node for node in tree.body if isinstance(node, ast.Assign)
           and [getattr(t, "id", None) for t in node.targets] == [TABLE]]
    table_node = top[0] if top else None
    for node in ast.walk(tree):
        targets = (node.targets if isinstance(node, ast.Assign) else [node.target]
                   if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        names = [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        if TABLE in names and node is not table_node:
            errors.append(f"snippets/{path}:{node.lineno}: {usage}")
    if table_node is None:
        return table, errors
    node = table_node
    if not isinstance(node.value, ast.Dict) or not all(
            isinstance(part, ast.Constant) and isinstance(part.value, str)
            for part in [*node.value.keys, *node.value.values]):
        return table, [*errors, f"snippets/{path}:{node.lineno}: {usage}"]
    for key, value in zip(node.value.keys, node.value.values):
        tex = " ".join(key.value.split())
        if tex in table:
            errors.append(f"snippets/{path}:{key.lineno} ({TABLE}, ${tex}$): the "
                            f"formula has an entry already, on line {table[tex][1]}")
        table.setdefault(tex, (value.value, key.lineno))
    return table, errors


@functools.lru_cache(maxsize=1024)  # a version of a file is read once per process
def entries(path: str, code: str) -> tuple[dict, list[dict], list[str]]:
    """The file's table, its `check:` entries as the runner checks them (each payload
    also names its formula, `drawn`, and line), and problems with the table. Read
    only: the build shares them between calls."""
    table, errors = read_table(path, code)
    checked = []
    for tex, (marker, line) in table.items():
        kind, colon, spec = marker.partition(":")
        if kind.strip() == "check" and spec.strip() in ("", ":"):
            spec = path  # `check:`, a relation checked in the file as it stands
        formula = Formula("", line, tex, display=False)
        problem = (parse_marker(kind.strip(), spec.strip(), formula, scope=path)
                   if colon and kind.strip() in ("check", "declared") else
                   f'the entry is "check: :name" or "declared: why", not {marker!r}')
        if not problem and formula.kind == "checked" and formula.path != path:
            problem = "an entry is checked in its own file: write `check: :name`"
        if problem:
            errors.append(f"snippets/{path}:{line} ({TABLE}, ${tex}$): {problem}")
        elif formula.kind == "checked":
            checked.append({**formula.payload(), "drawn": tex, "line": line})
    return table, checked, errors


def payloads(path: str, code: str) -> list[dict]:
    """What the runner checks for the file's table, after the prose's formulas."""
    return entries(path, code)[1]


def _at(job: Job, written: list[str]) -> str:
    """The snippet file's line that writes a drawn text, as written in the code: raw, or
    with `\\`; the file alone where none does (a text built from parts)."""
    written += [w.replace("\\", "\\\\") for w in written]
    line = next((n for w in written for n, text in enumerate(job.code.splitlines(), 1)
                 if w in text), None)
    return f"snippets/{job.path}:{line}" if line else f"snippets/{job.path}"


def problems(where: str, job: Job, section: str, lead: bool) -> list[str]:
    """Messages for one block's figures: `where` its chapter line, `job` its file's run;
    `lead`: the block is the file's first in the book, which reports the table's own."""
    table, checked, errors = entries(job.path, job.code)
    sections = (job.result or {}).get("sections", {})
    texts = sections.get(section, {}).get("drawn", [])
    drawn, lines = formulas(texts), stated(texts, job.code)
    messages, of = [], f" (section {section!r})" if section else ""
    messages += [f"{where}: {_at(job, [f'${tex}$', tex])}{of} draws ${tex}$, which states "
                 f"a relation or holds a number: bind it in the file's {TABLE} table, "
                 f'{{r"{tex}": "check: :name"}} or "declared: why" (CONTRIBUTING.md, '
                 "'Numbers in the text')" for tex in drawn if tex not in table]
    for line, (numbers, written) in lines.items():
        numbers = ", ".join(numbers)
        if line not in table:
            at = f"snippets/{job.path}:{written}" if written else f"snippets/{job.path}"
            messages.append(
                f'{where}: {at}{of} draws the number {numbers} in the words "{line}", '
                "typed in a string of the file: format it from the value the file computes "
                f'(f"... {{name}} ..."), or declare it in the {TABLE} table, {{r"{line}": '
                "\"declared: why\"} (CONTRIBUTING.md, 'Numbers in the text')")
        elif any(payload["drawn"] == line for payload in checked):
            messages.append(
                f"{where}: snippets/{job.path}:{table[line][1]} ({TABLE}): the figure{of} "
                f'draws the number {numbers} in the words "{line}": a number in words is '
                "formatted from its value (f\"... {name} ...\") or declared, not checked")
    verdicts = (job.result or {}).get("formulas") or []
    for payload, verdict in zip(job.formulas, verdicts):
        if payload.get("drawn") in drawn:
            messages += [f"{where}: snippets/{job.path}:{payload['line']} ({TABLE}): the "
                         f"figure{of} draws ${payload['drawn']}$, which does not agree "
                         f"with the file: {problem}" for problem in verdict["problems"]]
    if not lead:
        return messages
    everywhere = {entry for part in sections.values() for entry in [
        *formulas(part.get("drawn", [])), *stated(part.get("drawn", []), job.code)]}
    messages += [f"{where}: {problem}" for problem in errors]
    messages += [f"{where}: snippets/{job.path}:{line} ({TABLE}): no figure of the file "
                 f'draws "{tex}" (as a formula that needs a kind, or words with a typed '
                 "number): remove the entry"
                 for tex, (_, line) in table.items() if tex not in everywhere]
    return messages
