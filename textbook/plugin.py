"""The MkDocs plugin `book`: the engine's events, each handing over to a module.

Listed first under `plugins:` in mkdocs.yml, it starts the snippet runner as MkDocs reads
its configuration (`load_config`), so the runner imports NumPy, SymPy and Matplotlib while
MkDocs loads the other plugins. Options:

    plugins:
      - book:
          timeout: 30     # seconds a snippet may run (env BOOK_TIMEOUT overrides)
          execute: true   # run the snippets (env BOOK_EXECUTE=0: code only, for the benchmark)
          notebooks: true # chapter notebooks and workbooks (the benchmark switches them off)
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .answer_check import MATHJS, AnswerFields, snippet_of
from .build_info import BuildInfo
from .code_focus import focusable
from .equation_refs import EquationRefs
from .errors import BookError
from .executor import Executor, start_runner
from .exercises import Exercise, find_exercises
from .katex import KATEX
from .lazy_imports import defer
from .links import name_link_lines
from .memo import Memo, salt
from .no_script_dark import write as write_no_script_dark
from .notebook_pages import NotebookSite
from .pages import FIGURE, Book
from .rebuilds import Rebuilds
from .search_text import SearchText, weigh
from .section_refs import SectionRefs
from .sections import chapter_body, refuse_symlinks
from .serving import StrictWarnings, keep_serving, show_failure, tell
from .verification import link_snippets

# These live as long as the MkDocs process (as the plugin does: `mkdocs serve` keeps a plugin
# with on_startup for its rebuilds).
_executor: Executor | None = None  # reused by rebuilds
_serving = False


def executing(options: dict | Config) -> bool:
    """Whether snippets run: the `execute` option, unless BOOK_EXECUTE=0 says no."""
    return os.environ.get("BOOK_EXECUTE", "1") != "0" and (options or {}).get("execute", True)


def shown_when_serving(event):
    """Under `mkdocs serve`, a BookError of this event is kept, not raised: the build goes
    on, and its pages show the error (textbook/serving.py). The event's first argument
    goes on unchanged, or empty if it is a page's Markdown or HTML."""

    @functools.wraps(event)
    def run(self, *args, **kwargs):
        try:
            return event(self, *args, **kwargs)
        except BookError as err:
            if not _serving:
                raise
            self.failures.append(str(err))
            tell(str(err))
            first = [*args, *kwargs.values()][0]
            return "" if isinstance(first, str) else first

    return run


def snippet_seconds(option: float) -> float:
    """Seconds a snippet may run: BOOK_TIMEOUT, else the `timeout` option."""
    return float(os.environ.get("BOOK_TIMEOUT") or option)


class BookConfig(Config):
    """The plugin's options in mkdocs.yml."""

    timeout = config_options.Type((int, float), default=30)
    execute = config_options.Type(bool, default=True)
    notebooks = config_options.Type(bool, default=True)


