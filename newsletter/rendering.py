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


# Email clients drop <style> (Gmail keeps little, Outlook less): each tag of a body carries its own.
EMAIL_STYLES = {
    "h2": "margin:32px 0 8px;font-size:22px;line-height:1.3;font-weight:bold;color:#0b3b44;",
    "h3": "margin:24px 0 8px;font-size:19px;line-height:1.3;font-weight:bold;color:#0b3b44;",
    "h4": "margin:20px 0 8px;font-size:17px;line-height:1.3;font-weight:bold;color:#1b1f23;",
    "p": "margin:0 0 16px;",
    "ul": "margin:0 0 16px;padding-left:24px;",
    "ol": "margin:0 0 16px;padding-left:24px;",
    "li": "margin:0 0 4px;",
    "blockquote": "margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #b9c4cc;",
    "hr": "border:0;border-top:1px solid #d0d7de;margin:24px 0;",
}
EMAIL_LINK_STYLE = "color:#0b5563;text-decoration:underline;"
# A link alone on its line is a target of its own: 24 px tall at least (WCAG 2.5.8).
EMAIL_LONE_LINK_STYLE = EMAIL_LINK_STYLE + "display:inline-block;padding:4px 0;"
_OPENING = re.compile(r"<(h2|h3|h4|p|ul|ol|li|blockquote|hr|a)(\s[^>]*)?>")
_LONE_LINK = re.compile(r"<p>(\s*)<a(\s[^>]*)>([^<]*)</a>(\s*)</p>")


def email_html(body):
    """Sanitised body HTML (to_html) with an inline style on each tag, for email clients."""

    def style(match):
        tag, attributes = match.group(1), match.group(2) or ""
        if "style=" in attributes:
            return match.group(0)
        css = EMAIL_LINK_STYLE if tag == "a" else EMAIL_STYLES[tag]
        return f'<{tag}{attributes} style="{css}">'

    lone = _LONE_LINK.sub(rf'<p>\1<a\2 style="{EMAIL_LONE_LINK_STYLE}">\3</a>\4</p>', body)
    return _OPENING.sub(style, lone)
