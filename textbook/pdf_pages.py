"""The print documents of textbook/pdf.py, assembled from the pages of a built site.

`book_document` joins the book's pages in the order of mkdocs.yml's nav into one HTML
document: a cover, a table of contents, then each page with its headings moved down to
its depth in the nav (parts, chapters, sections), its ids made unique, its links to other
pages pointed at their place in the document, answers opened and the site's chrome
removed. `questions_document` takes only the exercises, without their answers, each
followed by space to work. Both come from the same HTML the site serves: the executed
outputs, KaTeX and figures are those of the build.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from .errors import BookError
from .notebooks import page_url

# Figures and formulas (three in four of a page's elements) are kept out of the parser,
# which is slow, as numbered slots, and put back as they were.
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
KATEX = re.compile(r'<span class="katex">')
SPAN = re.compile(r"<span\b|</span>")
SLOT = re.compile(r'<kept-slot n="(\d+)"></kept-slot>')
_SVG_ID = re.compile(r'(\bid="|href="#|url\(#)(?=[^")])')
CHROME = ("a.md-content__button, a.headerlink, .notebook-links, button, form, input, "
          ".md-source-file, script, noscript")
_URL_REF = re.compile(r"url\(#([^)]+)\)")


@dataclass
class Entry:
    """A page of the nav (uri set) or a group of pages without a page of its own."""

    title: str  # as the nav names it: the running footer's text
    uri: str | None
    depth: int  # 0: top level (a part); 1: a chapter in it; 2: a page of a chapter group
    part: str = ""  # the title of the top-level group it is in
    anchor: str = ""  # its id in the print document
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, id, html


def nav_entries(nav: list, skip: set[str], depth: int = 0, part: str = "") -> list[Entry]:
    """The pages of mkdocs.yml's nav in order, without the groups named in `skip`.

    A group whose first item is an index.md page (navigation.indexes) is that page; any
    other group gets an entry of its own; their pages come one level deeper.
    """
    entries: list[Entry] = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
        if title in skip:
            continue
        if isinstance(value, str):
            entries.append(Entry(title, value, depth, part))
            continue
        head = next(iter(value[0].values())) if isinstance(value[0], dict) else value[0]
        first = head if isinstance(head, str) and head.endswith("index.md") else None
        entries.append(Entry(title, first, depth, part or title))
        rest = value[1:] if first else value
        entries += nav_entries(rest, skip, depth + 1, part or title)
    return entries


def slug(uri: str) -> str:
    """A page's id prefix in the print document: part-2/calculus.md -> p-part-2-calculus."""
    return "p-" + (page_url(uri).strip("/").replace("/", "-") or "home")


