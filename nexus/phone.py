import re

import phonenumbers


def tel_href(number):
    """A `tel:` URL for a number written for people ("+1-202-555-0199" -> "tel:+12025550199")."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def sms_href(number):
    """An `sms:` URL for the same kind of number ("+1-202-555-0199" -> "sms:+12025550199")."""
    return "sms:" + re.sub(r"[^\d+]", "", number)


def national(e164, region="US"):
    """A stored E.164 number as people at the center dial it: "(202) 555-0199" at home, the
    international form ("+44 20 7946 0958") for a number from elsewhere, as typed if unparseable."""
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    home = phonenumbers.region_code_for_number(number) == region
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)
