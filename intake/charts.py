"""Small charts drawn on the server as inline SVG: no chart library, no script, nothing fetched.

Each chart only draws what a table beside it already says in words and numbers, so it is hidden
from screen readers (`aria-hidden`) and needs no text of its own: text inside a scaled SVG is
unreadable on a phone. Colours come from classes (intake-desk.css), never inline styles (CSP).
"""

from django.utils.html import format_html, format_html_join

BAR_WIDTH, BAR_HEIGHT = 120, 12


def bar(value, maximum):
    """One horizontal bar, as long as value is of maximum: drawn in a table cell beside the number."""
    length = round(BAR_WIDTH * value / maximum, 1) if maximum else 0
    return format_html(
        '<svg class="desk-bar" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" focusable="false">'
        '<rect class="desk-bar-track" width="{w}" height="{h}" rx="2"></rect>'
        '<rect class="desk-bar-fill" width="{length}" height="{h}" rx="2"></rect></svg>',
        w=BAR_WIDTH,
        h=BAR_HEIGHT,
        length=length,
    )


def columns(values, *, height=120, width=600):
    """A column per value (leads per day, week or month), scaled to the largest; empty columns stay as a tick."""
    if not values:
        return ""
    top = max(values) or 1
    slot = width / len(values)
    gap = min(slot * 0.2, 4)
    rects = []
    for i, value in enumerate(values):
        tall = max(round(height * value / top, 1), 1)
        rects.append((round(i * slot + gap / 2, 2), round(height - tall, 1), round(slot - gap, 2), tall))
    return format_html(
        '<svg class="desk-columns" viewBox="0 0 {} {}" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        '{}<line class="desk-axis" x1="0" y1="{}" x2="{}" y2="{}"></line></svg>',
        width,
        height,
        format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}"></rect>', rects),
        height,
        width,
        height,
    )
