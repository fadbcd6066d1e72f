import wagtail_factories

from home.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = "Elterngeld beantragen"
    intro = "So stellen Sie den Antrag."

    class Meta:
        model = ContentPage


def section(home_page, model, **fields):
    """The one published section page of `model` below the home page (e.g. /kita/), created on first use."""
    existing = model.objects.first()
    if existing:
        return existing
    index = model(**fields)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def clock(value):
    """ "09:30" or a time: the opening-hours rows of the factories take both."""
    import datetime

    return datetime.time.fromisoformat(value) if isinstance(value, str) else value
