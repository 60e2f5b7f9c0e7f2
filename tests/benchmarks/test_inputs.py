"""The benchmark's inputs are real reports: consistent, both editions, read back exactly; the
measuring helpers run (no timing is asserted)."""

import random

import pytest
from benchmarks.bench import floor_rates, machine, peak_rss_mib, start_up_ms, throughput
from benchmarks.inputs import reports, variant, write_set

from xxgk.report import check, editions
from xxgk.report.read import read_file


@pytest.mark.parametrize("edition", list(editions.all_editions()))
def test_a_variant_keeps_every_rule_of_its_edition(edition):
    rng = random.Random(7)
    for _ in range(20):
        report = variant(rng, edition)
        assert report.edition.key == edition
        assert check(report) == []
        assert all(v is not None for v in report.cells.values())


def test_reports_alternate_editions_and_repeat_for_a_seed():
    first = [(r.edition.key, r.agency, r.cells) for r in reports(seed=3, count=4)]
    again = [(r.edition.key, r.agency, r.cells) for r in reports(seed=3, count=4)]
    assert first == again
    assert [key for key, _, _ in first] == [*editions.all_editions()] * 2


@pytest.mark.parametrize("form", ["txt", "html", "docx"])
def test_written_files_read_back_to_the_reports_that_made_them(tmp_path, form):
    paths = write_set(tmp_path, form, 5, distinct=2)
    assert [p.name for p in paths] == [f"{form}-{i:05d}{p.suffix}" for i, p in enumerate(paths)]
    assert paths[2].read_bytes() == paths[0].read_bytes()  # copies of the rendered ones
    for path, report in zip(paths, reports(seed=len(form), count=2), strict=False):
        read = read_file(path)
        assert read.cells == report.cells
        assert read.findings == []


def test_the_measuring_helpers_run(tmp_path):
    paths = write_set(tmp_path / "txt", "txt", 4)
    rate = throughput(paths)
    assert rate.cpu > 0
    assert rate.wall > 0
    assert rate.clean == 1.0
    memory = peak_rss_mib(tmp_path / "txt", 1)
    assert memory["main"] > 0
    assert "核" in machine()


def test_the_start_up_and_floor_helpers_run(tmp_path):
    timing = start_up_ms(("--help",), runs=1)
    assert timing.wall > 0
    assert timing.cpu > 0
    assert timing.uncached > 0
    rates = floor_rates(write_set(tmp_path / "html", "html", 3))
    assert set(rates) == {"read", "t2s", "lxml"}
    assert all(rate > 0 for rate in rates.values())
