"""Issue 14: hostile text, interrupted builds, other data folders, parameters checked before any kernel starts."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from lso_analysis.present import citations
from lso_analysis.present import narrative as nv
from lso_analysis.reports import BuildOptions, build, main
from lso_analysis.reports.execute import Result
from lso_analysis.reports.files import build_lock, remove_leftovers, temp_path
from lso_analysis.reports.provenance import Provenance, footer_html

ROOT = Path(__file__).resolve().parents[1]

#: What a hostile transcription or parameter could hold.
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<iframe src=http://x>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![x](http://evil/x.png)",
]


def markdown_to_html(text: str) -> str:
    """Render Markdown as nbconvert does for a report."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def live_markup(html: str) -> list[str]:
    """Tags or references in rendered HTML that a hostile string would have produced."""
    lowered = html.lower()
    found = [tag for tag in ("<img", "<iframe", "<script", "javascript:\"", 'href="javascript', "src=\"http")
             if tag in lowered]  # fmt: skip
    return found + [m for m in ("<a href=\"http://evil", "<a href=\"http://x") if m in lowered]


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escapes_every_value_so_markup_stays_text(text):
    shown = nv.md("Event: {title} on **{day}**", title=text, day="1 May")
    html = markdown_to_html(str(shown))
    assert live_markup(html) == [], html
    assert "<strong>1 May</strong>" in html  # the template's own Markdown still works
    # the reader sees the text as written (HTML-escaped, but every character there)
    assert text.replace("<", "&lt;").replace(">", "&gt;") in html.replace("&quot;", '"')


def test_trusted_markdown_passes_and_everything_else_is_escaped():
    inner = nv.md("**{n}** {what}", n=3, what="<b>")
    assert str(nv.md("{x}", x=inner)) == "**3** \\<b\\>"  # Markdown is inserted as it is
    assert str(nv.md("{x}", x=str(inner))) == "\\*\\*3\\*\\* \\\\\\<b\\\\\\>"  # a plain str is escaped again
    assert str(nv.md("{d:%d %B %Y}", d=__import__("datetime").date(2022, 3, 5))) == "05 March 2022"
    assert str(nv.md("{v}", v="line one\n\n# heading\n<script>")) == "line one \\# heading \\<script\\>"


def test_bullet_list_missing_note_join_and_code_escape_data():
    items = nv.bullet_list([nv.md("**{x}**", x="ok"), "<img src=x onerror=alert(1)>"], empty="none")
    assert str(items) == "- **ok**\n- \\<img src=x onerror=alert(1)\\>"
    assert str(nv.bullet_list([], empty="no <b>data</b>")) == "*no \\<b\\>data\\</b\\>*"
    note = nv.missing_note("<iframe src=http://x>", "[x](javascript:alert(1))")
    assert live_markup(markdown_to_html(str(note))) == []
    assert str(nv.join([nv.code("a_b"), "c*d"])) == "`a_b`, c\\*d"
    assert str(nv.code("x`y")) == "``x`y``" and str(nv.code("`x")) == "`` `x ``"
    assert "<code>&lt;script&gt;</code>" in markdown_to_html(str(nv.code("<script>")))


def test_sources_list_escapes_titles_and_links_only_plain_web_addresses():
    import pandas as pd

    citations.reset()
    citations.cite("evil-1", "evil-2")
    frame = pd.DataFrame({"source_id": ["evil-1", "evil-2"], "title": HOSTILE[:2], "publisher": HOSTILE[3:5],
                          "published": ["2021", "2022"],
                          "url": ["http://a/<img/src=x/onerror=alert(1)>", "https://example.org/ok"]})  # fmt: skip
    html = markdown_to_html(citations.sources_display(frame).markdown)
    citations.reset()
    assert live_markup(html) == [], html
    assert '<a href="https://example.org/ok">' in html


def test_footer_and_index_escape_parameters_and_name_the_data_folder(tmp_path):
    from lso_analysis.reports.index import render_index

    prov = Provenance("abc1234", "f" * 64, 3, {"python": "3.12"}, data_folder="/srv/other <data>")
    footer = footer_html(prov, {"province": repr(HOSTILE[0])}, {"province": HOSTILE[0]}, [], {})
    assert "<img" not in footer and "&lt;img src=x" in footer
    assert "over 3 files in <code>/srv/other &lt;data&gt;</code> (raw/ and reference/)" in footer
    assert '<p class="lead">Data: <code>data</code></p>' in render_index([], tmp_path, "data")


