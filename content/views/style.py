from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from content import trust

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


@staff_member_required
@never_cache
@require_safe
def style_guide(request):
    """Every component of the public site on one page, for staff (docs/design.md explains them)."""
    return render(request, "content/style.html", {"palette": PALETTE, "trust": trust.signals()})
