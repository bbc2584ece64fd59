"""Results kept across builds: HTML the engine would make again from the same input.

A `Memo` is one JSON file under .cache/book/, a map from the hash of a result's inputs to
the result, written atomically at the end of a build. Its `salt` names what every result
depends on besides the inputs (the engine's source, library versions, mkdocs.yml): when
the salt changes, every entry goes. A complete build keeps only the entries it used;
a partial one (rebuilds.py) keeps the others too. `make clean` empties it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .executor import read_json, write_atomic

PACKAGE = Path(__file__).resolve().parent


def salt(*parts: str, sources: tuple[str, ...] = (), packages: tuple[str, ...] = ()) -> str:
    """What results depend on besides their inputs: these texts, the engine's source
    files named, and the versions of the packages named."""
    texts = [*parts, *((PACKAGE / name).read_text(encoding="utf-8") for name in sources),
             *(f"{name}=={metadata.version(name)}" for name in packages)]
    return hashlib.sha256("\0".join(texts).encode()).hexdigest()


class Memo:
    """One kind of result, by the hash of its inputs."""

    def __init__(self, file: Path, salt: str):
        self.file, self.salt = file, salt
        stored = read_json(file) or {}
        self.entries: dict[str, str] = stored.get("entries", {}) \
            if stored.get("salt") == salt else {}
        self.used: set[str] = set()
        self.made = 0

    def get(self, inputs: tuple[str, ...], make: Callable[[], str]) -> str:
        """The result for these inputs: kept, or made now (and kept)."""
        key = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
        if key not in self.entries:
            self.entries[key] = make()
            self.made += 1
        self.used.add(key)
        return self.entries[key]

    def close(self, complete: bool = True) -> None:
        """Write the file: the entries this build used, and the others unless `complete`."""
        unused = complete and len(self.used) < len(self.entries)
        if unused:
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        if self.made or unused:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.file, json.dumps({"salt": self.salt, "entries": self.entries}))
