"""`xxgk audit` as a user meets it: files and folders, the terminal view, --json, --csv,
--jobs, refusals, exit statuses."""

import csv
import gc
import io
import json
from pathlib import Path

import pytest

from tests.cli.crashing import crashing_read
from xxgk.cli.commands.audit import CSV_HEADER, audit_many, report_sources, tune_gc
from xxgk.report import Report, jsonio, load
from xxgk.report.render import html

DEMO = Path(__file__).parents[2] / "src/xxgk/demo/changzhou-fao-2020.json"


@pytest.fixture(scope="module")
def consistent() -> Report:
    return load(DEMO)


@pytest.fixture(scope="module")
def inconsistent() -> Report:
    """The demo report with one printed number wrong: 予以公开·自然人 one too many."""
    report = load(DEMO)
    report["applications.granted.natural_person"] = (
        report["applications.granted.natural_person"] + 1
    )
    return report


def page(path: Path, report: Report) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html.render(report), encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path, consistent, inconsistent) -> Path:
    """A folder: a good page, a wrong page, an empty file, a binary file, and things that are
    not reports (a README, a JSON answer, a TSV, a hidden file)."""
    folder = tmp_path / "reports"
    page(folder / "a-good.html", consistent)
    page(folder / "b-wrong.htm", inconsistent)
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-binary.pdf").write_bytes(bytes(range(256)) * 4)
    page(folder / "sub" / "e-good.html", consistent)
    (folder / "README.md").write_text("# 说明\n", encoding="utf-8")
    (folder / "answer.json").write_text("{}", encoding="utf-8")
    (folder / "SOURCES.tsv").write_text("file\tagency\n", encoding="utf-8")
    page(folder / ".hidden.html", consistent)
    return folder


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# -- which files ------------------------------------------------------------------------------


def test_a_folder_gives_its_report_files_recursively_in_name_order(mixed):
    assert [Path(s).relative_to(mixed).as_posix() for s in report_sources([mixed])] == [
        "a-good.html",
        "b-wrong.htm",
        "c-empty.txt",
        "d-binary.pdf",
        "sub/e-good.html",
    ]


def test_a_named_file_is_read_whatever_its_name(tmp_path, consistent, xxgk):
    odd = page(tmp_path / "report.download", consistent)
    result = xxgk("audit", "--json", odd)
    assert result.exit_code == 0
    assert json_lines(result.stdout)[0]["agency"] == consistent.agency


# -- exit statuses and the terminal view ------------------------------------------------------


def test_a_consistent_report_exits_0_with_a_summary_table(tmp_path, consistent, xxgk):
    result = xxgk("audit", page(tmp_path / "r.html", consistent))
    assert result.exit_code == 0
    assert "审核结果" in result.stdout
    assert consistent.agency in result.stdout
    assert "✓ 一致" in result.stdout
    assert (
        "共 1 个文件：1 份一致，0 份有规则错误，0 份有无法读取的单元格，0 份表格为空，"
        "0 个文件无法读取"
    ) in result.stdout


def test_the_summary_names_the_shared_folder_once(tmp_path, consistent, xxgk):
    folder = tmp_path / "reports" / "2020"
    page(folder / "a.html", consistent)
    page(folder / "sub" / "b.html", consistent)
    result = xxgk("audit", tmp_path / "reports")
    assert f"文件位于 (files under) {folder}" in result.stdout
    assert "sub/b.html" in result.stdout
    assert str(folder / "a.html") not in result.stdout.replace("\n", "")


def test_an_error_finding_exits_1_and_is_shown_with_where_it_was_printed(
    tmp_path, inconsistent, xxgk
):
    path = page(tmp_path / "wrong.html", inconsistent)
    result = xxgk("audit", path)
    assert result.exit_code == 1
    assert "applications.outcomes.natural_person" in result.stdout
    assert "✗ 错误" in result.stdout
    # each cell of the finding with where it was printed: the file, the line, the printed text
    assert f"↳ 予以公开·自然人：{path} 第" in result.stdout
    assert (
        "共 1 个文件：0 份一致，1 份有规则错误，0 份有无法读取的单元格，0 份表格为空，"
        "0 个文件无法读取"
    ) in result.stdout


