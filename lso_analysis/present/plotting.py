"""Figures from tidy tables: series with intervals, plan attainment, event timelines, coverage maps."""

from __future__ import annotations

import math

import pandas as pd

from lso_analysis.present.plotstyle import (  # noqa: F401  (re-exported: the public plotting API)
    empty_figure,
    figure_sources,
    figure_to_png_bytes,
    figure_to_svg_bytes,
    finish,
    house_rc,
    new_figure,
    palette,
    set_theme,
)
from lso_analysis.analysis.spans import is_full_year
from lso_analysis.present import resolve
from lso_analysis.present.words import word

#: marker, filled? and whisker style by origin (annual_series' ``origin``).
ORIGIN_STYLE = {"reported": ("o", True, "-"), "estimated": ("s", False, "-"), "derived": ("D", False, "--")}
#: Legend words by origin, in English (``origin_label(origin, language)`` gives any language).
ORIGIN_LABEL = {"reported": "reported", "estimated": "estimate (ước)", "derived": "derived (implied)"}
CATEGORY_ORDER = ("covid", "border", "digital", "policy")
COVERAGE_CODES = {"none": 0, "derived": 1, "estimate": 2, "actual": 3}


def origin_label(origin: str, language: str | None = None) -> str:
    """The legend word for how a point was obtained (``reported``, ``estimated``, ``derived``)."""
    return word(f"origin_{origin}", language)


def unit_label(unit: str, language: str | None = None) -> str:
    """An axis label for a canonical unit: the unit code in English, the statistics office's words in Vietnamese.

    >>> unit_label("USD million", "en"), unit_label("USD million", "vi"), unit_label("VND billion", "vi")
    ('USD million', 'triệu USD', 'tỷ đồng')
    """
    if resolve(language) == "en" or not unit:
        return unit
    from lso_analysis.present.narrative import _UNIT_SUFFIX_VI

    return _UNIT_SUFFIX_VI.get(unit, unit).strip() or unit


def _ids(values) -> set[str]:
    return {i for v in values if isinstance(v, str) for i in v.split(";") if i}


def _half_tick(year, half, language: str) -> str:
    which = word("first_half_short" if int(half) == 1 else "second_half_short", language)
    return word("half_tick", language, half=half, year=year, which=which)


def _x_positions(series_df: pd.DataFrame, language: str = "en") -> tuple[list[float], list[str]]:
    if "half" in series_df:
        return ([y + (h - 1) / 2 for y, h in zip(series_df["year"], series_df["half"])],
                [_half_tick(y, h, language) for y, h in zip(series_df["year"], series_df["half"])])
    return list(series_df["year"].astype(float)), [str(y) for y in series_df["year"]]


def _draw_points(ax, xs, rows: pd.DataFrame, color: str) -> set[str]:
    """Markers by origin, whiskers for intervals, arrows for open-ended sides; returns the origins drawn."""
    values = pd.concat([rows["value"], rows["value_low"], rows["value_high"]]).dropna()
    span = float(values.max() - values.min()) if len(values) else 0.0
    arrow = 0.12 * span if span > 0 else 0.1 * max(abs(float(values.max())) if len(values) else 1.0, 1.0)
    drawn, ends = set(), []
    for x, r in zip(xs, rows.itertuples()):
        if r.value is None or math.isnan(r.value):
            continue
        marker, filled, style = ORIGIN_STYLE.get(r.origin, ("o", True, "-"))
        low, high = r.value_low, r.value_high
        if not (math.isnan(low) or math.isnan(high)):
            ax.vlines(x, low, high, colors=color, linestyles=style, linewidth=1.4, zorder=2)
        elif not (math.isnan(low) and math.isnan(high)):
            start, sign = (low, 1) if not math.isnan(low) else (high, -1)
            ax.annotate("", xy=(x, start + sign * arrow), xytext=(x, start),
                        arrowprops={"arrowstyle": "->", "color": color, "lw": 1.4, "linestyle": style})
            ends.append(start + sign * arrow)
            drawn.add("open")
        ax.plot([x], [r.value], marker=marker, markersize=7, color=color, markeredgewidth=1.5, linestyle="none",
                markerfacecolor=color if filled else "white", zorder=3)
        drawn.add(r.origin)
    if ends:
        ax.plot(xs[:1] * len(ends), ends, alpha=0)  # keep arrow tips inside the autoscaled view
    return drawn


