"""Row labels: exact, without numbering, tolerant — and never one row for another."""

from __future__ import annotations

import pytest

from xxgk.report import editions
from xxgk.report.normalise import key
from xxgk.report.read import labels as lab

EDITIONS = sorted(editions.all_editions())


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_misprinted_label_never_names_another_row(edition: str) -> None:
    ed = editions.get(edition)
    index = lab.application_index(ed)
    placed = 0
    for row in ed.application_rows:
        for text in row.label.all:
            k = key(text)
            if len(k) < 6:
                continue  # too short to misprint and still be recognisable
            for i in range(len(k)):
                for misprint in (k[:i] + k[i + 1 :], k[:i] + "某" + k[i + 1 :]):
                    m = index.match("申请人情况" + misprint)
                    assert m is None or m.target == row.key, (misprint, m)
                    placed += m is not None
    assert placed > 0


def test_labels_wrapped_below_their_numbers_still_match() -> None:
    index = lab.application_index(editions.get("2021"))
    m = index.match(key("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信"))
    assert m is not None
    assert m.target == "other_no_correction"
    assert not m.exact


def test_numbering_may_be_missing() -> None:
    index = lab.application_index(editions.get("2019"))
    m = index.match(key("本年新收政府信息公开申请数量"))
    assert m is not None
    assert m.target == "new_received"


def test_the_2019_single_other_row_is_recognised_in_a_2021_report() -> None:
    index = lab.application_index(editions.get("2021"))
    m = index.match(key("（六）其他处理"))
    assert m is not None
    assert m.target == lab.SINGLE_OTHER
