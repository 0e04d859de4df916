"""The consent sentence shown beside every sign-up form, versioned and written per language: a
subscriber's record keeps the version and the exact words they agreed to, in the language they
read them in. Add a new version rather than editing one; a new language adds its words to each
version still offered (not through the catalogue: the words agreed to must never change under a
subscriber when a translation is edited)."""

from django.conf import settings

from nexus import locale

WORDING = {
    "2026-11": {
        "en": (
            "Yes, email me the Nexus Recovery newsletter (about once a month). "
            "I can unsubscribe at any time with the link in every email."
        ),
        "es": (
            "Sí, quiero recibir por correo el boletín de Nexus Recovery (más o menos una vez al mes). "
            "Puedo darme de baja cuando quiera con el enlace que trae cada correo."
        ),
    },
}
CURRENT_VERSION = "2026-11"


def text(version=CURRENT_VERSION, language=None):
    """The words of `version` in `language` (the active language by default; English when the
    version has no words in it)."""
    words = WORDING[version]
    return words.get(language or locale.site_language(), words[settings.LANGUAGE_CODE])


def current_text(language=None):
    return text(CURRENT_VERSION, language)