def _origin_legend(ax, drawn: set[str], extra: list | None = None, language: str = "en") -> None:
    from matplotlib.lines import Line2D

    handles = list(extra or [])
    for origin, (marker, filled, _) in ORIGIN_STYLE.items():
        if origin in drawn:
            handles.append(Line2D([], [], marker=marker, color="0.25", markerfacecolor="0.25" if filled else "white",
                                  linestyle="none", markeredgewidth=1.5, label=origin_label(origin, language)))
    if "open" in drawn:
        handles.append(Line2D([], [], marker=r"$\uparrow$", color="0.25", linestyle="none",
                              label=word("open_interval", language)))
    if handles:
        ax.legend(handles=handles, loc="best", fontsize=8, frameon=True)


def plot_series_with_intervals(
    series_df: pd.DataFrame, title: str | None = None, ylabel: str | None = None, group_col: str | None = None,
    language: str | None = None,
):
    """A yearly (or half-yearly) series with its intervals and how each point was obtained.

    Args:
        series_df: :func:`lso_analysis.analysis.series.annual_series` or ``half_year_series`` output
            (``year`` [``half``], ``value``, ``value_low``, ``value_high``, ``origin``,
            ``source_ids``, ``unit``), or several stacked with ``group_col`` naming them.
        title: defaults to the indicator in ``series_df.attrs``.
        ylabel: defaults to the unit.
        group_col: column whose values get one colour each.
        language: of the legend, the "no data" marks and the caption (default: the current language).

    Returns:
        A matplotlib Figure; filled circles are reported, open squares estimates, open
        diamonds with dashed whiskers derived values; arrows mark open-ended intervals;
        missing years are labelled "no data".
    """
    language = resolve(language)
    name = series_df.attrs.get("indicator", word("this_series", language))
    title = title or f"{name} ({series_df.attrs.get('province', '')})".replace(" ()", "")
    if series_df.empty or series_df["value"].notna().sum() == 0:
        return empty_figure(word("no_data_for", language, name=name), title, language=language)
    import matplotlib as mpl
    from matplotlib.lines import Line2D
    from matplotlib.transforms import blended_transform_factory

    fig, ax = new_figure((8.0, 4.5))
    with mpl.rc_context(house_rc()):
        groups = [(None, series_df)] if group_col is None else list(series_df.groupby(group_col, sort=True))
        colours, drawn, extra = palette(max(len(groups), 1)), set(), []
        for (label, rows), colour in zip(groups, colours):
            xs, _ = _x_positions(rows, language)
            present = [(x, v) for x, v in zip(xs, rows["value"]) if not math.isnan(v)]
            ax.plot([p[0] for p in present], [p[1] for p in present], color=colour, linewidth=0.8, alpha=0.5)
            drawn |= _draw_points(ax, xs, rows, colour)
            if label is not None:
                extra.append(Line2D([], [], color=colour, label=str(label)))
        xs, labels = _x_positions(series_df, language)
        ticks = dict(sorted(zip(xs, labels)))
        ax.set_xticks(list(ticks), list(ticks.values()))
        trans = blended_transform_factory(ax.transData, ax.transAxes)
        # "no data" only where no group has a value at that position
        has_value = {x for x, v in zip(xs, series_df["value"]) if not math.isnan(v)}
        for x in sorted(set(xs) - has_value):
            ax.text(x, 0.03, word("no_data", language), transform=trans, ha="center", va="bottom", fontsize=8, color="0.5", rotation=90)
        units = [u for u in series_df.get("unit", pd.Series(dtype=str)) if isinstance(u, str) and u]
        ax.set_ylabel(ylabel or (unit_label(units[0], language) if units else ""))
        ax.set_title(title)
        _origin_legend(ax, drawn, extra, language)
    return finish(fig, _ids(series_df.get("source_ids", [])), word("bars_caption", language), data=series_df,
                  language=language)