class BookPlugin(BasePlugin[BookConfig]):
    """Runs every snippet, shows its output, typesets math; writes notebooks and workbooks."""

    def __init__(self):
        super().__init__()
        self.root = Path.cwd()  # the project: the folder of mkdocs.yml, set in on_config
        self.book: Book | None = None  # this build's pages
        self.refs = EquationRefs()  # which page shows each equation number, for `eq. (42)`
        self.sections = SectionRefs()  # which heading shows each section number, for `§2.4`
        self.texts: dict[str, str] = {}  # this build's chapters, as the references read them
        self.notebooks: NotebookSite | None = None  # and notebooks
        self.failures: list[str] = []  # under `mkdocs serve`: errors the pages show
        self.warnings: StrictWarnings | None = None  # and, in strict mode, warnings
        self.build: BuildInfo | None = None  # commit, date and versions (the stamp)
        self.exercises: dict[str, Exercise] = {}  # the exercises with a check, by key
        self.answers: AnswerFields | None = None  # their answer fields
        self.search_text = SearchText()  # formulas and excluded elements, out of the index
        self.rebuilds = Rebuilds()  # what a rebuild of `mkdocs serve --dirty` renders

    def load_config(self, options, config_file_path=None):
        """Start the runner: MkDocs is reading the configuration, so a build comes next.
        Defer what mkdocs-jupyter imports and may never use (textbook/lazy_imports.py)."""
        defer()
        if executing(options) and config_file_path:
            start_runner(Path(config_file_path).resolve().parent)
        return super().load_config(options, config_file_path)

    def timeout(self) -> float:
        """Seconds a snippet may run, by this build's option."""
        return snippet_seconds(self.config.timeout)

    def on_startup(self, command, dirty):
        """Note whether MkDocs serves: an idle runner then stays for the next rebuild;
        with --dirty, a rebuild renders only what an edit touches (textbook/rebuilds.py)."""
        global _serving
        _serving = command == "serve"
        if _serving and dirty:
            self.rebuilds.start()

    def on_shutdown(self):
        """Let the runner finish and end; remove this process's generated notebooks."""
        if _executor is not None:
            _executor.close()
        if self.notebooks is not None:
            self.notebooks.shutdown()

    def on_config(self, config):
        """Serve KaTeX's stylesheet from the site itself; take over (or start) the runner;
        the build's stamp for the footer template (config.extra.book_build)."""
        global _executor
        config.extra_css.insert(0, "assets/katex/katex.min.css")
        self.root = Path(config.config_file_path).resolve().parent
        self.failures = []  # `mkdocs serve` keeps this plugin (it has on_startup) for rebuilds
        self.warnings = StrictWarnings() if _serving and config.strict else None
        name_link_lines(Path(config.docs_dir), self.root)
        self.build = BuildInfo.of(self.root)
        config.extra["book_build"] = self.build.template()
        if executing(self.config) and _executor is None:  # one runner for all rebuilds
            _executor = Executor(self.root, self.timeout())
        if executing(self.config) and (_executor.process is None
                                       or _executor.process.poll() is not None):
            _executor.start()  # it imports its libraries while MkDocs reads the files
        self.exercises = find_exercises(self.root)
        self.answers = AnswerFields(self.exercises)
        self.rebuilds.own_search(config)
        if self.config.notebooks:
            self.notebooks = NotebookSite(lambda: self.book, self.root, config, self.build,
                                          self.exercises, lambda: (self.refs, self.sections))
        return config

    @event_priority(60)  # before the workbooks (below), whose words link to sections too
    @shown_when_serving
    def _refs_files(self, files: Files, config) -> Files:
        """Read every chapter, and which equation and section numbers each one shows."""
        self.refs, self.sections, self.texts = EquationRefs(), SectionRefs(), {}
        for file in files.documentation_pages():
            markdown = self.texts[file.src_uri] = chapter_body(file.content_string)
            self.refs.scan(file.src_uri, markdown)
            self.sections.scan(file.src_uri, markdown)
        return files

    @event_priority(50)  # before mkdocs-jupyter's on_files, so the workbooks become its pages
    @shown_when_serving
    def _notebooks_files(self, files: Files, config) -> Files:
        """Generate the workbooks from the chapters' source and add them as pages."""
        if self.notebooks is None:
            return files
        self.notebooks.seconds = 0.0
        return self.notebooks.timed(self.notebooks.files, files, config)

    @shown_when_serving
    def _book_files(self, files: Files, config) -> Files:
        """Add KaTeX's CSS and fonts and math.js to the site; find every chapter's snippets."""
        executor = _executor if executing(self.config) else None
        self.book = Book(executor, config, self.root, self.build, serving=_serving)
        if _executor is not None:
            _executor.executed = _executor.cached = 0
            _executor.cpu.clear()
        refuse_symlinks(self.root / "snippets")
        if not (KATEX / "katex.min.css").is_file():
            raise BookError("KaTeX is not installed: run `npm ci` in the repository root")
        for asset in [KATEX / "katex.min.css", *sorted((KATEX / "fonts").iterdir())]:
            uri = f"assets/katex/{asset.relative_to(KATEX).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        if not MATHJS.is_file():
            raise BookError("math.js is not installed: run `npm ci` in the repository root")
        files.append(File.generated(config, "assets/mathjs/math.js", abs_src_path=str(MATHJS)))
        self.answers.attach(self.book)
        for file in files.documentation_pages():
            markdown = self.texts.get(file.src_uri)  # (a page another plugin added since:)
            self.book.scan(file.src_uri, chapter_body(file.content_string)
                           if markdown is None else markdown)
        return files

    on_files = CombinedEvent(_refs_files, _notebooks_files, _book_files)

    @shown_when_serving
    def _notebooks_nav(self, nav, config, files):
        """The solutions notebooks are written while pages are read: run their snippets first."""
        if self.notebooks is not None:
            self.book.first(self.notebooks.needed())
        return nav

    @event_priority(-100)  # after other code has said which snippets it needs first
    def _book_nav(self, nav, config, files):
        """Queue every chapter's snippets: they run while the pages are read."""
        self.book.equations.order = [page.file.src_uri for page in nav.pages]
        self.book.submit()
        if _executor is not None and not _executor.executed and not _serving:
            _executor.stop()  # every result came from the cache
        if self.rebuilds.enabled:
            self.rebuilds.plan(self.root, config, files, *self.dependencies())
            self.book.partial = self.rebuilds.partial
        return nav

    def dependencies(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Each page's snippet files (what it shows or quotes, its exercises' check files
        and the snippets those check; for a solutions notebook, every file it quotes), and
        for each chapter the other pages made from its text (the equation counts, and the
        solutions notebook of its exercises)."""
        uses = {page: set(paths) for page, paths in self.book.uses.items()}
        readers = {page: set(self.book.counting) for page in uses}
        checks = set()
        for exercise in self.exercises.values():
            files = {exercise.path.removeprefix("snippets/"), snippet_of(exercise)}
            uses.setdefault(exercise.key.split("#")[0], set()).update(files)
            checks |= files
        if self.notebooks is not None:
            quoted = set(self.notebooks.needed()) | checks
            for uri, part in self.notebooks.generated.items():
                if uri.endswith("-solutions.ipynb"):
                    uses[uri] = quoted
                    for page in self.notebooks.workbooks.pages(part):
                        readers.setdefault(page, set()).add(uri)
        return uses, readers

    on_nav = CombinedEvent(_notebooks_nav, _book_nav)

    @event_priority(50)  # before mkdocs-jupyter reads the notebook for its cache key
    @shown_when_serving
    def on_pre_page(self, page, config, files):
        """Write a solutions notebook with this build's outputs just before its page; a
        chapter's HTML kept from an earlier build (textbook/rendered.py)."""
        self.book.rendered.keep(page)
        if self.notebooks is not None:
            self.notebooks.timed(self.notebooks.pre_page, page)
        return page

    @shown_when_serving
    def on_page_markdown(self, markdown, page, config, files):
        """Equation and section references and `snippet:` links; each exec block's code,
        and a marker for its output."""
        # MkDocs took the front matter off: blank lines in its place keep every message's
        # line the file's (unless another plugin changed the page).
        if page.meta and (body := chapter_body(page.file.content_string)).lstrip("\n") == (
                markdown):
            markdown = body

        def url(uri: str) -> str:
            return files.get_file_from_path(uri).url_relative_to(page.file)
        sections = self.sections.edits(page.file.src_uri, markdown, url)
        markdown = self.refs.link(page.file.src_uri, markdown, url, sections)
        self.refs.code(page.file.src_uri, markdown, self.root / "snippets")
        markdown = link_snippets(page.file.src_uri, markdown, self.root / "snippets", self.build)
        markdown = self.book.page_markdown(page.file.src_uri, markdown)
        return self.answers.page_markdown(page.file.src_uri, markdown, self.book)

    @shown_when_serving
    def on_page_content(self, content, page, config, files):
        """Typeset math in the table of contents; notebook links and notebook pages."""
        self.book.typeset_toc(page.toc)
        if self.notebooks is not None:
            content = self.notebooks.timed(self.notebooks.page_content, content, page, config)
        return content

    def on_env(self, env, config, files):
        """Write the pages that wait for no snippet first (home, reference, workbooks), then
        the chapters in the order their snippets run: a page written while snippets still run
        is not left over for the end, when the snippets are done and a core has nothing to do.
        """
        # Material's templates compiled once, not by every build (Jinja checks the source).
        compiled = self.root / ".cache" / "jinja"
        compiled.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
        self.rebuilds.keep_titles(files)  # the pages a partial rebuild does not render
        waiting = self.book.waiting  # all of them, rendered now or not: the sitemap's order
        for file in [f for f in files.documentation_pages() if f.src_uri in waiting]:
            files.remove(file)  # MkDocs writes pages in the order of `files`
            files.append(file)
        return env

    @event_priority(100)  # before the search plugin indexes the page
    @shown_when_serving
    def on_page_context(self, context, page, config, nav):
        """Every page is read: put in what snippets printed and drew, and typeset the math;
        search reads formulas as TeX and skips what is marked data-search-exclude."""
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        page.content = self.book.page_context(page.file.src_uri, source, page.content,
                                              self.search_text.formula)
        page.content = self.search_text.hold(page.content)
        return context

    @shown_when_serving
    def on_post_page(self, output, page, config):
        """What search skipped goes back, then figures (the index has no use for their SVG);
        wide code blocks are focusable before Material mounts them (textbook/code_focus.py)."""
        output = self.search_text.restore(output)
        output = FIGURE.sub(lambda m: self.book.figures[int(m["index"])], output)
        output = focusable(self.answers.post_page(output, self.book))
        if self.notebooks is not None:
            self.notebooks.timed(self.notebooks.post_page, page)
        self.rebuilds.remember(page)
        return output

    @shown_when_serving
    def _book_post_build(self, config):
        """Stop KaTeX, say what ran; list the notebooks written; the dark theme without JS."""
        self.book.close()
        write_no_script_dark(Path(config.site_dir), config.extra_css, Memo(
            self.root / ".cache" / "book" / "no-script-dark.json", salt(
                sources=("no_script_dark.py",))))
        if self.notebooks is not None:
            self.notebooks.post_build(config, self.rebuilds.merge_notebooks,
                                      complete=not self.rebuilds.partial)
            if self.rebuilds.partial:
                self.notebooks.keep_rendered(config)

    @event_priority(-100)  # after every other plugin has written its files
    def _serve_post_build(self, config):
        """Under `mkdocs serve`, every page shows what failed, and in strict mode what
        MkDocs warned of."""
        failures = [*self.failures, *(self.warnings.take() if self.warnings else [])]
        if failures:
            self.rebuilds.failed()
            show_failure(Path(config.site_dir), "\n\n".join(dict.fromkeys(failures)))

    @event_priority(-50)  # after the search plugin has written its index
    def _search_post_build(self, config):
        """Weigh the entries of the search index (textbook/search_text.py)."""
        index = Path(config.site_dir) / "search" / "search_index.json"
        self.rebuilds.merge_search(index)  # a partial build indexed only its pages
        if index.is_file():
            weigh(index)

    on_post_build = CombinedEvent(_book_post_build, _search_post_build, _serve_post_build)

    def on_serve(self, server, config, builder):
        """A rebuild that fails for another reason (a strict-mode warning) shows too."""
        server.builder = keep_serving(server.builder, Path(config.site_dir))
        return server

    def on_build_error(self, error):
        """A failed build still stops its KaTeX process; the next one builds every page.
        Its snippets stop too, unless MkDocs serves (the runner stays for the next build)."""
        if _executor is not None and not _serving:
            _executor.abort()
        self.rebuilds.failed()
        if self.warnings is not None:
            self.warnings.take()
        if self.book is not None:
            self.book.katex.close()

