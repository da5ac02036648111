"""Panels of the policy editor: the read-only review, and version fields compared in words."""

from wagtail.admin.panels import FieldPanel, Panel


class WordsFieldPanel(FieldPanel):
    """A FieldPanel whose revisions are compared with `comparison_class` (see `policy.version_words`)."""

    def __init__(self, *args, comparison_class=None, **kwargs):
        self.comparison_class = comparison_class
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "comparison_class": self.comparison_class}

    def get_comparison_class(self):
        return self.comparison_class or super().get_comparison_class()


class VersionReviewPanel(Panel):
    """The review of the version being edited (`policy.review`), above the version fields."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "policy/admin/version_review_panel.html"

        def get_context_data(self, parent_context=None):
            from policy.review import review_context

            context = super().get_context_data(parent_context)
            context.update(review_context(self.instance))
            return context
