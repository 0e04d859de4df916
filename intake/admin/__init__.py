from intake.admin.calls import CallClickAdmin
from intake.admin.inquiry import InquiryAdmin
from intake.admin.partners import ReferralPartnerAdmin
from intake.admin.vob import BenefitsCheckAdmin

__all__ = ["BenefitsCheckAdmin", "CallClickAdmin", "InquiryAdmin", "ReferralPartnerAdmin"]
