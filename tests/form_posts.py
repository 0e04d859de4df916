"""The test client posts forms as browsers post ours: urlencoded, multipart only for files.

Django's test client encodes every POST as multipart/form-data unless told otherwise. No
public form of ours is multipart (and public endpoints refuse multipart: nexus/bodylimit.py),
so a test posting a dict gets what a browser sends for it: application/x-www-form-urlencoded,
unless a value is a file (an admin upload), which keeps multipart. An explicit content_type
is always kept.
"""

from urllib.parse import urlencode

from django.test import client

URLENCODED = "application/x-www-form-urlencoded"
_original_post = client.Client.post
_DEFAULT = object()


def has_file(data):
    values = data.values() if hasattr(data, "values") else []
    return any(hasattr(value, "read") for value in values)


def urlencoded(data):
    if data is None:
        return ""
    return urlencode(list(data.lists()) if hasattr(data, "lists") else data, doseq=True)


def post(self, path, data=None, content_type=_DEFAULT, **kwargs):
    if content_type is _DEFAULT:
        if data is None or (isinstance(data, dict) and not has_file(data)):
            content_type, data = URLENCODED, urlencoded(data)
        else:
            content_type = client.MULTIPART_CONTENT
    return _original_post(self, path, data, content_type, **kwargs)


def install():
    client.Client.post = post
