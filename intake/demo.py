"""A dozen clearly fictional leads across the pipeline, for local demos only (NEXUS_LOCAL_DEMO)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from intake import demo_partners, demo_vob
from intake.forms import CONSENT_VERSION
from intake.models import Activity, CallClick, Inquiry, StatusChange
from nexus.roles import ADMISSIONS

S = Inquiry.Status
# (hours ago, status, owned, follow-up in hours (negative: overdue), danger, landing page, source, reason)
LEADS = [
    (1, S.NEW, False, None, True, "/benzodiazepine-addiction-treatment/", "", ""),
    (3, S.NEW, False, None, False, "/", "https://search.example", ""),
    (5, S.NEW, True, -2, False, "/blog/", "newsletter", ""),
    (20, S.CONTACTED, True, 4, False, "/benzodiazepine-addiction-treatment/", "", ""),
    (30, S.SCREENING, True, -5, False, "/", "https://search.example", ""),
    (50, S.INSURANCE, True, 24, False, "/admissions/", "", ""),
    (80, S.ASSESSMENT, True, 48, False, "/benzodiazepine-addiction-treatment/", "newsletter", ""),
    (24 * 6, S.ADMITTED, True, None, False, "/", "https://search.example", ""),
    (24 * 9, S.ADMITTED, True, None, False, "/blog/", "", ""),
    (24 * 12, S.REFERRED_OUT, True, None, False, "/", "", "Needed adolescent care (demo reason)."),
    (24 * 20, S.LOST, True, None, False, "/blog/", "https://search.example", "No reply after five attempts."),
    (24 * 40, S.LOST, False, None, False, "/", "", "Chose a program nearer home (demo reason)."),
]


DEMO_PREFIX = "demo-lead-"
# (language, prefers Spanish) of some leads, so the desk shows its language badges and filter:
# lead 3 wrote in Spanish, lead 5 wrote in English and asked for Spanish, lead 6 said no.
LANGUAGES = {3: ("es", None), 5: ("en", True), 6: ("en", False)}


def _token(number):
    return f"{DEMO_PREFIX}{number:02d}"


def _coordinator():
    user, created = get_user_model().objects.get_or_create(
        username="demo.admissions", defaults={"first_name": "Demo", "last_name": "Coordinator", "is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    group, _ = Group.objects.get_or_create(name=ADMISSIONS)
    user.groups.add(group)
    return user


def load():
    if not getattr(settings, "NEXUS_LOCAL_DEMO", False):
        return "skipped (fictional leads load with local settings only)"
    now = timezone.now()
    owner = _coordinator()
    demo_partners.load()
    created = 0
    for number, (hours, status, owned, follow_up, danger, landing, source, reason) in enumerate(LEADS, start=1):
        token = _token(number)
        if Inquiry.objects.filter(submission_token=token).exists():
            continue
        at = now - timedelta(hours=hours)
        final = status in Inquiry.FINAL_STATUSES
        inquiry = Inquiry.objects.create(
            submission_token=token,
            kind=Inquiry.Kind.CALLBACK if number % 4 == 0 else Inquiry.Kind.INQUIRY,
            created_at=at,
            who_needs_help=Inquiry.WhoNeedsHelp.LOVED_ONE if number % 2 else Inquiry.WhoNeedsHelp.MYSELF,
            name=f"Demo Person {number:02d} (fictional)",
            phone=f"+1202555{100 + (1 if number == 2 else number):04d}",
            email=f"demo.person{number:02d}@example.com",
            substances=["benzodiazepines"] if number % 3 else ["alcohol", "opioids"],
            care_level=Inquiry.CareLevel.NOT_SURE,
            message="This is a fictional demo lead.",
            in_danger=danger,
            language=LANGUAGES.get(number, ("en", None))[0],
            prefers_spanish=LANGUAGES.get(number, ("en", None))[1],
            consent_version=CONSENT_VERSION,
            privacy_consent_at=at,
            contact_consent_at=at,
            status=status,
            status_reason=reason,
            owner=owner if owned else None,
            follow_up_due=now + timedelta(hours=follow_up) if follow_up is not None else None,
            first_contact_at=None if status == S.NEW else at + timedelta(minutes=10 + 7 * number),
            closed_at=at + timedelta(days=2) if final else None,
            landing_path=landing,
            referrer_origin=source if source.startswith("https") else "",
            utm_source="" if source.startswith("https") else source,
            notification=Inquiry.Notification.SENT,
        )
        StatusChange.objects.create(inquiry=inquiry, at=at, to_status=S.NEW)
        if status != S.NEW:
            contact = inquiry.first_contact_at
            Activity.objects.create(
                inquiry=inquiry,
                at=contact,
                by=owner,
                kind=Activity.Kind.CALL,
                outcome=Activity.Outcome.REACHED,
                note="Demo call: fictional.",
            )
            StatusChange.objects.create(
                inquiry=inquiry, at=contact, by=owner, from_status=S.NEW, to_status=status, reason=reason
            )
        created += 1
    # The second lead asked again with the first one's phone: flagged as a possible duplicate.
    first = Inquiry.objects.get(submission_token=_token(1))
    Inquiry.objects.filter(submission_token=_token(2)).update(duplicate_of=first)
    if not CallClick.objects.filter(page_path__startswith="/demo-").exists():
        for index, (landing, source) in enumerate(
            [("/", "https://search.example"), ("/blog/", ""), ("/benzodiazepine-addiction-treatment/", "newsletter")]
            * 3
        ):
            CallClick.objects.create(
                at=now - timedelta(hours=index * 7),
                page_path=f"/demo-{index}/",
                landing_path=landing,
                referrer_origin=source if source.startswith("https") else "",
                utm_source="" if source.startswith("https") else source,
            )
    demo_vob.load(owner)
    fictional = Inquiry.objects.filter(submission_token__startswith=DEMO_PREFIX).count()
    return f"{created} fictional leads added ({fictional} fictional, {Inquiry.objects.count()} leads in all)"
