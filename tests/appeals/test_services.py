from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from xxgk.appeals.models import Appeal
from xxgk.appeals.services import (
    AppealData,
    AppealError,
    appeal_answer,
    appeal_correct,
    appeal_decide,
    appeal_decision_correct,
    appeal_register,
    appeals_redate,
)
from xxgk.applications.calendar_years import calendar_year_save
from xxgk.audit.models import AuditEventType, AuditLog

pytestmark = pytest.mark.django_db

COPY = date(2025, 9, 26)  # the Friday before National Day 2025


def data(**fields):
    return AppealData(
        **{
            "kind": "review",
            "body": "甲市人民政府",
            "case_number": "甲政复〔2025〕9号",
            "copy_received_on": COPY,
            "applicant_name": "李四",
            **fields,
        }
    )


def audit(event_type):
    return list(AuditLog.objects.filter(event_type=event_type).order_by("id"))


# -- registration ----------------------------------------------------------------------


def test_register_stores_the_answer_deadline_and_audits(lodge, people) -> None:
    appeal = lodge(COPY)
    assert appeal.answer_due_on == date(2025, 10, 16)  # 10 working days (test_deadlines)
    assert not appeal.answer_due_provisional
    assert appeal.is_pending
    assert appeal.group == "review"
    [record] = audit(AuditEventType.APPEAL_REGISTERED)
    assert record.actor == people.officer
    assert record.agency == appeal.agency
    assert record.new_value["copy_received_on"] == "2025-09-26"
    assert record.new_value["answer_due_on"] == "2025-10-16"


def test_a_lawsuit_gets_the_fifteen_calendar_day_deadline(lodge) -> None:
    appeal = lodge(date(2025, 9, 16), kind="litigation")
    assert appeal.answer_due_on == date(2025, 10, 9)
    assert appeal.group == "litigation_direct"


def test_simplified_review_gets_five_working_days(lodge) -> None:
    assert lodge(COPY, simplified=True).answer_due_on == date(2025, 10, 10)


@pytest.mark.parametrize("who", ["supervisor", "admin", "outsider", "district_officer", "nobody"])
def test_only_the_agencys_officers_and_heads_register(tree, people, who) -> None:
    with pytest.raises(PermissionDenied):
        appeal_register(user=getattr(people, who), agency=tree.bureau, data=data())
    assert not Appeal.objects.exists()
    assert not audit(AuditEventType.APPEAL_REGISTERED)


def test_the_head_registers_too(tree, people) -> None:
    assert appeal_register(user=people.head, agency=tree.bureau, data=data()).pk


def test_the_application_is_found_by_its_number_within_the_agency(lodge, register) -> None:
    # an application of an earlier year; the applicant's name comes from it when left blank
    application = register(date(2024, 3, 1), applicant_name="王五")
    appeal = lodge(COPY, application_number=application.number, applicant_name="")
    assert appeal.application == application
    assert appeal.applicant_name == "王五"


def test_another_agencys_application_cannot_be_named(lodge, register, people, tree) -> None:
    theirs = register(date(2025, 3, 1), agency=tree.district, user=people.district_officer)
    # the bureau has no application of that number
    with pytest.raises(AppealError) as err:
        lodge(COPY, application_number=theirs.number)
    assert err.value.field == "application_number"
    assert "没有编号为" in str(err.value)


def test_a_case_number_is_registered_once_per_agency(lodge, tree, people) -> None:
    lodge(COPY, case_number="甲政复〔2025〕1号")
    with pytest.raises(AppealError) as err:
        lodge(COPY, case_number="甲政复〔2025〕1号")
    assert err.value.field == "case_number"
    # another agency may have the same number
    lodge(COPY, case_number="甲政复〔2025〕1号", agency=tree.district, user=people.district_officer)


