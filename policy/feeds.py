"""Atom feed of change notices at /<lang>/privacy/updates/feed/."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _


class PolicyUpdatesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return index_page.title

    def link(self, index_page):
        return index_page.get_url(self.request)

    def subtitle(self, index_page):
        return index_page.intro or _("Notices of changes to our privacy policy, newest first.")

    def items(self, index_page):
        return index_page.notices()[:50]

    def item_title(self, notice):
        return notice.title

    def item_description(self, notice):
        return notice.body

    def item_link(self, notice):
        return notice.get_url(self.request)

    def item_guid(self, notice):
        return f"urn:uuid:{notice.translation_key}:{notice.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return notice.first_published_at

    def item_updateddate(self, notice):
        return notice.last_published_at or notice.first_published_at
