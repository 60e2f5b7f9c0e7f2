"""The applications app's models, one module per entity."""

from xxgk.applications.models.application import Application
from xxgk.applications.models.attachment import Attachment
from xxgk.applications.models.calendar import CalendarYear
from xxgk.applications.models.event import ApplicationEvent
from xxgk.applications.models.letter import LetterTemplate
from xxgk.applications.models.reminder import ReminderSent

__all__ = [
    "Application",
    "ApplicationEvent",
    "Attachment",
    "CalendarYear",
    "LetterTemplate",
    "ReminderSent",
]
