"""Run the report builder: ``python -m lso_analysis.reports [options]``."""

from . import main

raise SystemExit(main())
