"""Build the invented province Kỳ Lĩnh (tests/data/fixture_province) and render reports on it."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

from lso_analysis import paths

FIXTURE = Path(__file__).parent / "data" / "fixture_province"
PROVINCE = "Kỳ Lĩnh"


def make_data_dir(root: Path) -> Path:
    """A data folder with the fixture's raw/ and the repository's reference/ (plus Kỳ Lĩnh's geography)."""
    data = root / "data"
    shutil.copytree(FIXTURE / "raw", data / "raw")
    shutil.copytree(paths.REFERENCE_DIR, data / "reference")
    geographies = data / "reference" / "geographies.csv"
    if geographies.exists():
        with open(geographies, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        # An invented region and no group: its comparison group is itself, never a real province.
        row = {"name": PROVINCE, "level": "province", "region": "Vùng giả lập", "groups": ""}
        with open(geographies, "a", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerow([row.get(column, "") for column in header])
    counts = [(p.stem, sum(1 for _ in open(p, encoding="utf-8")) - 1) for p in sorted((data / "raw" / "observations").glob("*.csv"))]
    with open(data / "reference" / "expected_counts.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with open(data / "reference" / "expected_counts.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([[stem, n] + [""] * (len(header) - 2) for stem, n in counts])
    return data


def env_for(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["LSO_DATA_DIR"] = str(data)
    env.pop("LSO_PROCESSED_DIR", None)
    return env


def build(data: Path) -> None:
    """Build the fixture's processed tables; raise with the build's output on failure."""
    result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", "data"], env=env_for(data),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"fixture build failed:\n{result.stdout}\n{result.stderr}")


def render(data: Path, reports: Path, *params: str, only: list[str] | None = None) -> dict[str, str]:
    """Run the notebooks on ``data`` into ``reports``; return {file name: HTML text} of the reader's views."""
    args = [sys.executable, "-m", "lso_analysis.reports", "--reports-dir", str(reports), "--jobs", "2"]
    for p in params:
        args += ["-p", p]
    if only:
        args += ["--only", *only]
    result = subprocess.run(args, env=env_for(data), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"report build failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(reports.glob("*.html")) if p.name != "index.html"}


def table(data: Path, name: str):
    """One processed table of a built fixture (``observations``, ``sources``, ``events`` …)."""
    import pandas as pd

    return pd.read_pickle(data / "processed" / f"{name}.pkl")


def recorded_fixes(data: Path) -> list[dict]:
    """The ``fixes`` of the fixture's ``corrections.yml``."""
    import yaml

    return (yaml.safe_load((data / "raw" / "corrections.yml").read_text(encoding="utf-8")) or {}).get("fixes") or []


def covid_study(data: Path, scope):
    """Notebook 10's study on a built fixture's tables (not the repository's data)."""
    from lso_analysis.studies import covid

    every = table(data, "observations")
    return covid.Study(scope, obs=every[every["status"] != "target"], with_targets=every, events=table(data, "events"),
                       sources=table(data, "sources"), kinds=table(data, "event_kinds"))
