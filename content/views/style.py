from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PALETTE = [
    ("ink", "#1f2a30", "Body text, 14.1:1 on white"),
    ("ink-muted", "#4a5560", "Secondary text, 7.4:1 on white"),
    ("brand", "#0b5563", "Links and buttons, 7.9:1 on white"),
    ("brand-dark", "#083d47", "Hover, CTA band, bottom bar: white text 11.6:1"),
    ("brand-tint", "#e3f0f1", "Calm panels, callouts"),
    ("paper", "#fbf8f3", "Warm bands, footer"),
    ("sand", "#f1ebe1", "Quotes, warm callouts"),
    ("crisis", "#7a1a1a", "Crisis bar and urgent care cards: white text 10.4:1"),
    ("error", "#a4161a", "Errors: 7.0:1 on white"),
    ("focus", "#ffbf47", "Focus ring, with an ink outline"),
]

# Specimens, not the published entries: the style page shows every component even on a site
# that has no trust signals yet.
SPECIMEN_TRUST = {
    "steps": [
        {"title": "A person answers", "body": "Someone from admissions picks up, day or night.", "sample": True},
        {"title": "We listen first", "body": "We ask what is happening and answer questions.", "sample": True},
        {"title": "You decide the next step", "body": "Nothing is booked unless you ask.", "sample": True},
    ],
    "accreditations": [
        {
            "name": "An accrediting body",
            "kind": "Accreditation",
            "detail": "Specimen entry",
            "url": "https://example.org/verify",
            "sample": True,
            "is_licence": False,
        },
        {
            "name": "State licence",
            "kind": "State licence",
            "detail": "No. SPECIMEN-0000",
            "url": "https://example.org/licence",
            "sample": True,
            "is_licence": True,
        },
    ],
    "insurance": [
        {"name": "Most PPO plans", "note": "", "sample": True},
        {"name": "Self-pay", "note": "", "sample": True},
    ],
    "team": [
        {
            "name": "Dr. Alex Sample",
            "credentials": "MD (SAMPLE)",
            "role": "Medical director",
            "initials": "AS",
            "sample": True,
        }
    ],
}


@staff_member_required
@never_cache
@require_safe
def style_guide(request):
    """Every component of the public site on one page, for staff (docs/design.md explains them)."""
    return render(request, "content/style.html", {"palette": PALETTE, "trust": SPECIMEN_TRUST})
