"""sitemap.xml: the portal's pages and every published record's permanent page."""

from __future__ import annotations

from datetime import date

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from xxgk.agencies.models import Agency
from xxgk.disclosures.models import Disclosure
from xxgk.portal import selectors

AGENCY_PAGES = ("agency", "guide", "rules", "statutory", "catalogue", "reports", "apply")


class PortalSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "daily"

    def items(self) -> list[tuple[str, int | None]]:
        pages: list[tuple[str, int | None]] = [("home", None)]
        for agency_id in Agency.objects.order_by("path").values_list("pk", flat=True):
            pages.extend((name, agency_id) for name in AGENCY_PAGES)
        return pages

    def location(self, item: tuple[str, int | None]) -> str:
        name, agency_id = item
        args = [] if agency_id is None else [agency_id]
        return reverse(f"portal:{name}", args=args)


class DisclosureSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"
    limit = 5000

    def items(self) -> list[Disclosure]:
        return (
            selectors.published()
            .order_by("pk")
            .only(  # type: ignore[return-value]
                "index_number", "published_on", "updated_at"
            )
        )

    def location(self, item: Disclosure) -> str:
        return reverse("portal:disclosure", args=[item.index_number])

    def lastmod(self, item: Disclosure) -> date | None:
        return item.updated_at.date() if item.updated_at else item.published_on


SITEMAPS = {"portal": PortalSitemap, "disclosures": DisclosureSitemap}
