"""How many slips in the chapters' checked equations does the build catch?

    make mutate            # or: .venv/bin/python tests/mutate_equations.py [-n 40] [--seed 0]

A tool beside the benchmark, not a test. It copies the book to a temporary folder, builds it
once (strict, every snippet executed) to warm the caches, then makes N random changes, one at
a time, each inside a display equation of a chapter, an inline formula that states a
relation (`$x = 2$`) or a formula of a figure's alt text: a digit becomes another digit,
a sign `+`/`-` the other, an index letter in a subscript another index letter, a variable
(a letter standing alone, as in `x^2` or `a + b`) another variable of the same equation,
or a function or operation one of its kin (`\\sin` and `\\cos`, `\\exp` and `\\log`,
`\\sum` and `\\prod`, `+` for `\\cdot`). Declared formulas (`% declared:`, definitions
and the sources' own words, which the build reads but does not compute) are left out.
Equation numbers (`\\tag{}`) and step labels (`\\stackrel{3}{=}`), markers, `\\computed{}`
references and the words of `\\text{}` and its kin are never touched. A formula a figure
draws (a snippet file's DRAWN table, textbook/drawn.py) is slipped too, by a digit or a
sign, everywhere the file writes it: in the label it draws and in its table's key, as an
author who mistyped both would (`--drawn`: only those). Each change is built with
`mkdocs build --strict`, figures recorded rather than compared with the figure record (a
changed label changes the drawing); it is caught when the build fails. Prints every
change with its verdict and the first line of the build's error, then the share caught.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from textbook.alt_text import SPAN  # noqa: E402
from textbook.drawn import read_table  # noqa: E402
from textbook.equations import (  # noqa: E402
    DISPLAY,
    INLINE,
    MARKER,
    needs_kind,
    outside_code,
)
from textbook.tex_tokens import INLINE_COMMENT, TexError  # noqa: E402

# What a slip never touches: numbers and markers, words, and (a character at a time) commands.
OPAQUE = re.compile(r"\\tag\*?\{[^}]*\}|\\stackrel\{[^}]*\}|\\computed\{[^}]*\}|(?<!\\)%.*$"
                    r"|\\(?:text\w*|mathrm|operatorname|mbox)\{[^}]*\}", re.M)
PROTECTED = re.compile(OPAQUE.pattern + r"|\\[a-zA-Z]+|\\begin\{[^}]*\}|\\end\{[^}]*\}", re.M)
INDEX = "ijklmn"
# A function or operation, and what it may become: its kin, which a hurried hand may write.
KIN = {r"\sin": [r"\cos"], r"\cos": [r"\sin"], r"\exp": [r"\log"], r"\log": [r"\exp"],
       r"\ln": [r"\exp"], r"\sum": [r"\prod"], r"\prod": [r"\sum"], r"\cdot": ["+"],
       r"\times": ["+"]}
COMMAND = re.compile(r"\\[a-zA-Z]+")
ALT = re.compile(r'^[ \t]*(?:`{3,}|~{3,})[ \t]*python\b(?=.*(?<![\w-])exec="(?:on|1|true)")'
                 r'.*?(?<![\w-])alt="(?P<alt>[^"]*)"', re.M)  # an exec block's alt text


def candidates(text: str) -> list[tuple[int, int, str, list[str]]]:
    """(offset, length, kind, what it may become) for every slip the tool may make in a
    chapter."""
    found, prose = [], outside_code(text)
    alts = [span for block in ALT.finditer(text)  # a figure's alt text: its bound formulas
            for span in SPAN.finditer(text, block.start("alt"), block.end("alt"))
            if MARKER.search(span["tex"])]
    for match in [*DISPLAY.finditer(prose), *filter(relation, INLINE.finditer(prose)), *alts]:
        start, tex = match.start("tex"), match["tex"]
        if any(marker["kind"] == "declared" for marker in MARKER.finditer(tex)):
            continue
        protected, opaque = covered(PROTECTED, tex), covered(OPAQUE, tex)
        found += [(start + c.start(), len(c[0]), "function", KIN[c[0]])
                  for c in COMMAND.finditer(tex) if c[0] in KIN and not opaque[c.start()]]
        alone = [k for k, char in enumerate(tex) if not protected[k] and variable(tex, k)]
        letters = "".join(sorted({tex[k] for k in alone}))
        for k, char in enumerate(tex):
            if protected[k]:
                continue
            if char.isdigit():
                found.append((start + k, 1, "digit", [*"0123456789".replace(char, "")]))
            elif char in "+-":
                found.append((start + k, 1, "sign", ["+" if char == "-" else "-"]))
            elif char in INDEX and subscript(tex, k):
                found.append((start + k, 1, "index", [*INDEX.replace(char, "")]))
            elif k in alone and len(letters) > 1:
                found.append((start + k, 1, "variable", [*letters.replace(char, "")]))
    return found


def drawn_candidates(code: str, path: str) -> list[tuple[tuple[str, int], int, str, list[str]]]:
    """((formula, its table line), index, kind, what it may become) for every slip of a
    checked formula of the file's DRAWN table that the file writes in its label too (a
    formatted label is not written as drawn: left out)."""
    found = []
    for tex, (marker, entry) in read_table(path, code)[0].items():
        if not (marker.strip().startswith("check") and f"${tex}$" in code
                and f'"{tex}"' in code):
            continue
        protected = covered(PROTECTED, tex)
        found += [((tex, entry), k, "digit", [*"0123456789".replace(char, "")])
                  for k, char in enumerate(tex) if char.isdigit() and not protected[k]]
        found += [((tex, entry), k, "sign", ["+" if char == "-" else "-"])
                  for k, char in enumerate(tex) if char in "+-" and not protected[k]]
    return found


def covered(pattern: re.Pattern, tex: str) -> list[bool]:
    """For each character of tex, whether a match of pattern covers it."""
    mask = [False] * len(tex)
    for match in pattern.finditer(tex):
        mask[match.start():match.end()] = [True] * (match.end() - match.start())
    return mask


def relation(match: re.Match) -> bool:
    """Whether the build checks an inline formula: one with a marker, or one that states a
    relation, is a number or holds one (which the build requires to be bound)."""
    tex = INLINE_COMMENT.sub("", match["tex"])
    try:
        return bool(MARKER.search(match["tex"]) or needs_kind(tex))
    except TexError:
        return False


def variable(tex: str, k: int) -> bool:
    """Whether tex[k] is a letter standing alone outside subscripts: not in a word or a
    command, not the d of d/dx, not a transpose's T."""
    before, after = tex[k - 1:k], tex[k + 1:k + 2]
    if (tex[k], before) in (("d", "{"), ("T", "^")):
        return False
    return (tex[k].isascii() and tex[k].isalpha() and not before.isalpha()
            and not after.isalpha() and before not in ("\\", "_") and not subscript(tex, k))


