"""Plain text reports: scraped pages, pdftotext output, hand-typed text.

Three layouts, told from the text itself:

- one cell per line with ``|`` lines between cells (a scraped table): the lines between two
  ``|`` lines are one cell, even when a label was broken over several lines (``自\\n然\\n人``);
- tab-separated rows: each tab-separated line is a table row, cell by cell, an empty cell
  where two tabs meet; Markdown pipe tables inside text are read as Markdown;
- anything else (space-aligned columns, pdftotext ``-layout``, a flattened one-line page): each
  line is a printed row; numbers inside it are found by the recovery, including runs of glued
  digits.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from xxgk.report.read import markdown
from xxgk.report.read.document import Document, Token

FORM = "txt"
_MIN_BARS = 8  # this many lone "|" lines make a one-cell-per-line table
_MIN_PIPE_ROWS = 5  # this many "| a | b | c |" lines make Markdown tables
_PIPE_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){3,}\s*$")


def document(text: str, source: str) -> Document:
    """A text report as tokens: cells where the layout shows them, otherwise lines."""
    # lines as a viewer numbers them (\n only); pdftotext ends each page with a form feed
    lines = [line.rstrip("\r") for line in text.split("\n")]
    doc = Document(source=source, form=FORM)
    if sum(1 for line in lines if line.strip() == "|") >= _MIN_BARS:
        doc.tokens = _bar_cells(lines)
    elif sum(1 for line in lines if _PIPE_ROW.match(line)) >= _MIN_PIPE_ROWS:
        # text with Markdown pipe tables (an OCR or LLM transcription)
        doc.tokens = markdown.document(text, source).tokens
    else:
        doc.tokens = _lines(lines)
    if "\f" in text:
        doc.tokens = _paged(doc.tokens, lines)
    return doc


def _paged(tokens: list[Token], lines: list[str]) -> list[Token]:
    """Tokens with the page they were printed on, counting form feeds."""
    page_of: list[int] = []
    page = 1
    for line in lines:
        page_of.append(page)
        page += line.count("\f")
    return [
        replace(t, page=page_of[t.line - 1], text=t.text.replace("\f", " "))
        if t.line is not None and 0 < t.line <= len(page_of)
        else t
        for t in tokens
    ]


def _bar_cells(lines: list[str]) -> list[Token]:
    """Cells separated by lone ``|`` lines; text before the first / after the last is prose."""
    bars = [i for i, line in enumerate(lines) if line.strip() == "|"]
    tokens: list[Token] = []
    for i in range(bars[0]):
        if lines[i].strip():
            tokens.append(Token(lines[i], line=i + 1, row=i + 1))
    for col, (a, b) in enumerate(itertools.pairwise(bars)):
        cell = [line.strip() for line in lines[a + 1 : b]]
        text = "\n".join(x for x in cell if x)
        tokens.append(Token(text, line=a + 2, col=col))
    for i in range(bars[-1] + 1, len(lines)):
        if lines[i].strip():
            tokens.append(Token(lines[i], line=i + 1, row=i + 1))
    return tokens


def _lines(lines: list[str]) -> list[Token]:
    tokens: list[Token] = []
    table = 0
    in_table = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        # a tab after a cell starts a table row (``标签\t\t\t``: a row left all blank); inside a
        # table, leading tabs are empty cells that keep the others in their columns
        # (``\t\t1\t\t1\t2``); tabs only before the text indent it
        if "\t" in line.lstrip() or (in_table and "\t" in line):
            if not in_table:
                table += 1
                in_table = True
            for col, cell in enumerate(line.split("\t")):
                tokens.append(Token(cell.strip(), line=i + 1, table=table, row=i + 1, col=col))
            continue
        in_table = False
        tokens.append(Token(line, line=i + 1, row=i + 1))
    return tokens
