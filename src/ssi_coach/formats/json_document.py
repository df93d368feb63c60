"""JSON from outside (a pasted SSI payload, a history backup): parsed, or one precise error.

Beyond malformed text, a hostile document can nest a thousand levels deep (Python's parser
then overflows its stack) or hold an integer of thousands of digits (which Python refuses to
convert): both are refused as the input errors they are.
"""

from __future__ import annotations

import json
from typing import Any

from ssi_coach.errors import InputError

# What Python's parser says (in English), as the catalog's keys, so that it can be said in
# the user's language; another message is shown as it is.
_REASONS = {
    "Expecting value": "json.value",
    "Expecting property name enclosed in double quotes": "json.name",
    "Expecting ':' delimiter": "json.colon",
    "Expecting ',' delimiter": "json.comma",
    "Unterminated string starting at": "json.string",
    "Invalid control character at": "json.control",
    "Invalid \\escape": "json.escape",
    "Invalid \\uXXXX escape": "json.escape",
    "Extra data": "json.extra",
}


def parse_json(text: str, field: str) -> Any:
    """The document in `text`; InputError (`err.json`) saying what is wrong and where."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        reason = InputError("", _REASONS.get(error.msg, "json.other"), text=error.msg)
        raise InputError(field, "err.json", reason=reason, line=error.lineno) from None
    except RecursionError:
        raise InputError(field, "err.json", reason=InputError("", "json.deep"), line=1) from None
    except ValueError:  # an integer too long to convert
        raise InputError(field, "err.json", reason=InputError("", "json.number"), line=1) from None
