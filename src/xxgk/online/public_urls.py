from django.urls import path

from xxgk.online import views

app_name = "online"

urlpatterns = [
    path("<int:agency_id>/apply/online/", views.apply, name="apply"),
    path("apply/<str:number>/", views.submitted, name="submitted"),
    path("lookup/", views.lookup, name="lookup"),
    path("lookup/case/", views.case, name="case"),
    path("lookup/case/correction/", views.correction, name="correction"),
    path("lookup/case/withdraw/", views.withdraw, name="withdraw"),
    path("lookup/case/letters/<str:key>/<int:event>.docx", views.case_letter, name="letter"),
    path("lookup/leave/", views.leave, name="leave"),
]
