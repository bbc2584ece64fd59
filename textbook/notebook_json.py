"""Notebooks as nbformat v4 JSON, made and written without importing nbformat.

nbformat checks what it makes against its JSON schema, and importing it (jsonschema and
all) is a twentieth of a build without execution; the book's notebooks are made by
code, always alike. `Node`, `node` and `dumps` do what nbformat.NotebookNode,
nbformat.from_dict and nbformat.writes do, unchecked: tests/engine/test_notebook_json.py
holds `dumps` to nbformat's output, and tests/content/test_notebooks.py validates every
notebook the site has with nbformat itself.
"""

from __future__ import annotations

import json
import uuid

NBFORMAT, NBFORMAT_MINOR = 4, 5
SPLIT_MIMES = {"application/javascript", "image/svg+xml"}  # split into lines, as text/*
TRANSIENT = {"orig_nbformat", "orig_nbformat_minor", "signature"}  # never written


class Node(dict):
    """A dict whose keys read and write as attributes too (nbformat.NotebookNode)."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value) -> None:
        self[name] = value


def node(value):
    """`value` with every dict in it a Node (nbformat.from_dict)."""
    if isinstance(value, dict):
        return Node({key: node(item) for key, item in value.items()})
    if isinstance(value, (tuple, list)):
        return [node(item) for item in value]
    return value


def cell_id() -> str:
    """A fresh id for a new cell (a notebook the book writes numbers its cells again)."""
    return uuid.uuid4().hex[:8]


def new_notebook(cells: list, metadata: dict) -> Node:
    return node({"nbformat": NBFORMAT, "nbformat_minor": NBFORMAT_MINOR,
                 "metadata": metadata, "cells": cells})


def new_markdown_cell(source: str) -> Node:
    return Node(id=cell_id(), cell_type="markdown", source=source, metadata=Node())


def new_code_cell(source: str, **fields) -> Node:
    cell = Node(id=cell_id(), cell_type="code", metadata=Node(), execution_count=None,
                source=source, outputs=[])
    cell.update(fields)
    return cell


def _split_bundle(data: dict) -> dict:
    return {key: value.splitlines(True) if isinstance(value, str) and (
        key.startswith("text/") or key in SPLIT_MIMES) else value
        for key, value in data.items()}


def _written_cell(cell: dict) -> dict:
    cell = dict(cell)
    if isinstance(cell.get("source"), str):
        cell["source"] = cell["source"].splitlines(True)
    if "attachments" in cell:
        cell["attachments"] = {name: _split_bundle(bundle)
                               for name, bundle in cell["attachments"].items()}
    if cell.get("cell_type") == "code":
        outputs = []
        for output in cell["outputs"]:
            output = dict(output)
            if output.get("output_type") in ("execute_result", "display_data"):
                output["data"] = _split_bundle(output.get("data", {}))
            elif output.get("output_type") == "stream" and isinstance(output.get("text"), str):
                output["text"] = output["text"].splitlines(True)
            outputs.append(output)
        cell["outputs"] = outputs
    cell["metadata"] = {k: v for k, v in cell["metadata"].items() if k != "trusted"}
    return cell


def dumps(nb: dict) -> str:
    """The notebook as nbformat.writes writes it: text split into lines, transient keys
    left out, keys sorted, one space of indent."""
    written = {**nb, "metadata": {k: v for k, v in nb["metadata"].items()
                                  if k not in TRANSIENT},
               "cells": [_written_cell(cell) for cell in nb["cells"]]}
    return json.dumps(written, indent=1, sort_keys=True, separators=(",", ": "),
                      ensure_ascii=False)
