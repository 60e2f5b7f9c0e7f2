"""Template context for every page: the navigation, cut down to the links the user may follow
(`xxgk.agencies.policy`), so that no template decides a permission itself."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from xxgk.agencies.policy import Action, permitted


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool


# Each link and the action that opens its page, in the order shown.
NAVIGATION: tuple[tuple[str, str, Action], ...] = (
    ("待办", "applications:queue", Action.APPLICATION_READ),
    ("查询", "applications:search", Action.APPLICATION_READ),
    ("登记申请", "applications:register", Action.APPLICATION_REGISTER),
    ("网上申请", "submissions:queue", Action.APPLICATION_REGISTER),
    ("复议诉讼", "appeals:list", Action.APPEAL_READ),
    ("主动公开", "disclosures:list", Action.DISCLOSURE_READ),
    ("咨询建议", "enquiries:list", Action.ENQUIRY_READ),
    ("年度报告", "reports:index", Action.REPORT_READ),
    ("工作日历", "calendar", Action.CALENDAR_EDIT),
    ("操作日志", "audit", Action.AUDIT_LOG_READ),
    ("系统管理", "admin:index", Action.ADMIN_SITE),
)


def navigation_for(request: HttpRequest) -> list[NavLink]:
    """The links of the top navigation the request's user may follow."""
    allowed = permitted(request.user)
    match = getattr(request, "resolver_match", None)
    here = match.view_name if match else ""
    return [
        NavLink(label, reverse(name), name == here)
        for label, name, action in NAVIGATION
        if action in allowed
    ]


def navigation(request: HttpRequest) -> dict[str, object]:
    """Context processor: `nav`, computed only when a template shows it."""
    return {"nav": SimpleLazyObject(lambda: navigation_for(request))}
