"""What every form reader produces before the tables are recovered: a `Document`.

A form reader (text, Markdown, HTML, DOCX, PDF) turns a file into a sequence of `Token`s in
reading order — table cells in row-major order after merged cells are expanded, and paragraph
text — each with where it was printed. `xxgk.report.read.recover` finds the edition's rows and
columns in that sequence and builds the `Report`; it knows nothing of file forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnreadableFile(ValueError):
    """The file cannot be read as a report (empty, binary, truncated, protected, no tables)."""


# Readers make hundreds of tokens, chunks and cells per report, and a batch audit reads
# thousands of reports: these small records are slotted dataclasses, several times quicker to
# make than frozen ones. Nothing changes them once made.
@dataclass(slots=True)
class Token:
    """One piece of printed text: a table cell or a line/paragraph of prose.

    `table`/`row`/`col` locate a cell inside a recognised table grid (None for prose or for
    flattened text where the grid is unknown); `line` and `page` locate it in the file.
    """

    text: str
    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None


@dataclass
class Document:
    source: str  # the path, as the user gave it
    form: str  # html, txt, md, docx, pdf
    tokens: list[Token] = field(default_factory=list)
