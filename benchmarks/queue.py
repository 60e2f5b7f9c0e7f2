"""`make bench-queue`: the officer's back office at the scale of a large agency, on PostgreSQL.

Run: ``uv run python -m benchmarks.queue [--applications 100000] [--open 10000] [--requests 50]
[--keep-db] [--explain]``. The target (issue: the queue at scale) is p95 < 200 ms for every
page at 100,000 applications of which 10,000 are open.

The database is PostgreSQL: a throwaway server this script starts (`benchmarks.postgres`), or,
when DATABASE_URL is set, that server — in a database of its own, ``xxgk_bench_queue`` (the
role needs CREATEDB), so that no existing data is touched. It is migrated, and the register is
generated — never timed: the agency tree and staff through the agencies' services, then the
applications and their events by ``bulk_create`` with their stored columns set as the services
would set them (received 2021–2026; the open ones with status, reply deadline and nearest
deadline consistent; the others closed with an outcome), nine in ten of them in one agency,
and ``VACUUM ANALYZE`` as autovacuum would run it. Then each page is requested through the
whole Django stack (Django's test client: middleware, session, template), logged in as the
large agency's officer, production settings (DEBUG off): two warm-up requests each, then
``--requests`` timed rounds of every page (so that other work on a shared machine falls on all
pages alike), and one more request each under `CaptureQueriesContext` for its SQL queries and
their time. The export is a stream: its first 64 KB are read, then it is closed, as a browser
that has started a download holds only the first chunks.

``--keep-db`` keeps the database (and the throwaway server's cluster, in var/bench-queue) and
reuses it on the next ``--keep-db`` run with the same sizes on the same day — migrated first,
so a new index is measured without generating again. ``--explain`` prints each page's queries
and the EXPLAIN (ANALYZE, BUFFERS) of its slowest one.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import random
import re
import signal
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from benchmarks import postgres, production
from benchmarks.bench import machine

console = Console(highlight=False)

DATABASE = "xxgk_bench_queue"
KEEP_DIR = Path(__file__).resolve().parents[1] / "var" / "bench-queue"
TARGET_MS = 200.0
EXPORT_BYTES = 64 * 1024
WARM_UP = 2
PAGE_SIZE = 50  # the views' Paginator
SEARCH_WORD = "征收"  # in about one request in six (see SUBJECTS)
FIRST_DAY = date(2021, 1, 1)
REGISTER_VERSION = 1  # of the generated register: a kept database of another is made anew

# Who receives the applications: the large agency takes nine in ten.
AGENCY_SHARES = {"large": 0.90, "housing": 0.04, "district": 0.04, "township": 0.02}

# -- a realistic register ---------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯"
ORGS = ("房地产开发有限公司", "律师事务所", "建设工程有限公司", "科技有限公司", "研究院")
PLACES = ("丙镇", "丁街道", "戊村", "乙区", "甲市", "己镇东风村", "庚街道新华社区")
SUBJECTS = (
    "集体土地征收补偿安置方案",
    "国有土地上房屋征收决定及补偿方案",
    "建设用地规划许可证及附图",
    "国有建设用地使用权出让合同",
    "土地利用总体规划调整方案",
    "不动产登记簿记载信息",
    "违法用地行政处罚决定书",
    "城市更新项目批复文件",
    "控制性详细规划批前公示材料",
    "耕地占补平衡指标使用情况",
    "建设项目用地预审意见",
    "农用地转用批复",
)
DOCS = ("的批复文件", "及相关会议纪要", "的公告及附件", "的审批材料", "全文")

# Open cases: status -> (share, kind of the nearest deadline).
OPEN_STATUSES = {
    "in_progress": (0.65, "reply"),
    "awaiting_correction": (0.10, "correction_period"),
    "in_consultation": (0.12, "consultation"),
    "awaiting_fee": (0.08, "fee"),
    "awaiting_reasons": (0.05, "reasons"),
}
# Closed cases: the outcome (a table-3 row of the 2021 edition) and the status it gives.
OUTCOMES = {
    "granted": (0.40, "replied"),
    "partial": (0.10, "replied"),
    "unable_not_held": (0.18, "replied"),
    "unable_needs_creation": (0.04, "replied"),
    "denied_third_party": (0.03, "replied"),
    "denied_process_info": (0.03, "replied"),
    "denied_internal_affairs": (0.02, "replied"),
    "not_processed_petition": (0.05, "replied"),
    "not_processed_duplicate": (0.03, "replied"),
    "not_processed_publication": (0.02, "replied"),
    "other_no_correction": (0.04, "closed_no_correction"),
    "other_no_fee": (0.01, "closed_no_fee"),
    "other_other": (0.05, "withdrawn"),
}
CLOSING_EVENT = {  # the event that closed a case with that status
    "replied": "reply_sent",
    "closed_no_correction": "correction_expired",
    "closed_no_fee": "fee_expired",
    "withdrawn": "withdrawn",
}
KINDS = {
    "natural_person": 0.84,
    "commercial": 0.09,
    "legal_service": 0.04,
    "research": 0.01,
    "social_welfare": 0.01,
    "other_org": 0.01,
}
CHANNELS = {"online": 0.60, "letter": 0.25, "in_person": 0.10, "email": 0.03, "fax": 0.02}
DELIVERIES = ("paper", "electronic", "pickup", "post", "online")


def pick(rng: random.Random, shares: dict[str, Any]) -> str:
    keys = list(shares)
    weights = [v[0] if isinstance(v, tuple) else v for v in shares.values()]
    return rng.choices(keys, weights)[0]


def applicant(rng: random.Random, kind: str) -> dict[str, str]:
    """Applicant columns that pass `Application.clean`: valid ID numbers and credit codes."""
    from xxgk.applications.identifiers import credit_code_check_char, id_number_check_char
    from xxgk.applications.models.application import id_number_index

    phone = f"139{rng.randrange(10**8):08d}"
    if kind == "natural_person":
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
        first17 = f"320402{born:%Y%m%d}{rng.randrange(1000):03d}"
        id_number = first17 + id_number_check_char(first17)
        return {
            "applicant_name": rng.choice(SURNAMES)
            + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
            "id_number": id_number,
            # bulk_create skips save(), which keeps the blind index.
            "id_number_index": id_number_index(id_number),
            "phone": phone,
        }
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    first17 = "91320402" + "".join(rng.choices(chars, k=9))
    return {
        "applicant_name": f"甲市{rng.choice(GIVEN)}{rng.choice(GIVEN)}{rng.choice(ORGS)}",
        "credit_code": first17 + credit_code_check_char(first17),
        "contact_person": rng.choice(SURNAMES) + rng.choice(GIVEN),
        "phone": phone,
    }


def request_text(rng: random.Random, received: date) -> str:
    year = received.year - rng.randint(0, 6)
    return f"申请公开{year}年{rng.choice(PLACES)}{rng.choice(SUBJECTS)}{rng.choice(DOCS)}"


@dataclass
class Columns:
    """The stored columns `application_refresh` derives from a timeline."""

    received_on: date
    status: str
    due_on: date | None
    due_provisional: bool
    outcome: str
    closed_on: date | None
    next_due_on: date | None
    next_due_kind: str
    has_warnings: bool


class Clock:
    """Deadlines on the official calendar, memoised: a few thousand distinct days."""

    def __init__(self) -> None:
        from xxgk.applications.clock import calendar_current

        self.calendar = calendar_current()

    @cache  # noqa: B019 - one Clock per run
    def after(self, day: date, workdays: int) -> tuple[date, bool]:
        span = self.calendar.add_workdays(day, workdays)
        return span.end, span.provisional


def open_columns(rng: random.Random, clock: Clock, today: date) -> Columns:
    """An open case: mostly received in the last four months, a tail of long-running ones
    (consultations, corrections, fees) back to 2021 — the 上年结转 of later years."""
    roll = rng.random()
    if roll < 0.85:
        received = today - timedelta(days=rng.randrange(120))
    elif roll < 0.95:
        received = date(2025, 1, 1) + timedelta(days=rng.randrange((today - date(2025, 1, 1)).days))
    else:
        received = FIRST_DAY + timedelta(days=rng.randrange((date(2025, 1, 1) - FIRST_DAY).days))
    status = pick(rng, OPEN_STATUSES)
    kind = OPEN_STATUSES[status][1]
    extended = rng.random() < 0.15
    due, provisional = clock.after(received, 40 if extended else 20)
    start = received + timedelta(days=rng.randint(2, 8))  # the notice or letter that started it
    if status == "awaiting_correction":
        nearest, _ = clock.after(start, 15)
        due, provisional = clock.after(nearest, 20)  # restarts on the correction: 暂按期满推算
    elif status == "in_consultation":
        nearest, _ = clock.after(start, 15)
        due, provisional = clock.after(received, 35)  # the consultation's days do not count
    elif status == "awaiting_fee":
        nearest = start + timedelta(days=20)
        due, provisional = clock.after(received, 40)
    elif status == "awaiting_reasons":
        nearest, _ = clock.after(start, 10)
    else:
        nearest = due
    return Columns(
        received_on=received,
        status=status,
        due_on=due,
        due_provisional=provisional,
        outcome="",
        closed_on=None,
        next_due_on=min(nearest, due),
        next_due_kind=kind if nearest < due else "reply",
        has_warnings=rng.random() < 0.02,
    )


def closed_columns(rng: random.Random, clock: Clock, today: date) -> Columns:
    received = FIRST_DAY + timedelta(days=rng.randrange((today - FIRST_DAY).days - 2))
    outcome = pick(rng, OUTCOMES)
    due, _ = clock.after(received, 20)
    closed = min(received + timedelta(days=rng.randint(3, 45)), today)
    return Columns(
        received_on=received,
        status=OUTCOMES[outcome][1],
        due_on=due,
        due_provisional=False,
        outcome=outcome,
        closed_on=closed,
        next_due_on=None,
        next_due_kind="",
        has_warnings=False,
    )


@dataclass
class Office:
    """What the timed requests need from the generated data."""

    officer: Any  # the large agency's officer, who is logged in
    open_case: int  # an open case of the large agency (in_progress, first in the queue)
    readable: int  # applications the officer may read: the search's last page


def generate(applications: int, open_count: int, seed: int) -> Office:
    """The agency tree, its staff and the register. Never timed."""
    from django.db import connection, transaction
    from django.utils import timezone

    from xxgk.applications.models import Application, ApplicationEvent

    rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
    today = timezone.localdate()
    with transaction.atomic():
        agencies, staff = agencies_and_staff()
        rows = register_rows(rng, applications, open_count, today)
        batch = [
            Application(agency=agencies[key], created_by=staff[key], **fields)
            for key, fields in rows
        ]
        created = Application.objects.bulk_create(batch, batch_size=2000)
        # Append-only rows: bulk_create inserts without calling save(), which refuses only
        # changes to rows that exist.
        events = events_of(created, rows, staff)
        ApplicationEvent.objects.bulk_create(events, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return office()


def events_of(
    created: list[Any], rows: list[tuple[str, dict[str, Any]]], staff: dict[str, Any]
) -> list[Any]:
    """The events of generated applications: received, and the closing one of a closed case."""
    from xxgk.applications.models import ApplicationEvent

    events = []
    for application, (key, fields) in zip(created, rows, strict=True):
        events.append(
            ApplicationEvent(
                application=application,
                kind="received",
                on=fields["received_on"],
                recorded_by=staff[key],
            )
        )
        if fields["closed_on"] is not None:
            events.append(
                ApplicationEvent(
                    application=application,
                    kind=CLOSING_EVENT[fields["status"]],
                    on=fields["closed_on"],
                    outcome=fields["outcome"] if fields["status"] == "replied" else "",
                    recorded_by=staff[key],
                )
            )
    return events


def agencies_and_staff() -> tuple[dict[str, Any], dict[str, Any]]:
    """A city with the large bureau, another bureau, a district and its township, through the
    agencies' services; an officer in each (by AGENCY_SHARES key), the large bureau's head and
    the city's supervisor."""
    from django.contrib.auth.models import User

    from xxgk.agencies.models import Level, Role
    from xxgk.agencies.services import agency_create, membership_add

    city = agency_create(actor=None, name="甲市人民政府", level=Level.CITY, short_name="甲政")
    district = agency_create(actor=None, name="甲市乙区人民政府", level=Level.DISTRICT, parent=city)
    agencies = {
        "large": agency_create(
            actor=None,
            name="甲市自然资源和规划局",
            level=Level.DEPARTMENT,
            parent=city,
            short_name="甲自然资规",
        ),
        "housing": agency_create(
            actor=None, name="甲市住房和城乡建设局", level=Level.DEPARTMENT, parent=city
        ),
        "district": district,
        "township": agency_create(
            actor=None, name="乙区丙镇人民政府", level=Level.TOWNSHIP, parent=district
        ),
    }
    staff = {}
    for key, agency in agencies.items():
        staff[key] = User.objects.create_user(f"bench-{key}", first_name=f"{key} 经办人")
        membership_add(actor=None, user=staff[key], agency=agency, role=Role.OFFICER)
    head = User.objects.create_user("bench-head", first_name="负责人")
    membership_add(actor=None, user=head, agency=agencies["large"], role=Role.HEAD)
    supervisor = User.objects.create_user("bench-supervisor", first_name="监督人员")
    membership_add(actor=None, user=supervisor, agency=city, role=Role.SUPERVISOR)
    return agencies, staff


