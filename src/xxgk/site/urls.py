from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest
from django.urls import include, path

from xxgk.agencies.policy import Action, can
from xxgk.applications import views as application_views
from xxgk.audit import views as audit_views
from xxgk.portal.sitemaps import SITEMAPS
from xxgk.site import views as site_views

admin.site.site_header = "xxgk 政府信息公开 · 系统管理"
admin.site.site_title = "xxgk 系统管理"
admin.site.index_title = "基础数据"


def _admin_site_permission(request: HttpRequest) -> bool:
    """Who enters the admin at all is the policy's (admin.site); what each page then shows is
    scoped by its ModelAdmin, which asks the policy too."""
    return can(request.user, Action.ADMIN_SITE)


admin.site.has_permission = _admin_site_permission  # type: ignore[method-assign]

urlpatterns = [
    path("", site_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("applications/", include("xxgk.applications.urls")),
    path("appeals/", include("xxgk.appeals.urls")),
    path("disclosures/", include("xxgk.disclosures.urls")),
    path("enquiries/", include("xxgk.enquiries.urls")),
    path("calendar/", application_views.calendar_years, name="calendar"),
    path("audit/", audit_views.audit_log, name="audit"),
    path("admin/", admin.site.urls),
    # The public portal (政府信息公开专栏), its sitemap, and its language switch.
    path("online/", include("xxgk.online.urls")),
    path("reports/", include("xxgk.reports.urls")),
    path("gk/", include("xxgk.online.public_urls")),
    path("gk/", include("xxgk.portal.urls")),
    path("gk/", include("xxgk.enquiries.portal_urls")),  # the agency's 咨询建议 section
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]
