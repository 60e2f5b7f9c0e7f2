from django.urls import path

from xxgk.applications import views

app_name = "applications"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("search/", views.search, name="search"),
    path("export.csv", views.export_csv, name="export"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/reveal/", views.reveal, name="reveal"),
    path("<int:pk>/events/<str:kind>/", views.event_record, name="event"),
    path("<int:pk>/grounds/", views.grounds, name="grounds"),
    path("<int:pk>/fee/", views.fee, name="fee"),
    path("<int:pk>/void/", views.event_void, name="void"),
    path("<int:pk>/letters/<str:key>/<int:event>.docx", views.letter, name="letter"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]