def register_rows(
    rng: random.Random, applications: int, open_count: int, today: date
) -> list[tuple[str, dict[str, Any]]]:
    """(agency key, Application fields) for each application, numbered per agency and year in
    the order received, as registration numbers them."""
    clock = Clock()
    drawn = [
        (
            pick(rng, AGENCY_SHARES),
            (open_columns if i < open_count else closed_columns)(rng, clock, today),
        )
        for i in range(applications)
    ]
    drawn.sort(key=lambda r: (r[0], r[1].received_on))
    sequence: dict[tuple[str, int], int] = {}
    rows = []
    for key, c in drawn:
        year = c.received_on.year
        sequence[key, year] = sequence.get((key, year), 0) + 1
        kind = pick(rng, KINDS)
        fields = {
            "number": f"{year}-{sequence[key, year]:04d}",
            "applicant_kind": kind,
            **applicant(rng, kind),
            "channel": pick(rng, CHANNELS),
            "delivery": rng.choice(DELIVERIES),
            "request_text": request_text(rng, c.received_on),
            **vars(c),
        }
        rows.append((key, fields))
    return rows


def office() -> Office:
    """The officer and the cases the requests need, from a generated database."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from xxgk.applications.clock import calendar_current
    from xxgk.applications.selectors import UrgencyBounds, application_list, application_queue

    officer = User.objects.get(username="bench-large")
    bounds = UrgencyBounds.of(timezone.localdate(), calendar_current())
    first_open = application_queue(user=officer, bounds=bounds).filter(status="in_progress")[0]
    return Office(officer, first_open.pk, application_list(user=officer).count())


# -- the database -------------------------------------------------------------------------------


def setup_django(url: str) -> None:
    """Production settings on the benchmark's database: DEBUG off, as a deployment runs."""
    production.setup_django(url)


