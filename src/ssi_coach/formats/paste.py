"""Reading the scores from what LinkedIn shows, pasted as it is: the JSON of its SSI data, or
the text of its SSI page, copied with select-all, in any language its labels file knows
(`formats/page_labels.py`: English, French and Brazilian Portuguese ship).

Nothing here guesses: a pillar that cannot be found is an error that says which form was
recognised, which pillars were found and which are missing. A peer's value (the averages of
the industry, network or team, which the page shows with the same pillar labels) is never
taken for the user's.
"""

from __future__ import annotations

import re
from typing import Any, Final, NamedTuple

from ssi_coach.core import values
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, MAX_TOTAL, PILLARS, fold
from ssi_coach.errors import InputError
from ssi_coach.formats.json_document import parse_json
from ssi_coach.formats.page_labels import GROUPS, PageLabels

# LinkedIn's names for the pillars and the groups in its SSI data.
JSON_PILLARS: Final = {
    "PROFESSIONAL_BRAND": "brand",
    "FIND_RIGHT_PEOPLE": "people",
    "INSIGHT_ENGAGEMENT": "insights",
    "STRONG_RELATIONSHIP": "relationships",
}
JSON_GROUPS: Final = {"INDUSTRY": "industry", "NETWORK": "network", "TEAM": "team"}
SHOWN_TOTAL_TOLERANCE: Final = 1.0  # LinkedIn shows the total rounded to a whole number

FORM_JSON: Final = "json"
FORM_PAGE: Final = "page"


class Pasted(NamedTuple):
    form: str  # FORM_JSON or FORM_PAGE
    scores: dict[str, float]
    total: float | None
    averages: dict[str, float]  # group (industry, network, team) -> its average SSI
    ranks: dict[str, int]  # group -> the user's "top N%" in it

    @property
    def industry(self) -> float | None:
        return self.averages.get("industry")

    @property
    def network(self) -> float | None:
        return self.averages.get("network")


def read_pasted(content: bytes, labels: PageLabels | None = None) -> Pasted:
    """The scores in `content`. Raises InputError (field "paste") saying what is wrong.
    `labels` are the page's phrases (the shipped ones by default)."""
    if b"\0" in content:
        raise InputError("paste", "err.paste_binary")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("paste", "err.paste_binary") from None
    if not text.strip():
        raise InputError("paste", "err.paste_empty")
    if text.lstrip()[:1] in ("{", "["):
        pasted = _from_json(text)
    else:
        from ssi_coach.formats.page_labels import load_page_labels

        pasted = _from_page(text, labels or load_page_labels())
    _check_total(pasted)
    return pasted


# -- LinkedIn's SSI data (JSON) -------------------------------------------------------------


def _from_json(text: str) -> Pasted:
    try:
        document = parse_json(text, "paste")
    except InputError as error:  # say what was expected, too
        reason = InputError("", "json.at_line", **error.details)
        raise InputError("paste", "err.paste_json", reason=reason) from None
    data = _find_member_score(document)
    if data is None:
        raise InputError("paste", "err.paste_json", reason=InputError("", "json.no_member"))
    member = data["memberScore"] if isinstance(data["memberScore"], dict) else {}
    scores = _json_scores(member.get("subScores"))
    _require_every_pillar(scores, FORM_JSON, total=member.get("overall") is not None)
    overall = member.get("overall")
    averages, ranks = _json_groups(data.get("groupScore"))
    return Pasted(
        form=FORM_JSON,
        scores=scores,
        total=None if overall is None else values.number_in_range(overall, "total", MAX_TOTAL),
        averages=averages,
        ranks=ranks,
    )


def _json_scores(sub_scores: Any) -> dict[str, float]:
    """The pillar scores in `memberScore.subScores`: a list of {pillar, score}."""
    scores: dict[str, float] = {}
    for sub in sub_scores if isinstance(sub_scores, list) else []:
        pillar = JSON_PILLARS.get(str(sub.get("pillar"))) if isinstance(sub, dict) else None
        if pillar is not None and pillar not in scores:
            scores[pillar] = values.number_in_range(sub.get("score"), pillar, MAX_PILLAR_SCORE)
    return scores


def _json_groups(group_scores: Any) -> tuple[dict[str, float], dict[str, int]]:
    """The average and the user's rank in each group (`groupScore`) LinkedIn compares them
    with; an entry may hold only its rank."""
    averages: dict[str, float] = {}
    ranks: dict[str, int] = {}
    for group in group_scores if isinstance(group_scores, list) else []:
        kind = group.get("groupType") if isinstance(group, dict) else None
        name = JSON_GROUPS.get(kind) if isinstance(kind, str) else None
        if name is None or name in averages or name in ranks:
            continue
        score = group.get("score")
        average = score.get("overall") if isinstance(score, dict) else None
        if average is not None:
            averages[name] = values.number_in_range(average, name, MAX_TOTAL)
        rank = _rank(group.get("rank"), name)
        if rank is not None:
            ranks[name] = rank
    return averages, ranks


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

