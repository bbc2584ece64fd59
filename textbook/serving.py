"""`mkdocs serve` shows a failed build in the browser, where it used to leave pages loading.

MkDocs' live-reload server answers a page only once the rebuild it waits for has ended
well: after a failed one, every request waits until the author fixes the fault, and the
first build's failure ends the server. So while serving, the plugin keeps a BookError
(and, in strict mode, MkDocs' warnings) instead of raising it, and at the end of the
build writes the message over every page of the site and 404.html (which the server
sends for a missing page); the build ends well, the server tells the open tab to reload,
and the tab shows the message. A rebuild that fails for another reason is shown the
same way.
`mkdocs build` raises, and fails, exactly as before.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.utils import CountHandler

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The build failed</title></head>
<body>
<h1>The build failed</h1>
<p>Fix the fault below: this page reloads once the book builds again.</p>
<pre style="white-space: pre-wrap">{message}</pre>
</body>
</html>
"""


def tell(message: str) -> None:
    """The failure in the terminal: printed, as MkDocs' log would count it a strict warning."""
    print(f"ERROR   -  {message}\n(every page of the site shows this until it is fixed)",
          file=sys.stderr, flush=True)


def show_failure(site: Path, message: str) -> None:
    """Write the message over every page of the built site, and as its 404 page."""
    page = PAGE.format(message=html.escape(message)).encode("utf-8")
    for path in [*site.rglob("*.html"), site / "404.html"]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)


class Warnings(logging.Handler):
    """The warnings and errors MkDocs logs during one rebuild."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class StrictWarnings:
    """Under `mkdocs serve` in strict mode, the warnings of one build (a dead link, say)
    are shown on the pages as a failure, instead of MkDocs aborting the build: an abort
    of the first build would end the server."""

    def __init__(self) -> None:
        self.handler = Warnings()
        logging.getLogger("mkdocs").addHandler(self.handler)

    def take(self) -> list[str]:
        """The build's warnings, which MkDocs then no longer counts against it."""
        log = logging.getLogger("mkdocs")
        log.removeHandler(self.handler)
        for handler in log.handlers:
            if isinstance(handler, CountHandler):
                handler.counts.clear()
        return self.handler.messages


def keep_serving(builder: Callable[[], None], site: Path) -> Callable[[], None]:
    """The server's rebuild, but a failure is shown on the pages instead of raised."""

    def rebuild() -> None:
        warnings, log = Warnings(), logging.getLogger("mkdocs")
        log.addHandler(warnings)
        try:
            builder()
        except Exception as err:  # noqa: BLE001 (any failure: the server would hang)
            tell(str(err))  # the warnings are in the log already
            show_failure(site, "\n".join([*warnings.messages, str(err)]))
        finally:
            log.removeHandler(warnings)

    return rebuild
