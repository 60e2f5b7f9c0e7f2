"""An audit record's old and new values as a reader sees them: Chinese field names, choices by
their labels, agencies by name, and only what changed ("旧值 → 新值").

The records hold JSON snapshots whose keys are, mostly, the field names of the object's model, so
a key's label is that field's `verbose_name` (looked up through `apps.get_model`, so that the
audit app imports no app that writes to it). Keys that are no field are named in `_LABELS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from xxgk.audit.models import AuditLog
from xxgk.report import editions

# The models whose fields name a record's keys, by the record's object type, in lookup order
# (an application's record also carries an attachment's name and size).
_MODELS: Mapping[str, Sequence[str]] = {
    "agency": ("agencies.Agency",),
    "membership": ("agencies.Membership",),
    "application": ("applications.Application", "applications.Attachment"),
    "calendaryear": ("applications.CalendarYear",),
    "lettertemplate": ("applications.LetterTemplate",),
    "appeal": ("appeals.Appeal",),
    "enquiry": ("enquiries.Enquiry",),
}
# Keys holding a nested snapshot of another model (an application's event).
_NESTED: Mapping[str, str] = {
    "event": "applications.ApplicationEvent",
    "replacement": "applications.ApplicationEvent",
}
# Keys that are no field, or whose field's name would mislead here; checked first.
_LABELS: Mapping[str, str] = {
    "id": "编号",
    "event": "办理事项",
    "replacement": "更正后的办理事项",
    "attachment": "附件编号",
    "reason": "理由",
    "late": "逾期提交",
    "column": "表四栏目",
}
# An applicant's name is personal data, which the administrators reading the log do not read.
_PERSONAL = frozenset({"applicant_name"})
_NONE = "—"


@dataclass(frozen=True)
class Change:
    """One value of a record: its label, and its value before and after (None: absent)."""

    label: str
    old: str | None
    new: str | None

    @property
    def added(self) -> bool:
        return self.old is None

    @property
    def removed(self) -> bool:
        return self.new is None


def mask(name: str) -> str:
    """张三 → 张*: enough to tell records apart, not to identify a person."""
    return name[:1] + "*" * (len(name) - 1) if name else name


def object_label(record: AuditLog) -> str:
    """The record's object, without personal data: an application by its number alone (its
    `str` is "number applicant")."""
    if record.object_type == "application":
        return record.object_repr.split(" ", 1)[0]
    return record.object_repr


def _field(model_labels: Sequence[str], key: str) -> models.Field[Any, Any] | None:
    for label in model_labels:
        try:
            field = apps.get_model(label)._meta.get_field(key)
        except (FieldDoesNotExist, LookupError):
            continue
        if isinstance(field, models.Field):
            return field
    return None


class _Formatter:
    """Labels and shows the values of one page of records; agencies named in one query."""

    def __init__(self, records: Sequence[AuditLog]) -> None:
        ids = {
            value
            for r in records
            for snapshot in (r.old_value, r.new_value)
            if isinstance(snapshot, dict)
            for key, value in snapshot.items()
            if isinstance(value, int) and self._is_agency(r.object_type, key)
        }
        agency = apps.get_model("agencies.Agency")
        self.agency_names = dict(agency.objects.filter(pk__in=ids).values_list("pk", "name"))

    @staticmethod
    def _is_agency(object_type: str, key: str) -> bool:
        field = _field(_MODELS.get(object_type, ()), key)
        return field is not None and field.related_model is apps.get_model("agencies.Agency")

    def label(self, model_labels: Sequence[str], key: str) -> str:
        if key in _LABELS:
            return _LABELS[key]
        field = _field(model_labels, key)
        return str(field.verbose_name) if field is not None else key

    def show(self, model_labels: Sequence[str], key: str, value: Any, year: int) -> str:
        if value is None or value == "":
            return _NONE
        if key in _PERSONAL and isinstance(value, str):
            return mask(value)
        if isinstance(value, bool):
            return "是" if value else "否"
        if key == "column":
            return _table4_column(str(value), year)
        field = _field(model_labels, key)
        if field is not None and field.related_model is apps.get_model("agencies.Agency"):
            return self.agency_names.get(value, f"#{value}")
        if field is not None and field.is_relation and isinstance(value, int):
            return f"#{value}"
        if field is not None and field.flatchoices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, list):
            return "、".join(str(v) for v in value) or _NONE
        if isinstance(value, dict):
            return "；".join(f"{k} {v}" for k, v in value.items()) or _NONE
        return str(value)

    def changes(self, record: AuditLog) -> list[Change]:
        model_labels = _MODELS.get(record.object_type, ())
        return self._compare(
            model_labels, _as_dict(record.old_value), _as_dict(record.new_value), "", record
        )

    def _compare(
        self,
        model_labels: Sequence[str],
        old: Mapping[str, Any] | None,
        new: Mapping[str, Any] | None,
        prefix: str,
        record: AuditLog,
    ) -> list[Change]:
        year = record.event_time.year
        found: list[Change] = []
        for key in _keys(old, new):
            before = old.get(key) if old is not None and key in old else _ABSENT
            after = new.get(key) if new is not None and key in new else _ABSENT
            if _same(before, after):
                continue
            label = prefix + self.label(model_labels, key)
            if key in _NESTED and (isinstance(before, dict) or isinstance(after, dict)):
                found += self._compare(
                    (_NESTED[key],),
                    before if isinstance(before, dict) else None,
                    after if isinstance(after, dict) else None,
                    f"{label}·",
                    record,
                )
                continue
            found.append(
                Change(
                    label,
                    None if before is _ABSENT else self.show(model_labels, key, before, year),
                    None if after is _ABSENT else self.show(model_labels, key, after, year),
                )
            )
        return found


_ABSENT: Any = object()


def _same(before: Any, after: Any) -> bool:
    """Equal, or both blank: a blank field written at creation is no change worth showing."""
    return before == after or (_blank(before) and _blank(after))


def _blank(value: Any) -> bool:
    return value is _ABSENT or value is None or value == ""


def _as_dict(value: Any) -> Mapping[str, Any] | None:
    if value is None:
        return None
    return value if isinstance(value, dict) else {"value": value}


def _keys(*snapshots: Mapping[str, Any] | None) -> list[str]:
    """Every key, in the order the newer snapshot writes them, then the older's own."""
    seen: dict[str, None] = {}
    for snapshot in reversed(snapshots):
        for key in snapshot or ():
            seen.setdefault(key, None)
    return list(seen)


def _table4_column(key: str, year: int) -> str:
    columns = {c.key: c.label.text for c in editions.for_year(year).appeal_columns}
    return columns.get(key, key)


def audit_changes(records: Iterable[AuditLog]) -> dict[int, list[Change]]:
    """The changes of each record, by its id."""
    page = list(records)
    formatter = _Formatter(page)
    return {r.pk: formatter.changes(r) for r in page}
