from wagtail.models import Locale


def translate(page, language: str):
    """A published copy of `page` in `language`, with its parents copied first where they have none: what the
    Redaktion publishes after translating. Returns the specific translated page."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    for ancestor in page.get_ancestors(inclusive=True).filter(depth__gte=2).specific():
        translation = ancestor.get_translation_or_none(locale) or ancestor.copy_for_translation(locale)
        if not translation.live:
            translation.save_revision().publish()
    return page.get_translation(locale).specific
