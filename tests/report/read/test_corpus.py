"""The real published reports in ../shared/corpus/real: every answered file reads to exactly its
answer; every file reads to the agency, year and edition SOURCES.tsv gives.

Files are read from the shared folder, never copied into the repository. Failures print every
cell that differs. Known gaps are strict xfails: when one starts passing, the test says so.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from xxgk.report import jsonio
from xxgk.report.read import html, markdown, text
from xxgk.report.read.recover import recover

_CANDIDATES = (Path(__file__).resolve().parents[3] / ".." / "shared", Path("/work/shared"))
SHARED = next((p for p in _CANDIDATES if (p / "corpus" / "real").is_dir()), None)
REAL = SHARED / "corpus" / "real" if SHARED else None
pytestmark = pytest.mark.skipif(REAL is None, reason="../shared/corpus/real is not present")

READERS = {".txt": text, ".md": markdown, ".html": html}

# Table-2 rows printed as one run of digits with no arithmetic to split them by (e.g.
# 行政许可3960181): read as unreadable rather than guessed.
AMBIGUOUS_TABLE_2 = {"007"}
# The agency's name as SOURCES.tsv gives it is not printed in the file.
AGENCY_NOT_PRINTED = {
    "004.md": "the report prints only the short name 市科委",
    "006.txt": "OCR printed 沐阳县 for 沭阳县",
    "019.txt": "an excerpt without the agency's name",
}


def _sources() -> list[dict[str, str]]:
    if REAL is None:
        return []
    with (REAL / "SOURCES.tsv").open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row["file"][-4:] != ".pdf"]


def _read(name: str):  # type: ignore[no-untyped-def]
    assert REAL is not None
    path = REAL / name
    return recover(READERS[path.suffix].document(path.read_text(encoding="utf-8"), str(path)))


def _answered() -> list[str]:
    if REAL is None:
        return []
    return sorted(p.stem for p in (REAL / "answers").glob("*.json"))


def _answer_file(stem: str) -> str:
    assert REAL is not None
    return next(p.name for p in sorted(REAL.iterdir()) if p.stem == stem and p.suffix in READERS)


def _param(stem: str):  # type: ignore[no-untyped-def]
    if stem in AMBIGUOUS_TABLE_2:
        return pytest.param(stem, marks=pytest.mark.xfail(strict=True, reason="ambiguous table 2"))
    return stem


@pytest.mark.parametrize("stem", [_param(s) for s in _answered()])
def test_answered_file_reads_exactly(stem: str) -> None:
    assert REAL is not None
    data = json.loads((REAL / "answers" / f"{stem}.json").read_text(encoding="utf-8"))
    error_rules = {f if isinstance(f, str) else f["rule"] for f in data.get("findings", [])}
    expected = jsonio.from_json({**data, "findings": []})
    got = _read(_answer_file(stem))
    assert got.edition.key == expected.edition.key
    diffs = [
        f"{c}: read {got.cells.get(c)!r}, printed {v!r} ({got.provenance.get(c)})"
        for c, v in expected.cells.items()
        if got.cells.get(c) != v
    ]
    assert not diffs, "cells differ:\n" + "\n".join(diffs)
    assert got.year == expected.year
    found = {f.rule for f in got.findings if f.severity == "error"}
    assert found == error_rules


@pytest.mark.parametrize("row", _sources(), ids=lambda r: r["file"])
def test_year_and_edition(row: dict[str, str]) -> None:
    got = _read(row["file"])
    assert (got.year, got.edition.key) == (int(row["year"]), row["edition"])


@pytest.mark.parametrize("row", _sources(), ids=lambda r: r["file"])
def test_the_report_json_of_every_file_passes_its_schema(row: dict[str, str]) -> None:
    """What `xxgk audit --json` prints for the file is accepted by `xxgk check`."""
    got = _read(row["file"])
    assert jsonio.loads(jsonio.dumps(got)).cells == got.cells  # `loads` raises on an error


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=AGENCY_NOT_PRINTED[r["file"]]))
        if r["file"] in AGENCY_NOT_PRINTED
        else r
        for r in _sources()
    ],
    ids=lambda r: r["file"],
)
def test_agency(row: dict[str, str]) -> None:
    assert _read(row["file"]).agency == row["agency"]


def test_the_changzhou_sample_reads_to_its_printed_values() -> None:
    assert SHARED is not None
    sample = SHARED / "samples" / "changzhou-fao-2020.txt"
    got = recover(text.document(sample.read_text(encoding="utf-8"), str(sample)))
    fixture = Path(__file__).resolve().parents[3] / "src/xxgk/demo/changzhou-fao-2020.json"
    expected = jsonio.load(fixture)
    assert (got.agency, got.year, got.edition.key) == ("常州市人民政府外事办公室", 2020, "2019")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.provenance["proactive.procurement.amount"].text == "190000元"
