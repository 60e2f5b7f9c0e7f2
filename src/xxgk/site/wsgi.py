"""The WSGI application gunicorn serves (`xxgk serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.site.settings")

application = get_wsgi_application()
