"""`xxgk check` and `xxgk schema` and `xxgk rollup` as a user meets them."""

import json
from pathlib import Path

import pytest

from tests.report.examples import unbalanced_departments
from xxgk.report import Report, dumps, load

DEMO = Path(__file__).parents[2] / "src/xxgk/demo/changzhou-fao-2020.json"


def write(path: Path, report: Report) -> Path:
    path.write_text(dumps(report), encoding="utf-8")
    return path


@pytest.fixture
def inconsistent(tmp_path) -> Path:
    report = Report.empty("2021", "某某市生态环境局", 2024)
    report["applications.new_received.natural_person"] = 5
    report["applications.new_received.total"] = 5
    report["applications.granted.natural_person"] = 4
    report["applications.granted.total"] = 4
    report["applications.total.natural_person"] = 4
    report["applications.total.total"] = 4
    report["appeals.review.upheld"] = 1
    report["proactive.licensing.decisions"] = -3
    return write(tmp_path / "bad.json", report)


def test_a_consistent_report_exits_0(xxgk):
    result = xxgk("check", DEMO)
    assert result.exit_code == 0
    assert "常州市人民政府外事办公室 2020 年（2019 版）：勾稽关系全部成立" in result.stdout


def test_every_broken_rule_is_printed_with_its_numbers_and_exits_1(xxgk, inconsistent):
    result = xxgk("check", inconsistent)
    assert result.exit_code == 1
    out = result.stdout
    assert "某某市生态环境局 2024 年（2021 版）：4 个错误，0 个提示" in out
    assert "自然人列：本年新收(5)+上年结转(0) ≠ 办理结果总计(4)+结转下年度(0)" in out
    assert "总计列：本年新收(5)+上年结转(0) ≠ 办理结果总计(4)+结转下年度(0)" in out
    assert "行政复议：总计(0) ≠ 结果维持(1)+结果纠正(0)+其他结果(0)+尚未审结(0)" in out
    assert "行政许可·本年处理决定数量：不应为负数(-3)" in out


def test_json_output_is_the_report_with_its_findings_and_loads_back(xxgk, inconsistent, tmp_path):
    result = xxgk("check", "--json", inconsistent)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["source"] == str(inconsistent)
    assert {f["rule"] for f in data["findings"]} == {
        "applications.balance.natural_person",
        "applications.balance.total",
        "appeals.total.review",
        "values.negative.proactive.licensing.decisions",
    }
    again = tmp_path / "again.json"
    again.write_text(result.stdout, encoding="utf-8")
    assert xxgk("check", again).exit_code == 1


def test_previous_year_warnings_do_not_fail_the_check(xxgk, tmp_path):
    last = Report.empty("2021", "某某市生态环境局", 2023)
    last["applications.carried_forward.natural_person"] = 2
    last["applications.carried_forward.total"] = 2
    last["applications.new_received.natural_person"] = 2
    last["applications.new_received.total"] = 2
    this = Report.empty("2021", "某某市生态环境局", 2024)
    result = xxgk(
        "check", "--previous", write(tmp_path / "l.json", last), write(tmp_path / "t.json", this)
    )
    assert result.exit_code == 0
    assert "0 个错误，2 个提示" in result.stdout
    assert "自然人列：本年报告上年结转(0) ≠ 上年报告结转下年度(2)" in result.stdout


@pytest.mark.parametrize(("agency", "year"), [("乙局", 2021), ("甲局", 2022), ("甲局", 2020)])
def test_a_previous_report_not_the_same_agency_s_last_year_is_not_compared(
    xxgk, tmp_path, agency, year
):
    last = Report.empty("2021", agency, year)
    last["applications.carried_forward.natural_person"] = 2  # would break years.carried_over
    last["applications.carried_forward.total"] = 2
    last["applications.new_received.natural_person"] = 2
    last["applications.new_received.total"] = 2
    this = write(tmp_path / "t.json", Report.empty("2021", "甲局", 2022))
    result = xxgk("check", "-p", write(tmp_path / "l.json", last), this)
    assert f"--previous 的报告是 {agency} {year} 年，本报告是 甲局 2022 年" in result.stderr
    assert "不做跨年度检查" in result.stderr
    assert result.exit_code == 0
    assert "years." not in result.stdout
    assert "勾稽关系全部成立" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "文件不存在"),
        ("{", "不是有效的 JSON：第 1 行第 2 列"),
        ('{"edition": "2021"}', "缺少 “agency”、“year”、“tables”"),
    ],
)
def test_a_file_that_cannot_be_read_exits_2_with_a_message(xxgk, tmp_path, content, message):
    path = tmp_path / "r.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = xxgk("check", path)
    assert result.exit_code == 2
    assert "错误" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_bad_previous_file_exits_2(xxgk, tmp_path):
    result = xxgk("check", "--previous", tmp_path / "none.json", DEMO)
    assert result.exit_code == 2
    assert "none.json：文件不存在" in result.stderr


