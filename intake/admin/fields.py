"""What the admin shows of a lead, in groups, and the CSV export's columns built from them."""

PERSON = [
    "kind",
    "created_at",
    "in_danger",
    "who_needs_help",
    "name",
    "relationship",
    "person_first_name",
    "phone",
    "email",
    "preferred_contact",
    "best_time",
    "voicemail_ok",
]
ANSWERS = ["care_level", "insurance_provider", "insurance_member_id", "message"]
HELP = ["substance_list", *ANSWERS]
CONSENT = ["consent_version", "privacy_consent_at", "contact_consent_at", "reminder_consent_at"]
ATTRIBUTION = [
    "landing_path",
    "referrer_origin",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
]
PIPELINE = ["status", "owner", "follow_up_due", "first_contact_at"]
# The language columns last: files read by column position keep working.
CSV_FIELDS = ["pk", *PIPELINE, *PERSON, "substances", *ANSWERS, "landing_path", "source", "language", "prefers_spanish"]
