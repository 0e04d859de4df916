from intake.admin.calls import CallClickAdmin
from intake.admin.inquiry import InquiryAdmin

__all__ = ["CallClickAdmin", "InquiryAdmin"]
