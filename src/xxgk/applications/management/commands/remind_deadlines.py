"""`xxgk manage remind_deadlines`: queue today's deadline reminders (run it daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from xxgk.applications.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "发送期限提醒邮件（答复、补正、缴费、征求意见、复议诉讼答复："
        "已届满或 3 个工作日内届满；同一事项每天至多一次）"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_deadline_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"已发送 {result.return_value} 封提醒邮件。")
        else:
            self.stdout.write(f"已加入任务队列（{result.id}）。")
