"""pytest-django: the web app's settings, a private SQLite (or DATABASE_URL's PostgreSQL)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")
