import pytest

from xxgk.agencies.selectors import (
    agencies_administered,
    agencies_handled,
    agencies_headed,
    agencies_readable,
    agency_head,
    user_is_administrator,
)

pytestmark = pytest.mark.django_db


def names(qs) -> set[str]:
    return {a.name for a in qs}


def test_officer_reads_and_handles_only_own_agency(tree, people) -> None:
    assert names(agencies_readable(user=people.officer)) == {tree.bureau.name}
    assert names(agencies_handled(user=people.officer)) == {tree.bureau.name}
    assert not agencies_headed(user=people.officer).exists()


def test_supervisor_reads_everything_below_but_handles_nothing(tree, people) -> None:
    readable = names(agencies_readable(user=people.supervisor))
    assert readable == {tree.city.name, tree.bureau.name, tree.district.name, tree.township.name}
    assert tree.other_city.name not in readable
    assert not agencies_handled(user=people.supervisor).exists()


def test_administrator_administers_the_subtree(tree, people) -> None:
    assert names(agencies_administered(user=people.admin)) == {
        tree.city.name,
        tree.bureau.name,
        tree.district.name,
        tree.township.name,
    }
    assert user_is_administrator(user=people.admin)
    assert not user_is_administrator(user=people.officer)
    assert not user_is_administrator(user=people.supervisor)


def test_head_is_found_for_signing(tree, people) -> None:
    assert agency_head(agency=tree.bureau).user == people.head
    assert agency_head(agency=tree.district) is None


def test_no_roles_no_agencies(people) -> None:
    from django.contrib.auth.models import AnonymousUser

    for user in (people.nobody, AnonymousUser()):
        assert not agencies_readable(user=user).exists()
        assert not agencies_administered(user=user).exists()
