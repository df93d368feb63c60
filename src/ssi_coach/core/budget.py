"""The daily time budget: how many minutes a plan may fill."""

from typing import Final

MIN_BUDGET: Final = 10
MAX_BUDGET: Final = 60
DEFAULT_BUDGET: Final = 20
