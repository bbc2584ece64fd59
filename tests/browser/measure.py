"""Headless Chromium as the browser tests and the benchmark use it.

Shared by tests/browser/conftest.py (fixtures) and the benchmark script:

- `chromium_path()`, `launch(playwright)`: Debian's Chromium with the prescribed flags;
- `serve(site)`: a built site on http://127.0.0.1:<free port>/<site_url path>/;
- `page_weight_and_visible(url)`: transferred bytes of a cold page load, and the time
  until its KaTeX math and snippet figures are visible;
- `page_speed(browser, url)`: a cold load on a throttled phone: elements, largest
  contentful paint, load event, when the page's controls work, bytes transferred.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import shutil
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MISSING = ("CHROMIUM IS MISSING: the real-browser tests need /usr/bin/chromium or `chromium` "
           "on PATH (Debian: apt-get install chromium); Playwright's own download is not used.")


def chromium_path() -> str | None:
    """$CHROMIUM if set; else Debian's /usr/bin/chromium, else `chromium` on PATH, else None."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def launch(playwright):
    """Headless Chromium from the system, with the flags that keep it off the network."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(MISSING)
    return playwright.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)


def is_local(url: str) -> bool:
    """A URL the page may load: the test server on 127.0.0.1, or inline data."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname == "127.0.0.1"


# --- Serving a built site -----------------------------------------------------------


def site_url(config: Path = ROOT / "mkdocs.yml") -> str:
    """site_url of the book, ending in '/': e.g. 'https://example.org/verified-textbook/'."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and friends
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    url = data.get("site_url") or "http://127.0.0.1/"
    return url if url.endswith("/") else url + "/"


def site_prefix(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path the book is published under, from site_url: e.g. '/verified-textbook/'."""
    return urllib.parse.urlsplit(site_url(config)).path or "/"


TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb", ".txt"}  # served gzipped
GZIP_LEVEL = 6  # as GitHub Pages compresses


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site under a prefix, as the published book is; 404.html for the rest.

    sitemap.xml names the published site_url; it is served with the URL the site has here,
    as `mkdocs serve` does. (Material's instant navigation looks links up in the sitemap
    after copying over only the scheme and host name, not the port, so without this every
    link on a test port would be followed with a full page load.)
    """

    prefix = "/"
    published = ""
    compress = False  # gzip text as GitHub Pages does (the benchmark's "transferred" size)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            file = file / "index.html"
        if (self.compress and file.is_file() and file.suffix in TEXT
                and "gzip" in self.headers.get("Accept-Encoding", "")
                and not path.endswith("/sitemap.xml")):
            data = gzip.compress(file.read_bytes(), GZIP_LEVEL)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(file)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None
        if not path.endswith("/sitemap.xml") or not file.is_file() or not self.published:
            return super().do_GET()
        here = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        body = file.read_text(encoding="utf-8").replace(self.published, here + self.prefix)
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def translate_path(self, path: str) -> str:
        clean = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "\0outside")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002  (the base class's argument name)
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a closed tab is no error
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site: Path, config: Path = ROOT / "mkdocs.yml", *,
          compress: bool = False) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port, threaded); yields its base URL.

    The site is served under the path of its site_url, as published, so that absolute
    links (those of the 404 page) work.
    """
    published = site_url(config)
    prefix = urllib.parse.urlsplit(published).path or "/"
    handler = type("Handler", (_Handler,),
                   {"prefix": prefix, "published": published, "compress": compress})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


# --- The benchmark's measurement ----------------------------------------------------

# True, as performance.now() (ms since navigation start), once every formula and figure
# has a box on screen and the KaTeX fonts are in.
VISIBLE = """() => {
  if (document.readyState === "loading" || document.fonts.status !== "loaded") return false;
  const items = document.querySelectorAll(".katex, figure.snippet-figure svg, article img");
  for (const item of items) {
    const box = item.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (item.tagName === "IMG" && !(item.complete && item.naturalWidth > 0)) return false;
  }
  return performance.now();
}"""


def page_weight_and_visible(url: str, *, javascript: bool = True) -> dict:
    """Cold load of one page in a fresh context: bytes transferred, ms to math and figures.

    `bytes` sums what every response put on the wire (headers and body) until the network
    is idle, the search index included. `ms_to_math_and_figures` is measured inside the
    page from navigation start. With javascript=False the time is taken at the load event
    (the math is HTML and CSS, so it shows without scripts).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context = browser.new_context(java_script_enabled=javascript)
            context.route(lambda u: not is_local(u), lambda route: route.abort())
            finished = []
            context.on("requestfinished", lambda request: finished.append(request))
            page = context.new_page()
            page.goto(url, wait_until="commit")
            if javascript:
                handle = page.wait_for_function(VISIBLE, polling="raf", timeout=60_000)
                ms = float(handle.json_value())
            else:
                page.wait_for_load_state("load")
                ms = None
            page.wait_for_load_state("networkidle")
            if ms is None:
                timing = page.evaluate("() => performance.getEntriesByType('navigation')[0]"
                                       ".loadEventEnd")
                ms = float(timing)
            total = 0
            for request in finished:
                sizes = request.sizes()
                total += sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)
            context.close()
        finally:
            browser.close()
    return {"bytes": int(total), "ms_to_math_and_figures": round(ms, 1)}


# A mid-range phone, as Lighthouse's mobile preset has it: a 390 px screen, the CPU 4x slower.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}
THROTTLE = 4
BUDGET = {"lcp_ms": 2500, "load_ms": 4000, "kib": 400}  # issue 16: Core Web Vitals' "good"

# Before the page's own scripts: record the largest contentful paint, and when Material's
# bundle has wired the page (copy buttons, search, theme toggle): its `document$` emits, and
# every component's handler of that emission has run (the timeout comes after them).
SPEED_PROBE = """
window.__book = {lcp: 0, ready: null};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__book.lcp = entry.startTime;
}).observe({type: "largest-contentful-paint", buffered: true});
let documents;
Object.defineProperty(window, "document$", {
  configurable: true,
  get() { return documents; },
  set(value) {
    documents = value;
    value.subscribe(() => setTimeout(() => {
      if (window.__book.ready === null) window.__book.ready = performance.now();
    }));
  },
});
"""
SPEED_READ = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  return {lcp_ms: window.__book.lcp, load_ms: navigation.loadEventEnd,
          ready_ms: window.__book.ready, elements: document.getElementsByTagName("*").length};
}"""


def page_speed(browser, url: str) -> dict:
    """One cold load of `url` in a fresh context on a throttled phone (PHONE, THROTTLE).

    Returns elements, lcp_ms, load_ms, ready_ms (Material's controls wired: None if they
    never were) and bytes (what every response put on the wire, with the server's
    compression)."""
    context = browser.new_context(**PHONE)
    try:
        context.route(lambda u: not is_local(u), lambda route: route.abort())
        context.add_init_script(SPEED_PROBE)
        finished = []
        context.on("requestfinished", lambda request: finished.append(request))
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                           {"rate": THROTTLE})
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_load_state("networkidle")
        result = page.evaluate(SPEED_READ)
        sizes = [request.sizes() for request in finished]
        result["bytes"] = sum(size["responseHeadersSize"] + max(size["responseBodySize"], 0)
                              for size in sizes)
        return {key: round(value) if isinstance(value, float) else value
                for key, value in result.items()}
    finally:
        context.close()


if __name__ == "__main__":  # python tests/browser/measure.py URL
    import json

    print(json.dumps(page_weight_and_visible(sys.argv[1])))
