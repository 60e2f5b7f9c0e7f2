"""`xxgk manage remind_enquiries`: queue today's enquiry reminders (run it daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from xxgk.enquiries.tasks import send_enquiry_reminders


class Command(BaseCommand):
    help = "发送咨询建议答复期限提醒邮件（已届满或 3 个工作日内届满；同一件每天至多一次）"

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_enquiry_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"已发送 {result.return_value} 封提醒邮件。")
        else:
            self.stdout.write(f"已加入任务队列（{result.id}）。")
