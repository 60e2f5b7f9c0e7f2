"""The portal's online application (no login) and the officer's confirmation (back office).

The applicant proves a case with its 受理编号 and 查询码 once (POST, never in a URL that logs or
referrers would keep); the session then remembers which case it opened, and every later page
and action of the case reads it from there.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, require
from xxgk.applications.letters.render import LetterIncomplete, LetterUnavailable, letter_render
from xxgk.online import selectors, services
from xxgk.online.forms import CorrectionForm, LookupForm, SubmissionForm, WithdrawForm
from xxgk.online.models import Submission, SubmissionFile, SubmissionStatus
from xxgk.portal.limits import over_limit, posted
from xxgk.privacy.masks import mask_address, mask_email, mask_id_number, mask_phone
from xxgk.site.downloads import attachment_header

_CASE = "online:case"  # the session's opened submission
_SHOWN_CODES = "online:codes"  # {submission pk: code} of this session's own submissions
_LIMITED = "提交过于频繁，请稍后再试。如有急事，请通过电话或信函提出申请。"


def _identity(group: str, request: HttpRequest) -> str:
    """The applicant an application names: its ID number, else its credit code."""
    return posted("id_number")(group, request) or posted("credit_code")(group, request)


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, agency_id: int) -> HttpResponse:
    """在线提交政府信息公开申请 (条例第二十九条)."""
    agency = get_object_or_404(Agency, pk=agency_id)
    status = 200
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES)
        if over_limit(request, "online.submit", "XXGK_SUBMIT_RATE") or over_limit(
            request, "online.submit.identity", "XXGK_SUBMIT_IDENTITY_RATE", _identity
        ):
            form.is_valid()
            form.add_error(None, _LIMITED)
            status = 429
        elif form.is_valid():
            try:
                done = services.submission_create(
                    agency=agency,
                    data=form.submission_data(),
                    idempotency_key=form.cleaned_data["key"],
                    files=tuple(form.cleaned_data["attachments"]),
                )
            except services.SubmissionError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                shown = request.session.get(_SHOWN_CODES, {})
                if done.code is not None:
                    shown[str(done.submission.pk)] = done.code
                    request.session[_SHOWN_CODES] = shown
                return redirect("online:submitted", number=done.submission.number)
        else:
            status = 400
    else:
        form = SubmissionForm(initial={"key": secrets.token_urlsafe(24)})
    return render(
        request,
        "online/apply.html",
        {"agency": agency, "section": "apply", "form": form},
        status=status,
    )


@require_GET
def submitted(request: HttpRequest, number: str) -> HttpResponse:
    """The receipt on screen: the 受理编号 and, to this session only, the 查询码."""
    submission = get_object_or_404(Submission.objects.select_related("agency"), number=number)
    code = request.session.get(_SHOWN_CODES, {}).get(str(submission.pk))
    if code is None:
        raise Http404("没有这件网上申请。")
    return render(
        request,
        "online/submitted.html",
        {"agency": submission.agency, "section": "apply", "submission": submission, "code": code},
    )


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    """申请查询: the 受理编号 and 查询码 open the case for this session."""
    form = LookupForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if over_limit(request, "online.lookup", "XXGK_LOOKUP_RATE") or over_limit(
            request, "online.lookup.number", "XXGK_LOOKUP_NUMBER_RATE", posted("number")
        ):
            form.is_valid()
            form.add_error(None, "查询次数过多，请稍后再试。")
            status = 429
        elif form.is_valid():
            found = selectors.submission_by_code(
                form.cleaned_data["number"], form.cleaned_data["code"]
            )
            if found is not None:
                request.session.cycle_key()  # a new session id for the opened case
                request.session[_CASE] = found.pk
                return redirect("online:case")
            form.add_error(None, "受理编号或查询码不正确。")
            status = 400
        else:
            status = 400
    return render(request, "online/lookup.html", {"form": form}, status=status)


def _opened(request: HttpRequest) -> Submission:
    pk = request.session.get(_CASE)
    found = (
        Submission.objects.select_related("agency", "application").filter(pk=pk).first()
        if pk
        else None
    )
    if found is None:
        raise Http404("请先输入受理编号和查询码。")
    return found


def _case_page(
    request: HttpRequest, submission: Submission, status: int = 200, **forms: Any
) -> HttpResponse:
    view = selectors.case_view(submission)
    return render(
        request,
        "online/case.html",
        {
            "submission": submission,
            "agency": submission.agency,
            "case": view,
            "correction_form": forms.get("correction_form") or CorrectionForm(),
            "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
        },
        status=status,
    )


@require_GET
def case(request: HttpRequest) -> HttpResponse:
    return _case_page(request, _opened(request))


@require_POST
def correction(request: HttpRequest) -> HttpResponse:
    """The applicant's answer to a correction notice, online."""
    submission = _opened(request)
    form = CorrectionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.correction_answer(
                submission=submission,
                text=form.cleaned_data["text"],
                files=tuple(form.cleaned_data["attachments"]),
            )
        except services.SubmissionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "补正材料已提交，答复期限自今日重新计算。")
            return redirect("online:case")
    return _case_page(request, submission, status=400, correction_form=form)


