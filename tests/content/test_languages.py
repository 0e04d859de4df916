"""Pages per language: Spanish pages at /es/..., lists of the reader's language only, the switcher,
hreflang in the head and the sitemap, JSON-LD, search in each language, errors in the path's language."""

import json
import re

import pytest
from django.db import connection

from content import cache as content_cache
from content import services
from content.models import Page
from nexus.site_url import absolute
from tests.content.factories import PageFactory, SectionFactory, committed, published_page

pytestmark = pytest.mark.django_db
BASE = absolute("")


def spanish(original, **fields):
    return published_page(language="es", translation_of=original, **fields)


def html(response):
    return response.content.decode()


def links(response, selector_class="language-switcher"):
    """The switcher's links: (href, lang, hreflang, text)."""
    block = re.search(rf'<nav class="{selector_class}".*?</nav>', html(response), re.S).group(0)
    return re.findall(r'<a href="([^"]*)" lang="([^"]*)" hreflang="([^"]*)"[^>]*>([^<]*)</a>', block)


def menu(response):
    """The pages the wide menu lists (Home and Search left out)."""
    block = re.search(r'<nav class="site-nav".*?</nav>', html(response), re.S).group(0)
    return [
        href for href in re.findall(r'href="([^"]+)"', block) if href not in {"/", "/search/", "/es/", "/es/search/"}
    ]


def hreflangs(response):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html(response))


@pytest.fixture
def benzo():
    english = published_page(
        slug="benzodiazepines", title="Benzodiazepines", show_in_menu=True, kind=Page.Kind.SUBSTANCE
    )
    translated = spanish(
        english, slug="benzodiacepinas", title="Benzodiacepinas", show_in_menu=True, kind=Page.Kind.SUBSTANCE
    )
    return english, translated


def test_the_spanish_page_lives_under_es_and_the_english_one_is_unchanged(client, benzo):
    english = client.get("/benzodiazepines/")
    spanish_page = client.get("/es/benzodiacepinas/")
    assert "<h1>Benzodiazepines</h1>" in html(english) and '<html lang="en">' in html(english)
    assert "<h1>Benzodiacepinas</h1>" in html(spanish_page) and '<html lang="es">' in html(spanish_page)
    assert spanish_page["Content-Language"] == "es"


def test_a_page_is_found_only_under_its_own_language(client, benzo):
    assert client.get("/benzodiacepinas/").status_code == 404
    assert client.get("/es/benzodiazepines/").status_code == 404
    assert client.get("/es/es/benzodiacepinas/").status_code == 404


def test_the_404_page_speaks_the_language_of_the_path(client):
    assert '<html lang="es">' in html(client.get("/es/no-existe/"))
    assert '<html lang="en">' in html(client.get("/does-not-exist/"))


def test_menus_and_home_lists_show_only_the_readers_language(client, benzo):
    published_page(slug="alcohol", title="Alcohol", kind=Page.Kind.SUBSTANCE, show_in_menu=True)
    english_home, spanish_home = html(client.get("/")), html(client.get("/es/"))
    assert 'href="/benzodiazepines/"' in english_home and "/es/benzodiacepinas/" not in english_home
    assert 'href="/es/benzodiacepinas/"' in spanish_home
    assert 'href="/benzodiazepines/"' not in spanish_home and 'href="/alcohol/"' not in spanish_home
    # The menu on a content page too (remembered once per language, never the other's).
    assert menu(client.get("/es/benzodiacepinas/")) == ["/es/benzodiacepinas/"]
    assert menu(client.get("/alcohol/")) == ["/alcohol/", "/benzodiazepines/"]


def test_index_children_blog_lists_and_related_pages_stay_in_one_language(client):
    blog = published_page(slug="blog", title="Blog", kind=Page.Kind.INDEX)
    post = published_page(slug="first-week", parent=blog, title="The first week", kind=Page.Kind.ARTICLE, author="Team")
    blog_es = spanish(blog, slug="blog", title="Blog en español", kind=Page.Kind.INDEX)
    spanish(
        post,
        slug="la-primera-semana",
        parent=blog_es,
        title="La primera semana",
        kind=Page.Kind.ARTICLE,
        author="Equipo",
    )
    substances = published_page(
        slug="substances", title="Substances", kind=Page.Kind.INDEX, index_of=Page.Kind.SUBSTANCE
    )
    spanish(substances, slug="sustancias", title="Sustancias", kind=Page.Kind.INDEX, index_of=Page.Kind.SUBSTANCE)
    opioids = published_page(slug="opioids", title="Opioids", kind=Page.Kind.SUBSTANCE)
    spanish(opioids, slug="opioides", title="Opioides", kind=Page.Kind.SUBSTANCE)
    with committed():
        page = PageFactory(slug="family", title="Family")
        page.related.add(opioids, Page.objects.get(slug="opioides"))
        services.publish(page=page, user=None)

    assert "La primera semana" in html(client.get("/es/blog/"))
    assert "The first week" not in html(client.get("/es/blog/"))
    assert "La primera semana" not in html(client.get("/blog/"))
    assert [p.live_title for p in Page.objects.blog_articles()] == ["The first week"]
    assert [p.live_title for p in Page.objects.blog_articles("es")] == ["La primera semana"]
    spanish_index = html(client.get("/es/sustancias/"))
    assert "Opioides" in spanish_index and 'href="/opioids/"' not in spanish_index
    assert 'href="/es/opioides/"' not in html(client.get("/substances/"))
    family = html(client.get("/family/"))
    assert 'href="/opioids/"' in family and 'href="/es/opioides/"' not in family


