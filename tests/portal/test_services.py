"""The guide and the 制度 are versioned: a new version never overwrites the old."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from xxgk.portal import selectors
from xxgk.portal.models import GuideVersion, RulesVersion
from xxgk.portal.services import guide_publish, rules_publish

pytestmark = pytest.mark.django_db

GUIDE = {
    "office_name": "办公室",
    "address": "中山路2号",
    "hours": "工作日",
    "phone": "0599-1",
    "classification": "按主题分类。",
    "obtaining": "在本专栏查阅。",
}


def test_each_guide_is_a_new_version_and_the_latest_is_current(tree) -> None:
    first = guide_publish(agency=tree.bureau, published_on=date(2024, 1, 1), **GUIDE)
    second = guide_publish(
        agency=tree.bureau, published_on=date(2025, 1, 1), **{**GUIDE, "phone": "0599-2"}
    )
    assert selectors.guide_current(agency=tree.bureau) == second
    assert list(selectors.guide_versions(agency=tree.bureau)) == [second, first]
    first.refresh_from_db()
    assert first.phone == "0599-1"
    assert selectors.guide_current(agency=tree.city) is None


def test_a_guide_needs_its_statutory_fields(tree) -> None:
    with pytest.raises(ValidationError) as error:
        guide_publish(agency=tree.bureau, published_on=date(2025, 1, 1), **{**GUIDE, "phone": ""})
    assert "phone" in error.value.message_dict
    assert not GuideVersion.objects.exists()


def test_rules_current_is_the_latest_of_each(tree) -> None:
    rules_publish(agency=tree.bureau, name="保密审查制度", text="旧", published_on=date(2024, 1, 1))
    new = rules_publish(
        agency=tree.bureau, name="保密审查制度", text="新", published_on=date(2025, 1, 1)
    )
    other = rules_publish(
        agency=tree.bureau, name="主动公开制度", text="甲", published_on=date(2023, 1, 1)
    )
    assert selectors.rules_current(agency=tree.bureau) == [other, new]
    assert RulesVersion.objects.count() == 3
    new.text = "改"
    with pytest.raises(ValueError, match="不能修改"):
        new.save()
