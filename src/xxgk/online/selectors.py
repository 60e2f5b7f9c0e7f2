"""Reads of the online application: the lookup, the officer's list, the applicant's view of the
case, and the earlier applications a new one may repeat (条例第三十六条第（六）项)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from rapidfuzz import fuzz

from xxgk.agencies.policy import Action, Viewer, scope
from xxgk.applications.clock import deadlines_of, live_events, policy_for, state_of
from xxgk.applications.letters.render import EVENT_LETTERS, Letter, letters_available
from xxgk.applications.models import Application
from xxgk.applications.models.application import id_number_indexes
from xxgk.online.models import Submission, SubmissionStatus
from xxgk.privacy.codes import code_matches
from xxgk.workdays.timeline import EventKind, Status

# The letters addressed to the applicant (a consultation letter goes to the third party).
_TO_APPLICANT_EVENTS = frozenset(
    {
        EventKind.ACKNOWLEDGED,
        EventKind.CORRECTION_REQUESTED,
        EventKind.REASONS_REQUESTED,
        EventKind.EXTENSION_APPROVED,
        EventKind.FEE_NOTICE_SENT,
    }
)
# Steps of the case the applicant is told of in plain words; the rest (a third party's letters
# and answers) concern others, and only their effect on the clock is said.
_SHOWN = {
    EventKind.RECEIVED: "收到申请（双方确认之日，条例第三十一条）",
    EventKind.ACKNOWLEDGED: "出具受理回执",
    EventKind.CORRECTION_REQUESTED: "告知补正（条例第三十条）",
    EventKind.CORRECTION_RECEIVED: "收到补正材料，答复期限重新计算",
    EventKind.CORRECTION_EXPIRED: "逾期未补正，视为放弃申请（条例第三十条）",
    EventKind.REASONS_REQUESTED: "要求说明理由（条例第三十五条）",
    EventKind.REASONS_RECEIVED: "收到申请人说明",
    EventKind.LATER_DEADLINE_SET: "确定延迟答复期限（条例第三十五条）",
    EventKind.CONSULTATION_OPENED: "征求第三方或其他机关意见，所需时间不计算在答复期限内"
    "（条例第三十二条、第三十四条）",
    EventKind.EXTENSION_APPROVED: "延长答复期限（条例第三十三条第二款）",
    EventKind.FEE_NOTICE_SENT: "发出信息处理费收费通知",
    EventKind.FEE_PAID: "缴纳信息处理费",
    EventKind.FEE_WAIVED: "减免信息处理费",
    EventKind.FEE_EXPIRED: "逾期未缴纳信息处理费，视为放弃申请",
    EventKind.FEE_REFUNDED: "退还信息处理费",
    EventKind.REPLY_SENT: "作出答复",
    EventKind.WITHDRAWN: "申请人撤回申请",
}


def submission_by_code(number: str, code: str) -> Submission | None:
    """The submission the applicant proves with its 受理编号 and 查询码, or None — the same None
    for a wrong number and a wrong code, so that a guess learns nothing."""
    found = (
        Submission.objects.select_related("agency", "application")
        .filter(number=number.strip())
        .first()
    )
    if found is None or not code_matches(code, found.code_hash):
        return None
    return found


def submission_queue(*, user: Viewer, status: str = SubmissionStatus.SUBMITTED) -> QuerySet:
    """The submissions the user may confirm, oldest first when waiting, newest first else."""
    found = Submission.objects.filter(
        agency__in=scope(user, Action.APPLICATION_REGISTER)
    ).select_related("agency", "application")
    if status:
        found = found.filter(status=status)
    return found.order_by(
        "submitted_at" if status == SubmissionStatus.SUBMITTED else "-submitted_at"
    )


@dataclass(frozen=True)
class Step:
    on: date
    label: str
    note: str  # what the applicant must know (what to correct); empty otherwise


@dataclass(frozen=True)
class CaseView:
    """What the applicant sees of the case on the portal."""

    status: str  # in plain words
    steps: list[Step]
    due_on: date | None  # the reply's deadline while open
    correction_due: date | None  # while a correction is awaited
    letters: list[Letter]
    may_correct: bool
    may_withdraw: bool


def case_view(submission: Submission) -> CaseView:
    application = submission.application
    if application is None:
        status = submission.get_status_display()
        if submission.status == SubmissionStatus.RETURNED:
            status += f"：{submission.return_reason}"
        return CaseView(
            status=status,
            steps=[],
            due_on=None,
            correction_due=None,
            letters=[],
            may_correct=False,
            may_withdraw=submission.status == SubmissionStatus.SUBMITTED,
        )
    events = live_events(application.events.all())
    state = state_of(events, policy=policy_for(application.agency))
    steps = [
        Step(
            e.on,
            _SHOWN[EventKind(e.kind)],
            e.note if e.kind == EventKind.CORRECTION_REQUESTED else "",
        )
        for e in events
        if EventKind(e.kind) in _SHOWN
    ]
    letters = [
        letter
        for letter in letters_available(application)
        if EventKind(letter.event.kind) in _TO_APPLICANT_EVENTS
        or (letter.key, letter.title) not in EVENT_LETTERS.values()
    ]
    deadlines = {d.kind: d.on for d in deadlines_of(state)}
    # While a correction is awaited the reply period does not run (条例第三十条): it starts
    # again from the correction, so no reply date is promised until then.
    awaiting = state.status == Status.AWAITING_CORRECTION
    return CaseView(
        status=state.status.label,
        steps=steps,
        due_on=None if awaiting else deadlines.get("reply"),
        correction_due=deadlines.get("correction_period"),
        letters=letters,
        may_correct=EventKind.CORRECTION_RECEIVED in state.allowed,
        may_withdraw=EventKind.WITHDRAWN in state.allowed,
    )


@dataclass(frozen=True)
class Repeat:
    """An earlier application of the same applicant that a new one resembles."""

    application: Application
    similarity: int  # 0–100


def repeats(
    *,
    agency_id: int,
    id_number: str,
    credit_code: str,
    request_text: str,
    before: date | None = None,
    exclude: int | None = None,
) -> list[Repeat]:
    """The same applicant's applications to the agency in the last `XXGK_REPEAT_WINDOW_DAYS`
    whose request resembles this one (rapidfuzz, at least `XXGK_REPEAT_SIMILARITY`), most alike
    first. Shown to the officer, who decides: 条例第三十六条第（六）项 is never applied by the
    machine."""
    if id_number:  # sealed: found by its blind index under every key in use
        identity: dict[str, Any] = {"id_number_index__in": id_number_indexes(id_number)}
    elif credit_code:
        identity = {"credit_code": credit_code}
    else:
        return []
    since = (before or timezone.localdate()) - timedelta(days=settings.XXGK_REPEAT_WINDOW_DAYS)
    earlier = Application.objects.filter(agency_id=agency_id, received_on__gte=since, **identity)
    if exclude is not None:
        earlier = earlier.exclude(pk=exclude)
    found = []
    for application in earlier:
        score = round(fuzz.token_set_ratio(request_text, application.request_text))
        if score >= settings.XXGK_REPEAT_SIMILARITY:
            found.append(Repeat(application, score))
    return sorted(found, key=lambda r: -r.similarity)
