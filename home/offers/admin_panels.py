from django.utils import timezone
from wagtail.admin.ui.components import Component

from home.offers.models import OfferPage
from home.offers.services import STALE_AFTER

MAX_LISTED = 20


class StaleOffersPanel(Component):
    """Dashboard list of published offers not checked for six months: a provider sees its own, editors all."""

    name = "stale_offers"
    order = 150
    template_name = "offers/stale_offers_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        offers = OfferPage.objects.live().filter(last_checked__lt=timezone.localdate() - STALE_AFTER)
        if not self.user.is_superuser and not self.user.has_perm("directory.change_provider"):
            offers = offers.filter(provider__maintainers=self.user)
        return {"offers": offers.order_by("last_checked")[:MAX_LISTED], "total": offers.count()}
