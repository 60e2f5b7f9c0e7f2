"""`xxgk manage remind_deadlines`: queue today's deadline reminders (run it daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from xxgk.applications.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "发送答复期限提醒邮件（已逾期或 3 个工作日内到期的申请）"

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_deadline_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"已发送 {result.return_value} 封提醒邮件。")
        else:
            self.stdout.write(f"已加入任务队列（{result.id}）。")
