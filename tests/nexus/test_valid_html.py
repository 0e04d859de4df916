"""Every public page and form state passes the Nu HTML Checker (vnu) with 0 errors and 0 warnings.

The pages are rendered with Django's test client (the demo content loaded), saved as files and
checked in ONE Java start (vnu accepts many files). vnu is npm's `vnu-jar` run by Debian's Java
(`.ci/run` installs both; docs/forms-and-email.md). Without it the test is skipped with how to
install it, and fails instead when NEXUS_REQUIRE_BROWSER (CI) or NEXUS_REQUIRE_VNU is set.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from content.models import Page
from intake import spam
from newsletter.models import Issue
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, THANKS_URL, inquiry_data, stamp
from tests.intake.vob_helpers import INSURANCE_URL, named, post_insurance
from tests.newsletter.helpers import SAME_ORIGIN, SIGNUP_URL, link_in, path_of, signup_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = Path(os.environ.get("NEXUS_VNU_JAR", ROOT / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"))
INSTALL = (
    "install it with `apt-get install default-jre-headless` and "
    "`npm install --prefix var/tools --ignore-scripts vnu-jar` (or set NEXUS_VNU_JAR)"
)


def vnu_command():
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json"]
    message = f"the Nu HTML Checker is missing (java: {java}, {VNU_JAR}): {INSTALL}"
    if os.environ.get("NEXUS_REQUIRE_BROWSER") or os.environ.get("NEXUS_REQUIRE_VNU"):
        pytest.fail(message)
    pytest.skip(message)


def check(files):
    """vnu's messages (errors and warnings) for the files, in one run."""
    run = subprocess.run([*vnu_command(), *map(str, files)], capture_output=True, text=True, timeout=300)  # noqa: S603
    return json.loads(run.stderr)["messages"]


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def post(client, path, data, status=200, **extra):
    response = client.post(path, data, follow=status == 200 and not extra.get("no_follow"), **extra)
    assert response.status_code == status, (path, response.status_code)
    return response.content.decode()


def public_pages(client, on_commit):
    """(name, html) for every public page and form state a visitor can reach."""
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    pages = [("home", get(client, "/"))]
    for url in Page.objects.live().exclude(url_path="/").values_list("url_path", flat=True):
        pages.append((url, get(client, url)))
    pages += [
        ("search", get(client, "/search/")),
        ("search-results", get(client, "/search/?q=benzodiazepine+withdrawal")),
        ("search-nothing", get(client, "/search/?q=qqqzzzxxy")),
        ("search-markup", get(client, "/search/?q=%3Cb%3E%22%27%26")),
        ("not-found", get(client, "/no-such-page/", status=404)),
    ]
    # The forms: empty, in error, sent.
    for name, url in (("inquiry", INQUIRY_URL), ("callback", CALLBACK_URL)):
        pages.append((name, get(client, url)))
        pages.append((f"{name}-errors", post(client, url, {"stamp": stamp(), "phone": "12"})))
    pages.append(("inquiry-thanks", post(client, INQUIRY_URL, inquiry_data())))
    pages.append(("inquiry-thanks-urgent", post(client, INQUIRY_URL, inquiry_data(in_danger="yes"))))
    callback = {"stamp": stamp(), "name": "Sam", "phone": "202 555 0143", "best_time": "any"}
    callback |= {"privacy_consent": "on", "contact_consent": "on", "website": ""}
    pages.append(("callback-thanks", post(client, CALLBACK_URL, callback)))
    pages.append(("insurance", get(client, INSURANCE_URL)))
    refused = post_insurance(client, name="", phone="", card_front=named(b"not a photo", "card.jpg"))
    assert refused.status_code == 200, refused.status_code
    pages.append(("insurance-errors", refused.content.decode()))
    assert post_insurance(client).status_code == 302
    pages.append(("insurance-thanks", get(client, THANKS_URL)))
    pages.append(("newsletter", get(client, SIGNUP_URL)))
    pages.append(("newsletter-errors", post(client, SIGNUP_URL, signup_data(email="", consent=None), **SAME_ORIGIN)))
    pages.append(("newsletter-forbidden", post(client, SIGNUP_URL, signup_data(), status=403)))
    mail.outbox.clear()
    with on_commit(execute=True):
        sent = post(client, SIGNUP_URL, signup_data(email="vnu@example.com"), **SAME_ORIGIN)
    pages.append(("newsletter-check-inbox", sent))
    confirm = path_of(link_in(mail.outbox[-1], "/newsletter/confirm/"))
    pages.append(("newsletter-confirm", get(client, confirm)))
    pages.append(("newsletter-confirmed", post(client, confirm, {}, **SAME_ORIGIN)))
    pages.append(("newsletter-bad-link", get(client, "/newsletter/confirm/not-a-token/", status=400)))
    pages.append(("newsletter-archive", get(client, "/newsletter/archive/")))
    for issue in Issue.objects.archived():
        pages.append((f"newsletter-issue-{issue.pk}", get(client, f"/newsletter/archive/{issue.pk}/")))
    return pages


CANARY = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
    '<body><main><input type="text" name="phone" type="tel"></main></body></html>'
)


def test_every_public_page_and_form_state_is_valid_html(
    client, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)
    vnu_command()  # skip (or fail) before rendering anything when vnu is missing
    pages = public_pages(client, django_capture_on_commit_callbacks)
    names = [name for name, _html in pages]
    assert {"/benzodiazepine-addiction-treatment/", "/blog/"} <= set(names), names
    files = {}
    for index, (name, html) in enumerate(pages):
        path = tmp_path / f"{index:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-') or 'page'}.html"
        path.write_text(html)
        files[path] = name
    # A canary in the same Java start proves the checker really checked: the old phone input's
    # duplicated attribute must be reported.
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY)
    by_file = {path.name: name for path, name in files.items()}
    messages = check([*files, canary])
    assert any(m.get("url", "").endswith("/canary.html") and "Duplicate attribute" in m["message"] for m in messages), (
        messages
    )
    messages = [m for m in messages if not m.get("url", "").endswith("/canary.html")]
    problems = [
        f"{by_file.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))} line {m.get('lastLine')}: {m.get('type')}"
        f"{'/' + m['subType'] if m.get('subType') else ''}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "warning" or m.get("type") == "non-document-error"
    ]
    assert not problems, f"vnu found {len(problems)} problem(s) in {len(files)} pages:\n" + "\n".join(problems)
