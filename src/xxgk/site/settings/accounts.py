"""Accounts: login lockout (django-axes), the idle session timeout, and password rules."""

from __future__ import annotations

from datetime import timedelta

from xxgk.site.settings.env import whole

AUTHENTICATION_BACKENDS = [
    # Axes first: a locked-out account is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lock the account, not the address: behind a reverse proxy every officer may share one address,
# and a guesser who changes address must still be stopped.
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the address too, against guessers who rotate user agents or cookies: a
# lock on the account already stops them, and an address lock behind a proxy would lock everyone.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_FAILURE_LIMIT = whole("XXGK_LOGIN_FAILURE_LIMIT", 5, least=1)
AXES_COOLOFF_TIME = timedelta(minutes=whole("XXGK_LOCKOUT_MINUTES", 15, least=1))
AXES_RESET_ON_SUCCESS = True  # five failures in a row, not five since the account was made
AXES_LOCKOUT_CALLABLE = "xxgk.site.lockout.lockout_response"
AXES_VERBOSE = True  # every failure and every lockout goes to the log (logger "axes")
AXES_SENSITIVE_PARAMETERS: list[str] = []  # the log names the account, so that it can be helped

# Idle timeout: the session lasts this long after the user's last request, renewed by each one.
SESSION_COOKIE_AGE = 60 * whole("XXGK_SESSION_IDLE_MINUTES", 30, least=1)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True

_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATION}.UserAttributeSimilarityValidator"},
    {
        "NAME": "xxgk.site.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": whole("XXGK_PASSWORD_MIN_LENGTH", 12, least=8)},
    },
    {"NAME": f"{_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATION}.NumericPasswordValidator"},
]
