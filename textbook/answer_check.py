"""The "check your answer" field under every exercise and task that has a check file.

Each check file's ANSWER and VARIABLES (exercises.py) become a request in the job of its
snippet file; the runner evaluates the answer at seeded points (answer_values.py). Under
the exercise's prompt, just before its folded answer, the page gets a marker in its
Markdown, and at the end a form whose `data-check` holds only those numbers (or a digest);
docs/assets/answer-check.js reads the reader's input with math.js and compares.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .errors import BookError
from .exercises import Exercise
from .notebooks import ADMONITION, ANY_FENCE, HEADING, heading_id
from .pages import Book

# math.js's browser bundle (`npm ci`), served by the site for answer-check.js.
MATHJS = Path(__file__).resolve().parent.parent / "node_modules/mathjs/lib/browser/math.js"
MARKER = re.compile(r"<!-- book-answer (?P<index>\d+) -->")


def snippet_of(exercise: Exercise) -> str:
    """The snippet (relative to snippets/) beside a check file."""
    return exercise.path.removeprefix("snippets/").removesuffix("_check.py") + ".py"


def request(exercise: Exercise) -> dict:
    """What the runner evaluates for one exercise."""
    return {"key": exercise.key, "answer": exercise.answer,
            "variables": {name: list(map(float, interval))
                          for name, interval in exercise.variables.items()}}


def task_lines(page: str, lines: list[str]) -> dict[str, int]:
    """Exercise key -> the line before which its answer field goes: its folded answer,
    else the end of its prompt. Keys as workbooks.find_tasks makes them."""
    found: dict[str, int] = {}
    seen: dict[str, int] = {}
    anchor, open_key, fence = "", None, ""
    for n, line in enumerate(lines):
        if fence or ANY_FENCE.match(line):  # code (the snippets' shown on the page) is skipped
            if not fence:
                fence = ANY_FENCE.match(line)["fence"]
            elif line.strip() == fence:
                fence = ""
            continue
        heading = HEADING.match(line)
        admonition = ADMONITION.match(line)
        if heading and not line.startswith((" ", "\t")):
            if open_key:  # a prompt with no folded answer: the field ends it
                found.setdefault(open_key, n)
            anchor, open_key = heading_id(heading["text"], line), None
            if re.match(r"Exercise \d+$", heading["text"]):
                open_key = f"{page}#{anchor}"
        elif admonition and not admonition["indent"] and admonition["kind"] == "question":
            if open_key:
                found.setdefault(open_key, n)
            key = f"{page}#{anchor}"
            seen[key] = seen.get(key, 0) + 1
            open_key = key + (f"-{seen[key]}" if seen[key] > 1 else "")
        elif admonition and admonition["kind"] == "success" and open_key:
            found[open_key] = n
            open_key = None
    if open_key:
        found.setdefault(open_key, len(lines))
    return found


def hint(data: dict) -> str:
    """What the reader is asked to type, from the answer's kind and shape (never its value)."""
    names = ", ".join(data["variables"])
    within = f" in {names}" if names else ""
    if data["kind"] in ("expression", "number"):
        v = (data["variables"] or ["x"])[0]
        return f"an expression{within}, e.g. 3*{v}^2 - 1/{v}" if names else "a number, e.g. -3/4"
    if data["kind"] == "vector":
        return f"a vector of {data['shape'][0]} entries{within}, e.g. [1, 2/3, -1]"
    rows, cols = data["shape"]
    return f"a {rows} × {cols} matrix{within}, row by row, e.g. [[0.5, -2], [7, 1]]"


def form_html(key: str, data: dict, question: str) -> str:
    """The answer field: hidden until answer-check.js shows it (JavaScript off: only the
    folded answer, as before). Its id is the exercise's heading anchor's, which is unique
    on the page and the same whichever pages a build renders."""
    field = f"answer-check-{key.split('#')[1]}"
    ask = html.escape(question or hint(data))
    check = html.escape(json.dumps({"key": key, **data}, separators=(",", ":")), quote=True)
    return (f'<form class="answer-check" data-check="{check}" hidden>'
            f'<label for="{field}">Check your answer: <span class="answer-check-hint">'
            f"{ask}</span></label>"
            f'<span class="answer-check-row"><input id="{field}" type="text" '
            'autocomplete="off" autocapitalize="off" spellcheck="false" inputmode="text">'
            '<button type="submit" class="md-button">Check</button></span>'
            '<p class="answer-check-result" aria-live="polite"></p></form>')


class AnswerFields:
    """The answer fields of one build: requests into jobs, markers into pages, forms out."""

    def __init__(self, exercises: dict[str, Exercise]):
        self.exercises = {key: e for key, e in exercises.items() if e.answer}
        self.placed: list[tuple[str, str]] = []  # (exercise key, chapter line), by marker

    def attach(self, book: Book) -> None:
        """Put each exercise's request in its snippet file's job."""
        for exercise in self.exercises.values():
            path = snippet_of(exercise)
            book.answers.setdefault(path, []).append(request(exercise))
            book.exports.setdefault(path, set())

    def page_markdown(self, page: str, markdown: str, book: Book) -> str:
        """A marker before the folded answer of each exercise of the page that has a check."""
        lines = markdown.split("\n")
        at = {key: n for key, n in task_lines(page, lines).items() if key in self.exercises}
        for key, n in sorted(at.items(), key=lambda item: -item[1]):
            if book.executor is None:
                continue  # nothing ran: no values to compare with
            book.file_job(snippet_of(self.exercises[key]), set())
            self.placed.append((key, f"docs/{page}:{n + 1}"))
            lines[n:n] = ["", f"<!-- book-answer {len(self.placed) - 1} -->", ""]
        return "\n".join(lines)

    def post_page(self, output: str, book: Book) -> str:
        """Each marker of a page becomes its form, with the values the runner computed."""
        def form(match: re.Match) -> str:
            key, where = self.placed[int(match["index"])]
            exercise = self.exercises[key]
            job = book.files[snippet_of(exercise)]
            result = book.executor.wait(job)
            data = (result.get("answers") or {}).get(key)
            if result["error"] or result["stderr"]:
                return ""  # the page reports the snippet's failure
            if data is None or "error" in data:
                raise BookError(
                    f"{exercise.path}:{exercise.answer_line}: ANSWER = {exercise.answer!r} "
                    f"of snippets/{snippet_of(exercise)}: "
                    f"{(data or {}).get('error', 'no value from the runner')} "
                    f"(the answer field before {where})")
            return form_html(key, data, exercise.question)
        return MARKER.sub(form, output)
