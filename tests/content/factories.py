import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from content import models, services
from content.models import Page, Reviewer, Section, Source
from nexus import roles


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        for name in extracted or []:
            user.groups.add(Group.objects.get(name=name))


class ReviewerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reviewer

    name = factory.Sequence(lambda n: f"Dr. Reviewer {n}")
    credentials = "MD"
    licence = "State medical licence 0000"
    user = factory.SubFactory(UserFactory, roles=[roles.CLINICAL_REVIEWERS])


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "A short summary."
    is_clinical = False


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    page = factory.SubFactory(PageFactory)
    order = factory.Sequence(int)
    heading = factory.Sequence(lambda n: f"Heading {n}")
    body = "Some **text**."


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    page = factory.SubFactory(PageFactory)
    title = "Prescription CNS Depressants DrugFacts"
    publisher = "NIDA"
    url = "https://nida.nih.gov/publications/drugfacts/prescription-cns-depressants"
    accessed_on = datetime.date(2026, 11, 1)


class ConsentedQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Testimonial

    display_name = "Sam P."
    quote = "The team helped me."
    consent_on = datetime.date(2026, 1, 1)
    consent_method = models.Testimonial.ConsentMethod.SIGNED_FORM
    is_published = True


def committed():
    """Run what waits for the commit (the cache's invalidation) at the end of the block, as the commit
    of a real request would: a test's own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def published_page(*, reviewer=None, **fields):
    """A live page, committed; clinical pages get a review from `reviewer` first."""
    with committed():
        page = PageFactory(**fields)
        if page.is_clinical:
            services.record_review(page=page, user=(reviewer or ReviewerFactory()).user)
        services.publish(page=page, user=None)
    page.refresh_from_db()
    return page
