"""Shared steps of the admissions-desk browser tests: sign in as a staff member, save a screenshot."""

from django.test import Client


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def shot(page, name):
    page.screenshot(path=f"var/shots/desk-{name}-{page.viewport_size['width']}.png", full_page=True)
