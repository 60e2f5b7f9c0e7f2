"""A reader for `audit_many` that crashes its worker on some files, as a crash inside a native
library (PDFium) would. A module of its own: workers import it, and it must be light."""

import os
from pathlib import Path

from xxgk.cli.commands.audit import Outcome, audit_file


def crashing_read(source: str, *, with_json: bool = False) -> Outcome:
    """Reads as audit does, except that a file with "crash" in its name kills its process."""
    if "crash" in Path(source).name:
        os._exit(70)
    return audit_file(source, with_json=with_json)
