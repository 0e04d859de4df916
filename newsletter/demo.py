"""Demo data: one sent issue for the public archive, a draft in English and one in Spanish;
fictional subscribers (two of them Spanish readers) only locally."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from newsletter import consent
from newsletter.models import Issue, Subscriber

SENT_SUBJECT = "Sleep in early recovery, and what helps"
DRAFT_SUBJECT = "Draft: the holidays without alcohol"
BODY = """Hello from everyone at the center.

## Sleep in early recovery

Many people find sleep is the last thing to settle after detox. Our clinical team explains why,
and which habits help in the first weeks.

## Family sessions

Our family programme meets on Tuesday evenings. Loved ones are welcome whether or not the
person they care about is in treatment with us.

If you or someone you love needs help today, call us at any hour.
"""
SPANISH_DRAFT_SUBJECT = "Borrador: las fiestas sin alcohol (MUESTRA)"
SPANISH_BODY = """Un saludo de parte de todo el equipo del centro.

## Las fiestas, paso a paso

Para muchas personas, las fiestas de fin de año son una época difícil en la recuperación. Le
compartimos algunas ideas sencillas para planear esos días con calma y con apoyo.

Si usted o un ser querido necesita ayuda hoy, llámenos a cualquier hora.

*Texto de muestra: pendiente de revisión.*
"""
SPANISH_READERS = {3, 4}


def load():
    now = timezone.now()
    summary = []
    if not Issue.objects.filter(subject=SENT_SUBJECT).exists():
        started = now - timedelta(days=20)
        Issue.objects.create(
            subject=SENT_SUBJECT,
            preheader="Why sleep is slow to return, and what helps",
            body=BODY,
            status=Issue.Status.SENT,
            started_at=started,
            finished_at=started + timedelta(minutes=3),
        )
        summary.append("1 archived issue")
    if not Issue.objects.filter(subject=DRAFT_SUBJECT).exists():
        Issue.objects.create(subject=DRAFT_SUBJECT, preheader="Ideas for a sober season", body=BODY)
        summary.append("1 draft")
    if not Issue.objects.filter(subject=SPANISH_DRAFT_SUBJECT).exists():
        Issue.objects.create(
            subject=SPANISH_DRAFT_SUBJECT,
            preheader="Ideas para unas fiestas tranquilas",
            body=SPANISH_BODY,
            language="es",
        )
        summary.append("1 draft in Spanish")
    if getattr(settings, "NEXUS_LOCAL_DEMO", False):
        created = 0
        for number, status in enumerate(["confirmed"] * 4 + ["pending", "unsubscribed"], start=1):
            email = f"demo.reader{number:02d}@example.com"
            if Subscriber.objects.with_address(email).exists():
                continue
            Subscriber.objects.create(
                email=email,
                first_name=f"Demo{number:02d}",
                language="es" if number in SPANISH_READERS else "en",
                status=status,
                source="footer:/",
                consent_version=consent.CURRENT_VERSION,
                consent_text=consent.current_text(),
                consent_at=now - timedelta(days=number),
                confirmed_at=now - timedelta(days=number) if status != "pending" else None,
                unsubscribed_at=now if status == "unsubscribed" else None,
            )
            created += 1
        summary.append(f"{created} fictional subscribers added ({Subscriber.objects.count()} subscribers in all)")
    return ", ".join(summary) or "issues already loaded"