def plot_plan_attainment(obs_df: pd.DataFrame, title: str | None = None, language: str | None = None):
    """Bars of ``plan_pct`` (percent of plan achieved) by year with the 100 % line.

    Args:
        obs_df: observations; rows with ``measure='plan_pct'`` are drawn, one bar each,
            coloured by indicator; hatched bars are partial-year figures ("7 tháng: 77,6% kế hoạch").
        title: default "Plan attainment" in ``language``.
        language: of the axis, legend and caption (default: the current language).

    Returns:
        A matplotlib Figure.
    """
    language = resolve(language)
    title = title or word("plan_title", language)
    plans = obs_df[obs_df["measure"] == "plan_pct"] if len(obs_df) else obs_df
    if plans.empty:
        return empty_figure(word("plan_none", language), title, language=language)
    import matplotlib as mpl
    from matplotlib.patches import Patch

    plans = plans.assign(year=plans["period_end"].dt.year).sort_values(["year", "indicator", "period_start", "obs_id"])
    indicators = sorted(plans["indicator"].unique())
    colour = dict(zip(indicators, palette(len(indicators))))
    fig, ax = new_figure((8.5, 4.5))
    with mpl.rc_context(house_rc()):
        for year, rows in plans.groupby("year", sort=True):
            width = 0.8 / len(rows)
            for i, r in enumerate(rows.itertuples()):
                x = year - 0.4 + width * (i + 0.5)
                partial = not is_full_year(r.period_start, r.period_end)
                err = [[max(r.value - r.value_low, 0) if not math.isnan(r.value_low) else 0],
                       [max(r.value_high - r.value, 0) if not math.isnan(r.value_high) else 0]]
                ax.bar(x, r.value, width=width * 0.9, color=colour[r.indicator], hatch="//" if partial else None,
                       edgecolor="white", yerr=err, ecolor="0.3", capsize=2)
                ax.text(x, r.value, _percent_label(r.value, language), ha="center", va="bottom", fontsize=7)
        ax.axhline(100, color="0.25", linestyle="--", linewidth=1)
        ax.set_xticks(sorted(plans["year"].unique()))
        ax.set_ylabel(word("plan_ylabel", language))
        ax.set_title(title)
        handles = [Patch(color=colour[c], label=c) for c in indicators]
        handles.append(Patch(facecolor="white", edgecolor="0.3", hatch="//", label=word("partial_year", language)))
        ax.legend(handles=handles, fontsize=8, loc="best")
    shown = [c for c in ("obs_id", "indicator", "year", "period_start", "period_end", "value", "value_low", "value_high",
                         "status", "value_raw", "period_raw", "comparison_raw", "source_id") if c in plans.columns]
    return finish(fig, set(plans["source_id"]), word("plan_caption", language), data=plans[shown], language=language)


def _percent_label(value: float, language: str) -> str:
    """A bar label: ``77.6%`` (``%g``), with a decimal comma in Vietnamese (``77,6%``)."""
    text = f"{value:g}%"
    return text.replace(".", ",") if language == "vi" else text


def select_events(events_df: pd.DataFrame | None, kinds=None, groups=None, kind_groups: dict | None = None) -> pd.DataFrame:
    """Dated events whose typed ``kind`` is in ``kinds`` or whose kind's group is in ``groups`` (all when both None).

    ``kind_groups`` maps kind codes to groups (default: ``data/reference/event_kinds.csv``); titles are never read.
    """
    if events_df is None or not len(events_df):
        return pd.DataFrame(columns=["date", "date_end", "category", "kind", "title", "source_id"])
    events = events_df[events_df["date"].notna()]
    if kinds is None and groups is None:
        return events
    keep = events["kind"].isin(list(kinds or []))
    if groups is not None:
        if kind_groups is None:
            import lso_analysis

            codes = lso_analysis.load_event_kinds()
            kind_groups = dict(zip(codes["code"], codes["group"]))
        keep |= events["kind"].map(kind_groups).isin(list(groups))
    return events[keep]


