"""/sitemap.xml: every page that really exists in a language (no aliases, no copies under review), each with its
versions in the other languages as hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.restrictions import public
from home.translations import selectors


class LanguageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        below_a_root = Q()
        for home in roots:
            below_a_root |= Q(path__startswith=home.path)
        return (
            public(Page.objects.live())
            .filter(below_a_root, alias_of__isnull=True)
            .exclude(pk__in=selectors.pending_page_ids())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        codes = selectors.locale_codes()
        versions: dict = defaultdict(list)
        for item in self.items():
            versions[item.translation_key].append((codes.get(item.locale_id, ""), item.get_full_url(self.request)))
        urls = super()._urls(page, protocol, domain)
        by_location = {url: key for key, entries in versions.items() for _code, url in entries}
        for url in urls:
            key = by_location.get(url["location"])
            if key is not None and len(versions[key]) > 1:
                url["alternates"] = [{"lang_code": code, "location": location} for code, location in versions[key]]
        return urls