def test_an_unreadable_file_exits_2_and_the_run_goes_on(mixed, xxgk):
    result = xxgk("audit", mixed)
    assert result.exit_code == 2
    assert f"✗ 无法读取 {mixed / 'c-empty.txt'}：文件是空的" in result.stdout
    assert (
        "共 5 个文件：2 份一致，1 份有规则错误，0 份有无法读取的单元格，0 份表格为空，"
        "2 个文件无法读取"
    ) in result.stdout


def test_a_missing_path_is_an_unreadable_file(tmp_path, consistent, xxgk):
    good = page(tmp_path / "r.html", consistent)
    result = xxgk("audit", "--json", tmp_path / "nothing.html", good)
    assert result.exit_code == 2
    lines = json_lines(result.stdout)
    assert lines[0] == {"source": str(tmp_path / "nothing.html"), "error": "文件不存在"}
    assert lines[1]["agency"] == consistent.agency


@pytest.mark.parametrize("mode", [[], ["--json"], ["--csv"]])
def test_a_folder_without_reports_is_an_error(tmp_path, xxgk, mode):
    """Nothing audited is not a success: `xxgk audit wrongdir && …` must not go on."""
    (tmp_path / "notes.doc.bak").write_text("x", encoding="utf-8")
    result = xxgk("audit", *mode, tmp_path)
    assert result.exit_code == 2
    assert "没有找到报告文件（.docx .htm .html .markdown .md .pdf .shtml .text .txt .xhtml）" in (
        result.stderr
    )
    assert result.stdout == ""


def test_json_and_csv_together_are_refused(tmp_path, xxgk):
    result = xxgk("audit", "--json", "--csv", tmp_path)
    assert result.exit_code == 2
    assert "--json 与 --csv 只能选一个" in result.stderr


def test_a_negative_jobs_count_is_refused(tmp_path, xxgk):
    result = xxgk("audit", "--jobs", "-1", tmp_path)
    assert result.exit_code == 2
    assert "--jobs 应为 0 或正整数" in result.stderr


# -- --json -----------------------------------------------------------------------------------


def test_json_lines_are_one_per_file_in_input_order_with_source_first(mixed, xxgk):
    result = xxgk("audit", "--json", mixed)
    assert result.exit_code == 2
    lines = json_lines(result.stdout)
    assert [line["source"] for line in lines] == list(report_sources([mixed]))
    assert all(next(iter(line)) == "source" for line in lines)
    assert lines[2] == {"source": str(mixed / "c-empty.txt"), "error": "文件是空的"}
    assert set(lines[3]) == {"source", "error"}
    assert "二进制" not in lines[3]["error"]  # a .pdf name: told it is not a valid PDF
    assert lines[0]["findings"] == []
    assert "applications.outcomes.natural_person" in {f["rule"] for f in lines[1]["findings"]}


def test_every_json_line_passes_xxgk_check(mixed, tmp_path, xxgk):
    result = xxgk("audit", "--json", mixed)
    checked = 0
    for n, line in enumerate(json_lines(result.stdout)):
        if "error" in line:
            continue
        saved = tmp_path / f"line-{n}.json"
        saved.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
        again = xxgk("check", saved)
        assert again.exit_code == (1 if line["findings"] else 0), again.stdout + again.stderr
        checked += 1
    assert checked == 3


def test_json_provenance_points_at_the_printed_cell(tmp_path, consistent, xxgk):
    path = page(tmp_path / "r.html", consistent)
    line = json_lines(xxgk("audit", "--json", path).stdout)[0]
    where = line["provenance"]["applications.new_received.natural_person"]
    assert where["form"] == "html"
    assert "file" not in where  # named once, as the line's source
    assert line["source"] == str(path)
    assert where["text"] == str(consistent["applications.new_received.natural_person"])
    back = jsonio.from_json(line)
    assert back.provenance["applications.new_received.natural_person"].file == str(path)


