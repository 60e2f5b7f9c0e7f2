from django.urls import path

from xxgk.disclosures import views

app_name = "disclosures"

urlpatterns = [
    path("", views.disclosure_index, name="list"),
    path("new/", views.disclosure_new, name="new"),
    path("figures/", views.figures, name="figures"),
    path("<int:pk>/", views.disclosure_detail, name="detail"),
    path("<int:pk>/edit/", views.disclosure_edit, name="edit"),
    path("<int:pk>/<str:step>/", views.disclosure_step, name="step"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]