def _draw_timeline_series(ax, series_df: pd.DataFrame, title: str, language: str = "en") -> set[str]:
    """The series panel of a timeline: points at mid-period, a grey bar across each period; returns its sources."""
    import matplotlib.dates as mdates

    s = series_df[series_df["value"].notna()]
    mid = mdates.date2num(s["period_start"] + (s["period_end"] - s["period_start"]) / 2)
    starts, ends = mdates.date2num(s["period_start"]), mdates.date2num(s["period_end"])
    ax.hlines(s["value"], starts, ends, colors="0.7", linewidth=1)
    _origin_legend(ax, _draw_points(ax, list(mid), s, palette(1)[0]), language=language)
    ax.set_ylabel(unit_label(next((u for u in s.get("unit", []) if isinstance(u, str) and u), ""), language))
    ax.set_title(title)
    return _ids(s.get("source_ids", []))


def event_labels(events: pd.DataFrame, language: str | None = None) -> list[str]:
    """The label of each event on a timeline: its title in English; in Vietnamese its ``title_vi`` when the
    frame has one, else the Vietnamese name of its kind (``event_kinds.csv``) and its crossing, else its title.
    """
    language = resolve(language)
    if language == "en":
        return [str(t) for t in events["title"]]
    names = _kind_names(language) if "kind" in events.columns else {}
    out = []
    for row in events.to_dict("records"):
        own = row.get(f"title_{language}")
        if isinstance(own, str) and own.strip():
            out.append(own.strip())
            continue
        label = names.get(row.get("kind"), "")
        if not label:  # no kind: the title as the data write it
            out.append(str(row.get("title") or ""))
            continue
        crossing = row.get("crossing")
        if isinstance(crossing, str) and crossing.strip():
            label += ": " + ", ".join(_crossing_name(c.strip(), language) for c in crossing.split(";") if c.strip())
        out.append(label[:1].upper() + label[1:])
    return out


def _crossing_name(crossing: str, language: str) -> str:
    """A crossing as ``language`` writes it: a proper name stays, a common noun ("auxiliary gates") is translated
    through ``data/reference/glossary.csv`` (its singular form too)."""
    import csv

    from lso_analysis import paths

    with open(paths.REFERENCE_DIR / "glossary.csv", encoding="utf-8", newline="") as handle:
        terms = {row["en"].strip().lower(): row.get(language, "") or "" for row in csv.DictReader(handle)}
    key = crossing.lower()
    return terms.get(key) or terms.get(key[:-1] if key.endswith("s") else key) or crossing


def _kind_names(language: str) -> dict[str, str]:
    """Kind code → its name in ``language``, read from the reference table (no data build needed)."""
    import csv

    from lso_analysis import paths

    with open(paths.REFERENCE_DIR / "event_kinds.csv", encoding="utf-8", newline="") as handle:
        return {row["code"]: row.get(f"name_{language}", "") or "" for row in csv.DictReader(handle)}


