"""`xxgk figures import` and `xxgk disclosures import`, in-process on the test database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from xxgk.cli import load_commands
from xxgk.disclosures.models import Disclosure, Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def xxgk():
    app, runner = load_commands(), CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_figures_import_reports_bad_lines_and_exits_2(xxgk, tmp_path, tree) -> None:
    path = tmp_path / "f.csv"
    path.write_text("年度,统计项,数值\n2025,proactive.penalties.decisions,x\n", encoding="utf-8")
    result = xxgk("figures", "import", path, "--agency", "甲市自然资源局")
    assert result.exit_code == 2
    assert "第 2 行" in result.stderr
    assert "未导入任何数据" in result.stderr
    assert Figure.objects.count() == 0


def test_figures_import_then_again(xxgk, tmp_path, tree) -> None:
    path = tmp_path / "f.csv"
    path.write_text("年度,统计项,数值\n2025,proactive.penalties.decisions,7\n", encoding="utf-8")
    first = xxgk("figures", "import", path, "--agency", "甲市自然资源局")
    assert first.exit_code == 0, first.stderr
    assert "新录入统计数 1 条" in first.stdout
    second = xxgk("figures", "import", path, "--agency", "甲市自然资源局")
    assert "新录入统计数 0 条" in second.stdout
    assert "未改动 1 条" in second.stdout
    assert Figure.objects.count() == 1


def test_an_unknown_agency_or_file_is_a_message(xxgk, tmp_path, tree) -> None:
    path = tmp_path / "f.csv"
    path.write_text("年度,统计项,数值\n", encoding="utf-8")
    result = xxgk("figures", "import", path, "--agency", "没有的机关")
    assert result.exit_code == 2
    assert "找不到机关" in result.stderr
    missing = xxgk("disclosures", "import", tmp_path / "none.csv")
    assert missing.exit_code == 2
    assert "找不到文件" in missing.stderr
    folder = xxgk("figures", "import", tmp_path, "--agency", tree.bureau.name)
    assert folder.exit_code == 2
    assert "是一个文件夹，请给出要导入的文件" in folder.stderr


def test_disclosures_import(xxgk, tmp_path, tree, people) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "索引号,标题,发布机构,成文日期,发布日期,类别\n"
        "A/2020-1,机构职能,甲市自然资源局,2020-01-06,2020-01-07,其他\n",
        encoding="utf-8",
    )
    result = xxgk("disclosures", "import", path)
    assert result.exit_code == 0, result.stderr
    assert "新增信息 1 条" in result.stdout
    assert Disclosure.objects.get(index_number="A/2020-1").created_by == people.officer
