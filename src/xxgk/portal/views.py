"""The portal's pages: public, read-only, no login; every read goes through `selectors`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from csp import constants as csp
from csp.decorators import csp_replace
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from xxgk.agencies.models import Agency
from xxgk.disclosures.choices import ARTICLE_20, ITEMS, LANGUAGES, items_for
from xxgk.portal import cache, search, selectors
from xxgk.portal.forms import CatalogueForm, SearchForm
from xxgk.reports.selectors import published_file, published_versions
from xxgk.reports.trends import published_reports, trend_charts

PER_PAGE = 20


def _page(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _agency(agency_id: int) -> Agency:
    return get_object_or_404(Agency, pk=agency_id)


def _section(
    request: HttpRequest, template: str, agency: Agency, section: str, **context: Any
) -> HttpResponse:
    return render(
        request,
        f"portal/{template}",
        {"agency": agency, "section": section, **context},
    )


def home(request: HttpRequest) -> HttpResponse:
    """The 政府信息公开专栏's front page: the agency tree."""
    tree = cache.cached("tree", selectors.agency_tree)
    return render(request, "portal/home.html", {"tree": tree})


def agency(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _agency(agency_id)
    return _section(
        request,
        "agency.html",
        agency,
        "agency",
        guide=selectors.guide_current(agency=agency),
        latest=selectors.latest(agency=agency, count=10),
    )


def guide(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _agency(agency_id)
    versions = list(selectors.guide_versions(agency=agency))
    return _section(
        request,
        "guide.html",
        agency,
        "guide",
        guide=versions[0] if versions else None,
        older=versions[1:],
    )


def rules(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = _agency(agency_id)
    return _section(
        request, "rules.html", agency, "rules", rules=selectors.rules_current(agency=agency)
    )


def statutory(request: HttpRequest, agency_id: int) -> HttpResponse:
    """法定主动公开内容: 条例第二十条's items, then the 第二十一条 items of the agency's level,
    each with its records in the catalogue."""
    agency = _agency(agency_id)
    counts = selectors.statutory_counts(agency=agency)
    return _section(
        request,
        "statutory.html",
        agency,
        "statutory",
        items=[row for row in counts if row[0] in ARTICLE_20],
        article_21=[row for row in counts if row[0] not in ARTICLE_20],
    )


def catalogue(request: HttpRequest, agency_id: int) -> HttpResponse:
    """政府信息公开目录 (条例第十二条): filtered, sorted, paginated."""
    agency = _agency(agency_id)
    form = CatalogueForm(
        request.GET or None,
        years=selectors.published_years(agency=agency),
        items=items_for(agency),
    )
    filters = form.filters(agency=agency)
    return _section(
        request,
        "catalogue.html",
        agency,
        "catalogue",
        form=form,
        page=_page(request, selectors.catalogue(filters)),
        query=_query_without_page(request),
        item_label=ITEMS.get(filters.item) if filters.item else "",
    )


def reports(request: HttpRequest, agency_id: int) -> HttpResponse:
    """政府信息公开年报: every published version, with its downloads and any correction note."""
    agency = _agency(agency_id)
    versions = list(published_versions(agency=agency))
    latest = {v.year: v for v in reversed(versions)}  # the latest version of each year
    charts = trend_charts(
        published_reports([v.report_json for v in latest.values() if v.report_json])
    )
    return _section(request, "reports.html", agency, "reports", reports=versions, charts=charts)


# The published web page is the renderer's stand-alone file: its stylesheet and column widths
# are inline, and it runs no script. Under the site's policy (no inline style) it lost its
# borders and layout; this response allows inline style and forbids every script.
@csp_replace({"style-src": [csp.SELF, csp.UNSAFE_INLINE], "script-src": [csp.NONE]})  # type: ignore[arg-type]  # django-csp types a view without URL arguments
def report_file(request: HttpRequest, pk: int, form: str) -> FileResponse:
    """A published report in one of its forms, as it was published (its own address)."""
    found = published_file(pk=pk, form=form)
    if found is None:
        raise Http404(_("没有这份年度报告。"))
    name = f"{found.report.agency.name}{found.report.year}年政府信息公开工作年度报告"
    if found.report.version > 1:
        name += f"（更正版{found.report.version}）"
    # The web page opens in the browser; the other forms download as files.
    return FileResponse(
        found.file.open("rb"), filename=f"{name}.{form}", as_attachment=form != "html"
    )


def apply(request: HttpRequest, agency_id: int) -> HttpResponse:
    """依申请公开: how to apply, from the current guide."""
    agency = _agency(agency_id)
    return _section(
        request, "apply.html", agency, "apply", guide=selectors.guide_current(agency=agency)
    )


def disclosure(request: HttpRequest, index_number: str) -> HttpResponse:
    """A record's permanent page, by its 索引号."""
    record = selectors.disclosure_by_index(index_number)
    if record is None:
        raise Http404(_("没有这条公开信息。"))
    versions = selectors.language_versions(record)
    return render(
        request,
        "portal/disclosure.html",
        {
            "agency": record.agency,
            "section": "catalogue",
            "record": record,
            "record_lang": bcp47(record.language),
            "versions": [(v, bcp47(v.language), language_name(v.language)) for v in versions],
            "items": [ITEMS[i] for i in record.items if i in ITEMS],
            "interpretations": selectors.interpretations(record),
        },
    )


def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A published record's attachment (the media folder is never served directly)."""
    found = selectors.public_attachment(pk)
    if found is None:
        raise Http404(_("没有这个附件。"))
    return FileResponse(
        found.file.open("rb"),
        as_attachment=True,
        filename=found.name,
        content_type=found.content_type,
    )


def search_page(request: HttpRequest) -> HttpResponse:
    """全文检索: ranked, highlighted, filtered."""
    form = SearchForm(request.GET or None, years=cache.cached("years", selectors.published_years))
    filters = form.filters(agency=form.cleaned_data.get("agency") if form.is_valid() else None)
    query = (form.cleaned_data.get("q") or "").strip() if form.is_valid() else ""
    terms = search.query_terms(query) if query else []
    page = hits = found = None
    if terms:
        narrowed = filters != selectors.CatalogueFilter(sort=filters.sort)
        records = selectors.catalogue(filters) if narrowed else None
        order: tuple[str, ...] = ()
        if filters.sort in selectors.SORTS and form.cleaned_data.get("sort"):
            order = tuple(_on_record(f) for f in selectors.SORTS[filters.sort])
        # A result page is kept per query in the cache's generation: a record published,
        # changed or withdrawn starts a new one (portal_refresh), so a kept page is never stale.
        asked = sorted((k, v) for k, v in request.GET.lists())
        key = "search:" + hashlib.sha256(repr((terms, asked)).encode()).hexdigest()
        number, found = cache.cached(
            key, lambda: _ranking(terms, records, order, _page_number(request))
        )
        page = Paginator(_Fetched(found, (number - 1) * PER_PAGE), PER_PAGE).page(number)
        hits = search.hits(found.rows, query=query, terms=terms)
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "q": query,
            "page": page,
            "hits": hits,
            "more": found is not None and found.more,
            "query": _query_without_page(request),
        },
    )


def _page_number(request: HttpRequest) -> int:
    """The page asked for, as Paginator.get_page reads it: anything but a number is page 1."""
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except (TypeError, ValueError):
        return 1


def _ranking(
    terms: list[str], records: Any, order: tuple[str, ...], number: int
) -> tuple[int, search.Ranking]:
    """Page `number` of a search's ranking, or its last page when `number` is past it."""

    def page(n: int) -> search.Ranking:
        offset = (n - 1) * PER_PAGE
        return search.ranking(
            terms=terms, records=records, order=order, offset=offset, limit=PER_PAGE
        )

    found = page(number)
    if not found.rows and number > 1:
        number = max(1, -(-found.total // PER_PAGE))
        found = page(number)
    return number, found


class _Fetched(Sequence[dict[str, int]]):
    """A fetched page of a ranking as the whole list to Django's Paginator: it knows the count,
    and slicing it gives the page's rows (the only slice the Paginator takes)."""

    def __init__(self, found: search.Ranking, offset: int) -> None:
        self.found, self.offset = found, offset

    def count(self) -> int:  # type: ignore[override]  # Paginator calls count() when it exists
        return self.found.total

    def __len__(self) -> int:
        return self.found.total

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            raise TypeError("only a page's slice is fetched")
        return self.found.rows[index.start - self.offset : index.stop - self.offset]


def _on_record(order: str) -> str:
    """A record ordering ("-published_on") as one on the search rows."""
    return f"-disclosure__{order[1:]}" if order.startswith("-") else f"disclosure__{order}"


def bcp47(code: str) -> str:
    """A Django language code as a BCP 47 tag for `lang`/`hreflang`: zh-hans → zh-Hans."""
    parts = code.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(out)


def language_name(code: str) -> str:
    return LANGUAGES.get(code.lower(), code)
