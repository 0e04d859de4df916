"""A page's draft frozen into plain data: what gets reviewed, published, previewed and restored."""

import hashlib
import json

from content import markdown

PAGE_FIELDS = [
    "title",
    "summary",
    "seo_title",
    "seo_description",
    "kind",
    "is_clinical",
    "author",
    "drug_name",
    "brand_names",
]
SECTION_FIELDS = ["kind", "heading", "anchor", "body", "items", "question", "testimonial_id", "cta_label", "cta_url"]
SOURCE_FIELDS = ["title", "publisher", "url", "doi"]
# The page's old image fields (replaced by the image library): kept, empty, in what a review signs,
# so reviews signed before the library existed still cover the same content.
RETIRED = {"image": "", "image_alt": "", "image_decorative": False}
# Where the page is listed, published with it but not part of what a clinical review signs.
LISTING_FIELDS = ["show_in_menu", "order", "index_of"]


def raw(page, sections=None, sources=None):
    """The editable content of `page` as it is now (sections and sources may be given, prefetched)."""
    sections = list(page.sections.all()) if sections is None else sections
    sources = list(page.sources.all()) if sources is None else sources
    data = {**{name: getattr(page, name) for name in PAGE_FIELDS}, **RETIRED}
    # Images are in what a review signs once chosen (an absent key leaves older fingerprints as they were).
    if page.hero_image_id:
        data["hero_image_id"] = page.hero_image_id
    data["published_on"] = page.published_on.isoformat() if page.published_on else None
    data["sections"] = [section_data(section) for section in sections]
    data["sources"] = [
        {**{name: getattr(source, name) for name in SOURCE_FIELDS}, "accessed_on": source.accessed_on.isoformat()}
        for source in sources
    ]
    data["related_ids"] = sorted(page.related.values_list("pk", flat=True)) if page.pk else []
    return data


def section_data(section):
    data = {name: getattr(section, name) for name in SECTION_FIELDS}
    if section.image_id:
        data["image_id"] = section.image_id
    return data


def fingerprint(data):
    """What a clinical review signs: the same content always gives the same fingerprint."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def rendered(data):
    """The raw content plus the sanitised HTML the public page shows (rendered once, at publish)."""
    count = len(data["sources"])
    sections = []
    for section in data["sections"]:
        items = [line.strip(" -*\t") for line in section["items"].splitlines() if line.strip(" -*\t")]
        sections.append({**section, "html": markdown.render(section["body"], source_count=count), "item_list": items})
    return {**data, "sections": sections}


def missing_citations(data):
    """Source numbers cited in `data`'s sections that the page does not have."""
    count = len(data["sources"])
    cited = [n for section in data["sections"] for n in markdown.citations(section["body"])]
    return sorted({n for n in cited if n < 1 or n > count})


def build(page):
    """The reviewed content's fingerprint, and the version to publish (with how it is listed)."""
    data = raw(page)
    return fingerprint(data), {**rendered(data), **{name: getattr(page, name) for name in LISTING_FIELDS}}