def test_the_switcher_links_to_the_same_page_in_the_other_language_each_in_its_own_language(client, benzo):
    assert links(client.get("/benzodiazepines/")) == [("/es/benzodiacepinas/", "es", "es", "Español")]
    assert links(client.get("/es/benzodiacepinas/")) == [("/benzodiazepines/", "en", "en", "English")]


def test_an_untranslated_page_switches_to_the_spanish_home_and_its_note_without_a_query_string(
    client, django_assert_num_queries
):
    published_page(slug="about", title="About us")
    [(href, lang, _hreflang, _text)] = links(client.get("/about/"))
    assert (href, lang) == ("/es/#no-translation", "es")
    home = client.get("/es/")
    assert 'id="no-translation"' in html(home)
    # The note is shown by CSS :target: the address with the fragment is the one cached home page.
    with django_assert_num_queries(0):
        assert client.get("/es/").content == home.content


def test_the_spanish_search_form_and_the_site_name_stay_in_spanish(client):
    page = html(client.get("/es/search/?q=ayuda"))
    assert '<form method="get" action="/es/search/"' in page
    assert '<a class="site-name" href="/es/">' in page
    assert '<a class="site-name" href="/">' in html(client.get("/search/"))


def test_home_search_and_forms_switch_to_the_same_address_in_the_other_language(client):
    assert links(client.get("/")) == [("/es/", "es", "es", "Español")]
    assert links(client.get("/es/")) == [("/", "en", "en", "English")]
    assert links(client.get("/search/?q=alcohol"))[0][0] == "/es/search/"
    assert links(client.get("/es/search/?q=alcohol"))[0][0] == "/search/"
    assert links(client.get("/admissions/"))[0][0] == "/es/admissions/"
    assert links(client.get("/es/newsletter/"))[0][0] == "/newsletter/"
    assert links(client.get("/es/no-existe/"))[0][0] == "/#no-translation"


def test_translated_pages_name_their_alternates_in_the_head(client, benzo):
    expected = [
        ("en", f"{BASE}/benzodiazepines/"),
        ("es", f"{BASE}/es/benzodiacepinas/"),
        ("x-default", f"{BASE}/benzodiazepines/"),
    ]
    assert hreflangs(client.get("/benzodiazepines/")) == expected
    assert hreflangs(client.get("/es/benzodiacepinas/")) == expected
    assert hreflangs(client.get("/")) == [
        ("en", f"{BASE}/"),
        ("es", f"{BASE}/es/"),
        ("x-default", f"{BASE}/"),
    ]


def test_a_page_in_one_language_has_no_alternates_nor_does_an_unpublished_translation(client):
    english = published_page(slug="about", title="About us")
    with committed():
        PageFactory(slug="sobre-nosotros", language="es", translation_of=english)
    assert hreflangs(client.get("/about/")) == []
    assert links(client.get("/about/"))[0][0] == "/es/#no-translation"


def test_json_ld_says_the_language_of_the_page(client, benzo):
    def in_language(response):
        data = json.loads(
            re.search(r'<script type="application/ld\+json">(.*?)</script>', html(response), re.S).group(1)
        )
        return data["@graph"][0]["inLanguage"]

    assert in_language(client.get("/benzodiazepines/")) == "en-US"
    assert in_language(client.get("/es/benzodiacepinas/")) == "es-US"


