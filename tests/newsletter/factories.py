import factory
from django.utils import timezone

from newsletter import consent
from newsletter.models import Issue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    status = Subscriber.Status.CONFIRMED
    source = "footer:/"
    consent_version = consent.CURRENT_VERSION
    consent_text = factory.LazyFunction(consent.current_text)
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    subject = factory.Sequence(lambda n: f"Recovery notes, issue {n}")
    preheader = "What we learned this month"
    body = "## This month\n\nA [new article](https://nexus.example/blog/sleep/) on sleep in early recovery."
