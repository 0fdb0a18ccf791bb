"""Tests of the report builder (lso_analysis/reports/) on the small notebooks under tests/data/notebooks/."""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lso_analysis.reports import BuildOptions, add_parser, build, main
from lso_analysis.reports.execute import Result
from lso_analysis.reports.files import build_lock, write_atomic
from lso_analysis.reports.normalize import PathScrubber, fix_html_ids, normalize_notebook, scrub_text
from lso_analysis.reports.params import (
    NOT_LITERAL,
    ParameterError,
    coerce_value,
    notebook_title,
    output_name,
    read_parameters,
    slugify,
)
from lso_analysis.reports.provenance import git_commit
from lso_analysis.reports.state import fingerprint

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "data" / "notebooks"
GOOD = FIXTURES / "01-fixture-report.ipynb"
FAILING = FIXTURES / "02-fixture-failing.ipynb"
SOURCES_CSV = (
    "source_id,title,publisher,author,url,published\n"
    "fixture-a,Báo cáo tình hình kinh tế,UBND tỉnh Lạng Sơn,,https://example.org/report-a,2020-07-15\n"
    "fixture-b,Tin ngắn,Báo Lạng Sơn,,,2021\n"
)


# --------------------------------------------------------------------------- helpers


def make_project(root: Path, notebooks: dict[str, Path]) -> BuildOptions:
    """A throwaway project: notebooks, two data folders, a one-file library, a reports folder."""
    (root / "notebooks").mkdir(parents=True)
    for name, source in notebooks.items():
        shutil.copy(source, root / "notebooks" / name)
    raw, reference, library = root / "data" / "raw", root / "data" / "reference", root / "lib" / "fakelib"
    for folder in (raw, reference, library):
        folder.mkdir(parents=True)
    (raw / "sources.csv").write_text(SOURCES_CSV, encoding="utf-8")
    (reference / "codes.csv").write_text("code,name\nx,X\n", encoding="utf-8")
    (library / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    return BuildOptions(
        notebooks_dir=root / "notebooks", reports_dir=root / "reports", project_root=root,
        data_dirs=(raw, reference), library_dir=library, jobs=2, progress=False,
    )  # fmt: skip


def rebase(options: BuildOptions, old: Path, new: Path) -> BuildOptions:
    """The same options for a copy of the project at ``new``."""
    move = lambda path: new / path.relative_to(old)  # noqa: E731
    return replace(options, notebooks_dir=move(options.notebooks_dir), reports_dir=move(options.reports_dir),
                   project_root=new, data_dirs=tuple(map(move, options.data_dirs)),
                   library_dir=move(options.library_dir))  # fmt: skip


def run_build(options: BuildOptions, **changes) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    code = build(replace(options, **changes), out=out, err=err)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


def snapshot(reports_dir: Path) -> dict[str, bytes]:
    """The report files (HTML, executed notebooks, index); not the state, log or lock."""
    files = {}
    for path in sorted(reports_dir.rglob("*")):
        relative = path.relative_to(reports_dir).as_posix()
        if path.is_file() and not relative.startswith(".state/") and path.suffix in (".html", ".ipynb"):
            files[relative] = path.read_bytes()
    return files


def leftovers(reports_dir: Path) -> list[str]:
    return [p.name for p in reports_dir.rglob("*") if ".tmp" in p.name]


class ExternalResources(HTMLParser):
    """Collect every URL a browser would fetch from outside the file (links <a href> are not fetched)."""

    FETCHED = {
        "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
        "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
        "object": ("data",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
    }  # fmt: skip
    CSS_URL = re.compile(r"""(?:@import\s+|url\(\s*)['"]?\s*((?:https?:)?//[^'")\s]+)""", re.I)

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.inside: str | None = None

    @staticmethod
    def external(value: str | None) -> bool:
        return (value or "").strip().lower().startswith(("http:", "https:", "//"))

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.FETCHED.get(tag, ()) and self.external(value):
                self.found.append(f"<{tag} {name}={value}>")
            if name == "style":
                self.found += self.CSS_URL.findall(value or "")
        if tag in ("style", "script"):
            self.inside = tag

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data):
        if self.inside == "style":
            self.found += self.CSS_URL.findall(data)
        elif self.inside == "script":  # e.g. import("https://cdn…") or a loader building a <script src>
            self.found += re.findall(r"""['"`]((?:https?:)?//[^'"`\s]+)""", data)


def external_resources(html: str) -> list[str]:
    parser = ExternalResources()
    parser.feed(html)
    return parser.found


# --------------------------------------------------------------------------- fast: parameters


def nb_with_parameters(source: str) -> dict:
    return {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "## Title *here*\n\ntext"},
                      {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": source}]}  # fmt: skip


def test_read_parameters_types_the_defaults():
    source = 'province = "Lạng Sơn"  # comment\nn = 3\nscale: float = 1.5\nflag = True\nstart = date(2020, 1, 1)\n'
    params = read_parameters(nb_with_parameters(source), "x.ipynb")
    assert {name: p.default for name, p in params.items()} == {
        "province": "Lạng Sơn", "n": 3, "scale": 1.5, "flag": True, "start": NOT_LITERAL,
    }  # fmt: skip
    assert params["start"].source == "date(2020, 1, 1)"
    assert notebook_title(nb_with_parameters(""), "fallback") == "Title *here*"
    assert read_parameters({"cells": []}, "x") == {}


def test_read_parameters_rejects_invalid_python():
    with pytest.raises(ParameterError, match="x.ipynb"):
        read_parameters(nb_with_parameters("n = = 3"), "x.ipynb")


@pytest.mark.parametrize(
    ("raw", "default", "expected"),
    [
        ("06", "Lạng Sơn", "06"),  # a string default keeps the text: no 6
        ("Hà Giang", "Lạng Sơn", "Hà Giang"),
        ('"Hà Giang"', "Lạng Sơn", "Hà Giang"),  # shell-quoted inside the value
        ("True", "x", "True"),
        ("5", 3, 5),
        ("-2", 3, -2),
        ("2", 1.5, 2.0),
        ("1e-3", 1.5, 0.001),
        ("false", True, False),
        ("YES", False, True),
        ("0", True, False),
        ("[1, 2]", [3], [1, 2]),
        ("None", None, None),
        ("7", None, 7),
        ("text", None, "text"),
        ("2021", NOT_LITERAL, 2021),
    ],
)
def test_coerce_value_follows_the_default_type(raw, default, expected):
    value = coerce_value(raw, default, "p", "nb")
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    ("raw", "default", "message"),
    [("abc", 3, "is an int"), ("2.5", 3, "is an int"), ("maybe", True, "is a bool"), ("x", 1.5, "is a float"),
     ("(1, 2)", [1], "is a list")],
)  # fmt: skip
def test_coerce_value_names_notebook_and_parameter_on_a_bad_value(raw, default, message):
    with pytest.raises(ParameterError, match=rf"nb: parameter 'p' {message}"):
        coerce_value(raw, default, "p", "nb")


@given(st.text())
def test_string_parameters_round_trip(text):
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        assert coerce_value(text, "default", "p", "nb") == text[1:-1]
    else:
        assert coerce_value(text, "default", "p", "nb") == text


@given(st.text())
def test_slug_is_ascii(text):
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slugify(text))


