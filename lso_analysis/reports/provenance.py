"""The footer of every report: parameters, git commit, data hash, package versions and sources cited."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from lso_analysis.present.citations import METADATA_KEY

#: The footer's words by language (a report's footer is in the report's language).
FOOTER_WORDS = {
    "en": {"about": "About this report", "parameters": "Parameters", "set_with_p": " (set with -p)", "none": "none",
           "code": "Code", "commit": "git commit {commit}", "uncommitted": " + uncommitted changes",
           "data": "sha256 {hash} over {files} files in {folder} (raw/ and reference/)", "data_label": "Data",
           "packages": "Packages", "sources": "Sources cited", "no_sources": "no sources cited",
           "views": "Other views", "code view": "code view", "reader view": "reader view",
           "executed notebook": "executed notebook", "all reports": "all reports"},
    "vi": {"about": "Về báo cáo này", "parameters": "Tham số", "set_with_p": " (đặt bằng -p)", "none": "không có",
           "code": "Mã nguồn", "commit": "bản commit git {commit}", "uncommitted": " + có thay đổi chưa commit",
           "data": "sha256 {hash} của {files} tệp trong {folder} (raw/ và reference/)", "data_label": "Dữ liệu",
           "packages": "Gói phần mềm", "sources": "Nguồn đã trích dẫn", "no_sources": "không trích dẫn nguồn nào",
           "views": "Dạng xem khác", "code view": "bản kèm mã nguồn", "reader view": "bản để đọc",
           "executed notebook": "notebook đã chạy", "all reports": "tất cả báo cáo"},
}


@dataclass(frozen=True)
class Provenance:
    """What every report of one build shares in its footer."""

    commit: str
    data_hash: str
    data_files: int
    versions: dict[str, str]
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    data_folder: str = "data"  # the folder holding raw/ and reference/, as the footer names it


def git_commit(root: Path) -> str:
    """Return the short commit of ``root``'s repository, "+ uncommitted changes" when dirty.

    Untracked files that are not ignored count as changes: a new notebook or module
    is not part of the commit. Returns "unknown" outside a git work tree or without git.
    """

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True, timeout=20
        ).stdout.strip()

    try:
        if git("rev-parse", "--show-toplevel") != str(Path(root).resolve()):
            return "unknown"  # root is only a folder inside some other repository
        commit = git("rev-parse", "--short", "HEAD")
        dirty = bool(git("status", "--porcelain"))
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit} + uncommitted changes" if dirty else commit


def read_sources(raw_dir: Path | None) -> dict[str, dict[str, str]]:
    """Read ``sources.csv`` (title, publisher, published, url by ``source_id``) if present."""
    path = raw_dir / "sources.csv" if raw_dir else None
    if path is None or not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["source_id"]: row for row in csv.DictReader(handle) if row.get("source_id")}


def cited_sources(nb: dict) -> list[str]:
    """Collect ``metadata["lso"]["cited_sources"]`` from every output of an executed notebook.

    The key may sit at the top of an output's metadata (``_repr_mimebundle_``) or under
    a MIME type (``_repr_markdown_`` returning a tuple); both are read.
    """
    found: set[str] = set()
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {})
            for holder in [meta, *(value for value in meta.values() if isinstance(value, dict))]:
                entry = holder.get(METADATA_KEY)
                if isinstance(entry, dict):
                    found.update(str(item) for item in entry.get("cited_sources", []))
    return sorted(found)


def _source_item(source_id: str, row: dict[str, str] | None, language: str = "en") -> str:
    from lso_analysis.present.citations import published_label

    label = f"<code>{escape(source_id)}</code>"
    if not row:
        return f"<li>{label}</li>"
    values = {key: row.get(key) or "" for key in ("title", "publisher", "published")}
    values["published"] = published_label(values["published"].strip(), language) if values["published"] else ""
    text = ", ".join(escape(value) for value in values.values() if value)
    url = (row.get("url") or "").strip()
    link = f' <a href="{escape(url)}">{escape(url)}</a>' if url.startswith(("http://", "https://")) else ""
    return f"<li>{label}{': ' + text if text else ''}{link}</li>"


def view_links(output: str, with_code: bool, language: str = "en") -> dict[str, str]:
    """The footer's links to the other views of a report, labelled in ``language``.

    >>> view_links("10-x", False)
    {'code view': 'code/10-x.html', 'executed notebook': 'executed/10-x.ipynb', 'all reports': 'index.html'}
    >>> list(view_links("10-x", True, "vi"))
    ['bản để đọc', 'notebook đã chạy', 'tất cả báo cáo']
    """
    words = FOOTER_WORDS.get(language, FOOTER_WORDS["en"])
    up = "../" if with_code else ""
    first = ("reader view", f"../{output}.html") if with_code else ("code view", f"code/{output}.html")
    return {words[first[0]]: first[1], words["executed notebook"]: f"{up}executed/{output}.ipynb",
            words["all reports"]: f"{up}index.html"}


def _commit_text(commit: str, words: dict[str, str]) -> str:
    english = FOOTER_WORDS["en"]["uncommitted"]
    if commit.endswith(english):
        commit = commit[: -len(english)] + words["uncommitted"]
    return words["commit"].format(commit=commit)


def footer_html(
    provenance: Provenance,
    parameters: dict[str, str],
    overrides: dict[str, Any],
    cited: list[str],
    links: dict[str, str],
    language: str = "en",
) -> str:
    """Render the footer block in the report's language.

    Args:
        provenance: build-wide facts.
        parameters: every parameter with the Python text of its value in this run.
        overrides: the ones set with ``-p`` (marked as such).
        cited: source ids collected from the executed notebook.
        links: label → relative URL of the other views of this report.
        language: the report's language (``en``, ``vi``); titles of sources stay as published.

    Returns:
        An HTML ``<footer>`` element (no external resource, only plain hyperlinks).
    """
    words = FOOTER_WORDS.get(language, FOOTER_WORDS["en"])
    params = ", ".join(
        f"<code>{escape(name)} = {escape(value)}</code>{words['set_with_p'] if name in overrides else ''}"
        for name, value in parameters.items()
    )
    versions = " · ".join(f"{escape(name)} {escape(version)}" for name, version in provenance.versions.items())
    if cited:
        sources = "<ul>" + "".join(_source_item(sid, provenance.sources.get(sid), language) for sid in cited) + "</ul>"
    else:
        sources = words["no_sources"]
    views = " · ".join(f'<a href="{escape(url)}">{escape(label)}</a>' for label, url in links.items())
    data = words["data"].format(
        hash=f'<code title="{provenance.data_hash}">{provenance.data_hash[:16]}</code>',
        files=provenance.data_files, folder=f"<code>{escape(provenance.data_folder)}</code>")
    rows = [
        (words["parameters"], params or words["none"]),
        (words["code"], escape(_commit_text(provenance.commit, words))),
        (words["data_label"], data),
        (words["packages"], versions),
        (words["sources"], sources),
        (words["views"], views),
    ]
    body = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<footer class="lso-footer">\n<h2>{words["about"]}</h2>\n<dl>\n{body}\n</dl>\n</footer>\n'


FOOTER_CSS = """
.lso-footer { max-width: 1100px; margin: 3em auto 2em; padding: 1em 1.5em 0.5em;
  border-top: 1px solid #ccc; color: #555; font-size: 12px; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.lso-footer h2 { font-size: 13px; margin: 0 0 0.5em; color: #333; }
.lso-footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1.2em; margin: 0; }
.lso-footer dt { font-weight: 600; }
.lso-footer dd { margin: 0; }
.lso-footer ul { margin: 0; padding-left: 1.2em; }
.lso-footer code { font-size: 11px; }
"""
