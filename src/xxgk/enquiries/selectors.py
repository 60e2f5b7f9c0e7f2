"""Reading enquiries: the back office's queue (scoped by the policy), the asker's lookup, the
portal's published Q&A, and the yearly counts for the annual report's narrative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from xxgk.agencies.models import Agency
from xxgk.agencies.policy import Action, require, scope
from xxgk.enquiries.models import Enquiry
from xxgk.privacy.codes import code_matches

Viewer = User | AnonymousUser


@dataclass(frozen=True)
class EnquiryFilters:
    """The queue's filters; blank means "any"."""

    status: str = ""  # "open", "answered", "overdue"
    agency_id: int | None = None
    q: str = ""  # number or subject


def enquiry_list(*, user: Viewer, filters: EnquiryFilters, today: date) -> QuerySet[Enquiry]:
    """The enquiries of the agencies the user may read: open ones first, soonest due first."""
    rows = Enquiry.objects.filter(agency__in=scope(user, Action.ENQUIRY_READ)).select_related(
        "agency"
    )
    if filters.status == "open":
        rows = rows.filter(answered_on__isnull=True)
    elif filters.status == "answered":
        rows = rows.filter(answered_on__isnull=False)
    elif filters.status == "overdue":
        rows = rows.filter(answered_on__isnull=True, due_on__lt=today)
    if filters.agency_id:
        rows = rows.filter(agency_id=filters.agency_id)
    if filters.q:
        rows = rows.filter(Q(number__icontains=filters.q) | Q(subject__icontains=filters.q))
    return rows.order_by(F("answered_on").desc(nulls_first=True), "due_on", "-id")


def enquiry_get(*, user: Viewer, pk: int) -> Enquiry:
    """One enquiry, if the user may read it; 404 otherwise (its existence does not leak)."""
    enquiry = Enquiry.objects.select_related("agency", "answered_by").filter(pk=pk).first()
    if enquiry is None:
        raise Http404("没有这件咨询或建议，或您无权查看。")
    require(user, Action.ENQUIRY_READ, enquiry)
    return enquiry


def enquiry_lookup(*, agency: Agency, number: str, code: str) -> Enquiry | None:
    """The asker's own enquiry by its number and lookup code; None when either is wrong (the
    page does not say which)."""
    enquiry = Enquiry.objects.filter(agency=agency, number=number.strip()).first()
    if enquiry is None or not code_matches(code, enquiry.code_hash):
        return None
    return enquiry


def enquiries_published(*, agency: Agency) -> QuerySet[Enquiry]:
    """The portal's Q&A page: answered, agreed by the asker, published by the officer."""
    return Enquiry.objects.filter(agency=agency, published=True, consent=True).order_by(
        "-answered_on", "-id"
    )


def enquiry_published_get(*, agency: Agency, pk: int) -> Enquiry | None:
    return enquiries_published(agency=agency).filter(pk=pk).first()


@dataclass(frozen=True)
class EnquiryCounts:
    """One agency's year: what its annual report says of the 咨询 and 建议 it answered."""

    year: int
    received: int  # received in the year
    answered: int  # answered in the year (whenever received)
    late: int  # of those answered in the year, answered after the deadline
    open_at_end: int  # received by 31 December, not answered by then

    @property
    def narrative(self) -> str:
        """The sentence for the report's overview (总体情况)."""
        text = f"{self.year}年度，共收到网站咨询和建议{self.received}件，答复{self.answered}件"
        text += f"，其中超期答复{self.late}件" if self.late else "，未出现超期答复"
        if self.open_at_end:
            text += f"；年底尚有{self.open_at_end}件正在办理"
        return text + "。"


def enquiry_counts(*, agency: Agency, year: int) -> EnquiryCounts:
    """The yearly counts of `agency`'s enquiries, in one aggregate query."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    answered = Q(answered_on__gte=start, answered_on__lte=end)
    counted = Enquiry.objects.filter(agency=agency).aggregate(
        received=Count("pk", filter=Q(received_on__gte=start, received_on__lte=end)),
        answered=Count("pk", filter=answered),
        late=Count("pk", filter=answered & Q(answered_on__gt=F("due_on"))),
        open_at_end=Count(
            "pk",
            filter=Q(received_on__lte=end) & (Q(answered_on__isnull=True) | Q(answered_on__gt=end)),
        ),
    )
    return EnquiryCounts(year=year, **counted)
