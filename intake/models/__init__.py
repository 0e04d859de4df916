from intake.models.calls import CallClick
from intake.models.inquiry import Inquiry
from intake.models.merges import LeadMerge
from intake.models.names import LeadNameWord
from intake.models.outcomes import Outcome, ReferralPartner
from intake.models.timeline import Activity, StatusChange

__all__ = [
    "Activity",
    "CallClick",
    "Inquiry",
    "LeadMerge",
    "LeadNameWord",
    "Outcome",
    "ReferralPartner",
    "StatusChange",
]
