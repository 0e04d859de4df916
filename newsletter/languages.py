"""The language a sign-up is stored in: the page's (the active language), one of LANGUAGES."""

from django.conf import settings
from django.utils import translation


def active():
    """The active language as one of the site's codes ("es-mx" is "es"), else the default."""
    code = (translation.get_language() or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
