"""Finding leads by what staff type, without decrypting a lead or keeping what was typed.

Each index turns the terms it understands into keys (keyed hashes from `nexus.hashing`, the
same blind index the lead stores) and says how its keys match. A `LeadSearch` holds only
those keys, so it may wait in the session between the POST and the list. The name index
gives one hash per normalised word (`intake.names`) and requires them all.
"""

from dataclasses import dataclass

import phonenumbers
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from intake.models import LeadNameWord
from intake.names import name_words
from nexus.hashing import lead_email_hash, lead_name_word_hash, lead_phone_hash


class PhoneIndex:
    name, label = "phone", _("phone number")

    def keys(self, term):
        try:
            number = phonenumbers.parse(term, "US")
        except phonenumbers.NumberParseException:
            return []
        if not phonenumbers.is_valid_number(number):
            return []
        # Stored phones are E.164 (intake.forms.PhoneField), so any way of writing one finds it.
        return [lead_phone_hash(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))]

    def match(self, keys):
        return Q(phone_hash__in=keys)


class EmailIndex:
    name, label = "email", _("email address")

    def keys(self, term):
        return [lead_email_hash(term)] if "@" in term else []

    def match(self, keys):
        return Q(email_hash__in=keys)


class NameIndex:
    """Words of the requester's name or of the person's first name: every word typed must match."""

    name, label = "name", _("name")

    def keys(self, term):
        # Names have no digits nor "@": such a term is a number, a phone or an email, not a name.
        if "@" in term or any(c.isdigit() for c in term):
            return []
        return [lead_name_word_hash(word) for word in name_words(term)]

    def match(self, keys):
        match = Q()
        for key in keys:
            match &= Q(Exists(LeadNameWord.objects.filter(inquiry=OuterRef("pk"), word_hash=key)))
        return match


class NumberIndex:
    """The lead's number ("#12" or "12"): not personal, it is in every lead's admin URL."""

    name, label = "number", _("lead number")

    def keys(self, term):
        number = term.removeprefix("#")
        # Ten digits or more is a phone number, not one of ours.
        return [number] if number.isdigit() and len(number) < 10 else []

    def match(self, keys):
        return Q(pk__in=[int(key) for key in keys])


INDEXES = [NumberIndex(), PhoneIndex(), EmailIndex(), NameIndex()]
BY_NAME = {index.name: index for index in INDEXES}


@dataclass(frozen=True)
class LeadSearch:
    """A search reduced to index keys: {index name: [keys]}. Empty when no index knew the term."""

    keys: dict

    @classmethod
    def from_term(cls, term):
        term = term.strip()
        found = {index.name: index.keys(term) for index in INDEXES}
        return cls({name: keys for name, keys in found.items() if keys})

    @classmethod
    def from_session(cls, data):
        if not isinstance(data, dict):
            return None
        return cls({name: list(keys) for name, keys in data.items() if name in BY_NAME})

    def to_session(self):
        return dict(self.keys)

    @property
    def understood(self):
        return bool(self.keys)

    @property
    def labels(self):
        return [str(BY_NAME[name].label) for name in self.keys]

    def filter(self, queryset):
        match = Q()
        for name, keys in self.keys.items():
            match |= BY_NAME[name].match(keys)
        return queryset.filter(match) if match else queryset.none()
