"""A real SMTP server (aiosmtpd) on 127.0.0.1 that records messages and the connections they came on."""

import socket
import threading
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler:
    def __init__(self):
        self.messages = []
        self.peers = set()  # one (host, port) per SMTP connection
        self.lock = threading.Lock()
        self.refuse_temporarily = set()  # recipients answered with 451 (try again later)
        self.refuse_permanently = set()  # recipients answered with 550
        self.hang_up_after = None  # drop the connection after this many accepted messages

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse_temporarily:
            return "451 4.3.0 Try again later"
        if address in self.refuse_permanently:
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.hang_up_after is not None and len(self.messages) >= self.hang_up_after:
                server.transport.close()  # the server vanishes mid-message
                return "421 closing"
            self.peers.add(session.peer)
            self.messages.append((envelope.rcpt_tos[:], message_from_bytes(envelope.content)))
        return "250 Message accepted"

    def recipients(self):
        return [rcpt for rcpts, _message in self.messages for rcpt in rcpts]


class Sink:
    def __init__(self, handler=None):
        self.handler = handler or RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def mailers(self):
        options = {"host": "127.0.0.1", "port": self.port, "timeout": 5}
        return {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}}