def test_a_copy_received_in_the_future_is_refused(lodge, today) -> None:
    today.set(date(2025, 9, 25))
    with pytest.raises(AppealError) as err:
        lodge(COPY)
    assert err.value.field == "copy_received_on"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"after_review": True}, "after_review"),  # only a lawsuit comes after a review
        ({"kind": "litigation", "simplified": True}, "simplified"),
        ({"kind": "appeal"}, "kind"),
        ({"accepted_on": date(2025, 9, 27)}, "accepted_on"),  # accepted after the copy came
        ({"body": "  "}, "body"),
    ],
)
def test_inconsistent_registrations_are_refused(lodge, fields, field) -> None:
    with pytest.raises(AppealError) as err:
        lodge(COPY, **fields)
    assert err.value.field == field
    assert str(err.value)


def test_a_lawsuit_after_review_links_the_agencys_review(lodge, tree, people) -> None:
    review = lodge(date(2025, 3, 3))
    lawsuit = lodge(COPY, kind="litigation", after_review=True, review=review)
    assert lawsuit.review == review
    assert lawsuit.group == "litigation_after_review"
    theirs = lodge(date(2025, 3, 3), agency=tree.district, user=people.district_officer)
    with pytest.raises(AppealError) as err:
        lodge(COPY, kind="litigation", after_review=True, review=theirs)
    assert err.value.field == "review"
    with pytest.raises(AppealError):
        lodge(COPY, kind="litigation", after_review=True, review=lawsuit)  # not a review
    with pytest.raises(AppealError):
        lodge(COPY, kind="litigation", review=review)  # direct suit names no review


# -- correcting what was registered ---------------------------------------------------------


def test_correcting_the_copy_date_redates_and_audits_what_changed(lodge, people) -> None:
    appeal = lodge(COPY)
    fixed = data(
        case_number=appeal.case_number, applicant_name="张三", copy_received_on=date(2025, 3, 3)
    )
    appeal = appeal_correct(user=people.head, appeal=appeal, data=fixed, reason="误录收到日期")
    assert appeal.answer_due_on == date(2025, 3, 17)
    [record] = audit(AuditEventType.APPEAL_CORRECTED)
    assert record.old_value == {"copy_received_on": "2025-09-26", "answer_due_on": "2025-10-16"}
    assert record.new_value == {
        "reason": "误录收到日期",
        "copy_received_on": "2025-03-03",
        "answer_due_on": "2025-03-17",
    }


def test_a_correction_needs_a_reason_and_a_change(lodge, people) -> None:
    appeal = lodge(COPY)
    same = data(case_number=appeal.case_number, applicant_name="张三")
    with pytest.raises(AppealError) as err:
        appeal_correct(user=people.officer, appeal=appeal, data=same, reason=" ")
    assert err.value.field == "reason"
    with pytest.raises(AppealError, match="没有需要更正"):
        appeal_correct(user=people.officer, appeal=appeal, data=same, reason="核对")
    with pytest.raises(PermissionDenied):
        appeal_correct(user=people.supervisor, appeal=appeal, data=same, reason="核对")


def test_a_linked_review_stays_a_review(lodge, people) -> None:
    review = lodge(date(2025, 3, 3))
    lodge(COPY, kind="litigation", after_review=True, review=review)
    as_lawsuit = data(kind="litigation", case_number=review.case_number, applicant_name="张三")
    with pytest.raises(AppealError) as err:
        appeal_correct(user=people.officer, appeal=review, data=as_lawsuit, reason="误选类别")
    assert err.value.field == "kind"


def test_a_decided_case_keeps_its_decision_in_its_own_law(lodge, people) -> None:
    appeal = appeal_decide(
        user=people.officer,
        appeal=lodge(COPY),
        decision="review_upheld",
        decided_on=date(2025, 11, 20),
    )
    as_lawsuit = data(kind="litigation", case_number=appeal.case_number, applicant_name="张三")
    with pytest.raises(AppealError) as err:
        appeal_correct(user=people.officer, appeal=appeal, data=as_lawsuit, reason="误选类别")
    assert err.value.field == "decision"
    later = data(
        case_number=appeal.case_number, applicant_name="张三", copy_received_on=date(2025, 11, 21)
    )
    with pytest.raises(AppealError, match="不能晚于结案日期"):
        appeal_correct(user=people.officer, appeal=appeal, data=later, reason="核对")


