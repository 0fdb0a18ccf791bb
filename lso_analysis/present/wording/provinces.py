"""English wording of notebook 40's claims (a province against Vietnam and other provinces)."""

from __future__ import annotations

from lso_analysis.present import wording

GROUPS_EN = {"northern_border": "northern border provinces"}


def group_en(code: str) -> str:
    if code.startswith("region:"):
        return f"provinces of the {code.split(':', 1)[1]} region"
    return GROUPS_EN.get(code, f"provinces of the group {code}" if code else "provinces compared")


def _own(claim, f):
    v = claim.values
    if claim.case == "none":
        return f"The data hold no full-year GRDP growth figure for {f.one(v['province'])} in the window."
    text = (f"{f.one(v['province'])} has a full-year GRDP growth figure for {f.one(v['have'])}"
            + (f", none for {f.one(v['lack'])}" if v["lack"] else "") + ".")
    if v["n_estimates"]:
        text += (" All of them are estimates (ước) made before the year closed." if v["n_estimates"] == len(v["have"])
                 else f" {v['n_estimates']} of them are estimates (ước) made before the year closed.")
    return text


def _peers(claim, f):
    v = claim.values
    group = group_en(v.get("group", ""))
    if claim.case == "no_data":
        return f"Neither {f.one(v['province'])} nor its comparison group ({group}) has a figure for the same year."
    head = f"In {v['year']}, {f.one(v['province'])} ({f.one(v['growth'])})"
    others = f.one(v["others"])
    if claim.case == "alone":
        return f"{head} is the only one of the {group} with a figure."
    if claim.case == "top":
        return f"{head} grew faster than every other of the {group} with a figure ({others})."
    if claim.case == "bottom":
        return f"{head} grew slower than every other of the {group} with a figure ({others})."
    return f"{head} sits among the {group} with a figure, neither fastest nor slowest beyond rounding ({others})."


def _missing(claim, f):
    v = claim.values
    if claim.case == "national":
        return f"No national GDP growth figure for {f.one(v['years'])}: those years have no gap."
    if claim.case == "peers":
        return f"No full-year growth figure in the window for {f.one(v['names'])} ({group_en(v['group'])})."
    return ("Most figures are year-end estimates; the statistical yearbooks' final figures, which the data do not "
            "hold, may differ by more than the rounding shown.")


def _panel(claim, f):
    v = claim.values
    if claim.case == "refused":
        return f"The panel model refuses: {f.one(v['why'])}."
    sig = v["significant"]
    tail = (f" The 95% interval excludes zero in {f.one(sig)}." if sig else
            " In no year does the 95% interval exclude zero: the data cannot tell the deviation from noise.")
    return (f"Against its own pre-2020 pace and each year's common shock across {v['n_provinces']} provinces "
            f"({v['n_obs']} figures), {f.one(v['province'])}'s growth deviated by {'; '.join(v['items'])} "
            f"(percentage points, 95% interval).{tail}")


wording.register("provinces", "en", {
    ("provinces.title", "ok"): "{province} against Vietnam and other provinces, {window}",
    ("provinces.coverage", "ok"): "Besides {province}, the data hold a full-year GRDP growth figure for {n} provinces "
                                  "in {window}; provinces with a figure each year: {per_year}.",
    ("provinces.coverage", "none"): "The data hold no full-year GRDP growth figure for any other province in {window}: "
                                    "there is nothing to compare {province} with.",
    ("provinces.own_figures", "none"): _own, ("provinces.own_figures", "all"): _own, ("provinces.own_figures", "some"): _own,
    ("provinces.gap", "above"): "In {year}, {province}'s GRDP grew {growth}, faster than Vietnam's GDP ({national}, first "
                                "estimate): a gap of {gap} percentage points.",
    ("provinces.gap", "below"): "In {year}, {province}'s GRDP grew {growth}, slower than Vietnam's GDP ({national}, first "
                                "estimate): a gap of {gap} percentage points.",
    ("provinces.gap", "level"): "In {year}, {province}'s GRDP grew {growth}, as fast as Vietnam's GDP ({national}, first "
                                "estimate) within the rounding of the two figures (gap {gap} percentage points).",
    ("provinces.gap", "no_national"): "The data hold no national GDP growth figure in {window}: no gap can be computed.",
    ("provinces.gap", "no_overlap"): "No year of {window} has both a full-year figure for {province} and a national "
                                     "figure: no gap can be computed.",
    ("provinces.vintage", "no_revised"): "No revised national figure covers a year compared: the gaps rest on the first "
                                         "estimates only.",
    ("provinces.vintage", "holds"): "Against the revised national series ({years}) every gap keeps its sign; the gaps "
                                    "move by up to {shift} percentage points.",
    ("provinces.vintage", "flips"): "Against the revised national series the gap changes sign in {flipped}: those years' "
                                    "comparisons depend on the vintage.",
    ("provinces.path", "no_data"): "No run of years with both figures: the path at the national rate cannot be drawn.",
    ("provinces.path", "above"): "Chained from {base} (= 100), {province}'s output in {last} stood {gap} above the path "
                                 "it would have followed at Vietnam's growth rates.",
    ("provinces.path", "below"): "Chained from {base} (= 100), {province}'s output in {last} stood {gap:abs} below the "
                                 "path it would have followed at Vietnam's growth rates.",
    ("provinces.path", "level"): "Chained from {base} (= 100), {province}'s output in {last} stood on the path it would "
                                 "have followed at Vietnam's growth rates, within rounding ({gap}).",
    ("provinces.peers", "no_data"): _peers, ("provinces.peers", "alone"): _peers, ("provinces.peers", "top"): _peers,
    ("provinces.peers", "bottom"): _peers, ("provinces.peers", "middle"): _peers,
    ("provinces.rank", "exact"): "In {year}, {province} ranked {rank} of the {n} provinces with a full-year growth figure.",
    ("provinces.rank", "range"): "In {year}, {province} ranked {rank} of the {n} provinces with a full-year growth "
                                 "figure ({best} to {worst} given the rounding of tied figures).",
    ("provinces.rank", "no_data"): "No year has a figure for {province} to rank.",
    ("provinces.panel", "refused"): _panel, ("provinces.panel", "estimated"): _panel,
    ("provinces.panel_low", "no_low"): "No low-reliability copy holds a growth figure in the window: there is no "
                                       "sensitivity to run.",
    ("provinces.panel_low", "moves"): "With the {n_low} figures from low-reliability copies added, the panel estimates "
                                      "move by up to {shift} percentage points.",
    ("provinces.panel_low", "refused"): "With the {n_low} figures from low-reliability copies added, the panel model "
                                        "still refuses: {why}.",
    ("provinces.panel_low", "only_with_low"): "Only with the {n_low} figures from low-reliability copies added can the "
                                              "panel model be fitted; those estimates are not shown as findings.",
    ("provinces.missing", "national"): _missing, ("provinces.missing", "peers"): _missing,
    ("provinces.missing", "final"): _missing,
})
