"""`make bench-online`: the public's online application and its lookup under gunicorn, with a
million applications in PostgreSQL.

Run: ``uv run python -m benchmarks.online [--applications 1000000] [--cases 20000]
[--requests 200] [--keep-db]``. The targets (issue: 依申请公开 online): submitting the form
p95 < 100 ms, looking a case up p95 < 30 ms, with 1,000,000 applications in the database.

The database is PostgreSQL: a throwaway server this script starts (`benchmarks.postgres`), or the
server of DATABASE_URL, in a database of its own (``xxgk_bench_online``). It is migrated, and the
register generated — never timed: the agency tree and staff of the back-office benchmark
(`benchmarks.queue`), its applications (nine in ten in one bureau, received 2021–2026, one in
twenty open) with their events, the applicants' personal data sealed as the model seals it (the
benchmark's own data key), then ``--cases`` of the bureau's applications made online: a
confirmed submission each, with its 受理编号 and a 查询码 derived from the seed (only the hash is
stored, as always). Then ``VACUUM ANALYZE``.

The portal is served by ``xxgk serve --workers 2`` (gunicorn, production settings) on 127.0.0.1,
its rate limits raised for the run (every request comes from one address), and this process
requests over HTTP, one request per connection, keeping cookies as a browser does: warm-up
requests, then ``--requests`` rounds of three requests —

- **submit**: the form POSTed (a valid ID number drawn each time, a fresh form key, the CSRF
  token of a form page fetched once), answered by the redirect to the receipt;
- **lookup**: the 受理编号 and 查询码 of a random case POSTed to 申请查询, answered by the redirect
  that opens the case for the session;
- **case**: that case's page (status, steps, deadline, letters), with the session cookie.

Each time is the whole request: connect, send, read the response to its end. The peak memory of
the gunicorn processes is printed. ``--keep-db`` keeps the database (and a throwaway server's
cluster, in var/bench-online) for the next run of the same sizes.
"""

from __future__ import annotations

import argparse
import http.client
import random
import re
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from rich.console import Console
from rich.table import Table

from benchmarks import portal, postgres, production, queue
from benchmarks.bench import machine

console = Console(highlight=False)

DATABASE = "xxgk_bench_online"
KEEP_DIR = Path(__file__).resolve().parents[1] / "var" / "bench-online"
TARGETS = {"submit": 100.0, "lookup": 30.0, "case": 30.0}
WARM_UP = 10
CHUNK = 20_000
VERSION = 2  # of the generated data: a kept database of another is made anew
# One address sends every request: the public forms' limits would stop the run at once.
UNLIMITED = dict.fromkeys(
    (
        "XXGK_SUBMIT_RATE",
        "XXGK_SUBMIT_IDENTITY_RATE",
        "XXGK_LOOKUP_RATE",
        "XXGK_LOOKUP_NUMBER_RATE",
    ),
    "1000000/m",
)


def case_code(seed: int, i: int) -> str:
    """The 查询码 of the i-th generated case: derived, so that a kept database needs no list."""
    from xxgk.privacy.codes import ALPHABET, LENGTH

    rng = random.Random(f"{seed}:{i}")  # noqa: S311 - made-up cases, not secrets
    raw = "".join(rng.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[k : k + 4] for k in range(0, LENGTH, 4))


def case_number(i: int) -> str:
    return f"20250101{i:06d}"


