"""The steps of `make prod-smoke`. Each takes the running Stack, raises on failure, returns a note."""

import re
import time
from urllib.parse import urlsplit

from ops.http import Session, hidden_inputs
from ops.local import wait_for

BENZO = "/benzodiazepine-addiction-treatment/"
NEVER_SHOWN = "/privacy-notice/"  # no step before the PostgreSQL outage reads it
CRISIS_LINKS = ['href="tel:911"', 'href="tel:988"', 'href="sms:988"', 'href="tel:+18006624357"']


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def inquiry(hidden, n, *, in_danger=False):
    return hidden | {
        "in_danger": "yes" if in_danger else "no",
        "who_needs_help": "loved_one" if n % 2 else "myself",
        "name": f"Smoke Test {n}",
        "phone": f"202 555 {100 + n:04d}",
        "preferred_contact": "call",
        "best_time": "any",
        "care_level": "not_sure",
        "privacy_consent": "on",
        "contact_consent": "on",
    }


def count(stack, model):
    app, name = model.split(".")
    code = f"from {app}.models import {name}\nprint({name}.objects.count())"
    return int(stack.manage("shell", "-c", code, quiet=True).split()[-1])


def send_inquiries(base_urls, first_number):
    """GET each form, wait out the 3-second stamp, then POST; returns the POST statuses."""
    forms = []
    for base_url in base_urls:
        session = Session(base_url)
        _, _, html = session.get("/admissions/")
        forms.append((session, hidden_inputs(html)))
    time.sleep(3.2)
    results = []
    for n, (session, hidden) in enumerate(forms, start=first_number):
        status, headers, body = session.post("/admissions/", inquiry(hidden, n, in_danger=n % 2 == 0))
        results.append((status, headers.get("Location", ""), body))
    return results


# steps -------------------------------------------------------------------------------------


def read_pages(stack):
    for path in ["/", BENZO, "/blog/", "/substances/", "/search/?q=withdrawal", "/admissions/", "/newsletter/"]:
        status, headers, html = stack.get(path)
        check(status == 200, f"{path} answered {status}")
        for link in CRISIS_LINKS:
            check(link in html, f"{path} lacks {link}")
    for path in ["/sitemap.xml", "/robots.txt", "/blog/feed/"]:
        status, _, _ = stack.get(path)
        check(status == 200, f"{path} answered {status}")
    _, first, _ = stack.get(BENZO)
    _, second, _ = stack.get(BENZO)
    check("Set-Cookie" not in first, "a public page set a cookie")
    check(second.get("X-Cache") == "HIT", f"nginx did not micro-cache the page (X-Cache {second.get('X-Cache')})")
    _, form, _ = stack.get("/admissions/")
    check(form.get("X-Cache") in (None, "MISS", "BYPASS"), "a form page was served from the cache")
    return "10 pages and feeds through nginx; the benzodiazepine page is a micro-cache HIT, forms are not cached"


def inquiries_land_through_both_web_processes(stack):
    before = count(stack, "intake.Inquiry")
    mails_before = len(stack.mailbox.messages)
    direct = [f"http://127.0.0.1:{port}" for port in stack.web_ports for _ in range(2)]
    results = send_inquiries(direct + [stack.base_url] * 3, first_number=1)
    for status, location, _ in results:
        check(status == 302 and location.endswith("/admissions/thank-you/"), f"inquiry answered {status} {location}")
    stored = count(stack, "intake.Inquiry") - before
    check(stored == len(results), f"{stored} of {len(results)} inquiries stored")
    wait_for(lambda: len(stack.mailbox.messages) - mails_before >= len(results), "notification emails", timeout=30)
    notes = stack.mailbox.messages[mails_before:]
    subjects = sorted(str(m["Subject"]) for m in notes)
    check(all(re.fullmatch(r"(URGENT: )?New inquiry #\d+", s) for s in subjects), f"unexpected subjects {subjects}")
    check(not any("Smoke Test" in m.as_string() for m in notes), "a notification email carried a name")
    site_domain = urlsplit(stack.base_url).hostname
    for m in notes:
        check(str(m["Message-ID"]).endswith(f"@{site_domain}>"), f"Message-ID {m['Message-ID']} is not the site's")
        check(m["Auto-Submitted"] == "auto-generated", "a notification lacks Auto-Submitted: auto-generated")
    return (
        f"{stored} inquiries (2 straight to each web process, 3 through nginx), "
        f"{len(notes)} notifications without personal data, auto-submitted, Message-IDs in the site's domain"
    )


def subscribe_and_confirm(stack):
    from ops import smoke_newsletter

    return smoke_newsletter.subscribe_and_confirm(stack)


