"""One spelling per mailbox: the canonical email address every hash, throttle and suppression uses.

People (and bots) reach one mailbox through many spellings: full-width letters (NFKC folds
them), a soft hyphen or zero-width space pasted from a web page (invisible, removed), an
internationalised domain in Unicode or in Punycode (IDNA, UTS #46 mapping), a quoted local part
that needs no quotes (`"reader"@x` is `reader@x`, RFC 5321 section 4.1.2), and any mix of case.
`clean_address` gives the spelling we store and send to; `canonical_address` is that spelling
compared without case, the only form ever hashed. Provider rules (Gmail's dots, plus tags) are
not applied: they are not equivalent everywhere, and merging two real mailboxes would be worse.
"""

import re
import unicodedata

import idna
from django import forms

# Default-ignorable characters that are not format controls (category Cf is removed as a whole).
_IGNORABLE = set("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0") | {chr(c) for c in range(0x180B, 0x1810)}
_IGNORABLE |= {chr(c) for c in range(0xFE00, 0xFE10)} | {chr(c) for c in range(0xE0100, 0xE01F0)}
# RFC 5322 atext, extended to UTF-8 by RFC 6531: what a local part may hold without quotes.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+"
_DOT_ATOM = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")


def _visible(text):
    return "".join(c for c in text if unicodedata.category(c) != "Cf" and c not in _IGNORABLE)


def _local_part(local):
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        # Inside quotes a backslash only escapes the next character: "re\ader" is "reader".
        inner = re.sub(r"\\(.)", r"\1", local[1:-1])
        if _DOT_ATOM.fullmatch(inner):
            return inner
        return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return local


def _domain(domain):
    domain = domain.rstrip(".")
    if domain.startswith("["):  # an address literal: no names to map
        return domain.lower()
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        return domain.lower()  # not a valid name: the validator refuses it, the hash still works


def clean_address(address):
    """The address as we store and send it: same mailbox, one spelling (case of the local part kept)."""
    text = _visible(unicodedata.normalize("NFKC", address or "")).strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    return f"{_local_part(local)}@{_domain(domain)}"


def canonical_address(address):
    """The form compared and hashed: clean_address without case (mailboxes are matched case-blind)."""
    return clean_address(address).lower()


class EmailAddressField(forms.EmailField):
    """An email form field that validates and returns the clean spelling, so odd spellings of a
    deliverable address are accepted (and stored) as the address they stand for."""

    def to_python(self, value):
        return clean_address(super().to_python(value))
