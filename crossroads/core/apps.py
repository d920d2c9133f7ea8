from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "crossroads.core"
    label = "core"
    verbose_name = "Crossroads"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from . import schema  # noqa: F401  (registers the OpenAPI extensions)
        from .planner import on_connection_created

        connection_created.connect(on_connection_created, dispatch_uid="crossroads-planner")