def newsletter_reaches_everyone_once(stack):
    from ops import smoke_newsletter

    return smoke_newsletter.send_issue_with_a_killed_worker(stack)


def redis_stops_and_returns(stack):
    stack.stop_redis()
    try:
        for path in ["/", BENZO, "/blog/"]:
            status, _, _ = stack.get(path + "?redis-down")
            check(status == 200, f"{path} answered {status} with Redis down")
        results = send_inquiries([stack.base_url], first_number=50)
        check(results[0][0] == 302, f"an inquiry with Redis down answered {results[0][0]}")
        _, _, health = stack.get("/healthz")
        check("cache: unavailable" in health, f"healthz did not notice: {health}")
    finally:
        stack.start_redis()
    wait_for(lambda: "cache: ok" in stack.get("/healthz")[2], "cache recovery", timeout=20)
    return "pages and an inquiry answered without Redis; the cache came back without a restart"


def postgres_stops_and_returns(stack):
    stack.get(BENZO)  # in the micro-cache
    before = count(stack, "intake.Inquiry")
    workers = {name: stack.processes[name].pid for name in ("worker0", "worker1")}
    session = Session(stack.base_url)
    _, _, html = session.get("/admissions/")
    hidden = hidden_inputs(html)
    time.sleep(3.2)
    stack.stop_postgres()
    try:
        status, _, _ = stack.get(BENZO)
        check(status == 200, f"a cached page answered {status} with PostgreSQL down")
        # A page no process has shown needs the database for its published version: 503 with the
        # phone. (One a process has shown may still be served from what it holds, with a 200.)
        status, _, html = stack.get(NEVER_SHOWN)
        check(status == 503 and "tel:" in html and "unavailable" in html, f"an uncached page answered {status}")
        status, _, html = session.post("/admissions/", inquiry(hidden, 60))
        check(status == 503 and "We could not save this, please call" in html, f"the form answered {status}")
        _, _, health = stack.get("/healthz")
        check(health.startswith("database unavailable"), f"healthz said {health!r}")
        wait_for(lambda: all("database unavailable" in stack.log(name) for name in workers), "workers", timeout=20)
    finally:
        stack.restart_postgres()
    restarted = time.monotonic()
    wait_for(lambda: stack.get("/healthz")[0] == 200, "database recovery", timeout=30)
    status, _, _ = stack.get("/blog/?page=1&db-back")
    check(status == 200, f"after recovery a page answered {status}")
    # The person who was told "please call" sends the form again, an urgent one too; the
    # workers, still backing off from the outage, notify both without being restarted.
    mails_before = len(stack.mailbox.messages)
    results = send_inquiries([stack.base_url, stack.base_url], first_number=61)
    check(all(r[0] == 302 for r in results), f"after recovery the form answered {[r[0] for r in results]}")
    check(count(stack, "intake.Inquiry") == before + 2, "an inquiry was half-saved or lost across the outage")
    wait_for(lambda: len(stack.mailbox.messages) - mails_before >= 2, "notifications after the outage", timeout=60)
    subjects = sorted(str(m["Subject"]) for m in stack.mailbox.messages[mails_before:])
    check(any(s.startswith("URGENT: ") for s in subjects), f"no urgent notification after the outage: {subjects}")
    for name, pid in workers.items():
        process = stack.processes.get(name)
        check(process is not None and process.pid == pid and process.poll() is None, f"{name} did not survive")

    def beat_since_restart():
        match = re.search(r"worker: ok \(last beat (\d+) s ago\)", stack.get("/healthz")[2])
        return match and int(match.group(1)) < time.monotonic() - restarted

    wait_for(beat_since_restart, "a heartbeat after the outage", timeout=60)
    return (
        "cached page 200, a page never shown 503 with the phone, form 503 'please call', nothing half-saved; "
        "after it, the same two workers notified the inquiries (an urgent one too) and beat again"
    )


def publish_is_visible_within_a_minute(stack):
    stack.get("/about/")
    _, first, _ = stack.get("/about/")
    check(first.get("X-Cache") == "HIT", "the page was not cached before the publish")
    new_title = f"About Nexus Recovery {int(time.time())}"
    stack.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from django.db import transaction\n"
        "from content import services\n"
        "from content.models import Page\n"
        "page = Page.objects.get(url_path='/about/')\n"
        f"page.title = {new_title!r}\n"
        "page.save()\n"
        "user = get_user_model().objects.first()\n"
        "with transaction.atomic():\n"
        "    services.publish(page=page, user=user)\n",
        quiet=True,
    )
    started = time.monotonic()
    while time.monotonic() - started < 60:
        if new_title in stack.get("/about/")[2]:
            return f"visible through the micro-cache after {time.monotonic() - started:.0f} s"
        time.sleep(2)
    raise AssertionError("the publish was not visible within a minute")
