"""SAMPLE trust signals for the demo site: every entry says SAMPLE on screen. The center is not
really accredited by anyone here; the verification links are the issuers' real lookup pages, so
an editor replacing an entry sees where a real one must point."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from content.models import Accreditation, CallStep, InsurancePlan, Reviewer
from nexus import roles

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
# The same entries for the Spanish pages: the issuers' names are names and stay as they are; what
# an editor writes about them is in Spanish.
ACCREDITATIONS_ES = [
    {**ACCREDITATIONS[0], "detail": "Acreditación de atención de salud conductual (entrada de MUESTRA)"},
    {**ACCREDITATIONS[1], "detail": "Programas residenciales y ambulatorios (entrada de MUESTRA)"},
    {**ACCREDITATIONS[2], "detail": "Certificación de tratamiento de adicciones (entrada de MUESTRA)"},
    {**ACCREDITATIONS[3], "name": "Licencia estatal", "detail": "N.º MUESTRA-0000 (no es una licencia real)"},
]
INSURANCE = [
    {"name": "Most PPO plans", "note": "in and out of network"},
    {"name": "Blue Cross Blue Shield plans"},
    {"name": "Aetna"},
    {"name": "Cigna"},
    {"name": "UnitedHealthcare"},
    {"name": "Self-pay", "note": "ask about payment plans"},
]
INSURANCE_ES = [
    {"name": "La mayoría de los planes PPO", "note": "dentro y fuera de la red"},
    {"name": "Planes de Blue Cross Blue Shield"},
    {"name": "Aetna"},
    {"name": "Cigna"},
    {"name": "UnitedHealthcare"},
    {"name": "Pago por cuenta propia", "note": "pregunte por los planes de pago"},
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
# The same steps in Spanish, written for Spanish-speaking families (not a word-for-word copy).
STEPS_ES = [
    (
        "Le atiende una persona",
        "Alguien del equipo de ingresos contesta, de día o de noche. No necesita saber qué decir.",
    ),
    ("Primero escuchamos", "Le preguntamos qué está pasando y si alguien corre peligro, y respondemos sus dudas."),
    ("Revisamos su seguro", "Con su permiso, averiguamos qué cubre su seguro, sin costo para usted."),
    (
        "Usted decide el siguiente paso",
        "Le explicamos las opciones, de la desintoxicación a la atención ambulatoria. "
        "No reservamos nada si usted no lo pide.",
    ),
]
TEAM = [
    {"name": "Dr. Morgan Example", "credentials": "MD, psychiatry (SAMPLE)", "role": "Psychiatrist (SAMPLE)"},
    {"name": "Riley Placeholder", "credentials": "LCSW (SAMPLE)", "role": "Clinical director (SAMPLE)"},
]


def sample_trust():
    for language, accreditations, plans in (("en", ACCREDITATIONS, INSURANCE), ("es", ACCREDITATIONS_ES, INSURANCE_ES)):
        for order, fields in enumerate(accreditations):
            Accreditation.objects.get_or_create(
                name=fields["name"], language=language, defaults={**fields, "order": order, "is_sample": True}
            )
        for order, fields in enumerate(plans):
            InsurancePlan.objects.get_or_create(
                name=fields["name"], language=language, defaults={**fields, "order": order, "is_sample": True}
            )
    for language, steps in (("en", STEPS), ("es", STEPS_ES)):
        for order, (title, body) in enumerate(steps):
            CallStep.objects.get_or_create(
                title=title, language=language, defaults={"body": body, "order": order, "is_sample": True}
            )
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
        f"{len(ACCREDITATIONS)} SAMPLE accreditations, {len(INSURANCE)} insurance entries and {len(STEPS)} "
        f"call steps (each also in Spanish), {len(TEAM)} more SAMPLE team members"
    )


def sample_reviewer_account(username, first_name, last_name, **reviewer):
    """A SAMPLE clinician's staff account (no password: nobody signs in as it) in the reviewers group,
    with its reviewer profile: the demo records reviews in its name."""
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name}
    )
    if user.has_usable_password():
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get_or_create(name=roles.CLINICAL_REVIEWERS)[0])
    Reviewer.objects.get_or_create(
        user=user, defaults={"licence": "SAMPLE: not a real licence", "is_sample": True, **reviewer}
    )
    return user


def sample_spanish_reviewer():
    """The SAMPLE clinician who reads Spanish and signs off the Spanish demo pages (content.demo_es).
    Off the team list: the team is shown in English too, and one sample doctor there is enough."""
    return sample_reviewer_account(
        "sample-reviewer-es",
        "Sofía",
        "Muestra (SAMPLE)",
        name="Dra. Sofía Muestra",
        credentials="MD, medicina de las adicciones (SAMPLE)",
        bio="A fictional bilingual reviewer for the demo site's Spanish pages. Replace with a real "
        "clinician who reads Spanish before launch.",
        role="Addiction physician, Spanish-language pages (SAMPLE)",
        languages=["en", "es"],
    )
