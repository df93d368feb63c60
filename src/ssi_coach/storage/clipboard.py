"""The system clipboard, read with the tools each system ships: `pbpaste` on macOS,
`wl-paste`, `xclip` or `xsel` on Linux, PowerShell's `Get-Clipboard` on Windows. The morning
routine is: copy LinkedIn's SSI page, run `ssi-coach paste`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Final

from ssi_coach.errors import InputError

# Tried in this order; the first one installed that answers wins.
_TOOLS: Final = {
    "darwin": [["pbpaste"]],
    "win32": [["powershell", "-NoProfile", "-Command", "Get-Clipboard -Raw"]],
    "linux": [
        ["wl-paste", "--no-newline"],
        ["xclip", "-selection", "clipboard", "-o"],
        ["xsel", "--clipboard", "--output"],
    ],
}
TIMEOUT_SECONDS: Final = 5


def read_clipboard(limit: int) -> bytes:
    """The clipboard's text, `limit` bytes at most; InputError saying how to paste instead
    when no clipboard tool is there (or none answers)."""
    for command in _TOOLS.get(sys.platform, _TOOLS["linux"]):
        if shutil.which(command[0]) is None:
            continue
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            if len(done.stdout) > limit:
                raise InputError("clipboard", "err.too_large", limit=f"{limit // 1048576} MiB")
            return done.stdout
    raise InputError("clipboard", "err.no_clipboard")
