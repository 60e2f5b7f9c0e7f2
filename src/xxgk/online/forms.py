"""The portal's online application form (条例第二十九条) and the lookup form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from xxgk.applications import choices
from xxgk.applications.forms import CHOOSE, MultipleFileField
from xxgk.applications.identifiers import (
    EMAIL_INVALID,
    IdDocument,
    check_credit_code,
    check_document,
)
from xxgk.online.models import Way
from xxgk.online.services import MAX_FILES, SubmissionData, file_problem

_PHONE = re.compile(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?")
_POSTCODE = re.compile(r"\d{6}")


class SubmissionForm(forms.Form):
    applicant_kind = forms.ChoiceField(
        label="申请人类型", choices=choices.applicant_kinds, widget=forms.RadioSelect
    )
    applicant_name = forms.CharField(label="姓名或名称", max_length=120)
    id_document = forms.ChoiceField(
        label="身份证件类型", choices=[("", CHOOSE), *IdDocument.choices], required=False
    )
    id_number = forms.CharField(label="身份证件号码", max_length=18, required=False)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    contact_person = forms.CharField(label="联系人", max_length=60, required=False)
    phone = forms.CharField(label="联系电话", max_length=20)
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        help_text="用于接收受理编号和办理通知",
        error_messages={"invalid": EMAIL_INVALID},
    )
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=6, required=False)
    request_text = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    delivery = forms.ChoiceField(
        label="信息的载体形式",
        choices=[("paper", "纸质文本"), ("electronic", "电子文本")],
        widget=forms.RadioSelect,
        required=False,
    )
    way = forms.ChoiceField(label="获取信息的方式", choices=Way.choices, widget=forms.RadioSelect)
    attachments = MultipleFileField(
        label="附件",
        required=False,
        help_text=f"身份证件复印件等，PDF、DOCX、PNG、JPG，最多 {MAX_FILES} 个",
    )
    # Left empty by people (it is hidden from them and from screen readers); filled by bots.
    website = forms.CharField(
        label="请勿填写",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].replace(" ", "")
        if not _PHONE.fullmatch(phone):
            raise forms.ValidationError(
                "请填写 11 位手机号码，或带区号的固定电话（如 010-12345678）。"
            )
        return phone

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not _POSTCODE.fullmatch(postcode):
            raise forms.ValidationError("邮政编码为 6 位数字。")
        return postcode

    def clean_attachments(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"附件最多 {MAX_FILES} 个。")
        for upload in files:
            if problem := file_problem(upload):
                raise forms.ValidationError(problem)
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            raise forms.ValidationError("提交未成功，请刷新页面后重新填写。")
        person = data.get("applicant_kind") == choices.NATURAL_PERSON
        if person:
            kind, number = data.get("id_document", ""), data.get("id_number", "").strip().upper()
            if not kind:
                self.add_error(
                    "id_document", "自然人申请请选择身份证件类型（条例第二十九条：身份证明）。"
                )
            elif problem := check_document(kind, number):
                self.add_error("id_number", problem)
            data["id_number"], data["credit_code"] = number, ""
        elif data.get("applicant_kind"):
            code = data.get("credit_code", "").strip().upper()
            if not code:
                self.add_error("credit_code", "法人或者其他组织申请须填写统一社会信用代码。")
            elif problem := check_credit_code(code):
                self.add_error("credit_code", problem)
            if not data.get("contact_person", "").strip():
                self.add_error("contact_person", "法人或者其他组织申请请填写联系人。")
            data["credit_code"], data["id_number"], data["id_document"] = code, "", ""
        if data.get("way") == Way.POST and not data.get("address", "").strip():
            self.add_error("address", "选择邮寄的，请填写通信地址。")
        if data.get("way") == Way.EMAIL and not data.get("email"):
            self.add_error("email", "选择电子邮件的，请填写电子邮箱。")
        return data

    def submission_data(self) -> SubmissionData:
        d = self.cleaned_data
        return SubmissionData(
            applicant_kind=d["applicant_kind"],
            applicant_name=d["applicant_name"].strip(),
            id_document=d.get("id_document", ""),
            id_number=d.get("id_number", ""),
            credit_code=d.get("credit_code", ""),
            contact_person=d.get("contact_person", "").strip(),
            phone=d["phone"],
            email=d.get("email", ""),
            address=d.get("address", "").strip(),
            postcode=d.get("postcode", ""),
            request_text=d["request_text"].strip(),
            delivery=d.get("delivery", ""),
            way=d["way"],
        )


class LookupForm(forms.Form):
    number = forms.CharField(label="受理编号", max_length=20)
    code = forms.CharField(label="查询码", max_length=30)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class _Chinese(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # Chinese labels take no colon
        super().__init__(*args, **kwargs)


class CorrectionForm(_Chinese):
    text = forms.CharField(
        label="补正内容", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachments = MultipleFileField(label="补正材料", required=False)

    def clean_attachments(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("attachments") or []
        for upload in files:
            if problem := file_problem(upload):
                raise forms.ValidationError(problem)
        return files


class WithdrawForm(_Chinese):
    reason = forms.CharField(label="撤回说明（可不填）", max_length=500, required=False)
    confirm = forms.BooleanField(label="我确认撤回这件申请", required=True)
