"""Seed the Spanish stigmatising terms, in our own words: person-first Spanish to say instead, and
why (in English, the admin's language).

Spanish nouns and adjectives have a form for each gender, and the pattern matches plurals only, so
a feminine form a person is called by is its own term ("adicta"). "Alcohólica" is left out: it is
mostly said of drinks ("bebidas alcohólicas"). "Abuso" alone is left out too: "abuso sexual" and
"abuso infantil" are what they say. As with 0009, a term an editor removed is not put back."""

from django.db import migrations

PERSON = "persona con una adicción; persona con un trastorno por consumo de sustancias"
USES = "persona que consume drogas; persona con un trastorno por consumo de sustancias"
TERMS = [
    ("adicto", PERSON, "Names a person by an illness."),
    ("adicta", PERSON, "Names a person by an illness."),
    ("drogadicto", USES, "Names a person by an illness, and blames them."),
    ("drogadicta", USES, "Names a person by an illness, and blames them."),
    ("toxicómano", USES, "An old clinical label that names the person by the illness."),
    ("toxicómana", USES, "An old clinical label that names the person by the illness."),
    ("yonqui", "persona que consume drogas; persona con un trastorno por consumo de opioides", "A slur."),
    ("alcohólico", "persona con un trastorno por consumo de alcohol", "Names a person by an illness."),
    ("exadicto", "persona en recuperación; persona que antes consumía drogas", "Keeps the old label."),
    (
        "abuso de sustancias",
        "consumo de sustancias; (como diagnóstico) trastorno por consumo de sustancias",
        "Links an illness with wrongdoing and punishment rather than care.",
    ),
    (
        "abuso de drogas",
        "consumo de drogas; uso indebido de drogas; (como diagnóstico) trastorno por consumo de sustancias",
        "Links an illness with wrongdoing and punishment rather than care.",
    ),
    (
        "abuso de alcohol",
        "consumo de alcohol; (como diagnóstico) trastorno por consumo de alcohol",
        "Links an illness with wrongdoing and punishment rather than care.",
    ),
    (
        "abuso del alcohol",
        "consumo de alcohol; (como diagnóstico) trastorno por consumo de alcohol",
        "Links an illness with wrongdoing and punishment rather than care.",
    ),
    (
        "limpio",
        "en recuperación; sin consumir; (de una prueba) resultado negativo",
        "Said of a person or a test result, it implies that using makes a person dirty.",
    ),
    (
        "sucio",
        "consume actualmente; (de una prueba) resultado positivo",
        "Said of a person or a test result, it calls people who use drugs dirty.",
    ),
    (
        "terapia de sustitución",
        "tratamiento con medicamentos para el trastorno por consumo de opioides",
        "Medicines treat an illness; they do not swap one drug for another.",
    ),
    ("vicio", "consumo; trastorno por consumo de sustancias", "Makes an illness sound like a moral failing."),
]


def seed(apps, schema_editor):
    StigmaTerm = apps.get_model("content", "StigmaTerm")
    for term, alternatives, note in TERMS:
        StigmaTerm.objects.get_or_create(
            term=term, language="es", defaults={"alternatives": alternatives, "note": note}
        )


def unseed(apps, schema_editor):
    # Before 0014 a term has no language: a Spanish one left behind would be checked on English pages.
    apps.get_model("content", "StigmaTerm").objects.filter(language="es").delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0014_stigma_terms_per_language")]

    operations = [migrations.RunPython(seed, unseed)]
