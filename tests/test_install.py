"""Installed use: the wheel carries the notebooks, builds reports in ./reports and never writes into itself."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("pyproject.toml", "README.md", "LICENSE", "lso_analysis", "data", "notebooks")


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel offline from a copy of the sources (the build writes build/ and *.egg-info there)."""
    pytest.importorskip("setuptools", minversion="77")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "processed", ".processed*", "*.egg-info")
    for name in SHIPPED:
        path = ROOT / name
        (shutil.copytree(path, source / name, ignore=ignore) if path.is_dir()
         else (source.mkdir(exist_ok=True), shutil.copy(path, source / name)))  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                             "-w", str(work / "dist"), str(source)], capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    return next((work / "dist").glob("lso_analysis-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_the_notebooks_and_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert sorted(n.split("/")[-1] for n in names if n.startswith("lso_analysis/_notebooks/")) == notebooks
    assert "lso_analysis/_data/raw/sources.csv" in names and "lso_analysis/_data/reference/indicators.csv" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


@pytest.mark.slow
def test_installed_package_builds_reports_in_the_current_folder_and_stays_unchanged(wheel, tmp_path):
    target, work = tmp_path / "site", tmp_path / "empty"
    work.mkdir()
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)  # fmt: skip
    installed = tree(target)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LSO_")}
    env |= {"PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1", "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "MPLCONFIGDIR": str(tmp_path / "mpl")}  # fmt: skip
    command = [sys.executable, "-m", "lso_analysis.cli"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*command, *args], cwd=work, env=env, capture_output=True, text=True, timeout=900)

    where = run("reports", "--help")
    assert where.returncode == 0 and "./reports in the current folder" in where.stdout
    first = run("reports", "--only", "00", "--jobs", "1")
    assert first.returncode == 0, first.stdout + first.stderr
    reports = work / "reports"
    assert (reports / "00-data-audit.html").is_file() and (reports / "index.html").is_file()
    assert "00-data-audit" in first.stdout and "no notebooks yet" not in first.stdout
    assert tree(target) == installed  # nothing written inside the installed package

    (reports / "my-notes.txt").write_text("mine")
    again = run("reports", "--only", "00", "--jobs", "1", "--clean")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (reports / "my-notes.txt").read_text() == "mine"  # --clean removes only what a build wrote
    assert (reports / "00-data-audit.html").is_file()
    assert tree(target) == installed
    assert run("--help").returncode == 0
    assert sorted(p.name for p in work.iterdir()) == ["reports"]  # and nothing else in the current folder


def test_build_backend_is_pinned_and_the_licence_uses_the_current_format():
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (backend,) = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert re.fullmatch(r"setuptools>=\d+(\.\d+)*,<\d+(\.\d+)*", backend), backend  # a range, closed above
    assert project["project"]["license"] == "MIT"  # an SPDX string, not the table setuptools stops reading
    assert all((ROOT / pattern).exists() or list(ROOT.glob(pattern)) for pattern in project["project"]["license-files"])
    pinned = [line for line in (ROOT / "constraints.txt").read_text().splitlines() if line.startswith("setuptools==")]
    assert len(pinned) == 1, "constraints.txt pins the build backend that make setup uses"
