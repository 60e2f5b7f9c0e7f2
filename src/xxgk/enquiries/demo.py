"""The enquiries' part of the demo: realistic 咨询 and 建议 sent to the demo agencies over the
last months, most answered (some published with the asker's consent), a few still open.

Submitted and answered through the services, so that numbers, deadlines and the audit log are
those a real submission gets."""

from __future__ import annotations

from datetime import date, timedelta

from xxgk.agencies.models import Agency, Membership, Role
from xxgk.applications.clock import calendar_current
from xxgk.enquiries.services import EnquiryData, enquiry_answer, enquiry_submit

# (agency, kind, asker, contact, subject, text, consent, answered after N working days or
# None, published, answer)
ENQUIRIES = (
    (
        "江城市自然资源和规划局",
        "question",
        "刘洋",
        "13905990001",
        "不动产登记资料查询需要带什么材料",
        "您好，我想查询自己名下房屋的不动产登记资料，请问需要携带哪些材料？可以委托家人代为查询吗？",
        True,
        3,
        True,
        "权利人查询本人不动产登记资料的，应提交本人有效身份证件；委托他人查询的，受托人还应提交"
        "授权委托书和受托人身份证件。可到市政务服务中心不动产登记窗口办理，也可通过“江城不动产”"
        "网上平台申请。",
    ),
    (
        "江城市自然资源和规划局",
        "question",
        "陈女士",
        "chen.l@example.com",
        "国土空间总体规划在哪里可以看到",
        "请问《江城市国土空间总体规划（2021—2035年）》批复后在哪里公开？是否有图件可以下载？",
        True,
        6,
        True,
        "规划批复后已在本局网站“政府信息公开—规划计划”栏目公开文本和主要图件，可在线浏览、下载。",
    ),
    (
        "江城市自然资源和规划局",
        "suggestion",
        "王先生",
        "0599-6123456",
        "建议公开土地出让结果时附上宗地图",
        "贵局公开的国有建设用地使用权出让结果只有文字，建议附上宗地位置示意图，方便群众了解。",
        True,
        8,
        True,
        "感谢您的建议。自本年第四季度起，出让结果公示将同时附宗地位置示意图。",
    ),
    (
        "江城市自然资源和规划局",
        "question",
        "张某",
        "13905990004",
        "我家宅基地确权的进度",
        "我家宅基地去年申请确权登记，到现在还没有消息，请帮忙查一下进度。",
        True,
        4,
        False,
        "经查，您家宅基地确权材料已于本月报送县级不动产登记机构审核，工作人员已电话告知具体进度。",
    ),
    (
        "江城市生态环境局",
        "question",
        "赵先生",
        "13905990005",
        "如何查询企业排污许可信息",
        "附近一家工厂经常有异味，请问怎样查询这家企业是否取得排污许可证以及许可排放量？",
        True,
        5,
        True,
        "可登录全国排污许可证管理信息平台公开端，按企业名称查询其排污许可证及许可排放量。"
        "如发现异味扰民，可拨打12345热线或生态环境举报电话反映。",
    ),
    (
        "江城市生态环境局",
        "suggestion",
        "李女士",
        "li.ying@example.com",
        "建议每月公开空气质量排名",
        "建议在网站上每月公开各区县空气质量排名，让群众了解身边的空气质量变化。",
        True,
        9,
        True,
        "感谢您的建议。本局已于每月10日前在“环境质量”栏目公开上月各区县空气质量排名。",
    ),
    (
        "江城市人民政府办公室",
        "question",
        "孙先生",
        "13905990007",
        "政府信息公开申请可以网上提交吗",
        "请问向市政府申请公开政府信息，可以通过网络提交吗？大概多久能答复？",
        True,
        2,
        True,
        "可以。您可通过本专栏“依申请公开”栏目了解申请渠道。根据《中华人民共和国政府信息公开条例》"
        "第三十三条，行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复。",
    ),
    (
        "江城市住房和城乡建设局",
        "question",
        "周女士",
        "13905990008",
        "公租房申请条件",
        "我是外地来江城工作的，请问非本市户籍可以申请公租房吗？",
        False,
        7,
        False,
        "在本市稳定就业、符合收入和住房条件的非本市户籍人员可以申请公租房，具体条件已电话告知。",
    ),
    (
        "江城市自然资源和规划局",
        "question",
        "吴先生",
        "13905990009",
        "征地补偿标准在哪里公开",
        "我们村的土地要被征收，请问征地补偿安置方案在哪里公开？",
        True,
        None,
        False,
        "",
    ),
    (
        "江城市生态环境局",
        "suggestion",
        "郑先生",
        "13905990010",
        "建议公开建设项目环评受理信息的时间提前",
        "建议环评受理公示在受理当天就公开，方便周边居民及时提出意见。",
        False,
        None,
        False,
        "",
    ),
)


def enquiries_demo_load(agencies: dict[str, Agency], today: date) -> None:
    """Each enquiry submitted on its day and answered by an officer of its agency."""
    calendar = calendar_current()
    for i, spec in enumerate(ENQUIRIES):
        name, kind, asker, contact, subject, text, consent, after, publish, answer = spec
        # Spread over the last months; the open ones arrived in the last few days.
        back = (len(ENQUIRIES) - i) * 9 if after is not None else 2 * i - 15
        received = min(calendar.workday_on_or_after(today - timedelta(days=back)), today)
        receipt = enquiry_submit(
            agency=agencies[name],
            data=EnquiryData(kind, asker, contact, subject, text, consent),
            received_on=received,
        )
        if after is None:
            continue
        officer = Membership.objects.filter(agency=agencies[name], role=Role.OFFICER).first()
        if officer is None:
            continue
        enquiry_answer(
            user=officer.user,
            enquiry=receipt.enquiry,
            answer=answer,
            answered_on=min(calendar.add_workdays(received, after).end, today),
            publish=publish and consent,
        )
