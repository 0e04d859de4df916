"""Everything the public sees comes from the published version: an edit to any field of a page's
draft changes no public page, list, menu, feed or sitemap until it is published.

The test walks every field of the page model, so a field added later is covered: it is either a
draft field (and then invisible until published) or declared in content.models.pages.LIVE_ONLY."""

import datetime

import pytest
from django.core.cache import cache
from django.db import models

from content import services
from content.models import Page
from content.models.pages import LIVE_ONLY
from images.models import Image
from tests.content.factories import ConsentedQuoteFactory, PageFactory, SectionFactory, SourceFactory, published_page
from tests.images.factories import image

pytestmark = pytest.mark.django_db

DRAFT_FIELDS = [
    field.name
    for field in Page._meta.get_fields()
    if (field.concrete or field.many_to_many) and not field.auto_created and field.name not in LIVE_ONLY
]
# Draft fields no public page shows in this site (updated_at is the admin's), so publishing them
# changes no page either.
UNSEEN = {"updated_at"}
PUBLIC_URLS = ["/", "/substances/", "/all-substances/", "/blog/", "/blog/feed/", "/sitemap.xml", "/search/?q=page"]


def publish(page, reviewer):
    if page.is_clinical:
        services.record_review(page=page, user=reviewer.user)
    services.publish(page=page, user=None)
    page.refresh_from_db()
    return page


@pytest.fixture
def site(reviewer):
    """Pages of every kind, each shown in several places: its own page, its index, the menu, the home
    page, an index listing every page of a kind, the blog and its feed."""
    substances = published_page(slug="substances", kind=Page.Kind.INDEX, title="Substances", show_in_menu=True)
    published_page(slug="all-substances", kind=Page.Kind.INDEX, title="All substances", index_of=Page.Kind.SUBSTANCE)
    blog = published_page(slug="blog", kind=Page.Kind.INDEX, title="Blog", show_in_menu=True, order=3)
    other = published_page(slug="alcohol", parent=substances, kind=Page.Kind.SUBSTANCE, title="Alcohol", order=2)
    benzos = PageFactory(
        slug="benzos",
        parent=substances,
        kind=Page.Kind.SUBSTANCE,
        title="Benzodiazepines",
        summary="About benzodiazepines.",
        is_clinical=True,
        show_in_menu=True,
        order=1,
        seo_title="Benzo help",
        seo_description="Help with benzodiazepines.",
        drug_name="Benzodiazepines",
        brand_names="Xanax, Valium",
    )
    SectionFactory(page=benzos, heading="Withdrawal", body="Never stop suddenly.[^1]")
    SectionFactory(page=benzos, kind="testimonial", testimonial=ConsentedQuoteFactory(), body="")
    SourceFactory(page=benzos)
    benzos.related.add(other)
    publish(benzos, reviewer)
    article = published_page(
        slug="first-week",
        parent=blog,
        kind=Page.Kind.ARTICLE,
        title="The first week",
        author="The team",
        published_on=datetime.date(2026, 2, 1),
    )
    published_page(
        slug="second-week",
        parent=blog,
        kind=Page.Kind.ARTICLE,
        title="The second week",
        author="The team",
        published_on=datetime.date(2026, 2, 8),
    )
    return {"substance": benzos, "article": article, "index": substances, "other": other, "blog": blog, "by": reviewer}


def public_view(client, pages):
    cache.clear()
    urls = PUBLIC_URLS + [page.url_path for page in pages]
    return {url: client.get(url).content.decode() for url in urls}


def edit(page, name, site):
    """Change field `name` of the draft the way an editor's save would."""
    field = Page._meta.get_field(name)
    if field.many_to_many:
        page.related.add(site["blog"])
        return
    value = getattr(page, name)
    if field.choices:
        value = next(choice for choice, _label in field.choices if choice and choice != value)
    elif isinstance(field, models.BooleanField):
        value = not value
    elif isinstance(field, models.ForeignKey) and field.related_model is Image:
        value = image()
    elif isinstance(field, models.ForeignKey):
        value = site["blog"] if page.parent_id != site["blog"].pk else site["index"]
    elif isinstance(field, models.PositiveSmallIntegerField):
        value = (value or 0) + 7
    elif isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        value = (value or datetime.date(2026, 1, 1)) - datetime.timedelta(days=400)
    elif isinstance(field, models.DateTimeField):
        value = None  # updated_at: every save moves it anyway
    elif isinstance(field, models.SlugField):
        value = f"{value}-renamed"
    elif isinstance(field, models.CharField | models.TextField):
        value = f"{value} EDITED"[: field.max_length]
    else:
        raise AssertionError(f"The test does not know how to edit Page.{name}: teach edit() or declare it LIVE_ONLY.")
    setattr(page, name, value)
    page.save()


@pytest.mark.parametrize("name", DRAFT_FIELDS)
def test_an_edit_to_any_draft_field_changes_no_public_page_until_published(client, site, name):
    pages = [site["substance"], site["article"], site["other"]]
    before = public_view(client, pages)
    for target in ["substance", "article", "index"]:
        edit(site[target], name, site)
    after = public_view(client, pages)
    changed = [url for url in before if before[url] != after[url]]
    assert not changed, f"editing the draft's {name} changed {changed} before publishing"
    for target in ["substance", "article", "index"]:
        publish(site[target], site["by"])
    assert public_view(client, pages) != before or name in UNSEEN, f"publishing the draft's {name} shows nowhere"


def test_the_walk_covers_the_fields_that_matter():
    assert {"title", "index_of", "order", "show_in_menu", "kind", "parent", "published_on", "related"} <= set(
        DRAFT_FIELDS
    )