def subscript(tex: str, k: int) -> bool:
    """Whether tex[k] is a letter of a subscript: `_i`, `_{ij}`."""
    if k >= 1 and tex[k - 1] == "_":
        return True
    j = k - 1
    while j >= 0 and tex[j].isalnum():
        j -= 1
    return j >= 1 and tex[j] == "{" and tex[j - 1] == "_"


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
         str(project / "mkdocs.yml"), "-d", str(project / "site")],
        capture_output=True, text=True, cwd=project, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project),
             "BOOK_FIGURES": "record"})


def first_error(output: str) -> str:
    """The line of the build's message that names the chapter and what is wrong."""
    lines = [re.sub(r"^(?:ERROR|WARNING)\s+-\s+", "", line.strip())
             for line in output.splitlines()]  # MkDocs's level, where it leads the line
    for line in lines:
        if line.startswith("docs/"):
            return line[:160]
    return next((line[:160] for line in lines if "rror" in line), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=40, help="number of slips (default 40)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--drawn", action="store_true", help="only the figures' formulas")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="mutate-") as folder:
        project = Path(folder)
        # The engine too, imported from the copy: an edit to it while the tool runs (an
        # hour for a few hundred slips) does not change what the later slips measure.
        for name in ("docs", "snippets", "overrides", "textbook"):
            shutil.copytree(ROOT / name, project / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        os.symlink(ROOT / "node_modules", project / "node_modules")  # read only (KaTeX)
        chapters = sorted(project.joinpath("docs").rglob("*.md"))
        slips = [] if args.drawn else [(page, *slip) for page in chapters
                                       for slip in candidates(page.read_text(encoding="utf-8"))]
        snippets = sorted(project.joinpath("snippets").rglob("*.py"))
        slips += [(path, *slip) for path in snippets for slip in drawn_candidates(
            path.read_text(encoding="utf-8"), path.relative_to(project / "snippets").as_posix())]
        print(f"{len(slips)} places to slip in {len(chapters)} chapters and the formulas "
              "figures draw; warming the caches")
        warm = build(project)
        if warm.returncode:
            sys.exit("the unchanged book does not build:\n" + warm.stderr[-2000:])
        caught = 0
        for number, (page, offset, length, kind, choices) in enumerate(
                rng.sample(slips, min(args.n, len(slips))), 1):
            text = page.read_text(encoding="utf-8")
            new = rng.choice(choices)
            if isinstance(offset, tuple):  # a drawn formula: `length` is where in it
                (tex, entry), k = offset, length
                old, shown = tex[k], f"{tex[:k]}[{tex[k]}]{tex[k + 1:]}"
                line = text.count("\n", 0, text.index(f"${tex}$")) + 1  # its label
                slip = tex[:k] + new + tex[k + 1:]
                lines = text.replace(f"${tex}$", f"${slip}$").split("\n")  # the labels,
                lines[entry - 1] = lines[entry - 1].replace(f'"{tex}"', f'"{slip}"')  # key
                slipped = "\n".join(lines)
            else:
                line = text.count("\n", 0, offset) + 1
                # The slip in its line, marked: `... = [-]\sqrt2 ...`, 35 characters aside.
                old, after = text[offset:offset + length], offset + length
                start = max(text.rfind("\n", 0, offset) + 1, offset - 35)
                end = text.find("\n", offset)
                end = min(len(text) if end < 0 else end, after + 35)
                shown = f"{text[start:offset]}[{old}]{text[after:end]}".strip()
                slipped = text[:offset] + new + text[after:]
            page.write_text(slipped, encoding="utf-8")
            try:
                result = build(project)
            finally:
                page.write_text(text, encoding="utf-8")
            where = f"{page.relative_to(project)}:{line}"
            verdict = "caught" if result.returncode else "MISSED"
            caught += bool(result.returncode)
            print(f"{number:3d}. {verdict:6s} {where}: {kind} {old!r} -> {new!r} "
                  f"in `{shown}`")
            if result.returncode:
                print(f"       {first_error(result.stderr + result.stdout)}")
        tried = min(args.n, len(slips))
        print(f"\ncaught {caught} of {tried} ({100 * caught / tried:.0f}%), seed {args.seed}")


if __name__ == "__main__":
    main()
