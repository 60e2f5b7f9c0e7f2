"""The test suite's settings: the site's own, in the development profile with a fixed key.

Set here rather than in conftest.py because pytest-django reads the settings before any
conftest: production, the default, would refuse to start without a SECRET_KEY, and its HTTPS
redirect would answer every test request with a 301. The production settings have their own
tests (tests/site/test_production.py), in subprocesses with a production environment.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("XXGK_PROFILE", "development")

from xxgk.site.settings import *  # noqa: F403
