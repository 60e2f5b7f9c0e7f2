"""The portal's 咨询建议 pages, under /gk/<agency>/enquiries/ beside the portal's own."""

from django.urls import path

from xxgk.enquiries import portal_views as views

app_name = "enquiry_portal"
urlpatterns = [
    path("<int:agency_id>/enquiries/", views.answers, name="answers"),
    path("<int:agency_id>/enquiries/<int:pk>/", views.answer, name="answer"),
    path("<int:agency_id>/enquiries/ask/", views.ask, name="ask"),
    path("<int:agency_id>/enquiries/receipt/", views.receipt, name="receipt"),
    path("<int:agency_id>/enquiries/lookup/", views.lookup, name="lookup"),
]
