"""The answer deadline of a 咨询 or 建议: the agency's own number of working days (its setting
`Agency.enquiry_answer_days`), counted on the official calendar from the day after receipt.

The 条例 sets no deadline for these; the number is agency policy, and the pages say so.
"""

from __future__ import annotations

from datetime import date

from xxgk.workdays import Calendar, Span


def answer_deadline(*, received_on: date, days: int, calendar: Calendar) -> Span:
    """The `days`-th working day after `received_on` (provisional in a year not on the
    calendar)."""
    return calendar.add_workdays(received_on, days)
