"""Spanish demo pages (issue #14): translations of five English demo pages, each linked to its original
and to the original's live version, signed off by a SAMPLE reviewer who reads Spanish, and published.

Written in Spanish from the content brief, not translated line by line. Called by content.demo.load()
after the English pages; a translation that already exists (by its link or its address) is left alone.
"""

import datetime

from django.db.models import Q

from content import demo_es_benzo, services
from content.demo_benzo import add_content, text, warning
from content.demo_trust import sample_spanish_reviewer
from content.models import Page, Testimonial

LANGUAGE = "es"
REVIEW_NOTES = (
    "SAMPLE: revisión de muestra del texto en español para el sitio de demostración; pendiente de revisión "
    "clínica real. (SAMPLE review of the Spanish text for the demo site, awaiting real clinical review.)"
)


def sample_notice(extra=" No sustituye la consulta con su médico."):
    """The first block of every Spanish demo page: it says SAMPLE where a reader starts."""
    return {
        "kind": "text",
        "heading": "",
        "body": "**MUESTRA (SAMPLE).** Esta página en español es un texto de demostración, pendiente de "
        f"revisión clínica real.{extra}",
    }


HELP_NOW = text(
    "Si necesita ayuda ahora mismo",
    "Si usted o alguien cercano corre peligro, llame al 911. Si está pensando en hacerse daño, llame o envíe "
    "un mensaje de texto al 988. La Línea Nacional de Ayuda de SAMHSA (1-800-662-4357) es gratuita y "
    "confidencial, atiende las 24 horas y también en español.",
)

# (English original's address, Spanish address, fields, sections), parents before their children.
PAGES = [
    (
        "/treatment-programs/",
        "/es/programas-de-tratamiento/",
        {
            "title": "Programas de tratamiento",
            "kind": "index",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 2,
            "summary": "Desintoxicación médica, tratamiento residencial y tratamiento ambulatorio, "
            "planificados en torno a cada persona.",
        },
        [
            sample_notice(
                " Por ahora, de los programas solo la desintoxicación médica tiene su página en español; "
                "los demás están en inglés."
            ),
            HELP_NOW,
        ],
    ),
    (
        "/treatment-programs/medical-detox/",
        "/es/programas-de-tratamiento/desintoxicacion-medica/",
        {
            "title": "Desintoxicación médica",
            "kind": "program",
            "order": 1,
            "summary": "La abstinencia, atendida de forma segura por un equipo médico, como primer paso del "
            "tratamiento.",
        },
        [
            sample_notice(),
            text(
                "Qué es la desintoxicación médica",
                "La desintoxicación es el tiempo en que su cuerpo se adapta a estar sin una sustancia. Con "
                "algunas sustancias, entre ellas las benzodiazepinas y el alcohol, la abstinencia puede ser "
                "peligrosa. Por eso un equipo médico le acompaña de día y de noche, y ajusta los medicamentos "
                "y la reducción gradual de la dosis según lo que usted necesite.",
            ),
            warning(
                "No deje las benzodiazepinas ni el alcohol por su cuenta",
                "Dejarlos de golpe puede causar convulsiones. Hable con un médico, o llámenos, antes de "
                "dejarlos.\n\n"
                "Si hay un peligro inmediato, llame al 911. Si está pensando en hacerse daño, llame o envíe "
                "un mensaje de texto al 988.",
            ),
        ],
    ),
    (
        "/how-admission-works/",
        "/es/como-funciona-el-ingreso/",
        {
            "title": "Cómo funciona el ingreso",
            "kind": "general",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 5,
            "summary": "Cómo empezar el tratamiento: qué le preguntaremos, qué pasa después y en cuánto tiempo.",
        },
        [
            sample_notice(""),
            text(
                "Empezar el tratamiento",
                "Puede llamarnos a cualquier hora, o enviarnos una consulta breve: un coordinador de "
                "admisiones se pondrá en contacto con usted de la forma que usted elija. Le haremos unas "
                "preguntas sobre su situación, revisaremos su seguro si así lo desea y acordaremos con usted "
                "una fecha para empezar.",
            ),
            # The Spanish forms: /es/ + the form's address, once i18n_patterns serves them there.
            {
                "kind": "cta",
                "heading": "Pregunte por el ingreso",
                "body": "El formulario de consulta toma unos dos minutos.",
                "cta_label": "Abrir el formulario de consulta",
                "cta_url": "/es/admissions/",
            },
            {
                "kind": "cta",
                "heading": "Consulte su seguro",
                "body": "Envíenos los datos de su tarjeta del seguro y le llamaremos para explicarle qué cubre "
                "su plan.",
                "cta_label": "Consultar mi seguro",
                "cta_url": "/es/admissions/insurance/",
            },
            HELP_NOW,
        ],
    ),
    (
        "/privacy-notice/",
        "/es/aviso-de-privacidad/",
        {
            "title": "Aviso de privacidad",
            "kind": "general",
            "is_clinical": False,
            "summary": "Qué datos recoge este sitio web sobre usted, para qué, cómo se protegen y cuánto tiempo "
            "se guardan.",
        },
        [
            sample_notice(
                " Antes de usarlo en el sitio real, también debe revisarlo la persona responsable de la "
                "privacidad en la clínica."
            ),
            text(
                "Qué datos recogemos",
                "Solo recogemos lo que usted decide enviarnos: los datos de una consulta de ingreso o de una "
                "solicitud de llamada (como su nombre, cómo contactarle y lo que nos cuente de su situación) "
                "y su correo electrónico, si se suscribe al boletín. Con cada consulta guardamos también el "
                "idioma del formulario que usó y, si la contesta, si prefiere que le hablemos en español, "
                "para que le llame la persona adecuada.",
            ),
            text(
                "Cómo los protegemos",
                "Las consultas se guardan cifradas y solo puede abrirlas nuestro personal de admisiones. Cada "
                "vez que alguien del personal ve, cambia o exporta una consulta, queda anotado en un registro "
                "de auditoría. Nunca ponemos sus datos en direcciones web, en los registros del sistema ni en "
                "los correos de aviso.",
            ),
            text(
                "Sin rastreadores",
                "Este sitio no carga nada de otras empresas: ni rastreadores de publicidad o de estadísticas, "
                "ni fuentes o programas de terceros. Los enlaces para compartir son enlaces normales, que no "
                "hacen nada hasta que usted los pulsa. Las búsquedas en este sitio no se guardan con nada que "
                "le identifique.",
            ),
            text(
                "Boletín",
                "Solo le enviamos el boletín después de que usted confirme su dirección con el enlace que le "
                "mandamos por correo (doble confirmación). Cada boletín trae un enlace para darse de baja con "
                "un solo clic.",
            ),
            text(
                "Cuánto tiempo los guardamos",
                "Guardamos las consultas solo el tiempo necesario para ayudarle y para cumplir con nuestras "
                "obligaciones legales; después las borramos. Si quiere saber qué datos tenemos sobre usted, o "
                "pedir que los borremos, comuníquese con nuestro equipo de admisiones.",
            ),
            HELP_NOW,
        ],
    ),
]


