"""Editor checks: advice shown while editing and listed before publish; missing alt text blocks.

Every check is a plain function over a page's content as data (`content.snapshot.raw()`, or the form
being edited, `data_from_form`) and returns findings; nothing here writes. `run()` gathers them,
loading the stigmatising-terms list and the link targets unless they are given (tests give them).

A page is checked in its own language (`Page.language`): readability by that language's measure,
the terms listed for it, its vague link words and official names (`content.checks_language`).
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string

from content import checks_language, links
from content.checks_language import DEFAULT

ADVICE, BLOCKING = "advice", "blocking"
GRADE_MIN_WORDS = 30  # a score from a sentence or two says nothing
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BARE_URL = re.compile(r"(?<![(<\w])(https?://[^\s)<>\]]+|www\.[^\s)<>\]]+)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
CITATION = re.compile(r"\[\^(\d{1,3})\]")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    severity: str = ADVICE
    where: str = ""  # "Section 3, "Withdrawal"", or "" for the page

    @property
    def blocks(self):
        return self.severity == BLOCKING


def where(index, section):
    name = section.get("heading") or section.get("question") or section.get("kind", "")
    return f'Section {index + 1}, "{name}"' if name else f"Section {index + 1}"


def section_texts(section):
    """The words a section shows, field by field: [(label, text)]."""
    fields = [("heading", "heading"), ("question", "question"), ("body", "text"), ("items", "list")]
    fields += [("cta_label", "button"), ("alt", "alt text"), ("image_alt", "alt text")]
    return [(label, section[name]) for name, label in fields if section.get(name)]


def plain(markdown_text):
    """Markdown reduced to the words a reader reads (link text kept, URLs and marks dropped)."""
    text = MARKDOWN_LINK.sub(lambda m: m.group(1), markdown_text or "")
    text = CITATION.sub("", text)
    text = re.sub(r"https?://\S+", "", text)
    text = re.sub(r"^\s*(#{1,6}|[-*+]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"[*_`>|]", "", text)


# Heading order ---------------------------------------------------------------


def heading_order(data):
    """Headings go down one level at a time: the title is h1, a section heading h2, a question h3,
    and a body's own headings (### and ####, the only levels kept) follow on from there."""
    findings, level = [], 1
    for index, section in enumerate(data.get("sections", [])):
        if section.get("heading"):
            level = 2
        if section.get("kind") == "faq" and section.get("question"):
            level = 3 if level >= 2 else level
        for marks, text in HEADING.findall(section.get("body") or ""):
            found = len(marks)
            if found not in (3, 4):
                findings.append(
                    Finding(
                        "heading_level_dropped",
                        f'The heading "{text}" uses {marks}: only ### and #### show as headings in a '
                        "section (its heading is the section's own). Use ### for a subheading.",
                        where=where(index, section),
                    )
                )
                continue
            if found > level + 1:
                findings.append(
                    Finding(
                        "heading_skips_level",
                        f'The heading "{text}" jumps from level {level} to level {found}; '
                        f"use {'#' * (level + 1)} here, or give the section a heading first.",
                        where=where(index, section),
                    )
                )
            level = found
    return findings


# Readability -----------------------------------------------------------------


def reading_grades(data, language=DEFAULT):
    """Each section's readability, by its language's measure (none for a language without one)."""
    table = checks_language.LANGUAGES.get(language)
    if table is None:
        return []
    findings = []
    for index, section in enumerate(data.get("sections", [])):
        # Each list item reads as a sentence of its own, not as one sentence a list long.
        items = [line.strip(" -*\t").rstrip(".") + "." for line in (section.get("items") or "").splitlines()]
        words = plain("\n".join([section.get("body") or "", *[item for item in items if item != "."]]))
        if len(words.split()) < GRADE_MIN_WORDS:
            continue
        if message := table.readability.finding(words):
            findings.append(Finding("reading_grade", message, where=where(index, section)))
    return findings


# Stigmatising terms ------------------------------------------------------------


def without_names(text, language=DEFAULT):
    table = checks_language.LANGUAGES.get(language)
    for name in table.proper_names if table else ():
        text = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.IGNORECASE)
    return re.sub(r"\(\s*<?[^)\s]*>?\s*\)", lambda m: " " * len(m.group(0)), text)  # link targets


