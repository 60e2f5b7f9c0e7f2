"""The 操作日志 page: the administrator's agencies only, 50 records a page with links that keep
the filters, filtered by event type and agency, each record's change in Chinese."""

import re
from datetime import date

import pytest
from django.urls import reverse

from xxgk.agencies.models import Role
from xxgk.agencies.services import agency_update, membership_add
from xxgk.audit.models import AuditEventType, AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, people):
    client.force_login(people.admin)
    return client


def rows(page: str) -> int:
    return page.count("<tr>") - 1  # the header row


def filters(page: str) -> str:
    start = page.index('<form class="filters"')
    return page[start : page.index("</form>", start)]


def agency_options(page: str) -> str:
    """The options of the form's agency filter (not the event types': their values are numbers
    too)."""
    form = filters(page)
    start = form.index('name="agency"')
    return form[start : form.index("</select>", start)]


def records(page: str) -> str:
    return page[page.index("<tbody>") :]


def test_the_administrator_reads_its_agencies_and_the_shared_records(
    admin_client, tree, people
) -> None:
    membership_add(actor=None, user=people.nobody, agency=tree.other_city, role=Role.OFFICER)
    page = admin_client.get(reverse("audit")).content.decode()
    assert "district（甲市乙区人民政府·经办人）" in page
    assert "丁市人民政府·经办人" not in page
    AuditLog.objects.create(
        event_type=AuditEventType.CALENDAR_YEAR_SAVED,
        object_type="calendaryear",
        object_id="1",
        object_repr="2031 年工作日历",
        new_value={"holidays": ["2031-01-01"], "workdays": []},
    )
    page = admin_client.get(reverse("audit")).content.decode()
    assert "2031 年工作日历" in page
    assert "（全部机关）" in page
    assert "放假日期" in page


def test_fifty_a_page_and_the_links_keep_the_filters(admin_client, tree) -> None:
    for i in range(55):
        agency_update(actor=None, agency=tree.bureau, phone=f"0599-{i + 100}")
    url = reverse("audit")
    query = {"type": AuditEventType.AGENCY_CHANGED, "agency": tree.bureau.pk}
    first = admin_client.get(url, query).content.decode()
    assert rows(first) == 50
    assert "共 55 条" in first
    assert "第 1 / 2 页" in first
    links = re.findall(r'href="\?([^"]+)"', first)
    assert links
    for link in links:
        assert f"type={AuditEventType.AGENCY_CHANGED.value}" in link
        assert f"agency={tree.bureau.pk}" in link
    second = admin_client.get(url, {**query, "page": 2}).content.decode()
    assert rows(second) == 5
    assert "0599-100" in second  # the oldest, last
    assert "0599-154" in first  # the newest, first


def test_filters_by_event_type(admin_client, tree, people) -> None:
    agency_update(actor=None, agency=tree.bureau, phone="0599-2")
    url = reverse("audit")
    page = admin_client.get(url, {"type": AuditEventType.AGENCY_CHANGED}).content.decode()
    assert "0599-2" in page
    assert "经办人" not in records(page)  # no membership records
    page = admin_client.get(url, {"type": AuditEventType.MEMBERSHIP_ADDED}).content.decode()
    assert "0599-2" not in page
    assert "officer（甲市自然资源局·经办人）" in page


def test_filters_by_one_of_the_administrators_agencies(admin_client, tree) -> None:
    agency_update(actor=None, agency=tree.township, phone="0599-镇")
    agency_update(actor=None, agency=tree.bureau, phone="0599-局")
    url = reverse("audit")
    form = agency_options(admin_client.get(url).content.decode())
    for agency in (tree.city, tree.bureau, tree.district, tree.township):
        assert f'value="{agency.pk}"' in form
    assert f'value="{tree.other_city.pk}"' not in form

    district = admin_client.get(url, {"agency": tree.district.pk}).content.decode()
    assert "0599-镇" not in district
    below = admin_client.get(url, {"agency": tree.district.pk, "below": "on"}).content.decode()
    assert "0599-镇" in below
    assert "0599-局" not in below
    other = admin_client.get(url, {"agency": tree.other_city.pk}).content.decode()
    assert "筛选条件无效" in other


def test_each_record_shows_its_change_and_its_agency(admin_client, tree) -> None:
    agency_update(actor=None, agency=tree.bureau, phone="0599-2")
    page = admin_client.get(reverse("audit"), {"type": AuditEventType.AGENCY_CHANGED})
    body = page.content.decode()
    row = body[body.index("<td>修改机关</td>") :]
    row = row[: row.index("</tr>")]
    assert tree.bureau.name in row
    assert "<dt>联系电话</dt><dd><del>0599-1</del> → <ins>0599-2</ins></dd>" in row
    assert "名称" not in row  # unchanged


def test_no_applicants_personal_data(admin_client, register, today) -> None:
    today.set(date(2025, 10, 20))
    application = register(date(2025, 9, 26), applicant_name="保密申请人")
    page = admin_client.get(reverse("audit")).content.decode()
    assert application.number in page
    assert "保密申请人" not in page
    assert "11010519491231002X" not in page
