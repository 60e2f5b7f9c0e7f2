"""`make bench-portal`: the public portal (/gk/) at the scale of a city's register, on PostgreSQL,
served by gunicorn as in production.

Run: ``uv run python -m benchmarks.portal [--disclosures 100000] [--agencies 500]
[--requests 200] [--keep-db] [--rebuild]``. The target (issue: the portal at scale) is p95 < 50 ms
for an agency's catalogue page, a disclosure's page and a search, on a 2-core machine, with
100,000 published disclosures across 500 agencies.

The database is PostgreSQL: a throwaway server this script starts (`benchmarks.postgres`), or,
when DATABASE_URL is set, that server — in a database of its own, ``xxgk_bench_portal`` (the
role needs CREATEDB). It is migrated, and the register is generated — never timed: the agency
tree (a city government, its departments, districts and counties with their departments and
townships) through the agencies' services, then the published disclosures by ``bulk_create``:
Chinese titles, 内容概述 and HTML bodies, 主题分类, 第二十条 items, 文号, 索引号 by each agency's
pattern, made and published from 2019 to 2026, a few in a hundred 政策解读 tied to a 规范性文件.
The search index is then built — timed and reported, not part of the target: by default the
words of each record as the portal cuts them (`xxgk.portal.search.record_terms`, the same rows
`portal_rebuild()` writes) are loaded with ``COPY``; with ``--rebuild`` by `portal_rebuild()`
itself. Then ``VACUUM ANALYZE``.

The portal is served by ``xxgk serve --workers 2`` (gunicorn, DEBUG off) on a free port of
127.0.0.1 in a subprocess, and this process requests the pages over HTTP, one at a time (a sync
worker closes each connection, so every request opens its own): warm-up requests first, then
``--requests`` rounds of the three pages — so that other work on a shared machine falls on all
of them alike — each round an agency's catalogue (a random agency; no filter, a year, a theme,
an item, a 有效性 or a later page), a random record's page (by its 索引号) and a search (two-
character words and longer ones). The peak resident memory (VmHWM) of the gunicorn master and
workers is read from /proc; the machine, its load average and the PostgreSQL version are printed
with the figures. The server and PostgreSQL are stopped at the end.

``--keep-db`` keeps the database (and the throwaway server's cluster, in var/bench-portal) and
reuses it on the next ``--keep-db`` run with the same sizes — migrated first, so that a new index
is measured without generating again.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from rich.console import Console
from rich.table import Table

from benchmarks import postgres, production
from benchmarks.bench import machine
from benchmarks.rss import descendants, status_kib

console = Console(highlight=False)

DATABASE = "xxgk_bench_portal"
KEEP_DIR = Path(__file__).resolve().parents[1] / "var" / "bench-portal"
TARGET_MS = 50.0
WARM_UP = 10  # requests of each page before the timed rounds (both workers get some)
PER_PAGE = 20  # the portal's Paginator
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2026, 11, 30)
REGISTER_VERSION = 1  # of the generated register: a kept database of another is made anew

# Search words: two-character words found inside longer ones, and longer words.
SEARCH_WORDS = (
    "公开",
    "采购",
    "规划",
    "补贴",
    "招聘",
    "预算",
    "行政许可",
    "国有建设用地",
    "政府采购",
    "行政处罚",
    "安全生产",
    "城市更新",
    "土地征收补偿",
    "最低生活保障",
)

# -- a realistic register ---------------------------------------------------------------------

CITY = "甲市"
CITY_DEPARTMENTS = (
    ("人民政府办公室", "政办"),
    ("发展和改革委员会", "发改"),
    ("教育局", "教"),
    ("科学技术局", "科"),
    ("工业和信息化局", "工信"),
    ("公安局", "公"),
    ("民政局", "民"),
    ("司法局", "司"),
    ("财政局", "财"),
    ("人力资源和社会保障局", "人社"),
    ("自然资源和规划局", "自然资规"),
    ("生态环境局", "环"),
    ("住房和城乡建设局", "建"),
    ("交通运输局", "交"),
    ("水利局", "水"),
    ("农业农村局", "农"),
    ("商务局", "商"),
    ("文化广电和旅游局", "文旅"),
    ("卫生健康委员会", "卫健"),
    ("退役军人事务局", "退役军人"),
    ("应急管理局", "应急"),
    ("审计局", "审"),
    ("市场监督管理局", "市监"),
    ("统计局", "统"),
    ("医疗保障局", "医保"),
    ("林业局", "林"),
    ("城市管理局", "城管"),
    ("体育局", "体"),
    ("信访局", "信访"),
    ("地方金融监督管理局", "金融"),
    ("行政审批局", "审批"),
    ("机关事务管理局", "机关事务"),
    ("人民政府国有资产监督管理委员会", "国资"),
    ("民族宗教事务局", "民宗"),
    ("人民政府外事办公室", "外办"),
    ("人民防空办公室", "人防"),
    ("粮食和物资储备局", "粮"),
    ("数据局", "数据"),
    ("政务服务管理办公室", "政务服务"),
)
DISTRICTS = (
    "东湖区",
    "西山区",
    "南江区",
    "北塘区",
    "中心区",
    "临江县",
    "青山县",
    "白水县",
    "石桥县",
    "云岭县",
)
DISTRICT_DEPARTMENTS = 25  # of each district, before its townships
TOWN_FIRST = "东西南北上下新老大小金银石青白红黄马龙凤花柳桃杨梅竹松云"
TOWN_SECOND = "桥湾港岭坪塘山河湖溪口店集庄园林岗坝铺田"
PLACES = ("东湖片区", "高铁新城", "老城区", "经济开发区", "临港产业园", "滨江新区", "北部生态区")
PROJECTS = (
    "城市更新",
    "老旧小区改造",
    "国有建设用地使用权出让",
    "集体土地征收补偿",
    "高标准农田建设",
    "农村人居环境整治",
    "城乡供水一体化",
    "污水处理厂提标改造",
    "中小学校舍新建",
    "社区养老服务设施",
    "公共租赁住房配租",
    "智慧城市建设",
    "道路交通综合整治",
    "河道综合治理",
)
SUBJECTS = (
    "{year}年度政府采购实施计划",
    "{year}年部门预算",
    "{year}年部门决算",
    "{year}年政府信息公开工作年度报告",
    "{place}控制性详细规划",
    "{place}{project}项目",
    "{project}专项资金管理办法",
    "行政许可事项清单（{year}年版）",
    "{year}年度行政处罚决定",
    "{year}年安全生产大检查工作方案",
    "最低生活保障对象认定办法",
    "{year}年事业单位公开招聘工作人员",
    "国有建设用地使用权挂牌出让公告",
    "{year}年重大建设项目批准和实施情况",
    "行政事业性收费项目清单",
    "突发事件应急预案",
    "{project}补贴发放办法",
    "{year}年国民经济和社会发展统计公报",
    "优化营商环境若干措施",
    "{year}年公务员考试录用拟录用人员名单",
)
TITLE_FORMS = (
    "{agency}关于印发《{subject}》的通知",
    "{agency}关于{subject}的公告",
    "关于公开{subject}的公告",
    "{agency}关于{subject}的批复",
    "{subject}",
    "{agency}{subject}",
    "关于{subject}情况的公示",
)
# Subject -> (Art. 20 items, themes by seed name).
TOPICS = {
    "采购": ((9,), ("财政、金融、审计",)),
    "预算": ((7,), ("财政、金融、审计",)),
    "决算": ((7,), ("财政、金融、审计",)),
    "年度报告": ((15,), ("综合政务",)),
    "规划": ((3,), ("国土资源、能源", "城乡建设、环境保护")),
    "项目": ((10,), ("城乡建设、环境保护",)),
    "办法": ((1,), ("综合政务",)),
    "许可": ((5,), ("综合政务",)),
    "处罚": ((6,), ("市场监管、安全生产监管",)),
    "安全生产": ((13,), ("市场监管、安全生产监管",)),
    "最低生活保障": ((11,), ("民政、扶贫、救灾",)),
    "招聘": ((14,), ("劳动、人事、监察",)),
    "出让": ((5, 10), ("国土资源、能源",)),
    "重大建设": ((10,), ("工业、交通",)),
    "收费": ((8,), ("财政、金融、审计",)),
    "应急预案": ((12,), ("公安、安全、司法",)),
    "补贴": ((11,), ("农业、林业、水利",)),
    "统计": ((4,), ("国民经济管理、国有资产监管",)),
    "营商": ((1,), ("商贸、海关、旅游",)),
    "录用": ((14,), ("劳动、人事、监察",)),
}
SENTENCES = (
    "为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步推进{agency}政务公开工作，结合本地实际，制定本方案。",
    "现将{subject}予以公开，公示期为{days}个工作日，公示期间如有异议，请以书面形式向{agency}反映。",
    "本项目位于{place}，总投资约{money}万元，建设内容包括道路、给排水、绿化及配套公共服务设施。",
    "{year}年，全市共办理行政许可事项{count}件，按时办结率达到百分之百，群众满意度持续提升。",
    "各有关单位要高度重视，明确责任分工，细化工作措施，确保各项任务按期完成。",
    "采购项目采用公开招标方式，预算金额{money}万元，供应商应当具备《中华人民共和国政府采购法》第二十二条规定的条件。",
    "宗地位于{place}，出让面积{area}平方米，土地用途为城镇住宅用地，出让年限七十年，起始价{money}万元。",
    "对违反规定的行为，依法依规予以处理；构成犯罪的，依法追究刑事责任。",
    "申请人可通过政务服务网在线提交申请材料，也可到政务服务中心窗口办理，法定办结时限为{days}个工作日。",
    "本办法自印发之日起施行，有效期五年，原有规定与本办法不一致的，以本办法为准。",
    "经研究，同意{place}{project}项目立项，项目资金由市级财政预算安排和上级补助资金统筹解决。",
    "各地要加强对最低生活保障、特困人员救助供养等政策的宣传解读，确保符合条件的困难群众应保尽保。",
    "{year}年事业单位公开招聘工作坚持公开、平等、竞争、择优的原则，招聘岗位共{count}个。",
    "联系电话：0512-{phone}，联系地址：{city}{place}政务服务中心三楼，邮政编码215000。",
    "国民经济运行总体平稳，全年地区生产总值增长百分之{pct}，一般公共预算收入{money}万元。",
    "切实做好安全生产工作，深入开展隐患排查治理，坚决遏制重特大事故发生。",
    "附件：1.{subject}；2.相关政策解读；3.申请表格式文本。",
    "本规划范围东至滨江路，西至环城西路，南至南湖大道，北至铁路线，规划总用地面积{area}公顷。",
)


def _fill(template: str, rng: random.Random, ctx: dict[str, str]) -> str:
    return template.format(
        **ctx,
        days=rng.choice((5, 7, 10, 15, 20)),
        money=rng.randrange(50, 90000),
        count=rng.randrange(20, 9000),
        area=rng.randrange(1000, 250000),
        pct=rng.choice(("五点二", "六点一", "四点八", "三点九")),
        phone=f"{rng.randrange(10**7, 10**8)}",
        city=CITY,
    )


@dataclass
class Shelf:
    """What the timed requests need from the generated register."""

    agencies: list[tuple[int, int]]  # (agency id, its published records)
    index_numbers: list[str]  # a sample of published records' 索引号
    themes: list[int]
    years: list[int]


def agency_tree(count: int) -> list[tuple[Any, str, int]]:
    """The agencies through the agencies' services: (agency, 机关代字, weight of its register).
    A city government and its departments, districts and counties each with departments and
    townships, `count` agencies in all."""
    from xxgk.agencies.models import Level
    from xxgk.agencies.services import agency_create

    made: list[tuple[Any, str, int]] = []
    serial = 0

    def add(name: str, level: str, parent: Any, short: str, weight: int) -> Any:
        nonlocal serial
        serial += 1
        agency = agency_create(
            actor=None,
            name=name,
            level=level,
            parent=parent,
            short_name=short,
            organisation_code=f"11320400MB{serial:07d}X",
        )
        made.append((agency, short, weight))
        return agency

    city = add(f"{CITY}人民政府", Level.CITY, None, "甲政", 10)
    districts = []
    budget = count - 1
    for name, short in CITY_DEPARTMENTS:
        if budget <= 0:
            break
        add(f"{CITY}{name}", Level.DEPARTMENT, city, f"甲{short}", 8)
        budget -= 1
    for name in DISTRICTS:
        if budget <= 0:
            break
        districts.append(
            (add(f"{CITY}{name}人民政府", Level.DISTRICT, city, name[:2] + "政", 5), name)
        )
        budget -= 1
    # Departments and townships of each district in turn, until `count`.
    rng = random.Random(7)  # noqa: S311
    towns: set[str] = set()
    round_ = 0
    while budget > 0 and districts:
        for district, name in districts:
            if budget <= 0:
                break
            if round_ < DISTRICT_DEPARTMENTS:
                dept, short = CITY_DEPARTMENTS[round_ + 1]  # the district has its own office
                add(f"{name}{dept}", Level.DEPARTMENT, district, f"{name[:2]}{short}", 2)
            else:
                town = ""
                while not town or town in towns:
                    town = rng.choice(TOWN_FIRST) + rng.choice(TOWN_SECOND)
                    town += rng.choice(("镇", "街道", "乡"))
                towns.add(town)
                add(f"{name}{town}", Level.TOWNSHIP, district, f"{name[:2]}{town[:2]}", 1)
            budget -= 1
        round_ += 1
    return made


def register(rng: random.Random, count: int, agencies: list[tuple[Any, str, int]], user: Any):
    """The disclosures (unsaved) in the order made, with their themes by seed name."""
    from xxgk.disclosures.choices import Kind, Status, Validity
    from xxgk.disclosures.models import Disclosure

    weights = [w for _, _, w in agencies]
    span = (LAST_DAY - FIRST_DAY).days
    drawn = sorted(
        (
            FIRST_DAY + timedelta(days=rng.randrange(span)),
            rng.choices(range(len(agencies)), weights)[0],
        )
        for _ in range(count)
    )
    sequence: dict[tuple[int, int], int] = {}
    records: list[tuple[Any, tuple[str, ...]]] = []
    for made_on, which in drawn:
        agency, short, _ = agencies[which]
        year = made_on.year
        sequence[which, year] = sequence.get((which, year), 0) + 1
        ctx = {
            "agency": agency.name,
            "year": str(year - rng.randint(0, 1)),
            "place": rng.choice(PLACES),
            "project": rng.choice(PROJECTS),
        }
        subject = rng.choice(SUBJECTS).format(**ctx)
        ctx["subject"] = subject
        title = rng.choice(TITLE_FORMS).format(**ctx)[:300]
        roll = rng.random()
        kind = (
            Kind.NORMATIVE
            if roll < 0.12
            else Kind.REGULATION
            if roll < 0.14
            else Kind.INTERPRETATION
            if roll < 0.17
            else Kind.OTHER
        )
        numbered = kind in (Kind.NORMATIVE, Kind.REGULATION) or rng.random() < 0.35
        kind_mark = (
            "规" if kind in (Kind.NORMATIVE, Kind.REGULATION) else rng.choice(("发", "函", "办"))
        )
        document_number = f"{short}{kind_mark}〔{year}〕{rng.randint(1, 120)}号" if numbered else ""
        items: tuple[int, ...] = ()
        themes: tuple[str, ...] = ("综合政务",)
        for key, (its, ths) in TOPICS.items():
            if key in subject:
                items, themes = its, ths
                break
        if rng.random() < 0.2:
            items = tuple(sorted({*items, rng.randint(1, 15)}))
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            sentences = rng.sample(SENTENCES, rng.randint(2, 4))
            paragraphs.append("<p>" + "".join(_fill(s, rng, ctx) for s in sentences) + "</p>")
        summary = _fill(rng.choice(SENTENCES), rng, ctx)[:200]
        published_on = min(made_on + timedelta(days=rng.randint(1, 25)), LAST_DAY)
        lifecycle = kind in (Kind.NORMATIVE, Kind.REGULATION)
        validity = ""
        if lifecycle:
            validity = Validity.IN_FORCE if rng.random() < 0.85 else Validity.REPEALED
        records.append(
            (
                Disclosure(
                    agency=agency,
                    index_number=agency.index_number(year=year, seq=sequence[which, year]),
                    title=title,
                    document_number=document_number,
                    publisher=agency.name,
                    made_on=made_on,
                    published_on=published_on,
                    kind=kind,
                    items=list(items),
                    summary=summary,
                    body="\n".join(paragraphs),
                    status=Status.PUBLISHED,
                    validity=validity,
                    validity_changed_on=published_on if validity == Validity.REPEALED else None,
                    publish_due_on=made_on + timedelta(days=28),
                    created_by=user,
                ),
                themes,
            )
        )
    return records, sequence


def generate(count: int, agency_count: int, seed: int) -> None:
    """The agency tree and the register. Never timed."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from xxgk.disclosures.choices import Kind
    from xxgk.disclosures.models import Disclosure, IndexCounter, Theme

    rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
    with transaction.atomic():
        user = User.objects.create_user("bench-portal", first_name="经办人")
        agencies = agency_tree(agency_count)
        records, sequence = register(rng, count, agencies, user)
        created = Disclosure.objects.bulk_create([d for d, _ in records], batch_size=2000)
        themes = {t.name: t.pk for t in Theme.objects.filter(parent=None)}
        through = Disclosure.themes.through
        links = [
            through(disclosure_id=d.pk, theme_id=themes[name])
            for d, (_, names) in zip(created, records, strict=True)
            for name in names
            if name in themes
        ]
        through.objects.bulk_create(links, batch_size=5000)
        # 政策解读 explain the agency's latest 规范性文件 made before them.
        latest_rule: dict[int, int] = {}
        explained = []
        for d in created:
            if d.kind == Kind.NORMATIVE:
                latest_rule[d.agency_id] = d.pk
            elif d.kind == Kind.INTERPRETATION and d.agency_id in latest_rule:
                d.related_to_id = latest_rule[d.agency_id]
                explained.append(d)
        Disclosure.objects.bulk_update(explained, ["related_to"], batch_size=2000)
        IndexCounter.objects.bulk_create(
            IndexCounter(agency=agencies[which][0], year=year, last=last)
            for (which, year), last in sequence.items()
        )


