"""The analysis layer: processed observations in, series, derived values, checks and model fits out.

``intervals`` does interval arithmetic on (low, high) bounds, ``derive`` computes implied values
(base years from growth, plans from plan shares …) with ``obs_rows`` and ``spans`` as its row and
date helpers, ``series`` picks the best value per year with its provenance, ``consistency``
compares figures about the same quantity, ``coverage`` says which indicator-years hold data, and
``models`` fits trend-break and counterfactual models that refuse when the data are too thin.
Nothing here formats text or draws; every function takes the province and window it works on.
"""
