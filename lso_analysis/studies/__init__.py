"""One study per report notebook: the data, tables, charts and claims each notebook shows, as short calls.

``audit`` (notebook 00), ``covid`` (10), ``trade`` (20), ``digital`` (30) and ``provinces`` (40), each with helper
modules named after it (``covid_calc``, ``covid_claims``, ``trade_display`` …). A study takes a
:class:`~lso_analysis.analysis.scope.Scope`, uses the analysis and presentation layers, keeps its words in
``lso_analysis.present.wording`` and never imports another study; what two studies need lives in
``lso_analysis.analysis`` or ``lso_analysis.present``.
"""
