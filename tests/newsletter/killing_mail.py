"""A mail backend that "kills the worker" right after its Nth message was handed over.

It raises a BaseException, which the worker does not catch, exactly like SIGKILL between
"the SMTP server accepted the message" and "the row was marked sent": the worst moment.
"""

from django.core.mail.backends.locmem import EmailBackend


class WorkerKilled(BaseException):
    pass


class KillAfter(EmailBackend):
    limit = 3
    sent = 0

    def send_messages(self, messages):
        count = super().send_messages(messages)
        KillAfter.sent += count
        if KillAfter.sent >= KillAfter.limit:
            raise WorkerKilled
        return count
