"""Building valid form posts: a stamp signed a few seconds ago, and every required answer."""

import time

from intake import spam

INQUIRY_URL = "/admissions/"
CALLBACK_URL = "/admissions/callback/"
THANKS_URL = "/admissions/thank-you/"


def stamp(age=10):
    return spam.new_stamp(now=time.time() - age)


def inquiry_data(**overrides):
    data = {
        "stamp": stamp(),
        "website": "",
        "in_danger": "no",
        "who_needs_help": "loved_one",
        "name": "Jordan Example",
        "relationship": "Sibling",
        "person_first_name": "Sam",
        "phone": "(202) 555-0142",
        "email": "jordan@example.com",
        "preferred_contact": "call",
        "best_time": "evening",
        "substances": ["benzodiazepines", "alcohol"],
        "care_level": "detox",
        "insurance_provider": "Example Health",
        "insurance_member_id": "XE123456789",
        "message": "Looking for a detox bed for my brother.",
        "privacy_consent": "on",
        "contact_consent": "on",
        "ft_landing_path": "/benzodiazepine-addiction-treatment/",
        "ft_referrer_origin": "https://search.example",
        "ft_utm_source": "search",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def callback_data(**overrides):
    data = {
        "stamp": stamp(),
        "name": "Robin Example",
        "phone": "202-555-0177",
        "best_time": "morning",
        "privacy_consent": "on",
        "contact_consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
