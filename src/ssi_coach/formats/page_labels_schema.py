"""The shape of a page labels file, as Pydantic models; imported only when the file changed."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel

Phrases = Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PillarLabels(Strict):
    brand: Phrases
    people: Phrases
    insights: Phrases
    relationships: Phrases


class GroupPhrases(Strict):
    industry: Phrases | None = None
    network: Phrases | None = None
    team: Phrases | None = None


class LanguageLabels(Strict):
    pillars: PillarLabels
    own: Phrases | None = None
    groups: GroupPhrases | None = None
    peer_prefixes: Phrases | None = None
    ranks: GroupPhrases | None = None
    top: Phrases | None = None
    rank_in_group: Phrases | None = None
    out_of: Phrases | None = None
    average: Phrases | None = None
    group_words: GroupPhrases | None = None


class LabelsFile(RootModel[Annotated[dict[str, LanguageLabels], Field(min_length=1)]]):
    """One table per language of the page: `[en]`, `[fr]`, `[pt]`..."""