class Pages:
    """The built pages of a site, read once, with their links resolved for a print document."""

    def __init__(self, site: Path, site_url: str, entries: list[Entry]):
        self.site, self.site_url = site, site_url.rstrip("/") + "/"
        self.kept: list[str] = []  # figures and formulas, out of the pages while parsed
        self.inside = {"/" + page_url(e.uri): slug(e.uri) for e in entries if e.uri}
        soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
        self.sheets = [link["href"] for link in soup.select('head link[rel="stylesheet"]')
                       if not urllib.parse.urlsplit(link["href"]).scheme] + ["assets/print.css"]
        # What built these pages, as their footer says it: the PDFs name the same build.
        stamp = soup.select_one("footer p.book-build")
        if stamp is None:
            raise BookError(f"{site / 'index.html'} shows no build stamp (p.book-build in its "
                            "footer): print a site that the book plugin built")
        self.stamp = " ".join(stamp.decode_contents().split())

    def article(self, uri: str) -> Tag:
        """A page's <article>, without the site's buttons, permalinks and notebook links."""
        path = self.site / page_url(uri) / "index.html"

        def keep(match: re.Match) -> str:  # ids of a figure prefixed as relink() does
            return self.slot(_SVG_ID.sub(rf"\g<1>{slug(uri)}--", match.group(0)))

        text = self.formulas_kept(SVG.sub(keep, path.read_text(encoding="utf-8")))
        soup = BeautifulSoup(text, "html.parser")
        article = soup.select_one("article.md-content__inner")
        for tag in article.select(CHROME):
            tag.decompose()
        return article

    def may_ask(self, uri: str) -> bool:
        """Whether a page may hold an exercise (`questions`), without parsing it: a heading
        "Exercise ..." or a question box."""
        text = (self.site / page_url(uri) / "index.html").read_text(encoding="utf-8")
        text = text[text.find("<article"):text.find("</article>")]  # (the nav names them)
        return "Exercise" in text or ("admonition" in text and "question" in text)

    def slot(self, kept: str) -> str:
        self.kept.append(kept)
        return f'<kept-slot n="{len(self.kept) - 1}"></kept-slot>'

    def formulas_kept(self, text: str) -> str:
        """The page with each KaTeX formula (a span of spans, without ids or links) in a
        slot."""
        out, end = [], 0
        for start in (m.start() for m in KATEX.finditer(text)):
            if start < end:
                continue  # (KaTeX does not nest)
            depth = 0
            for tag in SPAN.finditer(text, start):
                depth += 1 if tag[0] == "<span" else -1
                if depth == 0:
                    break
            out += [text[end:start], self.slot(text[start:tag.end()])]
            end = tag.end()
        return "".join(out) + text[end:]

    def relink(self, article: Tag, uri: str, here: bool = True) -> None:
        """Ids prefixed with the page's slug; links to pages of the document become links
        within it (when `here`), other links to the site go to the published site."""
        prefix, base = slug(uri), "/" + page_url(uri)
        for tag in article.find_all(True):
            if tag.get("id"):
                tag["id"] = f"{prefix}--{tag['id']}"
            for name, value in list(tag.attrs.items()):
                if isinstance(value, str) and "url(#" in value:
                    tag[name] = _URL_REF.sub(rf"url(#{prefix}--\1)", value)
            for name in ("href", "xlink:href", "src"):
                if isinstance(tag.get(name), str):
                    tag[name] = self.target(tag[name], prefix, base, here, name == "src")

    def target(self, href: str, prefix: str, base: str, here: bool, asset: bool) -> str:
        if href.startswith("#") and (here or not href[1:]):
            return f"#{prefix}--{href[1:]}" if href[1:] else f"#{prefix}"
        if urllib.parse.urlsplit(href).scheme:
            return href
        path, _, anchor = urllib.parse.urljoin(base, href).partition("#")
        if asset:
            return path  # served from the site's root while printing
        if here and path in self.inside:
            return f"#{self.inside[path]}" + (f"--{anchor}" if anchor else "")
        return self.site_url + path.lstrip("/") + (f"#{anchor}" if anchor else "")

    def html(self, tag: Tag | str) -> str:
        """HTML with its figures and formulas back in (a formula's own slots too: KaTeX's
        SVG)."""
        return SLOT.sub(lambda m: self.html(self.kept[int(m[1])]), str(tag))

    def frame(self, styles: str, body: str, kind: str) -> str:
        """A print document: the home page's stylesheets in its order, then the print
        stylesheet; the light scheme. The figures and formulas of its pages, its contents
        and its questions are put back here, once."""
        body = self.html(body)
        links = "".join(f'<link rel="stylesheet" href="/{s}">' for s in self.sheets)
        return (f'<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">{links}'
                f"<style>{styles}</style></head><body class=\"{kind}\" "
                'data-md-color-scheme="default" data-md-color-primary="indigo" '
                f'data-md-color-accent="indigo">{body}</body></html>')


def heading_html(tag: Tag) -> str:
    """A heading's content as HTML, for the table of contents."""
    return "".join(str(child) for child in tag.children)


def shift_headings(article: Tag, entry: Entry) -> None:
    """h1 of a page at nav depth d becomes h(d+1), and so on down; records them."""
    for tag in article.find_all(re.compile(r"^h[1-6]$")):
        level = min(int(tag.name[1]) + entry.depth, 6)
        tag.name = f"h{level}"
        tag["class"] = tag.get("class", []) + [f"pdf-h{int(level) - entry.depth}"]
        entry.headings.append((int(tag.name[1]) - entry.depth, tag["id"], heading_html(tag)))


def running_footer(index: int, entry: Entry) -> str:
    """A named page per chapter: its margin box names the part and the chapter."""
    text = " · ".join(t for t in (entry.part.split(" · ")[0], entry.title) if t)
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'@page c{index} {{ @bottom-left {{ content: "{quoted}"; }} }}\n'


def book_body(pages: Pages, entries: list[Entry]) -> tuple[str, str]:
    """The book's pages as one document body, and the style of their running footers.
    Records each entry's headings (for the contents) as it goes."""
    body, styles = [], []
    for index, entry in enumerate(entries):
        styles.append(running_footer(index, entry))
        if entry.uri is None:  # a group's title, on the page of its first chapter
            entry.anchor = f"g{index}"
            tag = f"h{entry.depth + 1}"
            body.append(f'<section class="pdf-group" style="page: c{index + 1}">'
                        f'<{tag} id="{entry.anchor}" class="pdf-h1">{html.escape(entry.title)}'
                        f"</{tag}></section>")
            entry.headings = [(1, entry.anchor, html.escape(entry.title))]
            continue
        article = pages.article(entry.uri)
        pages.relink(article, entry.uri)
        shift_headings(article, entry)
        entry.anchor = slug(entry.uri)
        for tag in article.select("details.snippet-checks, form.answer-check"):
            tag.decompose()  # the site's folded checks and answer fields: not for paper
        for details in article.find_all("details"):
            details["open"] = ""
        article.name, article["class"] = "section", ["md-typeset", "pdf-page"]
        article["id"], article["style"] = entry.anchor, f"page: c{index}"
        body.append(str(article))
    return "".join(body), "".join(styles)


