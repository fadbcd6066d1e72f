"""Image uploads: every way in strips location and camera data (orientation applied to the pixels), and refuses
pictures over the pixel or size limit with a German message. One row per upload path and per kind of picture."""

from __future__ import annotations

import json
import os
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_multi_form
from wagtail.models import Collection

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()
LATITUDE = (51.0, 25.0, 30.0)  # Mülheim an der Ruhr


def photo(image_format: str = "JPEG", size: tuple[int, int] = (60, 40), *, orientation: int = 6) -> bytes:
    """A phone photo: GPS position, camera make, an orientation tag (6 = turn 90° clockwise) and, for JPEG, XMP."""
    picture = PILImage.new("RGB", size, (200, 30, 30))
    picture.paste((0, 0, 255), (0, 0, 10, 10))
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "KameraHersteller"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (6.0, 52.0, 10.0)
    extra = {"xmp": b"<x:xmpmeta>GEHEIMER-ORT</x:xmpmeta>"} if image_format == "JPEG" else {}
    buffer = BytesIO()
    picture.save(buffer, image_format, exif=exif, **extra)
    return buffer.getvalue()


def assert_no_metadata(data: bytes) -> PILImage.Image:
    picture = PILImage.open(BytesIO(data))
    assert dict(picture.getexif()) == {}
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(picture.info)
    assert b"KameraHersteller" not in data
    assert b"GEHEIMER-ORT" not in data
    return picture


@pytest.fixture
def editor_account(db):
    return UserFactory(username="bildredaktion", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(client, editor_account):
    client.force_login(editor_account)
    return client


def upload_via_image_library(client, name, data):
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile(name, data)},
    )
    errors = response.context["form"].errors.get("file", []) if response.status_code == 200 else []
    return response.status_code == 302, errors


def upload_via_multiple_uploader(client, name, data):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile(name, data)},
    )
    answer = json.loads(response.content)
    return answer["success"], [answer["error_message"]] if not answer["success"] else []


def upload_via_chooser(client, name, data):
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Foto",
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
            "image-chooser-upload-file": SimpleUploadedFile(name, data),
        },
    )
    answer = json.loads(response.content)
    if answer["step"] == "reshow_creation_form":
        return False, [answer["htmlFragment"]]
    return True, []


UPLOAD_PATHS = {
    "image-library": upload_via_image_library,
    "multiple-uploader": upload_via_multiple_uploader,
    "chooser": upload_via_chooser,
}


@pytest.mark.parametrize("path", UPLOAD_PATHS)
@pytest.mark.parametrize(("image_format", "name"), [("JPEG", "urlaub.jpg"), ("PNG", "urlaub.png"), ("WEBP", "u.webp")])
def test_upload_strips_location_and_camera_data_and_applies_the_orientation(editor, path, image_format, name):
    original = photo(image_format)
    assert PILImage.open(BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)[2] == LATITUDE  # really there

    accepted, errors = UPLOAD_PATHS[path](editor, name, original)

    assert accepted, errors
    image = Image.objects.get()
    with image.file.open("rb") as stored:
        data = stored.read()
    stored_picture = assert_no_metadata(data)
    # Turned upright: the 60×40 sensor image tagged "rotate 90°" is stored as 40×60 pixels, blue corner top right.
    assert stored_picture.size == (40, 60)
    assert (image.width, image.height) == (40, 60)
    assert stored_picture.convert("RGB").getpixel((35, 4))[2] > 200
    assert image.file_size == len(data)
    for spec in ["original", "fill-20x20", "width-30|format-webp", "max-40x40|format-jpeg"]:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as rendered:
            assert_no_metadata(rendered.read())


def test_a_picture_without_metadata_is_stored_unchanged(editor):
    buffer = BytesIO()
    PILImage.new("RGB", (30, 20), (10, 120, 10)).save(buffer, "JPEG", quality=85)
    accepted, errors = upload_via_image_library(editor, "wiese.jpg", buffer.getvalue())
    assert accepted, errors
    with Image.objects.get().file.open("rb") as stored:
        assert stored.read() == buffer.getvalue()  # no second compression when there is nothing to strip


def test_an_image_created_from_a_parked_upload_is_stripped_too(editor_account):
    # The multiple uploader's second step (custom fields failed on upload): the file is already stored.
    image = Image(title="Geparkt", collection=Collection.get_first_root_node())
    image.file.save("geparkt.jpg", ContentFile(photo("JPEG")), save=False)
    form_class = get_image_multi_form(Image)
    form = form_class(
        {"title": "Geparkt", "collection": Collection.get_first_root_node().pk},
        instance=image,
        user=editor_account,
    )
    assert form.is_valid(), form.errors
    saved = form.save()
    with saved.file.open("rb") as stored:
        data = stored.read()
    assert assert_no_metadata(data).size == (40, 60)
    assert (saved.width, saved.height, saved.file_size) == (40, 60, len(data))


def fifty_megapixels() -> bytes:
    buffer = BytesIO()
    PILImage.new("L", (10_000, 5_000), 128).save(buffer, "JPEG", quality=50)
    return buffer.getvalue()


def sixteen_megabytes() -> bytes:
    # Noise does not compress: 2400 × 2400 RGB pixels make a PNG of about 17 MB, only 5.8 megapixels.
    buffer = BytesIO()
    PILImage.frombytes("RGB", (2400, 2400), os.urandom(2400 * 2400 * 3)).save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


@pytest.mark.parametrize("path", UPLOAD_PATHS)
@pytest.mark.parametrize(
    ("make", "name", "german"),
    [
        pytest.param(
            fifty_megapixels,
            "riesig.jpg",
            "Dieses Bild hat zu viele Bildpunkte (50 Megapixel). Erlaubt sind höchstens 40 Megapixel.",
            id="50-megapixels",
        ),
        pytest.param(
            sixteen_megabytes,
            "schwer.png",
            "Diese Datei ist zu groß (16,5 MB). Erlaubt sind höchstens 15 MB.",
            id="16MB",
        ),
    ],
)
def test_upload_over_the_limits_is_refused_in_german(editor, path, make, name, german):
    accepted, errors = UPLOAD_PATHS[path](editor, name, make())
    assert not accepted
    assert any(german in error for error in errors), errors
    assert not Image.objects.exists()


def test_the_limits_are_the_configured_ones(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 15 * 1024 * 1024
    assert settings.WAGTAILIMAGES_IMAGE_FORM_BASE == "home.uploads.PortalImageForm"
