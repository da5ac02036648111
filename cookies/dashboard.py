"""The Privacy officers' dashboard panel: cookie choices per policy version (one GROUP BY query).

For each version: how many choices were logged, how many allowed analytics, how many refused them and
how many of those came with Global Privacy Control, each linking to the log filtered to them.
"""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component

from cookies.models import CookieChoice

SHOWN_VERSIONS = 10


def counts_per_version(limit=SHOWN_VERSIONS):
    """[{"version", "total", "analytics", "refused", "gpc"}], newest version first."""
    rows = (
        CookieChoice.objects.order_by()
        .values("policy_version")
        .annotate(
            total=Count("id"),
            analytics=Count("id", filter=Q(analytics=True)),
            gpc=Count("id", filter=Q(gpc=True)),
        )
        .order_by("-policy_version")[:limit]
    )
    return [
        {
            "version": row["policy_version"],
            "total": row["total"],
            "analytics": row["analytics"],
            "refused": row["total"] - row["analytics"],
            "gpc": row["gpc"],
        }
        for row in rows
    ]


class CookieChoicesPanel(Component):
    name = "cookie_choices"
    template_name = "cookies/admin/dashboard_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        index = reverse("cookie_choices:index")
        context["rows"] = [
            {
                **row,
                "url": f"{index}?policy_version={row['version']}",
                "analytics_url": f"{index}?policy_version={row['version']}&analytics=true",
                "refused_url": f"{index}?policy_version={row['version']}&analytics=false",
                "gpc_url": f"{index}?policy_version={row['version']}&gpc=true",
            }
            for row in counts_per_version()
        ]
        context["index_url"] = index
        return context
