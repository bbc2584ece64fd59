"""What produced this build: the commit, the date and the library versions (the stamp).

The footer of every page (overrides/partials/copyright.html) and the first cell and the
metadata of every notebook show it. The date honours SOURCE_DATE_EPOCH, so a rebuild of
the same commit can give the same files; the commit is `git rev-parse HEAD`, and a copy
outside git (or without git) builds with the commit unknown.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

REPOSITORY = "math-for-ml/verified-textbook"  # on GitHub
GITHUB = f"https://github.com/{REPOSITORY}"
LIBRARIES = {"numpy": "NumPy", "sympy": "SymPy", "matplotlib": "Matplotlib"}


def git_commit(root: Path) -> str:
    """The full hash of HEAD in root's repository, or "" outside git."""
    try:
        result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=root,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and len(commit) == 40 else ""


def build_date() -> str:
    """Today in UTC as an ISO date, or the day of SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit()
              else datetime.now(UTC))
    return moment.date().isoformat()


def versions() -> dict[str, str]:
    """Python and the libraries the snippets run with, by their display names."""
    found = {"Python": platform.python_version()}
    found.update({shown: metadata.version(name) for name, shown in LIBRARIES.items()})
    return found


@dataclass(frozen=True)
class BuildInfo:
    """One build's stamp."""

    commit: str  # full hash; "" when unknown
    date: str  # ISO, UTC
    versions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path) -> BuildInfo:
        return cls(git_commit(root), build_date(), versions())

    @property
    def short(self) -> str:
        return self.commit[:7]

    @property
    def commit_url(self) -> str:
        return f"{GITHUB}/commit/{self.commit}" if self.commit else GITHUB

    def blob_url(self, path: str) -> str:
        """A repository file (path from the root) at this build's commit, else on main."""
        return f"{GITHUB}/blob/{self.commit or 'main'}/{path}"

    def template(self) -> dict:
        """What the footer template reads (config.extra.book_build)."""
        return {"commit": self.commit, "short": self.short, "url": self.commit_url,
                "date": self.date, "versions": self.versions}

    def metadata(self) -> dict:
        """The stamp in a notebook's metadata."""
        return {"commit": self.commit, "date": self.date, "versions": self.versions}

    def markdown(self) -> str:
        """The stamp as one line of Markdown, for a notebook's first cell."""
        commit = f"[{self.short}]({self.commit_url})" if self.commit else "an unknown commit"
        libraries = ", ".join(f"{name} {version}" for name, version in self.versions.items())
        return f"*Built from {commit} on {self.date} (UTC) with {libraries}.*"


def stand_in_for(build: BuildInfo) -> BuildInfo:
    """The build's stamp with a commit and a date that appear nowhere else, for what is
    made once and kept across builds (workbooks, the checks under blocks), the real stamp
    put in when it is shown; the build's own when its commit is unknown (no commit shows)."""
    return BuildInfo("b00c" * 10, "0000-00-00", build.versions) if build.commit else build


def restamp(text: str, stand_in: BuildInfo, build: BuildInfo) -> str:
    """Text made with the stand-in stamp, with the build's own."""
    if stand_in is build:
        return text
    return (text.replace(stand_in.commit, build.commit).replace(stand_in.short, build.short)
            .replace(stand_in.date, build.date))
