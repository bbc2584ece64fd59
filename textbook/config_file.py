"""mkdocs.yml as plain data, for the commands that run outside MkDocs (pdf.py,
check_chapter.py): no plugin or MkDocs import, so they start fast."""

from __future__ import annotations

from pathlib import Path

import yaml


def read_config(path: Path) -> dict:
    """mkdocs.yml as data (its !ENV and other tags read as nothing)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}
