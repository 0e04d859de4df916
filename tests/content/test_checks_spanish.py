"""Editor checks in the page's language: a Spanish page is read by a Spanish measure, against Spanish
words, and never by the English ones (nor an English page by the Spanish ones)."""

import pytest
from django.conf import settings
from django.urls import reverse

from content import checks, services, services_translations
from content.models import StigmaTerm
from tests.content.browserlike import untouched_form
from tests.content.factories import PageFactory, SectionFactory, committed
from tests.content.test_checks import codes, page, text

HARD = (
    "La farmacoterapia con benzodiazepinas exige una reducción gradual e individualizada de la dosis, "
    "particularmente tras una administración prolongada, puesto que la interrupción abrupta puede desencadenar "
    "manifestaciones de abstinencia potencialmente mortales, entre ellas convulsiones generalizadas."
)
EASY = (
    "No deje de tomar las benzos de golpe. Dejarlas rápido puede ser peligroso. Un médico le ayuda a bajar "
    "la dosis poco a poco. Nosotros le ayudamos a encontrar uno. Llámenos a cualquier hora. No tiene que hacerlo solo."
)
# Everyday words in sentences of 15 words or so: Fernández-Huerta 80, but Flesch-Kincaid (English
# syllables and weights) calls it grade 10.
PLAIN_BUT_LONG_WORDED = (
    "Cuando llega a nuestro centro, una enfermera le pregunta cómo se siente y qué toma cada día. "
    "Después, el médico le explica el plan con palabras sencillas y responde todas sus preguntas. "
    "Su familia puede llamar o venir a verle los fines de semana, si usted quiere que vengan."
)


def grades(body, language):
    return [finding.message for finding in checks.reading_grades(page(text(body)), language)]


# Readability -------------------------------------------------------------------------


def test_a_hard_spanish_paragraph_is_flagged_by_fernandez_huerta_and_an_easy_one_is_not():
    [message] = grades(HARD, "es")
    assert message.startswith("Reads at Fernández-Huerta ") and "the goal is 60 or above" in message
    assert "grade" not in message
    assert grades(EASY, "es") == []
    assert grades("La farmacoterapia exige una individualización.", "es") == []  # under 30 words


def test_a_spanish_page_is_never_graded_by_flesch_kincaid(monkeypatch):
    from textstat.backend import metrics

    from content.checks_language import english_grade

    assert english_grade(PLAIN_BUT_LONG_WORDED) > 8  # what the English check would say
    assert codes(checks.reading_grades(page(text(PLAIN_BUT_LONG_WORDED)), "en")) == ["reading_grade"]
    assert grades(PLAIN_BUT_LONG_WORDED, "es") == []

    def english_formula(*args, **kwargs):
        raise AssertionError("Flesch-Kincaid was run on a Spanish page")

    monkeypatch.setattr(metrics, "flesch_kincaid_grade", english_formula)
    findings = checks.run(page(text(HARD), text(EASY)), language="es", terms=[], targets={})
    assert [f.message.split(";")[0] for f in findings] == ["Reads at Fernández-Huerta 0"]


def test_words_that_open_with_a_lone_vowel_are_not_scored_easier_than_they_read():
    # One sentence of 40 words, many of them "a-", "o-", "e-" words. textstat's own syllable count
    # (a hyphenation dictionary) makes "a-yu-da" two syllables and scores this 62.5, a pass.
    body = (
        "Al principio usted aprende a identificar aquello que le empuja a beber otra vez, a apoyarse en otras "
        "personas y a ordenar de nuevo cada día, mientras el equipo le acompaña, le orienta y le ayuda a entender "
        "la ansiedad."
    )
    [message] = grades(body, "es")
    assert "Fernández-Huerta 46;" in message


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("ayuda", 3),
        ("ahora", 3),
        ("agua", 2),
        ("día", 2),
        ("país", 2),
        ("leer", 2),
        ("aéreo", 4),
        ("cuidado", 3),
        ("ciudad", 2),
        ("que", 1),
        ("guitarra", 3),
        ("pingüino", 3),
        ("hoy", 1),
        ("y", 1),
        ("Paraguay", 3),
        ("alcohol", 3),
        ("desintoxicación", 6),
        ("benzodiazepina", 6),
    ],
)
def test_spanish_syllables_are_counted_as_they_are_spoken(word, syllables):
    from content.checks_language import spanish_syllables

    assert spanish_syllables(word) == syllables


# Stigmatising terms ---------------------------------------------------------------------


def spanish(*terms):
    return [(term, "persona con una adicción", StigmaTerm(term=term, language="es").pattern()) for term in terms]


def found(body, terms, language="es"):
    return [f.message.split('"')[1] for f in checks.stigmatising_terms(page(text(body)), terms, language)]


def test_spanish_plurals_any_case_and_the_plural_on_the_first_word_of_a_phrase():
    terms = spanish("adicto", "drogadicto", "toxicómano", "abuso de sustancias", "abusón")
    body = (
        "Adictos, DROGADICTOS y Toxicómanos. Los abusos de  sustancias. Un adicto. Los abusones. "
        "La adicción, lo adictivo, la drogadicción y el toxicomaníaco no son términos de la lista."
    )
    assert sorted(found(body, terms)) == [
        "Adictos",
        "DROGADICTOS",
        "Toxicómanos",
        "abusones",
        "abusos de  sustancias",
        "adicto",
    ]


