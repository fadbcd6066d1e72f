"""What accounts contribute themselves: the account in the data download, the demo accounts, role grants."""

from community.accounts import demo, roles, signals  # noqa: F401  (roles registers grants, signals connects)
from community.accounts.services import account_export
from core.registry import DemoStep, PersonalData, demo_steps, personal_data

personal_data.register(PersonalData(
    models=("accounts.User", "account.EmailAddress"), key="konto", export=account_export, order=0,
))
demo_steps.register(DemoStep("accounts", demo.seed, order=20))