def _draw_event_lanes(ax, events: pd.DataFrame, language: str = "en") -> tuple[set[str], int]:
    """One lane per category, a dot per event (a bar to its end date), labels where they fit.

    Returns the events' sources and how many were drawn without a label.
    """
    import matplotlib.dates as mdates

    cats = [c for c in CATEGORY_ORDER if c in set(events.get("category", []))]
    cats += sorted(set(events.get("category", [])) - set(cats))
    colours = dict(zip(CATEGORY_ORDER, palette(4)))
    ordered = events.sort_values(["date", "title"])
    texts = event_labels(ordered, language) if len(ordered) else []
    xs = mdates.date2num(ordered["date"])
    min_gap = 0.27 * (max(xs) - min(xs)) if len(xs) > 1 else 0.0  # a 32-character label spans ~a quarter of the axis
    last: dict[tuple, float] = {}
    sources, unlabelled = set(), 0
    for x0, ev, text in zip(xs, ordered.itertuples(), texts):
        y, c = cats.index(ev.category), colours.get(ev.category, "0.4")
        end = getattr(ev, "date_end", pd.NaT)
        if not pd.isna(end) and end > ev.date:
            ax.broken_barh([(x0, mdates.date2num(end) - x0)], (y - 0.15, 0.3), color=c, alpha=0.7)
        ax.plot([x0], [y], marker="o", color=c, markersize=5)
        sources.add(ev.source_id)
        # Label an event only where its text cannot run into the previous label of its row.
        level = next((lv for lv in range(2) if x0 - last.get((y, lv), -math.inf) >= min_gap), None)
        if level is None:
            unlabelled += 1
            continue
        last[(y, level)] = x0
        label = text if len(text) <= 32 else text[:31] + "…"
        ax.annotate(label, (x0, y), xytext=(3, 4 + 9 * level), textcoords="offset points", fontsize=6.5, color="0.2")
    ax.set_yticks(range(len(cats)), [_category_label(c, language) for c in cats])
    ax.set_ylim(-0.6, max(len(cats), 1) - 0.2)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    return sources, unlabelled


def _category_label(category: str, language: str) -> str:
    return word(f"category_{category}", language) if category in CATEGORY_ORDER else category


def plot_timeline(events_df: pd.DataFrame | None, series_df: pd.DataFrame | None = None, title: str | None = None,
                  window: tuple | None = None, kinds=None, groups=None, language: str | None = None):
    """Dated events by category (spans for closures with an end date) under an optional series.

    Args:
        events_df: ``load_events()`` output (``date``, ``date_end``, ``category``, ``kind``, ``title``,
            ``source_id``).
        series_df: a series as for :func:`plot_series_with_intervals`, drawn above on the
            same time axis (points at mid-period).
        window: (start, end) dates; events outside are left out (and counted in the
            caption). Default: the series' span when a series is given, else everything.
        kinds, groups: draw only events of these kind codes or kind groups (see :func:`select_events`).
        title: default "Events" in ``language``.
        language: of the lanes, the event labels (:func:`event_labels`), legend and caption (default: the
            current language).

    Returns:
        A matplotlib Figure. Labels that would overrun a neighbour are left off (counted).
    """
    language = resolve(language)
    title = title or word("events_title", language)
    events = select_events(events_df, kinds, groups)
    has_series = series_df is not None and len(series_df) and series_df["value"].notna().any()
    if window is None and has_series:
        window = (series_df["period_start"].min(), series_df["period_end"].max())
    outside = 0
    if window is not None and len(events):
        keep = (events["date"] >= pd.Timestamp(window[0])) & (events["date"] <= pd.Timestamp(window[1]))
        outside, events = int((~keep).sum()), events[keep]
    if events.empty and not has_series:
        return empty_figure(word("timeline_none", language), title, language=language)
    import matplotlib as mpl

    lanes = max(events["category"].nunique() if len(events) else 1, 1)
    if has_series:
        fig, (ax_s, ax_e) = new_figure((9.0, 3.5 + 0.75 * lanes), nrows=2, sharex=True,
                                       gridspec_kw={"height_ratios": [3.0, 0.75 * lanes]})
    else:
        fig, ax_e = new_figure((9.0, 1.2 + 0.75 * lanes))
    with mpl.rc_context(house_rc()):
        sources = _draw_timeline_series(ax_s, series_df, title, language) if has_series else set()
        drawn, unlabelled = _draw_event_lanes(ax_e, events, language)
        sources |= drawn
        if not has_series:
            ax_e.set_title(title)
    notes = []
    if unlabelled:
        notes.append(word("unlabelled", language, n=unlabelled, total=len(events)))
    if outside:
        notes.append(word("outside", language, n=outside, first=_day(window[0], language),
                          last=_day(window[1], language)))
    return finish(fig, sources, " ".join(notes) or None, data=_timeline_data(events, series_df if has_series else None),
                  language=language)


