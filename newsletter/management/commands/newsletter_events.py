"""Bounces and complaints from the mail provider, in the shape django-anymail's tracking webhooks use.

Input: JSON, from a file or stdin, either a list of events or one event per line, each like
{"event_type": "bounced", "recipient": "person@example.com", ...}. "bounced", "complained" and
"rejected" suppress the address (as a hash) and unsubscribe any subscriber with it; other event
types are counted and ignored. Only counts are printed: the addresses never reach the output.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from newsletter import services
from newsletter.models import Suppression

REASONS = {
    "bounced": Suppression.Reason.BOUNCED,
    "complained": Suppression.Reason.COMPLAINED,
    "rejected": Suppression.Reason.REJECTED,
}


def read_events(text):
    text = text.strip()
    if not text:
        return []
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class Command(BaseCommand):
    help = "Suppress hard-bounced, rejected and complaining addresses from provider events (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="a JSON file, or - for stdin (default)")

    def handle(self, *args, file, **options):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()  # noqa: SIM115
            events = read_events(text)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except json.JSONDecodeError as error:
            raise CommandError(f"Not valid JSON (line {error.lineno}).") from error
        counts = dict.fromkeys([*REASONS, "ignored"], 0)
        for event in events if isinstance(events, list) else []:
            kind = event.get("event_type") if isinstance(event, dict) else None
            recipient = event.get("recipient") if isinstance(event, dict) else None
            if kind in REASONS and isinstance(recipient, str) and recipient:
                services.suppress_addresses(addresses=[recipient], reason=REASONS[kind])
                counts[kind] += 1
            else:
                counts["ignored"] += 1
        self.stdout.write(" ".join(f"{name}={count}" for name, count in counts.items()))
