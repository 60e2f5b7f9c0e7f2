"""Working-day arithmetic on China's official calendar and the statutory clock built on it.

Pure Python (no Django): the web app and the CLI call `Calendar` and `compute`.
"""

from xxgk.workdays.calendar import (
    Calendar,
    DayInfo,
    InvalidYearDays,
    Pause,
    Span,
    UnknownYear,
    YearDays,
)
from xxgk.workdays.clock import (
    Event,
    EventKind,
    InvalidEvent,
    Policy,
    State,
    Status,
    compute,
)
from xxgk.workdays.explain import describe_span
from xxgk.workdays.notice import Notice, parse_notice

__all__ = [
    "Calendar",
    "DayInfo",
    "Event",
    "EventKind",
    "InvalidEvent",
    "InvalidYearDays",
    "Notice",
    "Pause",
    "Policy",
    "Span",
    "State",
    "Status",
    "UnknownYear",
    "YearDays",
    "compute",
    "describe_span",
    "parse_notice",
]
