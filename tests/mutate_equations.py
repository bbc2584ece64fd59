"""How many one-character slips in the chapters' display equations does the build catch?

    make mutate            # or: .venv/bin/python tests/mutate_equations.py [-n 40] [--seed 0]

A tool beside the benchmark, not a test. It copies the book to a temporary folder, builds it
once (strict, every snippet executed) to warm the caches, then makes N random changes, one at
a time, each inside a display equation of a chapter: a digit becomes another digit, a sign
`+`/`-` the other, or an index letter in a subscript another index letter. Equation numbers
(`\\tag{}`) and step labels (`\\stackrel{3}{=}`), the `% check:` line and `\\computed{}`
references are never touched. Each change
is built with `mkdocs build --strict`; it is caught when the build fails. Prints every
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
from textbook.equations import DISPLAY, outside_code  # noqa: E402

PROTECTED = re.compile(r"\\tag\*?\{[^}]*\}|\\stackrel\{[^}]*\}|\\computed\{[^}]*\}|^[ \t]*%.*$"
                       r"|\\[a-zA-Z]+"
                       r"|\\begin\{[^}]*\}|\\end\{[^}]*\}", re.M)
INDEX = "ijklmn"


def candidates(text: str) -> list[tuple[int, str]]:
    """(offset, replacement) for every slip the tool may make in a chapter."""
    found = []
    for match in DISPLAY.finditer(outside_code(text)):
        start, tex = match.start("tex"), match["tex"]
        protected = [False] * len(tex)
        for p in PROTECTED.finditer(tex):
            protected[p.start():p.end()] = [True] * (p.end() - p.start())
        for k, char in enumerate(tex):
            if protected[k]:
                continue
            if char.isdigit():
                found.append((start + k, "digit"))
            elif char in "+-":
                found.append((start + k, "sign"))
            elif char in INDEX and subscript(tex, k):
                found.append((start + k, "index"))
    return found


def subscript(tex: str, k: int) -> bool:
    """Whether tex[k] is a letter of a subscript: `_i`, `_{ij}`."""
    if k >= 1 and tex[k - 1] == "_":
        return True
    j = k - 1
    while j >= 0 and tex[j].isalpha():
        j -= 1
    return j >= 1 and tex[j] == "{" and tex[j - 1] == "_"


def slip(char: str, kind: str, rng: random.Random) -> str:
    if kind == "digit":
        return rng.choice([d for d in "0123456789" if d != char])
    if kind == "sign":
        return "+" if char == "-" else "-"
    return rng.choice([c for c in INDEX if c != char])


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
         str(project / "mkdocs.yml"), "-d", str(project / "site")],
        capture_output=True, text=True, cwd=project, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def first_error(output: str) -> str:
    """The line of the build's message that names the chapter and what is wrong."""
    lines = output.splitlines()
    for line in lines:
        if line.startswith("docs/") or "docs/" in line and "ERROR" not in line:
            return line.strip()[:160]
    return next((line.strip()[:160] for line in lines if "ERROR" in line), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=40, help="number of slips (default 40)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="mutate-") as folder:
        project = Path(folder)
        for name in ("docs", "snippets", "overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for name in ("node_modules", "textbook"):  # read only, as mkdocs.yml names them
            os.symlink(ROOT / name, project / name)
        chapters = sorted(project.joinpath("docs").rglob("*.md"))
        slips = [(page, offset, kind) for page in chapters
                 for offset, kind in candidates(page.read_text(encoding="utf-8"))]
        print(f"{len(slips)} places to slip in {len(chapters)} chapters; warming the caches")
        warm = build(project)
        if warm.returncode:
            sys.exit("the unchanged book does not build:\n" + warm.stderr[-2000:])
        caught = 0
        for number, (page, offset, kind) in enumerate(rng.sample(slips, args.n), 1):
            text = page.read_text(encoding="utf-8")
            new = slip(text[offset], kind, rng)
            line = text.count("\n", 0, offset) + 1
            start = text.rfind("\n", 0, offset) + 1
            end = text.find("\n", offset)
            before = text[start:end].strip()
            page.write_text(text[:offset] + new + text[offset + 1:], encoding="utf-8")
            try:
                result = build(project)
            finally:
                page.write_text(text, encoding="utf-8")
            where = f"{page.relative_to(project)}:{line}"
            verdict = "caught" if result.returncode else "MISSED"
            caught += bool(result.returncode)
            print(f"{number:3d}. {verdict:6s} {where}: {kind} {text[offset]!r} -> {new!r} "
                  f"in `{before[:70]}`")
            if result.returncode:
                print(f"       {first_error(result.stderr + result.stdout)}")
        print(f"\ncaught {caught} of {args.n} ({100 * caught / args.n:.0f}%), seed {args.seed}")


if __name__ == "__main__":
    main()
