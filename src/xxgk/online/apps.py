from django.apps import AppConfig


class OnlineConfig(AppConfig):
    name = "xxgk.online"
    label = "online"
    verbose_name = "网上申请"
    default_auto_field = "django.db.models.BigAutoField"