def test_accented_letters_are_part_of_a_word():
    assert found("La adicción y la adicta.", spanish("adic")) == []
    assert found("Un drogadicto.", spanish("adicto")) == []  # the start of a word is a letter too
    assert found("Limpió la herida. Un lugar limpio.", spanish("limpio")) == ["limpio"]


def test_official_spanish_names_are_quoted_as_they_are():
    terms = spanish("alcohólico", "abuso de drogas", "abuso de sustancias")
    body = (
        "Alcohólicos Anónimos, el Instituto Nacional sobre el Abuso de Drogas y la Administración de "
        "Servicios de Salud Mental y Abuso de Sustancias. Pero: el abuso de drogas."
    )
    assert found(body, terms) == ["abuso de drogas"]


@pytest.mark.django_db
def test_each_page_is_checked_against_the_seeded_terms_of_its_own_language():
    body = "Many addicts stay clean. Muchos adictos siguen limpios tras el abuso de sustancias."
    on_english = {f.message.split('"')[1]: f.message for f in checks.run(page(text(body)), language="en", targets={})}
    on_spanish = {f.message.split('"')[1]: f.message for f in checks.run(page(text(body)), language="es", targets={})}
    assert sorted(on_english) == ["addicts", "clean"]
    assert sorted(on_spanish) == ["abuso de sustancias", "adictos", "limpios"]
    assert "persona con una adicción" in on_spanish["adictos"]
    assert "consumo de sustancias" in on_spanish["abuso de sustancias"]
    StigmaTerm.objects.filter(term="adicto", language="es").update(is_active=False)
    assert len(checks.run(page(text(body)), language="es", targets={})) == 2


@pytest.mark.django_db
def test_a_word_is_listed_once_per_language_whatever_its_case():
    from django.core.exceptions import ValidationError

    StigmaTerm.objects.create(term="vicio", language="en", alternatives="-")  # the same word, in English
    with pytest.raises(ValidationError, match="already exists"):
        StigmaTerm(term=" Adicto ", language="es", alternatives="-").full_clean()


# Links and languages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "link", ["[haga clic aquí](/x/)", "[Aquí](/x/)", "[Más información](/x/)", "[mas informacion](/x/)"]
)
def test_spanish_vague_link_text_is_flagged_on_a_spanish_page(link):
    assert codes(checks.link_text(page(text(f"Para pedir ayuda, {link}.")), "es")) == ["link_text"]


def test_a_spanish_link_that_says_where_it_goes_and_a_vague_spanish_button():
    assert checks.link_text(page(text("Lea [la guía de NIDA sobre sedantes](https://nida.nih.gov/x).")), "es") == []
    button = {"kind": "cta", "heading": "", "body": "", "cta_label": "¡Ver más!"}
    assert codes(checks.link_text(page(button), "es")) == ["link_text"]
    assert checks.link_text(page(button), "en") == []  # "ver más" is no English phrase


def test_every_site_language_has_its_tables():
    from content.checks_language import LANGUAGES

    assert set(LANGUAGES) == {code for code, _name in settings.LANGUAGES}


# Where an editor meets them --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_editor_of_a_spanish_translation_sees_spanish_checks_saved_and_typed(client, editor, settings):
    settings.NEXUS_REQUIRE_2FA = False
    original = PageFactory(slug="detox", title="Medical detox")
    SectionFactory(page=original, heading="Help", body="Call us.")
    with committed():
        services.publish(page=original, user=None)
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    section = translation.sections.get()
    section.body = HARD + " Muchos adictos no piden ayuda. " + PLAIN_BUT_LONG_WORDED
    section.save()

    client.force_login(editor)
    html = client.get(reverse("admin:content_page_change", args=[translation.pk])).content.decode()
    assert "Reads at Fernández-Huerta" in html and "Reads at grade" not in html
    assert "&quot;adictos&quot;" in html and "persona con una adicción" in html

    form = untouched_form(html, "page_form")
    form["sections-0-body"] = [PLAIN_BUT_LONG_WORDED + " Many addicts never ask: [haga clic aquí](/es/)."]
    answer = client.post(reverse("admin:content_page_checks", args=[translation.pk]), form).content.decode()
    assert "&quot;haga clic aquí&quot; does not say where it leads" in answer
    assert "addicts" not in answer and "Reads at" not in answer  # no English term, no English grade

    english = client.get(reverse("admin:content_page_change", args=[original.pk])).content.decode()
    assert "No problems found in the saved draft" in english


@pytest.mark.django_db
def test_the_terms_list_in_the_admin_shows_and_filters_by_language(client, editor, settings):
    settings.NEXUS_REQUIRE_2FA = False
    client.force_login(editor)
    url = reverse("admin:content_stigmaterm_changelist")
    spanish_list = client.get(url, {"language__exact": "es"}).content.decode()
    assert "toxicómano" in spanish_list and "Español" in spanish_list and ">addict<" not in spanish_list
    assert ">addict<" in client.get(url, {"language__exact": "en"}).content.decode()
