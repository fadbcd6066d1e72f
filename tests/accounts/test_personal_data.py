"""/konto/daten/ holds every personal record of every app, and deleting the account removes them.

The data download and the deletion are collected from core.registry.personal_data, which each app fills for its own
models. The first test walks every installed model with a link to the account and fails for any that no entry
names, so a new model (or a new third-party app) cannot slip past the download and the deletion unnoticed."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils import timezone
from machina.apps.forum_conversation.models import Post, Topic
from wagtail.models import PageLogEntry

from community.accounts.models import User
from community.accounts.services import account_delete
from community.forum.models import ForumSubscription, PostReport
from community.forum.services import forum_follow, post_report
from community.notifications.models import Notification
from community.wiki import services as wiki_services
from community.wiki.models import WikiAccountStatus, WikiEdit, WikiWatch
from core.registry import personal_data
from home.changing_places.models import ChangingPlacePage, ChangingPlaceReport
from home.changing_places.services import place_report
from home.contact_points.models import ContactPointStaff, VolunteerSignup
from home.contact_points.services import volunteer_signup
from home.kita.models import PlaceReport, StaffAssignment
from home.kita.services import places_report
from tests.factories import (
    ParentFactory,
    ProviderFactory,
    changing_place_index,
    contact_point_index,
    district,
    kita_index,
    make_article,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_forum,
    make_reply,
    make_shift,
    make_topic,
    wiki_index,
)

DELETED_MEMBER = "gelöschtes Mitglied"


def account_links() -> dict[str, list[models.Field]]:
    """Every model with a foreign key, one-to-one or many-to-many field to the account, by label ("app.Model").

    A field counts for the model that declares it: Page.owner is wagtailcore.Page's, not each page type's; a
    many-to-many field counts for the model that declares it, not for its generated through table."""
    user_model = get_user_model()
    links: dict[str, list[models.Field]] = {}
    for model in apps.get_models():
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            if field.is_relation and not field.auto_created and field.related_model is user_model:
                links.setdefault(model._meta.label, []).append(field)
    return links


def covered_models() -> set[str]:
    return {label for entry in personal_data for label in entry.models}


def test_every_model_linked_to_an_account_is_named_by_a_personal_data_entry():
    links = account_links()
    uncovered = sorted(set(links) - covered_models())
    assert not uncovered, (
        "Models linked to the account that no core.registry.personal_data entry names (export them under a key, let "
        "them go with the account, or declare them with a reason):\n"
        + "\n".join(
            f"  {label}: "
            + ", ".join(
                f"{field.name} ({type(field).__name__}, {getattr(field.remote_field.on_delete, '__name__', 'm2m')})"
                for field in links[label]
            )
            for label in uncovered
        )
    )


def test_personal_data_entries_name_installed_models_and_say_what_they_do():
    problems = []
    for entry in personal_data:
        for label in entry.models:
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                problems.append(f"{entry.key or entry.reason[:40]!r}: {label} is no installed model")
        if entry.key is None and not entry.reason:
            problems.append(f"{entry.models}: an entry without key needs a reason")
        if entry.key is not None and entry.export is None:
            problems.append(f"{entry.key}: an entry with a key needs an export")
    keys = [entry.key for entry in personal_data if entry.key is not None]
    assert len(keys) == len(set(keys)), f"keys used twice: {keys}"
    assert not problems, "\n".join(problems)


@pytest.fixture
def member(home_page):
    """A parent with a record in every app, each carrying a text of its own (TEXTS)."""
    member = ParentFactory(username="alles", display_name="Alex mit Allem", email="alex@example.org")
    other = ParentFactory(display_name="Bea aus Broich")

    # Forum: a topic, a reply, a report of someone else's post, a followed forum and a followed topic.
    forum = make_forum("Schlafen und Stillen")
    topic = make_topic(forum, member, "Nachts wach mit Zahnen", "Unser Sohn zahnt und schläft kaum, was hilft euch?")
    make_reply(topic, other, "Ein kühler Beißring hat bei uns geholfen.")
    strangers = make_topic(forum, other, "Schnuller gesucht", "Wo gibt es Kirsch-Sauger günstig?")
    make_reply(strangers, member, "Im Drogeriemarkt an der Schloßstraße.")
    post_report(
        post=Post.objects.filter(topic=strangers).earliest("created"),
        reporter=member,
        reason=PostReport.Reason.WRONG,
        note="Der Preis im Beitrag stimmt seit Mai nicht mehr.",
    )
    forum_follow(user=member, forum=forum, follow=True)
    topic.subscribers.add(member)

    # Wiki: an edit waiting for the Redaktion (with the watch it sets) and the account's wiki status.
    article = make_article(wiki_index(home_page), title="Hebamme finden")
    wiki_services.article_edit(
        user=member,
        article=article,
        body="## Suchen\nFrüh anrufen, die Warteliste im Geburtshaus ist lang.",
        summary="Warteliste ergänzt",
        base_revision_id=article.get_latest_revision().pk,
    )
    WikiAccountStatus.objects.create(
        user=member, status=WikiAccountStatus.Status.TRUSTED, reason="Schreibt sorgfältig seit 2025"
    )

    # Contact points: a volunteer shift with a message to the team, and a place on a contact point's team.
    point = make_contact_point(
        contact_point_index(home_page), title="Familienpunkt Eppinghofen", district=district("styrum"), staff=[member]
    )
    shift = make_shift(point, date=timezone.localdate() + datetime.timedelta(days=7), role_title="Spielecke betreuen")
    volunteer_signup(user=member, shift=shift, comment="Ich bringe Bauklötze aus Holz mit.")

    # Changing places: a suggested place and a report with a comment on another place.
    places = changing_place_index(home_page)
    make_changing_place(places, title="Bücherei Dümpten Wickelraum", district=district("saarn"), suggested_by=member)
    cafe = make_changing_place(places, title="Café am Rathausmarkt", district=district("saarn"))
    place_report(
        user=member,
        place=cafe,
        reason=ChangingPlaceReport.Reason.choices[0][0],
        comment="Der Wickeltisch im Keller ist seit Wochen abgebaut.",
    )

    # Kita: the account leads a Kita and reported free places there.
    daycare = make_daycare(
        kita_index(home_page),
        title="Kita Pusteblume",
        district=district("heissen"),
        lat="51.43600",
        lon="6.92250",
        staff=[member],
    )
    places_report(daycare=daycare, user=member, free_by_group={"u3": 3})

    # Directory: the account maintains an organization's offers.
    ProviderFactory(name="Elternschule Ruhrbogen", maintainers=[member])

    # Notifications.
    Notification.objects.create(
        user=member,
        kind="wiki.published",
        title="Ihre Änderung ist online",
        body="Danke für den Hinweis zur Warteliste.",
    )
    return member


# Distinctive text of each record in `member`, by what it is.
TEXTS = {
    "display name": "Alex mit Allem",
    "e-mail address": "alex@example.org",
    "forum topic": "Unser Sohn zahnt und schläft kaum, was hilft euch?",
    "forum reply": "Im Drogeriemarkt an der Schloßstraße.",
    "forum report note": "Der Preis im Beitrag stimmt seit Mai nicht mehr.",
    "followed forum": "Schlafen und Stillen",
    "followed topic": "Nachts wach mit Zahnen",
    "wiki edit summary": "Warteliste ergänzt",
    "wiki edit text": "die Warteliste im Geburtshaus ist lang.",
    "watched wiki article": "Hebamme finden",
    "wiki account status": "Schreibt sorgfältig seit 2025",
    "contact point team": "Familienpunkt Eppinghofen",
    "volunteer shift": "Spielecke betreuen",
    "volunteer sign-up message": "Ich bringe Bauklötze aus Holz mit.",
    "suggested changing place": "Bücherei Dümpten Wickelraum",
    "changing place report comment": "Der Wickeltisch im Keller ist seit Wochen abgebaut.",
    "Kita led": "Kita Pusteblume",
    "maintained organization": "Elternschule Ruhrbogen",
    "notification": "Danke für den Hinweis zur Warteliste.",
}


def test_data_download_holds_every_record_of_every_app(client, member):
    client.force_login(member)
    response = client.get(reverse("account-data"))
    assert response.status_code == 200
    data = json.loads(response.content)
    dump = json.dumps(data, ensure_ascii=False)
    missing = {what: text for what, text in TEXTS.items() if text not in dump}
    assert not missing, f"Not in the data download: {missing}"
    # And under the keys a member would look for.
    assert data["kita_leitung"]["platzmeldungen"][0]["freie_plaetze"] == 3
    assert [report["text"] for report in data["hinweise_zu_wickelorten"]] == [TEXTS["changing place report comment"]]


def test_deleting_the_account_keeps_forum_posts_unsigned_and_removes_the_rest(member):
    pk = member.pk
    topics = list(Topic.objects.filter(poster=member).values_list("pk", flat=True))
    posts = list(Post.objects.filter(poster=member).values_list("pk", flat=True))
    assert len(topics) == 1 and len(posts) == 2
    logged = list(PageLogEntry.objects.filter(user=member).values_list("pk", flat=True))
    assert logged  # the wiki edit was logged under the account

    account_delete(user=member)

    assert not User.objects.filter(pk=pk).exists()
    # The posts stay in their threads, signed "gelöschtes Mitglied".
    assert Topic.objects.filter(pk__in=topics, poster=None).count() == 1
    assert set(Post.objects.filter(pk__in=posts).values_list("poster", "username")) == {(None, DELETED_MEMBER)}
    # What only concerned the account goes with it.
    for model, lookup in [
        (EmailAddress, "user_id"),
        (Notification, "user_id"),
        (ForumSubscription, "user_id"),
        (WikiWatch, "user_id"),
        (WikiAccountStatus, "user_id"),
        (VolunteerSignup, "user_id"),
        (ContactPointStaff, "user_id"),
        (StaffAssignment, "user_id"),
        (Topic.subscribers.through, "user_id"),
        (apps.get_model("directory", "Provider").maintainers.through, "user_id"),
    ]:
        assert not model.objects.filter(**{lookup: pk}).exists(), model
    # Records others still need stay without the name.
    assert PostReport.objects.get(note=TEXTS["forum report note"]).reporter is None
    assert WikiEdit.objects.get(summary=TEXTS["wiki edit summary"]).author is None
    assert ChangingPlaceReport.objects.get().reported_by is None
    assert ChangingPlacePage.objects.get(title=TEXTS["suggested changing place"]).suggested_by is None
    assert PlaceReport.objects.get().reported_by is None
    # No row anywhere still points at the account, not even where the database keeps no constraint (Wagtail's log
    # entries: DO_NOTHING, so the accounts app's before_delete clears them).
    left = [
        f"{label}.{field.name}"
        for label, fields in account_links().items()
        for field in fields
        if not field.many_to_many and apps.get_model(label)._base_manager.filter(**{field.attname: pk}).exists()
    ]
    assert not left, f"rows still linked to the deleted account: {left}"
    assert PageLogEntry.objects.filter(pk__in=logged, user=None).count() == len(logged)  # the log stays, nameless


def test_staff_find_their_admin_comments_and_settings_in_the_download(client, home_page):
    from wagtail.models import Comment, CommentReply
    from wagtail.users.models import UserProfile

    from tests.factories import PASSWORD, UserFactory

    editor = UserFactory(roles=["Redaktion"])
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    comment = Comment.objects.create(page=home_page, user=editor, text="Bitte das Foto tauschen", contentpath="title")
    CommentReply.objects.create(comment=comment, user=editor, text="Erledigt, danke")
    client.login(username=editor.username, password=PASSWORD)
    data = json.loads(client.get(reverse("account-data")).content)
    assert [entry["text"] for entry in data["kommentare_redaktion"]] == ["Bitte das Foto tauschen", "Erledigt, danke"]
    assert data["einstellungen_redaktion"]["sprache"] == "de"
