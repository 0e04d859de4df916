"""Inquiry POST latency on PostgreSQL with 20 concurrent submitters, through gunicorn."""

import statistics
import threading
import time
import urllib.request

from ops.http import Session, hidden_inputs
from ops.local import PYTHON, free_port, wait_for

SUBMITTERS = 20
PER_SUBMITTER = 10


def valid_inquiry(hidden, n):
    return hidden | {
        "in_danger": "no",
        "who_needs_help": "myself",
        "name": f"Bench Person {n}",
        "phone": f"202 555 {n % 10000:04d}",
        "preferred_contact": "call",
        "best_time": "any",
        "care_level": "not_sure",
        "privacy_consent": "on",
        "contact_consent": "on",
    }


def start_web(stack):
    """A web process as production runs it (gunicorn.conf.py: 2 x cores + 1 workers, so database
    waits overlap), whose rate limit does not stop a benchmark that, unlike real people, sends
    everything from one address."""
    port = free_port()
    env = stack.env(GUNICORN_BIND=f"127.0.0.1:{port}", NEXUS_INTAKE_RATE_LIMIT="1000000")
    stack.spawn("web-inquiries", [PYTHON, "-m", "gunicorn", "nexus.wsgi", "--config", "gunicorn.conf.py"], env=env)
    wait_for(lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200, "web")
    return f"http://127.0.0.1:{port}"


def submitter(base_url, index, latencies, failures):
    session = Session(base_url)
    forms = []
    for _ in range(PER_SUBMITTER):  # each stamp is single-use: one form page per inquiry
        status, _, html = session.get("/admissions/")
        forms.append(hidden_inputs(html))
    time.sleep(3.2)  # the stamp refuses forms sent faster than a person could
    for k, hidden in enumerate(forms):
        started = time.perf_counter()
        status, headers, _ = session.post("/admissions/", valid_inquiry(hidden, index * PER_SUBMITTER + k))
        latencies.append(time.perf_counter() - started)
        if status != 302 or "/thank-you/" not in headers.get("Location", ""):
            failures.append(status)


def count_inquiries(stack):
    code = "from intake.models import Inquiry\nprint(Inquiry.objects.count())"
    return int(stack.manage("shell", "-c", code, quiet=True).split()[-1])


def run(stack):
    base_url = start_web(stack)
    before = count_inquiries(stack)
    latencies, failures = [], []
    threads = [threading.Thread(target=submitter, args=(base_url, i, latencies, failures)) for i in range(SUBMITTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = count_inquiries(stack) - before
    expected = SUBMITTERS * PER_SUBMITTER
    if failures or stored != expected:
        raise RuntimeError(f"inquiry benchmark: {len(failures)} failed posts, {stored} of {expected} stored")
    p95 = statistics.quantiles(latencies, n=100)[94] * 1000
    median = statistics.median(latencies) * 1000
    return [
        (
            f"inquiry POST, {SUBMITTERS} concurrent submitters, PostgreSQL (p95)",
            f"{p95:.0f} ms (median {median:.0f} ms, n={expected})",
            "< 100 ms",
            p95 < 100,
        )
    ]
