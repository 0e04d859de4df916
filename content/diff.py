"""What changed between two versions of a page, section by section, word by word.

Versions are plain data as `content.snapshot.raw()` gives them (a published version's snapshot holds
the same keys, and more). Sections are lined up by what they are (type and anchor, heading or
question) with difflib, so a section inserted in the middle or moved shows as just that, not as every
later section "changed"; inside a section, words are compared with difflib on word tokens.
"""

import difflib
import re
from dataclasses import dataclass, field

PAGE_TEXT = [
    ("title", "Title"),
    ("summary", "Summary"),
    ("seo_title", "SEO title"),
    ("seo_description", "Meta description"),
    ("kind", "Kind"),
    ("is_clinical", "Clinical"),
    ("image", "Image"),
    ("image_alt", "Image alt text"),
    ("image_decorative", "Image is decorative"),
    ("author", "Author"),
    ("published_on", "Publication date"),
    ("drug_name", "Drug class"),
    ("brand_names", "Examples (generic and brand names)"),
]
SECTION_TEXT = [
    ("kind", "Type"),
    ("heading", "Heading"),
    ("question", "Question"),
    ("body", "Text"),
    ("items", "List items"),
    ("testimonial_id", "Testimonial"),
    ("cta_label", "Button label"),
    ("cta_url", "Button link"),
    # Image sections (added by another change): compared when present, ignored when not.
    ("image", "Image"),
    ("alt", "Alt text"),
    ("image_alt", "Alt text"),
    ("decorative", "Image is decorative"),
]
TOKENS = re.compile(r"\s+|[\w'’\-]+|[^\w\s]")


@dataclass
class Change:
    """One field: its words as runs of ("equal" | "insert" | "delete", text)."""

    label: str
    runs: list

    @property
    def inserted(self):
        return [text for op, text in self.runs if op == "insert" and text.strip()]

    @property
    def deleted(self):
        return [text for op, text in self.runs if op == "delete" and text.strip()]


@dataclass
class SectionChange:
    """One section: "same", "changed", "added", "removed" or "moved" (same content, new place)."""

    status: str
    title: str
    kind: str
    before: int | None  # position, from 1
    after: int | None
    changes: list = field(default_factory=list)


@dataclass
class PageDiff:
    fields: list
    sections: list
    sources: Change | None

    @property
    def has_changes(self):
        return bool(self.fields or self.sources or any(s.status != "same" for s in self.sections))

    def runs(self):
        """The sections for the screen: each change alone, unchanged neighbours gathered in one list."""
        grouped = []
        for section in self.sections:
            if section.status == "same":
                if grouped and isinstance(grouped[-1], list):
                    grouped[-1].append(section)
                else:
                    grouped.append([section])
            else:
                grouped.append(section)
        return grouped

    def inserted_words(self):
        return [word for change in self._all() for text in change.inserted for word in text.split()]

    def deleted_words(self):
        return [word for change in self._all() for text in change.deleted for word in text.split()]

    def _all(self):
        yield from self.fields
        for section in self.sections:
            yield from section.changes
        if self.sources:
            yield self.sources


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("\r\n", "\n")


def words(before, after):
    """Runs of equal, inserted and deleted text between two strings, whole words at a time."""
    a, b = TOKENS.findall(as_text(before)), TOKENS.findall(as_text(after))
    runs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
        if op in ("delete", "replace"):
            runs.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


def field_changes(before, after, labels):
    changes = []
    for name, label in labels:
        if name not in before and name not in after:
            continue
        old, new = as_text(before.get(name)), as_text(after.get(name))
        if old != new:
            changes.append(Change(label, words(old, new)))
    return changes


def section_key(section):
    name = section.get("anchor") or section.get("heading") or section.get("question") or section.get("body", "")[:60]
    return (section.get("kind"), name.strip().lower())


def section_title(section):
    return section.get("heading") or section.get("question") or (section.get("body") or "")[:60] or section["kind"]


def sections(before, after):
    """Every section of `after` in order, with the removed ones of `before` where they stood."""
    keys_a, keys_b = [section_key(s) for s in before], [section_key(s) for s in after]
    opcodes = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    unmatched_a = [i for op, i1, i2, j1, j2 in opcodes if op != "equal" for i in range(i1, i2)]
    unmatched_b = [j for op, i1, i2, j1, j2 in opcodes if op != "equal" for j in range(j1, j2)]
    # A section taken out in one place and put back (edited or not) in another was moved.
    moved = {}
    for j in unmatched_b:
        i = next((i for i in unmatched_a if keys_a[i] == keys_b[j] and i not in moved.values()), None)
        if i is not None:
            moved[j] = i
    result = []
    for op, i1, i2, j1, j2 in opcodes:
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False))
        # Sections edited in place (a new heading, say): as many before as after, none moved.
        in_place = op == "equal" or (
            op == "replace"
            and i2 - i1 == j2 - j1
            and not set(range(j1, j2)) & moved.keys()
            and not set(range(i1, i2)) & set(moved.values())
        )
        if in_place:
            for i, j in pairs:
                changes = field_changes(before[i], after[j], SECTION_TEXT)
                status = "changed" if changes else "same"
                result.append(SectionChange(status, section_title(after[j]), after[j]["kind"], i + 1, j + 1, changes))
            continue
        for i in range(i1, i2):
            if i not in moved.values():
                changes = field_changes(before[i], dict.fromkeys(before[i], ""), SECTION_TEXT)
                result.append(
                    SectionChange("removed", section_title(before[i]), before[i]["kind"], i + 1, None, changes)
                )
        for j in range(j1, j2):
            if j in moved:
                i = moved[j]
                changes = field_changes(before[i], after[j], SECTION_TEXT)
                result.append(SectionChange("moved", section_title(after[j]), after[j]["kind"], i + 1, j + 1, changes))
            else:
                changes = field_changes(dict.fromkeys(after[j], ""), after[j], SECTION_TEXT)
                result.append(SectionChange("added", section_title(after[j]), after[j]["kind"], None, j + 1, changes))
    return result


def source_lines(data):
    return "\n".join(
        " - ".join(part for part in (s.get("title"), s.get("publisher"), s.get("url") or s.get("doi")) if part)
        for s in data.get("sources", [])
    )


def compare(before, after):
    """The difference from version `before` to version `after` (either may be None: nothing)."""
    before, after = before or {"sections": [], "sources": []}, after or {"sections": [], "sources": []}
    old_sources, new_sources = source_lines(before), source_lines(after)
    return PageDiff(
        fields=field_changes(before, after, PAGE_TEXT),
        sections=sections(before.get("sections", []), after.get("sections", [])),
        sources=Change("Sources", words(old_sources, new_sources)) if old_sources != new_sources else None,
    )
