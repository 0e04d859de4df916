"""Newsletter sending: one worker against a plain smtplib loop, into the same local SMTP sink.

The worker is measured as it runs in production (claims, re-checks, renders, sends, records
each row on PostgreSQL); the smtplib loop sends the same messages, rendered beforehand, over one
connection. They alternate, three times each, and the medians are compared. The worker's peak
memory is read at 1,000 and at 10,000 subscribers.
"""

import json
import statistics
import subprocess

from ops.local import PYTHON, ROOT, free_port, port_open, wait_for

ROUNDS = 3

CREATE = """
from django.utils import timezone
from newsletter.addresses import address_hash
from newsletter.models import Subscriber
now = timezone.now()
start = Subscriber.objects.count()
emails = [f"bench{{n}}@example.com" for n in range(start, {total})]
Subscriber.objects.bulk_create(
    [Subscriber(email=e, email_hash=address_hash(e), source="bench", consent_version="bench", consent_text="bench",
                consent_at=now, status=Subscriber.Status.CONFIRMED, confirmed_at=now) for e in emails],
    batch_size=2000,
)
print(Subscriber.objects.count())
"""

NEW_ISSUE = """
from newsletter import services
from newsletter.models import Issue
body = "# Monthly news\\n\\n" + "Recovery text. " * 80
issue = Issue.objects.create(subject="Benchmark issue", preheader="", body=body)
services.start_sending(issue_id=issue.pk)
print(issue.pk)
"""

WORKER = """
import json, resource, time
import django
django.setup()
from newsletter.sending import run_worker
started = time.perf_counter()
totals = run_worker(issue_id={issue_id}, worker="bench")
seconds = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"sent": totals["sent"], "seconds": seconds, "peak_kb": peak_kb}}))
"""

SMTPLIB = """
import email.policy, json, smtplib, time
import django
django.setup()
from newsletter.emails import IssueRenderer
from newsletter.models import Issue, Subscriber
renderer = IssueRenderer(Issue.objects.get(pk={issue_id}))
messages = []
for s in Subscriber.objects.order_by("pk")[:{count}]:
    message, _ = renderer.message_for(to=s.email, first_name=s.first_name, key=s.key)
    messages.append((s.email, message.message(policy=email.policy.SMTP).as_bytes()))
started = time.perf_counter()
with smtplib.SMTP("127.0.0.1", {port}) as smtp:
    for to, data in messages:
        smtp.sendmail("newsletter@nexus-recovery.example", [to], data)
print(json.dumps({{"sent": len(messages), "seconds": time.perf_counter() - started}}))
"""


def python(stack, code, **env):
    result = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=stack.env(**env), capture_output=True, text=True, timeout=900
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def shell(stack, code):
    return int(stack.manage("shell", "-c", code, quiet=True).split()[-1])


def send_with_worker(stack, port):
    issue_id = shell(stack, NEW_ISSUE)
    return python(stack, WORKER.format(issue_id=issue_id), EMAIL_URL=f"smtp://127.0.0.1:{port}")


def run(stack):
    port = free_port()
    stack.spawn(
        "smtp-sink", [PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"]
    )
    wait_for(lambda: port_open(port), "SMTP sink")

    shell(stack, CREATE.format(total=1000))
    small = send_with_worker(stack, port)
    count = shell(stack, CREATE.format(total=10_000))

    worker_rates, smtplib_rates, peaks = [], [], []
    for _ in range(ROUNDS):
        result = send_with_worker(stack, port)
        if result["sent"] != count:
            raise RuntimeError(f"the worker sent {result['sent']} of {count}")
        worker_rates.append(result["sent"] / result["seconds"])
        peaks.append(result["peak_kb"])
        issue_id = shell(stack, "from newsletter.models import Issue\nprint(Issue.objects.latest('pk').pk)")
        plain = python(stack, SMTPLIB.format(issue_id=issue_id, count=count, port=port))
        smtplib_rates.append(plain["sent"] / plain["seconds"])

    worker, plain = statistics.median(worker_rates), statistics.median(smtplib_rates)
    ratio = worker / plain
    small_mb, large_mb = small["peak_kb"] / 1024, max(peaks) / 1024
    return [
        ("newsletter: plain smtplib loop, one connection", f"{plain:.0f} msg/s", "reference", None),
        (
            f"newsletter: one worker, {count} subscribers / smtplib",
            f"{worker:.0f} msg/s = {ratio:.2f}",
            ">= 0.5",
            ratio >= 0.5,
        ),
        (
            "newsletter worker peak memory, 1,000 / 10,000",
            f"{small_mb:.0f} MB / {large_mb:.0f} MB",
            "flat",
            large_mb <= small_mb * 1.15,
        ),
    ]
