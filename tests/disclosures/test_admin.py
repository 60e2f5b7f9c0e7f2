"""The 主题分类 tree: seeded by the migration, edited by administrators in the admin (through the
policy and the audit log), by no one else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from xxgk.audit.models import AuditEventType, AuditLog
from xxgk.disclosures.models import Theme
from xxgk.disclosures.themes import STATE_COUNCIL_THEMES

pytestmark = pytest.mark.django_db


def test_the_state_council_themes_are_seeded() -> None:
    top = list(Theme.objects.filter(parent__isnull=True).values_list("name", flat=True))
    assert top == list(STATE_COUNCIL_THEMES)
    assert {"综合政务", "财政、金融、审计", "外交、外事"} <= set(top)


def test_an_administrator_edits_the_tree(client, people) -> None:
    people.admin.is_staff = True
    people.admin.save()
    client.force_login(people.admin)
    assert client.get(reverse("admin:disclosures_theme_changelist")).status_code == 200
    parent = Theme.objects.get(name="城乡建设、环境保护")
    response = client.post(
        reverse("admin:disclosures_theme_add"),
        {"name": "生态环境保护", "parent": parent.pk, "order": 1},
    )
    assert response.status_code == 302
    child = Theme.objects.get(name="生态环境保护")
    assert child.parent == parent
    assert AuditLog.objects.filter(event_type=AuditEventType.THEME_SAVED).count() == 1
    # A theme cannot be moved under its own child.
    response = client.post(
        reverse("admin:disclosures_theme_change", args=[parent.pk]),
        {"name": parent.name, "parent": child.pk, "order": parent.order},
    )
    assert response.status_code == 200
    assert "上级分类不能是本分类" in response.content.decode()


def test_an_officer_does_not_edit_themes(client, people) -> None:
    people.officer.is_staff = True
    people.officer.save()
    client.force_login(people.officer)
    assert client.get(reverse("admin:disclosures_theme_changelist")).status_code == 403
