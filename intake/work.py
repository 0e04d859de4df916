"""My work: what an Admissions user (or the whole team, for an Admissions lead) should do next.

Each section is a list of open leads, most urgent first (someone in danger, then the follow-up
due soonest, then the oldest waiting), with a link to the whole set in the lead list. The page
can show the leads of one language only (Inquiry.LANGUAGE_FILTERS, as the lead list's filter).
"""

from dataclasses import dataclass, field
from functools import partial

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models import Inquiry
from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD, has_role

SECTION_SIZE = 25


@dataclass
class Section:
    key: str
    title: str
    leads: list
    total: int
    more_url: str | None = None
    empty: str = ""
    owner: object = None
    extra: dict = field(default_factory=dict)


LANGUAGES = dict(Inquiry.LANGUAGE_FILTERS)


def language_choice(value):
    """The language filter asked for, if it is one: anything else shows every lead."""
    return value if value in LANGUAGES else ""


def changelist(query="", language=""):
    query = "&".join(part for part in [query, f"language={language}" if language else ""] if part)
    return reverse("admin:intake_inquiry_changelist") + (f"?{query}" if query else "")


def _section(key, title, queryset, *, more_url=None, empty="", owner=None):
    leads = list(queryset.by_urgency().select_related("owner")[:SECTION_SIZE])
    total = len(leads) if len(leads) < SECTION_SIZE else queryset.count()
    return Section(key, title, leads, total, more_url, empty, owner)


def is_team_lead(user):
    return has_role(user, ADMISSIONS_LEAD)


def can_see(user):
    return has_role(user, ADMISSIONS, ADMISSIONS_LEAD)


def sections(user, now=None, language=""):
    """The sections of `user`'s My work page: their own leads, or everyone's for a lead; with a
    `language` (a key of LANGUAGES) only the leads of that language, and links to the same in the list."""
    now = now or timezone.now()
    leads = Inquiry.objects.open().in_language(language)
    overdue = leads.overdue(now)
    link = partial(changelist, language=language)
    unassigned = _section(
        "unassigned",
        _("New, nobody owns them yet"),
        leads.unassigned(),
        more_url=link("attention=unassigned"),
        empty=_("Every open lead has an owner."),
    )
    if not is_team_lead(user):
        mine = leads.filter(owner=user)
        return [
            _section(
                "overdue",
                _("My overdue follow-ups"),
                overdue.filter(owner=user),
                more_url=link(f"attention=overdue&owner__id__exact={user.pk}"),
                empty=_("None: you are up to date."),
            ),
            _section(
                "mine",
                _("My open leads"),
                mine.exclude(pk__in=overdue.values("pk")),
                more_url=link(f"owner__id__exact={user.pk}"),
                empty=_("You own no other open leads."),
            ),
            unassigned,
        ]
    team = [
        _section(
            "overdue",
            _("Overdue follow-ups, everyone's"),
            overdue,
            more_url=link("attention=overdue"),
            empty=_("None: the team is up to date."),
        ),
        unassigned,
    ]
    owners = leads.filter(owner__isnull=False).values_list("owner", flat=True).distinct().order_by()
    for owner in get_user_model().objects.filter(pk__in=list(owners)).order_by("username"):
        team.append(
            _section(
                f"owner-{owner.pk}",
                _("%(owner)s's open leads") % {"owner": owner.get_full_name() or owner.get_username()},
                leads.filter(owner=owner),
                more_url=link(f"owner__id__exact={owner.pk}"),
                owner=owner,
            )
        )
    return team


def shown_ids(all_sections):
    return sorted({lead.pk for section in all_sections for lead in section.leads})
