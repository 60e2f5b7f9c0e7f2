from django.urls import path

from xxgk.enquiries import views

app_name = "enquiries"
urlpatterns = [
    path("", views.enquiry_index, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/unpublish/", views.unpublish, name="unpublish"),
]