def heading_ids(entries: list[Entry]) -> list[str]:
    """The ids of the book document's headings in order: its outline's entries."""
    return ["contents", *(anchor for entry in entries for _, anchor, _ in entry.headings)]


def contents(entries: list[Entry], numbers: dict[str, int]) -> str:
    """Table of contents: groups, pages and their sections (a page's h2), with page numbers.
    Page numbers are four figures wide until known, so that the second print lays out as
    the first."""
    rows = []
    for entry in entries:
        for level, anchor, text in entry.headings:
            if level > 2:
                continue
            depth = entry.depth + level - 1
            number = numbers.get(anchor, "0000")
            rows.append(f'<li class="toc-{depth}"><a href="#{anchor}"><span class="toc-title">'
                        f'{text}</span><span class="toc-page">{number}</span></a></li>')
    return (f'<nav class="pdf-toc"><h1 id="contents" class="pdf-h1">Contents</h1>'
            f'<ol>{"".join(rows)}</ol></nav>')


def book_document(pages: Pages, entries: list[Entry], cover: str, body: tuple[str, str],
                  numbers: dict[str, int]) -> str:
    """The whole book: cover, contents (page numbers from `numbers`, id -> page), pages;
    and a hidden link to every heading, which gives each a named destination in the PDF
    (pdf.heading_pages reads an untagged print's by them)."""
    links = "".join(f'<a href="#{anchor}"></a>' for anchor in heading_ids(entries))
    return pages.frame(body[1], cover + contents(entries, numbers) + f"<nav hidden>{links}</nav>"
                       + body[0], "pdf-book")


# --- The questions ------------------------------------------------------------------


def questions(pages: Pages, entries: list[Entry]) -> list[tuple[Entry, str, str, Tag]]:
    """Every exercise of the book: (page, its heading's id, title, prompt without answer).

    An exercise is a heading that starts with "Exercise" (its prompt: what follows it up
    to its answer, a `details`, or the next heading) or a question box ("Try it
    yourself"; its answer is the `details` after it, left out).
    """
    found = []
    for entry in entries:
        if entry.uri is None or not pages.may_ask(entry.uri):
            continue
        article = pages.article(entry.uri)
        pages.relink(article, entry.uri, here=False)
        section = ""
        for tag in article.find_all(re.compile(r"^h[1-6]$|^div$")):
            if tag.name.startswith("h"):
                section = tag
                if tag.get_text(" ", strip=True).startswith("Exercise"):
                    found.append((entry, tag["id"], heading_html(tag), prompt_after(tag)))
            elif "question" in tag.get("class", []) and "admonition" in tag["class"]:
                title = tag.select_one(".admonition-title")
                name = title.get_text(strip=True) if title else "Question"
                if title:
                    title.decompose()
                context = heading_html(section) if section else ""
                tag["class"] = ["q-box"]
                found.append((entry, section["id"], f"{context} — {html.escape(name)}", tag))
    for *_, prompt in found:
        for tag in prompt.select(".snippet, details"):
            tag.decompose()  # an answer, or code that prints one
    return found


def prompt_after(heading: Tag) -> Tag:
    """What follows an exercise's heading up to its answer (a `details`); nothing when no
    answer comes before the next heading, as then the prose that follows answers it."""
    prompt = BeautifulSoup("<div></div>", "html.parser").div
    run, node = [], heading.find_next_sibling()
    while node is not None and node.name != "details" and not re.match(r"h[1-6]$", node.name):
        run.append(node)
        node = node.find_next_sibling()
    if node is not None and node.name == "details":
        for tag in run:
            prompt.append(tag.extract())
    return prompt


def questions_document(pages: Pages, entries: list[Entry], cover: str,
                       numbers: dict[str, int], found: list[tuple[Entry, str, str, Tag]]
                       ) -> str:
    """The practice sheets: each exercise `questions` found, where the book has it, and
    room to work."""
    body, part = [], None
    for entry, anchor, title, prompt in found:
        if entry.part != part:
            part = entry.part
            body.append(f'<h1 class="pdf-h1 q-part">{html.escape(part)}</h1>')
        where = html.escape(next(e.title for e in entries if e.uri == entry.uri))
        page = numbers.get(anchor)  # the ids are those of the book's print document
        where += f", page {page} of the book" if page else ""
        link = pages.site_url + page_url(entry.uri) + "#" + anchor.split("--", 1)[-1]
        body.append(f'<section class="question"><h2 class="pdf-h2">{title}</h2>'
                    f'<p class="q-where">From <a href="{link}">{where}</a></p>'
                    f'<div class="q-prompt md-typeset">{prompt}'
                    '</div><div class="q-work" aria-label="space to work"></div></section>')
    footer = '@page { @bottom-left { content: "Exercises, without answers"; } }'
    return pages.frame(footer, cover + "".join(body), "pdf-questions")
