"""`make bench-instructions` counts what reading a report costs, apart from start-up: its child
reads the files it is given, and more files take more instructions (no count is asserted)."""

import shutil

import pytest
from benchmarks.inputs import write_set

from benchmarks import instructions


def test_the_child_reads_the_warm_up_files_and_then_the_counted_ones(tmp_path, monkeypatch):
    write_set(tmp_path, "txt", 5)
    read: list[str] = []
    from xxgk.cli.commands import audit

    real = audit.audit_file
    monkeypatch.setattr(audit, "audit_file", lambda p, **kw: read.append(p) or real(p, **kw))
    instructions._child(tmp_path, 2)
    names = [p.rsplit("/", 1)[-1] for p in read]
    warm_up = ["txt-00002.txt", "txt-00003.txt", "txt-00004.txt"]
    assert names == [*warm_up, "txt-00000.txt", "txt-00001.txt"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("valgrind") is None, reason="no valgrind")
def test_a_report_counts_instructions_beyond_start_up(tmp_path):
    per_report = instructions.per_report("txt", 1, tmp_path)
    assert per_report > 1_000_000  # a report is millions of instructions, start-up left out


def test_an_unknown_form_is_refused(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["instructions", "rtf"])
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/valgrind")
    with pytest.raises(SystemExit) as stop:
        instructions.main()
    assert "unknown form: rtf" in str(stop.value)
