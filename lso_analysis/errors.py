"""Exceptions raised by the cleaners, loaders and builders."""

from __future__ import annotations

from dataclasses import dataclass


class LsoParseError(ValueError):
    """A cleaner could not read a printed figure or period without guessing.

    The message always quotes the offending text.
    """

    def __init__(self, message: str, text: str | None = None):
        self.text = text
        super().__init__(f"{message}: {text!r}" if text is not None else message)


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, located as precisely as we can."""

    file: str
    row: int | None  # 1-based line number in the file (header = line 1), None for file-level problems
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f" [{self.column}]"
        return f"{where}: {self.message}"


class LsoDataError(ValueError):
    """Raw or reference data failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems[:200])
        more = f"\n  … and {len(self.problems) - 200} more" if len(self.problems) > 200 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the input data:\n{lines}{more}")
