"""Results kept across builds: HTML the engine would make again from the same input.

A `Memo` is one JSON file under .cache/book/, a map from the hash of a result's inputs to
the result, written atomically at the end of a build. Its `salt` names what every result
depends on besides the inputs (the engine's source, library versions, mkdocs.yml): when
the salt changes, every entry goes. An entry that none of the last four complete builds
used goes too; a partial build (rebuilds.py) drops nothing. `make clean` empties it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .executor import read_json, write_atomic

PACKAGE = Path(__file__).resolve().parent
KEEP = 4  # complete builds an unused entry survives


def salt(*parts: str, sources: tuple[str, ...] = (), packages: tuple[str, ...] = ()) -> str:
    """What results depend on besides their inputs: these texts, the engine's source
    files named (and this one, which says how entries are stored), and the versions of the
    packages named."""
    texts = [*parts, *((PACKAGE / name).read_text(encoding="utf-8")
                       for name in (*sources, "memo.py")),
             *(f"{name}=={metadata.version(name)}" for name in packages)]
    return hashlib.sha256("\0".join(texts).encode()).hexdigest()


class Memo:
    """One kind of result, by the hash of its inputs."""

    def __init__(self, file: Path, salt: str):
        self.file, self.salt = file, salt
        stored = read_json(file) or {}
        if stored.get("salt") != salt:
            stored = {}
        self.builds: int = stored.get("builds", 0)  # complete builds that wrote the file
        self.entries: dict[str, list] = stored.get("entries", {})  # key: [build, result]
        self.made = 0

    def get(self, inputs: tuple[str, ...], make: Callable[[], str | None]) -> str | None:
        """The result for these inputs: kept, or made now (and kept, unless it is None)."""
        key = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
        if key not in self.entries:
            result = make()
            if result is None:
                return None
            self.entries[key] = [0, result]
            self.made += 1
        self.entries[key][0] = self.builds + 1  # used by this build
        return self.entries[key][1]

    def close(self, complete: bool = True) -> None:
        """Write the file. A complete build drops the entries that none of the last KEEP
        complete builds used (builds with and without execution, or of other configs,
        alternate without evicting each other's); a partial one drops nothing."""
        if complete:
            self.builds += 1
            self.entries = {k: v for k, v in self.entries.items()
                            if v[0] > self.builds - KEEP}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.file, json.dumps({"salt": self.salt, "builds": self.builds,
                                            "entries": self.entries}))