def test_the_sitemap_lists_each_language_with_its_alternates(client, benzo):
    published_page(slug="about", title="About us")
    xml = html(client.get("/sitemap.xml"))
    assert f"<loc>{BASE}/es/</loc>" in xml
    assert f"<loc>{BASE}/es/benzodiacepinas/</loc>" in xml
    entry = re.search(rf"<url><loc>{BASE}/es/benzodiacepinas/</loc>.*?</url>", xml, re.S).group(0)
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{BASE}/benzodiazepines/"/>' in entry
    assert f'<xhtml:link rel="alternate" hreflang="es" href="{BASE}/es/benzodiacepinas/"/>' in entry
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}/benzodiazepines/"/>' in entry
    about = re.search(rf"<url><loc>{BASE}/about/</loc>.*?</url>", xml, re.S).group(0)
    assert "xhtml:link" not in about
    # One sitemap and one robots.txt, outside any language (/es/sitemap.xml is a page address: none).
    assert client.get("/es/sitemap.xml", follow=True).status_code == 404
    assert client.get("/es/robots.txt", follow=True).status_code == 404


def test_the_feed_is_the_english_blog_only(client):
    blog = published_page(slug="blog", title="Blog", kind=Page.Kind.INDEX)
    post = published_page(slug="first-week", parent=blog, title="The first week", kind=Page.Kind.ARTICLE, author="Team")
    blog_es = spanish(blog, slug="blog", title="Blog", kind=Page.Kind.INDEX)
    spanish(post, slug="primera", parent=blog_es, title="La primera semana", kind=Page.Kind.ARTICLE, author="Equipo")
    feed = html(client.get("/blog/feed/"))
    assert "The first week" in feed and "La primera semana" not in feed


def test_content_cache_keys_and_remembered_values_are_per_language(client, benzo):
    from django.utils import translation

    with translation.override("en"):
        english_key = content_cache.key("home")
        english_menu = content_cache.remembered("site", lambda: "en-menu")
    with translation.override("es"):
        spanish_key = content_cache.key("home")
        spanish_menu = content_cache.remembered("site", lambda: "es-menu")
    assert english_key != spanish_key
    assert (english_menu, spanish_menu) == ("en-menu", "es-menu")


def test_the_admin_preview_of_a_spanish_draft_is_in_spanish(admin_client, benzo):
    _english, translated = benzo
    response = admin_client.get(f"/preview/{translated.pk}/")
    assert '<html lang="es">' in html(response)


@pytest.fixture
def addiction_pages():
    with committed():
        english = PageFactory(slug="addiction", title="Understanding addiction", summary="How it starts.")
        SectionFactory(page=english, heading="Treatment", body="Addictions respond to treatment and support.")
        services.publish(page=english, user=None)
        translated = PageFactory(
            slug="adiccion",
            title="Entender la adicción",
            summary="Cómo empieza.",
            language="es",
            translation_of=english,
        )
        SectionFactory(page=translated, heading="Tratamiento", body="La adicción responde al tratamiento y al apoyo.")
        services.publish(page=translated, user=None)
    return english, translated


def search_paths(client, path, query):
    return [page.url_path for page in client.get(path, {"q": query}).context["results"]]


def test_spanish_search_finds_spanish_pages_only_and_english_search_english_pages_only(client, addiction_pages):
    assert search_paths(client, "/es/search/", "tratamiento") == ["/es/adiccion/"]
    assert search_paths(client, "/search/", "tratamiento") == []
    assert search_paths(client, "/search/", "treatment") == ["/addiction/"]
    assert search_paths(client, "/es/search/", "treatment") == [], "an English query on /es/ finds no English page"


def test_spanish_search_stems_in_spanish(client, addiction_pages):
    """On PostgreSQL (CI, and DATABASE_URL here) the vector and the query use the `spanish`
    configuration: the plural finds the singular. The SQLite fallback matches words as typed."""
    if connection.vendor == "postgresql":
        assert search_paths(client, "/es/search/", "adicciones") == ["/es/adiccion/"]
        assert search_paths(client, "/es/search/", "tratamientos") == ["/es/adiccion/"]
        # English stemming on English pages, as before ("addictions" -> "addict").
        assert search_paths(client, "/search/", "addictions") == ["/addiction/"]
        assert search_paths(client, "/search/", "adicciones") == []
    else:
        assert search_paths(client, "/es/search/", "adicción") == ["/es/adiccion/"]
        assert search_paths(client, "/search/", "adicción") == []


def test_robots_txt_keeps_the_spanish_search_and_form_results_out_too(client):
    text = client.get("/robots.txt").content.decode()
    for path in ["/search/", "/es/search/", "/es/preview/", "/es/admissions/thank-you/", "/es/newsletter/confirm/"]:
        assert f"Disallow: {path}\n" in text


def test_spanish_pages_and_the_switcher_pass_the_nu_checker(client, benzo, tmp_path):
    from tests.nexus.test_valid_html import check

    published_page(slug="about", title="About us")
    files = []
    for number, (path, status) in enumerate(
        [
            ("/es/", 200),
            ("/es/benzodiacepinas/", 200),
            ("/benzodiazepines/", 200),
            ("/about/", 200),
            ("/es/search/?q=benzodiacepinas", 200),
            ("/es/no-existe/", 404),
        ]
    ):
        response = client.get(path)
        assert response.status_code == status, path
        files.append(tmp_path / f"{number}.html")
        files[-1].write_bytes(response.content)
    assert check(files) == []


