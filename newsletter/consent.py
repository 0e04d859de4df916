"""The consent sentence shown beside every sign-up form, versioned: a subscriber's record keeps
the version and the exact words they agreed to. Add a new version rather than editing one."""

WORDING = {
    "2026-11": (
        "Yes, email me the Nexus Recovery newsletter (about once a month). "
        "I can unsubscribe at any time with the link in every email."
    ),
}
CURRENT_VERSION = "2026-11"


def current_text():
    return WORDING[CURRENT_VERSION]
