from django.urls import path

from xxgk.online import views

app_name = "submissions"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/files/<int:file_pk>/", views.submission_file, name="file"),
]
