"""`xxgk report compute`, in-process on the test database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from xxgk.cli import load_commands
from xxgk.disclosures.figures import figure_cells
from xxgk.disclosures.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def xxgk():
    app, runner = load_commands(), CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def figures_entered(tree, people, register):
    from datetime import date

    from xxgk.disclosures.figures import figures_enter

    values = {cell.cell: "0" for cell in figure_cells(2025)}
    figures_enter(user=people.officer, agency=tree.bureau, year=2025, values=values)
    register(date(2025, 3, 3))


def test_compute_prints_the_json_that_check_accepts(xxgk, tree, tmp_path, figures_entered) -> None:
    result = xxgk("report", "compute", "--agency", "甲市自然资源局", "--year", 2025, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["edition"] == "2021"
    assert data["agency"] == "甲市自然资源局"
    assert data["tables"]["applications"]["new_received"][0] == 1
    path = tmp_path / "r.json"
    path.write_text(result.stdout, encoding="utf-8")
    checked = xxgk("check", path)
    assert checked.exit_code == 0, checked.stdout
    assert "勾稽关系全部成立" in checked.stdout


def test_figures_not_entered_are_an_error(xxgk, tree) -> None:
    result = xxgk("report", "compute", "--agency", "甲市自然资源局", "--year", 2025)
    assert result.exit_code == 1
    assert "以下统计数尚未录入" in result.stdout


def test_by_credit_code_and_rendered(xxgk, tree, tmp_path, figures_entered) -> None:
    from xxgk.agencies.services import agency_update

    agency_update(actor=None, agency=tree.bureau, organisation_code="11350100MB0000000X")
    assert Figure.objects.exists()
    out = tmp_path / "r.docx"
    result = xxgk(
        "report",
        "compute",
        "--agency",
        "11350100MB0000000X",
        "--year",
        2025,
        "--to",
        "docx",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--agency", "没有的机关", "--year", "2025"), "找不到机关"),
        (("--agency", "甲市自然资源局", "--year", "2018"), "报告年度应在 2019"),
        (("--agency", "甲市自然资源局", "--year", "2025", "--to", "pdf"), "-o"),
    ],
)
def test_mistakes_are_a_message(xxgk, tree, args, message) -> None:
    result = xxgk("report", "compute", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_import_a_published_report_of_an_agency_not_on_the_platform(
    xxgk, tree, media, tmp_path
) -> None:
    from pathlib import Path

    from xxgk.report import load
    from xxgk.report.render import render
    from xxgk.reports.models import AnnualReport
    from xxgk.reports.selectors import tree_status

    # The project's own typed-in report (src/xxgk/demo), published as the agency's text would be.
    demo = load(Path(__file__).resolve().parents[2] / "src/xxgk/demo/changzhou-fao-2020.json")
    sample = tmp_path / "changzhou-fao-2020.txt"
    sample.write_bytes(render(demo, "txt"))
    result = xxgk("report", "import", sample, "--agency", "甲市人民政府", "--year", 2020)
    assert result.exit_code == 0, result.stderr
    assert "已导入 changzhou-fao-2020.txt" in result.stdout
    # the file prints another agency: imported as asked, the user told so
    assert "印的机关是“常州市人民政府外事办公室”，将作为“甲市人民政府”的报告导入" in result.stderr
    annual = AnnualReport.objects.get()
    assert annual.imported_from == "changzhou-fao-2020.txt"
    assert annual.created_by is None
    assert annual.report_json["tables"]["applications"]["new_received"][-1] >= 0
    assert {f.form for f in annual.files.all()} == {"txt"}
    from django.utils import timezone

    (city,) = [
        s
        for s in tree_status(
            agencies=type(tree.city).objects.all(), year=2020, today=timezone.localdate()
        )
        if s.agency == tree.city
    ]
    assert city.published == annual  # it counts as the year's published report
    again = xxgk("report", "import", sample, "--agency", "甲市人民政府", "--year", 2020)
    assert again.exit_code == 2
    assert "与已导入的第 1 版内容相同，未重复导入" in again.stderr
    assert AnnualReport.objects.count() == 1
    wrong = xxgk("report", "import", sample, "--agency", "甲市人民政府", "--year", 2021)
    assert wrong.exit_code == 2
    assert "不是 2021 年度" in wrong.stderr
