"""The other demo pages: indexes, programs, About, admissions, privacy notice and the blog."""

import datetime

from content.demo_benzo import bullets, faq, text, warning

# (path, fields, sections); a parent is the page whose path is the prefix.
PAGES = [
    (
        "/substances/",
        {
            "title": "Substances we treat",
            "kind": "index",
            "index_of": "substance",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 1,
            "summary": "What we know about the substances people come to us for help with, and how treatment works.",
        },
        [],
    ),
    (
        "/treatment-programs/",
        {
            "title": "Treatment programs",
            "kind": "index",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 2,
            "summary": "Medical detox, inpatient (residential) and outpatient care, planned around each person.",
        },
        [],
    ),
    (
        "/treatment-programs/medical-detox/",
        {
            "title": "Medical detox",
            "kind": "program",
            "order": 1,
            "summary": "Withdrawal managed safely by a medical team, as the first step of treatment.",
        },
        [
            text(
                "What medical detox is",
                "Detox is the period when your body adjusts to going without a substance. "
                "With some substances, benzodiazepines and alcohol among them, withdrawal can be dangerous, so a "
                "medical team watches over you day and night and adjusts medicines and tapering as needed.",
            ),
            warning(
                "Do not detox alone from benzodiazepines or alcohol",
                "Stopping suddenly can cause seizures. Talk to a doctor or call us before you stop.",
            ),
        ],
    ),
    (
        "/treatment-programs/inpatient-treatment/",
        {
            "title": "Inpatient (residential) treatment",
            "kind": "program",
            "order": 2,
            "summary": "Living at the center while you take part in a full daily program of therapy and care.",
        },
        [
            text(
                "How inpatient treatment works",
                "You stay with us and follow a structured day of individual "
                "therapy, group therapy, psychiatric care and holistic therapies. Families can join family "
                "education groups. The plan is tailored to your needs, progress and goals.",
            ),
            bullets(
                "What a week includes",
                "",
                [
                    "Individual therapy",
                    "Group therapy",
                    "Family education groups",
                    "Psychiatric care",
                    "Holistic therapies",
                ],
            ),
        ],
    ),
    (
        "/treatment-programs/outpatient-treatment/",
        {
            "title": "Outpatient treatment",
            "kind": "program",
            "order": 3,
            "summary": "Treatment during the day or evening while you live at home and keep up work or family life.",
        },
        [
            text(
                "Who outpatient treatment suits",
                "Outpatient care suits people who are medically stable, have a "
                "safe place to live and want to keep working or studying. It is also a step down after inpatient "
                "treatment, so you leave with coping and life skills for the move back home.",
            ),
        ],
    ),
    (
        "/about/",
        {
            "title": "About Nexus",
            "kind": "general",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 4,
            "summary": "Who we are and how we care for the people who come to us.",
        },
        [
            text(
                "Care led by addiction specialists",
                "Treatment at Nexus Recovery is supervised by healthcare "
                "professionals who specialise in addiction medicine. Every program is tailored to the person: "
                "their needs, their progress and their goals.",
            ),
            bullets(
                "How we help",
                "",
                [
                    "Group therapy",
                    "Individual therapy",
                    "Family education groups",
                    "Psychiatric care",
                    "Holistic therapies",
                ],
            ),
            text(
                "Leaving ready for life at home",
                "People leave with practical life and coping skills for the "
                "move back home, and with a plan for ongoing recovery.",
            ),
        ],
    ),
    (
        "/how-admission-works/",
        {
            "title": "Admissions",
            "kind": "general",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 5,
            "summary": "How to start treatment: what we ask, what happens next and how quickly.",
        },
        [
            text(
                "Starting treatment",
                "You can call us at any hour, or send a short inquiry and an admissions "
                "coordinator will contact you in the way you choose. We will ask a few questions about your "
                "situation, check your insurance if you want us to, and agree a start date with you.",
            ),
            {
                "kind": "cta",
                "heading": "Ask about admission",
                "body": "The inquiry form takes about two minutes.",
                "cta_label": "Open the inquiry form",
                "cta_url": "/admissions/",
            },
            {
                "kind": "cta",
                "heading": "Check your insurance",
                "body": "Send us the details on the card and we will call you with what your plan covers.",
                "cta_label": "Check your insurance",
                "cta_url": "/admissions/insurance/",
            },
        ],
    ),
    (
        "/privacy-notice/",
        {
            "title": "Privacy notice",
            "kind": "general",
            "is_clinical": False,
            "summary": "What this website collects about you, why, how it is protected and how long it is kept.",
        },
        [
            text(
                "What we collect",
                "We collect only what you choose to send us: the details in an admission "
                "inquiry or callback request (such as your name, how to contact you and anything you tell us about "
                "your situation), and your email address if you sign up for the newsletter. With an inquiry we "
                "also keep the language of the form you used and, if you answer it, whether you would rather we "
                "speak Spanish, so the right person calls you back.",
            ),
            text(
                "How we protect it",
                "Inquiries are encrypted when stored and can be opened only by our "
                "admissions staff. Every time a staff member views, changes or exports an inquiry, it is recorded "
                "in an audit trail. We never put your details in web addresses, logs or notification emails.",
            ),
            text(
                "No trackers",
                "This site loads nothing from other companies: no advertising or analytics "
                "trackers, no third-party fonts or scripts. Share links are plain links that do nothing until you "
                "click them. Searches on this site are not logged with anything that identifies you.",
            ),
            text(
                "Newsletter",
                "We send the newsletter only after you confirm your address by clicking the link we "
                "email you (double opt-in). Every newsletter has a one-click unsubscribe link.",
            ),
            text(
                "How long we keep it",
                "We keep inquiries only as long as needed to help you and to meet our legal "
                "duties, then delete them. To ask what we hold about you, or to have it deleted, contact our "
                "admissions team.",
            ),
        ],
    ),
    (
        "/blog/",
        {
            "title": "Blog",
            "kind": "index",
            "is_clinical": False,
            "show_in_menu": True,
            "order": 6,
            "summary": "Short articles on recovery, treatment and supporting someone you love.",
        },
        [],
    ),
    (
        "/blog/how-a-medically-supervised-taper-works/",
        {
            "title": "How a medically supervised benzodiazepine taper works",
            "kind": "article",
            "author": "Nexus Recovery clinical team",
            "published_on": datetime.date(2026, 9, 15),
            "summary": "Why stopping slowly is safer, and what happens at each step of a supervised taper.",
        },
        [
            text(
                "Why slowly",
                "After regular use, stopping a benzodiazepine all at once can cause severe withdrawal, "
                "including seizures. A taper lowers the dose step by step so the body can adjust.",
            ),
            text(
                "What happens",
                "A doctor reviews your medicines and health, agrees a starting plan with you and "
                "checks in often. The pace can slow down if symptoms become hard to bear.",
            ),
            warning("Never stop on your own", "Talk to a doctor before changing your dose."),
        ],
    ),
    (
        "/blog/talking-with-family-about-benzodiazepine-use/",
        {
            "title": "How families can talk about benzodiazepine use",
            "kind": "article",
            "is_clinical": False,
            "author": "Nexus Recovery family team",
            "published_on": datetime.date(2026, 10, 6),
            "summary": "Starting a calm, honest conversation with someone whose medicine use worries you.",
        },
        [
            text(
                "Choose a calm moment",
                "Pick a time when you are both sober and not rushed. Say what you have "
                "noticed and how it makes you feel, without blame.",
            ),
            bullets(
                "Things that help",
                "",
                [
                    "Listen more than you talk",
                    "Offer to help find a doctor or program",
                    "Look after your own support too",
                ],
            ),
            faq(
                "What if they get defensive?",
                "That is common. Stay calm, say you care, and come back to it "
                "another day. Our admissions team can talk you through next steps.",
                heading="A common question",
            ),
        ],
    ),
    (
        "/blog/what-the-first-day-of-treatment-looks-like/",
        {
            "title": "What the first day of treatment looks like",
            "kind": "article",
            "is_clinical": False,
            "author": "Nexus Recovery admissions team",
            "published_on": datetime.date(2026, 11, 3),
            "summary": "From arrival to your first evening: what to expect on day one.",
        },
        [
            text(
                "Arriving",
                "An admissions coordinator meets you, shows you around and answers questions. A nurse "
                "and a doctor then check your health and any withdrawal symptoms.",
            ),
            text(
                "Your plan",
                "Before the day ends you meet your therapist and start shaping a treatment plan that "
                "fits your needs and goals.",
            ),
        ],
    ),
]
