"""Imports a build may never need, deferred until something uses them.

mkdocs-jupyter imports nbconvert's converter and jupytext when MkDocs loads it (about half a
second, most of it nbconvert scanning entry points), yet calls them only to render a
workbook its cache lacks, and to read a `.md` page that `ignore` does not already skip
(mkdocs.yml skips them all). Registered here before MkDocs loads that plugin, each stands in
for its module until one of its attributes is read, and then imports it: a build with every
workbook cached never imports them, one that renders a workbook imports them then.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

DEFERRED = ("jupytext", "mkdocs_jupyter.convert")


class Deferred(types.ModuleType):
    """A module's stand-in: reading an attribute imports the module and reads it there.
    (importlib's LazyLoader cannot serve here: an `import` statement reads `__spec__` of
    a module it finds, which would load it at once.)"""

    def __getattr__(self, attribute: str):
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a stand-in in place of each module of `names` that is installed, not imported."""
    for name in names:
        if name in sys.modules or importlib.util.find_spec(name) is None:
            continue  # imported already; or not installed: its importer gets the usual error
        sys.modules[name] = stand_in = Deferred(name)
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, stand_in)  # as an import would
