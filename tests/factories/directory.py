import factory

from home.directory.models import Provider


class ProviderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Familienverein {n}")
    slug = factory.Sequence(lambda n: f"familienverein-{n}")
    kind = Provider.Kind.ASSOCIATION
    email = factory.Sequence(lambda n: f"verein{n}@example.org")

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    @factory.post_generation
    def maintainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.maintainers.add(*extracted)
