"""Django's LocaleMiddleware, minus its language redirect for the JSON API."""

from __future__ import annotations

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        # Django answers a 404 outside the language prefixes with a redirect to /de/…/ whenever Wagtail's catch-all
        # would match there; an API's 404 (an unknown id) is the answer itself.
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
