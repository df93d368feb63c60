"""The shape of a rulebook file, as Pydantic models.

Only imported when a rulebook has to be validated (a new or edited file): an unchanged
rulebook is read from the cache without Pydantic, which keeps start-up fast. An action can
take a whole day's budget at most.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from ssi_coach.core.budget import MAX_BUDGET
from ssi_coach.core.pillars import MAX_PILLAR_SCORE, PILLARS
from ssi_coach.core.rulebook import CADENCES, TOOLS

NonEmpty = Annotated[str, Field(min_length=1)]
MAX_ACTIONS = 1000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Strict):
    en: NonEmpty
    fr: NonEmpty


class BandSpec(Strict):
    id: NonEmpty
    from_: Annotated[float, Field(alias="from", ge=0, le=100)]
    name: Text

    @field_validator("from_", mode="before")
    @classmethod
    def _int_is_a_number(cls, value: Any) -> Any:
        # Strict mode refuses 50 for a float; a rulebook author writes 50, not 50.0.
        return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class PillarSpec(Strict):
    diagnosis: Text  # what a low score means: the reason for the focus
    maintenance: Text | None = None  # the reason once the focus is already strong


# One table per pillar, named by its key: `[pillars.brand]` and so on.
PillarsSpec = create_model(  # type: ignore[call-overload]
    "PillarsSpec", __base__=Strict, **{pillar: (PillarSpec, ...) for pillar in PILLARS}
)


class SourceSpec(Strict):
    title: NonEmpty
    url: NonEmpty

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")) or len(value) < 12 or " " in value:
            raise ValueError(f"'{value}' is not an http(s) address")
        return value


class ActionSpec(Strict):
    id: NonEmpty
    pillar: str
    scores: list[float]
    minutes: int | list[int]
    text: Text
    why: Text
    cadence: str | None = None  # rotate when left out
    renew_days: Annotated[int, Field(ge=1, le=365)] | None = None
    per_week: Annotated[int, Field(ge=1, le=6)] | None = None
    after: list[NonEmpty] | None = None
    needs: list[Literal[TOOLS]] | None = None  # type: ignore[valid-type]
    source: SourceSpec | None = None
    publishes: bool | None = None  # a post, article, newsletter or video of the user's own

    @field_validator("cadence")
    @classmethod
    def _known_cadence(cls, value: str | None) -> str | None:
        if value is not None and value not in CADENCES:
            raise ValueError(f"'{value}' is not a cadence ({', '.join(CADENCES)})")
        return value

    @model_validator(mode="after")
    def _keys_of_the_cadence(self) -> "ActionSpec":
        cadence = self.cadence or "rotate"
        if self.renew_days is not None and cadence != "once":
            raise ValueError(f'renew_days goes with cadence = "once", not "{cadence}"')
        if self.per_week is not None and cadence != "weekly":
            raise ValueError(f'per_week goes with cadence = "weekly", not "{cadence}"')
        return self

    @field_validator("pillar")
    @classmethod
    def _known_pillar(cls, value: str) -> str:
        if value not in PILLARS:
            raise ValueError(f"'{value}' is not a pillar ({', '.join(PILLARS)})")
        return value

    @field_validator("scores", mode="before")
    @classmethod
    def _score_range(cls, value: Any) -> Any:
        numbers = value if isinstance(value, list) else None
        if (
            numbers is None
            or len(numbers) != 2
            or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers)
        ):
            raise ValueError("must be a [from, to] pair of numbers, such as [0, 12.5]")
        low, high = float(numbers[0]), float(numbers[1])
        if not 0 <= low < high <= MAX_PILLAR_SCORE:
            raise ValueError(
                f"[{low:g}, {high:g}] must satisfy 0 <= from < to <= {MAX_PILLAR_SCORE:g}"
            )
        return [low, high]

    @field_validator("minutes", mode="before")
    @classmethod
    def _minute_range(cls, value: Any) -> Any:
        pair = value if isinstance(value, list) else [value, value]
        if len(pair) != 2 or not all(isinstance(n, int) and not isinstance(n, bool) for n in pair):
            raise ValueError(
                "must be a whole number of minutes or a [min, max] pair, such as [3, 6]"
            )
        low, high = pair
        if not 1 <= low <= high <= MAX_BUDGET:
            raise ValueError(f"{value} must satisfy 1 <= min <= max <= {MAX_BUDGET}")
        return value


class RulebookSpec(Strict):
    focus_share: Annotated[float, Field(gt=0.25, lt=1)]
    publishes_per_week: Annotated[int, Field(ge=0, le=14)] = 3
    maintenance_from: Annotated[float, Field(ge=0, le=MAX_PILLAR_SCORE)] = 22.0
    bands: Annotated[list[BandSpec], Field(min_length=1)]
    pillars: PillarsSpec
    # A curriculum is a hundred actions or so; far more is a mistake, and the checks of every
    # budget and score range grow with it.
    actions: Annotated[list[ActionSpec], Field(min_length=4, max_length=MAX_ACTIONS)]
