"""Admin search over encrypted leads: exact phone or email through the keyed hash, or the number."""

import phonenumbers
from django.db.models import Q

from intake.crypto import lookup_hash


def search_leads(queryset, term):
    term = term.strip()
    if not term:
        return queryset
    match = Q(email_hash=lookup_hash(term))
    if term.lstrip("#").isdigit() and len(term.lstrip("#")) < 10:
        match |= Q(pk=int(term.lstrip("#")))
    try:
        number = phonenumbers.parse(term, "US")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        match |= Q(phone_hash=lookup_hash(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)))
    return queryset.filter(match)
