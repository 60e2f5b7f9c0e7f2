"""The site's settings, read from the environment (accounts and headers: `accounts`, `security`).

`XXGK_PROFILE` (production by default: nothing unsafe without being asked for), `DATABASE_URL`
(dj-database-url; SQLite at ./var/xxgk.sqlite3 by default), `SECRET_KEY`, `DEBUG`,
`ALLOWED_HOSTS`, `XXGK_VAR_DIR` (where the database, uploads and static files go),
`XXGK_DATA_KEY` and `XXGK_OLD_DATA_KEYS` (personal data encryption, see `xxgk.privacy`).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from xxgk.site.settings.env import data_keys, flag, listing, profile, secret_key

SITE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("XXGK_VAR_DIR", "var")).resolve()

XXGK_PROFILE = profile()
DEBUG = flag("DEBUG", default=XXGK_PROFILE != "production")
SECRET_KEY = secret_key(DEBUG, VAR_DIR)
# Applicants' personal data: the key that seals it, and old keys still read while rotating.
XXGK_DATA_KEY, XXGK_OLD_DATA_KEYS = data_keys(DEBUG)
ALLOWED_HOSTS = listing("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = listing("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "xxgk.site",
    "xxgk.audit",
    "xxgk.agencies",
    "xxgk.applications",
    "xxgk.appeals",
    "xxgk.disclosures",
    "xxgk.portal",
    "xxgk.online",
    "xxgk.reports",
    "xxgk.enquiries",
    "django.contrib.sitemaps",
    "axes",  # login lockout (settings/accounts.py)
    "csp",  # Content-Security-Policy (settings/security.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "xxgk.portal.middleware.LocaleMiddleware",  # the portal chooses; the back office: zh
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a locked-out login into its page
]

ROOT_URLCONF = "xxgk.site.urls"
WSGI_APPLICATION = "xxgk.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "xxgk.site.context.navigation",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    # The embedded default lives in ./var; SQLite cannot create the folder itself.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'xxgk.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # the first page of the navigation the user may open
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
# The public portal has an English version of its own words (xxgk/portal/locale); the back
# office is written in Chinese only.
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR.parent / "portal" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request without it
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"  # never served directly: files go out through permission-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders when collectstatic has not run (tests, runserver).
WHITENOISE_USE_FINDERS = True

# Attachments: what an applicant's or officer's upload may be.
XXGK_ATTACHMENT_MAX_BYTES = int(os.environ.get("XXGK_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
XXGK_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".ofd": "application/ofd",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
}
# 条例第三十六条第（六）项: an online application resembling one of the same applicant's within
# this many days, at least this similar (rapidfuzz token_set_ratio, 0–100), is flagged.
XXGK_REPEAT_WINDOW_DAYS = int(os.environ.get("XXGK_REPEAT_WINDOW_DAYS", 365))
XXGK_REPEAT_SIMILARITY = int(os.environ.get("XXGK_REPEAT_SIMILARITY", 80))
DATA_UPLOAD_MAX_MEMORY_SIZE = XXGK_ATTACHMENT_MAX_BYTES + 1024 * 1024

# The cache (the portal's pages and feeds): local memory per process by default; with REDIS_URL,
# one Redis that every web process shares, so that the processes stay stateless.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # The public forms' limits (django-ratelimit) count in this cache: without Redis each web
    # process counts on its own, so a limit holds per process (set REDIS_URL in production).

# Limits of the public forms (django-ratelimit rates: count/period, s m h d).
XXGK_SUBMIT_RATE = os.environ.get("XXGK_SUBMIT_RATE", "5/h")  # applications per IP address
# Behind a reverse proxy every request comes from the proxy's address: the limits per address
# must read the client's from the header the proxy sets (e.g. X-Real-IP), or they would limit
# everyone together. Only set it when such a proxy is always in front (a client could set it).
_CLIENT_IP_HEADER = os.environ.get("XXGK_CLIENT_IP_HEADER", "").strip()
if _CLIENT_IP_HEADER:
    RATELIMIT_IP_META_KEY = "HTTP_" + _CLIENT_IP_HEADER.upper().replace("-", "_")
XXGK_SUBMIT_IDENTITY_RATE = os.environ.get("XXGK_SUBMIT_IDENTITY_RATE", "10/d")  # per applicant
XXGK_ENQUIRY_RATE = os.environ.get("XXGK_ENQUIRY_RATE", "10/h")  # 咨询建议 per IP address
XXGK_LOOKUP_RATE = os.environ.get("XXGK_LOOKUP_RATE", "20/h")  # lookups per IP address
XXGK_LOOKUP_NUMBER_RATE = os.environ.get("XXGK_LOOKUP_NUMBER_RATE", "10/h")  # tries per number

# Background work (deadline reminders): in-process unless a queue backend is configured.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "XXGK_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "xxgk@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