def _day(value, language: str) -> str:
    if language == "en":
        return f"{pd.Timestamp(value):%Y-%m-%d}"
    from lso_analysis.present.labels import date_label

    return date_label(value, language)


#: The words of the coverage heat map (legend, cell letters, partial mark, note, empty message): the defaults
#: come from :mod:`lso_analysis.present.words` (``coverage_<key>``) in the report's language.
COVERAGE_KEYS = ("none", "derived", "estimate", "actual", "letter.actual", "letter.estimate", "letter.derived",
                 "partial", "note", "empty")


def plot_coverage(coverage_df: pd.DataFrame, title: str | None = None, words: dict | None = None,
                  language: str | None = None):
    """Indicator × year heat map of :func:`lso_analysis.analysis.coverage.coverage_table` (A/E/D, ``p`` = partial-year data).

    Args:
        coverage_df: the coverage table; its ``indicator`` column is shown as it is.
        title: default "Coverage: full-year figures" in ``language``.
        words: replaces some of the words (keys :data:`COVERAGE_KEYS`).
        language: of the default words (default: the current language; Vietnamese letters TH/ƯT/TT, ``*``).

    Returns:
        A matplotlib Figure.
    """
    language = resolve(language)
    w = {key: word(f"coverage_{key}", language) for key in COVERAGE_KEYS} | (words or {})
    title = title or word("coverage_title", language)
    if coverage_df is None or coverage_df.empty:
        return empty_figure(w["empty"], title, language=language)
    import matplotlib as mpl
    import seaborn as sns
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    codes = coverage_df.pivot(index="indicator", columns="year", values="status").fillna("none")
    partial = coverage_df.pivot(index="indicator", columns="year", values="has_partial").fillna(False).astype(bool)
    letters = codes.apply(lambda col: col.map({k: w[f"letter.{k}"] for k in ("actual", "estimate", "derived")}
                                              | {"none": ""}))
    labels = letters + partial.map(lambda p: f" {w['partial']}" if p else "")
    pal = palette(4)
    colours = ["#eeeeee", pal[2], pal[1], pal[0]]
    fig, ax = new_figure((1.6 + 0.9 * codes.shape[1], 1.6 + 0.32 * codes.shape[0]))
    with mpl.rc_context(house_rc()):
        sns.heatmap(codes.map(COVERAGE_CODES.get), cmap=ListedColormap(colours), vmin=-0.5, vmax=3.5, cbar=False,
                    annot=labels, fmt="", linewidths=0.5, linecolor="white", ax=ax, annot_kws={"fontsize": 8})
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_title(title)
        names = [w[k] for k in ("none", "derived", "estimate", "actual")]
        ax.legend(handles=[Patch(color=c, label=n) for c, n in zip(colours, names)], fontsize=7,
                  loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    sources = _ids(coverage_df["source_ids"]) if "source_ids" in coverage_df else set()
    return finish(fig, sources, w["note"], data=coverage_df, language=language)


def _timeline_data(events: pd.DataFrame, series_df: pd.DataFrame | None) -> pd.DataFrame:
    """The rows a timeline draws: the events shown, then the series points, one ``layer`` column apart."""
    parts = []
    if len(events):
        keep = [c for c in ("date", "date_end", "category", "title", "value", "unit", "source_id") if c in events.columns]
        parts.append(events.sort_values(["date", "title"])[keep].assign(layer="event"))
    if series_df is not None:
        s = series_df[series_df["value"].notna()]
        keep = [c for c in ("period_start", "period_end", "value", "value_low", "value_high", "unit", "origin", "source_ids")
                if c in s.columns]
        parts.append(s[keep].assign(layer="series"))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
