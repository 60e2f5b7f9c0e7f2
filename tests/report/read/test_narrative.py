"""Narrative sections of a report read from a file come out as clean paragraphs: no table text,
page markers, running headers or site navigation; the source's hard line breaks rejoined.

The shape is a PDF's text layer (`pdftotext -layout`) and a scraped page's tail, as the real
corpus prints them (001.pdf, 016.txt); the words and numbers are our own."""

from __future__ import annotations

import re

from tests.report.read import handmade as h
from xxgk.report.model import Report
from xxgk.report.read import text
from xxgk.report.read.recover import recover
from xxgk.report.render import render

HEADER = "示例市示例局政务公开专栏"  # printed at the top of every page
OVERVIEW = [  # one paragraph, wrapped by the PDF's line width, with a page break inside
    "2022年，我局坚持依法公开，不断完善政府信",
    "息公开制度，健全保障机制，推进政府信息公开工",
    "-1-",
    HEADER,
    "作规范、有序、健康发展。",
    "（一）主动公开情况",
    "全年主动公开政府信息 1136 条，均通过政府网",
    "站发布。",
]
PROBLEMS = ["信息公开的及时性还", "需提高。"]


def pdf_like(r: Report) -> str:
    lines = h.as_layout(r).splitlines()
    overview = lines.index(h.heading(r.edition, "overview"))
    problems = lines.index(h.heading(r.edition, "problems"))
    tables = lines[overview + 2 : problems]
    # a page break in the middle of table 3, as a PDF prints it
    tables[len(tables) // 2 : len(tables) // 2] = ["- 2 -", HEADER]
    return "\n".join(
        [
            *lines[: overview + 1],
            *OVERVIEW,
            *tables,
            lines[problems],
            *PROBLEMS,
            "- 3 -",
            HEADER,
            r.agency,
            f"{r.year + 1}年1月20日",
            f"来源：{r.agency}",
            "附件下载",
        ]
    )


def read(source: str) -> Report:
    return recover(text.document(source, "report.txt"))


def test_the_overview_is_its_paragraphs_rejoined():
    got = read(pdf_like(h.sample_report("2021", 2022)))
    assert got.sections["overview"].splitlines() == [
        "2022年，我局坚持依法公开，不断完善政府信息公开制度，健全保障机制，"
        "推进政府信息公开工作规范、有序、健康发展。",
        "（一）主动公开情况",
        "全年主动公开政府信息 1136 条，均通过政府网站发布。",
    ]


def test_the_table_sections_keep_no_table_text():
    got = read(pdf_like(h.sample_report("2021", 2022)))
    for section in ("proactive", "applications", "appeals"):
        assert section not in got.sections, got.sections.get(section)


def test_the_signature_stays_apart_and_the_site_footer_goes():
    r = h.sample_report("2021", 2022)
    got = read(pdf_like(r))
    assert got.sections["problems"].splitlines() == [
        "信息公开的及时性还需提高。",
        r.agency,
        f"{r.year + 1}年1月20日",
    ]


def test_a_flattened_page_splits_at_its_sentences_and_drops_the_site_tail():
    r = h.sample_report()
    flat = h.as_flat(r).rstrip("\n") + f" 来源：{r.agency} 附件下载\n"
    got = read(flat)
    assert got.sections["problems"].splitlines() == [
        "信息公开的及时性还需提高。",
        r.agency,
        f"{r.year + 1}年1月20日",
    ]


def test_rendering_a_report_read_from_a_pdf_prints_clean_paragraphs():
    r = h.sample_report("2021", 2022)
    page = render(read(pdf_like(r)), "html").decode()
    paragraphs = re.findall(r"<p>(.*?)</p>", page, re.S)
    assert paragraphs, page
    joined = "\n".join(paragraphs)
    for residue in ("- 2 -", "-1-", HEADER, "附件下载", "来源：", "本年新收", "信息内容"):
        assert residue not in joined
    assert all(not re.search(r"\s{2,}\d", p) for p in paragraphs)  # no table rows


def test_clean_drops_page_markers_and_site_lines_and_joins_wrapped_chinese():
    from xxgk.report import editions
    from xxgk.report.read.narrative import clean

    body = "\n".join(
        [
            "（二）部分公开的申请，只计这一情",
            "第 2 页",
            "形，不计其他情形。",
            "打印本页",
            "抄送：示例市纪委。",
            "示例局办公室 2023年1月9日印发",
            "平台上线 Open",
            "Data 栏目。",
        ]
    )
    assert clean(body, editions.get("2021")).splitlines() == [
        "（二）部分公开的申请，只计这一情形，不计其他情形。",
        "平台上线 Open Data 栏目。",
    ]


def test_clean_splits_and_drops_lines_at_the_edges_of_its_patterns():
    """The patterns are written to be tried only where they can match (see narrative.py); these
    lines sit at their edges: a run of spaces after a sentence, spaces before a date at a line's
    start, a laid-out row with long runs of spaces, a printing office's line, a footer glued on."""
    from xxgk.report import editions
    from xxgk.report.read.narrative import clean

    body = "\n".join(
        [
            "全年办理申请十二件。   另有咨询三件。",
            "  2023年1月9日",
            "行政许可" + " " * 60 + "3" + " " * 40 + "+1" + " " * 30 + "181",
            "示例局办公室 2023年1月9日印发",
            "示例局   来源：示例市政府网",
        ]
    )
    assert clean(body, editions.get("2021")).splitlines() == [
        "全年办理申请十二件。",
        "另有咨询三件。",
        "2023年1月9日",
        "示例局",
    ]


# A flattened page (a scraper's one line per section, as the corpus's 011.txt–047.txt print
# them): the tables glued into the prose, the next section's heading right after a table's
# last number. The words and numbers are our own.
FLAT_TABLE_2 = (
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件3112"
    "第二十条第（五）项信息内容本年处理决定数量行政许可47"
)


def test_a_table_glued_into_a_line_of_prose_is_cut_out():
    from xxgk.report import editions
    from xxgk.report.read import narrative

    prose = "，".join(["依法依规做好政府信息公开工作"] * 8)  # a flattened page's line is long
    line = f"{prose}，主动公开88条，占12.5%。{FLAT_TABLE_2} (二)主动公开的主要类别：政策文件6条。"
    assert narrative.clean(line, editions.get("2021")) == (
        f"{prose}，主动公开88条，占12.5%。\n(二)主动公开的主要类别：政策文件6条。"
    )


def test_prose_with_labels_and_numbers_is_kept():
    from xxgk.report import editions
    from xxgk.report.read import narrative

    line = "全年行政复议案件2件、行政诉讼案件7件，其中结果维持 5件，结果纠正 1 件，尚未审结3件。"
    assert narrative.clean(line, editions.get("2021")) == line


def test_a_flattened_sentence_running_into_a_numbered_heading_starts_a_paragraph():
    from xxgk.report import editions
    from xxgk.report.read import narrative

    prose = "，".join(["依法依规做好政府信息公开工作"] * 12)  # a flattened page's line is long
    line = f"今年取得一定成效。（一）基本情况{prose}。2.加强领导，健全机制。（1）推进公开。"
    assert narrative.clean(line, editions.get("2021")).split("\n") == [
        "今年取得一定成效。",
        f"（一）基本情况{prose}。",
        "2.加强领导，健全机制。",
        "（1）推进公开。",
    ]


def test_a_header_split_word_by_word_is_table_text():
    from xxgk.report import editions
    from xxgk.report.read import narrative

    body = "\n".join(
        [
            "结果结果其他尚未",
            "总计结果结果其他尚未结果结果其他尚未",
            "维持纠正结果审结维持纠正结果审结",
            "注：行政复议、行政诉讼数量含上年度结转数量。",
        ]
    )
    assert narrative.clean(body, editions.get("2021"), table=True) == (
        "注：行政复议、行政诉讼数量含上年度结转数量。"
    )


def test_a_flattened_page_s_section_starts_after_a_table_s_last_number():
    from xxgk.report import editions
    from xxgk.report.read import meta

    page = (
        "四、政府信息公开行政复议与行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结"
        "总计000000000000000五、存在的主要问题及改进情况存在的问题主要是人员少。"
        "六、其他需要报告的事项本年度未收取信息处理费。"
    )
    sections = meta.sections_of([page], editions.get("2021"))
    assert sections == {"problems": "存在的问题主要是人员少。", "other": "本年度未收取信息处理费。"}
