import mimetypes
import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

# Only the library's own files, by the names it gives them: nothing else in the storage is public.
SERVED = re.compile(r"images/(originals|renditions/\d+)/[A-Za-z0-9_-]+\.(jpg|png|webp|avif)")


@require_safe
def media(request, name):
    """Media files from the default storage, where nothing else serves them (local settings, or
    production without a bucket). Every name is unique to its content, so browsers keep it."""
    if not SERVED.fullmatch(name) or not default_storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".avif"):
        content_type = "image/avif"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
