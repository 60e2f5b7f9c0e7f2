from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "xxgk.site"
    label = "xxgk_site"
    verbose_name = "站点"
