"""One module per report notebook: the analysis each notebook shows, as short calls.

``audit`` (notebook 00), ``covid`` (10), ``trade`` (20) and ``digital`` (30). A study module uses
the analysis and presentation layers and never imports another study module; what two studies
need lives in ``lso_analysis.analysis`` or ``lso_analysis.present``.
"""
