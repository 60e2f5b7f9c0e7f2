"""`xxgk audit` over several years of one agency: glued table-2 rows settled by the chain."""

import json
from pathlib import Path

import pytest

from tests.report.read import handmade as h
from tests.report.read.test_chain import year_of
from xxgk.cli.commands.audit import Outcome, audit_file, settle_years


@pytest.fixture
def years(tmp_path) -> list[Path]:
    """2021 and 2023 as web pages, 2022 scraped flat with 行政规范性文件 glued (8855698)."""
    files = [
        (
            tmp_path / "a-2021.html",
            h.as_html(year_of("2021", 2021, {"issued": 40, "repealed": 7, "in_force": 665})),
        ),
        (
            tmp_path / "a-2022.txt",
            h.as_flat(year_of("2021", 2022, {"issued": 88, "repealed": 55, "in_force": 698})),
        ),
        (
            tmp_path / "a-2023.html",
            h.as_html(year_of("2021", 2023, {"issued": 10, "repealed": 3, "in_force": 705})),
        ),
    ]
    for path, text in files:
        path.write_text(text, encoding="utf-8")
    return [p for p, _ in files]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_years_settle_a_glued_row(years, xxgk, jobs):
    alone = xxgk("audit", "--json", years[1])
    assert alone.exit_code == 1
    assert (
        json.loads(alone.stdout)["tables"]["proactive"]["normative_documents"]["in_force"] is None
    )
    result = xxgk("audit", "--json", "-j", jobs, *years)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["source"]).name for line in lines] == [
        "a-2021.html",
        "a-2022.txt",
        "a-2023.html",
    ]
    assert lines[1]["tables"]["proactive"]["normative_documents"] == {
        "issued": 88,
        "repealed": 55,
        "in_force": 698,
    }
    assert [f["rule"] for f in lines[1]["findings"]] == ["read.settled_by_years"]
    # its count is the settled report's: no unreadable cell left, in the line and in the CSV
    assert lines[1]["audit"] == {
        "verdict": "consistent",
        "rule_errors": 0,
        "unreadable_cells": 0,
        "warnings": 1,
    }
    rows = xxgk("audit", "--csv", "-j", jobs, *years).stdout.splitlines()
    assert rows[2].startswith(f"{years[1]},")
    assert rows[2].endswith(",consistent,0,0,1")


def test_outcomes_pass_straight_on_until_a_row_is_left_open(years):
    first = audit_file(str(years[0]))
    assert first.chain is not None
    assert not first.chain.alternatives
    passed: list[str] = []

    def outcomes():
        for path in years:
            outcome = audit_file(str(path))
            passed.append(outcome.source)
            yield outcome

    stream = settle_years(outcomes())
    got: Outcome = next(stream)
    assert got.source == str(years[0])
    assert passed == [str(years[0])]  # not read ahead
    rest = list(stream)
    assert [o.errors for o in rest] == [0, 0]
