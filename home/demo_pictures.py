"""Pictures for the demo city, drawn here with Pillow (no photo library, no download, no licence to clear).

Each picture is a flat illustration (sky, ground, a motif) in one of a few palettes, saved once as a Wagtail
image in the collection "Demo-Bilder" with a German description, which is its alternative text. Drawing is
deterministic, so seeding twice finds the image it made before by its title."""

from __future__ import annotations

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

WIDTH, HEIGHT = 1200, 800
COLLECTION = "Demo-Bilder"

PALETTES = {
    "teal": ("#d8efec", "#9fd3b5", "#0b5e63", "#f6c85f"),
    "sun": ("#fdf1dc", "#f2d4a4", "#b3400b", "#e86a5c"),
    "sky": ("#e6eef8", "#b9c8d8", "#2f6f9f", "#f6c85f"),
    "violet": ("#f4ecf7", "#d9c6e6", "#7b5ea7", "#f28f6b"),
    "green": ("#eef5e9", "#9fd3b5", "#4a8a66", "#f6c85f"),
}


def _landscape(draw: ImageDraw.ImageDraw, palette, rng: random.Random) -> None:
    sky, ground, _main, sun = palette
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=sky)
    draw.ellipse([WIDTH - 260, 70, WIDTH - 110, 220], fill=sun)
    hill = [(0, HEIGHT * 0.72)]
    for x in range(0, WIDTH + 100, 100):
        hill.append((x, HEIGHT * 0.68 + rng.randint(-25, 25)))
    hill += [(WIDTH, HEIGHT), (0, HEIGHT)]
    draw.polygon(hill, fill=ground)


def _house(draw, palette, x: int, y: int, scale: float = 1.0) -> None:
    _sky, _ground, main, accent = palette
    w, h = int(360 * scale), int(240 * scale)
    draw.polygon([(x - 30 * scale, y), (x + w / 2, y - 150 * scale), (x + w + 30 * scale, y)], fill=accent)
    draw.rectangle([x, y, x + w, y + h], fill="#fff7ea")
    draw.rectangle([x + w / 2 - 35 * scale, y + h - 120 * scale, x + w / 2 + 35 * scale, y + h], fill=main)
    for wx in (x + 40 * scale, x + w - 110 * scale):
        draw.rectangle([wx, y + 50 * scale, wx + 70 * scale, y + 110 * scale], fill="#bfe3d0")
    # the heart sign of a Familienpunkt
    cx, cy, r = x + w / 2, y - 60 * scale, 18 * scale
    draw.ellipse([cx - 2 * r, cy - r, cx, cy + r], fill="#ffffff")
    draw.ellipse([cx, cy - r, cx + 2 * r, cy + r], fill="#ffffff")
    draw.polygon([(cx - 2 * r, cy + 2), (cx + 2 * r, cy + 2), (cx, cy + 2.6 * r)], fill="#ffffff")


def _person(draw, x: int, y: int, *, size: float, skin: str, shirt: str) -> None:
    head = 26 * size
    draw.ellipse([x - head, y - head, x + head, y + head], fill=skin)
    draw.rounded_rectangle(
        [x - 34 * size, y + head + 6, x + 34 * size, y + head + 120 * size], radius=int(26 * size), fill=shirt
    )


def _family(draw, palette, rng: random.Random, x: int, y: int) -> None:
    skins = ["#c98b63", "#8d5a3b", "#e0a87c", "#f1c9a5", "#5b3a29"]
    shirts = [palette[2], palette[3], "#e86a5c", "#2f6f9f", "#7b5ea7"]
    _person(draw, x, y, size=1.2, skin=rng.choice(skins), shirt=rng.choice(shirts))
    _person(draw, x + 110, y + 60, size=0.8, skin=rng.choice(skins), shirt=rng.choice(shirts))
    _person(draw, x + 200, y + 10, size=1.1, skin=rng.choice(skins), shirt=rng.choice(shirts))


def _blocks(draw, palette, x: int, y: int) -> None:
    colours = ["#e86a5c", palette[2], "#f6c85f", "#6bb38a", "#7b5ea7", "#2f6f9f"]
    size = 90
    for row, count in enumerate((4, 3, 2, 1)):
        for col in range(count):
            left = x + col * size + row * size / 2
            top = y - row * size
            draw.rounded_rectangle(
                [left, top, left + size - 6, top + size - 6], radius=10, fill=colours[(row + col) % 6]
            )


def _trees(draw, palette, rng: random.Random) -> None:
    for _ in range(5):
        x = rng.randint(60, WIDTH - 60)
        y = int(HEIGHT * 0.66) + rng.randint(-10, 30)
        draw.rectangle([x - 10, y - 20, x + 10, y + 60], fill="#6d4c3d")
        draw.ellipse([x - 70, y - 150, x + 70, y - 10], fill=palette[2])


