"""A matplotlib Figure that displays in a notebook as its PNG with the CSV of its data underneath."""

from __future__ import annotations

import base64
from html import escape

from matplotlib.figure import Figure

from lso_analysis.present.datalinks import download_link, figure_data, figure_name, figure_title


#: What shows under a figure without data, in English (:func:`no_data_html` for any language).
NO_DATA = "<p class='lso-data'><small>No data to download.</small></p>"


def no_data_html(language: str | None = None) -> str:
    """The line under a figure that has no data to download, in ``language`` (default: the current one)."""
    from lso_analysis.present.words import word

    return f"<p class='lso-data'><small>{escape(word('no_download', language))}</small></p>"


class ReportFigure(Figure):
    """The package's figures (:func:`lso_analysis.present.plotstyle.new_figure` makes them).

    In Jupyter it displays as a mime bundle: ``image/png`` (as the inline backend would draw it)
    and ``text/html`` (the same PNG inline, then a download link holding the figure's data as
    CSV with its source ids), so a report built from the notebook carries the data of every chart.
    Its words are in the language current when it is displayed
    (:func:`lso_analysis.present.set_language`).
    """

    def _png(self) -> bytes:
        from IPython.core.pylabtools import print_figure

        return print_figure(self, "png", bbox_inches="tight", metadata={"Software": None})

    def _repr_mimebundle_(self, include=None, exclude=None):
        from lso_analysis.present.words import word

        png = base64.b64encode(self._png()).decode("ascii")
        name = figure_name(self)
        sources = getattr(self, "_lso_sources", [])
        link = download_link(figure_data(self), name, sources) or no_data_html()
        alt = figure_title(self) or word("figure")
        html = (f"<div class='lso-figure'><img alt=\"{escape(alt)}\" src=\"data:image/png;base64,{png}\"/>"
                f"{link}</div>")
        return {"image/png": png, "text/html": html}