# -- the answer -------------------------------------------------------------------------


def test_the_answer_is_recorded_and_late_ones_are_marked(lodge, people) -> None:
    appeal = lodge(COPY)
    appeal = appeal_answer(user=people.officer, appeal=appeal, answered_on=date(2025, 10, 17))
    assert appeal.answered_on == date(2025, 10, 17)
    [record] = audit(AuditEventType.APPEAL_ANSWERED)
    assert record.new_value["late"] is True
    with pytest.raises(AppealError) as err:
        appeal_answer(user=people.officer, appeal=appeal, answered_on=date(2025, 10, 15))
    assert err.value.field == "reason"
    appeal = appeal_answer(
        user=people.officer, appeal=appeal, answered_on=date(2025, 10, 15), reason="误录"
    )
    assert appeal.answered_on == date(2025, 10, 15)
    record = audit(AuditEventType.APPEAL_ANSWERED)[-1]
    assert record.old_value == {"answered_on": "2025-10-17"}
    assert record.new_value["late"] is False


def test_an_answer_before_the_copy_is_refused(lodge, people) -> None:
    with pytest.raises(AppealError):
        appeal_answer(user=people.officer, appeal=lodge(COPY), answered_on=date(2025, 9, 25))


# -- the decision -----------------------------------------------------------------------


def test_deciding_records_the_decision_and_its_column(lodge, people) -> None:
    appeal = appeal_decide(
        user=people.officer,
        appeal=lodge(COPY),
        decision="review_confirmed_illegal",
        decided_on=date(2025, 11, 20),
    )
    assert not appeal.is_pending
    assert appeal.column == "corrected"
    [record] = audit(AuditEventType.APPEAL_DECIDED)
    assert record.new_value == {
        "decision": "review_confirmed_illegal",
        "decided_on": "2025-11-20",
        "column": "corrected",
    }


def test_a_decision_must_be_of_the_appeals_own_law(lodge, people) -> None:
    with pytest.raises(AppealError) as err:
        appeal_decide(
            user=people.officer,
            appeal=lodge(COPY),
            decision="litigation_claim_rejected",
            decided_on=date(2025, 11, 20),
        )
    assert err.value.field == "decision"
    with pytest.raises(AppealError):
        appeal_decide(
            user=people.officer,
            appeal=lodge(COPY, kind="litigation"),
            decision="review_upheld",
            decided_on=date(2025, 11, 20),
        )


def test_a_decision_date_before_the_copy_or_in_the_future_is_refused(lodge, people, today):
    appeal = lodge(COPY)
    with pytest.raises(AppealError) as err:
        appeal_decide(
            user=people.officer,
            appeal=appeal,
            decision="review_upheld",
            decided_on=date(2025, 9, 25),
        )
    assert err.value.field == "decided_on"
    today.set(date(2025, 11, 1))
    with pytest.raises(AppealError, match="不能晚于今天"):
        appeal_decide(
            user=people.officer,
            appeal=appeal,
            decision="review_upheld",
            decided_on=date(2025, 11, 2),
        )
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_only_handlers_decide(lodge, people) -> None:
    appeal = lodge(COPY)
    for who in ("supervisor", "outsider", "admin"):
        with pytest.raises(PermissionDenied):
            appeal_decide(
                user=getattr(people, who),
                appeal=appeal,
                decision="review_upheld",
                decided_on=date(2025, 11, 20),
            )
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_a_decision_is_changed_only_by_an_audited_correction(lodge, people) -> None:
    appeal = appeal_decide(
        user=people.officer,
        appeal=lodge(COPY),
        decision="review_upheld",
        decided_on=date(2025, 11, 20),
    )
    with pytest.raises(AppealError, match="已记录审理结果"):
        appeal_decide(
            user=people.officer,
            appeal=appeal,
            decision="review_changed",
            decided_on=date(2025, 11, 21),
        )
    with pytest.raises(AppealError) as err:
        appeal_decision_correct(
            user=people.officer,
            appeal=appeal,
            decision="review_changed",
            decided_on=date(2025, 11, 21),
            reason="",
        )
    assert err.value.field == "reason"
    appeal = appeal_decision_correct(
        user=people.head,
        appeal=appeal,
        decision="review_changed",
        decided_on=date(2025, 11, 21),
        reason="决定书载明为变更",
    )
    assert (appeal.decision, appeal.decided_on) == ("review_changed", date(2025, 11, 21))
    [record] = audit(AuditEventType.APPEAL_DECISION_CORRECTED)
    assert record.actor == people.head
    assert record.old_value == {"decision": "review_upheld", "decided_on": "2025-11-20"}
    assert record.new_value == {
        "decision": "review_changed",
        "decided_on": "2025-11-21",
        "reason": "决定书载明为变更",
    }


