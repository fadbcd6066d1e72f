"""What content translation contributes: the Redaktion may translate, and the demo city in six languages."""

from community.accounts.roles import REDAKTION
from core.registry import DemoStep, RoleGrants, demo_steps, role_grants
from home.translations import demo

# Translating is editing: the Redaktion starts translations and edits them; publishing goes through its review.
role_grants.register(RoleGrants(REDAKTION, model_permissions={"wagtail_localize.translation": ("submit_translation",)}))
# After every feature's demo content: the language trees mirror the whole German site.
demo_steps.register(DemoStep("translations", demo.seed, order=90))
