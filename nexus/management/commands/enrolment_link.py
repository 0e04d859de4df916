from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nexus import enrolment, services


class Command(BaseCommand):
    help = (
        "Print a one-time link with which a staff member sets up their first authenticator app "
        "(for operators: the first superuser, or anyone no lead may issue a link for). Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = enrolment.needs_enrolment().filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError("No active staff account by that name is waiting to set up two-factor sign-in.")
        link, token = services.issue_enrolment_link(user=user)
        url = enrolment.link_url(token)
        self.stdout.write(f"{url}\nWorks once, until {link.expires_at:%Y-%m-%d %H:%M %Z}. Give it to them yourself.")
