"""Faults for the sending fault suite: an SMTP server that refuses and hangs up when told, and
Django's SMTP mailer in a worker that dies or stalls when its script says so.

The server (aiosmtpd) counts every copy that reached it, including one whose reply it never
sent (it hung up after taking the message): that is the copy a careless retry would double.
A worker "dies" the way a killed process does as far as anyone else can see: its SMTP socket is
cut without QUIT, nothing more is recorded, its database connection is closed, and it never
runs again (a restarted worker is a new worker with a new name).
"""

import asyncio
import socket
import threading
from collections import Counter

from django.core.mail.backends.smtp import EmailBackend

REFUSALS = {"4xx": "451 4.3.0 Try again later", "5xx": "550 5.1.1 No such user", "421": "421 4.3.2 Closing"}


class WorkerKilled(BaseException):
    """Not an Exception: nothing in the worker catches it, as nothing catches SIGKILL."""


class FaultyServer:
    """aiosmtpd handler: per recipient, a queue of faults for its next attempts."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.copies = Counter()
            self.hang_ups_after_data = 0
        self.reset_faults()

    def reset_faults(self):
        with self.lock:
            self.faults = {}

    def add_fault(self, address, kind):
        with self.lock:
            self.faults.setdefault(address, []).append(kind)

    def _next_fault(self, address, stage):
        with self.lock:
            queue = self.faults.get(address, [])
            if queue and (queue[0] == "hang-up") == (stage == "data"):
                return queue.pop(0)
        return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        fault = self._next_fault(address, "rcpt")
        if fault == "421":  # a busy server says so and closes the connection
            asyncio.get_running_loop().call_soon(server.transport.close)
        if fault:
            return REFUSALS[fault]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        faults = [self._next_fault(rcpt, "data") for rcpt in envelope.rcpt_tos]
        with self.lock:
            self.copies.update(envelope.rcpt_tos)
            if any(faults):  # took the message, then vanished before answering
                self.hang_ups_after_data += 1
                server.transport.close()
                return "421 closing"
        return "250 Message accepted"


script = threading.local()  # the steps of the worker running in this thread, one per message


class FaultyMailer(EmailBackend):
    """Django's SMTP mailer; before or after a message, the running worker's script may make it
    die, or stall while something else runs (another worker, the scheduler)."""

    def send_messages(self, email_messages):
        step = script.steps.pop(0) if getattr(script, "steps", None) else "ok"
        if step == "die-before":
            self._die()
        if isinstance(step, tuple) and step[0] == "stall-before":
            step[1]()
        sent = super().send_messages(email_messages)
        if step == "die-after":  # the server has the message; the worker never records it
            self._die()
        if isinstance(step, tuple) and step[0] == "stall-after":
            step[1]()
        return sent

    def _die(self):
        smtp, self.connection = self.connection, None
        if smtp is not None and smtp.sock is not None:
            smtp.sock.shutdown(socket.SHUT_RDWR)
            smtp.sock.close()
        raise WorkerKilled
