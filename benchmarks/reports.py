"""`make bench-reports`: computing an agency's annual report, and rolling 500 agencies up, on
PostgreSQL.

Run: ``uv run python -m benchmarks.reports [--applications 1000000] [--disclosures 100000]
[--agencies 500] [--each 2000] [--keep-db]``. The targets (issue: the annual report from the
records): one agency's report computed in < 2 s with a million applications and 100,000
disclosures; the roll-up of 500 agencies in < 5 s; memory flat.

Generated — never timed — in a database of its own (``xxgk_bench_reports``, on a throwaway
server or DATABASE_URL's): the back-office benchmark's agency tree, the large bureau's
`--applications` applications (`benchmarks.queue`'s register: received 2021–2026, one in twenty
open, outcomes of the year's edition) and `--disclosures` published disclosures (规章 and
规范性文件 among them, some repealed), its table-2 figures entered; then `--agencies` townships
with `--each` applications each, and each township's 2025 report computed and stored as
published (its report JSON, as publication keeps it, without rendering the files). Then
``VACUUM ANALYZE``.

Timed, five times each (median and the slowest printed): `report_compute` of the large bureau's
2025 report (tables, findings and the drafted sections, as the back office asks for it), and
`published_rollup` over the 500 townships' published reports (the supervising page's roll-up).
Peak resident memory of this process (VmHWM) before and after the timed runs.
"""

from __future__ import annotations

import argparse
import random
import signal
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table

from benchmarks import postgres, production, queue
from benchmarks.bench import machine
from benchmarks.rss import status_kib

console = Console(highlight=False)

DATABASE = "xxgk_bench_reports"
KEEP_DIR = Path(__file__).resolve().parents[1] / "var" / "bench-reports"
TARGETS = {"compute": 2.0, "rollup": 5.0}
YEAR = 2025
RUNS = 5
CHUNK = 20_000
VERSION = (
    2  # of the generated data (and the reports schema): a kept database of another is made anew
)


