"""The extractor: the text of a Vietnamese socio-economic report in, candidate observations out.

``segment`` splits sentences and finds period and comparison phrases, ``figures`` finds the printed
statistics, ``timeline`` dates each figure, ``resolve`` ties a figure to its indicator through the
phrase lexicon (``lexicon``, data in ``data/reference/lexicon.csv``) and the composed phrases
(``phrases``: head nouns and modifiers, ``phrase_parts.csv`` and ``phrase_rules.csv``), ``observe``
builds the rows and ``pipeline`` runs the whole chain (:func:`extract_observations`). ``provinces``,
``gazetteer``, ``localities`` (communes, landmarks) and ``metadata`` (URL, publisher) say which province
a document is about; ``draft`` writes a curator's raw files; ``cli`` is ``lso-analysis extract``.
"""


def __getattr__(name: str):
    # ``from lso_analysis.extract import extract_observations`` worked when extract was one module.
    if name == "extract_observations":
        from lso_analysis.extract.pipeline import extract_observations

        return extract_observations
    if name == "detect_province":
        from lso_analysis.extract.provinces import detect_province

        return detect_province
    raise AttributeError(f"module 'lso_analysis.extract' has no attribute {name!r}")
