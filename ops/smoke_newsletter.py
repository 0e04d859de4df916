"""Newsletter steps of `make prod-smoke`: sign up and confirm by email, then an issue sent by two
workers, one of them killed mid-send and restarted, with nobody receiving it twice."""

import re
import time
from collections import Counter

from ops.http import Session, hidden_inputs
from ops.local import wait_for

AUDIENCE = 600
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/newsletter/confirm/[^/\s\"<>]+/")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def text_of(message):
    parts = message.walk() if message.is_multipart() else [message]
    return "\n".join(p.get_payload(decode=True).decode(errors="replace") for p in parts if not p.is_multipart())


def subscribe_and_confirm(stack):
    address = f"smoke-{int(time.time())}@example.com"
    session = Session(stack.base_url)
    _, headers, html = session.get("/newsletter/")
    check("Set-Cookie" not in headers, "the sign-up page set a cookie")
    form = hidden_inputs(html) | {"email": address, "first_name": "Smoke", "consent": "on"}
    status, headers, _ = session.post("/newsletter/", form)
    check(status == 302 and "check-your-inbox" in headers.get("Location", ""), f"sign-up answered {status}")

    def confirmation():
        return [m for m in stack.mailbox.messages if m["To"] == address]

    wait_for(lambda: confirmation(), "the confirmation email", timeout=30)
    link = CONFIRM_LINK.search(text_of(confirmation()[0]))
    check(link, "no confirmation link in the email")
    check(address not in link.group(0), "the address is in the confirmation link")
    status, _, page = session.get(link.group(0))
    check(status == 200, f"the confirmation page answered {status}")
    status, _, page = session.post(link.group(0), hidden_inputs(page))
    check(status == 200 and "You have successfully subscribed" in page, f"confirming answered {status}")
    return "sign-up, the email's link, the button: 'You have successfully subscribed'"


def send_issue_with_a_killed_worker(stack):
    code = (
        "from django.utils import timezone\n"
        "from newsletter.addresses import address_hash\n"
        "from newsletter.models import Issue, Subscriber\n"
        "now = timezone.now()\n"
        f"emails = [f'reader{{n}}@example.com' for n in range({AUDIENCE})]\n"
        "Subscriber.objects.bulk_create([Subscriber(email=e, email_hash=address_hash(e), source='smoke', "
        "consent_version='smoke', consent_text='smoke', consent_at=now, "
        "status=Subscriber.Status.CONFIRMED, confirmed_at=now) for e in emails])\n"
        "issue = Issue.objects.create(subject='Smoke issue', preheader='', body='# Hello\\n\\nA smoke test.')\n"
        "print(issue.pk)\n"
    )
    issue_id = int(stack.manage("shell", "-c", code, quiet=True).split()[-1])
    before = len(stack.mailbox.messages)

    def received():
        return [m for m in stack.mailbox.messages[before:] if m["Subject"] == "Smoke issue"]

    stack.manage(
        "shell", "-c", f"from newsletter import services\nservices.start_sending(issue_id={issue_id})", quiet=True
    )
    wait_for(lambda: len(received()) >= 40, "the first newsletter messages", timeout=30)
    stack.kill_worker(0)
    killed_at = len(received())
    stack.start_worker(0)
    time.sleep(3)  # the claim timeout (2 s here) passes; the scheduler settles the dead claim
    stack.manage("send_due_issues", quiet=True)

    status_code = f"from newsletter.models import Issue\nprint(Issue.objects.get(pk={issue_id}).progress())"
    wait_for(
        lambda: "'left': 0" in stack.manage("shell", "-c", status_code, quiet=True), "the send to finish", timeout=120
    )
    progress = stack.manage("shell", "-c", status_code, quiet=True).strip().splitlines()[-1]
    copies = Counter(m["To"] for m in received())
    twice = [address for address, n in copies.items() if n > 1]
    check(not twice, f"{len(twice)} people got the issue twice")
    check(len(copies) >= AUDIENCE - 1, f"only {len(copies)} of {AUDIENCE + 1} got the issue: {progress}")
    senders_code = (
        "from newsletter.models import Delivery\n"
        f"print(Delivery.objects.filter(issue_id={issue_id}, status='sent').values('claimed_by').distinct().count())"
    )
    senders = int(stack.manage("shell", "-c", senders_code, quiet=True).split()[-1])
    check(senders >= 2, f"only {senders} worker run(s) sent the issue")
    return (
        f"{len(copies)} recipients, none twice, {senders} worker runs, one killed after {killed_at} messages; "
        f"{progress}"
    )
