"""Report JSON: exact round trip, and every refusal names the key or cell and what was expected."""

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.report.strategies import any_value, consistent_reports
from xxgk.report import Report, ReportError, dumps, editions, load, loads, to_json
from xxgk.report.model import Finding, Provenance, Severity

DEMO = Path(__file__).parents[2] / "src/xxgk/demo/changzhou-fao-2020.json"


@st.composite
def any_reports(draw):
    """Reports whose cells may break rules or be unreadable: still valid JSON reports."""
    report = draw(consistent_reports())
    for cell in draw(st.lists(st.sampled_from(report.edition.cells), max_size=5)):
        report[cell] = draw(any_value(report.edition.kinds[cell]))
    report.sections = draw(
        st.dictionaries(
            st.sampled_from([s.key for s in report.edition.sections]),
            # printable text, line breaks and tabs: other control characters are refused
            st.text(st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t")),
        )
    )
    return report


@given(any_reports())
def test_round_trip_gives_back_the_same_report(report):
    again = loads(dumps(report))
    assert again.same_tables(report)
    assert again.sections == report.sections
    assert dumps(again) == dumps(report)


@given(any_reports())
def test_a_json_line_is_the_same_report_on_one_line(report):
    line = dumps(report, source="a.txt", indent=None)
    assert "\n" not in line
    assert json.loads(line) == to_json(report, source="a.txt")


def test_a_json_line_takes_an_integer_beyond_64_bits():
    report = Report.empty("2019", "x", 2020)
    report["applications.total.total"] = 2**70  # a run of glued digits someone printed
    line = dumps(report, indent=None)
    assert json.loads(line)["tables"]["applications"]["total"][-1] == 2**70


def test_money_is_a_decimal_string_in_yuan():
    report = Report.empty("2019", "x", 2020)
    report["proactive.procurement.amount"] = Decimal("190000")
    data = to_json(report)
    assert data["tables"]["proactive"]["procurement"]["amount"] == "190000"
    report["proactive.procurement.amount"] = Decimal("6944.93")
    assert loads(dumps(report))["proactive.procurement.amount"] == Decimal("6944.93")


def test_findings_provenance_and_source_survive_the_round_trip():
    report = Report.empty("2021", "x", 2022)
    report.findings = [Finding("read.single_other_row", Severity.WARNING, "m", (), ("a",), "src")]
    report.provenance = {
        "applications.total.total": Provenance("txt", "a.txt", line=3, text="", blank=True)
    }
    again = loads(dumps(report, source="a.txt"))
    assert again.findings == report.findings
    assert again.provenance == report.provenance


def test_the_demo_fixture_loads_with_the_printed_values():
    report = load(DEMO)
    assert (report.agency, report.year, report.edition.key) == (
        "常州市人民政府外事办公室",
        2020,
        "2019",
    )
    assert report["proactive.procurement.amount"] == Decimal("190000")
    assert report["proactive.normative_documents.made"] == 1


def demo_data() -> dict:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def refused(data) -> str:
    with pytest.raises(ReportError) as e:
        loads(json.dumps(data, ensure_ascii=False))
    return str(e.value)


def test_unknown_top_level_keys_are_ignored():
    data = demo_data() | {"generator": "some other system", "source": "x.html"}
    assert loads(json.dumps(data)).agency == "常州市人民政府外事办公室"


def test_a_missing_row_is_refused_by_name():
    data = demo_data()
    del data["tables"]["applications"]["granted"]
    assert refused(data) == "applications：缺少 “granted”"


def test_six_values_instead_of_seven():
    data = demo_data()
    data["tables"]["applications"]["partial"] = [0, 0, 0, 0, 0, 0]
    assert refused(data) == (
        "applications.partial：应为 7 个整数（自然人、商业企业、科研机构、社会公益组织、"
        "法律服务机构、其他、总计），实际为 6 个"
    )


def test_a_string_in_a_count_names_the_cell():
    data = demo_data()
    data["tables"]["applications"]["granted"][2] = "3"
    assert refused(data) == 'applications.granted.research：应为整数或null，实际为 "3"'


def test_a_2019_row_in_a_2021_report():
    data = demo_data()
    data["edition"] = "2021"
    data["tables"]["applications"] = {
        r.key: [0] * 7 for r in editions.get("2021").application_rows
    } | {"other": [0] * 7}
    message = refused(data)
    assert "applications：2021 版没有 “other”" in message


def test_a_2019_proactive_table_in_a_2021_report_is_refused():
    data = demo_data()
    data["edition"] = "2021"
    message = refused(data)
    assert "proactive：2021 版没有 “other_services”、“procurement”" in message
    assert "proactive.normative_documents：缺少 “issued”、“repealed”、“in_force”" in message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("edition"), '缺少 “edition”（报告格式版本，如 "2021"）'),
        (lambda d: d.update(edition=2019), 'edition：应为字符串（如 "2021"），实际为 2019'),
        (lambda d: d.update(edition="2030"), "edition：没有 2030 版报告格式（已知：2019、2021）"),
        (lambda d: d.pop("year"), "报告：缺少 “year”"),
        (lambda d: d.update(year="2020"), 'year：应为整数，实际为 "2020"'),
        (lambda d: d.pop("tables"), "报告：缺少 “tables”"),
        (lambda d: d.update(schema=2), "schema：应为 1，实际为 2"),
        (
            lambda d: d["tables"]["proactive"]["procurement"].update(amount="19万"),
            "proactive.procurement.amount："
            '金额应为以元计的十进制数字串（如 "190000"），实际为 "19万"',
        ),
        (
            lambda d: d["tables"]["appeals"]["review"].update(total=True),
            "appeals.review.total：应为整数或null，实际为 true",
        ),
        (lambda d: d["sections"].update(preface="x"), "sections：2019 版没有 “preface”"),
        (
            lambda d: d["findings"].append({"rule": "x", "severity": "fatal", "message": "m"}),
            'findings.0.severity：应为 "error"、"warning" 之一，实际为 "fatal"',
        ),
    ],
)
def test_each_kind_of_misfit_is_named(change, message):
    data = demo_data()
    change(data)
    assert refused(data) == message


