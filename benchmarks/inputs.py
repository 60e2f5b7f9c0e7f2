"""Benchmark inputs: consistent reports of both editions with random numbers, rendered by the
project's own renderers (`xxgk.report.render`) to every form `xxgk audit` reads.

Nothing is copied from published reports: the narrative is the demo report's, the agency names
are made up, the tables follow each edition's rules so that a correct reading has no finding.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from xxgk.report import Kind, Report, editions, load
from xxgk.report.render import render, suffix

DEMO = Path(__file__).parents[1] / "src/xxgk/demo/changzhou-fao-2020.json"
READ_FORMS = ("txt", "md", "html", "docx", "pdf")

_PLACES = ("东湖", "西山", "南河", "北岭", "中州", "青石", "白沙", "金川")
_LEVELS = ("市", "县", "区")
_OFFICES = ("人民政府办公室", "生态环境局", "市场监督管理局", "教育局", "自然资源和规划局")


def _count(rng: random.Random, high: int) -> int:
    """Mostly zero, sometimes small, now and then large — as real tables are."""
    roll = rng.random()
    if roll < 0.6:
        return 0
    small = min(9, high)
    return rng.randint(1, small) if roll < 0.9 or high <= small else rng.randint(small + 1, high)


def variant(rng: random.Random, edition_key: str) -> Report:
    """A consistent report of the edition: every rule of the edition holds."""
    edition = editions.get(edition_key)
    year = rng.randint(edition.first_year, edition.first_year + 1)
    agency = rng.choice(_PLACES) + rng.choice(_LEVELS) + rng.choice(_OFFICES)
    report = Report.empty(edition, agency, year)
    report.sections = dict(load(DEMO).sections)
    for block, row in edition.proactive_rows:
        for f in block.fields:
            cell = f"proactive.{row.key}.{f.key}"
            if f.kind is Kind.MONEY:
                report[cell] = Decimal(rng.randint(0, 90_000) * 100)  # whole 万元 cents
            elif f.kind is Kind.SIGNED:
                report[cell] = rng.randint(-20, 20)
            else:
                report[cell] = _count(rng, 5000)
    _applications(rng, report)
    for group in edition.appeal_groups:
        parts = [_count(rng, 12) for _ in edition.appeal_columns[:-1]]
        for column, value in zip(edition.appeal_columns, [*parts, sum(parts)], strict=True):
            report[f"appeals.{group.key}.{column.key}"] = value
    return report


def _applications(rng: random.Random, report: Report) -> None:
    edition = report.edition
    applicants = edition.columns[:-1]
    last = edition.columns[-1].key  # 总计
    rows: dict[str, list[int]] = {}
    for row in edition.outcome_rows:
        rows[row.key] = [_count(rng, 60) for _ in applicants]
    outcome_sum = [sum(values[i] for values in rows.values()) for i in range(len(applicants))]
    rows["total"] = outcome_sum
    rows["carried_forward"] = [_count(rng, 15) for _ in applicants]
    forward = rows["carried_forward"]
    rows["carried_over"] = [
        min(_count(rng, 15), t + f) for t, f in zip(outcome_sum, forward, strict=True)
    ]
    # new + carried over = total + carried forward, column by column (the printed rule)
    rows["new_received"] = [
        t + f - o
        for t, f, o in zip(outcome_sum, rows["carried_forward"], rows["carried_over"], strict=True)
    ]
    for key, values in rows.items():
        for column, value in zip(applicants, values, strict=True):
            report[f"applications.{key}.{column.key}"] = value
        report[f"applications.{key}.{last}"] = sum(values)


def reports(seed: int, count: int) -> Iterator[Report]:
    """`count` reports, both editions in turn, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - test data, reproducible, not secrets
    keys = list(editions.all_editions())
    for i in range(count):
        yield variant(rng, keys[i % len(keys)])


def write_set(folder: Path, form: str, count: int, *, distinct: int | None = None) -> list[Path]:
    """`count` files of `form` in `folder`. Only `distinct` of them are rendered (rendering PDF
    or Word is far slower than reading it); the rest are copies, each read on its own."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for i, report in enumerate(reports(seed=len(form), count=min(count, distinct or count))):
        path = folder / f"{form}-{i:05d}{suffix(form)}"
        path.write_bytes(render(report, form))
        made.append(path)
    paths = list(made)
    for i in range(len(made), count):
        path = folder / f"{form}-{i:05d}{suffix(form)}"
        shutil.copyfile(made[i % len(made)], path)
        paths.append(path)
    return paths
