"""`mkdocs serve --dirty` renders only what an edit touches, and writes what a clean build
writes (textbook/rebuilds.py)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import build
from test_pipeline import CONFIG, make_project

# Replays `mkdocs serve --dirty` in one process, as its server does: the first build, then
# each step's edit and a rebuild; prints, per step, the pages whose HTML was written again
# (404.html, a theme template, is written by every build).
DRIVER = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site, steps = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
config.plugins.on_startup(command="serve", dirty=True)
build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
rendered = []
for path, old, new in steps:
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)),
          serve_url="http://127.0.0.1:8000/", dirty=True)
    rendered.append(sorted(p.parent.name or "home" for p in site.rglob("index.html")
                           if before.get(p) != p.stat().st_mtime_ns))
config.plugins.on_shutdown()
print(json.dumps(rendered))
"""

STEPS = [  # the last rebuild renders one page: the site must still be complete
    ("snippets/chapter/example.py", 'print("slope:"', 'print("the slope:"'),
    ("snippets/chapter/example.py", 'print("the slope:"', 'print(1 / 0, "the slope:"'),
    ("snippets/chapter/example.py", 'print(1 / 0, "the slope:"', 'print("the slope:"'),
    ("docs/other.md", "# Other { #top }", "# Another { #top }"),  # a title: in the nav
    ("docs/other.md", "# Another { #top }", "# Another { #top }\n\nA new paragraph."),
    ("docs/other.md", "A new paragraph.", "A new paragraph.\n\n$$\nx = 1 % declared: a "
     "definition\n\\tag{7}\n$$"),  # a number `eq. (7)` elsewhere links to
    ("snippets/chapter/example.py", 'print("the slope:"', 'print("its slope:"'),
]


def files(site: Path) -> dict[str, bytes]:
    """Every file of a site, the sitemap unzipped (gzip stamps the time it was written)."""
    return {p.relative_to(site).as_posix(): gzip.decompress(p.read_bytes())
            if p.suffix == ".gz" else p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_dirty_rebuilds_render_what_an_edit_touches_and_end_as_a_clean_build(tmp_path):
    project = make_project(tmp_path)
    (project / "mkdocs.yml").write_text(CONFIG.replace("plugins: [", "plugins: [search, "),
                                        encoding="utf-8")
    (project / "docs" / "third.md").write_text("# Third\n\nNo snippet here.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(project), str(tmp_path / "served"),
         json.dumps(STEPS)], capture_output=True, text=True, cwd=project, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    rendered = json.loads(result.stdout.splitlines()[-1])
    one, failed, fixed, title, paragraph, number, again = rendered
    every = ["chapter", "other", "third"]
    assert one == again == ["chapter"], f"snippet edits rendered {one} and {again}"
    assert failed == every, f"a failed build showed its message on {failed} only"
    assert fixed == every, f"the build after a failed one rendered {fixed}"
    assert title == every, f"a new title (in the navigation) rendered {title}"
    assert paragraph == ["other"], f"a new paragraph in other.md rendered {paragraph}"
    assert number == every, f"a new equation number rendered {number}"

    clean = build(project, tmp_path / "clean")
    assert clean.returncode == 0, clean.stderr
    served, built = files(tmp_path / "served"), files(tmp_path / "clean")
    assert served.keys() == built.keys(), sorted(served.keys() ^ built.keys())
    differ = [name for name in served if served[name] != built[name]]
    assert not differ, f"after the rebuilds these files differ from a clean build: {differ}"
    search = json.loads(served["search/search_index.json"])["docs"]
    locations = [entry["location"] for entry in search]
    assert len(locations) == len(set(locations)), f"search entries come twice: {locations}"
