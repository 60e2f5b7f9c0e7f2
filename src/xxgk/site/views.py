"""The site's own pages: the home page sends each user to the first page of the navigation
they may open (an administrator, who reads no applications, to the calendar or the log)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from xxgk.site.context import navigation_for


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponseRedirect:
    links = navigation_for(request)
    return redirect(links[0].url if links else "applications:queue")
