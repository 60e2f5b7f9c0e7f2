"""Glued table-2 rows settled by the chain between one agency's years."""

from __future__ import annotations

import pytest

from tests.report.read import handmade as h
from xxgk.report.model import Report
from xxgk.report.read import read_bytes, read_file
from xxgk.report.read.chain import RULE, settle_across_years

ROW = "proactive.normative_documents"


def year_of(edition: str, year: int, row: dict[str, int]) -> Report:
    r = h.sample_report(edition, year)
    for fld, value in row.items():
        r[f"{ROW}.{fld}"] = value
    return r


def flat(r: Report) -> Report:
    """The report as a scraper flattened it: each row's digits glued."""
    return read_bytes(h.as_flat(r).encode(), f"a-{r.year}.txt")


def page(r: Report) -> Report:
    return read_bytes(h.as_html(r).encode(), f"a-{r.year}.html")


def test_a_glued_2021_row_is_settled_by_the_years_either_side() -> None:
    # 行政规范性文件 8855698: 88/55/698, 8/855/698, 885/5/698, 88/556/98 … all fit the row
    y2021 = page(year_of("2021", 2021, {"issued": 40, "repealed": 7, "in_force": 665}))
    glued = year_of("2021", 2022, {"issued": 88, "repealed": 55, "in_force": 698})
    y2022 = flat(glued)
    assert y2022.cells[f"{ROW}.in_force"] is None
    assert len(y2022.alternatives[(f"{ROW}.issued", f"{ROW}.repealed", f"{ROW}.in_force")]) > 2
    y2023 = page(year_of("2021", 2023, {"issued": 10, "repealed": 3, "in_force": 705}))
    assert settle_across_years([y2021, y2022, y2023]) == [y2022]
    assert [y2022.cells[f"{ROW}.{f}"] for f in ("issued", "repealed", "in_force")] == [88, 55, 698]
    prov = y2022.provenance[f"{ROW}.repealed"]
    assert prov.inferred
    assert prov.text == "55"
    assert prov.file == "a-2022.txt"
    assert not any(f.rule.startswith("read.unreadable.") for f in y2022.findings)
    (settled,) = [f for f in y2022.findings if f.rule == RULE]
    assert "2021年、2022年、2023年" in settled.message
    # the run as printed, and the split: for a reviewer to check by eye
    assert "粘连的数字“8855698”" in settled.message
    assert settled.message.endswith("跨年度关系拆分为 88、55、698")
    assert all(w.endswith("（由粘连数字拆分）") for w in settled.where)
    assert y2022.cells == glued.cells


def test_two_splits_that_fit_the_chain_stay_unread() -> None:
    # next year alone fixes 现行有效 = 698, but 88/55, 8/855 and 885/5 all end in 698
    y2022 = flat(year_of("2021", 2022, {"issued": 88, "repealed": 55, "in_force": 698}))
    y2023 = page(year_of("2021", 2023, {"issued": 10, "repealed": 3, "in_force": 705}))
    assert settle_across_years([y2022, y2023]) == []
    assert y2022.cells[f"{ROW}.in_force"] is None
    assert any(f.rule == f"read.unreadable.{ROW}.in_force" for f in y2022.findings)


def test_other_agencies_and_a_report_alone_settle_nothing() -> None:
    y2021 = page(year_of("2021", 2021, {"issued": 40, "repealed": 7, "in_force": 665}))
    y2021.agency = "另一个局"
    y2022 = flat(year_of("2021", 2022, {"issued": 88, "repealed": 55, "in_force": 698}))
    assert settle_across_years([y2021, y2022]) == []
    assert settle_across_years([y2022]) == []
    assert y2022.cells[f"{ROW}.issued"] is None


def test_a_2019_edition_row_by_its_total_published() -> None:
    # 规范性文件 2018290: 20/18/290, 201/8/290, 20/182/90 …; 对外公开总数 272 + 18 = 290
    y2019 = page(year_of("2019", 2019, {"made": 30, "published": 25, "total_published": 272}))
    glued = year_of("2019", 2020, {"made": 20, "published": 18, "total_published": 290})
    y2020 = flat(glued)
    assert y2020.cells[f"{ROW}.published"] is None
    assert settle_across_years([y2020, y2019]) == [y2020]
    assert y2020.cells == glued.cells
    assert y2020.provenance[f"{ROW}.total_published"].inferred


def test_a_real_agencys_two_years() -> None:
    """Pingtan's 财政金融局: 2019 scraped flat, 规范性文件 printed ``1077`` (10/7/7 or 1/0/77);
    its 2020 report's 对外公开总数量 11 = 7 + 4 settles it."""
    from tests.report.read.test_corpus import REAL

    if REAL is None:
        pytest.skip("../shared/corpus/real is not present")
    y2019 = read_file(REAL / "034.txt")
    y2020 = read_file(REAL / "023.txt")
    assert y2019.agency == y2020.agency
    assert y2019.cells[f"{ROW}.total_published"] is None
    assert settle_across_years([y2019, y2020]) == [y2019]
    assert [y2019.cells[f"{ROW}.{f}"] for f in ("made", "published", "total_published")] == [
        10,
        7,
        7,
    ]
