import wagtail_factories

from home.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = "Elterngeld beantragen"
    intro = "So stellen Sie den Antrag."

    class Meta:
        model = ContentPage