def stigmatising_terms(data, terms, language=DEFAULT):
    """Each listed term (whole word, any case, plurals) with the person-first words to use instead.
    `terms` is [(term, alternatives, pattern)], those of the page's language; a longer term found
    ("substance abuse") hides the shorter one inside it ("abuse")."""
    ordered = sorted(terms, key=lambda term: -len(term[0]))
    places = [("page", "title", data.get("title") or ""), ("page", "summary", data.get("summary") or "")]
    for index, section in enumerate(data.get("sections", [])):
        places += [((index, section), label, text) for label, text in section_texts(section)]
    findings = []
    for place, label, text in places:
        text = without_names(text, language)
        taken = []
        for _term, alternatives, pattern in ordered:
            for match in pattern.finditer(text):
                span = range(match.start(), match.end())
                if any(span.start < other.stop and other.start < span.stop for other in taken):
                    continue
                taken.append(span)
                findings.append(
                    Finding(
                        "stigmatising_term",
                        f'"{match.group(0)}" in the {label}: say "{alternatives}" instead (person-first language).',
                        where="Page" if place == "page" else where(*place),
                    )
                )
    return findings


# Links ---------------------------------------------------------------------------


def link_texts(text):
    """[(link text, target)] for each Markdown link, autolink and bare address in `text`."""
    found = [(m.group(1), m.group(2)) for m in MARKDOWN_LINK.finditer(text)]
    rest = MARKDOWN_LINK.sub(" ", text)
    found += [(m.group(1), m.group(1)) for m in AUTOLINK.finditer(rest)]
    rest = AUTOLINK.sub(" ", rest)
    found += [(m.group(1), m.group(1)) for m in BARE_URL.finditer(rest)]
    return found


def looks_like_url(text):
    return bool(re.match(r"^\s*(https?://|www\.)\S+\s*$", text))


def link_text(data, language=DEFAULT):
    """A link's words say where it goes: not "click here", "read more" or a bare address."""
    table = checks_language.LANGUAGES.get(language)
    vague = table.vague_link_text if table else frozenset()
    findings = []
    for index, section in enumerate(data.get("sections", [])):
        for text, target in link_texts(section.get("body") or ""):
            words = checks_language.folded(text)
            if looks_like_url(text):
                message = f"The link {text} shows a bare address: write where it leads instead."
            elif not words:
                message = f"The link to {target} has no text: write where it leads."
            elif words in vague:
                message = f'The link "{text}" does not say where it leads: write its destination in the link.'
            else:
                continue
            findings.append(Finding("link_text", message, where=where(index, section)))
        if section.get("kind") == "cta" and checks_language.folded(section.get("cta_label") or "") in vague:
            findings.append(
                Finding(
                    "link_text",
                    f'The button "{section["cta_label"]}" does not say what it does.',
                    where=where(index, section),
                )
            )
    return findings


def internal_links(data, targets):
    """Links to pages (`[text](page:42)`) that point to a deleted page or one not live yet.
    `targets` maps page id to True (live) or False (draft or unpublished); a missing id is deleted."""
    findings = []
    for index, section in enumerate(data.get("sections", [])):
        for text, target in link_texts(section.get("body") or ""):
            page_id = links.page_id(target)
            if page_id is None:
                continue
            if page_id not in targets:
                message = f'The link "{text}" points to a page that was deleted (page #{page_id}).'
            elif not targets[page_id]:
                message = (
                    f'The link "{text}" points to page #{page_id}, which is not published: readers would get an error.'
                )
            else:
                continue
            findings.append(Finding("internal_link", message, where=where(index, section)))
    return findings


# Sources and images ------------------------------------------------------------


def cited_sources(data):
    """A clinical page names its sources and cites them in the text."""
    if not data.get("is_clinical"):
        return []
    if not data.get("sources"):
        return [Finding("no_sources", "This clinical page has no sources: add the sources its facts come from.")]
    bodies = "\n".join(section.get("body") or "" for section in data.get("sections", []))
    if not CITATION.search(bodies):
        return [Finding("no_citations", "No section cites a source: add [^1] after the fact that source 1 supports.")]
    return []


