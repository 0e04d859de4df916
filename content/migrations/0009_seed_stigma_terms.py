"""Seed the stigmatising-terms list, in our own words after NIDA's "Words Matter" guidance.

Editors change the list in the admin afterwards; a term they removed is not put back (only missing
terms are added, and only by this migration, once)."""

from django.db import migrations

TERMS = [
    ("addict", "person with a substance use disorder; person who uses drugs", "Names a person by an illness."),
    ("junkie", "person who uses drugs; person with an opioid use disorder", "A slur; it blames the person."),
    ("crackhead", "person who uses crack cocaine", "A slur; it blames the person."),
    ("abuser", "person who uses drugs; person with a substance use disorder", "Suggests blame and violence."),
    ("drug abuser", "person who uses drugs", "Suggests blame and violence."),
    ("alcoholic", "person with an alcohol use disorder", "Names a person by an illness."),
    ("abuse", "misuse; use; (for a diagnosis) substance use disorder", "Linked with punishment rather than care."),
    ("substance abuse", "substance use; substance use disorder", "Linked with punishment rather than care."),
    ("drug habit", "substance use disorder; regular substance use", "Makes an illness sound like a choice."),
    ("drug problem", "substance use disorder", "Vague, and makes an illness sound like a failing."),
    ("clean", "in recovery; not currently using; tested negative", "Implies that use is dirty."),
    ("dirty", "currently using; tested positive", "Implies that people who use drugs are dirty."),
    ("former addict", "person in recovery; person who used to use drugs", "Keeps the old label."),
    (
        "replacement therapy",
        "medication for opioid use disorder; medication treatment",
        "Medicines treat an illness; they do not swap one drug for another.",
    ),
    ("drug user", "person who uses drugs", "Reduces a person to a behaviour."),
]


def seed(apps, schema_editor):
    StigmaTerm = apps.get_model("content", "StigmaTerm")
    for term, alternatives, note in TERMS:
        StigmaTerm.objects.get_or_create(term=term, defaults={"alternatives": alternatives, "note": note})


class Migration(migrations.Migration):
    dependencies = [("content", "0008_review_requests_and_terms")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
