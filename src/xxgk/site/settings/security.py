"""Response headers and transport security; what `xxgk manage check --deploy` looks at.

Production (DEBUG off) is secure by default: HTTPS redirect, secure cookies, HSTS. A reverse
proxy that terminates TLS must tell Django the original scheme (`SECURE_PROXY_SSL_HEADER`),
or every request looks like plain HTTP and is redirected again and again.
"""

from __future__ import annotations

import os

from csp import constants as csp

from xxgk.site.settings.base import DEBUG
from xxgk.site.settings.env import flag, whole

# No inline script or style anywhere: every script and stylesheet is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],  # the portal's empty favicon is `data:,`
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],  # htmx requests
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}

X_FRAME_OPTIONS = "DENY"  # for browsers without frame-ancestors
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# "X-Forwarded-Proto" (or another header the proxy sets to "https"); only when the application
# cannot be reached except through that proxy, or a client could claim HTTPS itself.
_PROXY_HEADER = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
if _PROXY_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_HEADER.upper().replace("-", "_"), "https")

if not DEBUG:
    SESSION_COOKIE_SECURE = flag("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = whole("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = flag("SECURE_HSTS_PRELOAD", default=True)
