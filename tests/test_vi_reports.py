"""The Vietnamese edition of every report (issue 16): Vietnamese throughout, Vietnamese numbers, a working switch.

Slow: renders every notebook in both languages on the real data, and in Vietnamese for the invented province.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import fixture_data as fd
from lso_analysis import paths
from test_notebooks import assert_every_chart_and_table_has_its_data
from vi_check import english_sentences, number_convention_errors

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
_SWITCH = re.compile(r'<nav [^>]*class="lso-lang"[^>]*>.*?</nav>', re.S)


def verbatim(data: Path) -> list[str]:
    """What a report may show as published: the titles and publishers of the sources."""
    with open(data / "raw" / "sources.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row[key] for row in rows for key in ("title", "publisher") if row.get(key)]


def body(page: str) -> str:
    """The page as the reader sees it above the footer, without the language switch."""
    start = page.index("<main>") if "<main>" in page else 0
    return _SWITCH.sub(" ", page[start:].split('<footer class="lso-footer">', 1)[0])


def footer(page: str) -> str:
    """The footer without its list of sources (titles as published) and package names."""
    text = page.split('<footer class="lso-footer">', 1)[1]
    text = re.sub(r"<ul>.*?</ul>", " ", text, flags=re.S)
    return re.sub(r"<dt>[^<]*</dt><dd>[^<]*(?:pandas|numpy)[^<]*</dd>", " ", text)


def problems(name: str, page: str, exempt: list[str]) -> list[str]:
    found = [f"{name}: English: {s}" for s in english_sentences(body(page), exempt)]
    found += [f"{name}: number: {n}" for n in number_convention_errors(body(page), exempt)]
    found += [f"{name}: footer: {s}" for s in english_sentences(footer(page))]
    if '<html lang="vi">' not in page:
        found.append(f'{name}: no <html lang="vi">')
    return found


def test_body_and_footer_helpers():
    page = ('<html lang="vi"><main><nav aria-label="x" class="lso-lang"><a href="a.html">English</a></nav>'
            "<p>Kim ngạch tăng 2,03%.</p><footer class=\"lso-footer\"><dt>Gói phần mềm</dt><dd>pandas 3.1.1 · "
            "numpy 2.4.6</dd><dt>Nguồn đã trích dẫn</dt><dd><ul><li>The title of the source</li></ul></dd></footer>")
    assert "English" not in body(page) and "Kim ngạch" in body(page)
    assert problems("x", page, []) == []
    bad = page.replace("Kim ngạch tăng 2,03%.", "Turnover rose by 2.03%.")
    assert problems("x", bad, []) == ["x: English: Turnover rose by 2.03%.", "x: number: 2.03%"]


@pytest.fixture(scope="module")
def real_reports(tmp_path_factory):
    reports = tmp_path_factory.mktemp("bilingual") / "reports"
    pages = fd.render(paths.DATA_DIR, reports, "language=en", "language=vi")
    return reports, pages


@pytest.mark.slow
@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")
def test_every_report_has_a_vietnamese_edition_in_vietnamese(real_reports):
    reports, pages = real_reports
    vietnamese = {n: p for n, p in pages.items() if n.endswith("--language-vi.html")}
    assert sorted(vietnamese) == sorted(f"{p.stem}--language-vi.html" for p in NOTEBOOKS)
    exempt = verbatim(paths.DATA_DIR)
    found = [problem for name, page in vietnamese.items() for problem in problems(name, page, exempt)]
    assert found == [], "\n".join(found[:60])
    for name, page in vietnamese.items():
        assert "Traceback" not in page, name
        assert_every_chart_and_table_has_its_data(page, name)


@pytest.mark.slow
@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")
def test_every_page_links_to_its_twin(real_reports):
    reports, pages = real_reports
    assert len(pages) == 2 * len(NOTEBOOKS)
    for folder in (reports, reports / "code"):
        for page in sorted(folder.glob("*.html")):
            if page.name == "index.html":
                continue
            switch = _SWITCH.findall(page.read_text(encoding="utf-8"))
            assert len(switch) == 1, f"{page.name}: {len(switch)} language switches"
            targets = re.findall(r'href="([^"]+)"', switch[0])
            assert len(targets) == 1 and (folder / targets[0]).is_file(), (page.name, targets)
            twin = targets[0]
            assert ("--language-vi" in twin) != ("--language-vi" in page.name), (page.name, twin)
    index = (reports / "index.html").read_text(encoding="utf-8")
    for stem in (p.stem for p in NOTEBOOKS):
        assert f'<a href="{stem}.html" hreflang="en">English</a>' in index
        assert f'<a href="{stem}--language-vi.html" hreflang="vi">Tiếng Việt</a>' in index


@pytest.mark.slow
@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")
def test_the_invented_province_reads_in_vietnamese(kylinh_data, tmp_path):
    data = kylinh_data
    pages = fd.render(data, tmp_path / "reports", f"province={fd.PROVINCE}", "language=vi")
    assert len(pages) == len(NOTEBOOKS)
    exempt = verbatim(data)
    found = [problem for name, page in pages.items() for problem in problems(name, page, exempt)]
    assert found == [], "\n".join(found[:60])