def test_many_problems_are_listed_and_counted():
    data = demo_data()
    for row in list(data["tables"]["applications"])[:10]:
        data["tables"]["applications"][row] = [0]
    message = refused(data)
    assert message.count("实际为 1 个") == 8
    assert message.endswith("另有 2 处问题")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "文件是空的"),
        (" \n", "文件是空的"),
        ('{"edition": ', "不是有效的 JSON：第 1 行第 13 列，此处应为一个值"),
        ('{"edition" "2019"}', "不是有效的 JSON：第 1 行第 12 列，此处缺少冒号"),
        ('{"edition": "2019"} x', "不是有效的 JSON：第 1 行第 21 列，JSON 结束后还有多余内容"),
        ("[1, 2]", "顶层应为 JSON 对象，实际为含 2 项的数组"),
        ("null", "顶层应为 JSON 对象，实际为 null"),
    ],
)
def test_text_that_is_not_a_report(text, message):
    with pytest.raises(ReportError) as e:
        loads(text)
    assert str(e.value) == message


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(ReportError, match=r"^.*nope\.json：文件不存在$"):
        load(tmp_path / "nope.json")
    with pytest.raises(ReportError, match="这是一个文件夹"):
        load(tmp_path)
    bad = tmp_path / "gbk.json"
    bad.write_bytes('{"agency": "机关"}'.encode("gbk"))
    with pytest.raises(ReportError, match="不是 UTF-8 编码的文本文件"):
        load(bad)


def test_a_loaded_report_is_not_shared_with_its_source_dict():
    data = demo_data()
    report = loads(json.dumps(data))
    before = copy.deepcopy(report.cells)
    data["tables"]["applications"]["granted"][0] = 99
    assert report.cells == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"edition": "2019", "year": NaN}', "不是有效的 JSON：JSON 不允许 NaN"),
        ('{"edition": "2019", "year": Infinity}', "不是有效的 JSON：JSON 不允许 Infinity"),
        ("[" * 200_000 + "]" * 200_000, "不是报告 JSON：嵌套层数过多"),
    ],
)
def test_json_that_python_would_choke_on(text, message):
    with pytest.raises(ReportError) as e:
        loads(text)
    assert str(e.value) == message


def test_an_integer_too_long_to_convert():
    with pytest.raises(ReportError, match=r"^不是有效的 JSON：Exceeds the limit"):
        loads('{"year": ' + "9" * 5000 + "}")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(year=2020.0), "year：应为整数，实际为 2020.0"),
        (
            lambda d: d["tables"]["applications"]["granted"].__setitem__(0, 1.0),
            "applications.granted.natural_person：应为整数或null，实际为 1.0",
        ),
        (lambda d: d.update(agency="常州\u0001外办"), "agency：含有不可打印的控制字符"),
        (
            lambda d: d["tables"]["proactive"]["procurement"].update(amount=190000),
            "proactive.procurement.amount：应为字符串或null，实际为 190000",
        ),
    ],
)
def test_numbers_that_only_look_right(change, message):
    data = demo_data()
    change(data)
    assert refused(data) == message


@pytest.mark.parametrize(
    "amount", ["-190000", "0.0000001", "12345678901234567890123456789012", "75394432.52"]
)
def test_money_is_kept_exactly(amount):
    data = demo_data()
    data["tables"]["proactive"]["procurement"]["amount"] = amount
    report = loads(json.dumps(data))
    assert report["proactive.procurement.amount"] == Decimal(amount)
    assert to_json(report)["tables"]["proactive"]["procurement"]["amount"] == amount