def test_output_names():
    assert output_name("10-covid-impact", {}) == "10-covid-impact"
    assert output_name("10-covid-impact", {"province": "Hà Giang"}) == "10-covid-impact--province-ha-giang"
    assert output_name("01-x", {"scale": 2.5, "flag": False}) == "01-x--flag-false--scale-2-5"
    assert output_name("01-x", {"province": "Đắk Lắk"}) == "01-x--province-dak-lak"


# --------------------------------------------------------------------------- fast: command line


def test_help_works(capsys):
    assert main(["--help"]) == 0
    assert "--only" in capsys.readouterr().out
    result = subprocess.run([sys.executable, "-m", "lso_analysis.reports", "--help"], cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0 and "KEY=VALUE" in result.stdout


def test_add_parser_plugs_into_a_cli():
    parser = argparse.ArgumentParser(prog="lso-analysis")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["reports", "--only", "01", "10", "-p", "province=06", "--jobs", "3", "--force"])
    assert (args.only, args.params, args.jobs, args.force, args.clean) == (["01", "10"], ["province=06"], 3, True, False)
    assert args.func.__name__ == "run"


def test_no_notebooks_yet(tmp_path, capsys):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "draft.ipynb").write_text("{}")  # not NN-*.ipynb
    code = main(["--notebooks-dir", str(tmp_path / "notebooks"), "--reports-dir", str(tmp_path / "reports")])
    assert code == 0
    assert capsys.readouterr().out.strip() == "no notebooks yet"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"only": ["99-nothing"]}, "no notebook named '99-nothing'; available: 01-fixture-report, 02-fixture-failing, 03-broken"),
        ({"only": ["01"], "params": ["colour=red"]}, "unknown parameter 'colour'; known parameters: province, n, scale, flag"),
        ({"params": ["province"]}, "bad -p option 'province'"),
        ({"params": ["=3"]}, "bad -p option '=3'"),
        ({"only": ["01"], "params": ["n=three"]}, "01-fixture-report.ipynb: parameter 'n' is an int"),
        # 02 has only `n`: a parameter must exist in every selected notebook
        ({"params": ["province=06"]}, "02-fixture-failing.ipynb: unknown parameter 'province'; known parameters: n"),
        ({"only": ["03"]}, "03-broken.ipynb is not a readable notebook"),
    ],
)
def test_bad_input_exits_2_before_running_anything(tmp_path, changes, message):
    """Usage errors name the notebook or parameter and write nothing."""
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD, "02-fixture-failing.ipynb": FAILING})
    (options.notebooks_dir / "03-broken.ipynb").write_text("{ not json")
    result = run_build(options, **changes)
    assert result.code == 2
    assert message in result.err
    assert not options.reports_dir.exists()


