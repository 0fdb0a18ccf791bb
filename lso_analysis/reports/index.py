"""The `reports/index.html` page: every report with its title, parameters, status and links."""

from __future__ import annotations

import ast
from html import escape
from pathlib import Path

from lso_analysis.present import DEFAULT_LANGUAGE

from .files import write_if_changed
from .language import NAMES, PARAMETER
from .plan import title_of
from .state import all_states, output_files

INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
  max-width: 1100px; margin: 2em auto; padding: 0 1.5em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
p.lead { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 0.45em 0.6em; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
th { font-weight: 600; color: #444; border-bottom: 2px solid #ccc; }
td.title a { font-weight: 600; text-decoration: none; color: #1a5fb4; }
code { font-size: 12px; }
.ok { color: #1e7b34; } .failed { color: #b3261e; font-weight: 600; } .missing { color: #888; }
.links a { margin-right: 0.6em; font-size: 13px; }
.error { display: block; color: #b3261e; font-size: 12px; }
tr.group th { background: #f4f6f8; font-size: 15px; padding-top: 0.9em; }
"""


#: The index's words for each edition's line of a bilingual report (the English line keeps the English words).
_WORDS = {
    "en": {"not_built": "not built yet", "failed": "failed", "kept": "previous report shown", "none": "no report",
           "report": "report", "code": "with code", "notebook": "notebook", "failed_run": "failed run"},
    "vi": {"not_built": "chưa tạo", "failed": "lỗi", "kept": "vẫn hiển thị báo cáo trước", "none": "chưa có báo cáo",
           "report": "báo cáo", "code": "bản kèm mã nguồn", "notebook": "notebook", "failed_run": "lần chạy lỗi"},
}


def _status(state: dict | None, reports_dir: Path, output: str, language: str = "en") -> str:
    words = _WORDS[language]
    if state is None:
        return f'<span class="missing">{words["not_built"]}</span>'
    if state.get("status") == "ok":
        return '<span class="ok">ok</span>'
    error = state.get("error", {})
    where = f"cell {error['cell_index']}, " if error.get("cell_index") is not None else ""
    kept = words["kept"] if output_files(reports_dir, output)["html"].is_file() else words["none"]
    message = escape(f"{where}{error.get('ename', 'error')}: {error.get('evalue', '')}")
    return f'<span class="failed">{words["failed"]}</span> ({kept})<span class="error">{message}</span>'


def _params_html(parameters: dict[str, str], overrides: dict, state) -> str:
    """The parameters set with -p in code, then the defaults in grey (``language`` left out for pairs)."""
    chosen = ", ".join(f"<code>{escape(k)} = {escape(v)}</code>" for k, v in parameters.items() if k in overrides)
    rest = ", ".join(f"{k} = {v}" for k, v in parameters.items() if k not in overrides)
    label = "other parameters: " if chosen else "defaults: "
    params = chosen + ("<br>" if chosen and rest else "")
    params += f'<span class="missing">{escape(label + rest)}</span>' if rest else ""
    return params or ("—" if state is None else "none")


def _file_links(output: str, reports_dir: Path, language: str = "en", first: str | None = None) -> list[str]:
    """Links to a report's files: the reader view (labelled ``first`` if given), code view, notebook, failed run."""
    files, words = output_files(reports_dir, output), _WORDS[language]
    hreflang = f' hreflang="{language}"' if first else ""
    links = []
    if files["html"].is_file():
        links.append(f'<a href="{escape(output)}.html"{hreflang}>{escape(first or words["report"])}</a>')
    elif first:
        links.append(f'<span class="missing">{escape(first)}</span>')
    if files["code"].is_file():
        links.append(f'<a href="code/{escape(output)}.html">{words["code"]}</a>')
    if files["executed"].is_file():
        links.append(f'<a href="executed/{escape(output)}.ipynb">{words["notebook"]}</a>')
    if (reports_dir / "executed" / f"{output}.FAILED.ipynb").is_file():
        links.append(f'<a href="executed/{escape(output)}.FAILED.ipynb">{words["failed_run"]}</a>')
    return links


def _row(output: str, title: str, parameters: dict[str, str], overrides: dict, state, reports_dir: Path) -> str:
    built = output_files(reports_dir, output)["html"].is_file()
    title_html = f'<a href="{escape(output)}.html">{escape(title)}</a>' if built else escape(title)
    return (
        f'<tr><td class="title">{title_html}<br><code>{escape(output)}</code></td>'
        f"<td>{_params_html(parameters, overrides, state)}</td><td>{_status(state, reports_dir, output)}</td>"
        f'<td class="links">{" ".join(_file_links(output, reports_dir))}</td></tr>'
    )


def _pair_row(key: str, editions: dict[str, dict], twins: dict[str, str], reports_dir: Path,
              notebook: Path | None = None) -> str:
    """One row for a report in every language: each edition's title, status and files on a line of its own."""
    titles, statuses, links = [], [], []
    for language, output in twins.items():
        state = editions.get(language)
        name = NAMES.get(language, language)
        title = escape(state.get("title", output) if state else title_of(notebook, language) if notebook else output)
        built = output_files(reports_dir, output)["html"].is_file()
        titles.append(f'<span lang="{language}">'
                      + (f'<a href="{escape(output)}.html" hreflang="{language}">{title}</a>' if built else title)
                      + "</span>")
        statuses.append(f'<span lang="{language}">{escape(name)}: {_status(state, reports_dir, output, language)}</span>')
        links.append(f'<span lang="{language}">{" ".join(_file_links(output, reports_dir, language, name))}</span>')
    state = editions.get("en") or next(iter(editions.values()))
    parameters = {k: v for k, v in state.get("parameters", {}).items() if k != PARAMETER}
    overrides = {k: v for k, v in state.get("overrides", {}).items() if k != PARAMETER}
    return (
        f'<tr class="pair"><td class="title">{"<br>".join(titles)}<br><code>{escape(key)}</code></td>'
        f"<td>{_params_html(parameters, overrides, state)}</td><td>{'<br>'.join(statuses)}</td>"
        f'<td class="links">{"<br>".join(links)}</td></tr>'
    )


def _province_of(parameters: dict[str, str]) -> str:
    value = parameters.get("province", "")
    try:
        return str(ast.literal_eval(value)) if value else ""
    except (ValueError, SyntaxError):
        return value


def _grouped(rows: list[tuple[str, str, str]], default: str) -> list[str]:
    """Rows ``(sort key, province, html)`` grouped under a heading per province (the default reports' first)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for key, province, row in rows:
        groups.setdefault(province or default, []).append((key, row))
    order = sorted(groups, key=lambda name: (name != default, name))
    out = []
    for name in order:
        if len(groups) > 1 or name:
            out.append(f'<tr class="group"><th colspan="4">{escape(name or "other reports")}</th></tr>')
        out.extend(row for _, row in sorted(groups[name]))
    return out


def _rows(states: list[dict], stems: dict[str, Path], reports_dir: Path) -> list[tuple[str, str, str]]:
    """One row per report: a report built in several languages (its state names its twins) gets one row."""
    rows, pairs = [], {}
    for state in states:
        twins = state.get("twins") or {}
        if twins:
            pairs.setdefault(twins.get(DEFAULT_LANGUAGE, state["output"]), (twins, {}))[1][
                state.get("language", DEFAULT_LANGUAGE)] = state
            continue
        rows.append((state["output"], _province_of(state.get("parameters", {})),
                     _row(state["output"], state.get("title", state["output"]), state.get("parameters", {}),
                          state.get("overrides", {}), state, reports_dir)))  # fmt: skip
    for key, (twins, editions) in pairs.items():
        province = _province_of(next(iter(editions.values())).get("parameters", {}))
        notebook = stems.get(Path(next(iter(editions.values())).get("notebook", "")).stem)
        rows.append((key, province, _pair_row(key, editions, twins, reports_dir, notebook)))
    have = {s["output"] for s in states} | {o for s in states for o in (s.get("twins") or {}).values()}
    for stem, path in stems.items():
        if stem not in have:
            rows.append((stem, "", _row(stem, title_of(path), {}, {}, None, reports_dir)))
    return rows


def render_index(notebooks: list[Path], reports_dir: Path, data_folder: str = "") -> str:
    """Render the index from the state files (so it lists earlier parameter sweeps too).

    A report built in English and Vietnamese takes one row, with a line per language.

    Args:
        notebooks: every notebook of the project (reports of removed notebooks are left out).
        reports_dir: the reports folder.
        data_folder: the data folder the reports were built from, named under the heading.

    Returns:
        A self-contained HTML page (no timings: equal reports give an equal index).
    """
    stems = {path.stem: path for path in notebooks}
    states = [s for s in all_states(reports_dir) if Path(s.get("notebook", "")).stem in stems]
    default = next((_province_of(s.get("parameters", {})) for s in states
                    if not {k for k in s.get("overrides", {}) if k != PARAMETER}), "")
    body = "\n".join(_grouped(_rows(states, stems, reports_dir), default))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>lso-analysis reports</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n"
        '<h1>lso-analysis reports <span lang="vi">· Báo cáo</span></h1>\n'
        '<p class="lead">Built by <code>lso-analysis reports</code>. Each report opens offline; '
        "its footer states the parameters, code version, data hash, package versions and sources.</p>\n"
        '<p class="lead" lang="vi">Mỗi báo cáo có bản tiếng Anh và bản tiếng Việt, mở được khi không có mạng; '
        "cuối mỗi báo cáo ghi tham số, phiên bản mã nguồn, mã băm dữ liệu, phiên bản các gói phần mềm và nguồn.</p>\n"
        + (f'<p class="lead">Data: <code>{escape(data_folder)}</code></p>\n' if data_folder else "")
        + '<table>\n<thead><tr><th>Report <span lang="vi">· Báo cáo</span></th>'
        '<th>Parameters <span lang="vi">· Tham số</span></th><th>Status <span lang="vi">· Trạng thái</span></th>'
        '<th>Files <span lang="vi">· Tệp</span></th></tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def write_index(notebooks: list[Path], reports_dir: Path, data_folder: str = "") -> Path:
    """Write ``reports/index.html`` (atomically, and only when its content changed)."""
    path = reports_dir / "index.html"
    write_if_changed(path, render_index(notebooks, reports_dir, data_folder).encode("utf-8"))
    return path