def load():
    """Every Spanish demo page, once; returns a line for the loader's summary."""
    reviewer_user = sample_spanish_reviewer()
    created = 0
    for original_path, path, fields, sections in PAGES:
        created += ensure_translation(original_path, path, fields, sections, reviewer_user=reviewer_user)
    created += ensure_benzo_translation(reviewer_user)
    return f"{created} new Spanish pages, 1 SAMPLE Spanish-reading reviewer, 1 SAMPLE Spanish testimonial"


def sample_spanish_testimonial():
    fields = demo_es_benzo.TESTIMONIAL
    testimonial, _ = Testimonial.objects.get_or_create(
        display_name=fields["display_name"],
        is_sample=True,
        defaults={
            **fields,
            "consent_on": datetime.date(2026, 11, 1),
            "consent_method": Testimonial.ConsentMethod.SIGNED_FORM,
            "is_published": True,
        },
    )
    return testimonial


def ensure_benzo_translation(reviewer_user):
    sections = [sample_notice(), *demo_es_benzo.SECTIONS]
    position = next(i for i, s in enumerate(sections) if s["heading"] == "La recuperación continúa") + 1
    testimonial = {"kind": "testimonial", "heading": "En sus propias palabras"}
    sections.insert(position, {**testimonial, "testimonial": sample_spanish_testimonial()})
    programs = Page.objects.filter(language=LANGUAGE, kind=Page.Kind.PROGRAM, url_path__startswith="/es/")
    return ensure_translation(
        "/benzodiazepine-addiction-treatment/",
        "/es/tratamiento-adiccion-benzodiazepinas/",
        demo_es_benzo.FIELDS,
        sections,
        reviewer_user=reviewer_user,
        sources=demo_es_benzo.SOURCES,
        related=list(programs),
    )


def ensure_translation(original_path, path, fields, sections, *, reviewer_user, sources=(), related=None):
    """The Spanish version of the live English page at `original_path`, at `path`: created, reviewed
    and published, or left alone if it exists (or if there is no live original to translate)."""
    original = Page.objects.filter(url_path=original_path, language="en", live_revision__isnull=False).first()
    if original is None:
        return 0
    if Page.objects.filter(Q(url_path=path) | Q(translation_of=original, language=LANGUAGE)).exists():
        return 0
    *parents, slug = path.strip("/").split("/")
    parent = Page.objects.get(url_path="/" + "/".join(parents) + "/") if len(parents) > 1 else None
    page = Page.objects.create(
        slug=slug,
        parent=parent,
        language=LANGUAGE,
        translation_of=original,
        translated_from=original.live_revision,
        # The library keeps one alt text per image (in English): the picture is reused as it is.
        hero_image=original.hero_image,
        **fields,
    )
    if page.url_path != path:
        raise ValueError(f"{path} would be created at {page.url_path}")
    add_content(page, sections, sources, related)
    services.record_review(page=page, user=reviewer_user, notes=REVIEW_NOTES)
    services.publish(page=page, user=None)
    return 1
