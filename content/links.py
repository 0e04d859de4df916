"""Links between pages, written `[text](page:42)`: they name the page, not its address, so they
follow it when it moves."""

import re

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