# --------------------------------------------------------------------------- fast: determinism helpers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date:                Sun, 23 Nov 2025   Prob (F-statistic):", "Date:                ---, -- --- ----   Prob (F-statistic):"),
        ("Time:                        10:19:00   Log-Likelihood:", "Time:                        --:--:--   Log-Likelihood:"),
        ("<th>Date:</th>             <td>Mon, 24 Nov 2025</td>", "<th>Date:</th>             <td>---, -- --- ----</td>"),
        ("<th>Time:</th>                 <td>09:01:02</td>", "<th>Time:</th>                 <td>--:--:--</td>"),
        (r"\textbf{Date:}             & Sun, 23 Nov 2025 &", r"\textbf{Date:}             & ---, -- --- ---- &"),
        ("Date:               2026-11-23 10:38 BIC:", "Date:               ---------- --:-- BIC:"),  # summary2
        ("<td>Date:</td> <td>2026-11-23 10:38</td>", "<td>Date:</td> <td>---------- --:--</td>"),
        ("Release date: 2020-07-15 at 10:19:00", "Release date: 2020-07-15 at 10:19:00"),  # not a summary table
    ],
)  # fmt: skip
def test_clock_readings_of_statsmodels_summaries_are_masked(text, expected):
    assert scrub_text(text, PathScrubber([])) == expected


def test_normalize_notebook_fixes_ids_and_drops_timings(tmp_path):
    nb = {
        "metadata": {"papermill": {"start_time": "t", "end_time": "t", "duration": 1.0, "input_path": "/abs/in.ipynb",
                                   "parameters": {"n": 2}}},
        "cells": [
            {"id": "keep-me", "cell_type": "code", "metadata": {"papermill": {"duration": 0.1, "status": "completed"},
                                                                "execution": {"iopub.status.idle": "t"}},
             "outputs": [{"output_type": "stream", "name": "stderr", "text": f"{tmp_path}/lib/x.py:3: Warning\n"},
                         {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBO//tmp",
                          "text/plain": [f"see {tmp_path}/notebooks/a.csv"]}}]},
            {"id": "3f2a9c1e", "cell_type": "code", "metadata": {"tags": ["injected-parameters"]}, "outputs": []},
            {"id": "0be1c9aa", "cell_type": "markdown", "metadata": {}},
            {"id": "keep-me", "cell_type": "markdown", "metadata": {}},
        ],
    }  # fmt: skip
    scrub = PathScrubber([(tmp_path, ""), (tmp_path / "notebooks", "notebooks")])
    normalize_notebook(nb, {"keep-me"}, scrub, "notebooks/a.ipynb", "reports/executed/a.ipynb")
    assert [cell["id"] for cell in nb["cells"]] == ["keep-me", "injected-parameters", "lso-cell-2", "lso-cell-3"]
    assert nb["metadata"]["papermill"] == {"input_path": "notebooks/a.ipynb", "parameters": {"n": 2},
                                           "output_path": "reports/executed/a.ipynb"}  # fmt: skip
    first = nb["cells"][0]
    assert first["metadata"] == {"papermill": {"status": "completed"}}
    assert first["outputs"][0]["text"] == "lib/x.py:3: Warning\n"
    assert first["outputs"][1]["data"] == {"image/png": "iVBO//tmp", "text/plain": ["see notebooks/a.csv"]}


