"""The disclosures app's models, one module per entity."""

from xxgk.disclosures.models.counter import IndexCounter
from xxgk.disclosures.models.disclosure import (
    Disclosure,
    DisclosureAttachment,
    DisclosureChannel,
    SecrecyReview,
)
from xxgk.disclosures.models.figure import Figure
from xxgk.disclosures.models.theme import Theme

__all__ = [
    "Disclosure",
    "DisclosureAttachment",
    "DisclosureChannel",
    "Figure",
    "IndexCounter",
    "SecrecyReview",
    "Theme",
]
