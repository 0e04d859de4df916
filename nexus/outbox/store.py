"""Reading the kept messages back: newest first, each parsed with the standard library."""

import re
from dataclasses import dataclass
from email import policy
from email.parser import BytesHeaderParser, BytesParser
from pathlib import Path

from django.conf import settings

NAME = re.compile(r"^\d{8}-\d{6}-\d{6}-[0-9a-f]{8}$")  # what the backend writes, nothing else
LISTED = 200


@dataclass
class Kept:
    name: str
    headers: list
    text: str = ""
    html: str = ""

    def header(self, name):
        return next((value for key, value in self.headers if key.lower() == name.lower()), "")

    @property
    def subject(self):
        return self.header("Subject") or "(no subject)"

    @property
    def to(self):
        return self.header("To")

    @property
    def date(self):
        return self.header("Date")


def directory():
    return Path(settings.NEXUS_OUTBOX_DIR)


def names():
    found = [path.stem for path in directory().glob("*.eml") if NAME.match(path.stem)]
    return sorted(found, reverse=True)


def listing():
    """The newest messages' headers (bodies are read only when a message is opened)."""
    kept = []
    for name in names()[:LISTED]:
        with (directory() / f"{name}.eml").open("rb") as file:
            headers = BytesHeaderParser(policy=policy.default).parse(file)
        kept.append(Kept(name=name, headers=[(key, str(value)) for key, value in headers.items()]))
    return kept


def read(name):
    """One message with its text and HTML parts; None when there is no such message."""
    path = directory() / f"{name}.eml"
    if not NAME.match(name) or not path.is_file():
        return None
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    text, html = message.get_body(preferencelist=("plain",)), message.get_body(preferencelist=("html",))
    return Kept(
        name=name,
        headers=[(key, str(value)) for key, value in message.items()],
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else "",
    )
