"""JSON from outside (a pasted SSI payload, a history backup): parsed, or one precise error.

Beyond malformed text, a hostile document can nest a thousand levels deep (Python's parser
then overflows its stack) or hold an integer of thousands of digits (which Python refuses to
convert): both are refused as the input errors they are.
"""

from __future__ import annotations

import json
from typing import Any

from ssi_coach.errors import InputError


def parse_json(text: str, field: str) -> Any:
    """The document in `text`; InputError (`err.json`) saying what is wrong and where."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(field, "err.json", reason=error.msg, line=error.lineno) from None
    except RecursionError:
        raise InputError(field, "err.json", reason="nested too deeply", line=1) from None
    except ValueError as error:  # an integer too long to convert
        raise InputError(field, "err.json", reason=str(error).split(":")[0], line=1) from None
