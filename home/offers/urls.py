"""The offer directory's pages outside the page tree: the reminder's one-click "still current" link."""

from django.urls import path

from home.offers.views import offer_still_current

urlpatterns = [path("angebote/noch-aktuell/<str:token>/", offer_still_current, name="offer_still_current")]
