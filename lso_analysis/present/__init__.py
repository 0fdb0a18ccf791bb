"""Presentation: tables, series and claims in, what a report shows out.

``plotstyle`` is the house style and byte-stable figure export, ``plotting`` draws the charts
(every one captioned with its sources), ``narrative`` formats figures with their intervals and
shows Markdown and tables, and ``citations`` collects the source ids a report cites for its footer.
"""
