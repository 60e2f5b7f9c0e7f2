"""The demo loads (on SQLite, and on PostgreSQL when DATABASE_URL points there), once."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from xxgk.agencies.models import Agency, Level
from xxgk.applications.clock import live_events, state_of
from xxgk.applications.models import Application
from xxgk.report import editions
from xxgk.site.demo import PASSWORD, demo_accounts, demo_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_profile")]


def test_demo_loads_once_with_every_outcome(media) -> None:
    assert demo_load() is True
    counts = (Agency.objects.count(), Application.objects.count(), get_user_model().objects.count())
    assert demo_load() is False
    assert (
        Agency.objects.count(),
        Application.objects.count(),
        get_user_model().objects.count(),
    ) == counts

    levels = sorted(Agency.objects.values_list("level", flat=True))
    assert levels.count(Level.DEPARTMENT) == 4  # the government office and three departments
    assert {Level.CITY, Level.DISTRICT, Level.TOWNSHIP} <= set(levels)

    outcomes = set(Application.objects.exclude(outcome="").values_list("outcome", flat=True))
    assert {r.key for r in editions.get("2021").outcome_rows} <= outcomes
    years = set(Application.objects.values_list("received_on__year", flat=True))
    assert {2025, 2026} <= years or {2025, timezone.localdate().year} <= years

    apps = list(Application.objects.all())
    assert sum(a.carried_forward for a in apps) >= 3
    today = timezone.localdate()
    states = [state_of(live_events(a.events.all()), today=today) for a in apps if a.is_open]
    assert any(s.overdue for s in states)
    assert any(s.due_on and s.due_on >= today for s in states)
    assert {"in_consultation", "awaiting_correction", "awaiting_fee"} <= {s.status for s in states}
    # The stored columns are what the clock says.
    for a in apps:
        state = state_of(live_events(a.events.all()))
        assert a.status == state.status


def test_demo_accounts_log_in_and_see_their_work(client, media) -> None:
    demo_load()
    accounts = demo_accounts()
    assert {"admin", "officer", "head", "supervisor"} <= {u for u, _, _ in accounts}
    assert client.login(username="officer", password=PASSWORD)
    assert client.get(reverse("applications:queue")).status_code == 200
    mine = Application.objects.filter(agency__name="江城市自然资源和规划局").first()
    assert client.get(reverse("applications:detail", args=[mine.pk])).status_code == 200
    district = Application.objects.filter(agency__name="江城市东湖区人民政府").first()
    assert client.get(reverse("applications:detail", args=[district.pk])).status_code == 404
    client.logout()
    assert client.login(username="supervisor", password=PASSWORD)
    assert client.get(reverse("applications:detail", args=[district.pk])).status_code == 200


def test_demo_dates_do_not_depend_on_the_year_it_is_loaded(today, media) -> None:
    today.set(date(2026, 3, 2))
    demo_load()
    assert Application.objects.filter(received_on__gt=date(2026, 3, 2)).count() == 0


def test_every_letter_of_the_demo_can_be_sent(media) -> None:
    """Each letter the demo's timelines call for renders: no fact it must state is missing, a
    letter that points to 附件 has one, and each letter has its agency's 发文字号."""
    from xxgk.applications.letters.render import letter_of, letter_render, letters_available
    from xxgk.applications.letters.texts import body

    demo_load()
    keys = set()
    for application in Application.objects.select_related("agency"):
        for letter in letters_available(application):
            name, content = letter_render(application, letter.key, letter.event.pk)
            assert content.startswith(b"PK"), name
            facts = letter_of(application, letter)
            text = "".join(body(facts))
            attachments = getattr(facts.facts, "attachments", ())
            assert "附件" not in text or attachments, f"{name}: 附件 named, none attached"
            assert facts.number.endswith("号"), f"{name}: 发文字号 {facts.number}"
            keys.add(letter.key)
    assert keys >= {
        "receipt",
        "correction",
        "reasons",
        "consultation",
        "third_party",
        "extension",
        "fee",
        "granted",
        "partial",
        "denied",
        "unable",
        "not_processed",
        "other",
    }


def test_every_demo_date_is_a_working_day(media) -> None:
    from xxgk.applications.models import ApplicationEvent
    from xxgk.workdays import Calendar

    demo_load()
    calendar = Calendar()
    rest = [
        (e.application.number, e.get_kind_display(), e.on)
        for e in ApplicationEvent.objects.select_related("application")
        if calendar.covers(e.on.year) and not calendar.is_workday(e.on)
    ]
    assert rest == []


def test_the_demo_portal_shows_the_register(client, media) -> None:
    """The public sees the demo's published records, guides and 制度, and finds them by search
    (the register's services keep the portal's index)."""
    from xxgk.disclosures.models import Disclosure

    demo_load()
    letter = Disclosure.objects.get(title="致在江城外籍人士的一封公开信")
    page = client.get(reverse("portal:disclosure", args=[letter.index_number]))
    assert page.status_code == 200
    assert "致在江城外籍人士的一封公开信" in page.content.decode()
    found = client.get(reverse("portal:search"), {"q": "公开信"}).content.decode()
    assert letter.index_number in found or "致在江城外籍人士的一封公开信" in found
    guide = client.get(reverse("portal:guide", args=[letter.agency_id])).content.decode()
    assert "政务公开办公室" in guide
    rules = client.get(reverse("portal:rules", args=[letter.agency_id])).content.decode()
    assert "保密审查制度" in rules


def test_the_demo_officer_has_online_applications_to_confirm(client, media) -> None:
    """Three submissions wait at the 自然资源和规划局; one resembles the same person's
    application confirmed just before, and its page says so."""
    from xxgk.online.models import Submission, SubmissionStatus

    demo_load()
    waiting = Submission.objects.filter(status=SubmissionStatus.SUBMITTED)
    assert waiting.count() == 3
    client.login(username="officer", password=PASSWORD)
    queue = client.get(reverse("submissions:queue")).content.decode()
    assert "Maria Keller" in queue
    repeat = waiting.get(request_text__startswith="请公开东湖区")
    html = client.get(reverse("submissions:review", args=[repeat.pk])).content.decode()
    assert "可能的重复申请" in html


def test_the_demo_has_a_report_published_one_submitted_one_blocked(client, media) -> None:
    from xxgk.reports.models import AnnualReport
    from xxgk.reports.services import report_of

    demo_load()
    found = {r.agency.name: r for r in AnnualReport.objects.select_related("agency")}
    assert found["江城市自然资源和规划局"].status == "published"
    assert found["江城市生态环境局"].status == "submitted"
    blocked = found["江城市住房和城乡建设局"]
    assert blocked.status == "draft"
    assert any(f.rule == "compute.figure_missing" for f in report_of(blocked).findings)
    portal = client.get(
        reverse("portal:reports", args=[found["江城市自然资源和规划局"].agency_id])
    ).content.decode()
    assert "2025年度报告" in portal
