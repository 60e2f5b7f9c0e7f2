"""`xxgk fee` as a user meets it."""

import json

import pytest


def test_by_count_prints_each_band_and_the_total(xxgk):
    result = xxgk("fee", "--count", "45")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "按件计收（国办函〔2020〕109号 第四条）：同一申请人本自然月累计 45 件"
    assert [line.split()[:2] for line in lines[1:-1]] == [
        ["第1—10件", "免费"],
        ["第11—30件", "每件100元"],
        ["第31—40件", "每件200元"],
        ["第41—45件", "每件300元"],
    ]
    assert lines[2].split()[2:] == ["20", "件", "2,000.00", "元"]
    assert lines[-1] == "合计：5,500.00 元"


def test_by_pages_cites_article_five(xxgk):
    result = xxgk("fee", "--pages", "130")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "按量计收（国办函〔2020〕109号 第五条）：一件申请 130 页"
    assert lines[3].split() == ["第101—130页", "每页20元", "30", "页", "600.00", "元"]
    assert lines[-1] == "合计：1,300.00 元"


def test_a_free_quantity_says_so(xxgk):
    result = xxgk("fee", "--pages", "30")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "合计：0.00 元（不收费）"


def test_json_is_one_compact_line(xxgk):
    result = xxgk("fee", "--pages", "250", "--json")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert '"basis":"pages","total":"4700.00"' in result.stdout
    data = json.loads(result.stdout)
    assert data["total"] == "4700.00"
    assert [line["amount"] for line in data["lines"]] == ["0.00", "700.00", "2000.00", "2000.00"]
    assert data["lines"][3] == {
        "description": "第201—250页 每页40元",
        "quantity": 50,
        "unit_price": "40.00",
        "amount": "2000.00",
    }


@pytest.mark.parametrize(("count", "total"), [("10", "0.00"), ("11", "100.00")])
def test_json_by_count(xxgk, count, total):
    data = json.loads(xxgk("fee", "--count", count, "--json").stdout)
    assert data["basis"] == "count"
    assert data["total"] == total


@pytest.mark.parametrize("args", [[], ["--count", "3", "--pages", "40"], ["--json"]])
def test_exactly_one_basis_or_exit_2(xxgk, args):
    result = xxgk("fee", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--count 与 --pages 必须且只能指定一个" in result.stderr
    assert "exactly one of --count, --pages" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pages", "0"], "页数应至少为 1，所填为 0"),
        (["--count", "-3"], "申请件数应至少为 1，所填为 -3"),
        (["--count", "20000"], "申请件数不应超过 10,000"),
    ],
)
def test_an_impossible_quantity_is_exit_2_in_chinese(xxgk, args, message):
    result = xxgk("fee", *args)
    assert result.exit_code == 2
    assert message in result.stderr