def test_schema_prints_the_edition_schema(xxgk):
    result = xxgk("schema", "--edition", "2021")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["edition"] == {"const": "2021"}
    assert (
        "other_no_fee" in schema["properties"]["tables"]["properties"]["applications"]["required"]
    )
    assert json.loads(xxgk("schema").stdout)["properties"]["edition"] == {"const": "2021"}


def test_schema_of_an_unknown_edition(xxgk):
    result = xxgk("schema", "--edition", "2030")
    assert result.exit_code == 2
    assert "没有 2030 版报告格式（已知：2019、2021）" in result.stderr


def test_rollup_sums_and_writes(xxgk, tmp_path):
    a = write(tmp_path / "a.json", load(DEMO))
    other = load(DEMO)
    other.agency = "常州市另一局"
    b = write(tmp_path / "b.json", other)
    out = tmp_path / "city.json"
    result = xxgk("rollup", "--agency", "常州市", "-o", out, a, b)
    assert result.exit_code == 0
    total = load(out)
    assert total.agency == "常州市"
    assert str(total["proactive.procurement.amount"]) == "380000"


def test_rollup_refuses_mixed_years(xxgk, tmp_path):
    a = write(tmp_path / "a.json", Report.empty("2021", "甲局", 2022))
    b = write(tmp_path / "b.json", Report.empty("2021", "乙局", 2023))
    result = xxgk("rollup", "--agency", "x", a, b)
    assert result.exit_code == 2
    assert "不能汇总不同年度的报告：甲局（2022 年）与 乙局（2023 年）" in result.stderr


def test_help_speaks_both_languages(xxgk):
    result = xxgk("--help")
    assert result.exit_code == 0
    assert "检查报告的勾稽关系" in result.stdout
    assert "check a report JSON" in result.stdout


def test_rollup_reports_the_sources_errors(xxgk, tmp_path):
    # the departments' errors cancel out in the sum: only checking each source shows them
    a, b = unbalanced_departments()
    result = xxgk(
        "rollup",
        "-a",
        "甲市",
        "-o",
        tmp_path / "c.json",
        write(tmp_path / "a.json", a),
        write(tmp_path / "b.json", b),
    )
    assert result.exit_code == 1
    assert (
        "自然人列：本年新收(5)+上年结转(0) ≠ 办理结果总计(0)+结转下年度(0)（来自 甲局）"
        in result.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "{tmp}/no/such/dir/c.json"), "无法写入 {tmp}/no/such/dir/c.json：目录不存在"),
        (("-o", "{tmp}/a.json"), "输出文件 {tmp}/a.json 就是输入文件"),
    ],
)
def test_rollup_output_that_cannot_be_written(xxgk, tmp_path, args, message):
    a = write(tmp_path / "a.json", Report.empty("2021", "甲局", 2022))
    before = a.read_text(encoding="utf-8")
    result = xxgk("rollup", "-a", "甲市", *(x.format(tmp=tmp_path) for x in args), a)
    assert result.exit_code == 2
    assert message.format(tmp=tmp_path) in result.stderr
    assert a.read_text(encoding="utf-8") == before


def test_rollup_of_a_missing_file(xxgk, tmp_path):
    result = xxgk("rollup", "-a", "甲市", tmp_path / "none.json")
    assert result.exit_code == 2
    assert "none.json：文件不存在" in result.stderr


def test_checking_a_roll_up_keeps_its_sources_findings(xxgk, tmp_path):
    a, b = unbalanced_departments()
    city = tmp_path / "city.json"
    made = xxgk(
        "rollup",
        "-a",
        "甲市",
        "-o",
        city,
        write(tmp_path / "a.json", a),
        write(tmp_path / "b.json", b),
    )
    checked = xxgk("check", city)
    assert made.exit_code == checked.exit_code == 1
    assert "0 个错误" not in checked.stdout
    assert "（来自 甲局）" in checked.stdout
    assert "（来自 乙局）" in checked.stdout
