"""House style, source captions and byte-stable export for the package's figures."""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Iterable

from lso_analysis.present import resolve

FONT = "DejaVu Sans"  # ships with matplotlib and covers Vietnamese (Latin Extended Additional)
PALETTE = "colorblind"
SVG_HASHSALT = "lso-analysis"
CAPTION_FONTSIZE = 7.0
_CHARS_PER_INCH = 17  # caption characters per inch of figure width at 7 pt


def house_rc() -> dict:
    """rcParams of the house style: seaborn whitegrid, colour-blind palette, DejaVu Sans, fixed SVG salt."""
    import seaborn as sns
    from cycler import cycler

    rc = {}
    rc.update(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("notebook", font_scale=0.85))
    rc.update({
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "axes.prop_cycle": cycler(color=sns.color_palette(PALETTE).as_hex()),
        "svg.hashsalt": SVG_HASHSALT,
        "svg.fonttype": "path",
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "path.simplify": True,
    })
    return rc


def palette(n: int | None = None) -> list[str]:
    """The colour-blind-safe palette as hex strings."""
    import seaborn as sns

    return sns.color_palette(PALETTE, n).as_hex()


def set_theme() -> None:
    """Apply the house style globally (notebooks call this once; plot functions apply it themselves)."""
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(style="whitegrid", palette=PALETTE, font=FONT)
    mpl.rcParams.update(house_rc())


def new_figure(figsize: tuple[float, float] = (8.0, 4.5), **subplot_kw):
    """A pyplot-free Figure in the house style (constrained layout), and its axes.

    The figure is a :class:`~lso_analysis.present.reportfigure.ReportFigure`: in a notebook it shows
    a link to its data as CSV under the image. ``subplot_kw`` goes to ``Figure.subplots``
    (``nrows``, ``sharex``, ``gridspec_kw`` …).
    """
    import matplotlib as mpl

    from lso_analysis.present.reportfigure import ReportFigure

    with mpl.rc_context(house_rc()):
        fig = ReportFigure(figsize=figsize, layout="constrained")
        axes = fig.subplots(**subplot_kw)
    return fig, axes


def empty_figure(message: str, title: str | None = None, figsize: tuple[float, float] = (8.0, 2.5),
                 language: str | None = None):
    """A figure that says plainly that there is nothing to draw (its caption in ``language``)."""
    import matplotlib as mpl

    fig, ax = new_figure(figsize)
    with mpl.rc_context(house_rc()):
        ax.set_axis_off()
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="0.35", transform=ax.transAxes)
        if title:
            ax.set_title(title)
    return finish(fig, [], language=language)


def finish(fig, source_ids: Iterable[str], caption: str | None = None, data=None, language: str | None = None):
    """Write the source caption under the figure, remember the sources and data, and cite the sources.

    The caption's "Sources:" is in ``language`` (default: :func:`lso_analysis.present.current_language`).

    Sets ``fig._lso_sources`` (sorted ids) and calls ``lso_analysis.present.citations.cite`` when
    that module is present, so the report footer lists every source a figure used. ``data`` (a
    DataFrame: the rows the figure draws) becomes ``fig._lso_data``, offered under the figure as
    CSV; without it the points are read back from the axes.
    """
    import matplotlib as mpl

    from lso_analysis.present.words import word

    ids = sorted({s.strip() for s in source_ids if isinstance(s, str) and s.strip()})
    sources = word("sources_line", language, ids="; ".join(ids)) if ids else word("sources_none", language)
    text = (caption + " " if caption else "") + sources
    width, height = fig.get_size_inches()
    lines = textwrap.wrap(text, int(width * _CHARS_PER_INCH), break_on_hyphens=False) or [""]
    # The figure grows by the caption's height, so a long source list never squeezes the plot.
    extra = (len(lines) * CAPTION_FONTSIZE * 1.3 + 8) / 72
    fig.set_size_inches(width, height + extra)
    share = extra / (height + extra)
    with mpl.rc_context(house_rc()):
        fig.text(0.01, 0.004, "\n".join(lines), ha="left", va="bottom", fontsize=CAPTION_FONTSIZE, color="0.3",
                 linespacing=1.2)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, share, 1, 1 - share))
    if resolve(language) == "vi":
        decimal_comma(fig)
    fig._lso_sources = ids
    if data is not None:
        fig._lso_data = data
    if ids:
        try:
            from lso_analysis.present.citations import cite
        except ImportError:  # the citations module is optional
            pass
        else:
            cite(*ids)
    return fig


def decimal_comma(fig) -> None:
    """Write the numbers of every plain numeric axis of ``fig`` with a decimal comma (``2,5``), as Vietnamese does.

    Only axes still using matplotlib's default number formatter are changed: dates, categories and formatters a
    chart set on purpose are left alone. :func:`finish` calls this for a figure in Vietnamese.
    """
    from matplotlib.ticker import ScalarFormatter

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(_CommaFormatter())


@functools.cache
def _comma_formatter_class():
    from matplotlib.ticker import ScalarFormatter

    class CommaFormatter(ScalarFormatter):
        """matplotlib's default tick labels with the decimal point written as a comma."""

        def __call__(self, x, pos=None):
            return super().__call__(x, pos).replace(".", ",")

        def format_data_short(self, value):
            return super().format_data_short(value).replace(".", ",")

        def get_offset(self):
            return super().get_offset().replace(".", ",")

    return CommaFormatter


def _CommaFormatter():  # noqa: N802  (a factory: matplotlib is imported only when a figure is made)
    return _comma_formatter_class()()


def figure_sources(fig) -> list[str]:
    """The ``source_id``s a figure of this package used (empty for foreign figures)."""
    return list(getattr(fig, "_lso_sources", []))


def figure_to_png_bytes(fig, dpi: int = 100) -> bytes:
    """PNG bytes without the software/version stamp: the same figure gives the same bytes."""
    import matplotlib as mpl

    buf = io.BytesIO()
    with mpl.rc_context(house_rc()):
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def figure_to_svg_bytes(fig) -> bytes:
    """SVG bytes without a date and with a fixed id salt: byte-identical across runs."""
    import matplotlib as mpl

    buf = io.BytesIO()
    with mpl.rc_context(house_rc()):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return buf.getvalue()
