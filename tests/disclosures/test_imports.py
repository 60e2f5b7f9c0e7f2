"""Figures entered and imported; an old site's catalogue imported: all or nothing, idempotent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.disclosures.figures import FigureError, figure_cells, figure_enter
from xxgk.disclosures.imports import ImportFileError, disclosures_import, figures_import
from xxgk.disclosures.models import Disclosure, Figure
from xxgk.disclosures.selectors import proactive_table
from xxgk.report import editions

pytestmark = pytest.mark.django_db


def test_figure_cells_are_the_editions_less_the_register_rows() -> None:
    cells_2021 = [c.cell for c in figure_cells(2021)]
    assert cells_2021 == [
        "proactive.licensing.decisions",
        "proactive.penalties.decisions",
        "proactive.enforcement.decisions",
        "proactive.fees.amount",
    ]
    labels_2019 = {c.cell: c.label for c in figure_cells(2020)}
    assert labels_2019["proactive.procurement.amount"] == editions.get("2019").cell_label(
        "proactive.procurement.amount"
    )
    assert "proactive.other_services.change" in labels_2019


def test_a_figure_equal_to_the_one_in_force_adds_no_history(tree, people) -> None:
    enter = {"user": people.officer, "agency": tree.bureau, "year": 2025}
    assert figure_enter(**enter, cell="proactive.penalties.decisions", value="23") is not None
    assert figure_enter(**enter, cell="proactive.penalties.decisions", value="23.0") is None
    assert figure_enter(**enter, cell="proactive.penalties.decisions", value="24") is not None
    assert Figure.objects.count() == 2  # the history stays
    assert proactive_table(agency=tree.bureau, year=2025)["proactive.penalties.decisions"] == 24
    assert AuditLog.objects.filter(event_type=AuditEventType.FIGURE_ENTERED).count() == 2


@pytest.mark.parametrize(
    ("year", "cell", "value", "message"),
    [
        (2025, "proactive.penalties.decisions", "-1", "负数"),
        (2025, "proactive.penalties.decisions", "1.5", "整数"),
        (2025, "proactive.penalties.decisions", "many", "不是数字"),
        (2025, "proactive.normative_documents.issued", "1", "由主动公开目录统计"),
        (2025, "proactive.procurement.items", "1", "没有统计项"),  # 2019 edition only
        (2020, "proactive.fees.change", "-3", None),  # 本年增/减 may be negative
        (2025, "proactive.fees.amount", "12.34567", "四位小数"),
    ],
)
def test_figure_values_are_checked(tree, people, year, cell, value, message) -> None:
    enter = {
        "user": people.officer,
        "agency": tree.bureau,
        "year": year,
        "cell": cell,
        "value": value,
    }
    if message is None:
        assert figure_enter(**enter) is not None
    else:
        with pytest.raises(FigureError, match=message):
            figure_enter(**enter)


def _csv(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_figures_import_is_all_or_nothing_with_every_bad_line(tmp_path, tree, people) -> None:
    path = _csv(
        tmp_path,
        "figures.csv",
        "机关,年度,统计项,数值\n"
        "甲市自然资源局,2025,行政处罚·本年处理决定数量,23\n"
        "甲市自然资源局,2025,行政许可·本年处理决定数量,-4\n"
        "不存在的局,2025,proactive.fees.amount,1\n"
        "甲市自然资源局,二〇二五,proactive.fees.amount,1\n",
    )
    result = figures_import(path=path)
    assert [e.line for e in result.errors] == [3, 4, 5]
    assert "负数" in result.errors[0].message
    assert "不存在的局" in result.errors[1].message
    assert Figure.objects.count() == 0


def test_figures_import_twice_changes_nothing(tmp_path, tree) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["年度", "统计项", "数值"])
    sheet.append([2025, "proactive.penalties.decisions", 23])
    sheet.append([2025, "行政事业性收费·本年收费金额（单位：万元）", 35.6])
    path = tmp_path / "figures.xlsx"
    book.save(path)
    first = figures_import(path=path, agency=tree.bureau)
    assert (first.ok, first.written, first.unchanged) == (True, 2, 0)
    second = figures_import(path=path, agency=tree.bureau)
    assert (second.written, second.unchanged) == (0, 2)
    assert Figure.objects.count() == 2
    assert proactive_table(agency=tree.bureau, year=2025)["proactive.fees.amount"] == Decimal(
        "35.6"
    )


CATALOGUE = (
    "索引号,标题,文号,发布机构,成文日期,发布日期,类别,主题分类,第二十条事项,内容概述,正文,有效性,修改或废止日期\n"
    "014000319/2020-00001,江城市土地出让管理办法,甲规〔2020〕1号,甲市自然资源局,2020-03-02,2020/3/5,"
    "行政规范性文件,国土资源、能源,一,出让程序,<p>第一条</p><script>x</script>,已废止,2023年6月1日\n"
    "014000319/2020-00002,机构职能,,甲市自然资源局,2020-01-06,2020-01-07,其他,综合政务；其他,2,"
    "职能,,,\n"
    "014000319/2020-00003,待发布的通知,,甲市自然资源局,2020-01-06,,其他,,,概述,,,\n"
)


def test_the_catalogue_imports_once(tmp_path, tree, people) -> None:
    path = _csv(tmp_path, "catalogue.csv", CATALOGUE)
    result = disclosures_import(path=path)
    assert (result.ok, result.written, result.unchanged) == (True, 3, 0)
    repealed = Disclosure.objects.get(index_number="014000319/2020-00001")
    assert (repealed.kind, repealed.validity, repealed.validity_changed_on) == (
        "normative",
        "repealed",
        date(2023, 6, 1),
    )
    assert repealed.status == "published"
    assert repealed.items == [1]
    assert repealed.body == "<p>第一条</p>"
    functions = Disclosure.objects.get(index_number="014000319/2020-00002")
    assert sorted(t.name for t in functions.themes.all()) == ["其他", "综合政务"]
    assert Disclosure.objects.get(index_number="014000319/2020-00003").status == "draft"
    again = disclosures_import(path=path)
    assert (again.written, again.unchanged) == (0, 3)
    assert Disclosure.objects.count() == 3


def test_a_bad_catalogue_imports_nothing(tmp_path, tree, people) -> None:
    text = CATALOGUE + (
        "014000319/2020-00004,,,甲市自然资源局,2020-01-06,,其他,,,,,,\n"
        "014000319/2020-00005,标题,,甲市自然资源局,2020-02-30,,其他,,,,,,\n"
        "014000319/2020-00006,标题,,甲市自然资源局,2020-01-06,,其他,没有的主题,,,,,\n"
        "014000319/2020-00001,重复,,甲市自然资源局,2020-01-06,,其他,,,,,,\n"
    )
    result = disclosures_import(path=_csv(tmp_path, "bad.csv", text))
    assert [e.line for e in result.errors] == [5, 6, 7, 8]
    assert "标题" in result.errors[0].message
    assert "成文日期" in result.errors[1].message
    assert "没有的主题" in result.errors[2].message
    assert "第 2 行重复" in result.errors[3].message
    assert Disclosure.objects.count() == 0


def test_an_unreadable_file_is_an_error(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(ImportFileError, match="CSV 或 XLSX"):
        disclosures_import(path=path)
    bad = tmp_path / "a.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(ImportFileError, match="XLSX"):
        figures_import(path=bad)


def test_new_records_skip_numbers_the_import_took(tmp_path, tree, people, draft) -> None:
    tree.bureau.organisation_code = "014000319"
    tree.bureau.save()
    disclosures_import(path=_csv(tmp_path, "catalogue.csv", CATALOGUE.replace("/2020-", "/2025-")))
    assert draft(date(2025, 10, 9)).index_number == "014000319/2025-00004"
