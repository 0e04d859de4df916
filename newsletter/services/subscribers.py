"""Subscribers: sign-up, confirmation, unsubscribe, suppression, erasure, import, and staff's audited reads."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletter import consent
from newsletter.addresses import address_hash
from newsletter.models import SignupRequest, Subscriber, Suppression
from nexus import locale
from nexus.audit import Action, record

logger = logging.getLogger("newsletter.services")
S = Subscriber.Status
SIGNUP_GRACE = timedelta(minutes=5)  # how long a sign-up request's own task has before the sweep takes it
NEVER_MAILED_AGAIN = {Suppression.Reason.BOUNCED, Suppression.Reason.COMPLAINED, Suppression.Reason.REJECTED}


def request_signup(*, email, first_name="", source, consent_version=consent.CURRENT_VERSION, language=None):
    """What the public form does: store the request (encrypted) and queue its id; nothing else.

    No look-up happens here, so the request takes the same queries and the same time for a new,
    pending, confirmed, unsubscribed or suppressed address; the task does the rest (subscribe).
    The language is the page's (the active language) unless given: the task runs without it.
    """
    signup = SignupRequest.objects.create(
        email=email,
        first_name=first_name,
        source=source,
        consent_version=consent_version,
        language=language or locale.site_language(),
    )
    from newsletter.tasks import handle_signup

    transaction.on_commit(lambda: handle_signup.enqueue(signup.pk))


@transaction.atomic
def handle_signup_request(*, signup_id):
    """The background half of a sign-up: apply it once, then forget the request row."""
    signup = SignupRequest.objects.select_for_update().filter(pk=signup_id).first()
    if signup is None:  # handled already (a task run twice)
        return False
    subscribe(
        email=signup.email,
        first_name=signup.first_name,
        source=signup.source,
        consent_version=signup.consent_version,
        language=signup.language,
        now=signup.created_at,
    )
    signup.delete()
    return True


def handle_waiting_signups(*, now=None):
    """Requests whose task never finished (a worker died, the database was down): handle them now.
    Younger ones are left to their own task. Returns how many were handled."""
    cutoff = (now or timezone.now()) - SIGNUP_GRACE
    ids = list(SignupRequest.objects.filter(created_at__lt=cutoff).values_list("pk", flat=True))
    return sum(handle_signup_request(signup_id=signup_id) for signup_id in ids)


def subscribe(*, email, first_name="", source, consent_version=consent.CURRENT_VERSION, language=None, now=None):
    """Record a sign-up request and ask the address's owner to confirm it; return nothing.

    Whatever state the address is in, the caller learns nothing (the public answer is always
    the same). A confirmed address is left as it is (its language too: a form on the other
    language's page does not move someone's newsletter without their confirmation); an address
    that bounced or complained gets no mail at all; anything else gets a confirmation email, in
    the sign-up's language, at most one per throttle interval.
    """
    now = now or timezone.now()
    language = language or locale.site_language()
    fields = {
        "language": language,
        "first_name": first_name,
        "source": source,
        "consent_version": consent_version,
        "consent_text": consent.text(consent_version, language),
        "consent_at": now,
    }
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.select_for_update().with_address(email).first()
            if subscriber is None:
                subscriber = Subscriber.objects.create(email=email, status=S.PENDING, **fields)
            elif subscriber.status == S.CONFIRMED:
                return
            else:
                for name, value in fields.items():
                    setattr(subscriber, name, value)
                subscriber.email, subscriber.status = email, S.PENDING
                subscriber.signup_round += 1
                subscriber.save()
            transaction.on_commit(lambda: _ask_to_confirm(subscriber))
    except IntegrityError:  # the same address signed up twice at the same instant: the first one wins
        return


def _ask_to_confirm(subscriber):
    suppression = Suppression.objects.filter(email_hash=subscriber.email_hash).first()
    if suppression and suppression.reason in NEVER_MAILED_AGAIN:
        logger.info("newsletter: sign-up for a suppressed address, no email sent")
        return
    # The throttle key is the address's keyed hash: the cache never holds an address.
    if not cache.add(f"newsletter:confirm-mail:{subscriber.email_hash}", 1, settings.NEXUS_NEWSLETTER_CONFIRM_INTERVAL):
        logger.info("newsletter: confirmation email throttled")
        return
    from newsletter.tasks import send_confirmation

    send_confirmation.enqueue(subscriber.pk)


@transaction.atomic
def confirm(*, key, signup_round, now=None):
    """Confirm the sign-up a link belongs to. Returns "confirmed", "already" or "stale".

    Replaying a link is harmless ("already"); a link from an older sign-up, or one opened after
    the person unsubscribed, confirms nothing ("stale").
    """
    subscriber = Subscriber.objects.select_for_update().filter(key=key).first()
    if subscriber is None or subscriber.signup_round != signup_round:
        return "stale"
    if subscriber.status == S.CONFIRMED:
        return "already"
    if subscriber.status != S.PENDING:
        return "stale"
    subscriber.status, subscriber.confirmed_at, subscriber.unsubscribed_at = S.CONFIRMED, now or timezone.now(), None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    Suppression.objects.filter(email_hash=subscriber.email_hash, reason__in=Suppression.LIFTED_BY_NEW_CONSENT).delete()
    logger.info("newsletter: subscriber #%s confirmed", subscriber.pk)
    return "confirmed"


@transaction.atomic
def unsubscribe(*, key, actor=None, now=None):
    """Take effect at once: the subscriber is marked and the address suppressed (idempotent).
    Staff doing it for someone (actor) is audited."""
    subscriber = Subscriber.objects.select_for_update().filter(key=key).first()
    if subscriber is None:  # erased already: only the suppression hash remains
        return False
    if actor is not None:
        record(actor=actor, action=Action.CHANGE, obj=subscriber, detail="unsubscribed by staff")
    if subscriber.status != S.UNSUBSCRIBED:
        subscriber.status, subscriber.unsubscribed_at = S.UNSUBSCRIBED, now or timezone.now()
        subscriber.email = ""  # nothing left to mail: keep only the hash, as the suppression list does
        subscriber.save(update_fields=["status", "unsubscribed_at", "email"])
    suppress(email_hash=subscriber.email_hash, reason=Suppression.Reason.UNSUBSCRIBED)
    logger.info("newsletter: subscriber #%s unsubscribed", subscriber.pk)
    return True


def suppress(*, email_hash, reason):
    """Add a hash to the suppression list; an existing entry keeps its (earlier) reason."""
    Suppression.objects.get_or_create(email_hash=email_hash, defaults={"reason": reason})


@transaction.atomic
def suppress_addresses(*, addresses, reason):
    """Bounces and complaints: suppress each address and stop mailing any subscriber with it."""
    hashes = {address_hash(address) for address in addresses if address}
    for email_hash in hashes:
        suppress(email_hash=email_hash, reason=reason)
    Subscriber.objects.filter(email_hash__in=hashes).exclude(status=S.UNSUBSCRIBED).update(
        status=S.UNSUBSCRIBED, unsubscribed_at=timezone.now(), email=""
    )
    return len(hashes)


@transaction.atomic
def erase(*, subscriber, actor=None):
    """Forget a person: keep only their address hash (so they are never mailed again), drop the rest."""
    if actor is not None:
        record(actor=actor, action=Action.CHANGE, obj=subscriber, detail="erased on request")
    suppress(email_hash=subscriber.email_hash, reason=Suppression.Reason.ERASED)
    pk = subscriber.pk
    subscriber.delete()
    logger.info("newsletter: subscriber #%s erased", pk)


@transaction.atomic
def import_subscribers(*, rows, source, ask_to_confirm=False, actor=None, now=None):
    """Store checked CSV rows in one transaction. Returns counts (imported, confirmed, existing, suppressed).

    Addresses already on the list or on the suppression list are left alone: an import never
    re-subscribes someone who left, and never marks anyone confirmed without a consent proof.
    """
    now = now or timezone.now()
    counts = dict.fromkeys(["imported", "confirmed", "existing", "suppressed"], 0)
    suppressed = set(Suppression.objects.values_list("email_hash", flat=True))
    existing = set(Subscriber.objects.values_list("email_hash", flat=True))
    created = []
    for row in rows:
        email_hash = address_hash(row.email)
        if email_hash in suppressed:
            counts["suppressed"] += 1
            continue
        if email_hash in existing:
            counts["existing"] += 1
            continue
        proven = bool(row.consent_proof)
        subscriber = Subscriber.objects.create(
            email=row.email,
            first_name=row.first_name,
            language=row.language,
            source=source,
            status=S.CONFIRMED if proven else S.PENDING,
            consent_version="import",
            consent_text=row.consent_proof or "Imported without proof of consent: must confirm by email.",
            consent_proof=row.consent_proof,
            consent_at=row.consent_at or now,
            confirmed_at=(row.consent_at or now) if proven else None,
        )
        counts["imported"] += 1
        counts["confirmed"] += proven
        if not proven:
            created.append(subscriber)
    if ask_to_confirm:
        for subscriber in created:
            transaction.on_commit(lambda subscriber=subscriber: _ask_to_confirm(subscriber))
    detail = "CSV import: " + ", ".join(f"{name} {count}" for name, count in counts.items())
    record(actor=actor, action=Action.CHANGE, object_type="newsletter.subscriber", detail=detail)
    return counts


# Staff reading and editing subscribers: every view of an address leaves an audit row, written here.


def record_list_view(*, actor, subscriber_ids):
    """A page of the subscriber list (addresses shown): which rows, never the filters' values."""
    shown = ", ".join(f"#{pk}" for pk in subscriber_ids)
    record(actor=actor, action=Action.VIEW, object_type="newsletter.subscriber", detail=f"list: {shown or 'none'}")


def record_view(*, actor, subscriber_id):
    record(actor=actor, action=Action.VIEW, object_type="newsletter.subscriber", object_id=subscriber_id)


def record_export(*, actor, count):
    detail = f"CSV export of {count} subscribers"
    record(actor=actor, action=Action.EXPORT, object_type="newsletter.subscriber", detail=detail)


@transaction.atomic
def update_subscriber(*, subscriber, changed, actor):
    subscriber.save()
    if changed:
        record(actor=actor, action=Action.CHANGE, obj=subscriber, detail="changed " + ", ".join(changed))


def find_by_address(*, address, actor):
    """Staff search for one exact address: (subscribers, suppressions) found through the keyed hash
    of its canonical form. Audited with the count found; the address itself is kept nowhere."""
    email_hash = address_hash(address)
    subscribers = list(Subscriber.objects.filter(email_hash=email_hash))
    suppressions = list(Suppression.objects.filter(email_hash=email_hash))
    found = ", ".join(f"#{s.pk}" for s in subscribers) or "no subscriber"
    record(
        actor=actor,
        action=Action.VIEW,
        object_type="newsletter.subscriber",
        detail=f"search by address: {found}, {len(suppressions)} suppression(s)",
    )
    return subscribers, suppressions
