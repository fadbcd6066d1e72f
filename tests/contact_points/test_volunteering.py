"""Elternmitarbeit: sign-up rules and limits, withdrawing, reminders once, and the team's scoped admin."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone

from community.accounts.roles import FAMILIENPUNKT_TEAM, REDAKTION
from home.contact_points import services
from home.contact_points.models import ContactPointStaff, VolunteerSignup
from home.contact_points.services import MAX_OPEN_SIGNUPS, volunteer_cancel, volunteer_reminders_send
from tests.factories import (
    PASSWORD,
    ParentFactory,
    UserFactory,
    contact_point_index,
    district,
    make_contact_point,
    make_shift,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_up(django_capture_on_commit_callbacks):
    """The service, with the mails it queues after commit actually sent."""

    def sign_up(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.volunteer_signup(**kwargs)

    return sign_up


@pytest.fixture
def point(home_page):
    return make_contact_point(contact_point_index(home_page), district=district("styrum"))


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_sign_up_confirms_by_mail(point, sign_up):
    parent = ParentFactory()
    signup = sign_up(user=parent, shift=make_shift(point, date=in_days(5)), comment="Ich backe Kuchen.")
    assert signup.is_active and signup.comment == "Ich backe Kuchen."
    [message] = mail.outbox
    assert message.to == [parent.email] and "Elterncafé-Schicht" in message.subject
    assert "Moritzstraße 12" in message.body


def test_full_shift_refuses_and_a_withdrawal_frees_the_place(point, sign_up):
    shift = make_shift(point, date=in_days(5), capacity=1)
    first, second = ParentFactory(), ParentFactory()
    signup = sign_up(user=first, shift=shift)
    with pytest.raises(ValidationError, match="voll besetzt"):
        sign_up(user=second, shift=shift)
    volunteer_cancel(signup=signup, by=first)
    assert sign_up(user=second, shift=shift).is_active
    assert VolunteerSignup.objects.count() == 2  # the withdrawn sign-up stays on record


def test_no_double_overlapping_past_or_too_many_sign_ups(point, sign_up):
    parent = ParentFactory()
    shift = make_shift(point, date=in_days(3), starts="09:00", ends="12:00")
    sign_up(user=parent, shift=shift)
    with pytest.raises(ValidationError, match="schon angemeldet"):
        sign_up(user=parent, shift=shift)
    overlapping = make_shift(point, date=in_days(3), starts="11:00", ends="13:00", role_title="Vorlesen")
    with pytest.raises(ValidationError, match="selben Zeit"):
        sign_up(user=parent, shift=overlapping)
    past = make_shift(point, date=in_days(-1))
    with pytest.raises(ValidationError, match="vorbei"):
        sign_up(user=parent, shift=past)
    for number in range(1, MAX_OPEN_SIGNUPS):
        sign_up(user=parent, shift=make_shift(point, date=in_days(10 + number)))
    with pytest.raises(ValidationError, match="schon 4 Schichten"):
        sign_up(user=parent, shift=make_shift(point, date=in_days(30)))


def test_unconfirmed_account_cannot_sign_up(point, sign_up):
    with pytest.raises(PermissionDenied):
        sign_up(user=UserFactory(verified=False), shift=make_shift(point, date=in_days(5)))


def test_reminder_is_sent_once_the_day_before(point, sign_up):
    now = timezone.now()
    tomorrow = timezone.localtime(now + datetime.timedelta(days=1))
    soon = make_shift(
        point, date=tomorrow.date(), starts=tomorrow.time().replace(second=0, microsecond=0), ends=datetime.time(23, 59)
    )
    later = make_shift(point, date=in_days(6), role_title="Vorlesen")
    parent = ParentFactory()
    sign_up(user=parent, shift=soon)
    sign_up(user=ParentFactory(), shift=later)
    mail.outbox.clear()
    assert volunteer_reminders_send(now=now) == 1
    assert volunteer_reminders_send(now=now) == 0
    [message] = mail.outbox
    assert message.to == [parent.email] and message.subject.startswith("Erinnerung")


def test_parent_signs_up_and_withdraws_on_the_site(client, point, django_capture_on_commit_callbacks):
    shift = make_shift(point, date=in_days(4))
    url = point.url + f"helfen/{shift.pk}/anmelden/"
    assert client.post(url)["Location"].startswith(reverse("account_login"))
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    page = client.get(point.url).content.decode()
    assert "noch 2 Plätze frei" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "Gern!"}, follow=True)
    assert "Sie sind angemeldet" in response.content.decode()
    assert "Sie sind eingetragen" in client.get(point.url).content.decode()
    signup = VolunteerSignup.objects.get(user=parent)
    profile = client.get(reverse("profile")).content.decode()
    assert "Elterncafé-Schicht" in profile
    client.post(reverse("volunteer-withdraw", args=[signup.pk]))
    signup.refresh_from_db()
    assert signup.cancelled_at is not None and signup.cancelled_by == parent
    other = VolunteerSignup.objects.create(
        shift=make_shift(point, date=in_days(8), role_title="Vorlesen"), user=ParentFactory()
    )
    assert client.post(reverse("volunteer-withdraw", args=[other.pk]), follow=True).status_code == 404
    other.refresh_from_db()
    assert other.cancelled_at is None


def test_team_sees_and_manages_only_its_own_contact_point(
    client, home_page, point, sign_up, django_capture_on_commit_callbacks
):
    team = UserFactory(roles=[FAMILIENPUNKT_TEAM])
    ContactPointStaff.objects.create(page=point, user=team)
    saarn = make_contact_point(contact_point_index(home_page), title="Familienpunkt Saarn", district=district("saarn"))
    mine = sign_up(user=ParentFactory(username="anna"), shift=make_shift(point, date=in_days(5)))
    theirs = sign_up(user=ParentFactory(username="berta"), shift=make_shift(saarn, date=in_days(5)))
    mail.outbox.clear()
    client.login(username=team.username, password=PASSWORD)
    listing = client.get(reverse("volunteersignup:index")).content.decode()
    assert "Anna" in listing and "Berta" not in listing
    assert client.get(reverse("volunteersignup:edit", args=[theirs.pk])).status_code in (403, 302)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteersignup:edit", args=[mine.pk]), {"cancel": "on"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.cancelled_by == team
    [message] = mail.outbox
    assert message.to == ["anna@example.org"] and message.subject.startswith("Abgesagt")
    shifts = client.get(reverse("volunteershift:index")).content.decode()
    assert "Familienpunkt Saarn" not in shifts and "Familienpunkt Styrum" in shifts


def test_redaktion_sees_all_sign_ups(client, home_page, point, sign_up):
    editor = UserFactory(roles=[REDAKTION])
    sign_up(user=ParentFactory(username="anna"), shift=make_shift(point, date=in_days(5)))
    client.login(username=editor.username, password=PASSWORD)
    assert "Anna" in client.get(reverse("volunteersignup:index")).content.decode()


def test_reminder_command_and_beat_schedule(point, sign_up, settings):
    from io import StringIO

    from django.core.management import call_command

    from portal.celery_app import app

    start = timezone.localtime() + datetime.timedelta(hours=20)
    sign_up(
        user=ParentFactory(),
        shift=make_shift(
            point, date=start.date(), starts=start.time().replace(microsecond=0), ends=datetime.time(23, 59, 59)
        ),
    )
    out = StringIO()
    call_command("send_volunteer_reminders", stdout=out)
    assert "Erinnerungen verschickt: 1" in out.getvalue()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "home.contact_points.tasks.send_volunteer_reminders" in scheduled
    app.loader.import_default_modules()
    assert "home.contact_points.tasks.send_volunteer_reminders" in app.tasks


def test_each_sign_up_button_names_its_shift(client, point):
    """On a phone the buttons stand apart from their shift's line: each says which shift it signs up for."""
    saturday = in_days((5 - timezone.localdate().weekday()) % 7 + 7)
    make_shift(point, date=saturday, starts="10:00", ends="12:00")
    make_shift(point, date=saturday + datetime.timedelta(days=1), starts="14:30", ends="16:00")
    client.force_login(ParentFactory())

    html = client.get(point.url).content.decode()

    day = date_filter(saturday, "j. N")  # "12. Dez."
    assert day.startswith(f"{saturday.day}. ")
    label = f"Für Samstag, {day}, 10:00–12:00 Uhr eintragen"
    assert f'aria-label="{label}: Elterncafé-Schicht">{label}</button>' in html
    assert "Für Sonntag," in html and "14:30–16:00 Uhr eintragen" in html
    assert ">Eintragen</button>" not in html
