"""Background work (django-tasks), as the applications' reminders."""

from __future__ import annotations

from django_tasks import task

from xxgk.enquiries.reminders import enquiry_reminders_send


@task()
def send_enquiry_reminders() -> int:
    """E-mail each officer and head the agency's overdue and nearly due enquiries."""
    return enquiry_reminders_send()
