"""Everything parents type goes through one sanitizer: a list of known XSS payloads must come out harmless."""

from html.parser import HTMLParser

import pytest

from community.wiki.markup import plain_text, render, sanitize

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)">',
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick](javascript&#58;alert(1))",
    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klick](vbscript:msgbox(1))",
    '[klick](https://example.org" onmouseover="alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<input autofocus onfocus="alert(1)">',
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>@import 'javascript:alert(1)';</style>",
    "<<script>script>alert(1)<</script>/script>",
    "![bild](javascript:alert(1))",
    '![bild](x" onerror="alert(1))',
    "[[<script>alert(1)</script>]]",
    "[[Titel|<img src=x onerror=alert(1)>]]",
    "## Überschrift <script>alert(1)</script>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<a href='https://example.org'>x</a><script>document.cookie</script>",
    "[x](//evil.example/%0a<script>)",
]

SAFE_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "h2",
    "h3",
    "h4",
    "hr",
    "del",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "b",
    "i",
}


class ActiveContent(HTMLParser):
    """Collects what a browser would act on: tags outside the allow-list, handlers, script-capable URLs."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "src", "srcdoc", "formaction", "xlink:href"}:
                self.problems.append(f"attribute {name}")
            if name == "href" and not (value or "").startswith(("http://", "https://", "/", "mailto:", "#")):
                self.problems.append(f"href {value}")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.problems


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_renders_harmless(payload):
    # Escaped text such as "&lt;script&gt;" is harmless; a live tag, handler or script URL is not.
    html = render(payload, resolve=lambda title: None, missing_url=lambda title: "/de/wiki/neu/?titel=x").html
    assert active_content(html) == [], html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_sanitizer_alone_removes_active_content(payload):
    # Defence in depth: even HTML that skipped the Markdown step comes out inert.
    assert active_content(sanitize(payload)) == []


def test_the_check_itself_catches_active_content():
    assert active_content('<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>') == [
        "tag img",
        "attribute src",
        "attribute onerror",
        "href javascript:alert(1)",
    ]


def test_external_links_are_marked_user_content_and_internal_ones_are_not():
    html = render("[Stadt](https://www.muelheim-ruhr.de) und [intern](/de/kita/) und [x](//cdn.example/)").html
    assert '<a href="https://www.muelheim-ruhr.de" rel="nofollow ugc noopener">Stadt</a>' in html
    assert '<a href="/de/kita/">intern</a>' in html
    assert '<a href="//cdn.example/" rel="nofollow ugc noopener">x</a>' in html


def test_a_parent_cannot_set_rel_or_class_themselves():
    html = sanitize('<a href="https://example.org" rel="follow" class="button">x</a>')
    assert 'rel="follow"' not in html and 'class="button"' not in html


def test_headings_get_anchors_and_make_the_table_of_contents():
    rendered = render("## Wann beantragen?\nText\n\n### Fristen & Ausnahmen\nMehr\n\n## Wo?\nHier")
    assert [(h.level, h.anchor, h.text) for h in rendered.toc] == [
        (2, "wann-beantragen", "Wann beantragen?"),
        (3, "fristen-ausnahmen", "Fristen & Ausnahmen"),
        (2, "wo", "Wo?"),
    ]
    assert '<h2 id="wann-beantragen">' in rendered.html


def test_wiki_links_point_to_articles_or_to_the_proposal_form():
    rendered = render(
        "Siehe [[Elterngeld beantragen]] und [[Fehlt noch|diesen Artikel]].",
        resolve=lambda title: "/de/wiki/elterngeld/" if title == "Elterngeld beantragen" else None,
        missing_url=lambda title: f"/de/wiki/neu/?titel={title.replace(' ', '%20')}",
    )
    assert '<a class="wiki-link" href="/de/wiki/elterngeld/">Elterngeld beantragen</a>' in rendered.html
    assert (
        '<a class="wiki-link wiki-link--missing" href="/de/wiki/neu/?titel=Fehlt%20noch">diesen Artikel</a>'
        in rendered.html
    )


def test_plain_text_drops_markup():
    assert plain_text("## Titel\n**fett** und [[Link|Text]] <b>x</b>") == "Titel fett und Text &lt;b&gt;x&lt;/b&gt;"
