"""The report notebooks: committed clean, parameterised, no typed figures in prose, and they run (smoke tests)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lso_analysis import paths
from lso_analysis.present.words import WORDS

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
REQUIRED_PARAMETERS = {"province": "Lạng Sơn", "start_year": 2019, "end_year": 2023, "include_estimates": True,
                       "include_derived": True, "language": "en"}
# A number in Markdown prose: allowed only as a year, or inside the name "COVID-19".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ALLOWED = re.compile(r"COVID-19|\b(?:199\d|20[0-3]\d)\b")

def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def figures_in_markdown(text: str) -> list[str]:
    """Numbers in Markdown text other than years and the name COVID-19."""
    stripped = _ALLOWED.sub(" ", text)
    stripped = re.sub(r"`[^`]*`", " ", stripped)  # code spans name things (`dti_rank`), they are not figures
    stripped = re.sub(r"\]\([^)]*\)", "]", stripped)  # link targets
    return _NUMBER.findall(stripped)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Trade collapsed in 2020 and rebounded in 2021.", []),
        ("COVID-19 closed the gates in 2022.", []),
        ("Turnover fell 42,9% in the first half.", ["42,9"]),
        ("About 4.270 million USD", ["4.270"]),
        ("The `grdp_2021` column", []),
        ("rank 5 of 63", ["5", "63"]),
    ],
)
def test_figure_detector(text, found):
    assert figures_in_markdown(text) == found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    for i, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, f"cell {i} has outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_code_cell_is_the_parameters_cell(path):
    import ast

    nb = _load(path)
    assert nb["cells"][0]["cell_type"] == "markdown" and _source(nb["cells"][0]).lstrip().startswith("# ")
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert "parameters" in code[0].get("metadata", {}).get("tags", [])
    assigned = {}
    for node in ast.parse(_source(code[0])).body:
        assert isinstance(node, ast.Assign), "the parameters cell holds assignments only"
        assigned[node.targets[0].id] = ast.literal_eval(node.value)
    for name, default in REQUIRED_PARAMETERS.items():
        assert assigned.get(name) == default, name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_holds_no_figures(path):
    offenders = []
    for i, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] == "markdown":
            found = figures_in_markdown(_source(cell))
            if found:
                offenders.append((i, found))
    assert offenders == [], "figures typed into Markdown (compute them in code): " + repr(offenders)


def _province_names() -> list[str]:
    import csv

    with open(paths.GAZETTEER_CSV, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    column = "province" if "province" in rows[0] else next(iter(rows[0]))
    return sorted({r[column] for r in rows if r[column]}) + ["Xứ Lạng", "Lang Son", "Việt Nam"]


#: Words that state a result about the data: in a Markdown cell they would be true for one province and window only.
_COMPARATIVE = re.compile(
    r"\b(grew|fell|rose|peak(?:ed|s)?|least|most|highest|lowest|declined|dropped|"
    r"jump(?:ed|s)?|collaps(?:ed|es)|rebound(?:ed|s)?|recover(?:ed|s)?|slow(?:ed|s)|surg(?:ed|es)|increased|decreased|"
    r"worst|best|deepest|biggest|largest|smallest|trough|higher|lower|faster|slower)\b", re.I)


def claims_in_markdown(text: str, provinces: list[str]) -> list[str]:
    """Province names (in any language's cell) and English comparative words about the data in Markdown text."""
    found = [name for name in provinces if name in text]
    found += [m.group(0) for m in _COMPARATIVE.finditer(text)]
    return found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Exports grew fastest in the year the gates reopened.", ["grew"]),
        ("In Lạng Sơn the blow fell in the first half.", ["Lạng Sơn", "fell"]),
        ("Services are the sector that grew least.", ["grew", "least"]),
        ("GRDP is the value added of all producers in the province.", []),
        ("An estimate (ước) is made before the period closes.", []),
        ("Tại Hà Giang, tốc độ tăng trưởng của quý II.", ["Hà Giang"]),  # a Vietnamese cell names no province
        ("Tốc độ tăng trưởng so với cùng kỳ năm trước; số ước tính được công bố trước khi kết thúc kỳ.", []),
    ],
)
def test_claim_detector(text, found):
    assert claims_in_markdown(text, ["Lạng Sơn", "Hà Giang"]) == found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_holds_no_claims_about_the_data(path):
    """Markdown is true for any province and window: no province name, no result stated in words (in the English
    cells and their Vietnamese twins alike)."""
    provinces = _province_names()
    offenders = []
    for i, cell in enumerate(_load(path)["cells"]):
        if cell["cell_type"] == "markdown":
            found = claims_in_markdown(_source(cell), provinces)
            if found:
                offenders.append((i, found))
    assert offenders == [], "Markdown states facts about the data (make them computed claims): " + repr(offenders)


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", []) or []


