"""The difference between two versions: words added and removed, sections added, removed and moved."""

from content import diff


def version(*sections, **fields):
    return {"title": "Benzodiazepines", "summary": "About benzos.", "sources": [], **fields, "sections": list(sections)}


def text(heading, body, kind="text"):
    return {"kind": kind, "heading": heading, "anchor": "", "body": body, "items": "", "question": ""}


def test_words_added_and_removed_in_a_section_are_exactly_those():
    before = version(text("Withdrawal", "Stopping suddenly can cause seizures."))
    after = version(text("Withdrawal", "Stopping suddenly can cause dangerous seizures and hallucinations."))
    result = diff.compare(before, after)
    assert result.inserted_words() == ["dangerous", "and", "hallucinations"]
    assert result.deleted_words() == []
    [section] = result.sections
    assert section.status == "changed" and section.title == "Withdrawal"


def test_a_replaced_word_is_one_deletion_and_one_insertion():
    result = diff.compare(version(text("A", "Taper slowly.")), version(text("A", "Taper gradually.")))
    assert (result.deleted_words(), result.inserted_words()) == (["slowly"], ["gradually"])


def test_a_section_added_in_the_middle_leaves_the_others_unchanged():
    first, last = text("What benzos are", "Sedatives."), text("Getting help", "Call us.")
    result = diff.compare(version(first, last), version(first, text("New", "A new section."), last))
    assert [(s.status, s.title) for s in result.sections] == [
        ("same", "What benzos are"),
        ("added", "New"),
        ("same", "Getting help"),
    ]
    assert result.inserted_words() == ["text", "New", "A", "new", "section."]


def test_a_section_moved_up_shows_as_moved_not_as_removed_and_added():
    warning, faq = text("Warning", "Do not stop alone.", "warning"), text("FAQ", "Ask us.", "faq")
    intro = text("Intro", "Hello.")
    result = diff.compare(version(intro, warning, faq), version(intro, faq, warning))
    statuses = {s.title: (s.status, s.before, s.after) for s in result.sections}
    assert statuses["Intro"] == ("same", 1, 1)
    moved = [s for s in result.sections if s.status == "moved"]
    assert len(moved) == 1 and not moved[0].changes
    assert all(s.status in ("same", "moved") for s in result.sections)
    assert result.inserted_words() == result.deleted_words() == []


def test_a_removed_section_shows_its_words_as_removed():
    keep, gone = text("Keep", "Stay."), text("Old", "Outdated advice.")
    result = diff.compare(version(keep, gone), version(keep))
    assert [s.status for s in result.sections] == ["same", "removed"]
    assert "Outdated" in result.deleted_words()


def test_same_content_has_no_changes_and_nothing_before_means_all_added():
    page = version(text("A", "One two."))
    assert not diff.compare(page, page).has_changes
    everything = diff.compare(None, page)
    assert everything.has_changes and {"One", "two."} <= set(everything.inserted_words())


def test_page_fields_and_sources_are_compared_too():
    source = {"title": "DrugFacts", "publisher": "NIDA", "url": "https://nida.nih.gov/x", "doi": ""}
    result = diff.compare(version(title="Benzos"), version(title="Benzodiazepine treatment", sources=[source]))
    assert [c.label for c in result.fields] == ["Title"]
    assert result.sources is not None and "DrugFacts" in result.sources.inserted[0]


def test_line_breaks_typed_in_a_browser_are_not_a_change():
    result = diff.compare(version(text("A", "One.\nTwo.")), version(text("A", "One.\r\nTwo.")))
    assert not result.has_changes
