from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Content translation on top of wagtail-localize: every section in every language from the start (aliases),
    translations reviewed before they go live, outdated translations marked, German fallbacks labelled."""

    name = "home.translations"
    label = "translations"
    verbose_name = _("Übersetzungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.translations import registry, signals  # noqa: F401  (connects receivers, registers contributions)

        synchronise_address_fields()


# Text fields that are the same in every language: wagtail-localize would offer them for translation (it treats
# every CharField as text); here they are copied from the German page instead, and kept in step when it changes.
SYNCHRONISED_FIELD_NAMES = frozenset({"street", "postcode", "city", "phone", "external_id"})


def synchronise_address_fields() -> None:
    from django.apps import apps
    from wagtail.models import TranslatableMixin
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    # All lists first: a model inherits `translatable_fields` from a concrete parent once that parent has one.
    lists = {
        model: get_translatable_fields(model)
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and "translatable_fields" not in model.__dict__
    }
    for model, fields in lists.items():
        if any(field.field_name in SYNCHRONISED_FIELD_NAMES for field in fields):
            model.translatable_fields = [
                SynchronizedField(field.field_name) if field.field_name in SYNCHRONISED_FIELD_NAMES else field
                for field in fields
            ]