_NUMBER: Final = r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)(?![\d]|[.,]\d)"
_FILLER: Final = r"[\s:|\-\u2013\u2014\u2022\u00b7]*"  # white space, pipes, dashes, bullets
_BEFORE: Final = re.compile(_NUMBER + _FILLER + r"$")
_AFTER: Final = re.compile(_FILLER + _NUMBER + r"(?!\s*%)")
NEAR: Final = 40  # how far (in characters) a number may stand from its label


class _Patterns(NamedTuple):
    """The labels' regular expressions, made once per labels file."""

    of_25: re.Pattern[str]
    of_100: re.Pattern[str]
    headings: re.Pattern[str]
    heading_kind: dict[str, str]  # a folded heading -> own, industry, network or team
    peer_prefix: re.Pattern[str]
    average: re.Pattern[str]
    ranks: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]  # label then top N%, and after
    rank_in_group: re.Pattern[str]


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(phrase) for phrase in phrases) or r"(?!)"


_MADE: dict[int, tuple[PageLabels, _Patterns]] = {}  # by labels object, kept alive with it


def _patterns(labels: PageLabels) -> _Patterns:
    """The labels' patterns, made once per labels object."""
    made = _MADE.get(id(labels))
    if made is None or made[0] is not labels:
        made = _MADE[id(labels)] = (labels, _make_patterns(labels))
    return made[1]


def _make_patterns(labels: PageLabels) -> _Patterns:
    out_of = _alternatives(labels.out_of) + "|/"
    top = _alternatives(labels.top)
    kinds = {phrase: "own" for phrase in labels.own}
    kinds |= {phrase: group for group in GROUPS for phrase in labels.groups[group]}
    ranks = {}
    for group in GROUPS:
        label = _alternatives(labels.ranks[group])
        after = re.compile(rf"(?:{label})\s*[:|\-\u2013]?\s*(?:{top})\s*(\d{{1,3}})\s*%")
        before = re.compile(rf"(?:{top})\s*(\d{{1,3}})\s*%\s*[:|\-\u2013]?\s*(?:{label})")
        ranks[group] = (after, before)
    return _Patterns(
        of_25=re.compile(rf"(?:{out_of})\s*25(?![\d.,])"),
        of_100=re.compile(rf"{_NUMBER}\s*(?:{out_of})\s*100(?![\d.,])"),
        headings=re.compile(_alternatives(tuple(sorted(kinds, key=len, reverse=True)))),
        heading_kind=kinds,
        peer_prefix=re.compile(rf"(?:{_alternatives(labels.peer_prefixes)})\s*:?\s*$"),
        average=re.compile(rf"(?:{_alternatives(labels.average)})\s*{_NUMBER}"),
        ranks=ranks,
        rank_in_group=re.compile(rf"(?:{_alternatives(labels.rank_in_group)})\s*(\d{{1,3}})\s*%"),
    )


class _Page:
    """The folded text of a page, and where each section (the user's own, or a group of
    peers) begins."""

    def __init__(self, text: str, labels: PageLabels) -> None:
        self.labels = labels
        self.patterns = _patterns(labels)
        self.text = fold(text)
        # "12 out of 25": the scale is blanked (same length, so positions stay true), leaving
        # the pillar's number next to its label.
        self.bare = self.patterns.of_25.sub(lambda m: " " * len(m.group()), self.text)
        self.sections = [
            (m.start(), self.patterns.heading_kind[m.group()])
            for m in self.patterns.headings.finditer(self.text)
        ]

    def section_at(self, position: int) -> str:
        """own, or the group whose section holds `position` (own before any heading)."""
        kind = "own"
        for start, heading in self.sections:
            if start > position:
                break
            kind = heading
        return kind

    def section_end(self, position: int) -> int:
        return next((start for start, _ in self.sections if start > position), len(self.text))


Side = tuple[str | None, str | None]  # the number just before a label, and just after it


def _from_page(text: str, labels: PageLabels) -> Pasted:
    page = _Page(text, labels)
    own, peers = _numbers_by_labels(page)
    if not any(own.values()) and not any(peers.values()):
        raise InputError("paste", "err.paste_unknown")
    texts = _chosen_side(own)
    scores = {p: values.parse_score(texts[p], p) for p in texts}
    averages, claimed = _group_averages(page)
    total = next(
        (
            m.group(1)
            for m in page.patterns.of_100.finditer(page.text)
            if m.span() not in claimed and page.section_at(m.start()) == "own"
        ),
        None,
    )
    if not scores and any(peers.values()):
        raise InputError("paste", "err.paste_only_peers")
    _require_every_pillar(scores, FORM_PAGE, total=total is not None)
    return Pasted(
        form=FORM_PAGE,
        scores={p: scores[p] for p in PILLARS},
        total=None if total is None else values.parse_decimal(total, "total", 0.0, MAX_TOTAL),
        averages=averages,
        ranks=_page_ranks(page),
    )


