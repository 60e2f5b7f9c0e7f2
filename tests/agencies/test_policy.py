"""The permission policy: each action for each role, on the agencies of the tree.

The expected answers are written from README's "Roles", not copied from `RULES`.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from xxgk.agencies.policy import Action, can, can_place_agency, permitted, require, scope

pytestmark = pytest.mark.django_db

CITY_TREE = {"city", "bureau", "district", "township"}

# Who may do each action, and on which agencies of the tree (names of `Tree`'s fields).
EXPECTED: dict[Action, dict[str, set[str]]] = {
    Action.APPLICATION_READ: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.APPLICATION_EXPORT: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.APPLICATION_REGISTER: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.APPLICATION_RECORD_EVENT: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.APPLICATION_APPROVE_EXTENSION: {"head": {"bureau"}},
    Action.REPORT_READ: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.REPORT_WRITE: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.REPORT_APPROVE: {"head": {"bureau"}},
    Action.APPLICATION_REVEAL: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.APPEAL_READ: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.APPEAL_WRITE: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.DISCLOSURE_READ: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.DISCLOSURE_WRITE: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.DISCLOSURE_REVIEW: {"head": {"bureau"}},
    Action.FIGURE_EDIT: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.ENQUIRY_READ: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "supervisor": CITY_TREE,
        "outsider": {"other_city"},
    },
    Action.ENQUIRY_ANSWER: {
        "officer": {"bureau"},
        "head": {"bureau"},
        "district_officer": {"district"},
        "outsider": {"other_city"},
    },
    Action.THEME_EDIT: {"admin": CITY_TREE},
    Action.AGENCY_EDIT: {"admin": CITY_TREE},
    Action.STAFF_EDIT: {"admin": CITY_TREE},
    Action.CALENDAR_EDIT: {"admin": CITY_TREE},
    Action.LETTER_TEMPLATE_EDIT: {"admin": CITY_TREE},
    Action.AUDIT_LOG_READ: {"admin": CITY_TREE},
}
PEOPLE = ("officer", "head", "district_officer", "supervisor", "admin", "outsider", "nobody")
AGENCIES = ("city", "bureau", "district", "township", "other_city")


def test_every_action_but_the_admin_site_has_its_expectation() -> None:
    assert set(EXPECTED) == set(Action) - {Action.ADMIN_SITE}


@pytest.mark.parametrize("action", list(EXPECTED))
def test_scope_and_can_follow_the_roles(tree, people, action) -> None:
    for who in PEOPLE:
        user = getattr(people, who)
        allowed = EXPECTED[action].get(who, set())
        assert {a.name for a in scope(user, action)} == {
            getattr(tree, name).name for name in allowed
        }, who
        assert can(user, action) == bool(allowed), who
        for name in AGENCIES:
            assert can(user, action, getattr(tree, name)) == (name in allowed), (who, name)


def test_an_object_is_judged_by_its_agency(tree, people) -> None:
    application = SimpleNamespace(agency_id=tree.township.pk)
    event = SimpleNamespace(application=application)
    for obj in (application, event):
        assert can(people.supervisor, Action.APPLICATION_READ, obj)
        assert not can(people.officer, Action.APPLICATION_READ, obj)
        assert not can(people.admin, Action.APPLICATION_READ, obj)
    assert can(people.admin, Action.AUDIT_LOG_READ, SimpleNamespace(agency_id=tree.township.pk))


def test_an_object_of_no_agency_belongs_to_whoever_has_the_action(people) -> None:
    calendar_year = SimpleNamespace()
    assert can(people.admin, Action.CALENDAR_EDIT, calendar_year)
    assert not can(people.officer, Action.CALENDAR_EDIT, calendar_year)
    log_of_no_agency = SimpleNamespace(agency_id=None)
    assert can(people.admin, Action.AUDIT_LOG_READ, log_of_no_agency)


def test_a_superuser_administers_everything_and_reads_appeals_not_applications(
    tree, django_user_model
) -> None:
    root = django_user_model.objects.create_superuser("root", password="x")
    for action in (Action.AGENCY_EDIT, Action.AUDIT_LOG_READ, Action.APPEAL_READ):
        assert scope(root, action).count() == 5
        assert can(root, action, tree.other_city)
    for action in (Action.APPLICATION_READ, Action.APPLICATION_RECORD_EVENT, Action.APPEAL_WRITE):
        assert not scope(root, action).exists()
        assert not can(root, action)


def test_no_one_without_a_role_or_a_login_may_do_anything(people) -> None:
    for user in (people.nobody, AnonymousUser()):
        assert permitted(user) == frozenset()
        for action in Action:
            assert not scope(user, action).exists()


def test_a_deactivated_user_loses_every_role(people) -> None:
    people.admin.is_active = False
    assert not can(people.admin, Action.AUDIT_LOG_READ)
    assert not scope(people.admin, Action.STAFF_EDIT).exists()


def test_the_admin_site_is_for_active_staff(people) -> None:
    assert not can(people.admin, Action.ADMIN_SITE)
    people.officer.is_staff = True
    assert can(people.officer, Action.ADMIN_SITE)
    assert Action.ADMIN_SITE in permitted(people.officer)


def test_permitted_lists_what_the_navigation_shows(people) -> None:
    assert permitted(people.officer) == {
        Action.APPLICATION_READ,
        Action.APPLICATION_EXPORT,
        Action.APPLICATION_REGISTER,
        Action.APPLICATION_RECORD_EVENT,
        Action.APPLICATION_REVEAL,
        Action.APPEAL_READ,
        Action.APPEAL_WRITE,
        Action.DISCLOSURE_READ,
        Action.DISCLOSURE_WRITE,
        Action.FIGURE_EDIT,
        Action.ENQUIRY_READ,
        Action.ENQUIRY_ANSWER,
        Action.REPORT_READ,
        Action.REPORT_WRITE,
    }
    assert Action.APPLICATION_APPROVE_EXTENSION in permitted(people.head)
    assert Action.DISCLOSURE_REVIEW in permitted(people.head)
    assert permitted(people.supervisor) == {
        Action.APPLICATION_READ,
        Action.APPLICATION_EXPORT,
        Action.APPEAL_READ,
        Action.DISCLOSURE_READ,
        Action.ENQUIRY_READ,
        Action.REPORT_READ,
    }
    assert Action.APPLICATION_READ not in permitted(people.admin)
    assert Action.AUDIT_LOG_READ in permitted(people.admin)


def test_require_hides_what_the_user_may_not_read_and_forbids_the_rest(tree, people) -> None:
    application = SimpleNamespace(agency_id=tree.bureau.pk)
    require(people.head, Action.APPLICATION_APPROVE_EXTENSION, application)
    # The supervisor reads the application: a forbidden action on it is a 403.
    with pytest.raises(PermissionDenied):
        require(people.supervisor, Action.APPLICATION_RECORD_EVENT, application)
    with pytest.raises(PermissionDenied, match="负责人"):
        require(people.officer, Action.APPLICATION_APPROVE_EXTENSION, application)
    # Others do not even learn it exists.
    for who in ("outsider", "admin", "district_officer", "nobody"):
        with pytest.raises(Http404):
            require(getattr(people, who), Action.APPLICATION_RECORD_EVENT, application)
        with pytest.raises(Http404):
            require(getattr(people, who), Action.APPLICATION_READ, application)
    # Without an object, a page the user's roles do not open is a 403.
    with pytest.raises(PermissionDenied):
        require(people.officer, Action.AUDIT_LOG_READ)
    with pytest.raises(PermissionDenied):
        require(people.admin, Action.APPLICATION_REGISTER)
    # An administrator's object outside the subtree: a 403, it is no secret.
    with pytest.raises(PermissionDenied):
        require(people.admin, Action.AGENCY_EDIT, tree.other_city)


def test_an_agency_goes_only_under_one_the_user_administers(
    tree, people, django_user_model
) -> None:
    assert can_place_agency(people.admin, tree.district)
    assert not can_place_agency(people.admin, tree.other_city)
    assert not can_place_agency(people.admin, None)
    root = django_user_model.objects.create_superuser("root", password="x")
    assert can_place_agency(root, None)


def test_holders_are_who_may_act_on_an_agency(tree, people) -> None:
    from xxgk.agencies.policy import Action, holders

    acting = {m.user for m in holders(Action.APPLICATION_RECORD_EVENT, tree.bureau)}
    assert acting == {people.officer, people.head}
    approving = {m.user for m in holders(Action.APPLICATION_APPROVE_EXTENSION, tree.bureau)}
    assert approving == {people.head}
    readers = {m.user for m in holders(Action.APPLICATION_READ, tree.township)}
    assert people.supervisor in readers  # the city's supervisor reads everything below it
    assert people.officer not in readers


def test_deny_unless_is_how_a_service_answers(tree, people) -> None:
    from xxgk.agencies.policy import deny_unless

    deny_unless(people.officer, Action.APPLICATION_REGISTER, tree.bureau)
    with pytest.raises(PermissionDenied, match="只有经办人或负责人可以登记申请"):
        deny_unless(people.outsider, Action.APPLICATION_REGISTER, tree.bureau)  # not a 404
    with pytest.raises(PermissionDenied, match="另一种说法"):
        deny_unless(people.supervisor, Action.APPLICATION_REGISTER, tree.bureau, "另一种说法")
