"""What content translation contributes: the Redaktion may translate, and the demo city in six languages."""

from community.accounts.roles import REDAKTION
from core.registry import DemoStep, RoleGrants, demo_steps, role_grants
from home.translations import (
    demo,
    review,  # noqa: F401  (its part of the review inbox)
)
from home.translations.models import PendingTranslation
from search.documents import TranslationsUnderReview, translations_under_review

# Translating is editing: the Redaktion starts translations and edits them; publishing goes through its review.
role_grants.register(RoleGrants(REDAKTION, model_permissions={"wagtail_localize.translation": ("submit_translation",)}))
# After every feature's demo content: the language trees mirror the whole German site.
demo_steps.register(DemoStep("translations", demo.seed, order=90))
# Search indexes what readers get: a copy whose translation waits for review still shows German, so it stays out
# (read uncached: an index update must not see a list from before the approval).
translations_under_review.register(
    TranslationsUnderReview(
        page_ids=lambda: PendingTranslation.objects.values_list("page_id", flat=True), model=PendingTranslation
    )
)
