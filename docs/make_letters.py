"""Make docs/letters/: one of each letter the demo's timelines produce, as the recipient sees it.

Run: ``uv run python docs/make_letters.py`` (needs LibreOffice and poppler-utils). It loads the
demo into a throwaway SQLite database, writes each kind of letter once as Word, converts it to
PDF with LibreOffice (headless, with the fontconfig stand-ins the README describes) and the PDF's
first page to PNG with pdftoppm.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "letters"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="xxgk-letters-"))
    os.environ["XXGK_VAR_DIR"] = str(work)
    os.environ.setdefault("SECRET_KEY", "docs-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from xxgk.applications.letters.official import fontconfig
    from xxgk.applications.letters.render import letter_render, letters_available
    from xxgk.applications.models import Application
    from xxgk.site.demo import demo_load

    call_command("migrate", verbosity=0)
    demo_load()
    config = work / "fonts.conf"
    config.write_text(fontconfig(include_system=True), encoding="utf-8")
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    done: set[str] = set()
    HERE.mkdir(exist_ok=True)
    for application in Application.objects.order_by("received_on", "pk"):
        for letter in letters_available(application):
            if letter.key in done:
                continue
            done.add(letter.key)
            _, content = letter_render(application, letter.key, letter.event.pk)
            docx = work / f"{letter.key}.docx"
            docx.write_bytes(content)
            subprocess.run(  # noqa: S603 -- our own file names, no shell
                [
                    soffice,
                    f"-env:UserInstallation=file://{work / 'profile'}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(docx),
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "FONTCONFIG_FILE": str(config)},
            )
            pdftoppm = shutil.which("pdftoppm") or sys.exit("poppler-utils (pdftoppm) is needed")
            subprocess.run(  # noqa: S603 -- our own file names, no shell
                [
                    pdftoppm,
                    "-r",
                    "60",
                    "-png",
                    "-singlefile",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    str(work / f"{letter.key}.pdf"),
                    str(HERE / letter.key),
                ],
                check=True,
            )
            print(HERE / f"{letter.key}.png", letter.title, application.number)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
