"""The appeals app's models."""

from xxgk.appeals.models.appeal import Appeal

__all__ = ["Appeal"]
