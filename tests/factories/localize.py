"""Translations made the way an editor makes them: wagtail-localize's translation source, a string translation per
segment, then the translated object created from them."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource


def translate_snippet(obj, language: str, **texts: str):
    """Translate `obj` into `language`; `texts` gives the translation of each translatable field (by name)."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = set(texts) - {segment.context.path for segment in segments}
    assert not missing, f"no segment for {missing}"
    for segment in segments:
        if segment.context.path in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.context.path]},
            )
    translated, _created = source.create_or_update_translation(locale)
    return translated
