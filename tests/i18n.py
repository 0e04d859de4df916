"""Spanish in tests: one way to ask for a page in Spanish, and a small reader for .po files.

`spanish_get` is the only place a test chooses how Spanish is asked for: as a reader does, by the
address (`/es/...`, i18n_patterns). Nothing is activated around the request, so the middleware
that reads the address is tested too.
"""

import re
from dataclasses import dataclass, field

SPANISH_PREFIX = "/es"  # i18n_patterns serves Spanish under /es/


def spanish_get(client, path, **extra):
    """GET `path` as a Spanish-speaking visitor would, and return the response."""
    return client.get(SPANISH_PREFIX + path, **extra)


def spanish_post(client, path, data, **extra):
    """POST to `path` in Spanish (a form sent from the Spanish page)."""
    return client.post(SPANISH_PREFIX + path, data, **extra)


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstrs: list = field(default_factory=list)
    references: list = field(default_factory=list)
    flags: set = field(default_factory=set)
    obsolete: bool = False

    @property
    def untranslated(self):
        return not self.msgstrs or any(not text for text in self.msgstrs)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    def __str__(self):
        context = f" [{self.msgctxt}]" if self.msgctxt else ""
        return f"{self.msgid!r}{context} ({', '.join(self.references[:2]) or 'no reference'})"


_QUOTED = re.compile(r'^"(.*)"$')


def _unquote(text):
    return bytes(_QUOTED.match(text.strip()).group(1), "utf-8").decode("unicode_escape").encode("latin-1").decode()


def read_po(text):
    """The entries of a .po file (the header entry, msgid "", left out)."""
    entries, entry, key = [], Entry(), None

    def close():
        nonlocal entry, key
        if entry.msgid:  # the header (msgid "") is not an entry
            entries.append(entry)
        entry, key = Entry(), None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            close()
            continue
        if line.startswith("#~"):
            entry.obsolete = True
            continue
        if line.startswith("#:"):
            if key is not None:
                close()
            entry.references += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
            continue
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word in ("msgctxt", "msgid", "msgid_plural") or word.startswith("msgstr"):
            starts_entry = word == "msgctxt" or (word == "msgid" and key not in (None, "msgctxt"))
            if starts_entry and key not in (None, "msgctxt"):
                close()
            key = word
            if word.startswith("msgstr"):
                entry.msgstrs.append("")
            value = _unquote(rest)
        else:
            value = _unquote(line)
        if key == "msgctxt":
            entry.msgctxt = (entry.msgctxt or "") + value
        elif key == "msgid":
            entry.msgid += value
        elif key == "msgid_plural":
            entry.msgid_plural += value
        else:
            entry.msgstrs[-1] += value
    close()
    return [entry for entry in entries if not entry.obsolete]
