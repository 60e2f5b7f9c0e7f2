"""Choosing a letter's template and filling in the application's data."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docxtpl import DocxTemplate

from xxgk.agencies.selectors import agency_head
from xxgk.applications.choices import VOID
from xxgk.applications.clock import live_events
from xxgk.applications.models import Application, ApplicationEvent, LetterTemplate
from xxgk.report import editions
from xxgk.workdays.clock import EventKind, State

SHIPPED = Path(__file__).resolve().parent

# Letters for events other than the reply: the event kind and the document's title.
EVENT_LETTERS = {
    EventKind.CORRECTION_REQUESTED: ("correction", "补正告知书"),
    EventKind.EXTENSION_APPROVED: ("extension", "延期答复告知书"),
}
# The titles of reply letters by the outcome row's innermost group (or the row itself).
REPLY_TITLES = {
    "granted": "政府信息公开申请答复书",
    "partial": "政府信息部分公开答复书",
    "denied": "政府信息不予公开告知书",
    "unable": "政府信息无法提供告知书",
    "not_processed": "政府信息公开申请不予处理告知书",
    "other": "政府信息公开申请终止办理告知书",
}
TEMPLATE_KEYS = (*REPLY_TITLES, *(key for key, _ in EVENT_LETTERS.values()))


class LetterUnavailable(LookupError):
    """There is no such letter for this application (yet)."""


@dataclass(frozen=True)
class Letter:
    key: str  # the template key
    title: str
    event: ApplicationEvent


def chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _reply_key(outcome: str, year: int) -> str:
    edition = editions.for_year(year)
    row = next((r for r in edition.outcome_rows if r.key == outcome), None)
    if row is None:
        raise LetterUnavailable(f"办理结果“{outcome}”不在 {edition.title} 中")
    if row.key in REPLY_TITLES:
        return row.key
    return next(g for g in reversed(row.groups) if g in REPLY_TITLES)


def letters_available(application: Application) -> list[Letter]:
    """The letters this application's timeline calls for, in timeline order."""
    found: list[Letter] = []
    for event in live_events(application.events.all()):
        kind = EventKind(event.kind)
        if kind in EVENT_LETTERS:
            key, title = EVENT_LETTERS[kind]
            found.append(Letter(key, title, event))
        if application.outcome and kind in (
            EventKind.REPLY_SENT,
            EventKind.CORRECTION_EXPIRED,
            EventKind.FEE_EXPIRED,
        ):
            key = _reply_key(application.outcome, event.on.year)
            found.append(Letter(key, REPLY_TITLES[key], event))
    return found


def template_bytes(key: str) -> bytes:
    """An administrator's replacement if there is one, else the shipped template."""
    uploaded = LetterTemplate.objects.filter(key=key).first()
    if uploaded is not None:
        with uploaded.file.open("rb") as f:
            return f.read()
    return (SHIPPED / f"{key}.docx").read_bytes()


def letter_context(application: Application, letter: Letter, state: State) -> dict[str, object]:
    """Everything a template may use (names documented in the README)."""
    event = letter.event
    head = agency_head(agency=application.agency)
    events = live_events(application.events.all())
    received = next(e for e in events if e.kind == EventKind.RECEIVED)
    outcome_row = None
    if application.outcome:
        edition = editions.for_year(event.on.year)
        outcome_row = next((r for r in edition.outcome_rows if r.key == application.outcome), None)
    return {
        "title": letter.title,
        "agency": application.agency.name,
        "agency_address": application.agency.address,
        "agency_phone": application.agency.phone,
        "number": application.number,
        "applicant_name": application.applicant_name,
        "applicant_address": application.address,
        "request_text": application.request_text,
        "received_on": chinese_date(received.on),
        "event_on": chinese_date(event.on),
        "note": event.note,
        "ground": event.ground
        or (outcome_row.grounds[0] if outcome_row and outcome_row.grounds else ""),
        "outcome": outcome_row.label.text if outcome_row else "",
        "outcome_short": outcome_row.short if outcome_row else "",
        "extension_days": event.days or "",
        "due_on": chinese_date(state.due_on or state.last_due),
        "head_name": (head.user.get_full_name() or head.user.get_username()) if head else "",
        "head_title": (head.title or "负责人") if head else "",
        "today": chinese_date(event.on),
    }


def letter_render(
    application: Application, key: str, event_id: int, state: State
) -> tuple[str, bytes]:
    """The filled DOCX of one letter and its file name."""
    letter = next(
        (x for x in letters_available(application) if x.key == key and x.event.pk == event_id),
        None,
    )
    if letter is None or letter.event.kind == VOID:
        raise LetterUnavailable("该申请没有这份文书。")
    doc = DocxTemplate(io.BytesIO(template_bytes(key)))
    doc.render(letter_context(application, letter, state), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return f"{application.number}-{letter.title}.docx", out.getvalue()
