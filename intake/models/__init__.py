from intake.models.calls import CallClick
from intake.models.inquiry import Inquiry
from intake.models.merges import LeadMerge
from intake.models.names import LeadNameWord
from intake.models.outcomes import Outcome, ReferralPartner
from intake.models.reminders import Reminder
from intake.models.timeline import Activity, StatusChange
from intake.models.vob import BenefitsCheck, CardPhoto

__all__ = [
    "Activity",
    "BenefitsCheck",
    "CallClick",
    "CardPhoto",
    "Inquiry",
    "LeadMerge",
    "LeadNameWord",
    "Outcome",
    "ReferralPartner",
    "Reminder",
    "StatusChange",
]
