"""Workbooks: each part's exercises as answer cells with checks, and a solutions notebook.

The exercises are found in the chapters (Part II's numbered exercises, Part I's "Try it
yourself" questions); their checks beside the snippets (exercises.py).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .errors import BookError
from .exercises import Exercise, answer_name, check_source
from .notebook_json import Node, new_code_cell, new_markdown_cell
from .notebooks import ADMONITION, HEADING, Builder, dedent_block, heading_id, page_url
from .sections import find_blocks, find_computed, page_title

PARTS = {"part-1": "Part I", "part-2": "Part II"}


@dataclass
class Task:
    """One exercise as found on a chapter page."""

    key: str
    page: str
    title: str  # heading text of the exercise or of its section
    prompt: list[str]  # markdown lines
    answer: list[str]  # markdown lines of the answer, when the page has one
    anchor: str = ""  # the id of the heading above it, on the chapter's page
    answer_line: int = 0  # the chapter's line of the answer's first line


def find_tasks(page: str, markdown: str) -> list[Task]:
    """Part II's numbered exercises and Part I's "Try it yourself" questions of a chapter."""
    tasks: list[Task] = []
    lines = markdown.splitlines()
    heading, anchor = "", ""
    seen: dict[str, int] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        match = HEADING.match(line)
        if match and not line.startswith((" ", "\t")):
            heading, anchor = match["text"], heading_id(match["text"], line)
            if re.match(r"Exercise \d+$", heading):
                body, answer, j = [], [], i + 1
                while j < len(lines) and not HEADING.match(lines[j]):
                    body.append(lines[j])
                    j += 1
                split = next((n for n, text in enumerate(body)
                              if (m := ADMONITION.match(text)) and m["kind"] == "success"),
                             len(body))
                prompt, answer = body[:split], dedent_block(body[split + 1:], "    ")
                tasks.append(Task(f"{page}#{anchor}", page, heading, prompt, answer, anchor,
                                  i + split + 3))
                i = j
                continue
        admonition = ADMONITION.match(line)
        if admonition and admonition["kind"] == "question" and not admonition["indent"]:
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                j += 1
            prompt = dedent_block(lines[i + 1:j], "    ")
            answer: list[str] = []
            answer_line = j + 2
            if j < len(lines) and (m := ADMONITION.match(lines[j])) and m["kind"] == "success":
                k = j + 1
                while k < len(lines) and (not lines[k].strip() or lines[k].startswith("    ")):
                    k += 1
                answer = dedent_block(lines[j + 1:k], "    ")
                j = k
            key = f"{page}#{anchor}"
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key += f"-{seen[key]}"
            # A question box titled "Exercise 2.3.1" (the book's own) is named by its title.
            title = admonition["title"] or ""
            named = title if title.startswith("Exercise") else heading
            tasks.append(Task(key, page, named, prompt, answer, anchor, answer_line))
            i = j
            continue
        i += 1
    return tasks


class Workbooks:
    """The workbook and solutions notebook of each part, as generated pages."""

    def __init__(self, sources: dict[str, str], exercises: dict[str, Exercise],
                 order: list[str] = ()):
        self.sources = sources  # chapter path -> markdown
        self.exercises = exercises  # key -> the exercise's check, from snippets/
        self.tasks: dict[str, list[Task]] = {}
        for part in PARTS:
            ranked = {page: n for n, page in enumerate(order)}  # the nav's reading order
            self.tasks[part] = [task for page, text in sorted(
                                    sources.items(),
                                    key=lambda item: (ranked.get(item[0], len(ranked)),
                                                      nav_order(item)))
                                if page.startswith(part + "/") for task in find_tasks(page, text)]
        keys = [task.key for part in PARTS for task in self.tasks[part]]
        for exercise in exercises.values():
            if exercise.key not in keys:
                raise BookError(f"{exercise.path}: EXERCISE = {exercise.key!r} names no "
                                "exercise of a chapter")
        # The checks in the order of the exercises in the book.
        self.checked = [exercises[key] for key in keys if key in exercises]

    def pages(self, part: str) -> set[str]:
        """The chapters whose exercises the part's workbooks hold."""
        return {task.page for task in self.tasks[part]}

    def needed(self) -> list[str]:
        """The snippet files the solutions notebooks show or quote, in their order."""
        paths: list[str] = []
        for part in PARTS:
            for task in self.tasks[part]:
                text = "\n".join(task.prompt + task.answer)
                try:
                    paths += [block.path for block in find_blocks(task.page, text)]
                except BookError:
                    pass  # the chapter's own page reports it
                paths += [path for path, _, _ in find_computed(text)]
        return list(dict.fromkeys(paths))

    def uris(self) -> dict[str, str]:
        """Generated file -> the part it belongs to."""
        out = {}
        for part in PARTS:
            out[f"workbooks/{part}.ipynb"] = part
            out[f"workbooks/{part}-solutions.ipynb"] = part
        return out

    def workbook(self, builder: Builder, part: str) -> Node:
        """A part's workbook: the check functions, then each exercise and its answer cell."""
        name = PARTS[part]
        cells = [
            new_markdown_cell(
                f"# {name} workbook\n\n"
                f"The exercises of {name} of *Verified Mathematics for Machine Learning*, to "
                "work in Jupyter or Colab. Run the next code cell once (it is folded: it "
                "only defines a `check_...` function for each exercise). Then, under each "
                "exercise, replace `...` by your answer and run the cell: the check says "
                "only whether yours is right, whatever equivalent form you write it in. "
                "Try each exercise before you look at its worked answer in the "
                f"[solutions notebook]({builder.site_url}workbooks/{part}-solutions/)."),
            checks_cell(check_source(self.checked)),
        ]
        for task in self.tasks[part]:
            cells.append(new_markdown_cell(self.prompt(builder, task)))
            exercise = self.exercises.get(task.key)
            if exercise is None:
                cells.append(new_code_cell("# Your working (no automatic check)\n"))
                continue
            cell = new_code_cell(
                exercise.template + f"{exercise.name}("
                + answer_name(exercise.template) + ")")
            cell.metadata["exercise"] = task.key
            cells.append(cell)
        return builder.notebook(cells, f"{name} workbook")

    def solutions(self, builder: Builder, part: str) -> Node:
        """A part's solutions: each exercise, then the chapter's worked answer."""
        name = PARTS[part]
        cells = [new_markdown_cell(
            f"# {name} workbook: solutions\n\nThe worked answers of the "
            f"[{name} workbook]({builder.site_url}workbooks/{part}/), with the book's "
            "snippets and the output they printed when the site was built.")]
        count = [0]
        for task in self.tasks[part]:
            cells.append(new_markdown_cell(self.prompt(builder, task)))
            if task.answer:
                cells += builder.full(task.page, "\n".join(task.answer), count,
                                      first=task.answer_line)
            else:
                cells.append(new_markdown_cell("*The chapter gives no answer.*"))
        return builder.notebook(cells, f"{name} workbook: solutions")

    def prompt(self, builder: Builder, task: Task) -> str:
        """An exercise's heading and prompt, and a link to where the chapter has it."""
        title = page_title(self.sources[task.page])
        where = f"{builder.site_url}{page_url(task.page)}#{task.anchor}"
        head = (f"## {task.title}" if task.title.startswith("Exercise")
                else f"## {title}: {task.title}")
        text = builder.prose("\n".join(task.prompt), task.page)
        return f"{head}\n\n{text}\n\n*From [{title}]({where}).*"


def checks_cell(source: str) -> Node:
    """The cell of check functions: folded in Jupyter, left off the workbook's page."""
    cell = new_code_cell("# The checks of this workbook's exercises: run this cell once.\n"
                         + source)
    cell.metadata["jupyter"] = {"source_hidden": True}
    cell.metadata["tags"] = ["workbook-checks"]  # mkdocs.yml: remove_input_tags
    return cell


def nav_order(item: tuple[str, str]) -> tuple:
    """Sort key of (chapter, text) in page-tree order: a folder's index.md first."""
    page = item[0]
    return (posixpath.dirname(page), not page.endswith("index.md"), page)
