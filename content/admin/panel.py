"""The publish panel's words: where the page stands, and whether the review covers the draft."""

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from content import services, snapshot

WHEN = "j M Y, H:i T"


def when(moment):
    """A time as the center reads it (TIME_ZONE, with its abbreviation: EST or EDT), never UTC."""
    return formats.date_format(timezone.localtime(moment), WHEN)


def state(page, now=None):
    now = now or timezone.now()
    draft_hash = snapshot.build(page)[0]
    live = page.live_revision
    facts = {"draft_hash": draft_hash, "scheduled": None, "lines": []}
    if page.is_live(now):
        if live and live.content_hash == draft_hash:
            facts["state"] = _("Live, no unpublished changes")
        else:
            facts["state"] = _("Live, with unpublished changes")
    elif page.status == page.Status.PUBLISHED and page.go_live_at and page.go_live_at > now:
        facts["state"] = _("Scheduled for %(when)s") % {"when": when(page.go_live_at)}
    elif live:
        facts["state"] = _("Draft: taken down (version %(n)s was live)") % {"n": live.number}
    else:
        facts["state"] = _("Draft, never published")
    if page.scheduled_revision_id:
        scheduled = page.scheduled_revision
        facts["scheduled"] = scheduled
        facts["lines"].append(
            _("Version %(n)s is scheduled to go live on %(when)s.")
            % {"n": scheduled.number, "when": when(page.scheduled_at)}
        )
        if scheduled.content_hash != draft_hash:
            facts["lines"].append(
                _(
                    "The draft has changed since: the scheduled version stays as it was reviewed. "
                    "Schedule again to replace it."
                )
            )
        if not page.is_live(now):
            facts["state"] = _("Scheduled for %(when)s") % {"when": when(page.scheduled_at)}
    if page.expire_at and page.status == page.Status.PUBLISHED:
        facts["lines"].append(_("Expires on %(when)s, then goes back to draft.") % {"when": when(page.expire_at)})
    if not page.is_clinical:
        facts["review"] = _("Not a clinical page: no clinical review needed.")
        facts["reviewed"] = True
    elif services.has_current_review(page, draft_hash, today=timezone.localdate(now)):
        facts["review"] = _("The current clinical review covers this draft.")
        facts["reviewed"] = True
    elif page.language != settings.LANGUAGE_CODE:
        facts["review"] = _(
            "No current clinical review by a reviewer who reads %(language)s covers this draft: one must "
            "record a review of this translation (the original's review does not count for it) before it "
            "can be published or scheduled."
        ) % {"language": services.language_name(page.language)}
        facts["reviewed"] = False
    else:
        facts["review"] = _(
            "No current clinical review covers this draft: a clinical reviewer must record one before "
            "it can be published or scheduled."
        )
        facts["reviewed"] = False
    return facts
