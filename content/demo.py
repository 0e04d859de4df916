"""Demo content for `manage.py load_demo_content`: idempotent, written from the content brief.

Pages that already exist are left alone, so running it again (or after editors' changes) changes nothing.
"""

import datetime

from django.conf import settings
from django.contrib.sites.models import Site

from content import demo_es, services
from content.demo_benzo import SECTIONS, SOURCES, add_content
from content.demo_pages import PAGES
from content.demo_trust import sample_reviewer_account, sample_trust
from content.models import Page, Testimonial
from images import demo as demo_images
from nexus import site_url

BENZO_PATH = "/benzodiazepine-addiction-treatment/"
# Pages given a SAMPLE hero image (drawn by images.demo) when they are first created.
HEROES = {BENZO_PATH: "benzo-hero", "/treatment-programs/medical-detox/": "detox-hero"}


def load():
    # Nothing builds links from this row (nexus.site_url does); it only mirrors the site's address.
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": site_url.parts()[1], "name": settings.NEXUS_CENTER_NAME}
    )
    reviewer_user = sample_reviewer()
    testimonial = sample_testimonial()
    created = 0
    for path, fields, sections in PAGES:
        created += ensure_page(path, fields, sections, reviewer_user=reviewer_user)
    created += ensure_benzo_page(reviewer_user, testimonial)
    spanish = demo_es.load()  # translations of the English pages above
    trust = sample_trust()
    return (
        f"site, {created} new pages ({Page.objects.count()} in all), 1 SAMPLE reviewer, 1 SAMPLE testimonial, "
        f"{spanish}, {trust}"
    )


def sample_reviewer():
    return sample_reviewer_account(
        "sample-reviewer",
        "Alex",
        "Sample (SAMPLE)",
        name="Dr. Alex Sample",
        credentials="MD, addiction medicine (SAMPLE)",
        bio="A fictional reviewer for the demo site. Replace with a real clinician before launch.",
        role="Medical director (SAMPLE)",
        on_team=True,
    )


def sample_testimonial():
    testimonial, _ = Testimonial.objects.get_or_create(
        display_name="Jordan K.",
        is_sample=True,
        defaults={
            "quote": "I was scared to stop on my own. The team slowed everything down and explained each step, "
            "and for the first time in years I felt like I had a plan.",
            "program": "Medical detox and inpatient treatment",
            "consent_on": datetime.date(2026, 11, 1),
            "consent_method": Testimonial.ConsentMethod.SIGNED_FORM,
            "is_published": True,
        },
    )
    return testimonial


def parent_of(path):
    parent_path = path.rstrip("/").rsplit("/", 1)[0] + "/"
    return Page.objects.get(url_path=parent_path) if parent_path != "/" else None


def ensure_page(path, fields, sections, *, reviewer_user, sources=(), related=None):
    if Page.objects.filter(url_path=path).exists():
        return 0
    if path in HEROES:
        fields = {**fields, "hero_image": demo_images.placeholder(HEROES[path])}
    page = Page.objects.create(slug=path.rstrip("/").rsplit("/", 1)[1], parent=parent_of(path), **fields)
    add_content(page, sections, sources, related)
    if page.is_clinical:
        services.record_review(page=page, user=reviewer_user, notes="SAMPLE review for the demo site.")
    services.publish(page=page, user=None)
    return 1


def ensure_benzo_page(reviewer_user, testimonial):
    sections = list(SECTIONS)
    position = next(i for i, s in enumerate(sections) if s["heading"] == "Ongoing recovery") + 1
    sections.insert(position, {"kind": "testimonial", "heading": "In their words", "testimonial": testimonial})
    fields = {
        "title": "Benzodiazepine addiction treatment",
        "kind": Page.Kind.SUBSTANCE,
        "summary": "What benzodiazepines are, the signs of misuse, why stopping must be medically supervised, "
        "and how treatment helps.",
        "seo_title": "Benzodiazepine addiction treatment and safe withdrawal",
        "seo_description": "Signs of benzodiazepine misuse, withdrawal symptoms and why a supervised taper "
        "matters. Call Nexus Recovery any time.",
        "drug_name": "Benzodiazepines",
        "brand_names": "Ativan, Xanax, Valium, Klonopin, Tranxene, Librium",
        "order": 1,
    }
    programs = Page.objects.filter(url_path__startswith="/treatment-programs/", kind=Page.Kind.PROGRAM)
    return ensure_page(
        BENZO_PATH, fields, sections, reviewer_user=reviewer_user, sources=SOURCES, related=list(programs)
    )