def test_the_frame_links_to_the_readers_privacy_notice_and_hours(client):
    """Words editors write in site settings, and the pages the frame names, follow the language."""
    from content.models import SiteSettings

    privacy = published_page(slug="privacy-notice", title="Privacy notice", is_clinical=False)
    spanish(privacy, slug="aviso-de-privacidad", title="Aviso de privacidad", is_clinical=False)
    SiteSettings.objects.create(hours="Open all night.", hours_es="Abierto toda la noche.")
    with committed():
        pass
    english, spanish_home = html(client.get("/")), html(client.get("/es/"))
    assert "Open all night." in english and "Abierto toda la noche." not in english
    assert "Abierto toda la noche." in spanish_home and "Open all night." not in spanish_home
    assert 'href="/privacy-notice/"' in english and "/es/aviso-de-privacidad/" not in english
    assert 'href="/es/aviso-de-privacidad/"' in spanish_home and 'href="/privacy-notice/"' not in spanish_home
    # The inquiry form's consent paragraph names the same page.
    assert 'href="/es/aviso-de-privacidad/"' in html(client.get("/es/admissions/"))
    assert 'href="/privacy-notice/"' in html(client.get("/admissions/"))


def test_trust_signals_are_shown_in_the_readers_language_or_marked_as_english(client):
    """A first-call step written in Spanish replaces the English ones on Spanish pages; insurance
    with no Spanish rows yet stays, marked lang="en" so it is read out as English."""
    from content.models import CallStep, InsurancePlan

    with committed():
        CallStep.objects.create(title="Someone answers", body="Day or night.", language="en")
        CallStep.objects.create(title="Le atiende una persona", body="De día o de noche.", language="es")
        InsurancePlan.objects.create(name="Aetna", note="most plans", language="en")
    english, spanish_home = html(client.get("/")), html(client.get("/es/"))
    assert "Someone answers" in english and "Le atiende una persona" not in english
    assert "Le atiende una persona" in spanish_home and "Someone answers" not in spanish_home
    assert '<li lang="en">Aetna (most plans)' in spanish_home
    assert '<li lang="en">' not in english
    # An unpublished Spanish step does not hide the English ones it would replace... nor show.
    CallStep.objects.filter(language="es").update(is_published=False)
    with committed():
        CallStep.objects.get(language="en").save()  # moves the content generation on
    assert "Someone answers" in html(client.get("/es/"))


def test_a_spanish_pages_frozen_body_is_in_spanish_though_published_from_the_english_admin(client):
    """The body is rendered once, at publish, by an editor in the English admin: its own words
    ("Contents", the sources' heading) must still be the page's language, not the editor's."""
    original = published_page(slug="alcohol", title="Alcohol", is_clinical=False)
    with committed():
        page = PageFactory(slug="alcohol", title="Alcohol", language="es", translation_of=original, is_clinical=False)
        SectionFactory(page=page, heading="Qué es", body="Texto.")
        SectionFactory(page=page, heading="Cómo ayudar", body="Texto.", order=1)
        SectionFactory(page=page, heading="Dónde llamar", body="Texto.", order=2)  # a list from three
        services.publish(page=page, user=None)  # English is active, as in the admin
    body = html(client.get("/es/alcohol/"))
    assert ">Contenido</h2>" in body and ">Contents</h2>" not in body
    # An English body kept from before is rendered again in Spanish on its next request.
    revision = Page.objects.get(pk=page.pk).live_revision
    revision.body = {**revision.body, "language": "en"}
    revision.save()
    assert revision.rendered_body("es")["language"] == "es"


def test_a_spanish_page_names_no_reviewer_who_no_longer_reads_spanish(client):
    """The review line read with the page counts only while its reviewer reads the page's language."""
    from tests.content.factories import ReviewerFactory

    original = published_page(slug="alcohol", title="Alcohol", is_clinical=True)
    bilingual = ReviewerFactory(name="Dra. Ana Bilingüe", languages=["en", "es"])
    spanish(original, slug="alcohol", title="Alcohol", is_clinical=True, reviewer=bilingual)
    assert "Dra. Ana Bilingüe" in html(client.get("/es/alcohol/"))
    with committed():
        bilingual.languages = ["en"]
        bilingual.save()  # moves the content generation on
    assert "Dra. Ana Bilingüe" not in html(client.get("/es/alcohol/"))
