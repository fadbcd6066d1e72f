from django.urls import path

from home.offers import api, hsds_api

urlpatterns = [
    path("offers", api.offers_list, name="api-offers"),
    path("offers.csv", api.offers_csv, name="api-offers-csv"),
    path("offers.hsds.json", api.offers_hsds, name="api-offers-hsds"),
    # HSDS 3.0 (Open Referral's openapi.json): the paths are the specification's, below /api/v1/hsds/.
    path("hsds/", hsds_api.api_info, name="hsds-api"),
    path("hsds/openapi.json", hsds_api.openapi, name="hsds-openapi"),
    path("hsds/profile", hsds_api.profile, name="hsds-profile"),
    path("hsds/services", hsds_api.services, name="hsds-services"),
    path("hsds/services/<str:id>", hsds_api.service, name="hsds-service"),
    path("hsds/service_at_locations", hsds_api.service_at_locations, name="hsds-service-at-locations"),
    path("hsds/service_at_locations/<str:id>", hsds_api.service_at_location, name="hsds-service-at-location"),
    path("hsds/organizations", hsds_api.organizations, name="hsds-organizations"),
    path("hsds/organizations/<str:id>", hsds_api.organization, name="hsds-organization"),
    path("hsds/taxonomies", hsds_api.taxonomies, name="hsds-taxonomies"),
    path("hsds/taxonomies/<str:id>", hsds_api.taxonomy, name="hsds-taxonomy"),
    path("hsds/taxonomy_terms", hsds_api.taxonomy_terms, name="hsds-taxonomy-terms"),
    path("hsds/taxonomy_terms/<str:id>", hsds_api.taxonomy_term, name="hsds-taxonomy-term"),
]