def test_path_scrubber_matches_whole_path_components(tmp_path):
    scrub = PathScrubber([(tmp_path / "repo", "")])
    assert scrub(f"{tmp_path}/repo/x.py {tmp_path}/repository/y {tmp_path}/repo") == f"x.py {tmp_path}/repository/y ."


def test_fix_html_ids_numbers_random_uuids():
    html = '<div id="1b4e28ba-2fa1-11d2-883f-0016d3cca427"></div><script>x("1b4e28ba-2fa1-11d2-883f-0016d3cca427")'
    html += '</script><div id="9c5b94b1-35ad-49bb-b118-8e8fc24abf80">'
    assert fix_html_ids(html) == '<div id="lso-output-1"></div><script>x("lso-output-1")</script><div id="lso-output-2">'


def test_offline_checker_flags_fetched_urls_only():
    html = """<html><head><script src="https://cdn.example/require.js"></script>
    <link rel="stylesheet" href="//fonts.example/css"><style>@import url("https://x.example/a.css");
    body { background: url(data:image/png;base64,AAAA) }</style>
    <script>import("https://cdn.example/mermaid.mjs")</script></head><body>
    <img src="data:image/png;base64,AAAA"><img src="http://x.example/a.png"><a href="https://example.org/source">src</a>
    <a href="code/x.html">code</a><div style="background: url('https://x.example/b.png')"></div></body></html>"""
    assert external_resources(html) == [
        "<script src=https://cdn.example/require.js>", "<link href=//fonts.example/css>", "https://x.example/a.css",
        "https://cdn.example/mermaid.mjs", "<img src=http://x.example/a.png>", "https://x.example/b.png",
    ]  # fmt: skip


# --------------------------------------------------------------------------- fast: files, lock, git


def test_write_atomic_replaces_whole_files_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "sub" / "report.html"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"half")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]


def test_second_build_lock_waits_for_the_first(tmp_path):
    acquired = threading.Event()

    def second_build():
        with build_lock(tmp_path):
            acquired.set()

    with build_lock(tmp_path):
        with pytest.raises(BlockingIOError, match="another build holds"):
            with build_lock(tmp_path, wait=False):
                pass
        thread = threading.Thread(target=second_build)
        thread.start()
        assert not acquired.wait(0.3)  # blocked while the first build holds the lock
    assert acquired.wait(10)  # and proceeds once it is released
    thread.join()


def test_git_commit(tmp_path):
    assert git_commit(tmp_path) == "unknown"
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("a")
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "a"], check=True)
    commit = git_commit(tmp_path)
    assert re.fullmatch(r"[0-9a-f]{7,}", commit)
    (tmp_path / "a.txt").write_text("b")
    assert git_commit(tmp_path) == f"{commit} + uncommitted changes"
    (tmp_path / "sub").mkdir()
    assert git_commit(tmp_path / "sub") == "unknown"  # only the project's own repository counts


# --------------------------------------------------------------------------- fast: incremental decisions


@pytest.fixture
def fake_runs(monkeypatch):
    """Replace notebook execution by a recorder (the runner's decisions are under test, not papermill)."""
    calls: list[str] = []

    def fake_run_job(job):
        calls.append(job.output)
        return Result(job.output, job.notebook.name, "ok", 0.0)

    monkeypatch.setattr("lso_analysis.reports.execute.run_job", fake_run_job)
    return calls


