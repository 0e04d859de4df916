"""The Spanish demo pages: five translations, each linked to its English original, signed off by a
SAMPLE reviewer who reads Spanish, live under /es/, marked SAMPLE, with the crisis lines in Spanish.

Until i18n_patterns serves /es/ these are read through the model (and the staff preview), not the URL."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command

from content import demo, demo_es, models, services
from content.models import Page, Review, Reviewer, Revision, Section

pytestmark = pytest.mark.django_db

TRANSLATIONS = {
    "/es/tratamiento-adiccion-benzodiazepinas/": "/benzodiazepine-addiction-treatment/",
    "/es/como-funciona-el-ingreso/": "/how-admission-works/",
    "/es/aviso-de-privacidad/": "/privacy-notice/",
    "/es/programas-de-tratamiento/": "/treatment-programs/",
    "/es/programas-de-tratamiento/desintoxicacion-medica/": "/treatment-programs/medical-detox/",
}
CRISIS_988 = "llame o envíe un mensaje de texto al 988"


def load_demo():
    call_command("load_demo_content", stdout=io.StringIO())


def body_html(page):
    """What the public reads of the page's live version: the frozen intro, sections and sources."""
    body = page.live_revision.rendered_body()
    return body["intro"] + "".join(part for part in body["parts"] if isinstance(part, str)) + body["sources"]


def delete_spanish_pages():
    for page in Page.objects.filter(language="es").order_by("-url_path"):  # children before parents
        page.delete()


def english_state():
    return sorted(
        (p.url_path, p.live_revision_id, p.live_revision.content_hash, p.reviews.count())
        for p in Page.objects.filter(language="en").select_related("live_revision")
    )


def test_loading_twice_creates_each_spanish_page_once():
    load_demo()
    counts = [m.objects.count() for m in (Page, Revision, Review, Reviewer, Section, models.Testimonial)]
    users = get_user_model().objects.count()
    load_demo()
    assert [m.objects.count() for m in (Page, Revision, Review, Reviewer, Section, models.Testimonial)] == counts
    assert get_user_model().objects.count() == users
    assert sorted(Page.objects.filter(language="es").values_list("url_path", flat=True)) == sorted(TRANSLATIONS)


def test_each_spanish_page_is_live_at_its_es_address_and_linked_to_its_live_original():
    load_demo()
    for path, original_path in TRANSLATIONS.items():
        page = Page.objects.live().get(url_path=path)
        original = Page.objects.live().get(url_path=original_path)
        assert page.language == "es" and original.language == "en", path
        assert page.translation_of == original, path
        assert page.translated_from == original.live_revision, path
        assert page.live_revision.snapshot["title"] != original.live_revision.snapshot["title"], path


def test_a_spanish_child_lives_under_the_spanish_parent():
    load_demo()
    detox = Page.objects.get(url_path="/es/programas-de-tratamiento/desintoxicacion-medica/")
    assert detox.parent.url_path == "/es/programas-de-tratamiento/"
    assert detox.parent.translation_of == detox.translation_of.parent


def test_each_spanish_page_is_signed_off_by_a_sample_reviewer_who_reads_spanish():
    load_demo()
    for path in TRANSLATIONS:
        page = Page.objects.get(url_path=path)
        reviews = list(Review.objects.covering(page, page.live_revision.content_hash).select_related("reviewer"))
        assert len(reviews) == 1, path
        review = reviews[0]
        assert review.reviewer.reads("es") and review.reviewer.is_sample, path
        assert review.recorded_by == review.reviewer.user, path  # recorded through services.record_review
        assert "SAMPLE" in review.notes and "pendiente de revisión clínica real" in review.notes, path
        assert services.has_current_review(page, page.live_revision.content_hash), path


