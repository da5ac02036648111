from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loader (`manage.py load_demo`): the one app that may use every other."""

    name = "demo"
    verbose_name = "Demo content"
