"""Fixtures of the browser tests: the built book served on 127.0.0.1, and headless Chromium.

Each pytest-xdist worker is a process of its own, so the session-scoped fixtures here (the
server and the browser) exist once per worker; each test gets a fresh browser context.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure  # noqa: E402  (the harness this folder shares with the benchmark)

_ROOT_CONFTEST = str(Path(__file__).resolve().parents[1] / "conftest.py")


def pytest_plugin_registered(plugin, manager):
    """Hand the module name `conftest` back to tests/conftest.py.

    Without __init__.py files every conftest.py is imported as `conftest`, and loading this
    one replaces tests/conftest.py in sys.modules; the test modules of tests/ that run
    `from conftest import ...` after this folder was collected would then get this file.
    """
    for candidate in manager.get_plugins():
        if getattr(candidate, "__file__", None) == _ROOT_CONFTEST:
            sys.modules["conftest"] = candidate
            return


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Chromium; skips loudly without it, or fails when CI is set."""
    path = measure.chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{measure.MISSING} CI is set: a missing browser is a failure.",
                        pytrace=False)
        sys.stderr.write(f"\n{'!' * 78}\n{measure.MISSING}\nSKIPPING THE BROWSER TESTS\n"
                         f"{'!' * 78}\n")
        pytest.skip(f"SKIPPED: {measure.MISSING}")
    return path


@pytest.fixture(scope="session")
def base_url(chromium, site):
    """The built book on http://127.0.0.1:<free port>/<site_url path>/, one per worker."""
    with measure.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium):
    """One headless Chromium per worker, with the prescribed flags."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = measure.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from its npm package in node_modules, to inject into pages."""
    assert measure.AXE.is_file(), f"{measure.AXE} is missing: run `npm ci`"
    return measure.AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def report(browser, base_url, axe_source, site):
    """What each per-page check found on a page, each page loaded once per worker for all
    of them (test_browser.reports); defined here, once, for every test module."""
    import test_browser  # the module the tests import too

    return test_browser.reports(browser, base_url, axe_source, site)


def pytest_terminal_summary(terminalreporter):
    """Repeat the missing-browser warning at the end of the run, where nobody misses it."""
    if measure.chromium_path() is None:
        terminalreporter.write_sep("!", measure.MISSING, red=True, bold=True)
