from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo states, agencies, users and synthetic people of `crossroads seed-demo`: it
    drives every app's own actions, so it sits above them all, beside the wiring."""

    default = True
    name = "crossroads.demo"
    label = "demo"
    verbose_name = "Demo data"
