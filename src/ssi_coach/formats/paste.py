"""Reading the scores from what LinkedIn shows, pasted as it is: the JSON of its SSI data, or
the text of its SSI page (English or French), copied with select-all.

Nothing here guesses: a pillar that cannot be found is an error that says which form was
recognised, which pillars were found and which are missing.
"""

from __future__ import annotations

import re
from typing import Any, Final, NamedTuple

from ssi_coach.core import values
from ssi_coach.core.pillars import LABELS, MAX_PILLAR_SCORE, MAX_TOTAL, PILLARS, fold
from ssi_coach.errors import InputError
from ssi_coach.formats.json_document import parse_json

# LinkedIn's names for the pillars in its SSI data.
JSON_PILLARS: Final = {
    "PROFESSIONAL_BRAND": "brand",
    "FIND_RIGHT_PEOPLE": "people",
    "INSIGHT_ENGAGEMENT": "insights",
    "STRONG_RELATIONSHIP": "relationships",
}
SHOWN_TOTAL_TOLERANCE: Final = 1.0  # LinkedIn shows the total rounded to a whole number

FORM_JSON: Final = "json"
FORM_PAGE: Final = "page"


class Pasted(NamedTuple):
    form: str  # FORM_JSON or FORM_PAGE
    scores: dict[str, float]
    total: float | None
    industry: float | None = None
    network: float | None = None
    industry_rank: int | None = None
    network_rank: int | None = None

    @property
    def ranks(self) -> dict[str, int]:
        """The "top N%" ranks found, by benchmark name."""
        found = (("industry", self.industry_rank), ("network", self.network_rank))
        return {name: rank for name, rank in found if rank is not None}


def read_pasted(content: bytes) -> Pasted:
    """The scores in `content`. Raises InputError (field "paste") saying what is wrong."""
    if b"\0" in content:
        raise InputError("paste", "err.paste_binary")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("paste", "err.paste_binary") from None
    if not text.strip():
        raise InputError("paste", "err.paste_empty")
    pasted = _from_json(text) if text.lstrip()[:1] in ("{", "[") else _from_page(text)
    _check_total(pasted)
    return pasted


# -- LinkedIn's SSI data (JSON) -------------------------------------------------------------


def _from_json(text: str) -> Pasted:
    try:
        document = parse_json(text, "paste")
    except InputError as error:  # say what was expected, too
        reason = f"{error.details['reason']}, line {error.details['line']}"
        raise InputError("paste", "err.paste_json", reason=reason) from None
    data = _find_member_score(document)
    if data is None:
        raise InputError("paste", "err.paste_json", reason="no memberScore in it")
    member = data["memberScore"] if isinstance(data["memberScore"], dict) else {}
    scores = _json_scores(member.get("subScores"))
    _require_every_pillar(scores, FORM_JSON)
    overall = member.get("overall")
    groups = _json_groups(data.get("groupScore"))
    return Pasted(
        form=FORM_JSON,
        scores=scores,
        total=None if overall is None else values.number_in_range(overall, "total", MAX_TOTAL),
        industry=groups["INDUSTRY"][0],
        network=groups["NETWORK"][0],
        industry_rank=groups["INDUSTRY"][1],
        network_rank=groups["NETWORK"][1],
    )


def _json_scores(sub_scores: Any) -> dict[str, float]:
    """The pillar scores in `memberScore.subScores`: a list of {pillar, score}."""
    scores: dict[str, float] = {}
    for sub in sub_scores if isinstance(sub_scores, list) else []:
        pillar = JSON_PILLARS.get(str(sub.get("pillar"))) if isinstance(sub, dict) else None
        if pillar is not None and pillar not in scores:
            scores[pillar] = values.number_in_range(sub.get("score"), pillar, MAX_PILLAR_SCORE)
    return scores


def _json_groups(group_scores: Any) -> dict[str, tuple[float | None, int | None]]:
    """The average and rank of each group (`groupScore`) LinkedIn compares the user with."""
    groups: dict[str, tuple[float | None, int | None]] = {
        "INDUSTRY": (None, None),
        "NETWORK": (None, None),
    }
    for group in group_scores if isinstance(group_scores, list) else []:
        kind = group.get("groupType") if isinstance(group, dict) else None
        if isinstance(kind, str) and kind in groups:
            score = group.get("score")
            average = score.get("overall") if isinstance(score, dict) else None
            groups[kind] = (
                None
                if average is None
                else values.number_in_range(average, kind.lower(), MAX_TOTAL),
                _rank(group.get("rank"), kind.lower()),
            )
    return groups


def _find_member_score(node: Any, depth: int = 0) -> dict[str, Any] | None:
    """The object holding `memberScore`, wherever the JSON wraps it (e.g. under `data`)."""
    if depth > 20:
        return None
    if isinstance(node, dict):
        if "memberScore" in node:
            return node
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = _find_member_score(child, depth + 1)
        if found is not None:
            return found
    return None


def _rank(value: Any, group: str) -> int | None:
    """A "top N%" rank: a whole percentage from 1 to 100 (LinkedIn may send 37.0)."""
    if value is None:
        return None
    number = values.number_in_range(value, f"{group} rank", 100.0)
    if number < 1 or number != int(number):
        raise InputError(f"{group} rank", "err.not_rank", value=value)
    return int(number)


# -- the text of the SSI page ---------------------------------------------------------------


