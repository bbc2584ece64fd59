"""The book writes notebooks without nbformat: exactly as nbformat would write them."""

from __future__ import annotations

import nbformat

from textbook.notebook_json import dumps, new_code_cell, new_markdown_cell, new_notebook, node


def test_notebooks_are_written_as_nbformat_writes_them():
    """Lines split in sources, streams and text-like outputs (not JSON), transient keys
    left out, keys sorted; the cells and outputs made here are valid nbformat v4."""
    code = new_code_cell("x = 1\nprint(x)\n", execution_count=3, outputs=[
        node({"output_type": "stream", "name": "stdout", "text": "1\n2\n"}),
        node({"output_type": "display_data", "metadata": {"image/svg+xml": {"alt": "ä"}},
              "data": {"image/svg+xml": "<svg>\n</svg>", "text/plain": "<Figure>\nb",
                       "application/json": {"a": "x\ny"}}})])
    code.metadata["snippet"] = "a.py:show"
    code.metadata["trusted"] = True
    nb = new_notebook([new_markdown_cell("# Title\n\n$x^2$ — ok"), code],
                      {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                      "language": "python"}, "orig_nbformat": 3})
    theirs = nbformat.from_dict(nb)
    assert dumps(nb) == nbformat.v4.nbjson.writes(theirs)
    assert "trusted" in code.metadata and "orig_nbformat" in nb.metadata  # not changed
    nbformat.validate(nbformat.reads(dumps(nb), as_version=4))
    assert nb.cells[1].outputs[0].name == "stdout"  # attributes, as NotebookNode's