def build_index(rebuild: bool) -> tuple[int, int, float]:
    """The search index: (records, rows, seconds). `portal_rebuild()` itself, or the same rows
    (`record_terms` of each published record) loaded with COPY."""
    from django.db import connection, transaction

    from xxgk.disclosures.choices import Status
    from xxgk.disclosures.models import Disclosure
    from xxgk.portal.models import SearchTerm
    from xxgk.portal.search import known_places, record_terms
    from xxgk.portal.services import portal_rebuild

    start = time.perf_counter()
    if rebuild:
        records = portal_rebuild()
        return records, SearchTerm.objects.count(), time.perf_counter() - start
    table = SearchTerm._meta.db_table
    records = rows = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        # Its unique and foreign-key constraints and its indexes are made again after the load,
        # as a restore does: one sort or join each instead of millions of insertions and checks.
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype IN ('u', 'f')",
            [table],
        )
        constraints = cursor.fetchall()
        for name, _ in constraints:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
            " AND indexname NOT IN (SELECT conname FROM pg_constraint"
            " WHERE conrelid = %s::regclass)",
            [table, table],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        published = (
            Disclosure.objects.filter(status=Status.PUBLISHED)
            .only("pk", "title", "summary", "body")
            .order_by("pk")
        )
        copy_sql = f"COPY {table} (disclosure_id, term, weight) FROM STDIN"
        places = known_places()  # as `index_rebuild` indexes them
        last = 0
        while True:  # a chunk read, then copied: one connection cannot do both at once
            chunk = list(published.filter(pk__gt=last)[:2000])
            if not chunk:
                break
            with cursor.cursor.copy(copy_sql) as copy:
                for d in chunk:
                    for term, weight in record_terms(d, places).items():
                        copy.write_row((d.pk, term, weight))
                        rows += 1
            records += len(chunk)
            last = chunk[-1].pk
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for name, definition in constraints:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for _, definition in indexes:
            cursor.execute(definition)
    return records, rows, time.perf_counter() - start


