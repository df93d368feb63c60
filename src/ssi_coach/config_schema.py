"""The shape of the config file, as a Pydantic model; imported only when the file changed."""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ssi_coach.inputs import MAX_BUDGET, MIN_BUDGET

Benchmark = Annotated[float, Field(ge=0, le=100)]


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    target: Benchmark | None = None
    industry: Benchmark | None = None
    network: Benchmark | None = None
    minutes: Annotated[int, Field(ge=MIN_BUDGET, le=MAX_BUDGET, strict=True)] | None = None
    lang: Literal["en", "fr"] | None = None
    rules: Path | None = None
