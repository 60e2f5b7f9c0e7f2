"""The portal's part of the demo: each demo agency's 政府信息公开指南 and 制度, published through
the services, and the search index built over the register's demo records."""

from __future__ import annotations

from datetime import date

from xxgk.agencies.models import Agency
from xxgk.portal.services import guide_publish, portal_rebuild, rules_publish

RULES = (
    (
        "政府信息公开保密审查制度",
        "拟公开的政府信息，由承办科室依照《中华人民共和国保守国家秘密法》和《中华人民共和国政府"
        "信息公开条例》第十七条进行审查，经政府信息公开工作机构负责人审核同意后公开。\n\n"
        "不能确定是否可以公开的，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理"
        "部门确定。",
    ),
    (
        "依申请公开办理制度",
        "本机关收到政府信息公开申请后，按照《中华人民共和国政府信息公开条例》第三十三条的规定，"
        "能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。\n\n"
        "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过"
        "20个工作日。",
    ),
)


def portal_demo_load(agencies: dict[str, Agency], today: date) -> None:
    """Guides and 制度 for every demo agency (published on 2025-01-06, a working day), then the
    search index."""
    published_on = min(date(2025, 1, 6), today)
    for name, agency in agencies.items():
        guide_publish(
            agency=agency,
            published_on=published_on,
            office_name=f"{name}政务公开办公室",
            address=agency.address or "江城市江城大道1号",
            hours="工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
            postcode="599000",
            phone=agency.phone or "0599-6000000",
            fax=agency.phone or "",
            email="gk@example.gov.cn",
            website="江城市人民政府门户网站“政府信息公开”专栏",
            classification=(
                "本机关主动公开的政府信息按照《中华人民共和国政府信息公开条例》第二十条所列事项"
                "和国务院公文主题词分类编排，每条信息标注索引号、名称、内容概述和生成日期。"
            ),
            obtaining=(
                "主动公开的政府信息，可通过本专栏、政府公报、政务新媒体和政务服务大厅查阅。"
                "依申请公开的，可通过网络平台、信函、传真或当面提交申请。"
            ),
        )
        for rule_name, text in RULES:
            rules_publish(agency=agency, name=rule_name, text=text, published_on=published_on)
    portal_rebuild()