# -- the requests -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    label: str
    url: str
    streaming: bool = False


def pages(office: Office) -> list[Page]:
    from django.urls import reverse

    queue, search = reverse("applications:queue"), reverse("applications:search")
    last = max(1, math.ceil(office.readable / PAGE_SIZE))
    return [
        Page("待办 queue", queue),
        Page("待办 逾期 overdue", f"{queue}?urgency=overdue"),
        Page("待办 第50页 page 50", f"{queue}?page=50"),
        Page(f"查询 “{SEARCH_WORD}” search", f"{search}?q={SEARCH_WORD}"),
        Page("查询 2025 含结转", f"{search}?year=2025&with_carried_over=on"),
        Page("查询 末页 last page", f"{search}?page={last}"),
        Page("导出 CSV 64 KB", reverse("applications:export"), streaming=True),
        Page("详情 detail (open)", reverse("applications:detail", args=[office.open_case])),
    ]


def fetch(client: Any, page: Page) -> int:
    """One request; the bytes the server sent (the export: read up to 64 KB, then closed)."""
    response = client.get(page.url)
    if response.status_code != 200:
        raise RuntimeError(f"{page.url}: HTTP {response.status_code}")
    if not page.streaming:
        return len(response.content)
    sent = 0
    for chunk in response.streaming_content:
        sent += len(chunk)
        if sent >= EXPORT_BYTES:
            break
    response.close()
    return sent