def edit(path: Path, text: str = "\n# edited\n") -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def touch_outputs(reports_dir: Path, output: str) -> None:
    for relative in (f"{output}.html", f"code/{output}.html", f"executed/{output}.ipynb"):
        (reports_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        (reports_dir / relative).write_text("x")


@pytest.mark.parametrize(
    "change",
    ["library file", "new library file", "data file", "new data file", "notebook", "package version", "force",
     "missing output"],
)  # fmt: skip
def test_any_input_change_reruns_the_report(tmp_path, fake_runs, monkeypatch, change):
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD})
    assert run_build(options).code == 0 and fake_runs == ["01-fixture-report"]
    touch_outputs(options.reports_dir, "01-fixture-report")
    assert run_build(options).code == 0 and fake_runs == ["01-fixture-report"]  # no-op
    changes = {}
    if change == "library file":
        edit(options.library_dir / "__init__.py")
    elif change == "new library file":
        (options.library_dir / "sub").mkdir()
        (options.library_dir / "sub" / "cleaner.py").write_text("x = 1\n")
    elif change == "data file":
        edit(options.data_dirs[0] / "sources.csv", "fixture-c,t,p,,,2022\n")
    elif change == "new data file":
        (options.data_dirs[1] / "units.csv").write_text("unit\n")
    elif change == "notebook":
        edit(options.notebooks_dir / "01-fixture-report.ipynb", " ")
    elif change == "package version":
        real = __import__("importlib.metadata").metadata.version
        monkeypatch.setattr("importlib.metadata.version", lambda name: "9.9" if name == "pandas" else real(name))
    elif change == "force":
        changes["force"] = True
    elif change == "missing output":
        (options.reports_dir / "code" / "01-fixture-report.html").unlink()
    result = run_build(options, **changes)
    assert result.code == 0
    assert fake_runs == ["01-fixture-report", "01-fixture-report"], result.out


def test_non_default_parameters_get_their_own_output(tmp_path, fake_runs):
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD})
    run_build(options, params=["n=3", "province=Lạng Sơn"])  # equal to the defaults: the default report
    run_build(options, params=["province=Hà Giang", "flag=no"])
    assert fake_runs == ["01-fixture-report", "01-fixture-report--flag-false--province-ha-giang"]
    state = json.loads((options.reports_dir / ".state" / "01-fixture-report--flag-false--province-ha-giang.json")
                       .read_text(encoding="utf-8"))  # fmt: skip
    assert state["overrides"] == {"flag": False, "province": "Hà Giang"}
    assert state["parameters"] == {"province": "'Hà Giang'", "n": "3", "scale": "1.5", "flag": "False"}


def test_clean_removes_generated_reports_first(tmp_path, fake_runs):
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD, "02-fixture-failing.ipynb": FAILING})
    options.jobs = 1  # in-process, where the fake runner is installed
    reports = options.reports_dir
    assert run_build(options).code == 0
    assert run_build(options, only=["01"], params=["n=5"]).code == 0  # a sweep the build wrote
    (reports / "README.md").write_text("kept")
    for output in ("01-fixture-report", "01-fixture-report--n-5", "02-fixture-failing"):
        touch_outputs(reports, output)
    assert run_build(options, only=["01"], clean=True).code == 0
    assert not (reports / "01-fixture-report--n-5.html").exists()  # the notebook's sweeps go too
    assert (reports / "02-fixture-failing.html").exists()  # other notebooks' reports stay with --only
    assert run_build(options, clean=True).code == 0
    assert fake_runs == ["01-fixture-report", "02-fixture-failing", "01-fixture-report--n-5", "01-fixture-report",
                         "01-fixture-report", "02-fixture-failing"]  # fmt: skip
    assert sorted(p.name for p in reports.iterdir()) == [".lock", ".manifest.json", ".state", "README.md",
                                                         "_build-log.json", "index.html"]  # fmt: skip


def test_noop_build_imports_nothing_heavy(tmp_path, fake_runs):
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD})
    run_build(options)
    touch_outputs(options.reports_dir, "01-fixture-report")
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from lso_analysis.reports import BuildOptions, build
        root = Path({str(tmp_path)!r})
        code = build(BuildOptions(notebooks_dir=root / "notebooks", reports_dir=root / "reports", project_root=root,
                                  data_dirs=(root / "data/raw", root / "data/reference"), library_dir=root / "lib/fakelib"))
        heavy = sorted(m for m in ("papermill", "nbconvert", "nbformat", "nbclient", "pandas", "IPython", "jinja2")
                       if m in sys.modules)
        print(code, heavy)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "up to date" in result.stdout
    # If lso_analysis/__init__.py starts importing pandas eagerly, the no-op build slows down: keep it lazy.
    assert result.stdout.strip().splitlines()[-1] == "0 []"


