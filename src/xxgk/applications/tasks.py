"""Background work (django-tasks): runs in-process by default, on workers elsewhere when
`TASKS` names a queue backend."""

from __future__ import annotations

from django_tasks import task

from xxgk.applications.reminders import reminders_send


@task()
def send_deadline_reminders() -> int:
    """E-mail each officer and head the agency's overdue and nearly due applications."""
    return reminders_send()
