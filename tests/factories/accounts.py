import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from community.accounts.models import User
from community.accounts.roles import ELTERN

PASSWORD = "geheim-und-lang-123"


class UserFactory(factory.django.DjangoModelFactory):
    """A registered account; by default its e-mail address is confirmed."""

    username = factory.Sequence(lambda n: f"mitglied{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    display_name = factory.LazyAttribute(lambda u: u.username.title())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=extracted is not False)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class ParentFactory(UserFactory):
    """A parent who confirmed the e-mail address and so belongs to Eltern."""

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            self.groups.add(*Group.objects.filter(name__in=extracted or [ELTERN]))