def shelf(rng: random.Random) -> Shelf:
    from django.db.models import Count, Q

    from xxgk.agencies.models import Agency
    from xxgk.disclosures.choices import Status
    from xxgk.disclosures.models import Disclosure, Theme

    agencies = [
        (a.pk, a.n)
        for a in Agency.objects.annotate(
            n=Count("disclosures", filter=Q(disclosures__status=Status.PUBLISHED))
        )
        if a.n
    ]
    ids = list(
        Disclosure.objects.filter(status=Status.PUBLISHED).values_list("index_number", flat=True)
    )
    years = sorted({d.year for d in Disclosure.objects.dates("published_on", "year")})
    return Shelf(
        agencies,
        rng.sample(ids, min(len(ids), 5000)),
        list(Theme.objects.filter(parent=None).values_list("pk", flat=True)),
        years,
    )


# -- the database -------------------------------------------------------------------------------


def setup_django(url: str) -> None:
    production.setup_django(url)


def sizes() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database())),"
            " pg_size_pretty(pg_total_relation_size('portal_searchterm')),"
            " pg_size_pretty(pg_total_relation_size('disclosures_disclosure'))"
        )
        db, index, register = cursor.fetchone()
    return f"数据库 {db}（公开信息表 {register}，检索词表 {index}）"


