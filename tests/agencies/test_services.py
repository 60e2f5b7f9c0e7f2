import pytest
from django.core.exceptions import ValidationError

from xxgk.agencies.models import Level, Membership, Role
from xxgk.agencies.services import agency_create, agency_update, membership_add, membership_remove
from xxgk.audit.models import AuditEventType, AuditLog

pytestmark = pytest.mark.django_db


def test_tree_levels_are_enforced(tree) -> None:
    with pytest.raises(ValidationError, match="乡镇"):
        agency_create(actor=None, name="错镇", level=Level.TOWNSHIP, parent=tree.bureau)
    with pytest.raises(ValidationError):
        agency_create(actor=None, name="孤立部门", level=Level.DEPARTMENT)


def test_moving_an_agency_moves_its_subtree(tree, people) -> None:
    new_city = agency_create(actor=people.admin, name="新市人民政府", level=Level.CITY)
    agency_update(actor=people.admin, agency=tree.district, parent=new_city)
    tree.township.refresh_from_db()
    assert tree.township.path.startswith(new_city.path)
    record = AuditLog.objects.get(event_type=AuditEventType.AGENCY_CHANGED)
    assert record.actor == people.admin
    assert record.old_value["parent"] == tree.city.pk
    assert record.new_value["parent"] == new_city.pk


def test_an_agency_cannot_be_moved_under_itself(tree) -> None:
    path = tree.district.path
    with pytest.raises(ValidationError):
        agency_update(actor=None, agency=tree.district, parent=tree.township)
    tree.district.refresh_from_db()
    assert tree.district.path == path


def test_memberships_are_audited(tree, people) -> None:
    m = membership_add(
        actor=people.admin, user=people.nobody, agency=tree.bureau, role=Role.OFFICER
    )
    again = membership_add(
        actor=people.admin, user=people.nobody, agency=tree.bureau, role=Role.OFFICER
    )
    assert again == m
    membership_remove(actor=people.admin, membership=m)
    assert not Membership.objects.filter(user=people.nobody).exists()
    types = list(
        AuditLog.objects.filter(object_type="membership", actor=people.admin)
        .order_by("id")
        .values_list("event_type", flat=True)
    )
    assert types == [AuditEventType.MEMBERSHIP_ADDED, AuditEventType.MEMBERSHIP_REMOVED]
    assert (
        AuditLog.objects.filter(event_type=AuditEventType.MEMBERSHIP_REMOVED)
        .get()
        .old_value["user"]
        == "nobody"
    )
