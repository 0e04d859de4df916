"""Editors write Markdown; the public gets HTML from an allow-list (nh3), so no script can run."""

import re

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "abbr",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "id"}, "abbr": {"title"}, "th": {"scope"}, "sup": {"class"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
CITATION = re.compile(r"\[\^(\d{1,3})\]")
# `[text](page:42)`: a link to a page by its number, so it follows the page when it moves. It is
# written as the stable address /_page/42/ (content.links), which the page view swaps for the
# page's address of the moment, and which itself redirects there.
PAGE_TARGET = re.compile(r"\]\(\s*<?page:(\d{1,10})/?>?\s*\)")


def render(text, *, source_count=None):
    """Markdown to safe HTML; `[^2]` becomes a link to source 2 when the page has one."""

    def cite(match):
        number = int(match.group(1))
        if number < 1 or (source_count is not None and number > source_count):
            return ""
        return f'<sup class="cite"><a href="#source-{number}">[{number}]</a></sup>'

    text = PAGE_TARGET.sub(lambda m: f"](/_page/{m.group(1)}/)", text or "")
    html = md.markdown(CITATION.sub(cite, text), extensions=["tables", "sane_lists"])
    return sanitise(html)


def citations(text):
    """The source numbers `text` cites, in order."""
    return [int(number) for number in CITATION.findall(text or "")]


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
