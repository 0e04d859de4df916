"""Newsletter sending: how the send rate scales with 1, 2 and 4 workers, and the worker's memory.

Against a real provider the round trip per message dominates, so the rate is measured against an
SMTP sink that takes 20 ms to answer each message (bench/slow_sink.py; it serves connections in
parallel, as a provider does). The workers run as in production (claims, re-checks, renders,
sends, records each row on PostgreSQL), each its own process, all released at the same instant
once Django is set up; the rate is the audience over the time until the last one finishes.
Alternating, three rounds, medians. The peak memory of one worker is read at 1,000 and at
10,000 subscribers against a sink that answers at once.
"""

import json
import statistics
import subprocess
import time

from ops.local import PYTHON, ROOT, free_port, port_open, wait_for

ROUNDS = 3
AUDIENCE = 500
WORKERS = (1, 2, 4)
SCALING_GOAL = {2: 1.8, 4: 3.0}  # times the one-worker rate

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
import json, resource, sys, time
import django
django.setup()
from newsletter.sending import run_worker
start_at = float(sys.argv[1])
time.sleep(max(0.0, start_at - time.time()))
totals = run_worker(issue_id={issue_id})
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"sent": totals["sent"], "ended": time.time(), "peak_kb": peak_kb}}))
"""


def shell(stack, code):
    return int(stack.manage("shell", "-c", code, quiet=True).split()[-1])


def sink(stack, name, handler):
    port = free_port()
    stack.spawn(name, [PYTHON, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", handler])
    wait_for(lambda: port_open(port), name)
    return port


def send(stack, port, workers):
    """One issue to the whole audience by `workers` processes at once: (messages sent, seconds, peak KB)."""
    issue_id = shell(stack, NEW_ISSUE)
    env = stack.env(EMAIL_URL=f"smtp://127.0.0.1:{port}")
    start_at = time.time() + 2.0 + 0.5 * workers  # every process has set Django up by then
    processes = [
        subprocess.Popen(
            [PYTHON, "-c", WORKER.format(issue_id=issue_id), str(start_at)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=900)
        if process.returncode != 0:
            raise RuntimeError(err[-3000:])
        results.append(json.loads(out.strip().splitlines()[-1]))
    late = [r["ended"] - start_at for r in results]
    return sum(r["sent"] for r in results), max(late), max(r["peak_kb"] for r in results)


def run(stack):
    slow = sink(stack, "smtp-sink-20ms", "bench.slow_sink.SlowSink")
    fast = sink(stack, "smtp-sink", "aiosmtpd.handlers.Sink")

    count = shell(stack, CREATE.format(total=AUDIENCE))
    rates = {n: [] for n in WORKERS}
    for _ in range(ROUNDS):
        for workers in WORKERS:
            sent, seconds, _peak = send(stack, slow, workers)
            if sent != count:
                raise RuntimeError(f"{workers} worker(s) sent {sent} of {count}")
            rates[workers].append(sent / seconds)
    median = {n: statistics.median(r) for n, r in rates.items()}

    shell(stack, CREATE.format(total=1000))
    _sent, _seconds, small_kb = send(stack, fast, 1)
    shell(stack, CREATE.format(total=10_000))
    _sent, _seconds, large_kb = send(stack, fast, 1)
    small_mb, large_mb = small_kb / 1024, large_kb / 1024

    one = f"newsletter: 1 worker, {count} subscribers, sink +20 ms/msg"
    rows = [(one, f"{median[1]:.0f} msg/s", "reference", None)]
    for workers in WORKERS[1:]:
        ratio = median[workers] / median[1]
        rows.append(
            (
                f"newsletter: {workers} workers, same sink / 1 worker",
                f"{median[workers]:.0f} msg/s = {ratio:.2f}x",
                f">= {SCALING_GOAL[workers]}x",
                ratio >= SCALING_GOAL[workers],
            )
        )
    rows.append(
        (
            "newsletter worker peak memory, 1,000 / 10,000",
            f"{small_mb:.0f} MB / {large_mb:.0f} MB",
            "flat",
            large_mb <= small_mb * 1.15,
        )
    )
    return rows
