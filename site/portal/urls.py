"""The URL map: it only wires what the apps offer, and leaves out the parts of apps that are not installed."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from machina import urls as machina_urls
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community.accounts.views import admin_login
from core.api_description import openapi_json
from home.translations.sitemap import LanguageSitemap
from portal.health import health
from search import views as search_views


def installed(app: str, *patterns) -> list:
    return list(patterns) if apps.is_installed(app) else []


urlpatterns = [
    path("health/", health, name="health"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguageSitemap}}, name="sitemap"),
    # Wagtail's own login would skip the second factor: it hands over to allauth's (with ?next=).
    path("admin/login/", admin_login, name="admin-login"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    # The open-data API: /api/v1/…, read-only JSON (and CSV/HSDS exports of offers).
    *installed("home.offers", path("api/v1/", include("home.offers.api_urls"))),
    *installed("home.kita", path("api/v1/", include("home.kita.api_urls"))),
    path("api/v1/", include("search.api_urls")),
    path("api/v1/openapi.json", openapi_json, name="api-openapi"),  # core/api_description.py
    # The stale-offer reminder's one-click confirmation (a mail link, so without a language prefix).
    *installed("home.offers", path("", include("home.offers.urls"))),
    # /konto/: the account's own pages, then what the apps add there.
    path("konto/", include("community.notifications.urls")),
    *installed("community.forum", path("konto/", include("community.forum.account_urls"))),
    *installed("home.contact_points", path("konto/", include("home.contact_points.account_urls"))),
    path("konto/", include("community.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language: /de/, /en/, /tr/, /ar/, /uk/, /ru/.
urlpatterns += i18n_patterns(
    path("suche/", search_views.search, name="search"),
    *installed("community.forum", path("forum/", include("community.forum.urls"))),
    path("forum/", include(machina_urls)),
    *installed("community.bookmarks", path("merkliste/", include("community.bookmarks.urls"))),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include(wagtail_urls)),
)

# German error pages in the portal layout (500 stands alone: it must render when the database is down).
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"
