"""A paginator for very large listings that never runs COUNT(*)."""

from django.core.paginator import InvalidPage, PageNotAnInteger
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator


class NoCountPaginator(WagtailPaginator):
    """Fetches one row more than a page to know whether a next page exists, instead of counting the
    whole table (a million consent records make COUNT(*) the slowest part of the listing)."""

    num_page_buttons = 0  # previous / next only: the last page number is not known

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer")) from None
        if number < 1:
            raise InvalidPage(_("That page number is less than 1"))
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            return self.page(1)
        self._has_more = len(rows) > self.per_page
        self._seen = bottom + min(len(rows), self.per_page)
        self._number = number
        return self._get_page(rows[: self.per_page], number, self)

    def get_page(self, number):
        try:
            return self.page(number)
        except (PageNotAnInteger, InvalidPage):
            return self.page(1)

    @property
    def count(self):
        """Rows up to the end of the current page (a lower bound when there are more)."""
        return self._seen + (1 if self._has_more else 0)

    @property
    def num_pages(self):
        return self._number + (1 if self._has_more else 0)

    @property
    def items_count_label(self):
        if self._has_more:
            return _("more than %(count)s %(items)s") % {
                "count": self._seen,
                "items": self.verbose_name_plural,
            }
        return f"{self._seen} {self.verbose_name_plural}"

    def get_elided_page_range(self, page_number):
        return []
