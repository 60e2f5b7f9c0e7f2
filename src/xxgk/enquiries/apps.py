from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "xxgk.enquiries"
    label = "enquiries"
    verbose_name = "咨询和建议"
