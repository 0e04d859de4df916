from newsletter.models.issue import Delivery, Issue
from newsletter.models.subscriber import Subscriber, Suppression

__all__ = ["Delivery", "Issue", "Subscriber", "Suppression"]
