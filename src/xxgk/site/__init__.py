"""The Django project: settings, URLs, WSGI, the base templates and static files."""
