from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = {chr(code) for code in range(32)} | {"\x7f", "\u2028", "\u2029"}


def no_line_breaks(value):
    """Refuse CR, LF and other control characters: nothing typed may become an email header."""
    if any(character in CONTROL_CHARACTERS for character in value or ""):
        raise ValidationError(_("Use a single line without special characters."), code="control_characters")
