"""What a report looks at: the province, the window of years and the switches, with the one window rule."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

#: Measures whose value is a quantity at or over a period (not a plan share or a multiple).
VALUE_MEASURES = ("level", "growth_pct", "share_pct", "change_abs", "change_pp", "rank")


class OutOfWindowError(ValueError):
    """A claim names a year outside the window it was computed for."""


@dataclass(frozen=True)
class Window:
    """The years ``start_year``..``end_year``, both included.

    The one window rule of the package: **a period belongs to the window when it lies wholly inside it**,
    from 1 January of ``start_year`` to 31 December of ``end_year``. A figure for January–July 2021 is in the
    window 2021–2022; a figure for 2004–2018 or for 2019–2023 is not in 2021–2022; a stock "tính đến
    30/6/2020" (a one-day period) is in any window that contains that day. Events (one date, or a date and an
    end date) follow the same rule.

    >>> w = Window(2021, 2022)
    >>> w.contains(pd.Timestamp("2021-01-01"), pd.Timestamp("2021-07-31")), w.contains(pd.Timestamp("2020-01-01"), pd.Timestamp("2021-12-31"))
    (True, False)
    >>> w.years
    (2021, 2022)
    """

    start_year: int
    end_year: int

    def __post_init__(self):
        if int(self.end_year) < int(self.start_year):
            raise ValueError(f"end_year {self.end_year} is before start_year {self.start_year}")

    @property
    def start(self) -> pd.Timestamp:
        return pd.Timestamp(int(self.start_year), 1, 1)

    @property
    def end(self) -> pd.Timestamp:
        return pd.Timestamp(int(self.end_year), 12, 31)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(int(self.start_year), int(self.end_year) + 1))

    def contains(self, start, end=None) -> bool:
        """True when the period ``start``..``end`` (``end`` defaults to ``start``) lies wholly in the window."""
        s = pd.Timestamp(start)
        e = s if end is None or pd.isna(end) else pd.Timestamp(end)
        if pd.isna(s):
            return False
        return bool(self.start <= s and e <= self.end)

    def contains_year(self, year: int) -> bool:
        return int(self.start_year) <= int(year) <= int(self.end_year)

    def mask(self, frame: pd.DataFrame, start: str = "period_start", end: str = "period_end") -> pd.Series:
        """Boolean mask of the rows of ``frame`` whose period (columns ``start``..``end``) is in the window."""
        if frame.empty:
            return pd.Series([], dtype=bool, index=frame.index)
        s = pd.to_datetime(frame[start])
        e = pd.to_datetime(frame[end]) if end in frame else s
        e = e.fillna(s)
        return (s >= self.start) & (e <= self.end) & s.notna()

    def select(self, frame: pd.DataFrame, start: str = "period_start", end: str = "period_end") -> pd.DataFrame:
        """The rows of ``frame`` in the window (see :meth:`mask`)."""
        return frame[self.mask(frame, start, end)]

    def label(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}–{self.end_year}"


@dataclass(frozen=True)
class Scope:
    """The parameters every notebook takes, checked once: province, window, switches and language.

    >>> Scope("Lạng Sơn", 2019, 2023).window.years
    (2019, 2020, 2021, 2022, 2023)
    """

    province: str
    start_year: int = 2019
    end_year: int = 2023
    include_estimates: bool = True
    include_derived: bool = True
    language: str = "en"
    window: Window = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if not str(self.province).strip():
            raise ValueError("province is empty")
        if self.language not in ("en", "vi"):
            raise ValueError(f"language {self.language!r}: use 'en' or 'vi'")
        object.__setattr__(self, "window", Window(int(self.start_year), int(self.end_year)))

    def observations(self, obs: pd.DataFrame, *, targets: bool = False) -> pd.DataFrame:
        """The province's figures in the window: estimates dropped unless included, targets only if asked."""
        out = obs[obs["province"] == self.province] if "province" in obs else obs
        out = self.window.select(out)
        if not self.include_estimates:
            out = out[out["status"] != "estimate"]
        if not targets:
            out = out[out["status"] != "target"]
        return out

    def events(self, events: pd.DataFrame) -> pd.DataFrame:
        """Events in the window (their date, or date to ``date_end``, wholly inside)."""
        if events is None or events.empty:
            return events
        return self.window.select(events, "date", "date_end")

    def check_years(self, years, what: str = "a claim") -> None:
        """Raise :class:`OutOfWindowError` when any of ``years`` lies outside the window."""
        outside = sorted({int(y) for y in years if not self.window.contains_year(int(y))})
        if outside:
            raise OutOfWindowError(f"{what} names {', '.join(map(str, outside))}, outside the window "
                                   f"{self.window.label()}")
