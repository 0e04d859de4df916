"""SAMPLE trust signals for the demo site: every entry says SAMPLE on screen. The center is not
really accredited by anyone here; the verification links are the issuers' real lookup pages, so
an editor replacing an entry sees where a real one must point."""

from content.models import Accreditation, CallStep, InsurancePlan, Reviewer

ACCREDITATIONS = [
    {
        "name": "The Joint Commission",
        "kind": Accreditation.Kind.ACCREDITATION,
        "detail": "Behavioral health care accreditation (SAMPLE entry)",
        "verify_url": "https://www.qualitycheck.org/",
    },
    {
        "name": "CARF International",
        "kind": Accreditation.Kind.ACCREDITATION,
        "detail": "Residential and outpatient programs (SAMPLE entry)",
        "verify_url": "https://carf.org/find-a-provider/",
    },
    {
        "name": "LegitScript",
        "kind": Accreditation.Kind.CERTIFICATION,
        "detail": "Addiction treatment certification (SAMPLE entry)",
        "verify_url": "https://www.legitscript.com/certification/",
    },
    {
        "name": "State licence",
        "kind": Accreditation.Kind.LICENCE,
        "detail": "No. SAMPLE-0000 (not a real licence)",
        "verify_url": "https://findtreatment.gov/",
    },
]
INSURANCE = [
    {"name": "Most PPO plans", "note": "in and out of network"},
    {"name": "Blue Cross Blue Shield plans"},
    {"name": "Aetna"},
    {"name": "Cigna"},
    {"name": "UnitedHealthcare"},
    {"name": "Self-pay", "note": "ask about payment plans"},
]
STEPS = [
    ("A person answers", "Someone from admissions picks up, day or night. You do not need to have the right words."),
    ("We listen first", "We ask what is happening and whether anyone is in danger, and we answer your questions."),
    ("We check your cover", "With your permission we check what your insurance pays for, free of charge."),
    (
        "You decide the next step",
        "We explain the options, detox to outpatient care. Nothing is booked unless you ask.",
    ),
]
TEAM = [
    {"name": "Dr. Morgan Example", "credentials": "MD, psychiatry (SAMPLE)", "role": "Psychiatrist (SAMPLE)"},
    {"name": "Riley Placeholder", "credentials": "LCSW (SAMPLE)", "role": "Clinical director (SAMPLE)"},
]


def sample_trust():
    for order, fields in enumerate(ACCREDITATIONS):
        Accreditation.objects.get_or_create(name=fields["name"], defaults={**fields, "order": order, "is_sample": True})
    for order, fields in enumerate(INSURANCE):
        InsurancePlan.objects.get_or_create(name=fields["name"], defaults={**fields, "order": order, "is_sample": True})
    for order, (title, body) in enumerate(STEPS):
        CallStep.objects.get_or_create(title=title, defaults={"body": body, "order": order, "is_sample": True})
    for order, fields in enumerate(TEAM, start=1):
        Reviewer.objects.get_or_create(
            name=fields["name"],
            defaults={
                **fields,
                "licence": "SAMPLE: not a real licence",
                "is_sample": True,
                "on_team": True,
                "team_order": order,
            },
        )
    return (
        f"{len(ACCREDITATIONS)} SAMPLE accreditations, {len(INSURANCE)} SAMPLE insurance entries, "
        f"{len(STEPS)} SAMPLE call steps, {len(TEAM)} more SAMPLE team members"
    )
