"""The 主题分类 an installation starts with: the State Council's theme list as government portals
use it (procedure.md, "主题分类"). Administrators edit the tree afterwards (the admin's Theme
page); this list is only the seed, read by the data migration and by `theme_seed`."""

from __future__ import annotations

from typing import Any

STATE_COUNCIL_THEMES: tuple[str, ...] = (
    "综合政务",
    "国民经济管理、国有资产监管",
    "财政、金融、审计",
    "国土资源、能源",
    "农业、林业、水利",
    "工业、交通",
    "商贸、海关、旅游",
    "市场监管、安全生产监管",
    "城乡建设、环境保护",
    "科技、教育",
    "文化、卫生、体育",
    "人口与计划生育、妇女儿童工作",
    "劳动、人事、监察",
    "公安、安全、司法",
    "民政、扶贫、救灾",
    "民族、宗教",
    "外交、外事",
    "港澳台侨工作",
    "国防",
    "其他",
)


def theme_save(*, user: Any, theme: Any) -> Any:
    """Add or change a theme of the tree (the admin), with its audit record. A theme cannot sit
    under itself or under one of its own children."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.db import transaction

    from xxgk.agencies.policy import RULES, Action, can
    from xxgk.audit.models import AuditEventType
    from xxgk.audit.services import audit_record
    from xxgk.disclosures.models import Theme

    if user is not None and not can(user, Action.THEME_EDIT):
        raise PermissionDenied(RULES[Action.THEME_EDIT].denied)
    parent = theme.parent
    while parent is not None:
        if theme.pk is not None and parent.pk == theme.pk:
            raise ValidationError("上级分类不能是本分类或其下级分类。")
        parent = parent.parent
    with transaction.atomic():
        old = (
            Theme.objects.filter(pk=theme.pk).values("name", "parent", "order").first()
            if theme.pk
            else None
        )
        theme.full_clean()
        theme.save()
        audit_record(
            actor=user,
            event_type=AuditEventType.THEME_SAVED,
            obj=theme,
            agency=None,
            old=old,
            new={"name": theme.name, "parent": theme.parent_id, "order": theme.order},
        )
    return theme
