from intake.admin.calls import CallClickAdmin
from intake.admin.inquiry import InquiryAdmin
from intake.admin.partners import ReferralPartnerAdmin

__all__ = ["CallClickAdmin", "InquiryAdmin", "ReferralPartnerAdmin"]
