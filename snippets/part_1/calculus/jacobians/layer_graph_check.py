"""Workbook check of docs/part-1/calculus/jacobians.md#linear-layer, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_layer_arrows in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _say

EXERCISE = "part-1/calculus/jacobians.md#linear-layer"
TEMPLATE = """\
# every arrow as a pair of names, e.g. ("x1", "y1")
arrows = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "arrow_count"
VARIABLES = {}
QUESTION = "how many arrows the graph has, a number"


def check_layer_arrows(arrows):
    """The arrows of a linear layer's graph, m = 3 inputs, n = 2 outputs, as name pairs."""
    expected = {(f"x{j}", f"y{i}") for j in range(1, 4) for i in range(1, 3)}

    def ok():
        got = [tuple(str(end) for end in arrow) for arrow in arrows]
        return len(got) == len(set(got)) and set(got) == expected
    _say("Linear layer graph", arrows, ok)
