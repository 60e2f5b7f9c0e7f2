"""Applicants' personal data: sealed in the database, found by its blind index, masked on the
page and in the export, shown in full only to the handling agency's officers with a reason
(logged), and re-sealed by the key rotation."""

from __future__ import annotations

import csv
import io
import secrets
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tests.conftest import PASSWORD
from xxgk.applications.models import Application
from xxgk.applications.models.sealed import keyring
from xxgk.applications.personal_data import RevealRefused, applicant_reveal, data_key_rotate
from xxgk.applications.services import applicant_month_position, application_event_record
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.privacy.keys import DEMO_KEY, DataKey
from xxgk.privacy.sealing import SealError, kid_of
from xxgk.workdays.clock import EventKind

pytestmark = pytest.mark.django_db

ID = "11010519491231002X"
PERSON = {
    "id_number": ID,
    "phone": "13812345678",
    "email": "zhangsan@example.com",
    "address": "江城市东湖区湖滨路12号",
}


def raw(application: Application, *, index: bool = True) -> dict[str, str]:
    """The stored text of the sealed columns (and the blind index), read past the ORM."""
    columns = ["id_number", "phone", "email", "address", *(["id_number_index"] if index else [])]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM applications_application WHERE id = %s",
            [application.pk],
        )
        row = cursor.fetchone()
    return dict(zip([*PERSON, "index"][: len(columns)], row, strict=True))


def login(client, user) -> None:
    assert client.login(username=user.username, password=PASSWORD)


def test_the_data_comes_back_and_the_database_holds_only_ciphertext(register) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    again = Application.objects.get(pk=application.pk)
    assert {k: getattr(again, k) for k in PERSON} == PERSON
    stored = raw(application)
    kid = keyring().current.kid
    for name, plain in PERSON.items():
        assert plain not in stored[name]
        assert kid_of(stored[name]) == kid
    assert ID not in stored["index"]
    assert stored["index"].startswith(f"{kid}:")


def test_an_organisation_has_no_id_number_nor_index(register) -> None:
    company = register(
        date(2025, 9, 26),
        applicant_kind="commercial",
        applicant_name="甲公司",
        id_number="",
        credit_code="91350100M000100Y43",
    )
    stored = raw(company)
    assert (stored["id_number"], stored["index"]) == ("", "")
    assert Application.objects.get(pk=company.pk).credit_code == "91350100M000100Y43"


def test_the_same_applicant_is_found_by_the_blind_index(register) -> None:
    first = register(date(2025, 9, 1), **PERSON)
    register(date(2025, 9, 2), id_number="110105194912311233")  # someone else
    second = register(date(2025, 9, 3), **{**PERSON, "id_number": ID.lower()})
    assert applicant_month_position(application=first) == 1
    assert applicant_month_position(application=second) == 2  # the 按件 count


def test_the_rotation_reseals_every_row_and_is_idempotent(register, settings) -> None:
    first = register(date(2025, 9, 1), **PERSON)
    second = register(date(2025, 9, 2), **PERSON)
    old_kid = keyring().current.kid
    new_key = secrets.token_hex(32)
    settings.XXGK_DATA_KEY, settings.XXGK_OLD_DATA_KEYS = new_key, [DEMO_KEY]
    # During the rotation old rows still read and count as the same applicant.
    assert Application.objects.get(pk=first.pk).phone == PERSON["phone"]
    assert applicant_month_position(application=second) == 2
    out = io.StringIO()
    call_command("rotate_data_key", stdout=out)
    assert "重新加密 2 件" in out.getvalue()
    new_kid = DataKey.from_text(new_key).kid
    for application in (first, second):
        stored = raw(application)
        assert {kid_of(v) for v in stored.values()} == {new_kid} != {old_kid}
    assert data_key_rotate() == 0  # a second run finds nothing to do
    settings.XXGK_OLD_DATA_KEYS = []  # the old key can go
    assert Application.objects.get(pk=second.pk).address == PERSON["address"]
    assert applicant_month_position(application=second) == 2


def test_the_rotation_stops_with_a_message_when_an_old_key_is_missing(register, settings) -> None:
    from django.core.management.base import CommandError

    register(date(2025, 9, 1), **PERSON)
    settings.XXGK_DATA_KEY, settings.XXGK_OLD_DATA_KEYS = secrets.token_hex(32), []
    with pytest.raises(CommandError, match="XXGK_OLD_DATA_KEYS"):
        call_command("rotate_data_key", stdout=io.StringIO())
    with pytest.raises(SealError):
        Application.objects.get()


def test_the_page_shows_the_data_masked(client, register, people) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    login(client, people.officer)
    body = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    for plain in PERSON.values():
        assert plain not in body
    for masked in ("110105********002X", "138****5678", "z***@example.com", "江城市东湖区****"):
        assert masked in body
    assert "查看完整信息" in body


def test_the_supervisor_sees_the_mask_and_no_reveal_button(client, register, people) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    login(client, people.supervisor)
    url = reverse("applications:reveal", args=[application.pk])
    body = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "110105********002X" in body
    assert url not in body
    assert client.post(url, {"reason": "想看"}).status_code == 403
    assert not AuditLog.objects.filter(event_type=AuditEventType.APPLICANT_DATA_REVEALED).exists()


