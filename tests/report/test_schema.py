"""The generated JSON Schema accepts every valid report and rejects each kind of invalid one."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.report.strategies import consistent_reports
from xxgk.report import dumps, editions
from xxgk.report.schema import json_schema

VALIDATORS = {k: Draft202012Validator(json_schema(e)) for k, e in editions.all_editions().items()}


def test_the_schemas_are_valid_json_schema():
    for ed in editions.all_editions().values():
        Draft202012Validator.check_schema(json_schema(ed))


@given(consistent_reports(), st.booleans())
def test_every_valid_report_is_accepted(report, with_null):
    if with_null:
        report[report.edition.cells[0]] = None
    data = json.loads(dumps(report))
    assert VALIDATORS[report.edition.key].is_valid(data)


def invalid_variants(data: dict):
    """Each kind of invalid report, made from a valid one."""
    tables = data["tables"]
    first_row = next(iter(tables["applications"]))
    yield "missing row", lambda d: d["tables"]["applications"].pop(first_row)
    yield "short row", lambda d: d["tables"]["applications"][first_row].pop()
    yield "long row", lambda d: d["tables"]["applications"][first_row].append(0)
    yield "string count", lambda d: d["tables"]["applications"][first_row].__setitem__(0, "1")
    yield "float count", lambda d: d["tables"]["appeals"]["review"].__setitem__("total", 1.5)
    yield "extra row", lambda d: d["tables"]["applications"].__setitem__("bogus", [0] * 7)
    yield "extra appeal", lambda d: d["tables"]["appeals"]["review"].__setitem__("x", 0)
    yield "missing proactive", lambda d: d["tables"].pop("proactive")
    yield "extra table", lambda d: d["tables"].__setitem__("table5", {})
    yield "wrong edition", lambda d: d.__setitem__("edition", "1999")
    yield "year string", lambda d: d.__setitem__("year", "2020")
    yield "no agency", lambda d: d.pop("agency")
    yield (
        "bad money",
        lambda d: next(f for f in d["tables"]["proactive"].values() if "amount" in f).__setitem__(
            "amount", "19万元"
        ),
    )
    yield "bad section", lambda d: d.setdefault("sections", {}).__setitem__("foreword", "x")
    yield "bad finding", lambda d: d.setdefault("findings", []).append({"rule": "x"})


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_each_kind_of_invalid_report_is_rejected(edition):
    from xxgk.report import Report

    base = json.loads(dumps(Report.empty(edition, "某某市生态环境局", 2022)))
    assert VALIDATORS[edition].is_valid(base)
    for name, spoil in invalid_variants(base):
        data = json.loads(json.dumps(base))
        spoil(data)
        assert not VALIDATORS[edition].is_valid(data), name


def test_a_2019_report_is_not_a_valid_2021_report():
    from xxgk.report import Report

    data = json.loads(dumps(Report.empty("2019", "x", 2020)))
    data["edition"] = "2021"
    assert not VALIDATORS["2021"].is_valid(data)
