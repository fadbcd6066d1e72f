import io

import pytest
from django.core.management import CommandError, call_command

from community.accounts.models import User
from home.models import District

pytestmark = pytest.mark.django_db


def test_refuses_demo_accounts_where_they_are_not_allowed(db, settings):
    settings.PORTAL_ALLOW_DEMO_ACCOUNTS = False
    with pytest.raises(CommandError, match="Demo-Konten"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="admin").exists()
    assert not District.objects.exists()  # all or nothing