# --------------------------------------------------------------------------- a project with data to check against


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "id": "c0", "metadata": {}, "source": "# Province report\n"},
        {"cell_type": "code", "id": "c1", "metadata": {"tags": ["parameters"]}, "execution_count": None, "outputs": [],
         "source": 'province = "Lạng Sơn"\nstart_year = 2019\nend_year = 2023\n'},
        {"cell_type": "code", "id": "c2", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import os, time\ntime.sleep(float(os.environ.get('FIXTURE_SLEEP', '0')))\nprint(province)\n"},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}  # fmt: skip

SOURCES = (
    "source_id,title,publisher,author,url,published,published_basis,province,language,reliability,period_covered\n"
    "a-1,A,P,,,2019-03-01,stated,Lạng Sơn,vi,official,2018-01..2018-12\n"
    "b-1,B,P,,,2024-02-01,stated,Hà Giang,vi,official,2023-01..2023-12\n"
    "c-1,C,P,,,2021-05-01,stated,Cao Bằng,vi,press,2021-01..2021-03\n"
)


def make_data_project(root: Path, notebooks: tuple[str, ...] = ("10-province.ipynb",)) -> BuildOptions:
    """Notebooks with province and year parameters, and a data folder whose sources name three provinces."""
    (root / "notebooks").mkdir(parents=True)
    for name in notebooks:
        (root / "notebooks" / name).write_text(json.dumps(NOTEBOOK, ensure_ascii=False), encoding="utf-8")
    raw, reference, library = root / "data" / "raw", root / "data" / "reference", root / "lib" / "fakelib"
    for folder in (raw / "observations", reference, library):
        folder.mkdir(parents=True)
    (raw / "sources.csv").write_text(SOURCES, encoding="utf-8")
    (raw / "observations" / "c-1.csv").write_text("obs_no,indicator,province\n1,x,Việt Nam\n", encoding="utf-8")
    (library / "__init__.py").write_text("VALUE = 1\n", encoding="utf-8")
    return BuildOptions(notebooks_dir=root / "notebooks", reports_dir=root / "reports", project_root=root,
                        data_dirs=(raw, reference), library_dir=library, jobs=1, progress=False)  # fmt: skip


def run_build(options: BuildOptions, **changes) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    code = build(replace(options, **changes), out=out, err=err)
    return SimpleNamespace(code=code, out=out.getvalue(), err=err.getvalue())


@pytest.fixture
def fake_runs(monkeypatch):
    """Record the jobs instead of running notebooks, keeping each job's parameters."""
    calls: list = []

    def fake_run_job(job):
        calls.append((job.output, dict(job.overrides)))
        return Result(job.output, job.notebook.name, "ok", 0.0)

    monkeypatch.setattr("lso_analysis.reports.execute.run_job", fake_run_job)
    return calls


def touch_outputs(reports_dir: Path, output: str) -> None:
    for relative in (f"{output}.html", f"code/{output}.html", f"executed/{output}.ipynb"):
        (reports_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        (reports_dir / relative).write_text("x")


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (["province=Atlantis"], "'Atlantis' is not a province the data hold"),
        (["province=Atlantis"], "The data hold: Cao Bằng, Hà Giang, Lạng Sơn, Việt Nam"),
        (["province=Cao Bang City"], "closest match: Cao Bằng."),
        (["province=Ha Gianh"], "closest match: Hà Giang"),
        (["end_year=2010"], "end_year = 2010 is before start_year = 2019"),
        (["start_year=2012", "end_year=2015"], "start_year = 2012 is outside the years the data cover (2018–2024)"),
        (["end_year=2031"], "end_year = 2031 is outside the years the data cover (2018–2024)"),
    ],
)  # fmt: skip
def test_bad_parameters_exit_2_before_any_kernel_starts(tmp_path, fake_runs, params, message):
    options = make_data_project(tmp_path)
    result = run_build(options, params=params)
    assert result.code == 2 and message in result.err, result.err
    assert fake_runs == [] and not options.reports_dir.exists()


