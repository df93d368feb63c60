"""The four SSI pillars: their keys, LinkedIn's order and LinkedIn's labels.

This is the one place that knows them, and the scale they are scored on; everything else
iterates over `PILLARS`.
"""

from typing import Final, Literal

Lang = Literal["en", "fr"]
LANGS: Final[tuple[Lang, ...]] = ("en", "fr")

PILLARS: Final[tuple[str, ...]] = ("brand", "people", "insights", "relationships")

MAX_PILLAR_SCORE: Final = 25.0
MAX_TOTAL: Final = MAX_PILLAR_SCORE * len(PILLARS)

# LinkedIn's own labels, as its SSI page shows them.
LABELS: Final[dict[str, dict[Lang, str]]] = {
    "brand": {
        "en": "Establish your professional brand",
        "fr": "Établir votre marque professionnelle",
    },
    "people": {
        "en": "Find the right people",
        "fr": "Trouver les bonnes personnes",
    },
    "insights": {
        "en": "Engage with insights",
        "fr": "Échanger des informations",
    },
    "relationships": {
        "en": "Build relationships",
        "fr": "Établir des relations",
    },
}

# Short names, for columns where LinkedIn's full labels do not fit.
SHORT_LABELS: Final[dict[str, dict[Lang, str]]] = {
    "brand": {"en": "brand", "fr": "marque"},
    "people": {"en": "people", "fr": "personnes"},
    "insights": {"en": "insights", "fr": "informations"},
    "relationships": {"en": "relationships", "fr": "relations"},
}

# Column headings of the narrowest tables (the team view), six characters at most.
ABBREVIATIONS: Final[dict[str, dict[Lang, str]]] = {
    "brand": {"en": "brand", "fr": "marque"},
    "people": {"en": "people", "fr": "pers."},
    "insights": {"en": "insig.", "fr": "infos"},
    "relationships": {"en": "relat.", "fr": "relat."},
}


def label(pillar: str, lang: Lang) -> str:
    return LABELS[pillar][lang]


def short_label(pillar: str, lang: Lang) -> str:
    return SHORT_LABELS[pillar][lang]


def abbreviation(pillar: str, lang: Lang) -> str:
    return ABBREVIATIONS[pillar][lang]


def fold(text: str) -> str:
    """`text` as labels are compared: lower case, no accents, every run of white space (line
    breaks included) one space. "Établir  des\nRelations" -> "etablir des relations"."""
    import unicodedata  # only the team and paste commands compare labels

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
