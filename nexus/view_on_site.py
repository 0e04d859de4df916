"""The admin's "view on site" redirect (`/admin/r/<content type>/<id>/`), for public pages only.

Django's own view loads the object before asking whether its model has a page: to any staff
member it answers "no page" for a lead that exists and "does not exist" for one that does not,
and it decrypts the lead to do so. Here a model without `get_absolute_url` (leads, subscribers)
gets the same 404 for every id, without its table being read.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        model = None
    if model is None or not hasattr(model, "get_absolute_url"):
        raise Http404("No public page.")
    return shortcut(request, content_type_id, object_id)
