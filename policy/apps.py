from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = "Privacy policy"

    def ready(self):
        from policy.signal_handlers import register_signal_handlers

        register_signal_handlers()
