"""Report editions by language: lang-xx cells dropped, the twin report, the language switch, the bilingual index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lso_analysis.reports.language import cell_languages, for_language, language_of, switch_html, twins
from lso_analysis.reports.plan import plan_report
from lso_analysis.reports.state import fingerprint
from test_reports import FIXTURES, GOOD, fake_runs, make_project, run_build, snapshot, touch_outputs  # noqa: F401

BILINGUAL = FIXTURES / "03-fixture-bilingual.ipynb"


def _sources(nb: dict) -> list[str]:
    return ["".join(c["source"]).splitlines()[0] for c in nb["cells"]]


def test_cells_of_the_other_language_are_left_out():
    nb = json.loads(BILINGUAL.read_text(encoding="utf-8"))
    english, kept_en = for_language(nb, "en")
    vietnamese, kept_vi = for_language(nb, "vi")
    assert _sources(english) == ["# Bilingual fixture report", 'province = "Lạng Sơn"',
                                 "from lso_analysis.present import current_language, set_language",
                                 "## English section", "Shown in every edition: `lso-analysis`.", "if fail:"]
    assert _sources(vietnamese) == ["# Báo cáo thử song ngữ", 'province = "Lạng Sơn"',
                                    "from lso_analysis.present import current_language, set_language",
                                    "## Phần tiếng Việt", "Shown in every edition: `lso-analysis`.", "if fail:"]
    assert kept_en == [0, 2, 3, 4, 6, 7] and kept_vi == [1, 2, 3, 5, 6, 7]
    assert len(nb["cells"]) == 8  # the source notebook is left as it was
    both = {"cell_type": "markdown", "metadata": {"tags": ["lang-en", "lang-vi"]}, "source": "x"}
    assert cell_languages(both) == {"en", "vi"}
    assert for_language({"cells": [both]}, "vi")[1] == [0] and for_language({"cells": [both]}, "en")[1] == [0]


def test_language_parameter_names_the_edition_and_its_twin(tmp_path):
    options = make_project(tmp_path, {"03-fixture-bilingual.ipynb": BILINGUAL})
    fp = fingerprint(list(options.data_dirs), options.library_dir)
    notebook = options.notebooks_dir / "03-fixture-bilingual.ipynb"
    english = plan_report(notebook, {"language": "en"}, fp)
    vietnamese = plan_report(notebook, {"language": "vi", "province": "Hà Giang"}, fp)
    assert (english.output, english.language, english.title) == ("03-fixture-bilingual", "en", "Bilingual fixture report")
    assert (vietnamese.output, vietnamese.language, vietnamese.title) == (
        "03-fixture-bilingual--language-vi--province-ha-giang", "vi", "Báo cáo thử song ngữ")
    assert vietnamese.twins == {"en": "03-fixture-bilingual--province-ha-giang", "vi": vietnamese.output}
    assert english.twins == {"en": "03-fixture-bilingual", "vi": "03-fixture-bilingual--language-vi"}
    assert plan_report(notebook, {}, fp).twins == english.twins  # no -p at all: the default edition
    assert language_of({"language": "'vi'"}) == "vi" and language_of({}) == "en"
    assert twins("01-x", {"n": 2, "language": "vi"}, "en") == {"en": "01-x--n-2", "vi": "01-x--language-vi--n-2"}


def test_a_language_the_reports_are_not_written_in_is_refused(tmp_path):
    options = make_project(tmp_path, {"03-fixture-bilingual.ipynb": BILINGUAL})
    result = run_build(options, params=["language=fr"])
    assert result.code == 2
    assert "parameter 'language' = 'fr' is not a language the reports are written in; use one of: en, vi" in result.err
    assert not (options.reports_dir / "index.html").exists()


def test_switch_links_plainly_to_the_other_edition():
    outputs = {"en": "10-x", "vi": "10-x--language-vi"}
    assert switch_html("en", outputs) == (
        '<nav aria-label="Language / Ngôn ngữ" class="lso-lang"><strong lang="en">English</strong> · '
        '<a href="10-x--language-vi.html" hreflang="vi" lang="vi">Tiếng Việt</a></nav>\n')
    assert '<a href="10-x.html" hreflang="en" lang="en">English</a> · <strong lang="vi">Tiếng Việt</strong>' in \
        switch_html("vi", outputs)
    assert switch_html("en", {}) == ""  # a notebook without a language parameter has no switch
    assert "<script" not in switch_html("vi", outputs)


def test_index_shows_both_editions_in_one_row(tmp_path, fake_runs):  # noqa: F811
    options = make_project(tmp_path, {"01-fixture-report.ipynb": GOOD, "03-fixture-bilingual.ipynb": BILINGUAL})
    options.jobs = 1  # in-process, where the fake runner is installed
    assert run_build(options, only=["03"], params=["language=en", "language=vi"]).code == 0
    assert run_build(options, only=["01"]).code == 0
    assert sorted(fake_runs) == ["01-fixture-report", "03-fixture-bilingual", "03-fixture-bilingual--language-vi"]
    for output in ("03-fixture-bilingual", "03-fixture-bilingual--language-vi", "01-fixture-report"):
        touch_outputs(options.reports_dir, output)
    assert run_build(options, only=["01"]).code == 0  # rewrites the index with every file in place
    index = (options.reports_dir / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr[ >].*?</tr>", index)
    pair = [row for row in rows if "03-fixture-bilingual" in row]
    assert len(pair) == 1  # one row for both editions
    row = pair[0]
    assert '<a href="03-fixture-bilingual.html" hreflang="en">Bilingual fixture report</a>' in row
    assert '<a href="03-fixture-bilingual--language-vi.html" hreflang="vi">Báo cáo thử song ngữ</a>' in row
    assert '<a href="03-fixture-bilingual.html" hreflang="en">English</a>' in row
    assert '<a href="03-fixture-bilingual--language-vi.html" hreflang="vi">Tiếng Việt</a>' in row
    assert '<a href="code/03-fixture-bilingual--language-vi.html">bản kèm mã nguồn</a>' in row
    assert "language" not in re.sub(r'href="[^"]*"|<code>[^<]*</code>', "", row)  # the editions replace the parameter
    assert "defaults: province = &#x27;Lạng Sơn&#x27;, fail = False" in row
    # the Vietnamese edition's -p language=vi does not make it another variant: one province heading only
    assert re.findall(r'<tr class="group"><th colspan="4">([^<]*)</th>', index) == ["Lạng Sơn"]
    assert '<a href="01-fixture-report.html">Fixture report: parameters and a plot</a>' in index
    for href in re.findall(r'href="([^"#]+)"', index):
        assert (options.reports_dir / href).is_file(), href


def test_page_carries_the_switch_and_speaks_its_language(tmp_path):
    """Render both editions of the unexecuted fixture (no kernel): switch at the top, <html lang>, footer words."""
    from lso_analysis.reports.execute import Job, _write_reports
    from lso_analysis.reports.files import temp_path
    from lso_analysis.reports.provenance import Provenance
    from lso_analysis.reports.state import output_files

    reports = tmp_path / "reports"
    provenance = Provenance(commit="abc1234 + uncommitted changes", data_hash="0" * 64, data_files=3,
                            versions={"pandas": "3.1.1"}, data_folder="data")
    pages = {}
    for language, output in {"en": "03-x", "vi": "03-x--language-vi"}.items():
        nb, _ = for_language(json.loads(BILINGUAL.read_text(encoding="utf-8")), language)
        for cell in nb["cells"]:  # as nbformat gives it after a run: the source as one string
            cell["source"] = "".join(cell["source"])
        job = Job(notebook=BILINGUAL, output=output, title="T", parameters={"language": repr(language)},
                  overrides={"language": language} if language == "vi" else {}, notebooks_dir=FIXTURES,
                  reports_dir=reports, project_root=tmp_path, library_root=tmp_path, kernel_config=tmp_path / "c.py",
                  provenance=provenance, language=language, twins={"en": "03-x", "vi": "03-x--language-vi"})
        files = output_files(reports, output)
        _write_reports(job, nb, [], files, temp_path(files["executed"]))
        pages[language] = (files["html"].read_text(encoding="utf-8"), files["code"].read_text(encoding="utf-8"))
    en, vi = pages["en"][0], pages["vi"][0]
    assert '<html lang="vi">' in vi and '<html lang="en">' in en
    body = vi[vi.index("<main>"):]
    assert body.index('class="lso-lang"') < body.index("Báo cáo thử song ngữ")  # the switch comes first
    assert '<a href="03-x.html" hreflang="en" lang="en">English</a>' in vi
    assert '<a href="03-x--language-vi.html" hreflang="vi" lang="vi">Tiếng Việt</a>' in en
    assert '<a href="03-x.html" hreflang="en" lang="en">English</a>' in pages["vi"][1]  # code view → code view
    footer = vi[vi.index('<footer class="lso-footer">'):]
    for text in ("<h2>Về báo cáo này</h2>", "<dt>Tham số</dt>", "(đặt bằng -p)",
                 "bản commit git abc1234 + có thay đổi chưa commit", "của 3 tệp trong <code>data</code>",
                 "<dt>Nguồn đã trích dẫn</dt><dd>không trích dẫn nguồn nào</dd>",
                 '<a href="code/03-x--language-vi.html">bản kèm mã nguồn</a>'):
        assert text in footer, text
    assert "About this report" in en and "git commit abc1234 + uncommitted changes" in en
    assert "English section" in en and "Phần tiếng Việt" not in en
    assert "Phần tiếng Việt" in vi and "English section" not in vi


@pytest.mark.slow
def test_both_editions_build_rebuild_identically_and_link_to_each_other(tmp_path):
    options = make_project(tmp_path, {"03-fixture-bilingual.ipynb": BILINGUAL})
    first = run_build(options, params=["language=en", "language=vi"])
    assert first.code == 0, first.err
    before = snapshot(options.reports_dir)
    assert sorted(before) == ["03-fixture-bilingual--language-vi.html", "03-fixture-bilingual.html",
                              "code/03-fixture-bilingual--language-vi.html", "code/03-fixture-bilingual.html",
                              "executed/03-fixture-bilingual--language-vi.ipynb", "executed/03-fixture-bilingual.ipynb",
                              "index.html"]
    vi = before["03-fixture-bilingual--language-vi.html"].decode()
    assert "language=vi" in vi  # the kernel ran with the parameter and set_language
    executed = json.loads(before["executed/03-fixture-bilingual--language-vi.ipynb"])
    assert not [c for c in executed["cells"] if "lang-en" in c["metadata"].get("tags", [])]
    for name, data in before.items():
        if name.endswith(".html"):
            folder = (options.reports_dir / name).parent
            for href in re.findall(r'<nav [^>]*class="lso-lang".*?</nav>', data.decode(), re.S):
                for target in re.findall(r'href="([^"]+)"', href):
                    assert (folder / target).is_file(), (name, target)
    again = run_build(options, params=["language=en", "language=vi"], force=True)
    assert again.code == 0 and snapshot(options.reports_dir) == before
    failing = run_build(options, params=["language=vi", "fail=yes"])
    assert failing.code == 1
    assert "failed at cell 7 (In [4]): ValueError: fixture failure in vi" in failing.err  # the cell of the file
