"""Portal test data, made with the register's models directly (the register's own services are
tested in tests/disclosures): a bureau with a guide, a 制度, and published records in two
languages, an interpretation, and records that must never show (a draft, a withdrawn one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from xxgk.disclosures.choices import Kind, Status, Validity
from xxgk.disclosures.models import Disclosure, Theme
from xxgk.portal.services import guide_publish, portal_refresh, rules_publish

_seq = {"n": 0}


def record(*, agency: Any, user: Any, title: str, **fields: Any) -> Disclosure:
    """A record, published unless told, indexed for search like the register's services do."""
    _seq["n"] += 1
    themes = fields.pop("themes", [])
    values: dict[str, Any] = {
        "index_number": f"014000319/2025-{_seq['n']:05d}",
        "publisher": agency.name,
        "made_on": date(2025, 3, 1),
        "published_on": date(2025, 3, 5),
        "kind": Kind.OTHER,
        "status": Status.PUBLISHED,
        **fields,
    }
    disclosure = Disclosure.objects.create(agency=agency, title=title, created_by=user, **values)
    disclosure.themes.set(themes)
    portal_refresh(disclosure=disclosure)
    return disclosure


@dataclass
class Portal:
    agency: Any
    budget: Disclosure  # 财政预算, item 7, theme 财政, in force, with an English version
    budget_en: Disclosure
    procurement: Disclosure  # 政府采购, item 9, 2024
    rule: Disclosure  # a 规范性文件, item 1, repealed
    interpretation: Disclosure  # 政策解读 of `rule`
    draft: Disclosure
    withdrawn: Disclosure
    finance: Theme
    construction: Theme


def build(*, agency: Any, user: Any) -> Portal:
    """The world of the portal's tests (and of its screenshots)."""
    finance, _ = Theme.objects.get_or_create(parent=None, name="财政、金融、审计")
    construction, _ = Theme.objects.get_or_create(parent=None, name="城乡建设、环境保护")
    guide_publish(
        agency=agency,
        published_on=date(2024, 1, 10),
        office_name="旧办公室",
        address="甲市旧路1号",
        hours="工作日 9:00—17:00",
        phone="0599-0000000",
        classification="旧版分类。",
        obtaining="旧版获取方式。",
    )
    guide_publish(
        agency=agency,
        published_on=date(2025, 2, 1),
        office_name="甲市自然资源局办公室",
        address="甲市中山路2号",
        postcode="350001",
        hours="工作日上午8:30—12:00，下午14:30—17:30",
        phone="0599-1234567",
        fax="0599-1234568",
        email="xxgk@example.gov.cn",
        website="https://www.example.gov.cn/gk/",
        classification="本机关主动公开的政府信息按主题分类和条例第二十条事项编排，每条信息有唯一的索引号。",
        obtaining="主动公开的信息可在本专栏查阅；依申请公开的，请以信件、传真或电子邮件提出申请。",
        text="本指南自发布之日起施行。",
    )
    rules_publish(
        agency=agency,
        name="政府信息公开保密审查制度",
        text="拟公开的政府信息，应当依照法律、法规和国家有关规定进行审查。",
        published_on=date(2024, 5, 1),
    )
    budget = record(
        agency=agency,
        user=user,
        title="甲市自然资源局2025年部门预算公开",
        summary="公开本局2025年部门收支预算和政府采购预算。",
        body="<p>根据预算法，现将本局2025年<strong>部门预算</strong>公开如下。</p>",
        document_number="甲自然资〔2025〕3号",
        items=[7],
        published_on=date(2025, 3, 5),
        themes=[finance],
    )
    budget_en = record(
        agency=agency,
        user=user,
        title="2025 Departmental Budget of the Natural Resources Bureau",
        summary="The bureau's 2025 budget.",
        body="<p>The bureau publishes its 2025 budget.</p>",
        language="en",
        translation_of=budget,
        items=[7],
        published_on=date(2025, 3, 6),
    )
    procurement = record(
        agency=agency,
        user=user,
        title="2024年度政府集中采购目录及标准",
        summary="本年度集中采购项目目录。",
        body="<p>集中采购机构采购项目目录如下：办公设备、车辆。</p>",
        items=[9],
        made_on=date(2024, 4, 1),
        published_on=date(2024, 4, 8),
        themes=[finance],
    )
    rule = record(
        agency=agency,
        user=user,
        title="甲市国有建设用地使用权出让管理办法",
        summary="规范国有建设用地使用权出让行为。",
        body="<p>第一条 为规范国有建设用地使用权出让，制定本办法。</p>",
        document_number="甲自然资规〔2023〕1号",
        kind=Kind.NORMATIVE,
        validity=Validity.REPEALED,
        items=[1, 5],
        made_on=date(2023, 6, 1),
        published_on=date(2023, 6, 10),
        themes=[construction],
    )
    interpretation = record(
        agency=agency,
        user=user,
        title="《甲市国有建设用地使用权出让管理办法》政策解读",
        body="<p>一、制定背景。</p>",
        kind=Kind.INTERPRETATION,
        related_to=rule,
        items=[1],
        made_on=date(2023, 6, 10),
        published_on=date(2023, 6, 12),
    )
    draft = record(
        agency=agency,
        user=user,
        title="尚未公开的采购草稿",
        body="<p>公开 采购</p>",
        status=Status.DRAFT,
        published_on=None,
    )
    withdrawn = record(
        agency=agency,
        user=user,
        title="已撤回的公开采购通知",
        body="<p>公开 采购</p>",
        status=Status.WITHDRAWN,
        items=[9],
    )
    return Portal(
        agency,
        budget,
        budget_en,
        procurement,
        rule,
        interpretation,
        draft,
        withdrawn,
        finance,
        construction,
    )
