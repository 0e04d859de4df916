from content.models.pages import Page, PageDueForReview
from content.models.reviews import Review, Reviewer, ReviewRequest
from content.models.revisions import Revision
from content.models.sections import Section, Source
from content.models.site_settings import SiteSettings
from content.models.terms import StigmaTerm
from content.models.testimonials import Testimonial

__all__ = [
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
