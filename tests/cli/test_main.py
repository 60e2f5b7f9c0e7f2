"""The `xxgk` entry point: a bug never looks like a result, and never shows a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from xxgk import cli
from xxgk.cli.commands import check


def test_an_internal_error_exits_3_with_a_message(monkeypatch, capsys):
    def broken(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(check, "load", broken)
    monkeypatch.setattr(sys, "argv", ["xxgk", "check", "r.json"])
    monkeypatch.delenv("XXGK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == cli.INTERNAL_ERROR == 3
    err = capsys.readouterr().err
    assert "xxgk 内部错误（internal error）：RuntimeError: boom" in err
    assert "Traceback" not in err


def test_an_oserror_that_is_not_output_is_an_internal_error(monkeypatch, capsys):
    """Only a full disk or a failing device is "无法写出结果"; a missing file escaping a command
    is xxgk's bug, not the user's disk."""

    def broken(path):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(check, "load", broken)
    monkeypatch.setattr(sys, "argv", ["xxgk", "check", "r.json"])
    monkeypatch.delenv("XXGK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == cli.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "xxgk 内部错误（internal error）：FileNotFoundError" in err
    assert "无法写出结果" not in err


def test_xxgk_debug_shows_the_traceback(monkeypatch):
    def broken(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(check, "load", broken)
    monkeypatch.setattr(sys, "argv", ["xxgk", "check", "r.json"])
    monkeypatch.setenv("XXGK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()


def test_a_deadline_past_the_last_date(xxgk):
    result = xxgk("deadline", "9999-12-31")
    assert result.exit_code == 2
    assert "9999-12-31 之后 20 个工作日超出了可表示的日期范围" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full (Linux)")
@pytest.mark.parametrize("args", [["schema"], ["audit", "--json", "REPORT"]])
def test_output_that_cannot_be_written_is_a_message_and_exit_2(args, tmp_path):
    """`xxgk … > /dev/full`: a full disk is the user's to fix, not an internal error."""
    from tests.report.read import handmade as h

    report = tmp_path / "r.html"
    report.write_text(h.as_html(h.sample_report()), encoding="utf-8")
    argv = [a.replace("REPORT", str(report)) for a in args]
    xxgk = Path(sys.executable).with_name("xxgk")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(xxgk), *argv], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert done.returncode == 2
    assert "错误：无法写出结果：磁盘空间不足" in done.stderr
    assert "内部错误" not in done.stderr
