"""Roll-up: the cell-wise sum, consistent when its parts are, refusing mixed reports."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.report.examples import unbalanced_departments
from tests.report.strategies import consistent_reports
from xxgk.report import Report, RollupError, check, editions, rollup
from xxgk.report.model import Finding, Severity


@given(st.data())
def test_a_roll_up_is_the_cell_wise_sum_and_consistent(data):
    ed = data.draw(st.sampled_from(list(editions.all_editions().values())))
    year = data.draw(st.integers(min_value=ed.first_year, max_value=ed.first_year + 1))
    parts = data.draw(st.lists(consistent_reports(ed), min_size=1, max_size=5))
    for i, p in enumerate(parts):
        p.year = year
        p.agency = f"{p.agency}{i}"  # each a different agency's report
    total = rollup(parts, agency="某某市人民政府")
    for cell in ed.cells:
        assert total[cell] == sum((p[cell] for p in parts), start=type(parts[0][cell])(0))
    assert total.findings == []
    assert (total.agency, total.year, total.edition.key) == ("某某市人民政府", year, ed.key)


def test_an_unreadable_cell_stays_unreadable_in_the_sum():
    a = Report.empty("2021", "甲局", 2022)
    b = Report.empty("2021", "乙局", 2022)
    b["appeals.review.upheld"] = None
    total = rollup([a, b], agency="某某市")
    assert total["appeals.review.upheld"] is None
    assert [(f.rule, f.source) for f in total.findings] == [
        ("read.unreadable.appeals.review.upheld", None),
        ("read.unreadable.appeals.review.upheld", "乙局"),
    ]


def test_sources_are_checked_even_when_their_files_carry_no_findings():
    total = rollup(list(unbalanced_departments()), agency="某某市")
    assert {(f.rule, f.source) for f in total.findings} == {
        ("applications.balance.natural_person", "甲局"),
        ("applications.balance.total", "甲局"),
        ("applications.balance.natural_person", "乙局"),
        ("applications.balance.total", "乙局"),
        ("values.negative.applications.new_received.natural_person", "乙局"),
        ("values.negative.applications.new_received.total", "乙局"),
    }


def test_findings_keep_their_source():
    a = Report.empty("2021", "甲局", 2022)
    a["applications.granted.natural_person"] = 1
    a.findings = check(a)
    b = Report.empty("2021", "乙局", 2022)
    b.findings = [Finding("read.single_other_row", Severity.WARNING, "只印了一行")]
    total = rollup([a, b], agency="某某市")
    sources = {(f.rule, f.source) for f in total.findings}
    assert ("read.single_other_row", "乙局") in sources
    assert ("applications.outcomes.natural_person", "甲局") in sources
    # the sum breaks the same rule, and that finding is the roll-up's own
    assert ("applications.outcomes.natural_person", None) in sources


def test_money_sums_as_decimal():
    a = Report.empty("2019", "甲局", 2020)
    b = Report.empty("2019", "乙局", 2020)
    a["proactive.procurement.amount"] = Decimal("190000")
    b["proactive.procurement.amount"] = Decimal("0.5")
    assert rollup([a, b], agency="x")["proactive.procurement.amount"] == Decimal("190000.5")


@pytest.mark.parametrize(
    ("b", "message"),
    [
        (
            Report.empty("2019", "乙局", 2020),
            "不能汇总不同版本的报告：甲局（2021 版）与 乙局（2019 版）",
        ),
        (
            Report.empty("2021", "乙局", 2023),
            "不能汇总不同年度的报告：甲局（2022 年）与 乙局（2023 年）",
        ),
    ],
)
def test_mixed_reports_are_refused(b, message):
    with pytest.raises(RollupError) as e:
        rollup([Report.empty("2021", "甲局", 2022), b], agency="x")
    assert str(e.value) == message


def test_nothing_to_roll_up():
    with pytest.raises(RollupError, match="没有可汇总的报告"):
        rollup([], agency="x")


def test_one_agency_s_report_twice_is_refused():
    a = Report.empty("2021", "甲局", 2022)
    with pytest.raises(RollupError) as e:
        rollup([a, Report.empty("2021", "乙局", 2022), a], agency="某某市")
    assert str(e.value) == "同一机关的报告不能汇总两次：甲局"
    unnamed = Report.empty("2021", "", 2022)  # no name to tell them apart: summed
    assert rollup([unnamed, unnamed], agency="某某市").agency == "某某市"
