"""A command line used wrongly is said in Chinese first, then as click says it, exit status 2."""

import pytest


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (
            ["audit", "--bogus"],
            "错误：没有这个选项：--bogus（可用的选项：--jobs）",
            "No such option",
        ),
        (["deadline"], "错误：缺少参数 'received_on'", "Missing argument"),
        (["nosuch"], "错误：没有这个命令：nosuch", "No such command 'nosuch'."),
        (
            ["audit", "--jobs", "x", "a.txt"],
            "错误：'--jobs' / '-j' 应当是整数，不能是 'x'",
            "not a valid",
        ),
        (["fee", "--count", "1.5"], "错误：'--count' 应当是整数，不能是 '1.5'", "not a valid"),
        (["serve", "--workers", "0"], "错误：'--workers' / '-w' 的值 0 超出范围 x>=1", "range"),
        (["audit", "--jobs"], "错误：选项 --jobs 后面缺少它的值", "requires an argument"),
        (["deadline", "2025-01-01", "extra"], "错误：多余的参数：extra", "unexpected extra"),
        (["check", "--help=x"], "错误：选项 --help 不带值", "does not take a value"),
    ],
)
def test_a_usage_error_in_chinese_then_english(xxgk, args, chinese, english):
    result = xxgk(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == chinese
    assert english in result.stderr  # click's own message and usage line stay
    assert "Traceback" not in result.stderr


def test_xxgk_alone_shows_its_help(xxgk):
    result = xxgk()
    assert result.exit_code == 2
    assert "Usage: xxgk [OPTIONS] COMMAND" in result.stderr
    assert "错误" not in result.stderr


def test_a_command_that_runs_keeps_its_exit_status(xxgk):
    assert xxgk("deadline", "2025-09-16").exit_code == 0
    assert xxgk("--help").exit_code == 0
