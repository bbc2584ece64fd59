"""What the build installs and how CI runs it stay locked down.

Every requirements pin carries a hash (`pip install --require-hashes`; `make lock` writes them,
with uv installed by hash from `.ci/lock-tools.txt`);
every package in package-lock.json accepts the Node that runs here; every workflow action is
pinned by commit SHA; a job that runs `make` (the book's code) holds no write permission and
keeps no credentials in its checkout. Each rule is also shown failing on a small bad example.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SHA_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _version(text: str) -> list[int]:
    """The numbers of `v20.1`, `22.x` or `*`, up to the first wildcard: [20, 1], [22], []."""
    parts = []
    for part in text.lstrip("v=").split("-")[0].split(".")[:3]:
        if not part.isdigit():
            break
        parts.append(int(part))
    return parts


def _allows(have: tuple, op: str, parts: list[int]) -> bool:
    """One npm comparator (`>=22.12`, `^20.17.0`, `~1.2`, `20.x`) applied to a full version."""
    if not parts:
        return op not in ("<", ">")
    low = tuple(parts + [0] * (3 - len(parts)))

    def above(i):  # the first version past parts[:i + 1]
        return tuple(parts[:i] + [parts[i] + 1] + [0] * (2 - i))

    last = len(parts) - 1
    return {
        ">=": lambda: have >= low,
        ">": lambda: have >= above(last) if last < 2 else have > low,
        "<": lambda: have < low,
        "<=": lambda: have < above(last) if last < 2 else have <= low,
        "^": lambda: low <= have < above(next((i for i, p in enumerate(parts) if p), last)),
        "~": lambda: low <= have < above(min(1, last)),
        "=": lambda: low <= have < above(last) if last < 2 else have == low,
    }[op]()


def node_accepts(version: str, spec: str) -> bool:
    """Whether an npm `engines.node` range (`>=20 <21 || ^22.12`, `1 - 2`) accepts `version`."""
    have = tuple(_version(version))
    for alternative in spec.split("||"):
        hyphen = re.fullmatch(r"\s*(\S+)\s+-\s+(\S+)\s*", alternative)
        comparators = ([(">=", hyphen[1]), ("<=", hyphen[2])] if hyphen else
                       re.findall(r"(<=|>=|<|>|=|\^|~)?\s*([v\d*xX][\w.*-]*)", alternative))
        if all(_allows(have, op or "=", _version(v)) for op, v in comparators):
            return True
    return False


def node_problems(lock: dict, node_version: str) -> list[str]:
    return [f"{path or 'the project'} wants Node {spec}, this is {node_version}"
            for path, package in lock["packages"].items()
            if (spec := package.get("engines", {}).get("node"))
            and not node_accepts(node_version, spec)]


def requirement_problems(text: str) -> list[str]:
    """Pins without a sha256 hash (lines joined as pip joins them)."""
    lines = re.sub(r"\\\n", " ", text).splitlines()
    return [f"no hash: {line.split()[0]}" for line in lines
            if line.strip() and not line.lstrip().startswith("#")
            and not re.search(r"--hash=sha256:[0-9a-f]{64}\b", line)]


def workflow_problems(workflow: dict) -> list[str]:
    problems = []
    for name, job in workflow["jobs"].items():
        steps = job.get("steps", [])
        uses = [job["uses"]] if "uses" in job else [s["uses"] for s in steps if "uses" in s]
        problems += [f"{name}: {u} is not pinned by commit SHA"
                     for u in uses if not u.startswith("./") and not SHA_PINNED.match(u)]
        problems += [f"{name}: checkout keeps the token in .git/config"
                     for s in steps if s.get("uses", "").startswith("actions/checkout@")
                     and s.get("with", {}).get("persist-credentials") not in (False, "false")]
        if any(re.search(r"(^|[\s;&|(])make\b", s.get("run", "")) for s in steps):
            granted = job.get("permissions", workflow.get("permissions"))
            if not isinstance(granted, dict) or "write" in granted.values():
                problems.append(f"{name} runs the book's code with a token that can write: "
                                f"{granted or 'the repository default'}")
    return problems


def test_node_accepts_every_locked_package():
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert node_problems(lock, node.stdout.strip()) == []


@pytest.mark.parametrize("path", ["requirements.txt", ".ci/lock-tools.txt"])
def test_every_requirement_is_hashed(path):
    assert requirement_problems((ROOT / path).read_text()) == []


def test_workflows_are_pinned_and_read_only_where_they_run_the_book():
    for path in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        assert workflow_problems(yaml.safe_load(path.read_text())) == [], path.name


@pytest.mark.parametrize("version, spec, accepted", [
    ("v20.20.2", ">=22.12.0", False), ("v22.12.0", ">=22.12.0", True),
    ("v20.20.2", ">= 18", True), ("v20.20.2", "^20.17.0 || >=22.9.0", True),
    ("v21.0.0", "^20.17.0 || >=22.9.0", False), ("v20.20.2", "~20.19", False),
    ("v20.20.2", "20.x", True), ("v20.20.2", "<=19", False), ("v20.20.2", "18 - 20", True),
])
def test_node_ranges(version, spec, accepted):
    assert node_accepts(version, spec) is accepted


CHECKOUT = "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd"
BAD_WORKFLOWS = {
    "a tag": """
jobs: {a: {permissions: {}, steps: [{uses: "actions/setup-node@v6"}]}}""",
    "checkout": f"""
jobs: {{a: {{steps: [{{uses: "{CHECKOUT}"}}]}}}}""",
    "make, write": f"""
jobs: {{a: {{permissions: {{contents: write}}, steps: [
  {{uses: "{CHECKOUT}", with: {{persist-credentials: false}}}}, {{run: "make test"}}]}}}}""",
    "make, default token": """
jobs: {a: {steps: [{run: "cd x && make build"}]}}""",
}


@pytest.mark.parametrize("what, bad", [
    ("lock", {"packages": {"node_modules/commander": {"engines": {"node": ">=22.12.0"}}}}),
    ("requirements", "# pins\nnumpy==2.4.6 \\\n    --hash=sha256:" + "0" * 64 + "\nsympy==1.14\n"),
    *[("workflow", yaml.safe_load(text)) for text in BAD_WORKFLOWS.values()],
], ids=["node", "hash", *BAD_WORKFLOWS])
def test_each_rule_catches_a_bad_example(what, bad):
    problems = {"lock": lambda: node_problems(bad, "v20.20.2"),
                "requirements": lambda: requirement_problems(bad),
                "workflow": lambda: workflow_problems(bad)}[what]()
    assert len(problems) == 1, problems


GROUPED = """
import os, pytest
pytestmark = pytest.mark.xdist_group("one")
@pytest.mark.parametrize("i", range(6))
def test_worker(i):
    print(os.environ["PYTEST_XDIST_WORKER"])
"""


def test_xdist_groups_share_a_worker(tmp_path):
    """`--dist loadgroup` keeps an xdist_group on one worker: the suite relies on it to
    print the PDFs and plan the answer checks once (pytest 9.2 broke it silently)."""
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-s",
         "-p", "no:cacheprovider", "-c", "/dev/null", "--rootdir", str(tmp_path),
         "test_grouped.py"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    workers = set(re.findall(r"^\[(gw\d+)\]", result.stdout, re.M))
    assert len(workers) == 1, (
        f"one xdist_group ran on workers {sorted(workers)}: --dist loadgroup is ignored by "
        "this pytest and pytest-xdist")
