"""The self-hosted video block: a <video> with captions and a text version, served by the portal itself (no outside
player, no CDN), and refused for files that are no video or no WebVTT captions."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from home.blocks import VideoBlock
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def document(name: str, content: bytes = b"\x00\x00\x00\x18ftypmp42") -> Document:
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


@pytest.fixture
def video():
    return document("familienportal-dgs.mp4")


@pytest.fixture
def captions():
    return document("familienportal-dgs.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen\n")


def value(**fields) -> dict:
    return {
        "title": "Das Familienportal in Gebärdensprache",
        "video": None,
        "captions": None,
        "poster": None,
        "transcript": RichText("<p>Willkommen im Familienportal. Hier finden Sie Kitas und Angebote.</p>"),
        **fields,
    }


def test_video_renders_with_captions_and_text_version_and_no_outside_address(client, home_page, video, captions):
    page = ContentPageFactory(
        parent=home_page, title="Über uns", slug="ueber-uns", body=[("video", value(video=video, captions=captions))]
    )
    html = client.get(page.url).content.decode()
    figure = html.split('<figure class="video-block">')[1].split("</figure>")[0]
    assert re.search(r'<video controls preload="none"', figure)
    assert f'<source src="{video.file.url}" type="video/mp4">' in figure
    assert re.search(
        rf'<track kind="captions" src="{re.escape(captions.file.url)}" srclang="de" label="Deutsch"', figure
    )
    assert "Das Familienportal in Gebärdensprache" in figure
    assert "Willkommen im Familienportal. Hier finden Sie Kitas und Angebote." in figure
    # Everything comes from the portal: no player, script or file from anywhere else.
    assert not re.findall(r'(?:src|href|poster)="(?:https?:)?//', figure)
    assert "<iframe" not in figure and "<script" not in figure


def test_video_without_captions_still_has_its_text_version(client, home_page, video):
    page = ContentPageFactory(parent=home_page, title="Video", slug="video", body=[("video", value(video=video))])
    html = client.get(page.url).content.decode()
    assert "<video" in html and "<track" not in html
    assert "Textfassung des Videos" in html and "Hier finden Sie Kitas und Angebote." in html


def test_only_mp4_or_webm_videos_and_webvtt_captions_are_accepted(video, captions):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(block.get_prep_value(value(video=document("flyer.pdf"), captions=captions))))
    assert set(error.value.block_errors) == {"video"}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(block.get_prep_value(value(video=video, captions=document("untertitel.txt")))))
    assert set(error.value.block_errors) == {"captions"}
    cleaned = block.clean(block.to_python(block.get_prep_value(value(video=document("film.WEBM"), captions=captions))))
    assert cleaned["video"].title == "film.WEBM"


def test_the_text_version_is_required(video):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(block.get_prep_value(value(video=video, transcript=RichText("")))))
    assert "transcript" in error.value.block_errors
