"""Reports say only what their data support: for an invented province, and for other windows (slow)."""

from __future__ import annotations

import html
import re

import pytest

import fixture_data as fd

_YEAR = re.compile(r"(?<![\d/-])(?:19[5-9]\d|20[0-4]\d)(?![\d/-])")


def body_text(page: str) -> str:
    """The reader's text of a report: no sources list, no footer, no marked yardsticks, no markup."""
    page = page.split('<footer class="lso-footer">', 1)[0]
    page = re.split(r'<h[1-6][^>]*id="Sources[^"]*"', page, maxsplit=1)[0]
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<figure class=[\"']lso-table lso-ref[\"']>.*?</figure>", " ", page, flags=re.S)
    page = re.sub(r'<span class="lso-ref">.*?</span>', " ", page, flags=re.S)
    page = re.sub(r"<img\b[^>]*>", " ", page)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def years_named(page: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(body_text(page))}


def test_body_text_drops_sources_footer_and_references():
    page = ('<p>Growth in 2021 was <span class="lso-ref">2004–2018</span> high.</p>'
            '<figure class="lso-table lso-ref"><td>2016</td></figure><figure class="lso-table"><td>2022</td></figure>'
            '<h2 id="Sources">Sources</h2><p>2019</p><footer class="lso-footer">2030</footer>')
    assert years_named(page) == {2021, 2022}


@pytest.fixture(scope="module")
def fixture_reports(kylinh_data, tmp_path_factory):
    return fd.render(kylinh_data, tmp_path_factory.mktemp("kylinh-reports"), f"province={fd.PROVINCE}")


@pytest.mark.slow
def test_fixture_province_reports_name_no_other_province(fixture_reports):
    assert fixture_reports, "no report was written"
    for name, page in fixture_reports.items():
        assert page.count("Lạng Sơn") == 0, f"{name} names Lạng Sơn"
        assert "Xứ Lạng" not in page, name
        assert fd.PROVINCE in page, f"{name} does not name its province"
        assert "Traceback" not in page, name


@pytest.mark.slow
@pytest.mark.parametrize("start, end", [(2021, 2022), (2020, 2020)])
def test_reports_name_only_years_in_their_window(tmp_path, start, end):
    from lso_analysis import paths

    pages = fd.render(paths.DATA_DIR, tmp_path, f"start_year={start}", f"end_year={end}")
    assert pages
    for name, page in pages.items():
        outside = sorted(y for y in years_named(page) if not start <= y <= end)
        assert outside == [], f"{name} names {outside} outside {start}–{end}"
