"""Fictional referral partners for local demos (marked SAMPLE, phones from the 555-01xx range)."""

from intake.models import ReferralPartner

PARTNERS = [
    ("Harbor Medical Detox (SAMPLE)", "detox", "(202) 555-0150", "Takes medically complex detox; call intake first."),
    ("Riverside Adolescent Program (SAMPLE)", "residential", "(202) 555-0151", "Ages 13 to 17 only."),
    ("Northside Outpatient Clinic (SAMPLE)", "outpatient", "(202) 555-0152", "Evening IOP, most insurance plans."),
    ("Lantern Sober Living (SAMPLE)", "sober_living", "(202) 555-0153", ""),
]


def load():
    for name, kind, phone, notes in PARTNERS:
        ReferralPartner.objects.get_or_create(name=name, defaults={"kind": kind, "phone": phone, "notes": notes})
