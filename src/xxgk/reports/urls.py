from django.urls import path

from xxgk.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("report.css", views.stylesheet, name="css"),
    path("supervise/", views.supervise, name="supervise"),
    path("supervise/rollup.xlsx", views.rollup_xlsx, name="rollup_xlsx"),
    path("<int:agency_id>/<int:year>/", views.detail, name="detail"),
    path("<int:agency_id>/<int:year>/step/", views.step, name="step"),
    path("<int:agency_id>/<int:year>/cells/<str:cell>/", views.cell, name="cell"),
]
