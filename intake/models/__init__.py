from intake.models.calls import CallClick
from intake.models.inquiry import Inquiry
from intake.models.reminders import Reminder
from intake.models.timeline import Activity, StatusChange

__all__ = ["Activity", "CallClick", "Inquiry", "Reminder", "StatusChange"]
