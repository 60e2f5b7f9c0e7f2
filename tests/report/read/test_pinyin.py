"""Scraper pinyin inside table labels, not only in prose: ``補(bǔ)正後(hòu)…明確(què)``."""

from __future__ import annotations

import opencc
import pytest

from tests.report.read import handmade as h
from xxgk.report.read import read_bytes

# the readings a scraper left after characters of table 3's labels, as published pages show
PINYIN = {"無": "wú", "補": "bǔ", "後": "hòu", "請": "qǐng", "確": "què", "學": "xué", "關": "guān"}


def annotated(source: str) -> str:
    """Traditional text with pinyin after the characters of `PINYIN`."""
    source = opencc.OpenCC("s2t").convert(source)
    for char, reading in PINYIN.items():
        source = source.replace(char, f"{char}({reading})")
    return source


@pytest.mark.parametrize(
    "render",
    [h.as_tabs, h.as_bars, lambda r: h.as_flat(r, glue=False)],
    ids=["tabs", "bars", "spaced"],
)
@pytest.mark.parametrize(("edition", "year"), [("2019", 2020), ("2021", 2022)])
def test_pinyin_in_row_labels(render, edition: str, year: int) -> None:
    expected = h.sample_report(edition, year)
    # move the 本机关不掌握 applications to 补正后申请内容仍不明确, so the row must be found
    for col in expected.edition.columns:
        held = f"applications.unable_not_held.{col.key}"
        expected[f"applications.unable_unclear_after_correction.{col.key}"] = expected[held]
        expected[held] = 0
    source = annotated(render(expected))
    assert "補(bǔ)正後(hòu)申請(qǐng)內容仍不明確(què)" in source
    got = read_bytes(source.encode(), "report.txt")
    assert got.cells == expected.cells
    assert got.findings == []
    assert got.cells["applications.unable_unclear_after_correction.natural_person"] == 37
