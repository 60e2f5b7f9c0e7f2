"""`xxgk render` as a user meets it: every form, output paths, findings, and every error."""

import json
import zipfile
from pathlib import Path

import pytest

from xxgk.report import Report, dumps, load
from xxgk.report.render import FORMS, pdf

DEMO = Path(__file__).parents[2] / "src/xxgk/demo/changzhou-fao-2020.json"
MAGIC = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF"}


@pytest.fixture
def demo(tmp_path) -> Path:
    path = tmp_path / "changzhou.json"
    path.write_bytes(DEMO.read_bytes())
    return path


@pytest.mark.parametrize("form", [f for f in FORMS if f != "json"])
def test_each_form_is_written_next_to_the_input(xxgk, demo, form):
    if form == "pdf" and not pdf.cjk_families():
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    result = xxgk("render", demo, "--to", form)
    assert result.exit_code == 0, result.stderr
    out = demo.with_suffix(FORMS[form][1])
    data = out.read_bytes()
    assert data.startswith(MAGIC.get(form, b""))
    if form in ("html", "md", "txt"):
        assert "常州市人民政府外事办公室2020年政府信息公开工作年度报告" in data.decode("utf-8")
    if form in ("docx", "xlsx"):
        assert zipfile.ZipFile(out).testzip() is None
    assert str(out) in result.stderr


def test_json_goes_to_o_and_reads_back(xxgk, demo, tmp_path):
    out = tmp_path / "again.json"
    result = xxgk("render", demo, "--to", "json", "-o", out)
    assert result.exit_code == 0
    assert load(out).same_tables(load(demo))


def test_json_next_to_itself_is_refused(xxgk, demo):
    before = demo.read_bytes()
    result = xxgk("render", demo, "--to", "json")
    assert result.exit_code == 2
    assert "就是输入文件" in result.stderr
    assert demo.read_bytes() == before


def test_form_from_the_output_suffix_and_stdout(xxgk, demo, tmp_path):
    result = xxgk("render", demo, "-o", tmp_path / "page.md")
    assert result.exit_code == 0
    assert (tmp_path / "page.md").read_text(encoding="utf-8").startswith("# 常州市")
    result = xxgk("render", demo, "--to", "txt", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("常州市人民政府外事办公室2020年")


def test_fragment_is_embeddable_html(xxgk, demo, tmp_path):
    out = tmp_path / "fragment.html"
    assert xxgk("render", demo, "--to", "html", "--fragment", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<article")
    assert "<html" not in text


def test_with_findings_highlights_the_wrong_cells(xxgk, tmp_path):
    report = Report.empty("2021", "某某市生态环境局", 2022)
    report["applications.granted.natural_person"] = 3
    source = tmp_path / "bad.json"
    source.write_text(dumps(report), encoding="utf-8")
    assert xxgk("render", source, "--to", "html", "--with-findings").exit_code == 0
    page = source.with_suffix(".html").read_text(encoding="utf-8")
    assert 'class="xxgk-num xxgk-finding-error"' in page
    assert "applications.row_total.granted" in page
    assert xxgk("render", source, "--to", "html", "-o", tmp_path / "plain.html").exit_code == 0
    assert 'xxgk-finding-error"' not in (tmp_path / "plain.html").read_text(encoding="utf-8")


def test_bad_json_is_reported_with_the_readers_message(xxgk, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = xxgk("render", bad, "--to", "html")
    assert result.exit_code == 2
    assert "不是有效的 JSON" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    missing = xxgk("render", tmp_path / "nope.json")
    assert missing.exit_code == 2
    assert "文件不存在" in missing.stderr
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    del data["tables"]["appeals"]
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = xxgk("render", bad, "--to", "txt")
    assert result.exit_code == 2
    assert "appeals" in result.stderr


def test_unknown_form_is_refused(xxgk, demo):
    result = xxgk("render", demo, "--to", "odt")
    assert result.exit_code == 2
    assert "不支持的输出格式“odt”" in result.stderr
    assert "html" in result.stderr
    result = xxgk("render", demo, "-o", "report.odt")
    assert result.exit_code == 2
    assert "--to" in result.stderr


def test_fragment_of_another_form_is_refused(xxgk, demo):
    result = xxgk("render", demo, "--to", "docx", "--fragment")
    assert result.exit_code == 2
    assert "--fragment 只适用于 html" in result.stderr


def test_unwritable_output_is_reported(xxgk, demo, tmp_path):
    # a path under a regular file cannot be written, even by root
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = xxgk("render", demo, "--to", "html", "-o", blocker / "r.html")
    assert result.exit_code == 2
    assert f"无法写入 {blocker / 'r.html'}" in result.stderr


def test_output_into_a_missing_folder_is_reported(xxgk, demo, tmp_path):
    result = xxgk("render", demo, "--to", "html", "-o", tmp_path / "no" / "such" / "r.html")
    assert result.exit_code == 2
    assert "无法写入" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_cjk_font_is_a_clear_error(xxgk, demo, monkeypatch):
    monkeypatch.setattr(pdf, "cjk_families", list)
    result = xxgk("render", demo, "--to", "pdf")
    assert result.exit_code == 2
    assert "未找到中文字体" in result.stderr
    assert "fonts-noto-cjk" in result.stderr
    assert not demo.with_suffix(".pdf").exists()
