"""The portal's reads: only what is public (the register's `published` records) leaves here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from xxgk.agencies.models import Agency
from xxgk.disclosures.choices import ALL_ITEMS, Kind, Status, items_for
from xxgk.disclosures.models import Disclosure, DisclosureAttachment, Theme
from xxgk.portal.models import GuideVersion, RulesVersion

SORTS: dict[str, tuple[str, ...]] = {
    "published_desc": ("-published_on", "-id"),
    "published_asc": ("published_on", "id"),
    "made_desc": ("-made_on", "-id"),
    "made_asc": ("made_on", "id"),
}
DEFAULT_SORT = "published_desc"


@dataclass(frozen=True)
class AgencyNode:
    agency: Agency
    depth: int
    published: int  # its published records


def agency_tree() -> list[AgencyNode]:
    """Every agency in tree order (the materialised path), with its count of published records."""
    agencies = Agency.objects.order_by("path").annotate(
        published=Count("disclosures", filter=Q(disclosures__status=Status.PUBLISHED))
    )
    return [AgencyNode(a, a.depth, a.published) for a in agencies]


def published() -> QuerySet[Disclosure]:
    """Every public record: the only queryset the portal starts from."""
    return Disclosure.objects.filter(status=Status.PUBLISHED)


def guide_current(*, agency: Agency) -> GuideVersion | None:
    return GuideVersion.objects.filter(agency=agency).order_by("-published_on", "-id").first()


def guide_versions(*, agency: Agency) -> QuerySet[GuideVersion]:
    return GuideVersion.objects.filter(agency=agency).order_by("-published_on", "-id")


def rules_current(*, agency: Agency) -> list[RulesVersion]:
    """The latest version of each of the agency's 制度, by name."""
    latest: dict[str, RulesVersion] = {}
    for version in RulesVersion.objects.filter(agency=agency).order_by("-published_on", "-id"):
        latest.setdefault(version.name, version)
    return sorted(latest.values(), key=lambda v: v.name)


@dataclass(frozen=True)
class CatalogueFilter:
    """What the catalogue or a search is narrowed by (all optional)."""

    agency: Agency | None = None
    theme: Theme | None = None
    item: int | None = None  # 条例第二十条 or 第二十一条 item (choices.ITEMS)
    year: int | None = None  # of the publication date
    document_number: str = ""  # part of the 文号
    validity: str = ""
    kind: str = ""
    sort: str = DEFAULT_SORT


def with_item(item: int) -> Q:
    """Records that list item `item` (Art. 20's or Art. 21's): a JSON-array lookup by position,
    which SQLite and PostgreSQL both do (`__contains` on JSON is PostgreSQL's only). A record's
    items are distinct, so there are at most as many positions as items."""
    q = Q()
    for position in range(len(ALL_ITEMS)):
        q |= Q(**{f"items__{position}": item})
    return q


def catalogue(filters: CatalogueFilter) -> QuerySet[Disclosure]:
    """The 政府信息公开目录: published records narrowed by `filters`, in its order."""
    records = published()
    if filters.agency is not None:
        records = records.filter(agency=filters.agency)
    if filters.theme is not None:
        themes = Theme.objects.filter(Q(pk=filters.theme.pk) | Q(parent=filters.theme))
        tagged = Disclosure.themes.through.objects.filter(theme__in=themes)
        records = records.filter(pk__in=tagged.values("disclosure_id"))
    if filters.item is not None:
        records = records.filter(with_item(filters.item))
    if filters.year is not None:
        records = records.filter(
            published_on__gte=date(filters.year, 1, 1), published_on__lte=date(filters.year, 12, 31)
        )
    if filters.document_number:
        records = records.filter(document_number__icontains=filters.document_number)
    if filters.validity:
        records = records.filter(validity=filters.validity)
    if filters.kind:
        records = records.filter(kind=filters.kind)
    return records.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT]))


def statutory_counts(*, agency: Agency) -> list[tuple[int, str, int]]:
    """The items the agency publishes under (条例第二十条's, then the 第二十一条 items of its
    level) with its count of published records under each, in one query."""
    items = items_for(agency)
    counts = (
        published()
        .filter(agency=agency)
        .order_by()
        .aggregate(**{f"item_{n}": Count("pk", filter=with_item(n)) for n, _ in items})
    )
    return [(n, label, counts[f"item_{n}"]) for n, label in items]


def published_years(*, agency: Agency | None = None) -> list[int]:
    records = published() if agency is None else published().filter(agency=agency)
    dates = records.exclude(published_on=None).dates("published_on", "year", order="DESC")
    return [d.year for d in dates]


def disclosure_by_index(index_number: str) -> Disclosure | None:
    """A published record by its 索引号 (None when there is none, or it is not public)."""
    return (
        published()
        .select_related("agency", "translation_of", "related_to", "superseded_by")
        .prefetch_related("themes", "attachments")
        .filter(index_number=index_number)
        .first()
    )


def public_attachment(pk: int) -> DisclosureAttachment | None:
    """An attachment of a published record (None for any other)."""
    return DisclosureAttachment.objects.filter(pk=pk, disclosure__status=Status.PUBLISHED).first()


def language_versions(disclosure: Disclosure) -> list[Disclosure]:
    """Every published language version of the record, itself included, original first."""
    original = disclosure.translation_of or disclosure
    versions = published().filter(Q(pk=original.pk) | Q(translation_of=original))
    return sorted(versions, key=lambda d: (d.pk != original.pk, d.language))


def interpretations(disclosure: Disclosure) -> QuerySet[Disclosure]:
    """The published 政策解读 and 在线访谈 about the record."""
    return published().filter(related_to=disclosure, kind__in=(Kind.INTERPRETATION, Kind.INTERVIEW))


def latest(*, agency: Agency, count: int = 20) -> list[Disclosure]:
    return list(published().filter(agency=agency).order_by("-published_on", "-id")[:count])