def test_province_spellings_share_one_canonical_output(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    for spelling in ("Hà Giang", "hà giang", "Ha Giang", "HA  GIANG"):
        assert run_build(options, params=[f"province={spelling}"], force=True).code == 0
    assert fake_runs == [("10-province--province-ha-giang", {"province": "Hà Giang"})] * 4
    assert run_build(options, params=["province=lạng sơn"]).code == 0  # the default, spelt otherwise
    assert fake_runs[-1] == ("10-province", {})
    state = json.loads((options.reports_dir / ".state" / "10-province--province-ha-giang.json").read_text())
    assert state["parameters"]["province"] == "'Hà Giang'"


def test_repeated_only_accumulates(tmp_path, fake_runs):
    options = make_data_project(tmp_path, ("10-province.ipynb", "20-other.ipynb", "30-third.ipynb"))
    code = main(["--notebooks-dir", str(options.notebooks_dir), "--reports-dir", str(options.reports_dir),
                 "--jobs", "1", "--only", "10", "--only", "30"])  # fmt: skip
    assert code == 0
    assert sorted(output for output, _ in fake_runs) == ["10-province", "30-third"]


def test_clean_with_a_parameter_touches_only_that_variant(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    reports = options.reports_dir
    assert run_build(options).code == 0
    assert run_build(options, params=["province=Hà Giang"]).code == 0
    assert run_build(options, params=["province=Cao Bằng"]).code == 0
    for output in ("10-province", "10-province--province-ha-giang", "10-province--province-cao-bang"):
        touch_outputs(reports, output)
    assert run_build(options, params=["province=ha giang"], clean=True).code == 0
    assert (reports / "10-province.html").is_file()  # the default report stays
    assert (reports / "10-province--province-cao-bang.html").is_file()  # so does the other variant
    assert not (reports / "10-province--province-ha-giang.html").exists()  # the variant was rebuilt (fake: no file)
    assert fake_runs[-1][0] == "10-province--province-ha-giang"


def test_clean_removes_only_files_a_build_wrote(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    reports = options.reports_dir
    assert run_build(options).code == 0
    touch_outputs(reports, "10-province")
    mine = {"notes.txt": "mine", "10-province--by-hand.html": "mine", "code/extra.html": "mine", "keep/a.py": "x"}
    for relative, text in mine.items():
        (reports / relative).parent.mkdir(parents=True, exist_ok=True)
        (reports / relative).write_text(text)
    assert run_build(options, clean=True).code == 0
    for relative in mine:
        assert (reports / relative).is_file(), relative
    assert not (reports / "10-province.html").exists()


def test_the_code_state_of_the_footer_decides_up_to_date(tmp_path, fake_runs, monkeypatch):
    options = make_data_project(tmp_path)
    monkeypatch.setattr("lso_analysis.reports.runner.git_commit", lambda root: "abc1234 + uncommitted changes")
    assert run_build(options).code == 0
    touch_outputs(options.reports_dir, "10-province")
    assert run_build(options).code == 0 and len(fake_runs) == 1  # unchanged: up to date
    monkeypatch.setattr("lso_analysis.reports.runner.git_commit", lambda root: "abc1234")  # the tree is clean again
    assert run_build(options).code == 0 and len(fake_runs) == 2


# --------------------------------------------------------------------------- folders


def test_missing_folders_are_errors_and_are_not_created(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    gone = tmp_path / "nowhere" / "raw"
    result = run_build(options, data_dirs=(gone, options.data_dirs[1]))
    assert result.code == 2 and f"the data folder {gone} does not exist" in result.err
    result = run_build(options, notebooks_dir=tmp_path / "no-notebooks")
    assert result.code == 2 and "the notebooks folder" in result.err
    assert not (tmp_path / "nowhere").exists() and not options.reports_dir.exists()


def test_reports_are_never_written_inside_the_package(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    result = run_build(options, reports_dir=options.library_dir / "reports")
    assert result.code == 2 and "refusing to write reports into the package" in result.err
    assert not (options.library_dir / "reports").exists()


def _paths_in(cwd: Path, **env: str) -> dict:
    code = ("import json, os; from lso_analysis import paths; print(json.dumps({'data': str(paths.DATA_DIR), "
            "'reports': str(paths.reports_dir()), 'env': os.environ.get('LSO_DATA_DIR'), "
            "'processed': str(paths.PROCESSED_DIR)}))")  # fmt: skip
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LSO_")} | {"PYTHONPATH": str(ROOT), **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=environ, capture_output=True, text=True,
                            check=True)  # fmt: skip
    return json.loads(result.stdout)


def test_env_folders_are_made_absolute_once_and_reports_follow_the_data(tmp_path):
    (tmp_path / "tinydata").mkdir()
    found = _paths_in(tmp_path, LSO_DATA_DIR="tinydata")
    data = str(tmp_path / "tinydata")
    assert found == {"data": data, "reports": f"{data}/reports", "env": data, "processed": f"{data}/processed"}
    found = _paths_in(tmp_path, LSO_DATA_DIR="tinydata", LSO_REPORTS_DIR="out")
    assert found["reports"] == str(tmp_path / "out")
    assert _paths_in(tmp_path)["reports"] == str(ROOT / "reports")  # the checkout's own data: its reports/


def test_cli_refuses_a_missing_data_folder_and_creates_nothing(tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LSO_")}
    environ |= {"PYTHONPATH": str(ROOT), "LSO_DATA_DIR": "missing"}
    for command in (["data"], ["validate"], ["reports", "--only", "00"]):
        result = subprocess.run([sys.executable, "-m", "lso_analysis.cli", *command], cwd=tmp_path, env=environ,
                                capture_output=True, text=True)  # fmt: skip
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"{tmp_path}/missing" in result.stdout + result.stderr
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- lock and leftovers


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_lock_left_by_a_killed_build_is_taken_over_with_a_message(tmp_path):
    (tmp_path / ".lock").write_text(json.dumps({"pid": _dead_pid(), "host": socket.gethostname()}))
    err = io.StringIO()
    with build_lock(tmp_path, wait=False, err=err):
        held = json.loads((tmp_path / ".lock").read_text())
        assert held["pid"] == os.getpid()
    assert "taking over from an interrupted build" in err.getvalue()
    assert (tmp_path / ".lock").read_text() == ""  # a clean end leaves no holder behind
    err = io.StringIO()
    with build_lock(tmp_path, wait=False, err=err):
        pass
    assert err.getvalue() == ""


def test_leftover_temp_files_are_removed_when_a_build_starts(tmp_path, fake_runs):
    options = make_data_project(tmp_path)
    reports = options.reports_dir
    stale = [temp_path(reports / "executed" / "10-province.ipynb"), temp_path(reports / "10-province.html"),
             temp_path(reports / ".state" / "10-province.json")]  # fmt: skip
    (reports / ".lso-kernel-k3j2.tmp").mkdir()  # a killed build's kernel settings
    (reports / ".lso-kernel-k3j2.tmp" / "ipython_kernel_config.py").write_text("c = 1\n")
    stale.append(reports / ".lso-kernel-k3j2.tmp")
    (reports / "executed" / ".notes.txt").write_text("not ours")
    assert run_build(options).code == 0
    assert not any(path.exists() for path in stale)
    assert (reports / "executed" / ".notes.txt").is_file()
    assert remove_leftovers(reports) == []


# --------------------------------------------------------------------------- slow: kill the parent


@pytest.mark.slow
@pytest.mark.parametrize("signame", ["SIGKILL", "SIGTERM"])
def test_killing_the_build_leaves_nothing_that_blocks_the_next_one(tmp_path, signame):
    """Start a build, kill only its main process, then the next build must finish within a bound."""
    import signal
    import time

    options = make_data_project(tmp_path, ("10-province.ipynb", "20-other.ipynb"))
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from lso_analysis.reports import BuildOptions, build
        root = Path({str(tmp_path)!r})
        sys.exit(build(BuildOptions(notebooks_dir=root / "notebooks", reports_dir=root / "reports",
                                    project_root=root, data_dirs=(root / "data/raw", root / "data/reference"),
                                    library_dir=root / "lib/fakelib", jobs=2, progress=False)))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FIXTURE_SLEEP": "600"}
    first = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    lock = options.reports_dir / ".lock"
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and not workers:  # wait until the workers run their notebooks
        time.sleep(0.5)
        try:
            workers = json.loads(lock.read_text() or "{}").get("workers", [])
        except (OSError, ValueError):
            pass
    assert workers and first.poll() is None, first.stderr.read() if first.poll() is not None else "no workers"
    time.sleep(3)  # the kernels are up and sleeping
    first.send_signal(getattr(signal, signame))
    first.wait(30)
    if signame == "SIGTERM":  # it stops its workers and releases the lock itself
        assert first.returncode == 128 + signal.SIGTERM, first.stderr.read()
    started = time.monotonic()
    second = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={**env, "FIXTURE_SLEEP": "0"},
                            capture_output=True, text=True, timeout=400)  # fmt: skip
    took = time.monotonic() - started
    print(f"second build after the kill: {took:.1f} s\n{second.stderr}")
    assert second.returncode == 0, second.stderr
    assert took < 300, f"the next build waited {took:.0f} s for the killed one"  # the notebooks sleep 600 s
    if signame == "SIGKILL":  # no chance to clean up: the next build takes over, and says so
        assert "taking over from an interrupted build" in second.stderr
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []  # the workers died with their parent
    assert not list(options.reports_dir.rglob(".*.tmp.*"))  # its temporary files are gone
    assert not list(options.reports_dir.glob(".lso-kernel-*"))  # and its kernel settings
    assert sorted(p.name for p in options.reports_dir.glob("*.html")) == ["10-province.html", "20-other.html",
                                                                           "index.html"]  # fmt: skip
