"""The demo's online applications: submissions waiting at the 自然资源和规划局, one of them
resembling an application the same person made shortly before (flagged, for the officer)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from xxgk.agencies.models import Agency
from xxgk.applications.identifiers import credit_code_check_char, id_number_check_char
from xxgk.online.services import SubmissionData, submission_confirm, submission_create

AGENCY = "江城市自然资源和规划局"
OFFICER = "officer"


def _id(first17: str) -> str:
    return first17 + id_number_check_char(first17)


def online_demo_load(agencies: dict[str, Agency], users: dict[str, User], today: date) -> None:
    agency = agencies[AGENCY]
    person = SubmissionData(
        applicant_kind="natural_person",
        applicant_name="周晓梅",
        id_document="resident_id",
        id_number=_id("99010119850612004"),  # region 990101: fictitious
        phone="13912345678",
        email="zhouxiaomei@example.com",
        address="江城市东湖区湖滨路 18 号",
        postcode="999001",
        request_text="江城市东湖区2025年度国有建设用地供应计划",
        delivery="electronic",
        way="email",
    )
    earlier = submission_create(agency=agency, data=person, idempotency_key="demo-online-1")
    submission_confirm(user=users[OFFICER], submission=earlier.submission)
    # The same person again, a few words changed: the officer sees the earlier case.
    submission_create(
        agency=agency,
        data=SubmissionData(
            **{
                **vars(person),
                "request_text": "请公开东湖区2025年度国有建设用地供应计划",
            }
        ),
        idempotency_key="demo-online-2",
    )
    submission_create(
        agency=agency,
        data=SubmissionData(
            applicant_kind="natural_person",
            applicant_name="Maria Keller",
            id_document="passport",
            id_number="C01X00T47",
            phone="13800001234",
            email="m.keller@example.com",
            request_text="青山镇滨江地块2024年土地征收补偿安置方案及批准文件",
            delivery="electronic",
            way="email",
        ),
        idempotency_key="demo-online-3",
    )
    submission_create(
        agency=agency,
        data=SubmissionData(
            applicant_kind="commercial",
            applicant_name="江城新和置业有限公司",
            credit_code="91990100MA0012345" + credit_code_check_char("91990100MA0012345"),
            contact_person="刘强",
            phone="0599-8123456",
            address="江城市江城大道 200 号",
            request_text="江城大道北侧地块规划条件及出让方案",
            delivery="paper",
            way="post",
        ),
        idempotency_key="demo-online-4",
    )
