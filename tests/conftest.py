"""Shared fixtures of the web app's tests (pytest-django; DJANGO_SETTINGS_MODULE is set in
pyproject.toml). Django is imported inside the fixtures, so the pure layers' tests never need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

PASSWORD = "pw-for-tests-only"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # PBKDF2's deliberate slowness costs seconds per user; tests need no protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_lockout(settings: Any) -> None:
    # Django's test client logs in without a request, which django-axes refuses; the lockout
    # has its own tests (tests/site/test_accounts.py), which turn it back on.
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    settings.AXES_ENABLED = False


@pytest.fixture
def demo_profile(settings: Any) -> None:
    """The demo profile, the only one in which `demo_load` creates the demo accounts."""
    settings.XXGK_PROFILE = "demo"


@dataclass
class Tree:
    """A city with a department, a district and a township under the district."""

    city: Any
    bureau: Any
    district: Any
    township: Any
    other_city: Any


@pytest.fixture
def tree(db: None) -> Tree:
    from xxgk.agencies.models import Level
    from xxgk.agencies.services import agency_create

    city = agency_create(actor=None, name="甲市人民政府", level=Level.CITY)
    bureau = agency_create(
        actor=None,
        name="甲市自然资源局",
        level=Level.DEPARTMENT,
        parent=city,
        phone="0599-1",
        address="甲市中山路2号",
        short_name="甲自然资",
        review_body="甲市人民政府",
        court="甲市中山区人民法院",
    )
    district = agency_create(actor=None, name="甲市乙区人民政府", level=Level.DISTRICT, parent=city)
    township = agency_create(
        actor=None, name="乙区丙镇人民政府", level=Level.TOWNSHIP, parent=district
    )
    other_city = agency_create(actor=None, name="丁市人民政府", level=Level.CITY)
    return Tree(city, bureau, district, township, other_city)


@dataclass
class People:
    officer: Any  # bureau officer
    head: Any  # bureau head
    district_officer: Any
    supervisor: Any  # city supervisor (reads everything under the city)
    admin: Any  # city administrator
    outsider: Any  # officer of another city
    nobody: Any  # logged in, no role


@pytest.fixture
def people(tree: Tree, django_user_model: Any) -> People:
    from xxgk.agencies.models import Role
    from xxgk.agencies.services import membership_add

    def user(name: str, agency: Any = None, role: Any = None, title: str = "") -> Any:
        u = django_user_model.objects.create_user(name, password=PASSWORD, first_name=name)
        if agency is not None:
            membership_add(actor=None, user=u, agency=agency, role=role, title=title)
        return u

    return People(
        officer=user("officer", tree.bureau, Role.OFFICER),
        head=user("head", tree.bureau, Role.HEAD, "办公室主任"),
        district_officer=user("district", tree.district, Role.OFFICER),
        supervisor=user("supervisor", tree.city, Role.SUPERVISOR),
        admin=user("admin", tree.city, Role.ADMINISTRATOR),
        outsider=user("outsider", tree.other_city, Role.OFFICER),
        nobody=user("nobody"),
    )


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set "today" (Asia/Shanghai) for services and views: `today.set(date(...))`."""
    from django.utils import timezone

    class Today:
        value: date | None = None

        def set(self, day: date) -> date:
            self.value = day
            monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)
            return day

    return Today()


@pytest.fixture
def register(people: People, tree: Tree) -> Any:
    """Register an application through the service (natural person unless told)."""
    from xxgk.applications.services import ApplicantData, application_register

    def _register(
        received_on: date, *, agency: Any = None, user: Any = None, **applicant: Any
    ) -> Any:
        data = {
            "applicant_kind": "natural_person",
            "applicant_name": "张三",
            "id_number": "11010519491231002X",
            "phone": "13900000000",
            **applicant,
        }
        return application_register(
            user=user or people.officer,
            agency=agency or tree.bureau,
            applicant=ApplicantData(**data),
            channel="letter",
            request_text="2025年度国有建设用地供应计划",
            received_on=received_on,
        )

    return _register
