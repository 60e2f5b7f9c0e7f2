"""Settings: everything comes from the environment (see `base`, `accounts`, `security`)."""

from xxgk.site.settings.accounts import *  # noqa: F403
from xxgk.site.settings.base import *  # noqa: F403
from xxgk.site.settings.security import *  # noqa: F403
