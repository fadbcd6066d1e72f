from .accounts import PASSWORD, ParentFactory, UserFactory
from .pages import ContentPageFactory

__all__ = ["PASSWORD", "ContentPageFactory", "ParentFactory", "UserFactory"]
from .offers import ProviderFactory, day, district, make_offer, offer_index

__all__ += ["ProviderFactory", "day", "district", "make_offer", "offer_index"]
from .kita import kita_index, make_daycare

__all__ += ["kita_index", "make_daycare"]
from .places import (
    changing_place_index,
    contact_point_index,
    district_index,
    make_changing_place,
    make_contact_point,
    make_event,
    make_shift,
)

__all__ += ["changing_place_index", "contact_point_index", "district_index", "make_changing_place", "make_contact_point",
            "make_event", "make_shift"]
from .wiki import make_article, wiki_category, wiki_index

__all__ += ["make_article", "wiki_category", "wiki_index"]
from .forum import (
    establish,
    forum_url,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_create_url,
    topic_url,
)

__all__ += ["establish", "forum_url", "make_forum", "make_reply", "make_topic", "reply_url", "topic_create_url", "topic_url"]
