"""The `xxgk` entry point: a bug never looks like a result, and never shows a traceback."""

import sys

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