def generate(applications: int, cases: int, seed: int) -> None:
    """The register (as `benchmarks.queue` makes it, in chunks) and the online cases."""
    from django.db import connection, transaction
    from django.utils import timezone

    from xxgk.applications.models import Application, ApplicationEvent
    from xxgk.applications.models.application import id_number_index
    from xxgk.online.models import Submission, SubmissionStatus
    from xxgk.privacy.codes import code_hash

    rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
    today = timezone.localdate()
    with transaction.atomic():
        agencies, staff = queue.agencies_and_staff()
        rows = queue.register_rows(rng, applications, applications // 20, today)
        for start in range(0, len(rows), CHUNK):
            part = rows[start : start + CHUNK]
            created = Application.objects.bulk_create(
                [Application(agency=agencies[k], created_by=staff[k], **f) for k, f in part]
            )
            events = queue.events_of(created, part, staff)
            ApplicationEvent.objects.bulk_create(events, batch_size=5000)
            console.print(f"  {start + len(part):,} / {len(rows):,}", end="\r")
        del rows
        # Cases whose generated timeline the clock replays (received, and replied if closed):
        # the back-office benchmark's other closings are stored columns without their steps.
        online = Application.objects.filter(
            agency=agencies["large"],
            applicant_kind="natural_person",
            status__in=("in_progress", "replied"),
        ).order_by("-received_on")[:cases]
        submissions = []
        for i, application in enumerate(online.iterator(chunk_size=2000)):
            submissions.append(
                Submission(
                    agency=application.agency,
                    number=case_number(i),
                    code_hash=code_hash(case_code(seed, i)),
                    idempotency_key=f"bench-{i}",
                    status=SubmissionStatus.CONFIRMED,
                    applicant_kind=application.applicant_kind,
                    applicant_name=application.applicant_name,
                    id_document="resident_id",
                    id_number=application.id_number,
                    id_number_index=id_number_index(application.id_number),  # no save()
                    phone=application.phone,
                    request_text=application.request_text,
                    way="online",
                    decided_at=timezone.now() - timedelta(days=1),
                    application=application,
                )
            )
        Submission.objects.bulk_create(submissions, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def sizes() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database())),"
            " (SELECT count(*) FROM applications_application),"
            " (SELECT count(*) FROM online_submission)"
        )
        size, applications, submissions = cursor.fetchone()
    return f"数据库 {size}：申请 {applications:,} 件，网上申请 {submissions:,} 件"


# -- the requests -------------------------------------------------------------------------------


@dataclass
class Browser:
    """Cookies kept across requests, as a browser keeps them; one connection per request."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        """(status, Location, body) of one request over its own connection."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Accept-Language": "zh-CN,zh;q=0.9"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers.get("Location", ""), text
        finally:
            connection.close()


@dataclass
class Timing:
    label: str
    ms: list[float] = field(default_factory=list)


def valid_id(rng: random.Random) -> str:
    from xxgk.applications.identifiers import id_number_check_char

    first17 = f"320402{1950 + rng.randrange(60)}{1 + rng.randrange(12):02d}"
    first17 += f"{1 + rng.randrange(28):02d}{rng.randrange(1000):03d}"
    return first17 + id_number_check_char(first17)


def timed(timing: Timing, call: object) -> tuple[int, str, str]:
    start = time.perf_counter()
    result = call()  # type: ignore[operator]
    timing.ms.append((time.perf_counter() - start) * 1000)
    return result  # type: ignore[no-any-return]


