"""Issue bodies: editor Markdown to sanitised HTML, and a readable plain-text version."""

import html
import re
import textwrap

import markdown
import nh3

ALLOWED_TAGS = {"a", "blockquote", "br", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "strong", "ul"}
# Only links to web pages and mail/phone: no images (no tracking, no third-party content).
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
WIDTH = 78


def wrap(text):
    """Lines of at most 78 characters, broken between words (RFC 5322 asks for 78, allows 998).

    Mail then travels unencoded, plain-text readers get readable lines, and in HTML a line break
    between words is a space (the allow-list has no <pre>, and no attribute but href, which
    holds no spaces, so no break can land where it would change anything)."""
    return "\n".join(
        textwrap.fill(line, width=WIDTH, break_long_words=False, break_on_hyphens=False) if len(line) > WIDTH else line
        for line in text.split("\n")
    )


def to_html(text):
    """Markdown rendered, then cleaned with nh3: scripts, styles, images and raw attributes removed."""
    rendered = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return wrap(
        nh3.clean(
            rendered,
            tags=ALLOWED_TAGS,
            attributes={"a": {"href"}},
            url_schemes=ALLOWED_SCHEMES,
            link_rel="noopener noreferrer",
        )
    )


def to_text(text):
    """The Markdown source is already readable: raw HTML is dropped, links become "text (address)"."""
    plain = html.unescape(nh3.clean(text or "", tags=set()))
    plain = LINK.sub(lambda match: f"{match.group(1)} ({match.group(2)})", plain)
    plain = re.sub(r"^#{1,6}\s*", "", plain, flags=re.MULTILINE)
    return wrap(re.sub(r"\*\*(.+?)\*\*", r"\1", plain).strip())
