from newsletter.models.issue import Delivery, Issue
from newsletter.models.signup import SignupRequest
from newsletter.models.subscriber import Subscriber, Suppression

__all__ = ["Delivery", "Issue", "SignupRequest", "Subscriber", "Suppression"]
