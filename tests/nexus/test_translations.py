"""Spanish interface strings (#14): every string has a translation, the catalogue compiles, and
every public page and form state reads as Spanish outside the page's own content.

The catalogue test runs `makemessages` on a copy of the source (never on the repository's .po),
so a string added to a template without a translation fails here, named, before it ships.
"""

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from content.models import Page, SiteSettings
from content.models.site_settings import DEFAULT_HOURS
from intake import spam
from intake.models import Inquiry
from newsletter.models import Issue
from tests.i18n import read_po, spanish_get, spanish_post
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, THANKS_URL, inquiry_data, stamp
from tests.intake.vob_helpers import INSURANCE_URL, insurance_data, named
from tests.newsletter.helpers import SAME_ORIGIN, SIGNUP_URL, link_in, path_of, signup_data

ROOT = Path(__file__).resolve().parent.parent.parent
PO = ROOT / "locale/es/LC_MESSAGES/django.po"
MAKEMESSAGES = ["makemessages", "-l", "es", "--ignore=.venv", "--ignore=var", "--ignore=tests"]
MAKEMESSAGES += ["--ignore=bench", "--ignore=ops"]

PUBLIC_PYTHON = {
    "intake/forms.py",
    "intake/forms_vob.py",
    "intake/vob.py",
    "newsletter/forms.py",
    "newsletter/emails.py",
    "newsletter/validators.py",
    "nexus/context_processors.py",
}
# Model choices the public forms show (the inquiry, callback and insurance forms).
PUBLIC_CHOICES = [
    Inquiry.WhoNeedsHelp,
    Inquiry.ContactMethod,
    Inquiry.BestTime,
    Inquiry.Substance,
    Inquiry.CareLevel,
]


def is_public(entry):
    public_choices = set()
    with translation.override(None):
        public_choices = {str(label) for choices in PUBLIC_CHOICES for label in choices.labels}
    if entry.msgid in public_choices:
        return True
    return any(
        (ref.startswith("templates/") and not ref.startswith("templates/admin/")) or ref in PUBLIC_PYTHON
        for ref in entry.references
    )


def source_copy(destination):
    """The source as it stands (tracked files and new ones git does not ignore), copied."""
    listed = subprocess.run(  # noqa: S603
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def makemessages(copy):
    """The Spanish catalogue as `makemessages` leaves it in a copy of the source."""
    if not shutil.which("msgmerge"):
        pytest.fail("GNU gettext is missing (msgmerge): apt-get install gettext")
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "nexus.settings.test", "PYTHONPATH": str(copy)}
    run = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *MAKEMESSAGES], cwd=copy, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    return read_po((copy / PO.relative_to(ROOT)).read_text(encoding="utf-8"))


def needing_translation(entries):
    return [entry for entry in entries if entry.untranslated or entry.fuzzy]


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    """The Spanish catalogue as `makemessages` leaves it when run on today's source."""
    return makemessages(source_copy(tmp_path_factory.mktemp("source")))


def test_makemessages_finds_no_untranslated_or_fuzzy_string(fresh_catalogue):
    public = [entry for entry in fresh_catalogue if is_public(entry)]
    assert len(public) > 250, "the catalogue lost its public strings: was makemessages run on the templates?"
    missing = needing_translation(fresh_catalogue)
    assert not missing, f"{len(missing)} string(s) without a Spanish translation (docs/translating.md):\n" + "\n".join(
        f"  {'fuzzy' if entry.fuzzy else 'empty'}: {entry}" for entry in missing
    )


def test_a_new_or_changed_template_string_is_named_until_it_is_translated(tmp_path):
    """The check above really checks: a new sentence is reported empty, a reworded one fuzzy."""
    copy = source_copy(tmp_path)
    (copy / "templates/includes/new_words.html").write_text('{% load i18n %}{% translate "Brand new words" %}')
    base = copy / "templates/base.html"
    base.write_text(base.read_text().replace("Skip to main content", "Skip to the main content"))
    missing = {entry.msgid: entry for entry in needing_translation(makemessages(copy))}
    assert missing["Brand new words"].untranslated or missing["Brand new words"].fuzzy
    assert missing["Skip to the main content"].fuzzy
    assert not PO.read_text(encoding="utf-8").count("Brand new words"), "the repository's .po was rewritten"


def test_the_repository_catalogue_is_what_makemessages_would_write(fresh_catalogue):
    """The .po in the repository lists every string of the source: nobody forgot makemessages."""
    committed = {(entry.msgctxt, entry.msgid) for entry in read_po(PO.read_text(encoding="utf-8"))}
    fresh = {(entry.msgctxt, entry.msgid) for entry in fresh_catalogue}
    assert fresh - committed == set(), "run makemessages (docs/translating.md): the .po misses these"
    assert committed - fresh == set(), "run makemessages: the .po keeps strings the source no longer has"


