"""Editors' Markdown becomes allow-listed HTML: nothing they type can run script on the public site."""

import pytest

from content import markdown, services
from tests.content.factories import PageFactory, SectionFactory

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<p onclick="alert(1)">hi</p>',
    "<iframe src=https://evil.example></iframe>",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_script_and_event_handlers_are_removed(attack):
    html = markdown.render(attack).lower()
    for forbidden in ["<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<style", "<svg"]:
        assert forbidden not in html


def test_ordinary_markdown_survives():
    html = markdown.render("**Bold**, *italic* and [NIDA](https://nida.nih.gov/).\n\n- one\n- two")
    assert "<strong>Bold</strong>" in html and "<em>italic</em>" in html
    assert 'href="https://nida.nih.gov/"' in html and "<li>one</li>" in html


def test_citations_link_to_existing_sources_only():
    html = markdown.render("Fact.[^1] Missing.[^9]", source_count=2)
    assert '<a href="#source-1"' in html and "[9]" not in html


@pytest.mark.django_db
def test_published_page_never_carries_editor_script(client):
    page = PageFactory(slug="xss")
    SectionFactory(page=page, body='<script>alert("x")</script><img src=x onerror=alert(1)>')
    SectionFactory(page=page, kind="cta", cta_label="Go", cta_url="javascript:alert(1)", body="")
    services.publish(page=page, user=None)
    html = client.get("/xss/").content.decode().lower()
    assert "alert(" not in html.split("</main>")[0].split("<main")[1]
    assert 'href="#"' in html
