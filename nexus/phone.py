import re


def tel_href(number):
    """A `tel:` URL for a number written for people ("+1-202-555-0199" -> "tel:+12025550199")."""
    return "tel:" + re.sub(r"[^\d+]", "", number)


def sms_href(number):
    """An `sms:` URL for the same kind of number ("+1-202-555-0199" -> "sms:+12025550199")."""
    return "sms:" + re.sub(r"[^\d+]", "", number)
