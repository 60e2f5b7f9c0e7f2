"""The 索引号 in a URL: it contains "/" (014000319/2020-00001), so it takes several segments."""

from __future__ import annotations


class IndexNumberConverter:
    # Segments of anything but "/", "?" and "#"; reverse() percent-encodes what needs it.
    regex = r"[^/?#]+(?:/[^/?#]+)*"

    def to_python(self, value: str) -> str:
        if any(segment in {".", ".."} for segment in value.split("/")):
            raise ValueError(value)  # never a dot segment: a browser would collapse it
        return value

    def to_url(self, value: str) -> str:
        return value
