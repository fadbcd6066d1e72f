from django.urls import path

from home.offers import api

urlpatterns = [
    path("offers", api.offers_list, name="api-offers"),
    path("offers.csv", api.offers_csv, name="api-offers-csv"),
    path("offers.hsds.json", api.offers_hsds, name="api-offers-hsds"),
]