def alt_text(data):
    """Blocking: an image, of the page or of a section, needs alt text unless marked decorative.
    Data-driven, so a section type with an image (and its `alt` field) is checked once it exists."""
    findings = []
    if data.get("image") and not (data.get("image_alt") or "").strip() and not data.get("image_decorative"):
        findings.append(
            Finding("alt_text", "The page's image has no alt text: describe it, or mark it decorative.", BLOCKING)
        )
    for index, section in enumerate(data.get("sections", [])):
        if not section.get("image"):
            continue
        alt = (section.get("alt") or section.get("image_alt") or "").strip()
        if not alt and not section.get("decorative") and not section.get("image_decorative"):
            findings.append(
                Finding(
                    "alt_text",
                    "This image has no alt text: describe it, or mark it decorative.",
                    BLOCKING,
                    where(index, section),
                )
            )
    return findings


# All of them -----------------------------------------------------------------------


def run(data, *, language=DEFAULT, terms=None, targets=None):
    """Every finding for `data`, written in `language`, blocking ones first."""
    if terms is None:
        from content.models import StigmaTerm

        terms = [(t.term, t.alternatives, t.pattern()) for t in StigmaTerm.objects.active().in_language(language)]
    if targets is None:
        targets = links.targets(data)
    findings = [
        *alt_text(data),
        *heading_order(data),
        *stigmatising_terms(data, terms, language),
        *link_text(data, language),
        *internal_links(data, targets),
        *cited_sources(data),
        *reading_grades(data, language),
    ]
    return sorted(findings, key=lambda finding: not finding.blocks)


def for_page(page):
    from content import snapshot

    return run(snapshot.raw(page), language=page.language)


def render_panel(findings, *, editing=False):
    return render_to_string("admin/content/page/_checks.html", {"findings": findings, "editing": editing})


def data_from_form(post, page):
    """The page as the editor has it in the form, unsaved: stored values overlaid by what was posted.
    Check it in the page's language: `run(data, language=page.language)`."""
    from content import snapshot

    data = snapshot.raw(page)
    for name in ("title", "summary", "kind", "image_alt"):
        if name in post:
            data[name] = post[name]
    if "title" in post:  # the form was posted: an unticked box is not sent
        data["is_clinical"] = post.get("is_clinical") in ("on", "true", "1")
        data["image_decorative"] = post.get("image_decorative") in ("on", "true", "1")
    if post.get("image-clear"):
        data["image"] = ""
    if "sections-TOTAL_FORMS" in post:
        stored = {str(section.pk): section for section in page.sections.all()}
        data["sections"] = _formset(post, "sections", stored)
    if "sources-TOTAL_FORMS" in post:
        data["sources"] = [row for row in _formset(post, "sources", {}) if row.get("title")]
    return data


def _stored(instance):
    row = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
    for f in instance._meta.concrete_fields:
        if f.get_internal_type() == "FileField":  # an image section's file: its name, or ""
            row[f.attname] = str(getattr(instance, f.attname) or "")
    return row


def _formset(post, prefix, stored):
    """The rows of inline formset `prefix` as posted, in their "order", deleted rows left out."""
    total = post.get(f"{prefix}-TOTAL_FORMS", "0")
    rows = []
    for index in range(min(int(total) if total.isdigit() else 0, 500)):
        key = f"{prefix}-{index}-"
        if post.get(key + "DELETE"):
            continue
        instance = stored.get(post.get(key + "id", ""))
        row = _stored(instance) if instance is not None else {}
        posted = {name[len(key) :]: post[name] for name in post if name.startswith(key)}
        row |= {name: value for name, value in posted.items() if name not in ("id", "page", "DELETE")}
        if instance is None and not any(v.strip() for n, v in posted.items() if n not in ("order", "kind", "id")):
            continue  # an empty row the editor added and left empty
        order = str(row.get("order", ""))
        rows.append((int(order) if order.isdigit() else index, index, row))
    return [row for _order, _index, row in sorted(rows, key=lambda r: (r[0], r[1]))]
