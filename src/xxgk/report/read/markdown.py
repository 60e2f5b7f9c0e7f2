"""Markdown reports, including PDF-to-Markdown converter output.

Pipe-table rows become cells (table, row, column); the ``|---|`` rule rows are dropped; every
other line is a printed line of text. Converters split one printed table into several pipe
tables and move labels out of them: the recovery aligns rows by order and labels, so this
reader keeps everything in printed order and invents nothing.
"""

from __future__ import annotations

import re

from xxgk.report.read.document import Document, Token

FORM = "md"
_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BORDER = re.compile(r"(?<!\\)\|")
# CommonMark's backslash escape: a backslash before ASCII punctuation prints the punctuation
# (xxgk's own Markdown escapes ``< * _ \ |`` in text)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def document(text: str, source: str) -> Document:
    """A Markdown report as tokens."""
    doc = Document(source=source, form=FORM)
    tokens = doc.tokens
    table = 0
    in_table = False
    for i, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if not line:
            in_table = False
            continue
        if line.startswith("|"):
            if "--" in line and _RULE.match(line):  # (a rule row has at least two dashes)
                continue
            if not in_table:
                table += 1
                in_table = True
            n = i + 1
            tokens += [
                Token(_unescape(cell), n, None, table, n, col)
                for col, cell in enumerate(_cells(line))
            ]
            continue
        in_table = False
        tokens.append(Token(_unescape(_HEADING.sub("", raw)), line=i + 1, row=i + 1))
    return doc


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    if "\\|" not in inner:  # no escaped pipe: every pipe is a cell border
        return [c.strip() for c in inner.split("|")]
    return [c.strip() for c in _BORDER.split(inner)]  # (`_unescape` turns \| into |)
