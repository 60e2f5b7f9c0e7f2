"""The register's back-office pages. Views parse input, ask the policy, call a selector or a
service, and render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from xxgk.agencies.policy import Action, can, require, scope
from xxgk.disclosures import forms as f
from xxgk.disclosures import services
from xxgk.disclosures.choices import ITEMS, LANGUAGES, LIFECYCLE_KINDS, Status
from xxgk.disclosures.figures import FigureError, figure_cells, figures_enter
from xxgk.disclosures.models import Disclosure
from xxgk.disclosures.selectors import (
    Filters,
    attachment_get,
    disclosure_get,
    disclosure_list,
    disclosure_queue,
    figures_in_force,
    queue_counts,
)
from xxgk.disclosures.services import DisclosureError


class Request(HttpRequest):
    user: User  # type: ignore[assignment]


def _filters(form: f.FilterForm) -> Filters:
    if not form.is_valid():
        return Filters()
    c = form.cleaned_data
    return Filters(
        q=c["q"].strip(),
        status=c["status"],
        kind=c["kind"],
        year=c["year"],
        overdue=c["overdue"],
    )


@login_required
@require_GET
def disclosure_index(request: Request) -> HttpResponse:
    """The queue (drafts, in review; overdue by Art. 26 first) above the filtered register."""
    require(request.user, Action.DISCLOSURE_READ)
    today = timezone.localdate()
    form = f.FilterForm(request.GET or None)
    qs = disclosure_list(user=request.user, filters=_filters(form), today=today)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "disclosures/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "queue": disclosure_queue(user=request.user, today=today)[:30],
            "counts": queue_counts(user=request.user, today=today),
            "today": today,
            "can_write": can(request.user, Action.DISCLOSURE_WRITE),
            "can_figures": can(request.user, Action.FIGURE_EDIT),
        },
    )


def _form(request: Request, d: Disclosure | None, data: Any = None) -> f.DisclosureForm:
    return f.DisclosureForm(
        data,
        agencies=scope(request.user, Action.DISCLOSURE_WRITE),
        readable=disclosure_list(user=request.user),
        fixed_agency=d.agency if d is not None else None,
        initial=_initial(d) if d is not None else None,
    )


def _initial(d: Disclosure) -> dict[str, Any]:
    return {
        "agency": d.agency_id,
        "title": d.title,
        "kind": d.kind,
        "document_number": d.document_number,
        "publisher": d.publisher,
        "made_on": d.made_on,
        "items": d.items,
        "themes": list(d.themes.all()),
        "summary": d.summary,
        "body": d.body,
        "language": d.language,
        "translation_of": d.translation_of_id,
        "related_to": d.related_to_id,
    }


def _saved(request: Request, saved: services.Saved, verb: str) -> HttpResponse:
    messages.success(request, f"已{verb}：{saved.disclosure.index_number}")
    for warning in saved.warnings:
        messages.warning(request, warning)
    return redirect("disclosures:detail", saved.disclosure.pk)


@login_required
@require_http_methods(["GET", "POST"])
def disclosure_new(request: Request) -> HttpResponse:
    require(request.user, Action.DISCLOSURE_WRITE)
    form = _form(request, None, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.disclosure_create(
                user=request.user, agency=form.cleaned_data["agency"], data=form.data_()
            )
        except DisclosureError as e:
            form.add_error(None, str(e))
        else:
            return _saved(request, saved, "登记草稿")
    return render(request, "disclosures/edit.html", {"form": form, "disclosure": None})


@login_required
@require_http_methods(["GET", "POST"])
def disclosure_edit(request: Request, pk: int) -> HttpResponse:
    d = disclosure_get(user=request.user, pk=pk)
    require(request.user, Action.DISCLOSURE_WRITE, d)
    if d.status != Status.DRAFT:
        messages.error(request, "只有草稿可以修改。")
        return redirect("disclosures:detail", d.pk)
    form = _form(request, d, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.disclosure_update(user=request.user, disclosure=d, data=form.data_())
        except DisclosureError as e:
            form.add_error(None, str(e))
        else:
            return _saved(request, saved, "保存")
    return render(request, "disclosures/edit.html", {"form": form, "disclosure": d})


def _auto_id(step: str) -> str:
    """Field ids per step: several step forms share one page."""
    return f"id_{step}_%s"


def _step_forms() -> dict[str, forms.Form]:
    return {step: STEPS[step][0](auto_id=_auto_id(step)) for step in STEPS if step != "submit"}


@login_required
@require_GET
def disclosure_detail(request: Request, pk: int) -> HttpResponse:
    d = disclosure_get(user=request.user, pk=pk)
    return _detail(request, d, {})


def _detail(request: Request, d: Disclosure, bound: dict[str, forms.Form]) -> HttpResponse:
    user = request.user
    write = can(user, Action.DISCLOSURE_WRITE, d)
    review = can(user, Action.DISCLOSURE_REVIEW, d)
    status = d.status
    actions = {
        "edit": write and status == Status.DRAFT,
        "submit": write and status == Status.DRAFT,
        "attach": write and status in (Status.DRAFT, Status.IN_REVIEW),
        "review": review and status == Status.IN_REVIEW,
        "publish": write
        and status == Status.IN_REVIEW
        and services.approving_review(d) is not None,
        "channel": write and status == Status.PUBLISHED,
        "withdraw": write and status == Status.PUBLISHED,
        "validity": write
        and status == Status.PUBLISHED
        and d.kind in LIFECYCLE_KINDS
        and d.validity != "repealed",
    }
    return render(
        request,
        "disclosures/detail.html",
        {
            "d": d,
            "items": [ITEMS[i] for i in d.items if i in ITEMS],
            "language": LANGUAGES.get(d.language.lower(), d.language),
            "themes": d.themes.all(),
            "reviews": d.reviews.select_related("reviewer"),
            "channels": d.channels.all(),
            "attachments": d.attachments.all(),
            "translations": d.translations.all(),
            "related": d.related.all(),
            "supersedes": d.supersedes.all(),
            "actions": actions,
            "forms": {**_step_forms(), **bound},
            "overdue": status in (Status.DRAFT, Status.IN_REVIEW)
            and d.publish_due_on is not None
            and d.publish_due_on < timezone.localdate(),
        },
        status=400 if bound else 200,
    )


def _superseding(user: User, index_number: str) -> Disclosure | None:
    if not index_number.strip():
        return None
    found = disclosure_list(user=user).filter(index_number=index_number.strip()).first()
    if found is None:
        raise DisclosureError(f"没有索引号为“{index_number.strip()}”的信息。")
    return found


# Each step: its form, the action the policy is asked, and the service call.
Step = tuple[type[forms.Form], Action, Callable[[Request, Disclosure, dict[str, Any]], object]]
STEPS: dict[str, Step] = {
    "submit": (
        forms.Form,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.disclosure_submit(user=r.user, disclosure=d),
    ),
    "review": (
        f.ReviewForm,
        Action.DISCLOSURE_REVIEW,
        lambda r, d, c: services.disclosure_review(user=r.user, disclosure=d, **c),
    ),
    "publish": (
        f.PublishForm,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.disclosure_publish(
            user=r.user, disclosure=d, published_on=c["published_on"], channels=tuple(c["channels"])
        ),
    ),
    "channel": (
        f.ChannelForm,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.channel_add(user=r.user, disclosure=d, **c),
    ),
    "withdraw": (
        f.WithdrawForm,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.disclosure_withdraw(user=r.user, disclosure=d, **c),
    ),
    "validity": (
        f.ValidityForm,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.disclosure_validity_change(
            user=r.user,
            disclosure=d,
            validity=c["validity"],
            on=c["on"],
            superseded_by=_superseding(r.user, c["superseded_by"]),
        ),
    ),
    "attach": (
        f.AttachmentForm,
        Action.DISCLOSURE_WRITE,
        lambda r, d, c: services.attachment_add(user=r.user, disclosure=d, upload=c["file"]),
    ),
}
DONE = {
    "submit": "已提交保密审查。",
    "review": "已记录保密审查意见。",
    "publish": "已发布。",
    "channel": "已登记公开方式。",
    "withdraw": "已撤回。",
    "validity": "已记录有效性变化。",
    "attach": "已上传附件。",
}


@login_required
@require_POST
def disclosure_step(request: Request, pk: int, step: str) -> HttpResponse:
    """One step of the workflow (submit, review, publish, channel, withdraw, validity, attach)."""
    if step not in STEPS:
        raise Http404("没有这项操作。")
    form_class, action, call = STEPS[step]
    d = disclosure_get(user=request.user, pk=pk)
    require(request.user, action, d)
    form = form_class(request.POST, request.FILES, auto_id=_auto_id(step))
    if not form.is_valid():
        return _detail(request, d, {step: form})
    try:
        call(request, d, form.cleaned_data)
    except DisclosureError as e:
        form.add_error(None, str(e))
        return _detail(request, d, {step: form})
    messages.success(request, DONE[step])
    return redirect("disclosures:detail", d.pk)


@login_required
@require_GET
def attachment(request: Request, pk: int) -> FileResponse:
    a = attachment_get(user=request.user, pk=pk)
    return FileResponse(a.file.open("rb"), as_attachment=True, filename=a.name)


@login_required
@require_http_methods(["GET", "POST"])
def figures(request: Request) -> HttpResponse:
    """Enter an agency's table-2 figures of a year (the cells the register does not count)."""
    require(request.user, Action.FIGURE_EDIT)
    agencies = scope(request.user, Action.FIGURE_EDIT)
    default_year = timezone.localdate().year - (1 if timezone.localdate().month <= 3 else 0)
    choice = f.FigureChoiceForm(
        request.GET or None,
        agencies=agencies,
        initial={"agency": agencies.first(), "year": default_year},
    )
    agency = agencies.first()
    year = default_year
    if choice.is_valid():
        agency, year = choice.cleaned_data["agency"], choice.cleaned_data["year"]
    if agency is None:
        raise PermissionDenied("没有可录入的机关。")
    cells = figure_cells(year)
    current = figures_in_force(agency=agency, year=year)
    initial = {c.cell: current[c.cell].normalize() for c in cells if c.cell in current}
    form = f.FiguresForm(request.POST or None, cells=cells, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if str(v).strip()}
        try:
            entered = figures_enter(user=request.user, agency=agency, year=year, values=values)
        except FigureError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, f"已保存 {len(entered)} 项统计数（未改动的不重复记录）。")
            return redirect(f"{request.path}?agency={agency.pk}&year={year}")
    return render(
        request,
        "disclosures/figures.html",
        {"choice": choice, "form": form, "agency": agency, "year": year},
        status=400 if form.errors else 200,
    )
