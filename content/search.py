"""Search over published pages: PostgreSQL full text (weighted, ranked, highlighted) or a plain fallback.

Queries can hold sensitive words ("overdose", a drug's name): nothing here logs them.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from content.models import Page

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 20
# Markers PostgreSQL puts around matches (and between fragments); the snippet is escaped first,
# then they become <mark> (and an ellipsis).
START, STOP, FRAGMENT = "\x02", "\x03", "\x04"
ELLIPSIS = "\u2026"
# Between two blocks of the page (a heading and its paragraph, two list items) in a snippet.
BLOCK_BREAK = ' <span class="snippet-break" aria-hidden="true">\u00b7</span> '
LONGEST_WORD = 40
SNIPPET_WIDTH = 180


# PostgreSQL's text-search configuration for each language: how words are stemmed, which are
# stop words. The vector is built with the page's (content.services.index_for_search) and the
# query parsed with the searched language's, so "adicciones" finds "adicción" on /es/search/.
TEXT_SEARCH_CONFIGS = {"en": "english", "es": "spanish"}


def text_search_config(language):
    """A language without its own configuration is searched word for word ("simple")."""
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(raw):
    """Control characters (a NUL is refused by PostgreSQL, \x02/\x03 are our highlight markers)
    become spaces; white space is folded; the length is capped."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def highlight(text):
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


# What Markdown leaves in the search document (raw section text), undone for display.
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)?")
_LINK_TAIL = re.compile(r"\]\([^)\s]*\)?")
_EMPHASIS = re.compile(r"\*\*|__|`|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
_TAG = re.compile(r"<[^>\x02\x03]*>")


def plain_block(block):
    """One line of the document as a reader sees it: no Markdown marks, no tags, long words cut."""
    if _TABLE_RULE.match(block.replace(START, "").replace(STOP, "")):
        return ""
    text = _TAG.sub(" ", _BLOCK_MARK.sub("", block))
    text = _EMPHASIS.sub("", _LINK_TAIL.sub("", _LINK.sub(r"\1", text)))
    text = text.replace("|", " ")
    words = []
    for word in text.split():
        if len(word.replace(START, "").replace(STOP, "")) > LONGEST_WORD:
            kept = word[:LONGEST_WORD]
            # A cut inside a highlight closes it.
            word = kept + (STOP if kept.count(START) > kept.count(STOP) else "") + ELLIPSIS
        words.append(word)
    return " ".join(words)


def crumb(block):
    return len(block.split()) < 4 and START not in block


def present(fragments, document):
    """Safe HTML for fragments (text with match markers) of `document`: blocks kept apart, an
    ellipsis wherever a fragment starts or ends inside a block (never inside a word)."""
    pieces = []
    for fragment in fragments:
        plain = fragment.replace(START, "").replace(STOP, "")
        core = plain.strip()
        if not core:
            continue
        at = document.find(core)
        before = at != 0 and (at < 0 or document[at - 1] != "\n")
        end = at + len(core)
        after = at < 0 or (end < len(document) and document[end] != "\n")
        blocks = [plain_block(block) for block in fragment.split("\n")]
        blocks = [block for block in blocks if block.strip()]
        # A crumb of a block cut at the edge ("... slowly · After ...") is dropped, unless it holds a match.
        if before and len(blocks) > 1 and crumb(blocks[0]):
            blocks, before = blocks[1:], False
        if after and len(blocks) > 1 and crumb(blocks[-1]):
            blocks, after = blocks[:-1], False
        html = BLOCK_BREAK.join(str(highlight(block)) for block in blocks if block.strip())
        if html:
            pieces.append((before, html, after))
    out = ""
    for index, (before, html, after) in enumerate(pieces):
        if before and not out.endswith(ELLIPSIS + " "):
            out += ELLIPSIS + " "
        out += html
        if after or index < len(pieces) - 1:
            out += " " + ELLIPSIS + " "
    return mark_safe(out.strip())  # noqa: S308 (escaped block by block above)


def search(raw_query, language=settings.LANGUAGE_CODE):
    """Up to MAX_RESULTS live pages in `language` for the query, best first, each with a `snippet`
    (safe HTML)."""
    query = clean_query(raw_query)
    if not query:
        return []
    if connection.vendor == "postgresql":
        return full_text(query, language)
    return fallback(query, language)


def full_text(query, language):
    config = text_search_config(language)
    search_query = SearchQuery(query, search_type="websearch", config=config)
    results = list(
        Page.objects.live()
        .in_language(language)
        .filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                "search_document",
                search_query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=FRAGMENT,
            ),
        )
        .order_by("-rank", "live_title")[:MAX_RESULTS]
    )
    for page in results:
        page.snippet = present(page.headline.split(FRAGMENT), page.search_document)
    return results


def fallback(query, language):
    words = [word for word in re.split(r"\W+", query) if word][:8]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= (
            Q(live_title__icontains=word) | Q(live_summary__icontains=word) | Q(search_document__icontains=word)
        )
    results = list(Page.objects.live().in_language(language).filter(condition)[: MAX_RESULTS * 5])

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


def snippet(text, words, width=SNIPPET_WIDTH):
    """The window of `text` around the first word found, cut at spaces, the words marked."""
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if w.lower() in lowered]
    start = max(0, min(positions) - width // 3) if positions else 0
    end = min(len(text), start + width)
    # Move both cuts out of any word: forward to the next space, back to the last one.
    while 0 < start < len(text) and not text[start - 1].isspace():
        start += 1
    while 0 < end < len(text) and not text[end].isspace():
        end -= 1
    if end <= start:  # one long word: present() shortens it
        start, end = (min(positions) if positions else 0), len(text)
    excerpt = text[start:end]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return present([pattern.sub(lambda m: START + m.group(0) + STOP, excerpt)], text)