def test_revealing_asks_a_reason_and_logs_it(client, register, people) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    login(client, people.officer)
    url = reverse("applications:reveal", args=[application.pk])
    form = client.get(url, headers={"HX-Request": "true"})
    assert "查看理由" in form.content.decode()
    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 400
    assert ID not in empty.content.decode()
    assert not AuditLog.objects.filter(event_type=AuditEventType.APPLICANT_DATA_REVEALED).exists()
    shown = client.post(url, {"reason": "电话联系申请人补正"}, headers={"HX-Request": "true"})
    body = shown.content.decode()
    assert shown.status_code == 200
    assert shown["Cache-Control"] == "no-store"
    for plain in PERSON.values():
        assert plain in body
    log = AuditLog.objects.get(event_type=AuditEventType.APPLICANT_DATA_REVEALED)
    assert (log.actor, log.agency, log.object_id) == (
        people.officer,
        application.agency,
        str(application.pk),
    )
    assert log.object_repr == application.number
    assert log.new_value == {"reason": "电话联系申请人补正"}
    assert log.event_time is not None
    assert ID not in str(log.new_value) + log.object_repr  # the log keeps no personal data


def test_the_service_refuses_others_and_a_blank_reason(register, people) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    for who in ("supervisor", "admin", "outsider"):
        with pytest.raises(PermissionDenied):
            applicant_reveal(user=getattr(people, who), application=application, reason="看看")
    with pytest.raises(RevealRefused, match="理由"):
        applicant_reveal(user=people.head, application=application, reason="")
    with pytest.raises(RevealRefused, match="200"):
        applicant_reveal(user=people.head, application=application, reason="长" * 201)
    contact = applicant_reveal(user=people.head, application=application, reason="寄送答复书")
    assert (contact.id_number, contact.address, contact.masked) == (ID, PERSON["address"], False)


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_the_export_is_masked_for_every_role(client, register, people, who) -> None:
    register(date(2025, 9, 26), **PERSON)
    login(client, getattr(people, who))
    response = client.get(reverse("applications:export"))
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    for plain in PERSON.values():
        assert plain not in text
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert (row["证件号码"], row["联系电话"], row["电子邮箱"], row["通信地址"]) == (
        "110105********002X",
        "138****5678",
        "z***@example.com",
        "江城市东湖区****",
    )


def test_the_export_shows_an_organisations_credit_code(client, register, people) -> None:
    register(
        date(2025, 9, 26),
        applicant_kind="commercial",
        applicant_name="甲公司",
        id_number="",
        credit_code="91350100M000100Y43",
        phone="0599-8000001",
    )
    login(client, people.officer)
    response = client.get(reverse("applications:export"))
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert (row["证件号码"], row["联系电话"]) == ("91350100M000100Y43", "059*****0001")


@pytest.mark.django_db(transaction=True)
def test_the_migration_seals_existing_rows_and_back(register) -> None:
    from django.db.migrations.executor import MigrationExecutor

    application = register(date(2025, 9, 26), **PERSON)
    before, after = (
        ("applications", "0006_online_applicant"),
        ("applications", "0007_sealed_personal_data"),
    )
    MigrationExecutor(connection).migrate([before])  # the rows as they were: plain
    assert raw(application, index=False) == PERSON
    MigrationExecutor(connection).migrate([after])
    stored = raw(application)
    assert all(plain not in stored[k] for k, plain in PERSON.items())
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # the schema the models describe
    again = Application.objects.get(pk=application.pk)
    assert {k: getattr(again, k) for k in PERSON} == PERSON  # nothing lost
    assert applicant_month_position(application=again) == 1
    assert stored["index"] == again.id_number_index != ""


def test_lists_show_no_personal_data_and_letters_carry_none(client, register, people) -> None:
    import docx

    from xxgk.applications.letters.render import letter_render, letters_available

    application = register(date(2025, 9, 26), **PERSON)
    login(client, people.officer)
    for name in ("applications:queue", "applications:search"):
        body = client.get(reverse(name)).content.decode()
        assert application.number in body
        for plain in PERSON.values():
            assert plain not in body
        assert "110105********002X" not in body
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.ACKNOWLEDGED,
        on=date(2025, 9, 29),
    )
    [receipt, *_] = letters_available(application)
    _, content = letter_render(application, receipt.key, receipt.event.pk)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert application.applicant_name in text
    for plain in PERSON.values():
        assert plain not in text


def test_the_audit_log_shows_the_reason_to_the_administrator(client, register, people) -> None:
    application = register(date(2025, 9, 26), **PERSON)
    applicant_reveal(user=people.officer, application=application, reason="寄送补正告知书")
    login(client, people.admin)
    body = client.get(reverse("audit")).content.decode()
    assert "查看申请人完整信息" in body
    assert "寄送补正告知书" in body
    assert ID not in body


def test_an_invalid_email_is_refused_in_chinese() -> None:
    with pytest.raises(ValidationError) as refused:
        Application._meta.get_field("email").run_validators("zhang@")
    assert refused.value.messages == ["请输入有效的电子邮件地址。"]


@pytest.mark.django_db(transaction=True)
def test_the_ways_once_offered_as_a_medium_move_to_the_way(register) -> None:
    from django.db.migrations.executor import MigrationExecutor

    picked_up, paper = register(date(2025, 9, 26)), register(date(2025, 9, 29))
    executor = MigrationExecutor(connection)
    executor.migrate([("applications", "0007_sealed_personal_data")])
    with connection.cursor() as cursor:
        table = "applications_application"
        cursor.execute(f"UPDATE {table} SET delivery = 'pickup' WHERE id = %s", [picked_up.pk])
        cursor.execute(f"UPDATE {table} SET delivery = 'paper' WHERE id = %s", [paper.pk])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    picked_up.refresh_from_db()
    paper.refresh_from_db()
    assert (picked_up.delivery, picked_up.way) == ("", "pickup")
    assert (paper.delivery, paper.way) == ("paper", "")