def test_the_english_pages_keep_the_english_reviewer_and_are_not_touched_by_the_spanish_ones():
    demo.load()
    before = english_state()
    spanish_reviewer = Reviewer.objects.get(user__username="sample-reviewer-es")
    assert not Review.objects.filter(reviewer=spanish_reviewer, page__language="en").exists()
    assert not Reviewer.objects.get(user__username="sample-reviewer").reads("es")
    # Taking the Spanish pages away and loading again brings them back, and the English pages stay as they were.
    delete_spanish_pages()
    load_demo()
    assert english_state() == before
    assert Page.objects.filter(language="es").count() == len(TRANSLATIONS)


def test_each_spanish_page_says_sample_awaiting_real_review_and_gives_the_crisis_lines_in_spanish():
    load_demo()
    for path in TRANSLATIONS:
        html = body_html(Page.objects.get(url_path=path))
        assert "MUESTRA (SAMPLE)" in html and "pendiente de revisión clínica real" in html, path
        assert CRISIS_988 in html and "911" in html, path
        assert "Call or text" not in html and "call 911" not in html, path


def test_the_spanish_benzodiazepine_page_has_every_section_of_the_english_one():
    load_demo()
    spanish = Page.objects.get(url_path="/es/tratamiento-adiccion-benzodiazepinas/")
    english = spanish.translation_of

    def shape(page):
        sections = list(page.sections.all())
        return (
            sorted(len(s.item_list()) for s in sections if s.kind == "list"),
            sum(s.kind == "warning" for s in sections),
            sum(s.kind == "faq" for s in sections),
            sum(s.kind == "testimonial" for s in sections),
            sum(bool(s.heading) and s.kind in ("text", "list", "warning") for s in sections),
        )

    assert shape(spanish) == shape(english) == ([4, 7, 7, 9, 13], 2, 3, 1, 13)
    html = body_html(spanish)
    assert "GABA" in html and "asociación" in html and "1-800-662-4357" in html and "en español" in html
    assert [s.url for s in spanish.sources.all()] == [s.url for s in english.sources.all()]
    assert all(s.title.endswith("(en inglés)") for s in spanish.sources.all())
    assert spanish.hero_image == english.hero_image
    assert [p.url_path for p in spanish.related.all()] == ["/es/programas-de-tratamiento/desintoxicacion-medica/"]
    testimonial = spanish.sections.get(kind="testimonial").testimonial
    assert testimonial.is_sample and testimonial.is_published and testimonial.consent_on
    assert testimonial != english.sections.get(kind="testimonial").testimonial


def test_a_spanish_page_an_editor_changed_is_left_alone_by_the_loader():
    load_demo()
    page = Page.objects.get(url_path="/es/aviso-de-privacidad/")
    page.summary = "Resumen cambiado por una editora."
    page.save()
    revisions = page.revisions.count()
    load_demo()
    page.refresh_from_db()
    assert page.summary == "Resumen cambiado por una editora." and page.revisions.count() == revisions


def test_an_address_already_taken_by_another_page_is_not_overwritten():
    demo.load()
    delete_spanish_pages()
    # Someone made their own Spanish page at the privacy notice's address before the demo ran again.
    own = Page.objects.create(title="Privacidad", slug="aviso-de-privacidad", language="es", summary="Propia.")
    assert own.url_path == "/es/aviso-de-privacidad/"
    load_demo()
    own.refresh_from_db()
    assert own.translation_of is None and own.title == "Privacidad"
    assert not Page.objects.filter(translation_of__url_path="/privacy-notice/").exists()
    assert Page.objects.live().filter(url_path="/es/como-funciona-el-ingreso/").exists()


def test_staff_preview_shows_the_spanish_page_body(client):
    load_demo()
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(staff)
    for path in TRANSLATIONS:
        page = Page.objects.get(url_path=path)
        html = client.get(f"/preview/{page.pk}/").content.decode()
        assert page.title in html and CRISIS_988 in html, path


def test_the_loader_summary_names_the_spanish_pages():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert f"{len(TRANSLATIONS)} new Spanish pages" in out.getvalue()
    assert demo_es.load().startswith("0 new Spanish pages")