def measure(port: int, agency: int, cases: int, requests: int, seed: int) -> list[Timing]:
    rng = random.Random(seed + 1)  # noqa: S311
    public = Browser(port)
    status, _, form_page = public.request("GET", f"/gk/{agency}/apply/online/")
    if status != 200:
        raise RuntimeError(f"the form page answered {status}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)  # type: ignore[union-attr]
    timings = {name: Timing(name) for name in TARGETS}

    def submit() -> tuple[int, str, str]:
        return public.request(
            "POST",
            f"/gk/{agency}/apply/online/",
            {
                "csrfmiddlewaretoken": token,
                "key": f"bench-{rng.getrandbits(64):x}",
                "applicant_kind": "natural_person",
                "applicant_name": "王五",
                "id_document": "resident_id",
                "id_number": valid_id(rng),
                "phone": f"139{rng.randrange(10**8):08d}",
                "request_text": "申请公开2025年度国有建设用地供应计划",
                "delivery": "electronic",
                "way": "online",
            },
        )

    for round_ in range(WARM_UP + requests):
        warm = round_ < WARM_UP
        sink = Timing("warm-up") if warm else None
        status, location, _ = timed(sink or timings["submit"], submit)
        if status != 302 or "/gk/apply/" not in location:
            raise RuntimeError(f"submit answered {status} {location}")
        i = rng.randrange(cases)
        reader = Browser(port, {"csrftoken": public.cookies["csrftoken"]})
        status, location, _ = timed(
            sink or timings["lookup"],
            lambda i=i, reader=reader: reader.request(
                "POST",
                "/gk/lookup/",
                {
                    "csrfmiddlewaretoken": token,
                    "number": case_number(i),
                    "code": case_code(seed, i),
                },
            ),
        )
        if status != 302:
            raise RuntimeError(f"lookup answered {status}")
        status, _, body = timed(
            sink or timings["case"],
            lambda reader=reader, location=location: reader.request("GET", location),
        )
        if status != 200 or case_number(i) not in body:
            raise RuntimeError(f"the case page answered {status}")
    return list(timings.values())


def report(timings: list[Timing], title: str) -> bool:
    table = Table(title=title)
    for name in ("请求 request", "n", "p50", "p95", "max", "目标 target"):
        table.add_column(name, justify="right" if name != "请求 request" else "left")
    ok = True
    labels = {"submit": "提交申请 submit", "lookup": "申请查询 lookup", "case": "办理情况 case"}
    for t in timings:
        p95 = portal.quantile(t.ms, 95)
        target = TARGETS[t.label]
        ok &= p95 < target
        mark = "[green]✓[/]" if p95 < target else "[red]✗[/]"
        table.add_row(
            labels[t.label],
            str(len(t.ms)),
            f"{statistics.median(t.ms):.1f}",
            f"{p95:.1f}",
            f"{max(t.ms):.1f}",
            f"< {target:.0f} {mark}",
        )
    console.print(table)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=20_000, help="applications made online")
    parser.add_argument("--requests", type=int, default=200, help="timed rounds")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep-db", action="store_true", help="keep the database for next time")
    args = parser.parse_args()
    if args.applications < 100 or not 1 <= args.cases <= args.applications // 2:
        parser.error("--applications at least 100; --cases from 1 to half the applications")
    marker = {"version": VERSION, "applications": args.applications, "cases": args.cases}
    marker["seed"] = args.seed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")
    with (
        postgres.bench_database(DATABASE, keep=args.keep_db, keep_dir=KEEP_DIR, marker=marker) as (
            url,
            reuse,
        ),
        tempfile.TemporaryDirectory(prefix="xxgk-bench-online.") as folder,
    ):
        production.setup_django(url)
        from django.core.management import call_command
        from django.db import connection

        from xxgk.agencies.models import Agency

        call_command("migrate", interactive=False, verbosity=0)
        console.print(f"[bold]数据库 (database)[/]：{postgres.server_line()}")
        if reuse:
            console.print("沿用已生成的数据 (reusing the kept register)")
        else:
            start = time.perf_counter()
            generate(args.applications, args.cases, args.seed)
            console.print(
                f"生成 (generated) {args.applications:,} 件申请，{args.cases:,} 件网上申请 "
                f"({time.perf_counter() - start:.0f} s, not timed)"
            )
        console.print(sizes())
        agency = Agency.objects.get(name="甲市自然资源和规划局").pk
        connection.close()
        with portal.gunicorn(url, Path(folder), UNLIMITED) as (port, process):
            console.print(f"gunicorn：http://127.0.0.1:{port}/gk/ （xxgk serve --workers 2）")
            timings = measure(port, agency, args.cases, args.requests, args.seed)
            rss = portal.memory(process.pid)
        ok = report(timings, f"网上申请 (ms)：{args.applications:,} 件申请，{args.requests} 轮")
        peak = sum(r[2] for r in rss)
        console.print(f"gunicorn 峰值内存 (peak memory)：{peak:.0f} MiB（{len(rss)} 个进程）")
        console.print(f"[dim]{machine()}; {postgres.server_line()}[/]")
    verdict = "[green]全部达标[/]" if ok else "[red]未达标[/]"
    console.print(verdict)


if __name__ == "__main__":
    main()
