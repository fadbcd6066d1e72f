"""Upload hygiene for pictures: a size and pixel limit with German messages, and no location or camera data kept.

Every way an image enters the portal through the admin (the image library's upload and replace, the multiple
uploader, the upload inside the image chooser) builds its form from WAGTAILIMAGES_IMAGE_FORM_BASE, which is
`PortalImageForm` below. Forum attachments and avatars are switched off (community/forum/roles.py, settings), so
there is no other upload of pictures.
"""

from __future__ import annotations

import os
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.utils.translation import gettext
from PIL import ExifTags, ImageOps, UnidentifiedImageError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What a picture may keep: how to show it (colour profile, transparency, animation, resolution), nothing about who
# took it where with which camera. EXIF (with GPS), XMP, IPTC, comments and PNG text chunks are all dropped.
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background", "dpi", "gamma", "srgb", "disposal"}
REVEALING_INFO = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "adobe", "mp"}
SAVE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP"}


def megapixels(pixels: int) -> str:
    """50000000 → "50"; 40500000 → "40,5" (German decimal comma)."""
    value = round(pixels / 1_000_000, 1)
    return (f"{value:.0f}" if value == int(value) else f"{value:.1f}").replace(".", ",")


def megabytes(size: int) -> str:
    value = round(size / (1024 * 1024), 1)
    return (f"{value:.0f}" if value == int(value) else f"{value:.1f}").replace(".", ",")


def carries_metadata(image: PILImage.Image) -> bool:
    """True when the picture has anything to strip: EXIF (incl. GPS and orientation), XMP, comments, text chunks."""
    if len(image.getexif()):
        return True
    if REVEALING_INFO & set(image.info):
        return True
    # PNG text chunks (tEXt, zTXt, iTXt) appear in info under their own keywords.
    return any(key not in KEPT_INFO and isinstance(value, str) for key, value in image.info.items())


def stripped(data: bytes) -> tuple[bytes, int, int] | None:
    """The picture re-saved without metadata, its EXIF orientation applied to the pixels; with its new width and
    height. None when there is nothing to strip (the file stays as uploaded, no second JPEG compression) or the
    format is not one Pillow writes (then Wagtail's own checks already decided whether it is acceptable)."""
    with PILImage.open(BytesIO(data)) as image:
        image_format = image.format
        if image_format not in SAVE_FORMATS or not carries_metadata(image):
            return None
        frames = getattr(image, "n_frames", 1)
        options: dict = {"format": image_format}
        if frames > 1:
            # Animations keep their frames; camera orientation does not occur in them.
            result = image
            options["save_all"] = True
        else:
            orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
            result = ImageOps.exif_transpose(image)
            if image_format == "JPEG":
                # Untouched pixels keep the original's quantisation (almost no loss); turned ones need new tables.
                options.update(
                    {"quality": "keep", "subsampling": "keep"} if orientation in (None, 1) else {"quality": 90}
                )
        if image_format == "WEBP":
            options.update({"lossless": False, "quality": 90})
        result.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
        if "icc_profile" in result.info:
            options["icc_profile"] = result.info["icc_profile"]
        options["exif"] = b""
        if image_format == "GIF":
            options.pop("exif")
        buffer = BytesIO()
        result.save(buffer, **options)
        return buffer.getvalue(), result.width, result.height


def strip_upload(upload: UploadedFile) -> UploadedFile:
    """The uploaded file, or a copy of it without metadata under the same name and type."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        result = stripped(data)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ValidationError(
            gettext("Das Bild konnte nicht gelesen werden. Bitte speichern Sie es neu als JPG oder PNG."),
            code="invalid_image",
        ) from error
    if result is None:
        return upload
    content, _width, _height = result
    clean = InMemoryUploadedFile(
        BytesIO(content), "file", upload.name, upload.content_type, len(content), getattr(upload, "charset", None)
    )
    clean.image = getattr(upload, "image", None)  # Wagtail's field annotates the upload with its Willow image
    return clean


class PortalImageField(WagtailImageField):
    """Wagtail's image field with the portal's limits explained in German (formal "Sie")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = {
            "formats": self.supported_formats_text,
            "size": megabytes(self.max_upload_size) if self.max_upload_size else "",
            "pixels": megapixels(self.max_image_pixels) if self.max_image_pixels else "",
        }
        self.help_text = (
            gettext(
                "Erlaubt: %(formats)s, höchstens %(size)s MB und %(pixels)s Megapixel. Ortsangaben und andere "
                "Kameradaten werden beim Hochladen entfernt."
            )
            % limits
        )
        # Used by the multiple uploader's own check in the browser, before anything is sent.
        self.error_messages["file_too_large_unknown_size"] = (
            gettext("Diese Datei ist zu groß. Erlaubt sind höchstens %(size)s MB.") % limits
        )

    def check_image_file_size(self, f):
        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise ValidationError(
                gettext(
                    "Diese Datei ist zu groß (%(file_size)s MB). Erlaubt sind höchstens %(max_size)s MB. Bitte "
                    "verkleinern Sie das Bild und laden Sie es erneut hoch."
                )
                % {"file_size": megabytes(f.size), "max_size": megabytes(self.max_upload_size)},
                code="file_too_large",
            )

    def check_image_pixel_size(self, f):
        try:
            width, height = f.image.get_size()
            frames = f.image.get_frame_count()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            width, height, frames = None, None, 1
        if self.max_image_pixels is None and width is not None:
            return
        if width is None or width * height * frames > self.max_image_pixels:
            raise ValidationError(
                gettext(
                    "Dieses Bild hat zu viele Bildpunkte (%(pixels)s Megapixel). Erlaubt sind höchstens "
                    "%(max_pixels)s Megapixel. Bitte verkleinern Sie das Bild, zum Beispiel auf 6000 × 4000 Pixel, "
                    "und laden Sie es erneut hoch."
                )
                % {
                    "pixels": megapixels(width * height * frames) if width is not None else "?",
                    "max_pixels": megapixels(self.max_image_pixels or PILImage.MAX_IMAGE_PIXELS),
                },
                code="file_too_many_pixels",
            )


class PortalImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: the portal's limits and the metadata stripping for every image upload."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            field = PortalImageField(
                label=wagtail_field.label, required=wagtail_field.required, widget=wagtail_field.widget
            )
            self.fields["file"] = field

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            return strip_upload(upload)
        return upload

    def save(self, commit=True):
        # The multiple uploader parks a file whose other fields failed (e.g. no collection chosen) as Wagtail's
        # UploadedFile and later creates the image from it with a form without the file field: strip it then.
        if "file" not in self.fields and self.instance.pk is None and self.instance.file:
            strip_stored_file(self.instance)
        return super().save(commit=commit)


def strip_stored_file(image) -> None:
    """Replace an image's already stored original by a copy without metadata (and fix size, hash, dimensions)."""
    with image.file.open("rb") as stored:
        data = stored.read()
    try:
        result = stripped(data)
    except (UnidentifiedImageError, OSError, ValueError):
        return  # Wagtail accepted it as an image; Pillow cannot write it (e.g. SVG): nothing of this kind to strip
    if result is None:
        return
    content, width, height = result
    old_name = image.file.name
    image.file.save(os.path.basename(old_name), ContentFile(content), save=False)
    image.file.storage.delete(old_name)
    image.width, image.height = width, height
    image._set_image_file_metadata()
