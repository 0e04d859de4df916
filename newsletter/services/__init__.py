"""Writes that touch several models (audit rows included), by concern; callers use `services.<name>`."""

from newsletter.services.issues import enqueue_worker, schedule, start_due_issues, start_sending, tend_issues
from newsletter.services.subscribers import (
    confirm,
    erase,
    find_by_address,
    handle_signup_request,
    handle_waiting_signups,
    import_subscribers,
    record_export,
    record_list_view,
    record_view,
    request_signup,
    subscribe,
    suppress,
    suppress_addresses,
    unsubscribe,
    update_subscriber,
)

__all__ = [
    "confirm",
    "enqueue_worker",
    "erase",
    "find_by_address",
    "handle_signup_request",
    "handle_waiting_signups",
    "import_subscribers",
    "record_export",
    "record_list_view",
    "record_view",
    "request_signup",
    "schedule",
    "start_due_issues",
    "start_sending",
    "subscribe",
    "suppress",
    "suppress_addresses",
    "tend_issues",
    "unsubscribe",
    "update_subscriber",
]
