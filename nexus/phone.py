import re


def tel_href(number):
    """A `tel:` URL for a number written for people ("+1-555-010-0199" -> "tel:+15550100199")."""
    return "tel:" + re.sub(r"[^\d+]", "", number)