def test_a_decision_recorded_by_mistake_is_withdrawn(lodge, people) -> None:
    appeal = appeal_decide(
        user=people.officer,
        appeal=lodge(COPY),
        decision="review_upheld",
        decided_on=date(2025, 11, 20),
    )
    appeal = appeal_decision_correct(
        user=people.officer, appeal=appeal, decision="", decided_on=None, reason="录错案件"
    )
    assert appeal.is_pending
    assert appeal.decision == ""
    with pytest.raises(AppealError, match="尚未记录审理结果"):
        appeal_decision_correct(
            user=people.officer, appeal=appeal, decision="", decided_on=None, reason="再次"
        )


def test_correcting_to_the_same_decision_is_refused(lodge, people) -> None:
    appeal = appeal_decide(
        user=people.officer,
        appeal=lodge(COPY),
        decision="review_upheld",
        decided_on=date(2025, 11, 20),
    )
    with pytest.raises(AppealError, match="没有需要更正"):
        appeal_decision_correct(
            user=people.officer,
            appeal=appeal,
            decision="review_upheld",
            decided_on=date(2025, 11, 20),
            reason="核对",
        )


# -- re-dating when the calendar changes ----------------------------------------------------


def test_entering_a_calendar_year_redates_provisional_deadlines(lodge, people, today) -> None:
    today.set(date(2026, 12, 30))
    appeal = lodge(date(2026, 12, 28))  # 10 working days run into 2027, not yet covered
    assert appeal.answer_due_provisional
    assert appeal.answer_due_on == date(2027, 1, 11)  # counted Monday to Friday
    decided = lodge(date(2025, 3, 3))
    appeal_decide(
        user=people.officer, appeal=decided, decision="review_upheld", decided_on=date(2025, 5, 6)
    )
    calendar_year_save(  # re-dates the open applications and the pending appeals
        user=people.admin,
        year=2027,
        holidays=[date(2027, 1, 1), date(2027, 1, 4)],
        workdays=[],
    )
    appeal.refresh_from_db()
    assert not appeal.answer_due_provisional
    assert appeal.answer_due_on == date(2027, 1, 13)
    [record] = audit(AuditEventType.APPEAL_REDATED)
    assert record.object_id == str(appeal.pk)
    assert record.old_value == {"answer_due_on": "2027-01-11", "answer_due_provisional": True}
    assert appeals_redate(user=people.admin) == 0  # nothing moves twice


def test_a_correction_cannot_date_the_case_before_its_application(people, register, lodge):
    application = register(date(2025, 5, 6))
    appeal = lodge(date(2025, 6, 2), application_number=application.number)
    with pytest.raises(AppealError, match="早于所涉申请") as refused:
        appeal_correct(
            user=people.officer,
            appeal=appeal,
            data=data(copy_received_on=date(2025, 4, 30), application_number=application.number),
            reason="日期录错",
        )
    assert refused.value.field == "copy_received_on"
    assert "（2025年4月30日）" in str(refused.value)
    assert "（2025年5月6日）" in str(refused.value)
