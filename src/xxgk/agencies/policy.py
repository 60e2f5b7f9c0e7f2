"""Who may do what, on which agencies: the one permission policy.

Every entry point asks here — the views, the services, the selectors that scope a list, the
navigation, the Django admin — so that each rule is written once, in `RULES`:

- 经办人 (officer) and 负责人 (head) act for their own agency; only a head approves an extension;
  only they see an applicant's personal data unmasked (查看完整信息, with a reason, logged);
- 监督人员 (supervisor) reads, never writes, its agency and everything below it;
- the disclosure register (主动公开) follows the same lines: officer and head draft, publish and
  withdraw for their own agency and enter its table-2 figures; only a head records the
  保密审查 (Art. 17); administrators edit the 主题分类 tree;
- the public's 咨询 and 建议 follow them too: officer and head answer for their own agency, the
  supervisor reads;
- 系统管理员 (administrator) manages the agency tree and staff, the calendar years and the letter
  templates, and reads the audit log, of its agency and everything below it; the role does not
  read applications or appeals;
- a superuser is an administrator of every agency, and also reads every appeal (the admin's
  oversight list; an appeal names the applicant, but holds none of the personal data an
  application does), never an application;
- `admin.site` is Django's own rule: an active staff user. What each admin page then shows is
  scoped by the rules above.

The three questions:

- `can(user, action, obj=None)`: without an object, whether the action is allowed on at least
  one agency (a page or a link); with one, whether it is allowed on the object's agency;
- `require(user, action, obj=None)`: the same, raising. **Http404** when an object is named and
  the user may not even read it (the action's `hidden_by` read fails), so that another agency's
  application or appeal — whose number is in the URL — does not show it exists;
  **PermissionDenied** (403) when the user may read the object but not do this to it, or when no
  object is named (a page none of the user's roles opens);
- `scope(user, action)`: the agencies the action is allowed on, as a queryset, for selectors and
  admin lists to filter by.

An object's agency is found by duck typing, so that this module imports no app above it: an
`Agency` is its own; anything with an `agency_id` (an application, an appeal, a membership, an
audit record) has that one; anything with an `application` (an event, an attachment) has the
application's. An object of no agency (a calendar year, a letter template, an audit record of
either) belongs to whoever has the action on any agency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from xxgk.agencies.models import Agency, Membership, Role

Viewer = User | AnonymousUser  # whoever is asking, logged in or not


class Action(StrEnum):
    APPLICATION_READ = "application.read"
    APPLICATION_EXPORT = "application.export"
    APPLICATION_REGISTER = "application.register"
    APPLICATION_RECORD_EVENT = "application.record_event"
    APPLICATION_APPROVE_EXTENSION = "application.approve_extension"
    APPLICATION_REVEAL = "application.reveal"  # 查看完整信息: the applicant's data unmasked
    APPEAL_READ = "appeal.read"
    APPEAL_WRITE = "appeal.write"  # register, correct, record the answer and the decision
    DISCLOSURE_READ = "disclosure.read"
    DISCLOSURE_WRITE = "disclosure.write"  # draft, attach, submit, publish, withdraw, lifecycle
    DISCLOSURE_REVIEW = "disclosure.review"  # 保密审查 (条例第十七条)
    FIGURE_EDIT = "figure.edit"  # table-2 figures entered or imported
    ENQUIRY_READ = "enquiry.read"  # the public's 咨询 and 建议, with the asker's contact
    ENQUIRY_ANSWER = "enquiry.answer"  # answer, publish, withdraw from the portal
    REPORT_READ = "report.read"  # the annual report and its drill-down to the records
    REPORT_WRITE = "report.write"  # the annual report: draft, edit, submit, publish, correct
    REPORT_APPROVE = "report.approve"  # approve it (the head)
    THEME_EDIT = "theme.edit"  # the 主题分类 tree
    AGENCY_EDIT = "agency.edit"
    STAFF_EDIT = "staff.edit"  # give and take roles
    CALENDAR_EDIT = "calendar.edit"
    LETTER_TEMPLATE_EDIT = "letter_template.edit"
    AUDIT_LOG_READ = "audit_log.read"
    ADMIN_SITE = "admin.site"


class Reach(Enum):
    OWN = "own"  # the membership's agency
    BELOW = "below"  # the membership's agency and every agency below it


@dataclass(frozen=True)
class Rule:
    grants: Mapping[Role, Reach]  # the roles that allow the action, and how far each reaches
    denied: str  # the 403 message
    superuser: bool = False  # a superuser may do it on every agency
    hidden_by: Action | None = None  # failing this read on the object answers 404, not 403


_HANDLER = {Role.OFFICER: Reach.OWN, Role.HEAD: Reach.OWN}
_READER = {**_HANDLER, Role.SUPERVISOR: Reach.BELOW}
_ADMINISTRATOR = {Role.ADMINISTRATOR: Reach.BELOW}
_APPLICATION_HIDDEN = Action.APPLICATION_READ
_APPEAL_HIDDEN = Action.APPEAL_READ
_DISCLOSURE_HIDDEN = Action.DISCLOSURE_READ
_ENQUIRY_HIDDEN = Action.ENQUIRY_READ
_REPORT_HIDDEN = Action.REPORT_READ

RULES: Mapping[Action, Rule] = {
    Action.APPLICATION_READ: Rule(_READER, "您无权查看申请。", hidden_by=_APPLICATION_HIDDEN),
    Action.APPLICATION_EXPORT: Rule(_READER, "您无权导出申请。", hidden_by=_APPLICATION_HIDDEN),
    Action.APPLICATION_REGISTER: Rule(
        _HANDLER, "只有经办人或负责人可以登记申请。", hidden_by=_APPLICATION_HIDDEN
    ),
    Action.APPLICATION_RECORD_EVENT: Rule(
        _HANDLER, "只有本机关的经办人或负责人可以办理。", hidden_by=_APPLICATION_HIDDEN
    ),
    Action.APPLICATION_APPROVE_EXTENSION: Rule(
        {Role.HEAD: Reach.OWN},
        "只有本机关的负责人可以批准延期答复。",
        hidden_by=_APPLICATION_HIDDEN,
    ),
    # The handling agency's officers contact the applicant; a supervisor oversees the procedure
    # and needs no one's ID number or phone, and an administrator reads no application.
    Action.APPLICATION_REVEAL: Rule(
        _HANDLER,
        "只有本机关的经办人或负责人可以查看申请人完整信息。",
        hidden_by=_APPLICATION_HIDDEN,
    ),
    Action.APPEAL_READ: Rule(
        _READER, "您无权查看行政复议、行政诉讼案件。", superuser=True, hidden_by=_APPEAL_HIDDEN
    ),
    Action.APPEAL_WRITE: Rule(
        _HANDLER,
        "只有本机关的经办人或负责人可以登记和办理行政复议、行政诉讼案件。",
        hidden_by=_APPEAL_HIDDEN,
    ),
    Action.DISCLOSURE_READ: Rule(_READER, "您无权查看主动公开信息。", hidden_by=_DISCLOSURE_HIDDEN),
    Action.DISCLOSURE_WRITE: Rule(
        _HANDLER, "只有本机关的经办人或负责人可以办理主动公开。", hidden_by=_DISCLOSURE_HIDDEN
    ),
    Action.DISCLOSURE_REVIEW: Rule(
        {Role.HEAD: Reach.OWN}, "只有本机关的负责人可以进行保密审查。", hidden_by=_DISCLOSURE_HIDDEN
    ),
    Action.FIGURE_EDIT: Rule(_HANDLER, "只有本机关的经办人或负责人可以录入年度统计数。"),
    Action.ENQUIRY_READ: Rule(_READER, "您无权查看咨询和建议。", hidden_by=_ENQUIRY_HIDDEN),
    # The report counts the applications, and its drill-down lists them: it is read by whoever
    # reads them.
    Action.REPORT_READ: Rule(_READER, "您无权查看年度报告。", hidden_by=_REPORT_HIDDEN),
    Action.REPORT_WRITE: Rule(
        _HANDLER, "只有本机关的经办人或负责人可以编制年度报告。", hidden_by=_REPORT_HIDDEN
    ),
    Action.REPORT_APPROVE: Rule(
        {Role.HEAD: Reach.OWN},
        "只有本机关的负责人可以批准年度报告。",
        hidden_by=_REPORT_HIDDEN,
    ),
    Action.ENQUIRY_ANSWER: Rule(
        _HANDLER, "只有本机关的经办人或负责人可以答复咨询和建议。", hidden_by=_ENQUIRY_HIDDEN
    ),
    Action.THEME_EDIT: Rule(_ADMINISTRATOR, "只有管理员可以维护主题分类。", superuser=True),
    Action.AGENCY_EDIT: Rule(_ADMINISTRATOR, "只有管理员可以维护机关。", superuser=True),
    Action.STAFF_EDIT: Rule(_ADMINISTRATOR, "只有管理员可以管理人员和角色。", superuser=True),
    Action.CALENDAR_EDIT: Rule(_ADMINISTRATOR, "只有管理员可以录入工作日历。", superuser=True),
    Action.LETTER_TEMPLATE_EDIT: Rule(
        _ADMINISTRATOR, "只有管理员可以更换文书模板。", superuser=True
    ),
    Action.AUDIT_LOG_READ: Rule(_ADMINISTRATOR, "只有管理员可以查看操作日志。", superuser=True),
}

# Actions decided by the user's own flags, not by agencies.
_SITE_WIDE: Mapping[Action, Callable[[Viewer], bool]] = {
    Action.ADMIN_SITE: lambda user: bool(user.is_active and user.is_staff),
}

_MISSING = {
    Action.APPLICATION_READ: "没有这件申请，或您无权查看。",
    Action.APPEAL_READ: "没有这件案件，或您无权查看。",
    Action.DISCLOSURE_READ: "没有这条主动公开信息，或您无权查看。",
    Action.ENQUIRY_READ: "没有这件咨询或建议，或您无权查看。",
    Action.REPORT_READ: "没有这份年度报告，或您无权查看。",
}


@dataclass(frozen=True)
class _Grant:
    role: str
    agency_id: int
    path: str


def _grants(user: Viewer) -> list[_Grant]:
    """The user's memberships, in one query; none for the anonymous or a deactivated user."""
    if not (user.is_authenticated and user.is_active):
        return []
    rows = Membership.objects.filter(user=user).values_list("role", "agency_id", "agency__path")
    return [_Grant(role, agency_id, path) for role, agency_id, path in rows]


