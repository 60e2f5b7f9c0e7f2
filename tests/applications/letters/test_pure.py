"""The letter modules import no Django: the web app fills them, other code can use them alone."""

import subprocess
import sys


def test_letter_modules_import_without_django():
    code = (
        "import sys\n"
        "import xxgk.applications.letters.official, xxgk.applications.letters.texts\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'docxtpl')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