@dataclass(frozen=True)
class Query:
    sql: str
    ms: float


@dataclass(frozen=True)
class Timing:
    page: Page
    ms: list[float]
    sent: int
    queries: list[Query]  # of one request

    def quantile(self, q: int) -> float:
        return statistics.quantiles(self.ms, n=100, method="inclusive")[q - 1]

    @property
    def sql_ms(self) -> float:
        return sum(q.ms for q in self.queries)


@contextlib.contextmanager
def queries() -> Iterator[list[Query]]:
    """The SQL queries run in the block: `CaptureQueriesContext` for the statements, and an
    execute wrapper for their time to the microsecond (the capture rounds to milliseconds).
    A server-side cursor (`QuerySet.iterator`) counts as its DECLARE: declared WITH HOLD,
    outside a transaction, it runs the whole query; within one it returns at once, and the
    FETCHes that bring the rows are not statements Django captures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds: list[float] = []

    def timed(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds.append(time.perf_counter() - start)

    found: list[Query] = []
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timed):
        yield found
    for i, q in enumerate(captured.captured_queries):
        s = seconds[i] if len(seconds) == len(captured) else float(q["time"])
        found.append(Query(q["sql"], s * 1000))


def measure(client: Any, pages: list[Page], requests: int) -> list[Timing]:
    """Each page `requests` times, in rounds — every page once per round, so that a burst of
    other work on a shared machine falls on all pages alike — after WARM_UP requests each;
    then one more request per page with its queries captured (capturing costs time too)."""
    for page in pages:
        for _ in range(WARM_UP):
            fetch(client, page)
    ms: dict[Page, list[float]] = {page: [] for page in pages}
    for _ in range(requests):
        for page in pages:
            start = time.perf_counter()
            fetch(client, page)
            ms[page].append((time.perf_counter() - start) * 1000)
    timings = []
    for page in pages:
        with queries() as found:
            sent = fetch(client, page)
        timings.append(Timing(page, ms[page], sent, found))
    return timings


_DECLARE = re.compile(r"^DECLARE .*? CURSOR (?:WITH(?:OUT)? HOLD )?FOR ", re.DOTALL)


def explain(timing: Timing) -> None:
    """Each query of one request of the page, slowest first, and the slowest one's plan."""
    from django.db import connection

    console.rule(f"[bold]{timing.page.label}[/] {timing.page.url}")
    ranked = sorted(timing.queries, key=lambda q: -q.ms)
    for q in ranked:
        console.print(f"  {q.ms:7.2f} ms  {q.sql[:140]}", soft_wrap=True, markup=False)
    sql = _DECLARE.sub("", ranked[0].sql) if ranked else ""
    if sql.lstrip().upper().startswith("SELECT"):
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        console.print(plan, soft_wrap=True, markup=False)


