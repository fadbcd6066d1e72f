"""What the accessibility app contributes: the Redaktion's grants for reported barriers, the footer links
(statement, report a barrier, Leichte Sprache, sign language), the reports in the personal-data register, demo pages."""

from urllib.parse import urlencode

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from community.accounts.roles import REDAKTION
from core.registry import (
    DemoStep,
    FooterLink,
    FooterLinks,
    PersonalData,
    RoleGrants,
    demo_steps,
    footer_links,
    personal_data,
    role_grants,
)
from home.accessibility import demo

role_grants.register(
    RoleGrants(REDAKTION, model_permissions={"accessibility.accessibilityfeedback": ("change", "view")})
)


def _footer_links(request) -> list[FooterLink]:
    from home.accessibility.selectors import footer_urls

    urls = footer_urls()
    links = []
    if statement := urls["statement"]:
        links.append(FooterLink(statement, _("Barrierefreiheit")))
        # The form is told which page the reader was on (not needed on the statement itself).
        here = request.path if request is not None else ""
        query = f"?{urlencode({'seite': here})}" if here and not here.startswith(statement) else ""
        links.append(FooterLink(f"{statement}{query}#barriere-melden", _("Barriere melden")))
    if easy_guide := urls["easy_guide"]:
        # Named in its own language, like the languages in the language switcher.
        links.append(FooterLink(easy_guide, LANG_INFO[settings.EASY_GERMAN]["name_local"], lang=settings.EASY_GERMAN))
    if urls["sign_language"]:
        links.append(FooterLink(f"{urls['guide']}#gebaerdensprache", _("Gebärdensprache")))
    return links


footer_links.register(FooterLinks(_footer_links, order=10))

personal_data.register(
    PersonalData(
        models=("accessibility.AccessibilityFeedback",),
        reason="Barriere-Meldungen hängen an keinem Konto: Name und E-Mail-Adresse sind freiwillig und nur für die "
        "Antwort da; erledigte Meldungen werden nach einem Jahr gelöscht (home.accessibility.services.feedback_purge).",
    )
)
# The German pages before the translations step builds each locale's tree; the Leichte Sprache text after it,
# when the Leichte Sprache tree exists.
demo_steps.register(DemoStep("accessibility", demo.seed, order=75))
demo_steps.register(DemoStep("accessibility_easy_language", demo.seed_easy_language, order=900))