def _is_superuser(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def _relevant(grants: Iterable[_Grant], rule: Rule) -> list[tuple[_Grant, Reach]]:
    return [(g, rule.grants[Role(g.role)]) for g in grants if g.role in rule.grants]


def _agency_of(obj: Any) -> tuple[int | None, str | None]:
    """The object's agency id and, when at hand, its path (see the module docstring)."""
    if isinstance(obj, Agency):
        return obj.pk, obj.path
    if hasattr(obj, "agency_id"):
        return obj.agency_id, None
    if hasattr(obj, "application"):
        return obj.application.agency_id, None
    if hasattr(obj, "disclosure"):
        return obj.disclosure.agency_id, None
    return None, None


def _allows(user: Viewer, grants: list[_Grant], action: Action, obj: Any) -> bool:
    if action in _SITE_WIDE:
        return _SITE_WIDE[action](user)
    rule = RULES[action]
    if rule.superuser and _is_superuser(user):
        return True
    relevant = _relevant(grants, rule)
    if not relevant:
        return False
    agency_id, path = _agency_of(obj) if obj is not None else (None, None)
    if agency_id is None:
        return True
    for grant, reach in relevant:
        if grant.agency_id == agency_id:
            return True
        if reach is Reach.BELOW:
            if path is None:
                path = Agency.objects.filter(pk=agency_id).values_list("path", flat=True).first()
            if path is not None and path.startswith(grant.path):
                return True
    return False


def can(user: Viewer, action: Action, obj: Any = None) -> bool:
    """Whether `user` may do `action` on `obj` (an agency, or a record of one), or, without
    `obj`, on at least one agency."""
    return _allows(user, _grants(user), action, obj)


def require(user: Viewer, action: Action, obj: Any = None) -> None:
    """`can`, or raise: Http404 when `obj` is named and the user may not read it at all,
    PermissionDenied otherwise (see the module docstring)."""
    grants = _grants(user)
    if _allows(user, grants, action, obj):
        return
    rule = RULES.get(action)
    hidden_by = rule.hidden_by if rule else None
    if obj is not None and hidden_by is not None and not _allows(user, grants, hidden_by, obj):
        raise Http404(_MISSING.get(hidden_by, "没有这项记录，或您无权查看。"))
    raise PermissionDenied(rule.denied if rule else "您无权进行这项操作。")


def deny_unless(user: Viewer, action: Action, obj: Any = None, denied: str = "") -> None:
    """`can`, or PermissionDenied whatever the reason: how a service answers. (`require`
    answers 404 for a record the user may not read; hiding it is the pages' business, and they
    ask `require` before calling a service.) `denied` replaces the rule's message."""
    if not can(user, action, obj):
        rule = RULES.get(action)
        raise PermissionDenied(denied or (rule.denied if rule else "您无权进行这项操作。"))


def scope(user: Viewer, action: Action) -> QuerySet[Agency]:
    """The agencies `action` is allowed on for `user`: what selectors and admin lists filter
    their rows by (`agency__in=scope(...)`)."""
    if action in _SITE_WIDE:
        return Agency.objects.all() if _SITE_WIDE[action](user) else Agency.objects.none()
    rule = RULES[action]
    if rule.superuser and _is_superuser(user):
        return Agency.objects.all()
    relevant = _relevant(_grants(user), rule)
    own = {g.agency_id for g, reach in relevant if reach is Reach.OWN}
    below = {g.path for g, reach in relevant if reach is Reach.BELOW}
    if not own and not below:
        return Agency.objects.none()
    query = Q(pk__in=own)
    for path in below:
        query |= Q(path__startswith=path)
    return Agency.objects.filter(query)


def holders(action: Action, agency: Agency) -> QuerySet[Membership]:
    """The memberships that allow `action` on `agency`: who is told of its deadlines.

    The same rules as `can`, asked the other way round; superusers are not included (they are
    not staff of an agency)."""
    rule = RULES[action]
    query = Q(pk__in=[])
    for role, reach in rule.grants.items():
        if reach is Reach.OWN:
            query |= Q(role=role, agency=agency)
        else:
            ancestors = [int(pk) for pk in agency.path.strip("/").split("/") if pk]
            query |= Q(role=role, agency_id__in=ancestors or [agency.pk])
    return Membership.objects.filter(query).select_related("user", "agency")


def can_place_agency(user: Viewer, parent: Agency | None) -> bool:
    """Whether the user may put an agency under `parent` (adding it, or moving it there). The top
    of the tree (`parent` None) belongs to no administrator's subtree: only a superuser."""
    if parent is None:
        return _is_superuser(user)
    return can(user, Action.AGENCY_EDIT, parent)


def permitted(user: Viewer) -> frozenset[Action]:
    """Every action the user may do on at least one agency (one query): what the navigation
    shows."""
    grants = _grants(user)
    return frozenset(a for a in Action if _allows(user, grants, a, None))
