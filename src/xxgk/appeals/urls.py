from django.urls import path

from xxgk.appeals import views

app_name = "appeals"

urlpatterns = [
    path("", views.appeal_index, name="list"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/decision/correct/", views.decision_correct, name="decision_correct"),
]
