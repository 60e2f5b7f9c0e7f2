"""Every page of the project, requested as every kind of user, answers as ONE table says.

The URLs are walked from the URL conf (`get_resolver()`, includes followed; the Django admin and
static files left out), so a new page fails `test_every_url_declares_its_access` until its row is
added here: each page has to say who may open it. Each row fills its URL's path parameters with
real objects of the `World` below (`test_every_row_fills_the_path_parameters_of_its_url`).

To add a page: one `Row("namespace:name", (anonymous, nobody, officer, head, supervisor, admin,
outsider, superuser))` in TABLE, in the section of its app (the failing test prints a row to
start from); `kwargs=` a function of the World giving the path parameters (add the object the
page needs to the World if none fits); `method="POST"` and `data=` for an action, `post_denied`
to also POST as each role the GET turns away.

The answers: ``TO_LOGIN`` (302 to the login page), ``REDIRECT`` (302 elsewhere), 200, 403 (a
forbidden action on something the user may read, or a page none of the user's roles opens), 404
(another agency's application or appeal: its existence must not leak), 405 (a method the view
does not take). ``None``: not requested (a POST that would change the world for a role allowed
to make it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture the world uses)
from xxgk.agencies.services import agency_update
from xxgk.appeals.services import appeal_decide
from xxgk.applications.services import (
    ApplicantData,
    application_event_record,
    application_register,
    attachment_add,
)
from xxgk.enquiries.services import EnquiryData, enquiry_answer, enquiry_submit
from xxgk.online.services import SubmissionData, submission_create
from xxgk.report import editions
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db

TO_LOGIN = "to login"
REDIRECT = "redirect"
L, R = TO_LOGIN, REDIRECT

ROLES = ("anonymous", "nobody", "officer", "head", "supervisor", "admin", "outsider", "superuser")
# The people (tests/conftest.py): officer and head of the bureau; the supervisor and the
# administrator (not a superuser) of the city above it; the outsider, an officer of another city;
# nobody, logged in with no role; and a superuser with no role (`users` below), who administers
# every agency and reads every appeal, but no application.

SKIPPED_NAMESPACES = frozenset({"admin"})  # the admin is scoped by its ModelAdmins (tests/agencies)

Kwargs = Callable[["World"], dict[str, Any]]


@dataclass(frozen=True)
class Row:
    """One request and its expected answer for each of `ROLES`, in order."""

    name: str  # the URL name, namespaced
    expected: tuple[int | str | None, ...]
    kwargs: Kwargs = lambda w: {}
    method: str = "GET"
    query: str = ""
    data: Callable[[World], dict[str, Any]] = lambda w: {}  # what a POST sends
    # Also POST (empty) as each role the GET turns away, expecting the same answer.
    post_denied: bool = False
    note: str = ""  # which variant, when a name has several rows


def _open(w: World) -> dict[str, Any]:
    return {"pk": w.open.pk}


def _enquiry(w: World) -> dict[str, Any]:
    return {"pk": w.enquiry.pk}


def _pending(w: World) -> dict[str, Any]:
    return {"pk": w.pending.pk}


# fmt: off
#                                 anonymous nobody officer head supervisor admin outsider superuser
TABLE: tuple[Row, ...] = (
    Row("home",                          (L, R, R, R, R, R, R, R)),
    Row("login",                         (200, 200, 200, 200, 200, 200, 200, 200)),
    Row("logout",                        (405, 405, 405, 405, 405, 405, 405, 405)),
    Row("logout",                        (L, L, L, L, L, L, L, L), method="POST"),
    # 依申请公开: officers and heads of the bureau handle, the city's supervisor reads.
    Row("applications:queue",            (L, 200, 200, 200, 200, 200, 200, 200)),
    Row("applications:search",           (L, 200, 200, 200, 200, 200, 200, 200)),
    Row("applications:export",           (L, 200, 200, 200, 200, 200, 200, 200)),
    Row("applications:register",         (L, 403, 200, 200, 403, 403, 200, 403), post_denied=True),
    Row("applications:detail",           (L, 404, 200, 200, 200, 404, 404, 404), _open),
    Row("applications:event",            (L, 404, 200, 200, 403, 404, 404, 404),
        lambda w: {"pk": w.open.pk, "kind": EventKind.WITHDRAWN}, post_denied=True),
    Row("applications:event",            (L, 404, 403, 200, 403, 404, 404, 404),
        lambda w: {"pk": w.open.pk, "kind": EventKind.EXTENSION_APPROVED}, post_denied=True,
        note="only a head approves an extension"),
    # 查看完整信息: the bureau's officer and head, with a reason (logged); the supervisor reads
    # the case but not the applicant's data unmasked.
    Row("applications:reveal",           (L, 404, 200, 200, 403, 404, 404, 404), _open,
        post_denied=True),
    Row("applications:reveal",           (L, 404, 200, 200, 403, 404, 404, 404), _open,
        method="POST", data=lambda w: {"reason": "电话联系申请人"}, note="with a reason"),
    Row("applications:grounds",          (L, 404, 200, 200, 200, 404, 404, 404), _open,
        query="outcome=granted&on=2025-10-28"),
    Row("applications:fee",              (L, 404, 200, 200, 200, 404, 404, 404), _open,
        query="fee_basis=by_count"),
    Row("applications:void",             (L, 405, 405, 405, 405, 405, 405, 405), _open),
    # post_denied: an empty (invalid) form is refused as the valid one is, not sent back.
    Row("applications:void",             (L, 404, None, None, 403, 404, 404, 404),
        lambda w: {"pk": w.replied.pk}, method="POST", note="void the reply",
        data=lambda w: {"event": w.reply.pk, "reason": "录错了"}, post_denied=True),
    Row("applications:letter",           (L, 404, 200, 200, 200, 404, 404, 404),
        lambda w: {"pk": w.replied.pk, "key": "granted", "event": w.reply.pk}),
    Row("applications:attachment",       (L, 404, 200, 200, 200, 404, 404, 404),
        lambda w: {"pk": w.attachment.pk}),
    # 行政复议 / 行政诉讼: the same people; the administrator role reads none; a superuser
    # reads every case (the admin's oversight) and writes none.
    Row("appeals:list",                  (L, 403, 200, 200, 200, 403, 200, 200)),
    Row("appeals:register",              (L, 403, 200, 200, 403, 403, 200, 403), post_denied=True),
    Row("appeals:detail",                (L, 404, 200, 200, 200, 404, 404, 200), _pending),
    Row("appeals:correct",               (L, 404, 200, 200, 403, 404, 404, 403), _pending,
        post_denied=True),
    Row("appeals:answer",                (L, 404, 200, 200, 403, 404, 404, 403), _pending,
        post_denied=True),
    Row("appeals:decide",                (L, 404, 200, 200, 403, 404, 404, 403), _pending,
        post_denied=True),
    Row("appeals:decision_correct",      (L, 404, 200, 200, 403, 404, 404, 403),
        lambda w: {"pk": w.decided.pk}, post_denied=True),
    # 主动公开: officers and heads of the bureau keep its register, only the head records the
    # 保密审查, the city's supervisor reads; a record of another agency is not shown to exist.
    Row("disclosures:list",              (L, 403, 200, 200, 200, 403, 200, 403)),
    Row("disclosures:new",               (L, 403, 200, 200, 403, 403, 200, 403), post_denied=True),
    Row("disclosures:figures",           (L, 403, 200, 200, 403, 403, 200, 403), post_denied=True),
    *(Row(f"disclosures:{name}",         expected,
          lambda w: {"pk": w.open.agency.disclosures.create(
              index_number="t/2025-1", title="草稿", publisher="局", kind="other",
              made_on=date(2025, 10, 9), summary="概述", created_by=w.open.created_by).pk},
          post_denied=name == "edit")
      for name, expected in (("detail", (L, 404, 200, 200, 200, 404, 404, 404)),
                             ("edit", (L, 404, 200, 200, 403, 404, 404, 404)))),
    *(Row("disclosures:step",            expected,
          lambda w, step=step: {"step": step, "pk": w.open.agency.disclosures.create(
              index_number="t/2025-1", title="草稿", publisher="局", kind="other",
              made_on=date(2025, 10, 9), summary="概述", created_by=w.open.created_by,
              status="in_review" if step == "review" else "draft").pk},
          method=method, data=lambda w: {"on": "2025-10-10", "opinion": "approved"},
          post_denied=method == "POST", note=f"{method} {step}")
      for step, method, expected in (
          ("submit", "GET", (L, 405, 405, 405, 405, 405, 405, 405)),
          ("submit", "POST", (L, 404, None, None, 403, 404, 404, 404)),
          ("review", "POST", (L, 404, 403, None, 403, 404, 404, 404)))),
    Row("disclosures:attachment",        (L, 404, 200, 200, 200, 404, 404, 404),
        lambda w: {"pk": w.open.agency.disclosures.create(
            index_number="t/2025-1", title="草稿", publisher="局", kind="other",
            made_on=date(2025, 10, 9), created_by=w.open.created_by).attachments.create(
            file=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), name="a.pdf", size=8,
            content_type="application/pdf").pk}),
    # 咨询建议: officers and heads of the bureau answer, the city's supervisor reads; another
    # agency's enquiry is not shown to exist.
    Row("enquiries:list",                (L, 403, 200, 200, 200, 403, 200, 403)),
    Row("enquiries:detail",              (L, 404, 200, 200, 200, 404, 404, 404), _enquiry),
    Row("enquiries:answer",              (L, 405, 405, 405, 405, 405, 405, 405), _enquiry),
    Row("enquiries:answer",              (L, 404, None, None, 403, 404, 404, 404), _enquiry,
        method="POST", data=lambda w: {"answer": "答复。", "answered_on": "2025-11-03"},
        post_denied=True),
    Row("enquiries:unpublish",           (L, 405, 405, 405, 405, 405, 405, 405), _enquiry),
    Row("enquiries:unpublish",           (L, 404, None, None, 403, 404, 404, 404), _enquiry,
        method="POST", data=lambda w: {"reason": "涉及个人事项"}, post_denied=True),
    # The administrator's pages.
    Row("calendar",                      (L, 403, 403, 403, 403, 200, 403, 200), post_denied=True),
    Row("audit",                         (L, 403, 403, 403, 403, 200, 403, 200)),
    # The public portal (政府信息公开专栏): everyone, logged in or not, reads it all.
    *(Row(f"portal:{name}",              (200, 200, 200, 200, 200, 200, 200, 200),
          lambda w: {"agency_id": w.open.agency_id})
      for name in ("agency", "guide", "rules", "statutory", "catalogue", "reports", "apply",
                   "feed_rss", "feed_atom")),
    Row("portal:home",                   (200, 200, 200, 200, 200, 200, 200, 200)),
    # The portal's 咨询建议: anyone asks, looks up and reads published answers, with no login.
    *(Row(f"enquiry_portal:{name}",      (200, 200, 200, 200, 200, 200, 200, 200),
          lambda w: {"agency_id": w.open.agency_id})
      for name in ("answers", "ask", "lookup")),
    Row("enquiry_portal:receipt",        (R, R, R, R, R, R, R, R),
        lambda w: {"agency_id": w.open.agency_id}, note="nothing submitted: the lookup form"),
    Row("enquiry_portal:answer",         (200, 200, 200, 200, 200, 200, 200, 200),
        lambda w: {"agency_id": w.open.agency_id, "pk": w.published.pk}),
    Row("portal:search",                 (200, 200, 200, 200, 200, 200, 200, 200), query="q=公开"),
    Row("portal:disclosure",             (200, 200, 200, 200, 200, 200, 200, 200),
        lambda w: {"index_number": w.open.agency.disclosures.create(
            index_number="014000319/2025-00001", title="公开", publisher="局", kind="other",
            made_on=date(2025, 1, 1), status="published", created_by=w.open.created_by,
        ).index_number}),
    Row("portal:attachment",             (200, 200, 200, 200, 200, 200, 200, 200),
        lambda w: {"pk": w.open.agency.disclosures.create(
            index_number="014000319/2025-00002", title="附件", publisher="局", kind="other",
            made_on=date(2025, 1, 1), status="published", created_by=w.open.created_by,
        ).attachments.create(file=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), name="a.pdf",
                             size=8, content_type="application/pdf").pk}),
    # The online application: the form and the lookup are public; a case opens only to the
    # session that proved its 受理编号 and 查询码 (none here), so every other page is not found.
    Row("online:apply",                  (200, 200, 200, 200, 200, 200, 200, 200),
        lambda w: {"agency_id": w.open.agency_id}),
    Row("online:submitted",              (404, 404, 404, 404, 404, 404, 404, 404),
        lambda w: {"number": w.submission.number}),
    Row("online:lookup",                 (200, 200, 200, 200, 200, 200, 200, 200)),
    Row("online:case",                   (404, 404, 404, 404, 404, 404, 404, 404)),
    *(Row(f"online:{name}",              (405, 405, 405, 405, 405, 405, 405, 405))
      for name in ("correction", "withdraw", "leave")),
    *(Row(f"online:{name}",              (404, 404, 404, 404, 404, 404, 404, 404), method="POST")
      for name in ("correction", "withdraw")),
    Row("online:leave",                  (R, R, R, R, R, R, R, R), method="POST"),
    Row("online:letter",                 (404, 404, 404, 404, 404, 404, 404, 404),
        lambda w: {"key": "granted", "event": w.reply.pk}),
    # Submissions are confirmed by those who register applications of the agency.
    Row("submissions:queue",             (L, 403, 200, 200, 403, 403, 200, 403)),
    Row("submissions:review",            (L, 404, 200, 200, 403, 404, 404, 404),
        lambda w: {"pk": w.submission.pk}, post_denied=True),
    Row("submissions:file",              (L, 404, 200, 200, 403, 404, 404, 404),
        lambda w: {"pk": w.submission.pk, "file_pk": w.submission.files.get().pk}),
    # 年度报告 computed from the records: those who read the agency's applications.
    Row("reports:index",                 (L, 403, 200, 200, 200, 403, 200, 403)),
    Row("reports:step",                  (L, 405, 405, 405, 405, 405, 405, 405),
        lambda w: {"agency_id": w.open.agency_id, "year": 2025}),
    Row("reports:step",                  (L, 404, R, R, R, 404, 404, 404),
        lambda w: {"agency_id": w.open.agency_id, "year": 2025}, method="POST",
        note="no step named: a message, back to the report"),
    Row("portal:report_file",            (404, 404, 404, 404, 404, 404, 404, 404),
        lambda w: {"pk": 1, "form": "pdf"}),
    Row("reports:supervise",             (L, 403, 200, 200, 200, 403, 200, 403), query="year=2025"),
    Row("reports:rollup_xlsx",           (L, 403, 404, 404, 404, 403, 404, 403), query="year=2025",
        note="nothing published in the world: no roll-up"),
    Row("reports:css",                   (200, 200, 200, 200, 200, 200, 200, 200)),
    Row("reports:detail",                (L, 404, 200, 200, 200, 404, 404, 404),
        lambda w: {"agency_id": w.open.agency_id, "year": 2025}),
    Row("reports:cell",                  (L, 404, 200, 200, 200, 404, 404, 404),
        lambda w: {"agency_id": w.open.agency_id, "year": 2025,
                   "cell": "applications.new_received.total"}),
    Row("sitemap",                       (200, 200, 200, 200, 200, 200, 200, 200)),
    Row("set_language",                  (R, R, R, R, R, R, R, R)),
    Row("set_language",                  (R, R, R, R, R, R, R, R), method="POST",
        data=lambda w: {"language": "en", "next": "/gk/"}),
)
# fmt: on


@dataclass
class World:
    """Real objects of the bureau for every URL that names one."""

    open: Any  # an application still running
    replied: Any  # an application replied to (granted), with its letter and an attachment
    reply: Any
    attachment: Any
    pending: Any  # a review awaiting its decision
    decided: Any  # a review decided
    submission: Any  # an online application waiting for confirmation, with a file
    enquiry: Any  # a 咨询 still open
    published: Any  # a 咨询 answered and published


@pytest.fixture
def world(register, lodge, tree, people, media, today) -> World:  # noqa: F811
    today.set(date(2025, 11, 3))
    # What a letter needs to tell the applicant.
    agency_update(
        actor=None,
        agency=tree.bureau,
        address="甲市人民路 1 号",
        short_name="甲自然资",
        review_body="甲市人民政府",
        court="甲市乙区人民法院",
    )
    replied = application_register(
        user=people.officer,
        agency=tree.bureau,
        applicant=ApplicantData(
            applicant_kind="natural_person",
            applicant_name="张三",
            id_number="11010519491231002X",
            phone="13900000000",
            address="甲市人民路 9 号",
        ),
        channel="letter",
        delivery="electronic",
        request_text="2025年度国有建设用地供应计划",
        received_on=date(2025, 9, 26),
    )
    row = editions.for_year(2025).application_row("granted")
    reply = application_event_record(
        user=people.officer,
        application=replied,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 10, 9),
        outcome="granted",
        ground=row.grounds[1],
        note="已提供。",
        detail="以电子邮件发送",  # how the information is provided: the letter says it
    )
    attachment = attachment_add(
        user=people.officer,
        application=replied,
        upload=SimpleUploadedFile("答复.pdf", b"%PDF-1.4"),
        event=reply,
    )
    asked = EnquiryData("question", "刘洋", "13905990001", "查询材料", "需要哪些材料？", True)
    published = enquiry_submit(agency=tree.bureau, data=asked).enquiry
    enquiry_answer(
        user=people.officer,
        enquiry=published,
        answer="身份证件。",
        answered_on=today.value,
        publish=True,
    )
    decided = lodge(date(2025, 9, 1))
    appeal_decide(
        user=people.officer, appeal=decided, decision="review_upheld", decided_on=date(2025, 10, 15)
    )
    return World(
        open=register(date(2025, 10, 27)),
        replied=replied,
        reply=reply,
        attachment=attachment,
        pending=lodge(date(2025, 10, 20)),
        decided=decided,
        submission=submission_create(
            agency=tree.bureau,
            data=SubmissionData(
                applicant_kind="natural_person",
                applicant_name="李四",
                id_document="resident_id",
                id_number="11010519491231002X",
                phone="13900000001",
                request_text="2025年度部门预算",
                way="online",
            ),
            idempotency_key="permissions",
            files=(SimpleUploadedFile("id.pdf", b"%PDF-1.4 id"),),
        ).submission,
        enquiry=enquiry_submit(agency=tree.bureau, data=asked).enquiry,
        published=published,
    )


def _walk(resolver: URLResolver, prefix: str, route: str) -> Iterator[tuple[str, str, set[str]]]:
    """(namespaced name, route, path parameters) of every URL pattern under `resolver`."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _walk(pattern, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            if str(pattern.pattern).startswith(settings.STATIC_URL.lstrip("/")):
                continue
            name = f"{prefix}{pattern.name}" if pattern.name else f"<unnamed: {pattern.pattern}>"
            full = route + str(pattern.pattern)
            yield name, full, set(re.findall(r"<(?:\w+:)?(\w+)>", full))


