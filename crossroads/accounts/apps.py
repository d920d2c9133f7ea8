from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "crossroads.accounts"
    label = "accounts"
    verbose_name = "Accounts"


from django.contrib.admin import apps as admin_apps  # noqa: E402


class CrossroadsAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "crossroads.access.admin_site.CrossroadsAdminSite"