def test_the_catalogue_compiles_with_matching_placeholders(tmp_path):
    """msgfmt --check: every %(name)s of the English is in the Spanish, the header is complete."""
    run = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(PO)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_a_broken_placeholder_is_caught_by_the_check(tmp_path):
    """The check above really checks: a translation that drops %(phone)s does not compile."""
    broken = tmp_path / "broken.po"
    text = PO.read_text(encoding="utf-8")
    entry = 'msgid "Call %(phone)s"\nmsgstr "Llamar al %(phone)s"'
    assert entry in text
    broken.write_text(text.replace(entry, 'msgid "Call %(phone)s"\nmsgstr "Llamar al %(telefono)s"'), encoding="utf-8")
    run = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", str(tmp_path / "broken.mo"), str(broken)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "'phone'" in run.stderr, run.stderr


# Rendered pages --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def compiled_catalogue(request):
    """Pages in Spanish need the built .mo: say so, rather than report the site as English."""
    if "client" not in request.fixturenames:
        return
    mo = PO.with_suffix(".mo")
    if not mo.is_file() or mo.stat().st_mtime < PO.stat().st_mtime:
        pytest.fail(f"{mo.relative_to(ROOT)} is missing or older than its .po: run `make messages` (make test does)")


# Words that never occur in Spanish interface text. Matched as whole words, case-blind.
ENGLISH = re.compile(
    r"\b(the|your|you|and|call|help|email|please|our|with|send|sign up|search|what|here|free|"
    r"page|newsletter|confirm|danger|admission|insurance|unsubscribe|home|problem|skip)\b",
    re.IGNORECASE,
)
# Elements whose words are the page's own content (editors', reviewers' and demo data, English
# until a Spanish version of the page exists), not the interface around it.
CONTENT_CLASSES = {
    "page-intro",
    "page-section",
    "care-card",
    "testimonial",
    "page-figure",
    "contents-list",
    "sources",
    "page-card",
    "link-list",
    "steps",
    "trust-list",
    "insurance-list",
    "team-list",
    "footer-trust",
    "trust-aside-line",
    "issue-body",
}
INTERFACE_INSIDE_CONTENT = {"review-line"}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class InterfaceText(HTMLParser):
    """The text a reader meets outside the page's content: text nodes and labelling attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts = [], []

    def skipping(self):
        for classes, tag in reversed(self.stack):
            if classes & INTERFACE_INSIDE_CONTENT:
                return False
            if classes & CONTENT_CLASSES or tag in ("script", "style"):
                return True
        return False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        entry = (set((attrs.get("class") or "").split()), tag)
        if tag not in ("br", "img", "input", "meta", "link", "source", "hr", "wbr"):
            self.stack.append(entry)
        if not self.skipping() and not (entry[0] & CONTENT_CLASSES):
            self.texts += [attrs[name] for name in ATTRIBUTES if attrs.get(name)]

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[1] == tag:
                break

    def handle_data(self, data):
        if data.strip() and not self.skipping():
            self.texts.append(" ".join(data.split()))


def content_strings():
    """Words on the pages that editors wrote: page titles and summaries, issue subjects."""
    strings = set()
    for page in Page.objects.live():
        strings |= {page.live_title, page.live_summary or "", page.seo_title}
    # The admissions hours are a site setting editors write (one language until settings have two).
    strings |= {DEFAULT_HOURS, *SiteSettings.objects.values_list("hours", flat=True)}
    for issue in Issue.objects.archived():
        strings |= {issue.subject, issue.preheader}
    return {text for text in strings if text and len(text) > 3}


def english_left(html, content):
    parser = InterfaceText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        for piece in sorted(content, key=len, reverse=True):  # longest first: a title inside a sentence
            text = text.replace(piece, " ")
        found += [f"{match.group(0)!r} in {text[:90]!r}" for match in ENGLISH.finditer(text)]
    return found


def got(response, status=200):
    assert response.status_code == status, (response.request["PATH_INFO"], response.status_code)
    return response.content.decode()


def spanish_pages(client, on_commit):
    """(name, html) of every public page and form state, asked for in Spanish."""
    pages = [("home", got(spanish_get(client, "/")))]
    # The Spanish pages at their own addresses (already under /es/).
    for url in Page.objects.live().in_language("es").values_list("url_path", flat=True):
        pages.append((url, got(client.get(url))))
    pages += [
        ("search", got(spanish_get(client, "/search/"))),
        ("search-results", got(spanish_get(client, "/search/?q=benzodiazepine"))),
        ("search-nothing", got(spanish_get(client, "/search/?q=qqqzzzxxy"))),
        ("not-found", got(spanish_get(client, "/no-such-page/"), 404)),
    ]
    for name, url in (("inquiry", INQUIRY_URL), ("callback", CALLBACK_URL)):
        pages.append((name, got(spanish_get(client, url))))
        pages.append((f"{name}-errors", got(spanish_post(client, url, {"stamp": stamp(), "phone": "12"}))))
    pages.append(("inquiry-thanks", got(spanish_post(client, INQUIRY_URL, inquiry_data(), follow=True))))
    urgent = inquiry_data(in_danger="yes")
    pages.append(("inquiry-thanks-urgent", got(spanish_post(client, INQUIRY_URL, urgent, follow=True))))
    callback = {"stamp": stamp(), "name": "Sam", "phone": "202 555 0143", "best_time": "any"}
    callback |= {"privacy_consent": "on", "contact_consent": "on", "website": ""}
    pages.append(("callback-thanks", got(spanish_post(client, CALLBACK_URL, callback, follow=True))))
    pages.append(("insurance", got(spanish_get(client, INSURANCE_URL))))
    refused = insurance_data(name="", phone="", card_front=named(b"not a photo", "card.jpg"))
    pages.append(("insurance-errors", got(spanish_post(client, INSURANCE_URL, refused))))
    assert spanish_post(client, INSURANCE_URL, insurance_data()).status_code == 302
    pages.append(("insurance-thanks", got(spanish_get(client, THANKS_URL))))
    pages.append(("newsletter", got(spanish_get(client, SIGNUP_URL))))
    empty = signup_data(email="", consent=None)
    pages.append(("newsletter-errors", got(spanish_post(client, SIGNUP_URL, empty, **SAME_ORIGIN))))
    pages.append(("newsletter-forbidden", got(spanish_post(client, SIGNUP_URL, signup_data()), 403)))
    mail.outbox.clear()
    with on_commit(execute=True):
        sent = spanish_post(client, SIGNUP_URL, signup_data(email="es@example.com"), follow=True, **SAME_ORIGIN)
    pages.append(("newsletter-check-inbox", got(sent)))
    # The email sent in Spanish links to the Spanish confirmation page.
    confirm = path_of(link_in(mail.outbox[-1], "/es/newsletter/confirm/"))
    assert confirm.startswith("/es/newsletter/confirm/"), confirm
    pages.append(("newsletter-confirm", got(client.get(confirm))))
    pages.append(("newsletter-confirmed", got(client.post(confirm, {}, follow=True, **SAME_ORIGIN))))
    pages.append(("newsletter-bad-link", got(spanish_get(client, "/newsletter/confirm/not-a-token/"), 400)))
    pages.append(("newsletter-archive", got(spanish_get(client, "/newsletter/archive/"))))
    return pages


@pytest.mark.django_db
def test_every_public_page_and_form_state_has_a_spanish_interface(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    pages = spanish_pages(client, django_capture_on_commit_callbacks)
    content = content_strings()
    problems = {name: found for name, html in pages if (found := english_left(html, content))}
    assert not problems, "English interface text under Spanish:\n" + "\n".join(
        f"{name}: {'; '.join(found[:6])}" for name, found in problems.items()
    )


@pytest.mark.django_db
def test_the_spanish_crisis_bar_says_call_or_text_988_and_keeps_911(client):
    html = got(spanish_get(client, "/search/"))
    bar = html[html.index('<aside class="crisis-bar"') : html.index("</aside>")]
    text = re.sub(r"<[^>]+>", "", bar)
    assert "llame o envíe un mensaje de texto al 988" in " ".join(text.lower().split())
    assert 'href="tel:911"' in bar and 'href="sms:988"' in bar and 'href="tel:988"' in bar
    assert "Línea Nacional de Ayuda de SAMHSA" in text and "en español" in text
    assert 'aria-label="Ayuda en crisis"' in bar


def test_the_word_check_finds_english_it_is_meant_to_find():
    """The page check is not vacuous: an English frame is caught, content words are not."""
    html = (
        '<aside aria-label="Crisis help"><p>Llame al 911</p></aside>'
        '<div class="page-section"><p>Call your doctor and the team.</p></div>'
        '<p class="review-line">Clinically reviewed</p>'
    )
    found = english_left(html, set())
    assert any("'help'" in item for item in found), found
    assert not any("doctor" in item for item in found), found


@pytest.mark.django_db
def test_the_confirmation_email_is_in_spanish_when_sent_in_spanish(client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    # The sign-up task sends the email as the request leaves it (override outermost, as a worker
    # renders it once the subscriber's language is activated around the send).
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        spanish_post(client, SIGNUP_URL, signup_data(email="correo@example.com"), **SAME_ORIGIN)
    message = mail.outbox[-1]
    assert message.subject == "Confirme su suscripción al boletín de Nexus Recovery"
    html = message.alternatives[0][0]
    assert '<html lang="es">' in html and "Confirmar mi suscripción" in html
    assert "llame o envíe un mensaje de texto al" in message.body
    assert not english_left(html, set()), english_left(html, set())


@pytest.mark.django_db
def test_every_spanish_page_and_form_state_is_valid_html(
    client, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    """Translations put HTML inside sentences: the Spanish pages pass the Nu checker too."""
    from tests.nexus.test_valid_html import check, vnu_command

    monkeypatch.setattr(spam, "MIN_SECONDS", 0)
    vnu_command()  # skips (or fails in CI) when vnu is missing, as the English check does
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    files = {}
    for index, (name, html) in enumerate(spanish_pages(client, django_capture_on_commit_callbacks)):
        path = tmp_path / f"es-{index:02d}.html"
        path.write_text(html)
        files[path.name] = name
    messages = check([tmp_path / name for name in files])
    problems = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "warning" or m.get("type") == "non-document-error"
    ]
    assert not problems, "\n".join(problems)
