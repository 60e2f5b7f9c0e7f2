from django.urls import path, register_converter

from xxgk.portal import feeds, views
from xxgk.portal.converters import IndexNumberConverter

register_converter(IndexNumberConverter, "index")

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("xxgk/<index:index_number>/", views.disclosure, name="disclosure"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("reports/<int:pk>/<str:form>/", views.report_file, name="report_file"),
    path("<int:agency_id>/", views.agency, name="agency"),
    path("<int:agency_id>/guide/", views.guide, name="guide"),
    path("<int:agency_id>/rules/", views.rules, name="rules"),
    path("<int:agency_id>/statutory/", views.statutory, name="statutory"),
    path("<int:agency_id>/catalogue/", views.catalogue, name="catalogue"),
    path("<int:agency_id>/reports/", views.reports, name="reports"),
    path("<int:agency_id>/apply/", views.apply, name="apply"),
    path("<int:agency_id>/feed/rss/", feeds.LatestRss(), name="feed_rss"),
    path("<int:agency_id>/feed/atom/", feeds.LatestAtom(), name="feed_atom"),
]