def report(timings: list[Timing], title: str) -> bool:
    """The table (fits 80 columns); whether every p95 meets the target."""
    table = Table(title=title)
    table.add_column("页面 page")
    for name in ("p50", "p95", "max", "KB", "SQL", "SQL ms", f"<{TARGET_MS:.0f}"):
        table.add_column(name, justify="right")
    ok = True
    for t in timings:
        p95 = t.quantile(95)
        ok &= p95 < TARGET_MS
        table.add_row(
            t.page.label,
            f"{statistics.median(t.ms):.0f}",
            f"{p95:.0f}",
            f"{max(t.ms):.0f}",
            f"{t.sent / 1024:.1f}",
            str(len(t.queries)),
            f"{t.sql_ms:.1f}",
            "[green]✓[/]" if p95 < TARGET_MS else "[red]✗[/]",
        )
    console.print(table)
    console.print(
        "[dim]ms per request through the whole stack; KB sent; SQL: the queries of one "
        "request and their time in the database.[/]"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--open", type=int, default=10_000, help="of them still open")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep-db", action="store_true", help="keep the database and reuse it next time"
    )
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each page's SQL")
    args = parser.parse_args()
    if not 0 <= args.open <= args.applications:
        parser.error("--open must be between 0 and --applications")
    today = date.today()  # noqa: DTZ011 - only to tell whether a kept register is today's
    marker = {
        "version": REGISTER_VERSION,
        "applications": args.applications,
        "open": args.open,
        "seed": args.seed,
        "generated": today.isoformat(),
    }
    # `kill` as well as Ctrl-C drops the database and stops the server (the `finally`s run)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")
    with postgres.bench_database(DATABASE, keep=args.keep_db, keep_dir=KEEP_DIR, marker=marker) as (
        url,
        reuse,
    ):
        setup_django(url)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        call_command("migrate", interactive=False, verbosity=0)
        console.print(f"[bold]数据库 (database)[/]：{postgres.server_line()}")
        start = time.perf_counter()
        if reuse:
            with connection.cursor() as cursor:  # statistics for any index a migration added
                cursor.execute("ANALYZE")
            found = office()
            console.print("沿用已生成的数据 (reusing the kept register)")
        else:
            found = generate(args.applications, args.open, args.seed)
            console.print(
                f"生成 (generated) {args.applications:,} 件申请，{args.open:,} 件在办 "
                f"({time.perf_counter() - start:.0f} s, not timed)"
            )
        client = Client()
        client.force_login(found.officer)
        timings = measure(client, pages(found), args.requests)
        title = (
            f"办理后台 (ms)：{args.applications:,} 件，{args.open:,} 件在办，"
            f"每页 {args.requests} 次"
        )
        ok = report(timings, title)
        if args.explain:
            for t in timings:
                explain(t)
        console.print(f"[dim]{machine()}; {postgres.server_line()}[/]")
    verdict = "[green]全部达标[/]" if ok else "[red]未达标[/]"
    console.print(f"{verdict} (p95 < {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
