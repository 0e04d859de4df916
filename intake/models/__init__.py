from intake.models.calls import CallClick
from intake.models.inquiry import Inquiry
from intake.models.names import LeadNameWord
from intake.models.timeline import Activity, StatusChange

__all__ = ["Activity", "CallClick", "Inquiry", "LeadNameWord", "StatusChange"]
