from content.models.pages import Page, PageDueForReview
from content.models.reviews import Review, Reviewer, ReviewRequest
from content.models.revisions import Revision
from content.models.sections import Section, Source
from content.models.site_settings import SiteSettings
from content.models.terms import StigmaTerm
from content.models.testimonials import Testimonial
from content.models.trust import Accreditation, CallStep, InsurancePlan

__all__ = [
    "Accreditation",
    "CallStep",
    "InsurancePlan",
    "Page",
    "PageDueForReview",
    "Review",
    "Reviewer",
    "ReviewRequest",
    "Revision",
    "Section",
    "SiteSettings",
    "StigmaTerm",
    "Source",
    "Testimonial",
]
