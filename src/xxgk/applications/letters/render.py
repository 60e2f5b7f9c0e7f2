"""The letters an application's timeline calls for, filled from the register.

Each letter-bearing event gives one letter: its facts are read from the event and the clock
(`facts`), its words written by `texts`, its page laid out to GB/T 9704 by `official`. An
administrator may upload a Word template for a letter key (`LetterTemplate`); it is filled with
docxtpl from the same composed text, so the wording stays the law's.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from docxtpl import DocxTemplate

from xxgk.applications import fees
from xxgk.applications.choices import Channel, FeeBasis
from xxgk.applications.clock import calendar_current, live_events, policy_for, state_of
from xxgk.applications.letters import facts as f
from xxgk.applications.letters.official import letter_docx
from xxgk.applications.letters.texts import REPLY_TITLES, compose, outcome_row, reply_group
from xxgk.applications.models import Application, ApplicationEvent, LetterTemplate
from xxgk.site.people import name_of
from xxgk.workdays.clock import EventKind

# Letters other than the reply: the event kind, the letter key and its title.
EVENT_LETTERS = {
    EventKind.ACKNOWLEDGED: ("receipt", "政府信息公开申请受理回执"),
    EventKind.CORRECTION_REQUESTED: ("correction", "政府信息公开申请补正告知书"),
    EventKind.REASONS_REQUESTED: ("reasons", "政府信息公开申请说明理由通知书"),
    EventKind.CONSULTATION_OPENED: ("consultation", "政府信息公开征求意见书"),
    EventKind.THIRD_PARTY_NOTIFIED: ("third_party", "政府信息公开第三方告知书"),
    EventKind.EXTENSION_APPROVED: ("extension", "政府信息公开申请延期答复告知书"),
    EventKind.FEE_NOTICE_SENT: ("fee", "信息处理费收费通知书"),
}
# Events that close a case with an answer to the applicant.
CLOSING = frozenset(
    {
        EventKind.REPLY_SENT,
        EventKind.CORRECTION_EXPIRED,
        EventKind.FEE_EXPIRED,
        EventKind.WITHDRAWN,
    }
)
TEMPLATE_KEYS = (*REPLY_TITLES, *(key for key, _ in EVENT_LETTERS.values()))
TITLES = {**REPLY_TITLES, **dict(EVENT_LETTERS.values())}


class LetterUnavailable(LookupError):
    """There is no such letter for this application."""


class LetterIncomplete(ValueError):
    """The letter exists but lacks a fact it must state; the message (Chinese) says which."""


# A complete sender, for checking a reply's own facts before the agency's settings matter.
_ANY_SENDER = f.Sender("某机关", "某地址", "某电话", "某联系人", "某复议机关", "某人民法院")


def reply_problem(*, outcome: str, ground: str, reasons: str, detail: str) -> str | None:
    """What a reply with these facts would lack in its letter (Chinese), or None: the register
    asks for exactly what the letter must state."""
    facts = f.Reply(
        outcome=outcome,
        ground=ground or "—",
        reasons=reasons,
        delivery=detail,
        responsible_agency=detail if "第（五）项" in ground else "",
        referral=detail,
    )
    trial = f.Letter(
        sender=_ANY_SENDER,
        applicant=f.Party("某申请人", True),
        application=f.Application("1", date(2020, 1, 1), "信函", "某信息"),
        number="某〔2020〕1号",
        dated=date(2020, 1, 2),
        facts=facts,
    )
    try:
        compose(trial)
    except f.LetterError as exc:
        message = str(exc)
        for field, where in _WHERE.items():
            message = message.replace(f"（{field}）", where)
        return message
    return None


# Where the officer enters each fact a reply letter needs, for the message that asks for it.
_WHERE = {
    "delivery": "（请填写“具体内容”）",
    "referral": "（请填写“具体内容”）",
    "responsible_agency": "（请填写“具体内容”）",
    "reasons": "（请填写理由）",
}


@dataclass(frozen=True)
class Letter:
    key: str  # the letter key: a template key
    title: str
    event: ApplicationEvent


def _reply_key(application: Application) -> str:
    return reply_group(outcome_row(application.outcome))


def letters_available(application: Application) -> list[Letter]:
    """The letters this application's timeline calls for, in timeline order."""
    found: list[Letter] = []
    for event in live_events(application.events.all()):
        kind = EventKind(event.kind)
        if kind in EVENT_LETTERS:
            key, title = EVENT_LETTERS[kind]
            found.append(Letter(key, title, event))
        elif kind in CLOSING and application.outcome:
            key = _reply_key(application)
            found.append(Letter(key, REPLY_TITLES[key], event))
    return found


# -- the facts of each letter, from the register -----------------------------------------------


@dataclass(frozen=True)
class _Case:
    """What every letter of one application reads: its events and the clock's view of them."""

    application: Application
    events: list[ApplicationEvent]

    def state_after(self, event: ApplicationEvent):  # type: ignore[no-untyped-def]
        upto = self.events[: self.events.index(event) + 1]
        return state_of(upto, today=None, policy=policy_for(self.application.agency))

    def last_day(self, start: date, days: int) -> date:
        return calendar_current().add_workdays(start, days).end


def _receipt(case: _Case, e: ApplicationEvent) -> f.Facts:
    due = case.state_after(e).due_on
    if due is None:
        raise LetterUnavailable("答复期限尚不能确定，不能出具受理回执。")
    return f.Receipt(due_on=due)