def _disclosures(agency, user, count: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    from xxgk.disclosures.choices import Kind, Status, Validity
    from xxgk.disclosures.models import Disclosure

    kinds = [Kind.NORMATIVE] * 2 + [Kind.REGULATION] + [Kind.OTHER] * 17
    for start in range(0, count, CHUNK):
        rows = []
        for i in range(start, min(count, start + CHUNK)):
            made = date(2019, 1, 1) + timedelta(days=rng.randrange(2900))
            kind = rng.choice(kinds)
            repealed = kind != Kind.OTHER and rng.random() < 0.2
            rows.append(
                Disclosure(
                    agency=agency,
                    index_number=f"BENCH/{made.year}-{i:07d}",
                    title=f"关于{made.year}年第{i}号事项的通知",
                    publisher=agency.name,
                    made_on=made,
                    published_on=made + timedelta(days=rng.randrange(20)),
                    kind=kind,
                    status=Status.PUBLISHED,
                    validity=Validity.REPEALED if repealed else Validity.IN_FORCE,
                    validity_changed_on=made + timedelta(days=400) if repealed else None,
                    created_by=user,
                )
            )
        Disclosure.objects.bulk_create(rows)


def _figures(agency, user) -> None:  # type: ignore[no-untyped-def]
    from xxgk.disclosures.figures import figure_cells, figures_enter

    figures_enter(
        user=user,
        agency=agency,
        year=YEAR,
        values={c.cell: str(7) for c in figure_cells(YEAR)},
        source="基准测试",
    )


def _townships(parent, count: int, each: int, rng: random.Random, user) -> list:  # type: ignore[no-untyped-def]
    from xxgk.agencies.models import Level
    from xxgk.agencies.services import agency_create
    from xxgk.applications.models import Application
    from xxgk.report import editions

    outcomes = [r.key for r in editions.get("2021").outcome_rows if r.key != "total"]
    kinds = ["natural_person", "commercial", "research", "social_welfare", "legal_service"]
    made = []
    for n in range(count):
        township = agency_create(
            actor=None, name=f"乙区第{n + 1}镇人民政府", level=Level.TOWNSHIP, parent=parent
        )
        rows = []
        for i in range(each):
            received = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
            closed = received + timedelta(days=rng.randrange(30)) if rng.random() < 0.95 else None
            rows.append(
                Application(
                    agency=township,
                    number=f"{received.year}-{i:05d}",
                    applicant_kind=rng.choice(kinds),
                    applicant_name="申请人",
                    channel="letter",
                    request_text="所需信息",
                    created_by=user,
                    received_on=received,
                    status="replied" if closed else "in_progress",
                    outcome=rng.choice(outcomes) if closed else "",
                    closed_on=closed,
                )
            )
        Application.objects.bulk_create(rows, batch_size=5000)
        made.append(township)
    return made


def generate(args: argparse.Namespace) -> None:
    from django.db import connection, transaction

    from xxgk.applications.models import Application
    from xxgk.report import jsonio
    from xxgk.reports.compute import report_compute
    from xxgk.reports.models import AnnualReport, ReportStatus
    from xxgk.reports.services import content_hash

    rng = random.Random(args.seed)  # noqa: S311 - made-up data
    from django.utils import timezone

    with transaction.atomic():
        agencies, staff = queue.agencies_and_staff()
        large, user = agencies["large"], staff["large"]
        today = timezone.localdate()
        rows = queue.register_rows(rng, args.applications, args.applications // 20, today)
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            Application.objects.bulk_create(
                [
                    # all in the large bureau: numbered anew (the register numbers per agency)
                    Application(
                        agency=large, created_by=user, **{**f, "number": f"B{start + i:07d}"}
                    )
                    for i, (_, f) in enumerate(part)
                ]
            )
            console.print(f"  申请 {start + len(part):,} / {len(rows):,}", end="\r")
        del rows
        _disclosures(large, user, args.disclosures, rng)
        _figures(large, user)
        townships = _townships(agencies["district"], args.agencies, args.each, rng, user)
        for township in townships:
            _figures(township, None)
            data = jsonio.to_json(report_compute(agency=township, year=YEAR))
            AnnualReport.objects.create(
                agency=township,
                year=YEAR,
                status=ReportStatus.PUBLISHED,
                published_at=timezone.now(),
                report_json=data,
                content_hash=content_hash(data),
                imported_from="基准测试",
            )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _timed(call) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--disclosures", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--each", type=int, default=2000, help="applications of each township")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep-db", action="store_true", help="keep the database for next time")
    args = parser.parse_args()
    marker = {"version": VERSION, **{k: v for k, v in vars(args).items() if k != "keep_db"}}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")
    with postgres.bench_database(DATABASE, keep=args.keep_db, keep_dir=KEEP_DIR, marker=marker) as (
        url,
        reuse,
    ):
        production.setup_django(url)
        from django.core.management import call_command
        from django.utils import timezone

        from xxgk.agencies.models import Agency
        from xxgk.reports.compute import report_compute
        from xxgk.reports.rollups import published_rollup
        from xxgk.reports.selectors import tree_status

        call_command("migrate", interactive=False, verbosity=0)
        console.print(f"[bold]数据库 (database)[/]：{postgres.server_line()}")
        if reuse:
            console.print("沿用已生成的数据 (reusing the kept data)")
        else:
            start = time.perf_counter()
            generate(args)
            console.print(f"生成 (generated, not timed)：{time.perf_counter() - start:.0f} s")
        large = Agency.objects.get(name="甲市自然资源和规划局")
        townships = Agency.objects.filter(name__startswith="乙区第")
        before = status_kib("self") / 1024
        computed = _timed(lambda: report_compute(agency=large, year=YEAR))
        rolled = _timed(
            lambda: published_rollup(
                tree_status(agencies=townships, year=YEAR, today=timezone.localdate()),
                name="乙区乡镇汇总",
            )
        )
        after = status_kib("self") / 1024
        table = Table(
            title=f"年度报告 (s)：{args.applications:,} 件申请、{args.disclosures:,} 条公开信息"
            f"的机关；{args.agencies} 个机关汇总"
        )
        for name in ("操作 operation", "median", "max", "目标 target"):
            table.add_column(name, justify="left" if name.startswith("操作") else "right")
        ok = True
        for key, label, times in (
            ("compute", "计算一个机关的报告 (report_compute)", computed),
            ("rollup", f"汇总 {args.agencies} 个机关 (published_rollup)", rolled),
        ):
            good = max(times) < TARGETS[key]
            ok &= good
            table.add_row(
                label,
                f"{statistics.median(times):.2f}",
                f"{max(times):.2f}",
                f"< {TARGETS[key]:.0f} {'[green]✓[/]' if good else '[red]✗[/]'}",
            )
        console.print(table)
        console.print(f"本进程峰值内存 (peak RSS)：计时前 {before:.0f} MiB，计时后 {after:.0f} MiB")
        console.print(f"[dim]{machine()}; {postgres.server_line()}[/]")
    console.print("[green]全部达标[/]" if ok else "[red]未达标[/]")


if __name__ == "__main__":
    main()
