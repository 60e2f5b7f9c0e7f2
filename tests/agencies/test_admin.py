"""The Django admin asks the policy: a staff administrator of one city sees and changes only
that city's subtree; applications are in no one's admin."""

from datetime import date

import pytest
from django.urls import reverse

from xxgk.agencies.models import Agency, Membership, Role
from xxgk.agencies.services import membership_add
from xxgk.audit.models import AuditEventType, AuditLog

pytestmark = pytest.mark.django_db

AGENCY_FORM = {
    "level": "department",
    "document_number_pattern": "{short}政信公〔{year}〕{seq}号",
    "correction_period_days": 15,
    "reasons_period_days": 10,
    "fee_pauses_clock": "on",
    "enquiry_answer_days": 10,
}


@pytest.fixture
def staff(people):
    """The city's administrator, let into the admin (staff, not a superuser)."""
    people.admin.is_staff = True
    people.admin.save()
    return people.admin


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def changelist(client, name: str) -> str:
    response = client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200, name
    return response.content.decode()


def test_the_index_shows_the_administrators_models_only(admin_client) -> None:
    page = admin_client.get(reverse("admin:index")).content.decode()
    for name in ("agencies/agency", "agencies/membership", "audit/auditlog"):
        assert f"/admin/{name}/" in page, name
    for name in ("applications/lettertemplate", "applications/calendaryear"):
        assert f"/admin/{name}/" in page, name
    assert "applications/application/" not in page
    assert "appeals/appeal/" not in page  # the administrator role reads no appeals
    assert "auth/user/" not in page  # Django's own permissions, which this user lacks


def test_agencies_and_staff_of_the_subtree_only(admin_client, tree, people) -> None:
    page = changelist(admin_client, "agencies_agency")
    for agency in (tree.city, tree.bureau, tree.district, tree.township):
        assert agency.name in page
    assert tree.other_city.name not in page
    page = changelist(admin_client, "agencies_membership")
    assert "officer" in page
    assert "outsider" not in page
    outside = Membership.objects.get(user=people.outsider)
    for view in ("change", "delete"):
        url = reverse(f"admin:agencies_membership_{view}", args=[outside.pk])
        assert admin_client.get(url).status_code == 302  # "no such object": back to the index
    url = reverse("admin:agencies_agency_change", args=[tree.other_city.pk])
    assert admin_client.get(url).status_code == 302


def test_an_agency_is_added_only_under_the_subtree(admin_client, tree) -> None:
    add = reverse("admin:agencies_agency_add")
    page = admin_client.get(add).content.decode()
    assert tree.other_city.name not in page
    top = admin_client.post(add, {**AGENCY_FORM, "name": "戊市人民政府", "level": "city"})
    assert top.status_code == 200
    assert "只能设在您管理的机关之下" in top.content.decode()
    outside = admin_client.post(
        add, {**AGENCY_FORM, "name": "丁市教育局", "parent": tree.other_city.pk}
    )
    assert outside.status_code == 200
    assert not Agency.objects.filter(name="丁市教育局").exists()
    inside = admin_client.post(
        add, {**AGENCY_FORM, "name": "乙区教育局", "parent": tree.district.pk}
    )
    assert inside.status_code == 302
    created = Agency.objects.get(name="乙区教育局")
    assert created.path.startswith(tree.district.path)
    assert AuditLog.objects.get(event_type=AuditEventType.AGENCY_CREATED, agency=created)


def test_the_top_of_the_subtree_keeps_its_place(admin_client, tree) -> None:
    url = reverse("admin:agencies_agency_change", args=[tree.city.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="parent"' not in page  # read-only: the city's parent is not the administrator's
    district = reverse("admin:agencies_agency_change", args=[tree.district.pk])
    assert 'name="parent"' in admin_client.get(district).content.decode()


def test_roles_are_given_only_in_the_subtree(admin_client, tree, people) -> None:
    add = reverse("admin:agencies_membership_add")
    outside = admin_client.post(
        add, {"user": people.nobody.pk, "agency": tree.other_city.pk, "role": Role.OFFICER}
    )
    assert outside.status_code == 200
    assert not Membership.objects.filter(user=people.nobody).exists()
    inside = admin_client.post(
        add, {"user": people.nobody.pk, "agency": tree.township.pk, "role": Role.OFFICER}
    )
    assert inside.status_code == 302
    assert Membership.objects.get(user=people.nobody).agency == tree.township


def test_the_agency_autocomplete_offers_the_subtree(admin_client, tree) -> None:
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "agencies", "model_name": "membership", "field_name": "agency"},
    )
    names = {r["text"] for r in response.json()["results"]}
    assert names == {a.name for a in (tree.city, tree.bureau, tree.district, tree.township)}


