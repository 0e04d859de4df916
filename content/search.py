"""Search over published pages: PostgreSQL full text (weighted, ranked, highlighted) or a plain fallback.

Queries can hold sensitive words ("overdose", a drug's name): nothing here logs them.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from content.models import Page

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 20
# Markers PostgreSQL puts around matches; the snippet is escaped first, then they become <mark>.
START, STOP = "\x02", "\x03"


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(raw):
    """Control characters (a NUL is refused by PostgreSQL, \x02/\x03 are our highlight markers)
    become spaces; white space is folded; the length is capped."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def highlight(text):
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(raw_query):
    """Up to MAX_RESULTS live pages for the query, best first, each with a `snippet` (safe HTML)."""
    query = clean_query(raw_query)
    if not query:
        return []
    if connection.vendor == "postgresql":
        return full_text(query)
    return fallback(query)


def full_text(query):
    search_query = SearchQuery(query, search_type="websearch", config="english")
    results = list(
        Page.objects.live()
        .filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                "search_document",
                search_query,
                config="english",
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
            ),
        )
        .order_by("-rank", "live_title")[:MAX_RESULTS]
    )
    for page in results:
        page.snippet = highlight(page.headline)
    return results


def fallback(query):
    words = [word for word in re.split(r"\W+", query) if word][:8]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= (
            Q(live_title__icontains=word) | Q(live_summary__icontains=word) | Q(search_document__icontains=word)
        )
    results = list(Page.objects.live().filter(condition)[: MAX_RESULTS * 5])

    def score(page):
        title, summary = page.live_title.lower(), page.live_summary.lower()
        document = page.search_document.lower()
        return sum(
            3 * (w.lower() in title) + 2 * (w.lower() in summary) + min(document.count(w.lower()), 5) for w in words
        )

    results.sort(key=score, reverse=True)
    for page in results[:MAX_RESULTS]:
        page.snippet = snippet(page.search_document or page.live_summary, words)
    return results[:MAX_RESULTS]


def snippet(text, words, width=160):
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if w.lower() in lowered]
    start = max(0, min(positions) - width // 2) if positions else 0
    excerpt = text[start : start + width]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return highlight(pattern.sub(lambda m: START + m.group(0) + STOP, excerpt))
