"""One row per change, never edited: the acting user, the object, a numbered event type and the
old and new values as JSON."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEventType(models.IntegerChoices):
    """Numbered like Zulip's: a hundred per entity, so new types slot in without renumbering."""

    AGENCY_CREATED = 101, "新增机关"
    AGENCY_CHANGED = 102, "修改机关"
    MEMBERSHIP_ADDED = 201, "新增人员角色"
    MEMBERSHIP_REMOVED = 202, "撤销人员角色"
    CALENDAR_YEAR_SAVED = 301, "录入年度工作日历"
    APPLICATION_REDATED = 302, "日历变更后重算期限"
    APPLICATION_REGISTERED = 401, "登记申请"
    APPLICATION_EVENT_RECORDED = 402, "记录办理事项"
    APPLICATION_EVENT_VOIDED = 403, "作废办理事项"
    ATTACHMENT_ADDED = 404, "上传附件"
    APPLICANT_DATA_REVEALED = 405, "查看申请人完整信息"
    LETTER_TEMPLATE_SAVED = 501, "更换文书模板"
    LETTER_TEMPLATE_REMOVED = 502, "恢复默认文书模板"
    APPEAL_REGISTERED = 601, "登记行政复议或行政诉讼案件"
    APPEAL_CORRECTED = 602, "更正行政复议或行政诉讼案件信息"
    APPEAL_ANSWERED = 603, "记录提交答复或答辩状"
    APPEAL_DECIDED = 604, "记录行政复议或行政诉讼结果"
    APPEAL_DECISION_CORRECTED = 605, "更正行政复议或行政诉讼结果"
    APPEAL_REDATED = 606, "日历变更后重算答复（答辩）期限"
    DISCLOSURE_CREATED = 701, "登记主动公开信息"
    DISCLOSURE_UPDATED = 702, "修改主动公开信息"
    DISCLOSURE_ATTACHMENT_ADDED = 703, "上传主动公开附件"
    DISCLOSURE_CHANNEL_ADDED = 704, "登记公开方式"
    DISCLOSURE_SUBMITTED = 705, "提交保密审查"
    DISCLOSURE_REVIEWED = 706, "记录保密审查意见"
    DISCLOSURE_PUBLISHED = 707, "发布主动公开信息"
    DISCLOSURE_WITHDRAWN = 708, "撤回主动公开信息"
    DISCLOSURE_VALIDITY_CHANGED = 709, "修改或废止规章、规范性文件"
    DISCLOSURE_IMPORTED = 710, "导入主动公开目录"
    FIGURE_ENTERED = 711, "录入年度统计数"
    THEME_SAVED = 712, "维护主题分类"
    GUIDE_PUBLISHED = 801, "发布政府信息公开指南"
    RULES_PUBLISHED = 802, "发布政府信息公开制度"
    SUBMISSION_RECEIVED = 1001, "收到网上申请"
    SUBMISSION_CONFIRMED = 1002, "确认网上申请"
    SUBMISSION_RETURNED = 1003, "退回网上申请"
    SUBMISSION_WITHDRAWN = 1004, "申请人撤回网上申请"
    REPORT_OPENED = 1101, "编制年度报告"
    REPORT_EDITED = 1102, "修改年度报告正文"
    REPORT_SUBMITTED = 1103, "年度报告送审"
    REPORT_RETURNED = 1104, "年度报告退回修改"
    REPORT_APPROVED = 1105, "批准年度报告"
    REPORT_PUBLISHED = 1106, "发布年度报告"
    REPORT_CORRECTED = 1107, "更正年度报告"
    ENQUIRY_RECEIVED = 901, "收到网上咨询或建议"
    ENQUIRY_ANSWERED = 902, "答复咨询或建议"
    ENQUIRY_UNPUBLISHED = 903, "撤回公开的咨询答复"
    ENQUIRY_REDATED = 904, "日历变更后重算咨询答复期限"


class AuditLog(models.Model):
    event_time = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    event_type = models.PositiveSmallIntegerField("事项", choices=AuditEventType.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The agency the change belongs to: what scopes the log to an administrator's agencies.
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_type = models.CharField("对象类型", max_length=40)
    object_id = models.CharField("对象编号", max_length=40)
    object_repr = models.CharField("对象", max_length=200)
    old_value = models.JSONField("修改前", null=True, blank=True)
    new_value = models.JSONField("修改后", null=True, blank=True)

    class Meta:
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"
        ordering = ("-event_time", "-id")
        indexes = (models.Index(fields=("object_type", "object_id")),)

    def __str__(self) -> str:
        return f"{self.get_event_type_display()}：{self.object_repr}"
