from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "xxgk.portal"
    label = "portal"
    verbose_name = "政府信息公开专栏"
