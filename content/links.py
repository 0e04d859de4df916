"""Links between pages, written `[text](page:42)`: they name the page, not its address, so they
follow it when it moves."""

import re

from django.utils.html import escape

PAGE_LINK = re.compile(r"^page:(\d{1,10})/?$")


def page_id(target):
    match = PAGE_LINK.match((target or "").strip())
    return int(match.group(1)) if match else None


def linked_ids(data):
    from content.checks import link_texts

    ids = set()
    for section in data.get("sections", []):
        for _text, target in link_texts(section.get("body") or ""):
            if (found := page_id(target)) is not None:
                ids.add(found)
    return ids


def targets(data):
    """{page id: is it live} for every page `data` links to (deleted pages are missing)."""
    from content.models import Page

    ids = linked_ids(data)
    if not ids:
        return {}
    live = set(Page.objects.live().filter(pk__in=ids).values_list("pk", flat=True))
    return {pk: pk in live for pk in Page.objects.filter(pk__in=ids).values_list("pk", flat=True)}


STABLE_LINK = re.compile(r'<a href="/_page/(\d{1,10})/"([^>]*)>(.*?)</a>', re.DOTALL)


def stable_path(page_id):
    return f"/_page/{page_id}/"


def resolve(html):
    """Each link to a page by number (`/_page/42/`, from `[text](page:42)`) pointed at the page's
    address now; a link to a page that is not live becomes its plain text. One query, and none for
    a body without such links."""
    from content.models import Page

    ids = {int(found[0]) for found in STABLE_LINK.findall(html)}
    if not ids:
        return html
    paths = dict(Page.objects.live().filter(pk__in=ids).values_list("pk", "url_path"))

    def swap(match):
        path = paths.get(int(match.group(1)))
        if path is None:
            return match.group(3)
        return f'<a href="{escape(path)}"{match.group(2)}>{match.group(3)}</a>'

    return STABLE_LINK.sub(swap, html)
