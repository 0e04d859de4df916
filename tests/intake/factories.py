import factory
from django.utils import timezone

from intake.models import Inquiry


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    submission_token = factory.Sequence(lambda n: f"token-{n}")
    name = factory.Sequence(lambda n: f"Person {n}")
    phone = factory.Sequence(lambda n: f"+1202555{100 + n % 100:04d}")
    email = ""
    consent_version = "test"
    privacy_consent_at = factory.LazyFunction(timezone.now)
    contact_consent_at = factory.LazyFunction(timezone.now)