def _numbers_by_labels(page: _Page) -> tuple[dict[str, list[Side]], dict[str, list[Side]]]:
    """For each pillar, each place its label stands for the user, with the number just before
    and just after it; and the same for the places that show a peer's value. The user's are
    those under the page's own heading or, without one, the first place of each pillar that
    has a number; a label a peer prefix introduces ("Média do setor:") is always a peer's."""
    own_heading = any(kind == "own" for _, kind in page.sections)
    own: dict[str, list[Side]] = {p: [] for p in PILLARS}
    peers: dict[str, list[Side]] = {p: [] for p in PILLARS}
    for pillar in PILLARS:
        for start, side in _places(page, pillar):
            prefixed = page.patterns.peer_prefix.search(page.bare[max(0, start - NEAR) : start])
            if own_heading:
                mine = page.section_at(start) == "own" and not prefixed
            else:  # the first place with a number: a label in a banner is no score
                mine = not prefixed and not own[pillar] and side != (None, None)
            (own if mine else peers)[pillar].append(side)
    return own, peers


def _places(page: _Page, pillar: str) -> list[tuple[int, Side]]:
    """Where the pillar's labels stand on the page, in order, each with its numbers."""
    places = sorted(
        match.span()
        for label in page.labels.pillars[pillar]
        for match in re.finditer(re.escape(label), page.bare)
    )
    found = []
    for start, end in places:
        before = _BEFORE.search(page.bare[max(0, start - NEAR) : start])
        after = _AFTER.match(page.bare, end)
        found.append(
            (start, (before.group(1) if before else None, after.group(1) if after else None))
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


def _group_averages(page: _Page) -> tuple[dict[str, float], set[tuple[int, int]]]:
    """Each group's average SSI: the "N out of 100" or the average sentence in its section
    (else the "N out of 100" just before its heading); with the places taken, so that none is
    taken for the user's total."""
    averages: dict[str, float] = {}
    claimed: set[tuple[int, int]] = set()
    for start, kind in page.sections:
        if kind == "own" or kind in averages:
            continue
        end = page.section_end(start)
        found = page.patterns.of_100.search(page.text, start, end)
        found = found or page.patterns.average.search(page.text, start, end)
        if found is None:
            before = list(page.patterns.of_100.finditer(page.text, max(0, start - NEAR), start))
            found = before[-1] if before else None
        if found is not None:
            averages[kind] = values.parse_benchmark(found.group(1), kind)
            claimed.add(found.span())
    for sentence in page.patterns.average.finditer(page.text):  # outside any group section
        section = page.section_at(sentence.start())
        named = _group_named(page, sentence.start()) if section == "own" else section
        if named is not None and named not in averages:
            averages[named] = values.parse_benchmark(sentence.group(1), named)
    return averages, claimed


def _group_named(page: _Page, position: int) -> str | None:
    """The group an average sentence names ("in your industry have an average...")."""
    words = page.text[max(0, position - 120) : position]
    found = [
        (words.rfind(word), group)
        for group in GROUPS
        for word in page.labels.group_words[group]
        if word in words
    ]
    return max(found)[1] if found else None


def _page_ranks(page: _Page) -> dict[str, int]:
    """Each group's "top N%", by its rank label: a page puts every rank on the same side of
    its label, so the side that finds more ranks wins (after, on a tie). Else by a "you rank
    in the top N%" inside the group's section."""
    sides: list[dict[str, int]] = [{}, {}]
    for group, patterns in page.patterns.ranks.items():
        for side, pattern in enumerate(patterns):  # after the label, then before it
            found = pattern.search(page.text)
            if found is not None:
                sides[side][group] = values.parse_rank(found.group(1), f"{group} rank")
    ranks = max(sides, key=len)
    for found in page.patterns.rank_in_group.finditer(page.text):
        group = page.section_at(found.start())
        if group != "own" and group not in ranks:
            ranks[group] = values.parse_rank(found.group(1), f"{group} rank")
    return ranks


# -- both forms -----------------------------------------------------------------------------


def _require_every_pillar(scores: dict[str, float], form: str, *, total: bool) -> None:
    missing = [p for p in PILLARS if p not in scores]
    if missing:
        raise InputError(
            "paste",
            f"err.paste_missing_{form}",
            found=len(PILLARS) - len(missing),
            missing=missing,
            total=total,
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