def project_urls() -> dict[str, tuple[str, set[str]]]:
    """Every URL of the project by name: its route and its path parameters."""
    return {name: (route, params) for name, route, params in _walk(get_resolver(), "", "/")}


def test_every_url_declares_its_access() -> None:
    declared = {row.name for row in TABLE}
    undeclared = {n: route for n, (route, _) in project_urls().items() if n not in declared}
    assert not undeclared, (
        "Pages with no row in TABLE — add one per page, saying what each role gets (read the "
        "view: who may open it, and whether it shows another agency's object):\n"
        + "\n".join(
            f'    Row("{n}", (L, 403, 200, 200, 200, 403, 200, 200)),  # {r}'
            for n, r in sorted(undeclared.items())
        )
    )
    assert not declared - project_urls().keys(), (
        f"Rows for pages that no longer exist: {declared - project_urls().keys()}"
    )


def test_every_row_fills_the_path_parameters_of_its_url(world: World) -> None:
    # The parameters come from the world's real objects, so a row requests a page that exists.
    urls = project_urls()
    wrong = []
    for row in TABLE:
        with transaction.atomic():  # some rows make their object: each in its own savepoint
            got = set(row.kwargs(world))
            transaction.set_rollback(True)
        want = urls[row.name][1]
        if got != want:
            wrong.append(
                f"{row.name} ({row.note or row.method}): fills {sorted(got)}, "
                f"the URL takes {sorted(want)}"
            )
    assert not wrong, "\n".join(wrong)


