"""The open-data API: /api/v1/…, read-only JSON (and CSV/HSDS exports of offers)."""

from django.urls import path

from home.kita import api as kita_api
from home.offers import api
from search import views as search_views

urlpatterns = [
    path("offers", api.offers_list, name="api-offers"),
    path("offers.csv", api.offers_csv, name="api-offers-csv"),
    path("offers.hsds.json", api.offers_hsds, name="api-offers-hsds"),
    path("kitas", kita_api.kitas, name="api-kitas"),
    path("childminders", kita_api.childminders, name="api-childminders"),
    path("search", search_views.api_search, name="api-search"),
    path("search/suggest", search_views.api_suggest, name="api-search-suggest"),
]
