from intake.admin.calls import CallClickAdmin
from intake.admin.inquiry import InquiryAdmin
from intake.admin.vob import BenefitsCheckAdmin

__all__ = ["BenefitsCheckAdmin", "CallClickAdmin", "InquiryAdmin"]