def test_the_audit_log_of_the_subtree_read_only(
    admin_client, tree, people, register, today
) -> None:
    today.set(date(2025, 10, 20))
    application = register(date(2025, 9, 26), applicant_name="保密申请人")
    membership_add(actor=None, user=people.nobody, agency=tree.other_city, role=Role.OFFICER)
    page = changelist(admin_client, "audit_auditlog")
    assert application.number in page
    assert "保密申请人" not in page
    assert "nobody" not in page  # the other city's membership record
    registered = AuditLog.objects.get(event_type=AuditEventType.APPLICATION_REGISTERED)
    url = reverse("admin:audit_auditlog_change", args=[registered.pk])
    shown = admin_client.get(url).content.decode()
    assert "收到申请之日" in shown
    assert "保密申请人" not in shown
    record = AuditLog.objects.filter(agency=tree.other_city).first()
    url = reverse("admin:audit_auditlog_change", args=[record.pk])
    assert admin_client.get(url).status_code == 302
    assert admin_client.get(reverse("admin:audit_auditlog_add")).status_code == 403


def test_calendar_years_cannot_be_changed_or_deleted_in_the_admin(admin_client) -> None:
    from xxgk.applications.models import CalendarYear

    # Only the calendar page enters a year, re-dating every running case.
    year = CalendarYear.objects.create(year=2031, holidays=["2031-01-01"], workdays=[])
    changelist(admin_client, "applications_calendaryear")
    assert admin_client.get(reverse("admin:applications_calendaryear_add")).status_code == 403
    delete = reverse("admin:applications_calendaryear_delete", args=[year.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert CalendarYear.objects.filter(pk=year.pk).exists()


def test_a_staff_officer_sees_nothing_to_administer(client, people) -> None:
    people.officer.is_staff = True
    people.officer.save()
    client.force_login(people.officer)
    assert client.get(reverse("admin:agencies_agency_changelist")).status_code == 403
    assert client.get(reverse("admin:audit_auditlog_changelist")).status_code == 403
    # Appeals, which an officer reads: the agency's own, read-only.
    assert client.get(reverse("admin:appeals_appeal_changelist")).status_code == 200
    assert client.get(reverse("admin:appeals_appeal_add")).status_code == 403


def test_a_superuser_administers_every_agency(client, tree, django_user_model) -> None:
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    page = changelist(client, "agencies_agency")
    assert tree.other_city.name in page
    top = client.post(
        reverse("admin:agencies_agency_add"),
        {**AGENCY_FORM, "name": "戊市人民政府", "level": "city"},
    )
    assert top.status_code == 302
    assert "applications/application/" not in client.get(reverse("admin:index")).content.decode()


def test_changing_the_fee_policy_redates_the_agencys_open_cases(
    client, tree, people, register, today
) -> None:
    from datetime import date

    from django.urls import reverse

    from xxgk.applications.services import application_event_record
    from xxgk.workdays.clock import EventKind

    today.set(date(2024, 10, 20))
    application = register(date(2024, 9, 30))  # reply due 2024-11-01
    for kind, on, fields in (
        (EventKind.FEE_NOTICE_SENT, date(2024, 10, 8), {"fee_basis": "pages", "pages": 40}),
        (EventKind.FEE_NOTICE_DELIVERED, date(2024, 10, 8), {}),
        (EventKind.FEE_PAID, date(2024, 10, 15), {}),
    ):
        application_event_record(
            user=people.officer, application=application, kind=kind, on=on, **fields
        )
    application.refresh_from_db()
    assert application.due_on == date(2024, 11, 11)  # the wait for payment not counted
    people.admin.is_staff = True
    people.admin.save()
    assert client.login(username="admin", password="pw-for-tests-only")
    url = reverse("admin:agencies_agency_change", args=[tree.bureau.pk])
    form = {
        "name": tree.bureau.name,
        "level": tree.bureau.level,
        "parent": tree.bureau.parent_id,
        "address": tree.bureau.address,
        "phone": tree.bureau.phone,
        "short_name": tree.bureau.short_name,
        "document_number_pattern": tree.bureau.document_number_pattern,
        "review_body": tree.bureau.review_body,
        "court": tree.bureau.court,
        "fee_payment": tree.bureau.fee_payment,
        "correction_period_days": 15,
        "reasons_period_days": 10,
        "enquiry_answer_days": 10,
        # fee_pauses_clock unticked: the wait now counts
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.due_on == date(2024, 11, 1)
