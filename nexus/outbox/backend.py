import os
import secrets
from pathlib import Path

from django.core.mail.backends import filebased
from django.utils import timezone

from nexus.mail import add_site_headers


class OutboxBackend(filebased.EmailBackend):
    """Django's file-based backend, one .eml file per message.

    Django's own backend appends every message of one connection to one .log file, separated by
    a line of dashes that a message body may also contain; the outbox lists, reads and links each
    message on its own, so each gets its own file (written whole, then renamed into place).
    Django's backend still checks the directory and takes the `file_path` option. Messages get
    the same Message-ID and Auto-Submitted headers as production's (nexus.mail).
    """

    def open(self):
        return False  # nothing to hold open: each message is its own file

    def close(self):
        pass

    def send_messages(self, email_messages):
        for message in email_messages:
            self.write_message(message)
        return len(email_messages)

    def write_message(self, message):
        name = f"{timezone.now():%Y%m%d-%H%M%S-%f}-{secrets.token_hex(4)}.eml"
        partial = Path(self.file_path) / f".{name}.partial"
        partial.write_bytes(add_site_headers(message).message().as_bytes())
        os.replace(partial, Path(self.file_path) / name)