def _correction(case: _Case, e: ApplicationEvent) -> f.Facts:
    days = e.days or case.application.agency.correction_period_days
    return f.Correction(
        unclear=e.detail or "未能明确所需政府信息的名称、文号或者便于查询的其他特征性描述",
        supply=e.note,
        days=days,
        last_day=case.last_day(e.on, days),
    )


def _reasons(case: _Case, e: ApplicationEvent) -> f.Facts:
    days = e.days or case.application.agency.reasons_period_days
    return f.ReasonsRequest(excess=e.note, days=days, last_day=case.last_day(e.on, days))


def _consultation(case: _Case, e: ApplicationEvent) -> f.Facts:
    return f.Consultation(
        article=34 if e.article == 34 else 32,
        party=f.Party(e.party, e.party_is_person),
        information=e.detail or e.note or case.application.request_text,
    )


def _third_party(case: _Case, e: ApplicationEvent) -> f.Facts:
    return f.ThirdPartyNotice(
        party=f.Party(e.party, e.party_is_person),
        information=e.detail or case.application.request_text,
        reasons=e.note,
    )


def _extension(case: _Case, e: ApplicationEvent) -> f.Facts:
    due = case.state_after(e).due_on
    if due is None or e.days is None:
        raise LetterUnavailable("延期后的答复期限尚不能确定。")
    return f.Extension(reason=e.note or "需要进一步检索、核实", days=e.days, due_on=due)


def _fee(case: _Case, e: ApplicationEvent) -> f.Facts:
    quantity = e.quantity or 0
    quote = (
        fees.fee_by_pages(quantity) if e.fee_basis == FeeBasis.PAGES else fees.fee_for_nth(quantity)
    )
    return f.FeeNotice(
        quote=quote, payment=case.application.agency.fee_payment or "", reasons=e.note
    )


def _reply(case: _Case, e: ApplicationEvent) -> f.Facts:
    outcome = case.application.outcome
    row = outcome_row(outcome)
    ground = e.ground or (row.grounds[0] if len(row.grounds) == 1 else "")
    if not ground and e.kind == EventKind.WITHDRAWN:
        ground = "申请人撤回申请"
    referral = e.detail if outcome.startswith(("denied_admin", "not_processed")) else ""
    responsible = e.detail if outcome == "unable_not_held" and "第（五）项" in ground else ""
    return f.Reply(
        outcome=outcome,
        ground=ground,
        reasons=e.note,
        delivery=e.detail if not (referral or responsible) else "",
        attachments=tuple(a.name for a in e.attachments.all()),
        responsible_agency=responsible,
        referral=referral,
    )


_FACTS: dict[str, Callable[[_Case, ApplicationEvent], f.Facts]] = {
    "receipt": _receipt,
    "correction": _correction,
    "reasons": _reasons,
    "consultation": _consultation,
    "third_party": _third_party,
    "extension": _extension,
    "fee": _fee,
}


def letter_of(application: Application, letter: Letter) -> f.Letter:
    """The whole letter: sender, applicant, application, 文号, date and facts."""
    case = _Case(application, live_events(application.events.all()))
    agency = application.agency
    event = letter.event
    received = next(e for e in case.events if e.kind == EventKind.RECEIVED)
    recorder = event.recorded_by
    sender = f.Sender(
        agency=agency.name,
        address=agency.address,
        phone=agency.phone,
        contact=agency.contact_person or name_of(recorder),
        review_body=agency.review_body,
        court=agency.court,
    )
    make = _FACTS.get(letter.key, _reply)
    return f.Letter(
        sender=sender,
        applicant=f.Party(application.applicant_name, not application.is_organisation),
        application=f.Application(
            number=application.number,
            received_on=received.on,
            channel=Channel(application.channel).label,
            request_text=application.request_text,
        ),
        number=event.document_number or f"{application.number}-{event.pk}",
        dated=event.on,
        facts=make(case, event),
    )


def letter_render(application: Application, key: str, event_id: int) -> tuple[str, bytes]:
    """The DOCX of one letter and its file name. Raises `LetterUnavailable` when there is no
    such letter, `LetterIncomplete` (Chinese reason) when a fact it must state is missing —
    an agency setting such as the review body, or what the officer recorded."""
    letter = next(
        (x for x in letters_available(application) if x.key == key and x.event.pk == event_id),
        None,
    )
    if letter is None:
        raise LetterUnavailable("该申请没有这份文书。")
    try:
        filled = letter_of(application, letter)
        uploaded = LetterTemplate.objects.filter(key=key).first()
        content = _from_template(uploaded, filled) if uploaded else letter_docx(filled)
    except f.LetterError as exc:
        raise LetterIncomplete(str(exc)) from None
    return f"{application.number}-{letter.title}.docx", content


def _from_template(uploaded: LetterTemplate, letter: f.Letter) -> bytes:
    """An administrator's template filled with the composed text (names in the README)."""
    text = compose(letter)
    with uploaded.file.open("rb") as source:
        doc = DocxTemplate(io.BytesIO(source.read()))
    doc.render(
        {
            "title": text.title,
            "number": text.number,
            "addressee": text.addressee,
            "paragraphs": list(text.body),
            "attachments": list(text.attachments),
            "signature": text.signature,
            "date": text.dated,
            "note": text.note,
        },
        autoescape=True,
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
