"""Which province a Vietnamese document is about: the places it names, its URL and its publisher."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lso_analysis.extract.gazetteer import Place, load_places
from lso_analysis.extract.matchtext import canon_tones, nfc_with_offsets, trie_regex

# Evidence weights. A named province counts more than one of its districts; a name after its
# unit word ("tỉnh Lạng Sơn", "huyện Cao Lộc") more than a bare one; a province named as the
# seat of an institution ("UBND tỉnh Lạng Sơn", "Đảng bộ tỉnh …") most of all.
WEIGHTS = {"province": 3.0, "district": 2.0, "town": 2.0, "commune": 1.5, "border_gate": 2.0, "economic_zone": 2.0,
           "industrial_park": 1.5, "landmark": 1.5}
# Metadata: a province in the URL's host ("baolangson.vn"), in its slug ("/lang-son-tang-truong…") or in
# the publisher's name ("Cục Thống kê tỉnh Lạng Sơn"). Each counts once, whatever the repetitions.
METADATA_WEIGHTS = {"url host": 3.0, "url slug": 3.0, "publisher": 3.0}
PREFIX_BONUS = 1.0
INSTITUTION_BONUS = 2.0
# A provincial paper names its own province rarely ("tỉnh ta", "Chủ tịch UBND tỉnh") but its
# districts freely, while other provinces are named as provinces: when the text refers to
# "the province" without a name, district evidence and institutional mentions weigh double.
SELF_REFERENCE_FACTOR = 2.0
MIN_SCORE = 3.0

_UNIT_WORD = r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?|thị trấn)"
_INSTITUTION = re.compile(
    r"(?:ubnd|hđnd|ủy ban nhân dân|hội đồng nhân dân|đảng bộ|tỉnh ủy|thành ủy|báo|đài|cục thống kê|"
    r"cục hải quan|công an|bộ chỉ huy quân sự|mặt trận tổ quốc|sở [^\W\d_]+(?: [^\W\d_]+){0,5}|chủ tịch)\s+$"
)
_SELF_REFERENCE = re.compile(
    r"\b(?:tỉnh ta|toàn tỉnh|trên địa bàn tỉnh|của tỉnh|(?:ubnd|hđnd|ủy ban nhân dân|tỉnh ủy|chủ tịch ubnd) tỉnh)(?![^\W\d_]| [A-ZĐÀ-Ỹ])",
)
# The commonest Vietnamese family names: a place name right after one is part of a person's name
# ("ông Nguyễn Văn Yên" is not Văn Yên district).
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lương đinh hà đoàn trịnh "
    "mai tạ lâm triệu chu vi nông hứa lưu tô la cao quách thái kiều lục lò hầu đàm âu giáp khổng tăng "
    "văn thị".split()
)


@dataclass(frozen=True)
class Evidence:
    """One place name found: ``count`` matches of ``term`` pointing at ``province``.

    ``where`` is ``text``, ``url host``, ``url slug`` or ``publisher``.
    """

    term: str
    kind: str
    count: int
    province: str
    where: str = "text"


@dataclass
class ProvinceAttribution:
    """The result of :func:`detect_province`.

    Attributes:
        province: the NFC province name, or None when the evidence is too thin or tied.
        score: the winner's weighted evidence.
        confidence: the winner's share of all weighted evidence (0..1).
        evidence: what was counted, strongest province first.
        runners_up: ``(province, score)`` of the others, best first.
        self_references: how often the text says "the province" without naming it.
        rejected: names seen but not counted, with the reason (e.g. a person's name).
        basis: ``text`` (the text alone decides), ``text and metadata``, ``metadata only`` (the text
            names no place of the province: the answer rests on the URL or publisher), or "" (no answer).
        text_province: what the text alone would say (None when too thin), for comparison.
    """

    province: str | None
    score: float
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    runners_up: list[tuple[str, float]] = field(default_factory=list)
    self_references: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    basis: str = ""
    text_province: str | None = None

    @property
    def metadata_only(self) -> bool:
        """True when the answer rests on the URL or publisher alone."""
        return self.basis == "metadata only"


@functools.lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[str, list[Place]]]:
    by_key: dict[str, list[Place]] = defaultdict(list)
    for place in load_places():
        by_key[canon_tones(place.name).lower()].append(place)
    names = trie_regex(sorted(by_key))
    pattern = re.compile(rf"(?<![\w.])(?:(?P<unit>{_UNIT_WORD})\s+)?(?P<name>{names})(?![^\W_])", re.I)
    return pattern, dict(by_key)


def _capitalised_as(found: str, canonical: str) -> bool:
    """Every word capitalised in the gazetteer is capitalised in the text ("hòa bình" is peace)."""
    for got, want in zip(found.split(), canonical.split()):
        if want[:1].isupper() and not got[:1].isupper():
            return False
    return True


def _is_person(text: str, start: int, end: int) -> bool:
    """A bare name glued to a capitalised family name or followed by another capitalised word."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() in _SURNAMES:
        return True
    after = re.match(r"\s+(\w+)", text[end : end + 20])
    return bool(after and after.group(1)[:1].isupper() and after.group(1).lower() in _SURNAMES)


def detect_province(text: str, url: str | None = None, publisher: str | None = None) -> ProvinceAttribution:
    """Say which province a document is about, with the evidence that decided it.

    Args:
        text: the document (any normalisation; it is NFC-normalised here).
        url: where it was published; a province in the host or the slug counts.
        publisher: the publisher's name ("Cục Thống kê tỉnh Lạng Sơn", "Báo Hà Giang").

    Returns:
        A :class:`ProvinceAttribution`; ``province`` is None when no province scores at
        least ``MIN_SCORE`` or two provinces tie. ``basis`` says whether the text alone
        decided or the metadata had to.

    Example:
        >>> detect_province("UBND huyện Cao Lộc và huyện Lộc Bình báo cáo; tỉnh ta tiếp tục…").province
        'Lạng Sơn'
        >>> detect_province("Ông Nguyễn Văn Yên phát biểu.").province is None
        True
        >>> a = detect_province("Kim ngạch 9 tháng đạt 512 triệu USD.", url="https://thongkelangson.gov.vn/x")
        >>> a.province, a.basis
        ('Lạng Sơn', 'metadata only')
    """
    scores, counts, self_refs, rejected = _text_scores(text if isinstance(text, str) else "")
    text_scores = dict(scores)
    for where, term, province in _metadata_terms(url, publisher):
        scores[province] += METADATA_WEIGHTS[where]
        counts[(term, "province", province, where)] += 1
    result = _decide(scores, counts, self_refs, rejected)
    result.text_province = _decide(text_scores, Counter(), self_refs, []).province
    if result.province is not None:
        confirmed = any(w != "text" and p == result.province for (_, _, p, w) in counts)
        if text_scores.get(result.province, 0.0) == 0.0:
            result.basis = "metadata only"
        elif result.text_province == result.province and not confirmed:
            result.basis = "text"
        else:
            result.basis = "text and metadata"
    return result


def _metadata_terms(url: str | None, publisher: str | None) -> list[tuple[str, str, str]]:
    """``(where, term, province)`` for the provinces the URL and the publisher name."""
    from lso_analysis.extract.metadata import host_provinces, slug_provinces

    terms = []
    if url:
        terms += [("url host", k, p) for k, p in host_provinces(url)]
        terms += [("url slug", k, p) for k, p in slug_provinces(url)]
    if publisher:
        pub_scores, pub_counts, _, _ = _text_scores(publisher)
        terms += [("publisher", t, p) for (t, kind, p, _) in pub_counts if kind == "province"]
    return list(dict.fromkeys(terms))


def _text_scores(text: str):
    """Weighted evidence per province from the place names a text prints."""
    text, _ = nfc_with_offsets(text)
    key = canon_tones(text)
    low = key.lower()
    pattern, by_key = _matcher()
    self_refs = len(_SELF_REFERENCE.findall(key))
    factor = SELF_REFERENCE_FACTOR if self_refs else 1.0
    scores: dict[str, float] = defaultdict(float)
    counts: Counter = Counter()
    rejected: list[tuple[str, str]] = []
    for m in pattern.finditer(key):
        name = m.group("name")
        places = by_key.get(re.sub(r"\s+", " ", name.lower()), [])
        if not places:
            continue
        unit = (m.group("unit") or "").lower().rstrip(".")
        if not _capitalised_as(name, places[0].name):
            continue
        if places[0].requires_prefix and unit not in ("thành phố", "tp"):
            rejected.append((name, "needs a unit word"))
            continue
        if not unit and _is_person(key, m.start("name"), m.end("name")):
            rejected.append((name, "part of a person's name"))
            continue
        chosen = _choose(places, unit)
        institution = bool(_INSTITUTION.search(low[max(0, m.start() - 40) : m.start()]))
        for place in chosen:
            weight = WEIGHTS[place.kind] + (PREFIX_BONUS if unit else 0.0)
            if place.kind == "province" and institution:
                weight += INSTITUTION_BONUS
                weight *= factor
            elif place.kind != "province":
                weight *= factor
            scores[place.province] += weight / len(chosen)
            counts[(place.name, place.kind, place.province, "text")] += 1
    _locality_scores(key, scores, counts, factor)
    return scores, counts, self_refs, rejected


def _locality_scores(key: str, scores, counts: Counter, factor: float) -> None:
    """Communes (after xã/phường/thị trấn) and landmarks (after cửa khẩu, khu kinh tế …)."""
    from lso_analysis.extract.localities import find_localities

    by_position: dict[int, list] = defaultdict(list)
    for name, loc, pos in find_localities(key):
        by_position[pos].append((name, loc))
    for found in by_position.values():
        provinces = sorted({loc.province for _, loc in found})
        for province in provinces:
            loc = next(l for _, l in found if l.province == province)
            scores[province] += WEIGHTS[loc.kind] * factor / len(provinces)
            counts[(found[0][0], loc.kind, province, "text")] += 1


def _choose(places: list[Place], unit: str) -> list[Place]:
    """Resolve a name several places share, using the unit word printed before it."""
    provinces = [p for p in places if p.kind == "province"]
    others = [p for p in places if p.kind != "province"]
    if unit in ("huyện", "quận", "thị xã", "tx", "thị trấn") and others:
        return others
    if provinces:
        # "Lạng Sơn" is the province and its capital city alike: the province it is.
        return provinces[:1]
    if unit in ("thành phố", "tp"):
        towns = [p for p in others if p.kind == "town"]
        return towns or others
    return others


def _decide(scores, counts, self_refs, rejected) -> ProvinceAttribution:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(scores.values())
    evidence = sorted(
        (Evidence(term, kind, n, prov, where) for (term, kind, prov, where), n in counts.items()),
        key=lambda e: (-scores[e.province], e.province, e.where != "text", -e.count, e.term),
    )
    if not ranked:
        return ProvinceAttribution(None, 0.0, 0.0, evidence, [], self_refs, rejected)
    best, best_score = ranked[0]
    tied = len(ranked) > 1 and ranked[1][1] == best_score
    province = best if best_score >= MIN_SCORE and not tied else None
    return ProvinceAttribution(
        province=province,
        score=round(best_score, 3),
        confidence=round(best_score / total, 3) if total else 0.0,
        evidence=evidence,
        runners_up=[(p, round(s, 3)) for p, s in ranked[1:6]],
        self_references=self_refs,
        rejected=rejected,
    )
