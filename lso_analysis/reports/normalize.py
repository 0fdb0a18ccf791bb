"""Make an executed notebook reproducible: fixed cell ids, no timings, no absolute paths or clock readings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

#: papermill and nbclient record these timings; they differ on every run.
_TIMING_KEYS = ("start_time", "end_time", "duration")

# statsmodels summaries print the wall clock ("Date: Sun, 23 Nov 2025", "Time: 10:19:00";
# summary2: "Date: 2025-11-23 10:19") in text, HTML and LaTeX tables. The label and any markup between it and the value
# stay; the value is masked with a same-width placeholder so text tables keep aligned.
_CLOCK_PATTERNS = (
    re.compile(r"(Date:(?:\s|</?t[hd]>|\}|&)*)([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}|\d{4}-\d\d-\d\d \d\d:\d\d)"),
    re.compile(r"(Time:(?:\s|</?t[hd]>|\}|&)*)(\d{2}:\d{2}:\d{2})"),
)

_TEXT_OUTPUT_KEYS = ("text", "evalue")


def _mask_clock(match: re.Match) -> str:
    value = match.group(2)
    placeholder = re.sub(r"[A-Za-z0-9]", "-", value)
    return match.group(1) + placeholder


class PathScrubber:
    """Replace absolute folders by project-relative names in text outputs.

    Args:
        replacements: pairs of (absolute folder, replacement); longer folders are
            applied first so a nested folder wins over its parent. An empty
            replacement makes paths below the folder relative to it.

    Example:
        >>> scrub = PathScrubber([(Path("/repo"), ""), (Path("/repo/notebooks"), "notebooks")])
        >>> scrub("/repo/notebooks/a.ipynb, /repo/lso/x.py, /repo, /repository")
        'notebooks/a.ipynb, lso/x.py, ., /repository'
    """

    def __init__(self, replacements: list[tuple[Path, str]]):
        pairs = sorted({str(folder): text for folder, text in replacements}.items(), key=lambda p: -len(p[0]))
        # A folder matches only as a whole path component: /repo must not eat /repository.
        self.pairs = [(re.compile(re.escape(folder) + r"(/|(?![\w.\-]))"), text)
                      for folder, text in pairs if folder not in ("", "/", ".")]  # fmt: skip

    def __call__(self, text: str) -> str:
        for pattern, replacement in self.pairs:
            text = pattern.sub(lambda m, r=replacement: (r + "/" if r else "") if m.group(1) else (r or "."), text)
        return text


def scrub_text(text: str, scrub_paths: PathScrubber) -> str:
    """Remove run-specific text: absolute paths and statsmodels clock readings."""
    text = scrub_paths(text)
    for pattern in _CLOCK_PATTERNS:
        text = pattern.sub(_mask_clock, text)
    return text


def _scrub_value(value: Any, scrub_paths: PathScrubber) -> Any:
    if isinstance(value, str):
        return scrub_text(value, scrub_paths)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [scrub_text(item, scrub_paths) for item in value]
    return value


def _scrub_output(output: dict, scrub_paths: PathScrubber) -> None:
    for key in _TEXT_OUTPUT_KEYS:
        if key in output:
            output[key] = _scrub_value(output[key], scrub_paths)
    if "traceback" in output:
        output["traceback"] = [scrub_text(line, scrub_paths) for line in output["traceback"]]
    data = output.get("data", {})
    for mime in list(data):
        # Binary payloads (base64 images) are left alone; text formats may quote paths.
        if mime.startswith("text/") or mime in ("application/javascript", "application/json"):
            data[mime] = _scrub_value(data[mime], scrub_paths)


def normalize_notebook(
    nb: dict, source_ids: set[str], scrub_paths: PathScrubber, input_path: str, output_path: str
) -> dict:
    """Rewrite an executed notebook (nbformat JSON, in place) so equal inputs give equal bytes.

    Args:
        nb: the executed notebook.
        source_ids: the cell ids of the source notebook, which are kept; any other
            id (papermill's injected-parameters and error cells get random ones) is
            replaced by one derived from the cell's position.
        scrub_paths: the absolute-path replacer.
        input_path: project-relative path recorded as papermill's input path.
        output_path: project-relative path recorded as papermill's output path.

    Returns:
        The same notebook object.
    """
    seen: set[str] = set()
    for index, cell in enumerate(nb.get("cells", [])):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("id") not in source_ids or cell.get("id") in seen:
            cell["id"] = "injected-parameters" if "injected-parameters" in tags else f"lso-cell-{index}"
        seen.add(cell["id"])
        meta = cell.get("metadata", {})
        meta.pop("execution", None)  # nbclient's iopub/shell timestamps
        for key in _TIMING_KEYS:
            meta.get("papermill", {}).pop(key, None)
        for output in cell.get("outputs", []):
            _scrub_output(output, scrub_paths)
    papermill_meta = nb.get("metadata", {}).get("papermill")
    if papermill_meta is not None:
        for key in _TIMING_KEYS:
            papermill_meta.pop(key, None)
        papermill_meta["input_path"] = input_path
        papermill_meta["output_path"] = output_path
    return nb


_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def fix_html_ids(html: str) -> str:
    """Replace the random uuid4 element ids nbconvert gives JavaScript/widget outputs by numbered ones."""
    numbers: dict[str, str] = {}

    def number(match: re.Match) -> str:
        return numbers.setdefault(match.group(0), f"lso-output-{len(numbers) + 1}")

    return _UUID.sub(number, html)
