from urllib.parse import urlsplit

from django.conf import settings


def map_tiles(request) -> dict:
    """The tile server, named to the visitor before they agree to load its tiles."""
    return {
        "map_tiles": {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "host": urlsplit(settings.MAP_TILE_URL.replace("{s}", "a")).hostname or "",
        }
    }


def today(request) -> dict:
    """The local date, for `{% fragment %}` keys of pieces that say "heute", "veraltet" or list from today on."""
    from django.utils import timezone

    return {"today": timezone.localdate()}