# --------------------------------------------------------------------------- slow: real builds


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Build the fixtures twice (the second with --force), then a parameter sweep; keep every result."""
    root = tmp_path_factory.mktemp("project")
    options = make_project(root, {"01-fixture-report.ipynb": GOOD, "02-fixture-failing.ipynb": FAILING})
    first = run_build(options)
    snap_first = snapshot(options.reports_dir)
    second = run_build(options, force=True)
    snap_second = snapshot(options.reports_dir)
    sweep = run_build(options, only=["01"], params=["province=06", "n=2"])
    return SimpleNamespace(root=root, options=options, reports=options.reports_dir, first=first, second=second,
                           sweep=sweep, snap_first=snap_first, snap_second=snap_second,
                           snap_sweep=snapshot(options.reports_dir))  # fmt: skip


@pytest.mark.slow
def test_build_writes_every_view_and_names_the_failing_cell(builds):
    assert builds.first.code == 1
    assert sorted(builds.snap_first) == [
        "01-fixture-report.html", "code/01-fixture-report.html", "executed/01-fixture-report.ipynb",
        "executed/02-fixture-failing.FAILED.ipynb", "index.html",
    ]  # fmt: skip
    assert ("error: 02-fixture-failing.ipynb failed at cell 3 (In [3]): ValueError: fixture failure with n=3"
            in builds.first.err)  # fmt: skip
    summary = builds.first.out.splitlines()
    assert summary[0].split() == ["notebook", "status", "seconds", "output"]
    assert re.match(r"01-fixture-report +ok +\d+\.\d +\S+01-fixture-report\.html$", summary[1])
    assert re.match(r"02-fixture-failing +FAILED +\d+\.\d +\S+02-fixture-failing\.FAILED\.ipynb$", summary[2])
    failed = json.loads(builds.snap_first["executed/02-fixture-failing.FAILED.ipynb"])
    outputs = [o for cell in failed["cells"] for o in cell.get("outputs", [])]
    assert {"ename": "ValueError", "evalue": "fixture failure with n=3"}.items() <= outputs[-1].items()
    assert not leftovers(builds.reports)


@pytest.mark.slow
def test_reader_view_hides_code_and_embeds_the_plot(builds):
    reader = builds.snap_first["01-fixture-report.html"].decode()
    code = builds.snap_first["code/01-fixture-report.html"].decode()
    assert "<title>Fixture report: parameters and a plot</title>" in reader
    assert "province='Lạng Sơn' n=3 scale=1.5 flag=True" in reader  # outputs kept
    assert "str int float bool" in reader
    assert "A tiny notebook used by" in reader  # markdown kept
    for html in (reader, code):
        assert html.count('<img alt="No description has been provided for this image" class="" '
                          'src="data:image/png;base64,') == 1  # fmt: skip
    assert "subplots" in code and "subplots" not in reader
    assert "jp-InputPrompt" in code and "In&nbsp;[" not in reader


@pytest.mark.slow
def test_reports_open_offline(builds):
    pages = {name: data.decode() for name, data in builds.snap_sweep.items() if name.endswith(".html")}
    assert len(pages) == 5  # two views of the default and of the sweep report, and the index
    for name, html in pages.items():
        assert external_resources(html) == [], name
    # plain hyperlinks stay: the cited source's URL is a link, not a fetch
    assert '<a href="https://example.org/report-a">' in pages["01-fixture-report.html"]


@pytest.mark.slow
def test_footer_states_parameters_commit_data_versions_and_sources(builds):
    html = builds.snap_first["01-fixture-report.html"].decode()
    footer = html[html.index('<footer class="lso-footer">'):html.index("</footer>")]
    data_hash = fingerprint(list(builds.options.data_dirs), builds.options.library_dir).data_hash
    for text in (
        "<code>province = 'Lạng Sơn'</code>, <code>n = 3</code>, <code>scale = 1.5</code>, "
        "<code>flag = True</code>",
        "git commit unknown",
        f'<code title="{data_hash}">{data_hash[:16]}</code> over 2 files',
        "lso-analysis ", " · pandas ", " · numpy ", " · statsmodels ", " · seaborn ", " · matplotlib ",
        " · papermill ", " · nbconvert ", " · python 3.",
        "<li><code>fixture-a</code>: Báo cáo tình hình kinh tế, UBND tỉnh Lạng Sơn, 2020-07-15 "
        '<a href="https://example.org/report-a">',
        "<li><code>fixture-b</code>: Tin ngắn, Báo Lạng Sơn, 2021</li>",
        '<a href="code/01-fixture-report.html">code view</a>',
    ):
        assert text in footer
    code_view = builds.snap_first["code/01-fixture-report.html"].decode()
    assert '<a href="../01-fixture-report.html">reader view</a>' in code_view


@pytest.mark.slow
def test_plots_are_inline_png_without_software_metadata(builds):
    html = builds.snap_first["01-fixture-report.html"].decode()
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1))
    assert png.startswith(b"\x89PNG")
    assert b"tEXtSoftware" not in png and b"matplotlib" not in png.lower()


@pytest.mark.slow
def test_executed_notebooks_have_no_timings_random_ids_or_absolute_paths(builds):
    for name, data in builds.snap_sweep.items():
        text = data.decode()
        assert str(builds.root) not in text, name
        if name.endswith(".ipynb"):
            for key in ('"start_time"', '"end_time"', '"duration"', '"iopub.', '"shell.execute_reply"'):
                assert key not in text, (name, key)
            ids = [cell["id"] for cell in json.loads(text)["cells"]]
            assert all(re.fullmatch(r"fixture-\d|injected-parameters|lso-cell-\d+", i) for i in ids), ids


@pytest.mark.slow
def test_rebuild_is_byte_identical(builds):
    assert "[2/2]" in builds.second.err  # the second build really ran both notebooks again
    assert builds.snap_second.keys() == builds.snap_first.keys()
    for name, data in builds.snap_first.items():
        assert builds.snap_second[name] == data, name


@pytest.mark.slow
def test_sweep_writes_a_separate_report_with_typed_parameters(builds):
    assert builds.sweep.code == 0
    out = "01-fixture-report--n-2--province-06"
    executed = json.loads(builds.snap_sweep[f"executed/{out}.ipynb"])
    injected = next(cell for cell in executed["cells"] if cell["id"] == "injected-parameters")
    assert "".join(injected["source"]).splitlines()[-2:] == ["n = 2", 'province = "06"']  # sorted
    printed = "".join(executed["cells"][3]["outputs"][0]["text"])
    assert printed == "province='06' n=2 scale=1.5 flag=True\nstr int float bool\n"
    for name, data in builds.snap_second.items():  # the default reports are untouched
        if name != "index.html":
            assert builds.snap_sweep[name] == data, name
    index = builds.snap_sweep["index.html"].decode()
    assert f'<a href="{out}.html">Fixture report: parameters and a plot</a>' in index
    assert "<code>province = &#x27;06&#x27;</code>, <code>n = 2</code>" in index


@pytest.mark.slow
def test_index_lists_titles_parameters_status_and_links(builds):
    index = builds.snap_first["index.html"].decode()
    assert '<a href="01-fixture-report.html">Fixture report: parameters and a plot</a>' in index
    assert "defaults: province = &#x27;Lạng Sơn&#x27;, n = 3, scale = 1.5, flag = True" in index
    assert '<span class="ok">ok</span>' in index
    assert "Fixture report that fails" in index
    assert '<span class="failed">failed</span> (no report)' in index
    assert "cell 3, ValueError: fixture failure with n=3" in index
    assert '<a href="executed/02-fixture-failing.FAILED.ipynb">failed run</a>' in index
    assert '<a href="code/01-fixture-report.html">with code</a>' in index


@pytest.mark.slow
def test_noop_rebuild_runs_nothing(builds, tmp_path):
    project = tmp_path / "copy"
    shutil.copytree(builds.root, project)  # state holds no absolute path: a moved project stays up to date
    options = rebase(builds.options, builds.root, project)
    before = {p: p.stat().st_mtime_ns for p in options.reports_dir.rglob("*.html")}
    result = run_build(options, only=["01"])
    assert result.code == 0
    assert re.search(r"^01-fixture-report +up to date +- ", result.out, re.M)
    assert {p: p.stat().st_mtime_ns for p in options.reports_dir.rglob("*.html")} == before


@pytest.mark.slow
def test_failure_keeps_the_previous_report_and_the_others_still_run(tmp_path):
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD})
    assert run_build(options).code == 0
    good = snapshot(options.reports_dir)
    shutil.copy(FAILING, options.notebooks_dir / "01-fixture-report.ipynb")  # the notebook breaks
    shutil.copy(GOOD, options.notebooks_dir / "03-later.ipynb")  # runs after the failure (jobs=1)
    result = run_build(options, jobs=1)
    assert result.code == 1
    assert "error: 01-fixture-report.ipynb failed at cell 3 (In [3]): ValueError" in result.err
    assert "(previous report kept)" in result.err
    after = snapshot(options.reports_dir)
    for name in ("01-fixture-report.html", "code/01-fixture-report.html", "executed/01-fixture-report.ipynb"):
        assert after[name] == good[name], name
    assert "executed/01-fixture-report.FAILED.ipynb" in after
    assert "03-later.html" in after
    assert "failed</span> (previous report shown)" in after["index.html"].decode()
    assert not leftovers(options.reports_dir)


@pytest.mark.slow
def test_concurrent_builds_do_not_corrupt_each_other(tmp_path):
    make_project(tmp_path, {"01-fixture-report.ipynb": GOOD})
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from lso_analysis.reports import BuildOptions, build
        root = Path({str(tmp_path)!r})
        raise SystemExit(build(BuildOptions(notebooks_dir=root / "notebooks", reports_dir=root / "reports",
                                            project_root=root, data_dirs=(root / "data/raw", root / "data/reference"),
                                            library_dir=root / "lib/fakelib", progress=False)))
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]  # fmt: skip
    outputs = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    statuses = sorted(re.search(r"^01-fixture-report +(ok|up to date) ", out, re.M).group(1) for out, _ in outputs)
    assert statuses == ["ok", "up to date"]  # the second waited for the lock, then found the report built
    reports = tmp_path / "reports"
    assert not leftovers(reports)
    json.loads((reports / "executed" / "01-fixture-report.ipynb").read_text(encoding="utf-8"))
    assert (reports / "01-fixture-report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


# --------------------------------------------------------------------------- sweeps and shards (issue 13)


def test_parse_sweep_groups_repeated_keys_and_refuses_bad_items():
    from lso_analysis.reports.sweep import grid, parse_sweep

    sweep = parse_sweep(["n=1", "province=A", "n=2", "n=1"])
    assert sweep == {"n": ["1", "2"], "province": ["A"]}
    assert grid(sweep) == [{"n": "1", "province": "A"}, {"n": "2", "province": "A"}]
    assert grid({}) == [{}]
    with pytest.raises(ParameterError, match="KEY=VALUE"):
        parse_sweep(["province"])


def test_group_expands_from_the_geographies_table(tmp_path):
    from lso_analysis.reports.sweep import expand_groups

    csv_path = tmp_path / "geographies.csv"
    csv_path.write_text("name,level,region,groups\nA,province,R,border;hills\nB,province,R,border\nC,province,R,\n",
                        encoding="utf-8")
    assert expand_groups({"province": ["@border", "C"]}, csv_path)["province"] == ["A", "B", "C"]
    with pytest.raises(ParameterError, match="@border, @hills"):
        expand_groups({"province": ["@coast"]}, csv_path)


def test_shards_partition_the_grid():
    from lso_analysis.reports.sweep import parse_shard, shard_of

    outputs = [f"10-covid-impact--province-p{i}" for i in range(40)]
    shares = [[o for o in outputs if shard_of(o, (i, 3))] for i in (1, 2, 3)]
    assert sorted(sum(shares, [])) == sorted(outputs)  # every report in exactly one share
    assert all(shares)
    assert parse_shard("2/3") == (2, 3)
    for bad in ("0/3", "4/3", "2", "a/b"):
        with pytest.raises(ParameterError, match="--shard"):
            parse_shard(bad)


@pytest.mark.slow
def test_sweep_builds_one_report_per_value_and_shards_merge(tmp_path):
    options = make_project(tmp_path / "p", {"01-fixture-report.ipynb": GOOD})
    sweep = ["-p", "n=4", "-p", "n=5", "-p", "n=6"]
    params = [a for a in sweep if a != "-p"]
    reports = {}
    for i in (1, 2):
        shard_dir = tmp_path / f"shard{i}"
        result = run_build(options, params=params, shard=f"{i}/2", reports_dir=shard_dir)
        assert result.code == 0, result.err
        reports[i] = sorted(p.name for p in shard_dir.glob("*.html") if p.name != "index.html")
    assert sorted(reports[1] + reports[2]) == [f"01-fixture-report--n-{n}.html" for n in (4, 5, 6)]
    assert not set(reports[1]) & set(reports[2])
    # gather the shards into one folder, then merge the index
    merged = tmp_path / "merged"
    for i in (1, 2):
        shutil.copytree(tmp_path / f"shard{i}", merged, dirs_exist_ok=True)
    result = run_build(options, reports_dir=merged, index_only=True)
    assert result.code == 0
    index = (merged / "index.html").read_text(encoding="utf-8")
    assert all(f"01-fixture-report--n-{n}.html" in index for n in (4, 5, 6))
    assert '<tr class="group"><th colspan="4">Lạng Sơn</th></tr>' in index
