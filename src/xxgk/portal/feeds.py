"""Each agency's latest published records as RSS 2.0 and Atom 1.0."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from xxgk.agencies.models import Agency
from xxgk.disclosures.models import Disclosure
from xxgk.portal import cache, selectors

ITEMS = 20


class LatestRss(Feed):  # type: ignore[type-arg]
    def get_object(self, request: HttpRequest, agency_id: int) -> Agency:  # type: ignore[override]
        return get_object_or_404(Agency, pk=agency_id)

    def title(self, obj: Agency) -> str:
        return _("%(agency)s 政府信息公开") % {"agency": obj.name}

    def link(self, obj: Agency) -> str:
        return reverse("portal:catalogue", args=[obj.pk])

    def description(self, obj: Agency) -> str:
        return _("%(agency)s 最新主动公开的政府信息") % {"agency": obj.name}

    def items(self, obj: Agency) -> list[Disclosure]:
        return cache.cached(f"feed:{obj.pk}", lambda: selectors.latest(agency=obj, count=ITEMS))

    def item_title(self, item: Disclosure) -> str:
        return item.title

    def item_description(self, item: Disclosure) -> str:
        return item.summary or item.title

    def item_link(self, item: Disclosure) -> str:
        return reverse("portal:disclosure", args=[item.index_number])

    def item_guid(self, item: Disclosure) -> str:
        return item.index_number

    item_guid_is_permalink = False

    def item_pubdate(self, item: Disclosure) -> datetime | None:
        if item.published_on is None:
            return None
        return timezone.make_aware(datetime.combine(item.published_on, time()))

    def item_updateddate(self, item: Disclosure) -> datetime:
        return item.updated_at


class LatestAtom(LatestRss):
    feed_type = Atom1Feed

    def subtitle(self, obj: Agency) -> str:
        return self.description(obj)
