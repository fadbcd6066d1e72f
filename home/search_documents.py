from django.utils.translation import gettext_lazy as _

from home.models import ContentPage
from search.documents import adapter, page_document, plain, stream_text


@adapter(
    ContentPage, kind="seite", label=_("Seite"), queryset=lambda: ContentPage.objects.live().select_related("locale")
)
def content_page_document(page: ContentPage):
    return page_document(page, kind="seite", text=plain(page.intro, stream_text(page.body)))