def language_twin_problems(cells: list[dict]) -> list[str]:
    """What breaks the rule of the two editions: every Markdown cell is tagged ``lang-en`` and immediately
    followed by its ``lang-vi`` twin, hidden in JupyterLab (``jupyter.source_hidden``), with a heading of the
    same level; code is one for both languages (no ``lang-*`` tag)."""
    problems = []
    for i, cell in enumerate(cells):
        langs = [t for t in _tags(cell) if t.startswith("lang-")]
        if cell["cell_type"] != "markdown":
            if langs:
                problems.append(f"cell {i}: a {cell['cell_type']} cell tagged {langs} (code serves both languages)")
            continue
        if langs == ["lang-vi"]:
            if i == 0 or _tags(cells[i - 1]) != ["lang-en"] or cells[i - 1]["cell_type"] != "markdown":
                problems.append(f"cell {i}: a lang-vi cell that does not follow its lang-en twin")
            if cell.get("metadata", {}).get("jupyter", {}).get("source_hidden") is not True:
                problems.append(f"cell {i}: a lang-vi cell not hidden (metadata.jupyter.source_hidden)")
            import unicodedata

            if _source(cell) != unicodedata.normalize("NFC", _source(cell)):
                problems.append(f"cell {i}: Vietnamese text not in NFC")
            continue
        if langs != ["lang-en"]:
            problems.append(f"cell {i}: a Markdown cell tagged {langs or 'with no language'} (lang-en, then lang-vi)")
            continue
        twin = cells[i + 1] if i + 1 < len(cells) else None
        if twin is None or twin["cell_type"] != "markdown" or _tags(twin) != ["lang-vi"]:
            problems.append(f"cell {i}: a lang-en cell without its lang-vi twin right after it")
            continue
        level = lambda c: len(re.match(r"\s*(#*)", _source(c)).group(1))  # noqa: E731
        if level(cell) != level(twin):
            problems.append(f"cell {i}: heading level {level(cell)}, its Vietnamese twin {level(twin)}")
    return problems


def test_twin_rule_detector():
    en = {"cell_type": "markdown", "metadata": {"tags": ["lang-en"]}, "source": "## Sources"}
    vi = {"cell_type": "markdown", "metadata": {"tags": ["lang-vi"], "jupyter": {"source_hidden": True}},
          "source": "## Nguồn"}
    code = {"cell_type": "code", "metadata": {}, "source": "x = 1"}
    assert language_twin_problems([en, vi, code]) == []
    shown = {**vi, "metadata": {"tags": ["lang-vi"]}}
    assert language_twin_problems([en, shown]) == ["cell 1: a lang-vi cell not hidden (metadata.jupyter.source_hidden)"]
    assert language_twin_problems([en, code, vi]) == ["cell 0: a lang-en cell without its lang-vi twin right after it",
                                                      "cell 2: a lang-vi cell that does not follow its lang-en twin"]
    assert language_twin_problems([{**en, "metadata": {}}]) == [
        "cell 0: a Markdown cell tagged with no language (lang-en, then lang-vi)"]
    assert language_twin_problems([en, {**vi, "source": "### Nguồn"}]) == [
        "cell 0: heading level 2, its Vietnamese twin 3"]
    assert language_twin_problems([{**code, "metadata": {"tags": ["lang-vi"]}}]) == [
        "cell 0: a code cell tagged ['lang-vi'] (code serves both languages)"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_markdown_cell_has_its_vietnamese_twin(path):
    """The Vietnamese edition (issue 16): each prose cell twice, English then Vietnamese (hidden in JupyterLab)."""
    assert language_twin_problems(_load(path)["cells"]) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_ends_with_a_sources_section(path):
    cells = _load(path)["cells"]
    assert any(c["cell_type"] == "markdown" and re.search(r"^#+\s*Sources", _source(c), re.M) for c in cells)
    assert any(c["cell_type"] == "markdown" and "lang-vi" in _tags(c) and re.search(r"^#+\s*Nguồn", _source(c), re.M)
               for c in cells), "no Vietnamese twin of the Sources heading (## Nguồn)"
    assert "sources_display" in _source([c for c in cells if c["cell_type"] == "code"][-1])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_does_not_reach_into_data_by_path(path):
    code = "\n".join(_source(c) for c in _load(path)["cells"] if c["cell_type"] == "code")
    assert "data/" not in code and "read_csv" not in code and "open(" not in code


@pytest.mark.slow
@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks yet")
@pytest.mark.parametrize("parameters", [[], ["-p", "province=Hà Giang"]], ids=["default", "ha-giang"])
def test_every_notebook_runs(tmp_path, parameters):
    """Smoke test: every notebook executes end to end, with the defaults and for a province with little data."""
    from lso_analysis.reports import main

    code = main(["--reports-dir", str(tmp_path), "--jobs", "2", *parameters])
    assert code == 0
    htmls = sorted(p.name for p in tmp_path.glob("*.html") if p.name != "index.html")
    assert len(htmls) == len(NOTEBOOKS)
    for html in tmp_path.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "Traceback" not in text, f"{html.name} shows a traceback"
        if html.name != "index.html":
            assert_every_chart_and_table_has_its_data(text, html.name)
        if parameters:
            assert html.name == "index.html" or "--province-" in html.name


def assert_every_chart_and_table_has_its_data(html: str, name: str) -> None:
    """Every image is a package figure and every table a captioned table, each with its CSV inside the page."""
    images = html.count('src="data:image/png;base64,')
    figures = re.findall(r'<div class="lso-figure">.*?</div>', html, flags=re.S)
    tables = re.findall(r'<figure class="lso-table(?: lso-ref)?">.*?</figure>', html, flags=re.S)  # yardsticks too
    assert images == len(figures), f"{name}: {images} images, {len(figures)} of them package figures"
    assert html.count('class="dataframe') == len(tables), f"{name}: a table shown without show_table"
    for block in figures + tables:
        has_csv = 'download="' in block and 'href="data:text/csv;base64,' in block
        no_data = any(text in block for text in WORDS["no_download"].values())
        assert has_csv or (block in figures and no_data), f"{name}: {block[:120]}"