# -- the server ---------------------------------------------------------------------------------


@contextlib.contextmanager
def gunicorn(
    url: str, folder: Path, extra: dict[str, str] | None = None
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """`xxgk serve --workers 2` on a free port of 127.0.0.1, production settings (and `extra`
    variables); stopped (TERM, gunicorn's graceful stop) when the block ends."""
    port = postgres.free_port()
    env = {
        **os.environ,
        **production.environment(url),
        "XXGK_VAR_DIR": str(folder),  # collectstatic's output, not the checkout's var/
        **(extra or {}),
    }
    xxgk = Path(sys.executable).parent / "xxgk"
    command = [str(xxgk), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
    log = (folder / "gunicorn.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - our own command
        command, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(
                    "xxgk serve 未能启动：\n"
                    + (folder / "gunicorn.log").read_text(errors="replace")
                )
            try:
                status, _ = get(port, "/gk/")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("xxgk serve 60 秒内没有响应")
            time.sleep(0.2)
        yield port, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def get(port: int, path: str) -> tuple[int, int]:
    """One GET over its own connection: (status, body bytes). Sync workers close each one."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        connection.close()


def memory(master: int) -> list[tuple[str, int, float, float]]:
    """(role, pid, peak MiB, current MiB) of the gunicorn master and its workers."""
    found = [("master", master)] + [("worker", pid) for pid in sorted(descendants(master))]
    return [
        (role, pid, status_kib(pid, "VmHWM") / 1024, status_kib(pid, "VmRSS") / 1024)
        for role, pid in found
    ]


# -- the requests -------------------------------------------------------------------------------


@dataclass
class Timing:
    label: str
    ms: list[float] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    by_variant: dict[str, list[float]] = field(default_factory=dict)

    def add(self, variant: str, ms: float, sent: int) -> None:
        self.ms.append(ms)
        self.sent.append(sent)
        self.by_variant.setdefault(variant, []).append(ms)


def quantile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def catalogue_url(rng: random.Random, found: Shelf) -> tuple[str, str]:
    agency, count = rng.choice(found.agencies)
    base = f"/gk/{agency}/catalogue/"
    roll = rng.random()
    if roll < 0.35:
        return "首页 first page", base
    if roll < 0.55:
        last = max(1, -(-count // PER_PAGE))
        return "翻页 later page", f"{base}?page={rng.randint(1, last)}"
    if roll < 0.70:
        return "年份 year", f"{base}?year={rng.choice(found.years)}"
    if roll < 0.82:
        return "主题 theme", f"{base}?theme={rng.choice(found.themes)}"
    if roll < 0.92:
        return "第二十条 item", f"{base}?item={rng.randint(1, 15)}"
    return "有效性 validity", f"{base}?validity=in_force"


def disclosure_url(rng: random.Random, found: Shelf) -> tuple[str, str]:
    return "索引号", "/gk/xxgk/" + quote(rng.choice(found.index_numbers), safe="/") + "/"


def search_url(rng: random.Random, found: Shelf) -> tuple[str, str]:
    word = rng.choice(SEARCH_WORDS)
    query: dict[str, str] = {"q": word}
    if rng.random() < 0.2:
        query["page"] = str(rng.randint(2, 5))
    label = f"“{word}”"
    return label, "/gk/search/?" + urlencode(query)


PAGES = (
    ("机关目录 catalogue", catalogue_url),
    ("信息页面 disclosure", disclosure_url),
    ("检索 search", search_url),
)


def measure(port: int, found: Shelf, requests: int, seed: int) -> list[Timing]:
    rng = random.Random(seed + 1)  # noqa: S311
    for _ in range(WARM_UP):
        for _, make in PAGES:
            get(port, make(rng, found)[1])
    timings = [Timing(label) for label, _ in PAGES]
    for _ in range(requests):
        for timing, (_, make) in zip(timings, PAGES, strict=True):
            variant, path = make(rng, found)
            start = time.perf_counter()
            status, sent = get(port, path)
            ms = (time.perf_counter() - start) * 1000
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status}")
            timing.add(variant, ms, sent)
    return timings


def report(timings: list[Timing], title: str) -> bool:
    table = Table(title=title)
    table.add_column("页面 page")
    for name in ("p50", "p95", "max", "KB", f"<{TARGET_MS:.0f}"):
        table.add_column(name, justify="right")
    ok = True
    for t in timings:
        p95 = quantile(t.ms, 95)
        ok &= p95 < TARGET_MS
        table.add_row(
            t.label,
            f"{statistics.median(t.ms):.1f}",
            f"{p95:.1f}",
            f"{max(t.ms):.1f}",
            f"{statistics.mean(t.sent) / 1024:.1f}",
            "[green]✓[/]" if p95 < TARGET_MS else "[red]✗[/]",
        )
    console.print(table)
    detail = Table(title="按请求类型 (by kind of request)")
    detail.add_column("页面 page")
    detail.add_column("请求 request")
    for name in ("n", "p50", "p95", "max"):
        detail.add_column(name, justify="right")
    for t in timings:
        for variant, ms in sorted(t.by_variant.items(), key=lambda kv: -statistics.median(kv[1])):
            detail.add_row(
                t.label.split()[0],
                variant,
                str(len(ms)),
                f"{statistics.median(ms):.1f}",
                f"{quantile(ms, 95):.1f}",
                f"{max(ms):.1f}",
            )
    console.print(detail)
    console.print(
        "[dim]ms per request over HTTP (connect, request, whole response) from this process; "
        "KB: mean body size.[/]"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disclosures", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep-db", action="store_true", help="keep the database and reuse it next time"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the search index with portal_rebuild()"
    )
    args = parser.parse_args()
    if args.agencies < 12 or args.disclosures < 1:
        parser.error("--agencies must be at least 12, --disclosures at least 1")
    marker = {
        "version": REGISTER_VERSION,
        "disclosures": args.disclosures,
        "agencies": args.agencies,
        "seed": args.seed,
    }
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    console.print(f"[bold]机器 (machine)[/]：{machine()}")
    with (
        postgres.bench_database(DATABASE, keep=args.keep_db, keep_dir=KEEP_DIR, marker=marker) as (
            url,
            reuse,
        ),
        tempfile.TemporaryDirectory(prefix="xxgk-bench-portal.") as folder,
    ):
        setup_django(url)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", interactive=False, verbosity=0)
        console.print(f"[bold]数据库 (database)[/]：{postgres.server_line()}")
        if reuse:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            console.print("沿用已生成的数据 (reusing the kept register)")
        else:
            start = time.perf_counter()
            generate(args.disclosures, args.agencies, args.seed)
            console.print(
                f"生成 (generated) {args.disclosures:,} 条公开信息，{args.agencies} 个机关 "
                f"({time.perf_counter() - start:.0f} s, not timed)"
            )
            records, rows, seconds = build_index(args.rebuild)
            how = "portal_rebuild()" if args.rebuild else "record_terms + COPY"
            console.print(
                f"检索索引 (search index, {how})：{records:,} 条信息，{rows:,} 行，"
                f"{seconds:.0f} s（{records / seconds:,.0f} 条/s）"
            )
            start = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            console.print(f"VACUUM ANALYZE：{time.perf_counter() - start:.0f} s")
        console.print(sizes())
        found = shelf(random.Random(args.seed))  # noqa: S311 - a sample, not a secret
        connection.close()
        with gunicorn(url, Path(folder)) as (port, process):
            console.print(f"gunicorn：http://127.0.0.1:{port}/gk/ （xxgk serve --workers 2）")
            timings = measure(port, found, args.requests, args.seed)
            rss = memory(process.pid)
        ok = report(
            timings,
            f"公开专栏 (ms)：{args.disclosures:,} 条，{args.agencies} 个机关，"
            f"每页 {args.requests} 次",
        )
        memory_table = Table(title="gunicorn 内存 (MiB)")
        for name in ("进程 process", "pid", "峰值 VmHWM", "结束时 VmRSS"):
            memory_table.add_column(name, justify="right")
        for role, pid, peak, now in rss:
            memory_table.add_row(role, str(pid), f"{peak:.0f}", f"{now:.0f}")
        memory_table.add_row(
            "合计 total", "", f"{sum(r[2] for r in rss):.0f}", f"{sum(r[3] for r in rss):.0f}"
        )
        console.print(memory_table)
        console.print(f"[dim]{machine()}; {postgres.server_line()}[/]")
    verdict = "[green]全部达标[/]" if ok else "[red]未达标[/]"
    console.print(f"{verdict} (p95 < {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
