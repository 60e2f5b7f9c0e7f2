"""`xxgk manage rotate_data_key`: re-seal applicants' personal data with the current key."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from xxgk.applications.personal_data import data_key_rotate, rows_reseal
from xxgk.online.models import SEALED_FIELDS as SUBMISSION_SEALED_FIELDS
from xxgk.online.models import Submission
from xxgk.privacy.sealing import SealError


class Command(BaseCommand):
    help = (
        "用当前密钥（XXGK_DATA_KEY）重新加密全部申请人个人信息；旧密钥须仍在 "
        "XXGK_OLD_DATA_KEYS 中。在一个事务中完成，可重复运行。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                count = data_key_rotate()
                online = rows_reseal(Submission, SUBMISSION_SEALED_FIELDS)
        except SealError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已用当前密钥重新加密 {count} 件申请、{online} 件网上申请的个人信息。")