@require_POST
def withdraw(request: HttpRequest) -> HttpResponse:
    submission = _opened(request)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.submission_withdraw(submission=submission, reason=form.cleaned_data["reason"])
        except services.SubmissionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "申请已撤回。")
            return redirect("online:case")
    return _case_page(request, submission, status=400, withdraw_form=form)


@require_GET
def case_letter(request: HttpRequest, key: str, event: int) -> HttpResponse:
    """A letter of the case addressed to the applicant, as the agency issued it (DOCX)."""
    submission = _opened(request)
    view = selectors.case_view(submission)
    if submission.application is None or not any(
        letter.key == key and letter.event.pk == event for letter in view.letters
    ):
        raise Http404("没有这份文书。")
    try:
        name, content = letter_render(submission.application, key, event)
    except (LetterUnavailable, LetterIncomplete):
        raise Http404("这份文书暂时无法下载，请联系受理机关。") from None
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = attachment_header(name, "letter.docx")
    return response


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    request.session.pop(_CASE, None)
    return redirect("online:lookup")


# -- the back office ----------------------------------------------------------------------------


class Request(HttpRequest):
    """Behind `login_required`, a real user."""

    user: User  # type: ignore[assignment]


@login_required
@require_GET
def queue(request: Request) -> HttpResponse:
    """网上申请: the submissions waiting for confirmation, and those decided."""
    require(request.user, Action.APPLICATION_REGISTER)
    status = request.GET.get("status", SubmissionStatus.SUBMITTED)
    if status not in {*SubmissionStatus.values, ""}:
        status = SubmissionStatus.SUBMITTED
    return render(
        request,
        "online/queue.html",
        {
            "submissions": selectors.submission_queue(user=request.user, status=status)[:200],
            "status": status,
            "statuses": SubmissionStatus.choices,
        },
    )


def _submission(request: Request, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("agency", "application"), pk=pk
    )
    require(request.user, Action.APPLICATION_REGISTER, submission)
    return submission


@login_required
@require_http_methods(["GET", "POST"])
def review(request: Request, pk: int) -> HttpResponse:
    """One submission: its contents, the earlier applications it may repeat, and the decision."""
    submission = _submission(request, pk)
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "confirm":
                application = services.submission_confirm(user=request.user, submission=submission)
                messages.success(request, f"已确认受理，申请编号 {application.number}。")
                return redirect("applications:detail", pk=application.pk)
            services.submission_return(
                user=request.user, submission=submission, reason=request.POST.get("reason", "")
            )
            messages.success(request, "已退回，申请人可在网上看到退回理由。")
            return redirect("submissions:queue")
        except services.SubmissionError as exc:
            error = str(exc)
    repeats = selectors.repeats(
        agency_id=submission.agency_id,
        id_number=submission.id_number,
        credit_code=submission.credit_code,
        request_text=submission.request_text,
    )
    # Masked as everywhere (the ID number was checked on the form; the full data is seen on
    # the application once confirmed, through 查看完整信息 with a reason).
    contact = {
        "id_number": mask_id_number(submission.id_number),
        "phone": mask_phone(submission.phone),
        "email": mask_email(submission.email),
        "address": mask_address(submission.address),
    }
    return render(
        request,
        "online/review.html",
        {"submission": submission, "contact": contact, "repeats": repeats, "error": error},
        status=400 if error else 200,
    )


@login_required
@require_GET
def submission_file(request: Request, pk: int, file_pk: int) -> FileResponse:
    submission = _submission(request, pk)
    row = get_object_or_404(SubmissionFile, pk=file_pk, submission=submission)
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name)
