"""The `reports/index.html` page: every report with its title, parameters, status and links."""

from __future__ import annotations

import ast
from html import escape
from pathlib import Path

from .files import write_if_changed
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


def _status(state: dict | None, reports_dir: Path, output: str) -> str:
    if state is None:
        return '<span class="missing">not built yet</span>'
    if state.get("status") == "ok":
        return '<span class="ok">ok</span>'
    error = state.get("error", {})
    where = f"cell {error['cell_index']}, " if error.get("cell_index") is not None else ""
    kept = "previous report shown" if output_files(reports_dir, output)["html"].is_file() else "no report"
    message = escape(f"{where}{error.get('ename', 'error')}: {error.get('evalue', '')}")
    return f'<span class="failed">failed</span> ({kept})<span class="error">{message}</span>'


def _row(output: str, title: str, parameters: dict[str, str], overrides: dict, state, reports_dir: Path) -> str:
    files = output_files(reports_dir, output)
    built = files["html"].is_file()
    title_html = f'<a href="{escape(output)}.html">{escape(title)}</a>' if built else escape(title)
    chosen = ", ".join(f"<code>{escape(k)} = {escape(v)}</code>" for k, v in parameters.items() if k in overrides)
    rest = ", ".join(f"{k} = {v}" for k, v in parameters.items() if k not in overrides)
    label = "other parameters: " if chosen else "defaults: "
    params = chosen + ("<br>" if chosen and rest else "")
    params += f'<span class="missing">{escape(label + rest)}</span>' if rest else ""
    links = []
    if built:
        links.append(f'<a href="{escape(output)}.html">report</a>')
    if files["code"].is_file():
        links.append(f'<a href="code/{escape(output)}.html">with code</a>')
    if files["executed"].is_file():
        links.append(f'<a href="executed/{escape(output)}.ipynb">notebook</a>')
    if (reports_dir / "executed" / f"{output}.FAILED.ipynb").is_file():
        links.append(f'<a href="executed/{escape(output)}.FAILED.ipynb">failed run</a>')
    return (
        f'<tr><td class="title">{title_html}<br><code>{escape(output)}</code></td>'
        f"<td>{params or ('—' if state is None else 'none')}</td><td>{_status(state, reports_dir, output)}</td>"
        f'<td class="links">{" ".join(links)}</td></tr>'
    )


def _province_of(parameters: dict[str, str]) -> str:
    value = parameters.get("province", "")
    try:
        return str(ast.literal_eval(value)) if value else ""
    except (ValueError, SyntaxError):
        return value


def _grouped(rows: list[tuple[str, str]], states: list[dict], stems: dict[str, Path]) -> list[str]:
    """Rows grouped under a heading per province (the default reports' province first), sorted within."""
    province = {s["output"]: _province_of(s.get("parameters", {})) for s in states}
    default = next((province[s["output"]] for s in states if not s.get("overrides")), "")
    groups: dict[str, list[tuple[str, str]]] = {}
    for output, row in rows:
        groups.setdefault(province.get(output, default), []).append((output, row))
    order = sorted(groups, key=lambda name: (name != default, name))
    out = []
    for name in order:
        if len(groups) > 1 or name:
            out.append(f'<tr class="group"><th colspan="4">{escape(name or "other reports")}</th></tr>')
        out.extend(row for _, row in sorted(groups[name]))
    return out


def render_index(notebooks: list[Path], reports_dir: Path, data_folder: str = "") -> str:
    """Render the index from the state files (so it lists earlier parameter sweeps too).

    Args:
        notebooks: every notebook of the project (reports of removed notebooks are left out).
        reports_dir: the reports folder.
        data_folder: the data folder the reports were built from, named under the heading.

    Returns:
        A self-contained HTML page (no timings: equal reports give an equal index).
    """
    stems = {path.stem: path for path in notebooks}
    states = [s for s in all_states(reports_dir) if Path(s.get("notebook", "")).stem in stems]
    have = {s["output"] for s in states}
    rows = []
    for state in states:
        rows.append((state["output"], _row(state["output"], state.get("title", state["output"]),
                                           state.get("parameters", {}), state.get("overrides", {}),
                                           state, reports_dir)))  # fmt: skip
    for stem, path in stems.items():
        if stem not in have:
            rows.append((stem, _row(stem, title_of(path), {}, {}, None, reports_dir)))
    body = "\n".join(_grouped(rows, states, stems))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>lso-analysis reports</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n"
        "<h1>lso-analysis reports</h1>\n"
        '<p class="lead">Built by <code>lso-analysis reports</code>. Each report opens offline; '
        "its footer states the parameters, code version, data hash, package versions and sources.</p>\n"
        + (f'<p class="lead">Data: <code>{escape(data_folder)}</code></p>\n' if data_folder else "")
        + "<table>\n<thead><tr><th>Report</th><th>Parameters</th><th>Status</th><th>Files</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def write_index(notebooks: list[Path], reports_dir: Path, data_folder: str = "") -> Path:
    """Write ``reports/index.html`` (atomically, and only when its content changed)."""
    path = reports_dir / "index.html"
    write_if_changed(path, render_index(notebooks, reports_dir, data_folder).encode("utf-8"))
    return path