def test_jobs_keep_the_input_order(tmp_path, consistent, inconsistent, xxgk):
    folder = tmp_path / "many"
    for i in range(41):  # more than one batch per worker, in an order a pool would shuffle
        name = folder / f"{i:03d}.html"
        if i % 7 == 3:
            name.parent.mkdir(parents=True, exist_ok=True)
            name.write_bytes(b"")
        else:
            page(name, inconsistent if i % 5 == 0 else consistent)
    one = xxgk("audit", "--json", folder)
    two = xxgk("audit", "--json", "--jobs", "2", folder)
    assert two.exit_code == one.exit_code == 2
    assert two.stdout == one.stdout
    assert [line["source"] for line in json_lines(two.stdout)] == [
        str(folder / f"{i:03d}.html") for i in range(41)
    ]


# -- --csv ------------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_file(mixed, consistent, xxgk):
    result = xxgk("audit", "--csv", mixed)
    assert result.exit_code == 2
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_HEADER
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["source"] for r in body] == list(report_sources([mixed]))
    good, wrong, empty = body[0], body[1], body[2]
    assert (good["agency"], good["year"], good["edition"]) == (consistent.agency, "2020", "2019")
    assert (good["findings"], good["first_finding"], good["error"]) == ("0", "", "")
    assert (good["verdict"], good["rule_errors"], good["warnings"]) == ("consistent", "0", "0")
    assert int(wrong["findings"]) >= 1
    assert wrong["first_finding"].startswith("applications.")
    assert (wrong["verdict"], wrong["unreadable_cells"]) == ("rule_errors", "0")
    assert (empty["agency"], empty["findings"], empty["error"]) == ("", "", "文件是空的")
    assert (empty["verdict"], empty["rule_errors"]) == ("unreadable_file", "")


def test_a_folder_linked_into_itself_is_walked_once(tmp_path, consistent):
    page(tmp_path / "a" / "r.html", consistent)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    assert list(report_sources([tmp_path])) == [str(tmp_path / "a" / "r.html")]


def test_a_file_named_twice_or_also_in_a_named_folder_is_read_once(tmp_path, consistent, xxgk):
    report = page(tmp_path / "reports" / "r.html", consistent)
    other = page(tmp_path / "reports" / "s.html", consistent)
    link = tmp_path / "same.html"
    link.symlink_to(report)
    result = xxgk("audit", "--csv", report, report, tmp_path / "reports", link)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source"] for r in rows] == [str(report), str(other)]
    assert result.stderr.count("前面已列出，只读一次") == 3
    missing = tmp_path / "gone.html"
    assert list(report_sources([missing, missing])) == [str(missing)]


def test_a_file_that_kills_its_worker_is_an_unreadable_file_and_the_run_goes_on(
    tmp_path, consistent
):
    folder = tmp_path / "batch"
    for i in range(40):  # two crashes in different batches of the pool
        page(folder / (f"{i:03d}-crash.html" if i in (5, 30) else f"{i:03d}.html"), consistent)
    sources = list(report_sources([folder]))
    outcomes = list(audit_many(sources, jobs=2, read=crashing_read))
    assert [o.source for o in outcomes] == sources
    crashed = {Path(o.source).name: o.error for o in outcomes if o.error}
    assert crashed == dict.fromkeys(
        ["005-crash.html", "030-crash.html"], "读取此文件时进程意外终止（文件可能已损坏或过于复杂）"
    )
    assert all(o.agency == consistent.agency for o in outcomes if not o.error)


def test_tune_gc_freezes_what_lives_long_and_collects_the_young_less_often():
    threshold = gc.get_threshold()
    try:
        gc.unfreeze()  # (an audit run in this process earlier may have tuned it already)
        gc.set_threshold(700, 10, 10)
        tune_gc()
        assert gc.get_freeze_count() > 1000  # the modules loaded so far
        assert gc.get_threshold() == (5000, 10, 10)
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