def _ball_and_waves(draw, palette, x: int, y: int) -> None:
    for i in range(4):
        top = y + i * 38
        draw.arc([x - 300, top, x, top + 60], 200, 340, fill=palette[2], width=14)
        draw.arc([x, top, x + 300, top + 60], 200, 340, fill=palette[2], width=14)
    draw.ellipse([x + 320, y - 160, x + 480, y], fill="#ffffff")
    draw.pieslice([x + 320, y - 160, x + 480, y], 0, 90, fill="#e86a5c")
    draw.pieslice([x + 320, y - 160, x + 480, y], 180, 270, fill="#2f6f9f")


def _notes(draw, palette, x: int, y: int) -> None:
    for i, (dx, dy) in enumerate(((0, 0), (150, -60), (300, 20))):
        colour = (palette[2], palette[3], "#e86a5c")[i]
        draw.ellipse([x + dx, y + dy, x + dx + 80, y + dy + 60], fill=colour)
        draw.rectangle([x + dx + 66, y + dy - 170, x + dx + 80, y + dy + 30], fill=colour)
        draw.polygon(
            [(x + dx + 80, y + dy - 170), (x + dx + 140, y + dy - 130), (x + dx + 80, y + dy - 120)], fill=colour
        )


def _book(draw, palette, x: int, y: int) -> None:
    main = palette[2]
    draw.polygon([(x, y), (x + 260, y - 40), (x + 260, y + 260), (x, y + 300)], fill="#ffffff", outline=main)
    draw.polygon(
        [(x + 520, y), (x + 260, y - 40), (x + 260, y + 260), (x + 520, y + 300)], fill="#ffffff", outline=main
    )
    for i in range(5):
        draw.line([(x + 40, y + 40 + i * 45), (x + 220, y + 14 + i * 45)], fill="#9fb4c8", width=10)
        draw.line([(x + 300, y + 14 + i * 45), (x + 480, y + 40 + i * 45)], fill="#9fb4c8", width=10)


def _pram(draw, palette, x: int, y: int) -> None:
    draw.pieslice([x, y - 160, x + 300, y + 140], 0, 180, fill=palette[3])
    draw.pieslice([x, y - 160, x + 300, y + 140], 270, 360, fill=palette[2])
    draw.line([(x + 300, y - 10), (x + 380, y - 120)], fill="#37474f", width=14)
    for wx in (x + 50, x + 220):
        draw.ellipse([wx, y + 140, wx + 70, y + 210], fill="#37474f")


def _palette_strokes(draw, palette, rng: random.Random, x: int, y: int) -> None:
    draw.ellipse([x, y - 180, x + 420, y + 120], fill="#f3e2c7")
    for i, colour in enumerate(("#e86a5c", palette[2], "#f6c85f", "#2f6f9f", "#6bb38a")):
        cx, cy = x + 80 + i * 64, y - 90 + (i % 2) * 50
        draw.ellipse([cx - 28, cy - 28, cx + 28, cy + 28], fill=colour)
    draw.line([(x + 420, y - 240), (x + 280, y + 40)], fill="#6d4c3d", width=18)


MOTIFS = {
    "haus": lambda d, p, r: (_house(d, p, 420, 330), _family(d, p, r, 170, 470)),
    "kita": lambda d, p, r: (_blocks(d, p, 600, 560), _family(d, p, r, 170, 470)),
    "familie": lambda d, p, r: (_trees(d, p, r), _family(d, p, r, 470, 430)),
    "natur": lambda d, p, r: _trees(d, p, r),
    "sport": lambda d, p, r: _ball_and_waves(d, p, 460, 560),
    "musik": lambda d, p, r: _notes(d, p, 420, 420),
    "wissen": lambda d, p, r: _book(d, p, 340, 330),
    "baby": lambda d, p, r: (_pram(d, p, 460, 420), _person(d, 330, 380, size=1.3, skin="#c98b63", shirt=p[2])),
    "kunst": lambda d, p, r: _palette_strokes(d, p, r, 380, 520),
    "stadt": lambda d, p, r: (_house(d, p, 120, 380, 0.8), _house(d, p, 700, 360, 0.9)),
}


def draw_picture(motif: str, palette: str, *, seed: str) -> bytes:
    """A JPEG of WIDTH×HEIGHT pixels: a landscape in `palette` with `motif` in front."""
    rng = random.Random(seed)
    colours = PALETTES[palette]
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(canvas)
    _landscape(draw, colours, rng)
    MOTIFS[motif](draw, colours, rng)
    out = io.BytesIO()
    canvas.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def demo_image(*, title: str, description: str, motif: str, palette: str = "teal"):
    """The demo image called `title`, drawn and saved on first use; `description` is its alternative text."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=COLLECTION).first() or root.add_child(name=COLLECTION)
    data = draw_picture(motif, palette, seed=title)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60]
    image = Image(title=title, description=description, collection=collection)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{slug}.jpg")
    image.save()
    return image