_NUMBER = r"(?<![\d.,])(?<!out of )(?<!sur )(?<!/ )(?<!/)(\d{1,3}(?:[.,]\d+)?)"
_OUT_OF_25 = r"(?:\s*(?:out of|sur|/)\s*25(?![\d.,]))?"
_FILLER = r"[\s:|\-\u2013\u2014\u2022\u00b7]*"  # dashes, bullets, middle dots
_BEFORE: Final = re.compile(_NUMBER + _OUT_OF_25 + _FILLER + r"$")
_AFTER: Final = re.compile(_FILLER + _NUMBER + r"(?![\d%]|[.,]\d)" + _OUT_OF_25)
_OUT_OF_100: Final = re.compile(_NUMBER + r"\s*(?:out of|sur|/)\s*100(?![\d.,])")
_PILLAR_LABELS: Final = {p: [fold(LABELS[p][lang]) for lang in ("en", "fr")] for p in PILLARS}
_GROUPS: Final = {
    "industry": r"people in your industry|(?:les )?personnes (?:de|dans) votre secteur",
    "network": r"people in your network|(?:les )?personnes (?:de|dans) votre reseau",
}
_RANKS: Final = {
    "industry": r"industry ssi rank|classement ssi (?:du|de votre|dans votre) secteur",
    "network": r"network ssi rank|classement ssi (?:du|de votre|dans votre) reseau",
}
_TOP: Final = re.compile(r"\s*[:|\-\u2013]?\s*top\s*(\d{1,3})\s*%")


def _from_page(text: str) -> Pasted:
    page = fold(text)
    found = _numbers_by_labels(page)
    if not any(found.values()):
        raise InputError("paste", "err.paste_unknown")
    texts = _chosen_side(found)
    scores = {p: values.parse_score(texts[p], p) for p in texts}
    _require_every_pillar(scores, FORM_PAGE)
    averages = {group: _group_average(page, phrase) for group, phrase in _GROUPS.items()}
    claimed = {average[1] for average in averages.values() if average is not None}
    total = next((m.group(1) for m in _OUT_OF_100.finditer(page) if m.span() not in claimed), None)
    return Pasted(
        form=FORM_PAGE,
        scores={p: scores[p] for p in PILLARS},
        total=None if total is None else values.parse_benchmark(total, "total"),
        industry=_average_value(averages["industry"], "industry"),
        network=_average_value(averages["network"], "network"),
        industry_rank=_page_rank(page, _RANKS["industry"], "industry"),
        network_rank=_page_rank(page, _RANKS["network"], "network"),
    )


Side = tuple[str | None, str | None]  # the number just before a label, and just after it


def _numbers_by_labels(page: str) -> dict[str, list[Side]]:
    """For each pillar, each place its label appears, with the number just before it and the
    number just after it (only white space, punctuation or "out of 25" in between)."""
    found: dict[str, list[Side]] = {p: [] for p in PILLARS}
    for pillar, labels in _PILLAR_LABELS.items():
        for label in labels:
            for match in re.finditer(re.escape(label), page):
                before = _BEFORE.search(page[max(0, match.start() - 40) : match.start()])
                after = _AFTER.match(page, match.end())
                found[pillar].append(
                    (before.group(1) if before else None, after.group(1) if after else None)
                )
    return found


def _chosen_side(found: dict[str, list[Side]]) -> dict[str, str]:
    """A page puts every number on the same side of its label: the side that gives the most
    pillars a possible score (before, on a tie, as LinkedIn's page does)."""
    sides = []
    for side in (0, 1):
        texts = {}
        for pillar, places in found.items():
            chosen = next((place[side] for place in places if place[side] is not None), None)
            if chosen is not None:
                texts[pillar] = chosen
        sides.append(texts)
    return max(sides, key=lambda texts: sum(_could_be_score(text) for text in texts.values()))


def _could_be_score(text: str) -> bool:
    return float(text.replace(",", ".")) <= MAX_PILLAR_SCORE


def _group_average(page: str, phrase: str) -> tuple[str, tuple[int, int]] | None:
    """The "N out of 100" that goes with a group's phrase: the first one after it, else the
    last one just before it; with its place, so that it is never taken for the total."""
    for match in re.finditer(phrase, page):
        after = _OUT_OF_100.search(page, match.end(), match.end() + 80)
        if after:
            return after.group(1), after.span()
        before = list(_OUT_OF_100.finditer(page, max(0, match.start() - 40), match.start()))
        if before:
            return before[-1].group(1), before[-1].span()
    return None


def _average_value(found: tuple[str, tuple[int, int]] | None, group: str) -> float | None:
    return None if found is None else values.parse_benchmark(found[0], group)


def _page_rank(page: str, label: str, group: str) -> int | None:
    for match in re.finditer(label, page):
        top = _TOP.match(page, match.end())
        if top:
            return values.parse_rank(top.group(1), f"{group} rank")
    return None


# -- both forms -----------------------------------------------------------------------------


def _require_every_pillar(scores: dict[str, float], form: str) -> None:
    missing = [p for p in PILLARS if p not in scores]
    if missing:
        found = [p for p in PILLARS if p in scores]
        raise InputError(
            "paste",
            f"err.paste_missing_{form}",
            found=", ".join(found) or "-",
            missing=", ".join(missing),
        )


def _check_total(pasted: Pasted) -> None:
    if pasted.total is None:
        return
    pillars_sum = sum(pasted.scores.values())
    if abs(pasted.total - pillars_sum) > SHOWN_TOTAL_TOLERANCE:
        raise InputError(
            "paste",
            "err.paste_total",
            total=f"{pasted.total:g}",
            sum=f"{pillars_sum:.2f}",
        )
