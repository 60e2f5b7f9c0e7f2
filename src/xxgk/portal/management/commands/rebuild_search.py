"""`xxgk manage rebuild_search`: rebuild the portal's search index from the register."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from xxgk.portal.services import portal_rebuild


class Command(BaseCommand):
    help = "重建门户的全文检索索引（全部已发布的主动公开信息）"

    def handle(self, *args: Any, **options: Any) -> None:
        count = portal_rebuild()
        self.stdout.write(f"已索引 {count} 条已发布的主动公开信息。")
