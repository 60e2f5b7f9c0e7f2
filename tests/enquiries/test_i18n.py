"""The enquiries' portal English: every message translated, the .mo compiled from the .po."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import xxgk.enquiries

LOCALE = Path(xxgk.enquiries.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def test_every_message_has_an_english_translation() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    empty = re.findall(r'\nmsgid "(.+)"\n(?:msgid_plural "[^\n]*"\n)?msgstr(?:\[\d\])? ""\n', po)
    assert not empty
    assert "#, fuzzy" not in po


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_the_committed_mo_is_compiled_from_the_po(tmp_path: Path) -> None:
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(LOCALE / "django.po")], check=True
    )
    assert compiled.read_bytes() == (LOCALE / "django.mo").read_bytes()


def test_the_portal_templates_have_no_untranslated_message() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    msgids = {m.replace('"\n"', "") for m in re.findall(r'msgid "((?:[^"\n]|"\n")*)"', po)}
    templates = Path(xxgk.enquiries.__file__).parent / "templates" / "enquiries" / "portal"
    for template in templates.rglob("*.html"):
        for msgid in re.findall(r'{% translate "([^"]+)" %}', template.read_text("utf-8")):
            assert msgid in msgids, (template.name, msgid)