def test_the_table_is_complete() -> None:
    for row in TABLE:
        assert len(row.expected) == len(ROLES), row.name


def _answer(response: Any) -> int | str:
    if response.status_code == 302:
        return TO_LOGIN if response["Location"].startswith(reverse("login")) else REDIRECT
    return int(response.status_code)


@pytest.fixture
def users(people: Any, django_user_model: Any) -> dict[str, Any]:
    """Each of `ROLES` but the anonymous, by name."""
    found = {who: getattr(people, who) for who in ROLES if hasattr(people, who)}
    found["superuser"] = django_user_model.objects.create_superuser("root", password="x")
    return found


def _client(who: str, users: dict[str, Any]) -> Client:
    client = Client()
    if who != "anonymous":
        client.force_login(users[who])
    return client


def _label(row: Row) -> str:
    return f"{row.method} {row.name}" + (f" ({row.note})" if row.note else "")


@pytest.mark.parametrize("row", TABLE, ids=_label)
def test_each_role_gets_what_the_table_says(row: Row, world: World, users: Any) -> None:
    url = reverse(row.name, kwargs=row.kwargs(world)) + (f"?{row.query}" if row.query else "")
    wrong = []
    for who, expected in zip(ROLES, row.expected, strict=True):
        if expected is None:
            continue
        client = _client(who, users)
        if row.method == "POST":
            got = _answer(client.post(url, row.data(world)))
        else:
            got = _answer(client.generic(row.method, url))
        if got != expected:
            wrong.append(f"{who}: {row.method} {url} answered {got}, the table says {expected}")
        if row.post_denied and expected in (TO_LOGIN, 403, 404):
            posted = _answer(client.post(url, {}))
            if posted != expected:
                wrong.append(f"{who}: POST {url} answered {posted}, the table says {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("row", [r for r in TABLE if r.method == "GET"], ids=_label)
def test_no_select_offers_djangos_empty_choice(row: Row, world: World, users: Any) -> None:
    """An empty choice says what it means (全部, 请选择, 无), never Django's "---------"."""
    url = reverse(row.name, kwargs=row.kwargs(world)) + (f"?{row.query}" if row.query else "")
    for who in ("officer", "supervisor", "admin"):
        response = _client(who, users).get(url)
        html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code == 200 and html and not response.streaming:
            assert "---------" not in response.content.decode(), f"{who}: {url}"


# -- the navigation shows only what the user may open -------------------------------------------

NAVIGATION = {
    "anonymous": [],
    "nobody": [],
    "officer": [
        "待办",
        "查询",
        "登记申请",
        "网上申请",
        "复议诉讼",
        "主动公开",
        "咨询建议",
        "年度报告",
    ],
    "head": [
        "待办",
        "查询",
        "登记申请",
        "网上申请",
        "复议诉讼",
        "主动公开",
        "咨询建议",
        "年度报告",
    ],
    "supervisor": ["待办", "查询", "复议诉讼", "主动公开", "咨询建议", "年度报告"],
    "admin": ["工作日历", "操作日志"],
    "outsider": [
        "待办",
        "查询",
        "登记申请",
        "网上申请",
        "复议诉讼",
        "主动公开",
        "咨询建议",
        "年度报告",
    ],
    "superuser": ["复议诉讼", "工作日历", "操作日志", "系统管理"],
}


def _nav(page: str) -> list[str]:
    match = re.search(r'<nav aria-label="主导航">(.*?)</nav>', page, re.S)
    return re.findall(r">([^<>]+)</a>", match.group(1)) if match else []


@pytest.mark.parametrize("who", ROLES)
def test_the_navigation_shows_only_what_the_user_may_open(who, users) -> None:
    page = _client(who, users).get(reverse("login")).content.decode()
    assert _nav(page) == NAVIGATION[who]


def test_every_link_shown_opens() -> None:
    from xxgk.site.context import NAVIGATION as LINKS

    by_label = {label: name for label, name, _ in LINKS}
    for who, labels in NAVIGATION.items():
        for label in labels:
            if by_label[label].split(":")[0] in SKIPPED_NAMESPACES:
                continue  # the admin: see test_staff_see_the_admin and tests/agencies
            [row] = [r for r in TABLE if r.name == by_label[label] and r.method == "GET"]
            assert row.expected[ROLES.index(who)] == 200, (who, label)


def test_staff_see_the_admin(users) -> None:
    users["admin"].is_staff = True
    users["admin"].save()
    page = _client("admin", users).get(reverse("audit")).content.decode()
    assert _nav(page) == ["工作日历", "操作日志", "系统管理"]


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [
        ("officer", "applications:queue"),
        ("supervisor", "applications:queue"),
        ("admin", "calendar"),  # an administrator reads no applications
    ],
)
def test_home_opens_the_first_page_the_user_may_open(client, people, who, lands_on) -> None:
    from tests.conftest import PASSWORD

    assert client.login(username=getattr(people, who).username, password=PASSWORD)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse(lands_on)
