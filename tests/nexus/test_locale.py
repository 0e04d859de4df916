"""The first visit follows Accept-Language once (nexus.locale): who is redirected, who is not, and
what every cache in front of the page may keep."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from ops.nginx import write_config
from tests.content.factories import published_page

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9,en;q=0.5"}
FROM_OUR_SITE = {"HTTP_REFERER": "http://testserver/es/"}


@pytest.fixture
def benzo():
    english = published_page(slug="benzodiazepines", title="Benzodiazepines")
    spanish = published_page(slug="benzodiazepinas", title="Benzodiacepinas", language="es", translation_of=english)
    return english, spanish


def assert_no_cookie(response):
    assert not response.cookies, f"a reading page set {list(response.cookies)}"


def test_a_spanish_browser_arriving_from_outside_goes_to_the_translation(client, benzo):
    response = client.get("/benzodiazepines/", **SPANISH, HTTP_REFERER="https://www.google.com/")
    assert response.status_code == 302
    assert response["Location"] == "/es/benzodiazepinas/"
    assert "Accept-Language" in response["Vary"]
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert_no_cookie(response)


def test_a_page_without_translation_sends_a_spanish_browser_to_the_spanish_home(client):
    published_page(slug="about", title="About us")
    response = client.get("/about/", **SPANISH)
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_an_unpublished_translation_is_not_where_a_spanish_browser_is_sent(client):
    from tests.content.factories import PageFactory, committed

    english = published_page(slug="about", title="About us")
    with committed():
        PageFactory(slug="sobre-nosotros", language="es", translation_of=english)
    response = client.get("/about/", **SPANISH)
    assert response["Location"] == "/es/"


def test_the_home_page_sends_a_spanish_browser_to_es_and_keeps_the_campaign_parameters(client):
    response = client.get("/?utm_source=radio&utm_campaign=otono", **SPANISH)
    assert response.status_code == 302
    assert response["Location"] == "/es/?utm_source=radio&utm_campaign=otono"


@pytest.mark.parametrize(
    "header",
    ["es", "es-MX", "es-419,es;q=0.8", "en;q=0.9, es;q=1", "fr-FR,es;q=0.7,en;q=0.3", "ES-us"],
)
def test_every_way_of_preferring_spanish_redirects(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302, header
    assert response["Location"] == "/es/"


@pytest.mark.parametrize(
    "header",
    ["", "en-US,en;q=0.9", "en;q=1, es;q=0.9", "fr-FR,fr;q=0.9", "es;q=0", "*", "de, *;q=0.5", "x" * 600, ";;,,"],
)
def test_browsers_that_do_not_prefer_spanish_get_the_english_page_shared_caches_may_keep(client, header):
    extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = client.get("/", **extra)
    assert response.status_code == 200, header
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    assert response["Cache-Control"].startswith("public")
    assert_no_cookie(response)


def test_once_on_the_site_a_spanish_browser_that_chose_english_stays_in_english(client, benzo):
    """The switcher's English link: same-site Referer, so the English page, private to this browser
    (the next Spanish browser arriving from outside must still be redirected)."""
    response = client.get("/benzodiazepines/", **SPANISH, HTTP_REFERER="http://testserver/es/benzodiazepinas/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert_no_cookie(response)
    # The same address from outside, right after: still redirected (nothing remembered, nothing cached).
    assert client.get("/benzodiazepines/", **SPANISH).status_code == 302


def test_a_referer_from_the_public_address_counts_as_our_site(client, settings):
    settings.NEXUS_SITE_URL = "https://nexus-recovery.example"
    response = client.get("/", **SPANISH, HTTP_REFERER="https://nexus-recovery.example/es/")
    assert response.status_code == 200


def test_sec_fetch_site_same_origin_counts_as_our_site_when_the_referer_is_withheld(client):
    response = client.get("/", **SPANISH, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200


def test_a_look_alike_referer_is_outside(client):
    for referer in ["http://testserver.evil.example/", "http://evil.example/?http://testserver/", "not a url"]:
        response = client.get("/", **SPANISH, HTTP_REFERER=referer)
        assert response.status_code == 302, referer


def test_a_bot_without_accept_language_reads_english(client, benzo):
    response = client.get("/benzodiazepines/", HTTP_USER_AGENT="Googlebot/2.1")
    assert response.status_code == 200
    assert "Benzodiazepines" in response.content.decode()


def test_spanish_pages_are_never_redirected_whatever_the_browser_prefers(client, benzo):
    response = client.get("/es/benzodiazepinas/", HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")  # the address alone decides
    assert response["Cache-Control"].startswith("public")
    assert_no_cookie(response)


def test_posts_are_never_redirected(client):
    response = client.post("/newsletter/", {"email": "someone@example.com"}, **SPANISH)
    assert response.status_code != 302 or not response["Location"].startswith("/es/")


def test_forms_and_search_are_not_reading_pages(client):
    assert client.get("/admissions/", **SPANISH).status_code == 200
    assert client.get("/search/?q=help", **SPANISH).status_code == 200


def test_healthz_ignores_the_browser_language(client):
    response = client.get("/healthz", **SPANISH)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_the_admin_and_sign_in_are_english_for_a_spanish_browser_even_with_a_language_cookie(client, settings):
    client.cookies["django_language"] = "es"
    signin = client.get(f"/{settings.NEXUS_ADMIN_PATH}login/", **SPANISH)
    assert signin.status_code == 200
    assert signin["Content-Language"] == "en"
    assert 'lang="en"' in signin.content.decode()
    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-123-long-enough")
    client.force_login(user)
    admin_home = client.get(f"/{settings.NEXUS_ADMIN_PATH}", **SPANISH)
    assert admin_home["Content-Language"] == "en"
    assert "Log out" in admin_home.content.decode() or "Sign out" in admin_home.content.decode()
    assert "Terminar sesión" not in admin_home.content.decode()
    assert client.get(f"/es/{settings.NEXUS_ADMIN_PATH}").status_code == 404


def test_a_spanish_page_under_an_english_referer_stays_spanish(client, benzo):
    """Arriving at /es/... is a choice made by the address: it is never undone."""
    response = client.get("/es/benzodiazepinas/", HTTP_ACCEPT_LANGUAGE="en", HTTP_REFERER="https://elsewhere.example/")
    assert response.status_code == 200


@pytest.fixture
def nginx_in_front(live_server):
    """The production-shaped nginx micro-cache (ops/nginx.py) in front of the test server."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    upstream = int(live_server.url.rsplit(":", 1)[1])
    # nginx's workers (another user when the tests run as root) must reach their cache directory.
    directory = Path(tempfile.mkdtemp(prefix="nexus-locale-nginx-"))
    os.chmod(directory, 0o755)  # noqa: S103 - a temporary directory the tests own, nothing secret in it
    config = write_config(directory, listen=port, upstreams=[upstream], micro_cache=True)
    process = subprocess.Popen(
        ["nginx", "-c", str(config), "-p", str(directory), "-e", str(directory / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as attempt:
            if attempt.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    else:
        pytest.fail(f"nginx did not start: {(directory / 'error.log').read_text()}")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(directory, ignore_errors=True)


def through(base, path, **headers):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    headers = {name.replace("_", "-"): value for name, value in headers.items()}
    request = urllib.request.Request(base + path, headers=headers)  # noqa: S310 - http://127.0.0.1 only
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.django_db(transaction=True)
def test_the_nginx_micro_cache_never_gives_one_language_the_others_answer(nginx_in_front):
    """English readers share cached copies; a Spanish browser arriving from outside is always
    redirected, even right after another Spanish browser that chose English read the same page."""
    published_page(slug="about", title="About us")
    english = {"Accept_Language": "en-US,en;q=0.9"}
    spanish_outside = {"Accept_Language": "es-MX,es;q=0.9"}
    spanish_on_site = {**spanish_outside, "Referer": nginx_in_front + "/es/"}

    assert through(nginx_in_front, "/about/", **english)[0] == 200
    status, headers, _ = through(nginx_in_front, "/about/", **english)
    assert (status, headers["X-Cache"]) == (200, "HIT")

    status, headers, _ = through(nginx_in_front, "/about/", **spanish_outside)
    assert (status, headers["Location"]) == (302, "/es/")

    for _ in range(2):
        status, headers, body = through(nginx_in_front, "/about/", **spanish_on_site)
        assert status == 200 and '<html lang="en">' in body
        assert headers["X-Cache"] != "HIT"
    status, headers, _ = through(nginx_in_front, "/about/", **spanish_outside)
    assert (status, headers["Location"]) == (302, "/es/")

    status, headers, body = through(nginx_in_front, "/about/", **english)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert '<html lang="en">' in body
    # A bot without Accept-Language reads English, never a redirect someone else was given.
    assert through(nginx_in_front, "/about/")[0] == 200


@pytest.mark.django_db(transaction=True)
def test_nginx_lets_the_insurance_form_take_its_photos_in_every_language(nginx_in_front):
    """nginx refuses bodies over 1 MB except on the insurance form: /es/admissions/insurance/ too.
    (Django then refuses this body itself: it is not the form's multipart upload.)"""
    for path in ["/admissions/insurance/", "/es/admissions/insurance/"]:
        request = urllib.request.Request(nginx_in_front + path, data=b"x" * 2_000_000, method="POST")  # noqa: S310
        try:
            urllib.request.urlopen(request, timeout=10)  # noqa: S310
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            assert "<center>nginx" not in body, f"nginx refused {path} ({error.code})"
    request = urllib.request.Request(nginx_in_front + "/es/newsletter/", data=b"x" * 2_000_000, method="POST")  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    assert refused.value.code == 413 and "<center>nginx" in refused.value.read().decode()
