"""An audit record's values as the 操作日志 page shows them: Chinese names, labels of choices,
agencies by name, only what changed, and no applicant's name."""

from datetime import date

import pytest

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture)
from xxgk.agencies.models import Level, Role
from xxgk.agencies.services import agency_create, agency_update, membership_add
from xxgk.audit.changes import Change, audit_changes, mask, object_label
from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.report import editions
from xxgk.workdays.clock import EventKind, Status

pytestmark = pytest.mark.django_db


def changes_of(record: AuditLog) -> dict[str, Change]:
    return {c.label: c for c in audit_changes([record])[record.pk]}


def latest(event_type: AuditEventType) -> AuditLog:
    return AuditLog.objects.filter(event_type=event_type).latest("id")


def test_a_change_shows_only_what_changed_by_its_field_name(tree) -> None:
    agency_update(actor=None, agency=tree.district, phone="0599-3", court="甲市乙区人民法院")
    agency_update(actor=None, agency=tree.district, phone="0599-4")
    shown = changes_of(latest(AuditEventType.AGENCY_CHANGED))
    assert set(shown) == {"联系电话"}
    assert (shown["联系电话"].old, shown["联系电话"].new) == ("0599-3", "0599-4")
    first = AuditLog.objects.filter(event_type=AuditEventType.AGENCY_CHANGED).earliest("id")
    shown = changes_of(first)
    assert set(shown) == {"联系电话", "管辖人民法院"}
    assert (shown["管辖人民法院"].old, shown["管辖人民法院"].new) == ("—", "甲市乙区人民法院")


def test_a_creation_shows_its_values_with_choices_and_agencies_named(tree) -> None:
    agency_create(actor=None, name="甲市教育局", level=Level.DEPARTMENT, parent=tree.city)
    shown = changes_of(latest(AuditEventType.AGENCY_CREATED))
    assert shown["名称"].new == "甲市教育局"
    assert shown["名称"].added
    assert shown["层级"].new == Level.DEPARTMENT.label
    assert shown["上级机关"].new == tree.city.name
    assert shown["缴费期间不计入答复期限"].new == "是"
    assert "通讯地址" not in shown  # blank: nothing to show


def test_moving_an_agency_names_both_parents(tree) -> None:
    agency_update(actor=None, agency=tree.township, parent=tree.city, level=Level.TOWNSHIP)
    shown = changes_of(latest(AuditEventType.AGENCY_CHANGED))
    assert (shown["上级机关"].old, shown["上级机关"].new) == (tree.district.name, tree.city.name)


def test_a_role_by_its_label(tree, people) -> None:
    membership_add(actor=None, user=people.nobody, agency=tree.city, role=Role.SUPERVISOR)
    shown = changes_of(latest(AuditEventType.MEMBERSHIP_ADDED))
    assert shown["角色"].new == Role.SUPERVISOR.label
    assert shown["用户"].new == "nobody"


def test_an_event_by_the_labels_of_its_kind_status_and_outcome(register, people, today) -> None:
    from xxgk.applications.services import application_event_record

    today.set(date(2025, 10, 20))
    application = register(date(2025, 9, 26))
    row = editions.for_year(2025).application_row("granted")
    application_event_record(
        user=people.officer,
        application=application,
        kind=EventKind.REPLY_SENT,
        on=date(2025, 10, 9),
        outcome="granted",
        ground=row.grounds[1],
        note="已提供。",
        detail="以电子邮件发送",
    )
    shown = changes_of(latest(AuditEventType.APPLICATION_EVENT_RECORDED))
    assert shown["办理事项·事项"].new == EventKind.REPLY_SENT.label
    assert shown["办理事项·办理结果"].new == row.short
    assert shown["办理事项·日期"].new == "2025-10-09"
    assert shown["办理事项·说明"].new == "已提供。"
    assert (shown["状态"].old, shown["状态"].new) == (
        Status.IN_PROGRESS.label,
        Status.REPLIED.label,
    )
    assert shown["办理结果"].new == row.short
    assert shown["办结日期"].new == "2025-10-09"
    assert "期限待定" not in shown  # unchanged by the reply


def test_no_applicants_name(register, lodge, today) -> None:  # noqa: F811
    today.set(date(2025, 10, 20))
    application = register(date(2025, 9, 26), applicant_name="保密申请人")
    record = latest(AuditEventType.APPLICATION_REGISTERED)
    assert record.object_repr == application.number  # stored so, not only shown so
    assert object_label(record) == application.number
    assert "保密申请人" not in str(changes_of(record))
    lodge(date(2025, 10, 9), applicant_name="保密申请人")
    shown = changes_of(latest(AuditEventType.APPEAL_REGISTERED))
    assert shown["申请人（原告）"].new == "保****"
    assert "保密申请人" not in str(shown)
    assert not AuditLog.objects.filter(object_repr__contains="保密申请人").exists()


def test_mask() -> None:
    assert mask("张三") == "张*"
    assert mask("") == ""
