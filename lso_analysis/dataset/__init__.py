"""The dataset: ``data/raw`` and ``data/reference`` in, validated ``data/processed`` tables out.

``rawio`` reads the hand-kept CSV and YAML strictly (file, row and column for every problem),
``clean`` turns one raw transcription row into one processed observation with the cleaners,
``schema`` is the processed tables' contract (pandera plus cross-field rules), ``build`` writes
``data/processed`` atomically only when every check passes, ``loaders`` returns typed DataFrames
(rebuilding when an input or the cleaner code changed) and ``validate`` reports every problem.
"""
