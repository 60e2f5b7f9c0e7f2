"""Settings: everything comes from the environment (see `base`)."""

from xxgk.site.settings.base import *  # noqa: F403
