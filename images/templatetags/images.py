"""`{% picture image sizes="..." %}`: a <picture> with AVIF and WebP sources and a JPEG <img>.

Until an image's renditions exist (the task has not run yet, or it failed) readers get a plain box
of the rendition's width and height in place of the picture, never the original: an upload can be
megabytes, and a phone's first view would pay for it. Nothing shifts when the renditions arrive,
and the box asks for them once (images.services.request_renditions) in case no worker has.
"""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import translation

from images import services
from images.processing import ASPECTS, crop_box
from nexus import site_url

register = template.Library()
DEFAULT_SIZES = "(min-width: 62rem) 48rem, 100vw"
FALLBACK_WIDTH = 800
# The box shown while renditions are being made: the site's calm tint (--brand-tint), drawn by the
# browser from a few bytes inside the page (the CSP allows data: images; no request is made). Its
# viewBox has the picture's proportions: a loaded image's own ratio wins over width and height.
PENDING_BOX = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>"
    "<rect width='{width}' height='{height}' fill='#e3f0f1'/></svg>"
)


def pending_box(width, height):
    return "data:image/svg+xml," + quote(PENDING_BOX.format(width=width, height=height), safe="/:='")


class Listed:
    """One entry of Image.rendition_list, with its URL (asked of the storage only when used)."""

    __slots__ = ("file", "height", "width")

    def __init__(self, entry):
        self.width, self.height, self.file = entry["width"], entry["height"], entry["file"]

    @property
    def url(self):
        return default_storage.url(self.file)


def renditions_of(image, aspect):
    """The image's renditions for `aspect` by format, narrowest first (from the image's own row)."""
    by_format = {}
    for entry in sorted(image.rendition_list, key=lambda r: r["width"]):
        if entry["aspect"] == aspect:
            by_format.setdefault(entry["format"], []).append(Listed(entry))
    return by_format


def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def pending_size(image, aspect):
    """The width and height the fallback JPEG will have once it is made: the crop of `aspect` at
    FALLBACK_WIDTH at most (never wider than the source)."""
    if not image.width or not image.height:
        ratio = ASPECTS[aspect] or (16, 9)
        return FALLBACK_WIDTH, round(FALLBACK_WIDTH * ratio[1] / ratio[0])
    left, top, right, bottom = crop_box((image.width, image.height), ASPECTS[aspect], (image.focal_x, image.focal_y))
    width = min(FALLBACK_WIDTH, right - left)
    return width, max(1, round((bottom - top) * width / (right - left)))


@register.inclusion_tag("images/picture.html")
def picture(image, sizes=DEFAULT_SIZES, aspect="", priority=False, css_class=""):
    """`priority` is for the one image at the top (the hero): fetched at once and first; every
    other image is fetched lazily as it nears the viewport."""
    if aspect not in ASPECTS:
        raise template.TemplateSyntaxError(f"picture: unknown aspect {aspect!r} (known: {sorted(ASPECTS)})")
    context = {"image": image, "sizes": sizes, "priority": priority, "css_class": css_class}
    if not image:
        return context
    if not image.decorative:
        context["text_lang"] = image.text_language_on(translation.get_language() or settings.LANGUAGE_CODE)
    by_format = renditions_of(image, aspect)
    jpegs = by_format.get("jpeg", [])
    if not jpegs:
        services.request_renditions(image=image)
        width, height = pending_size(image, aspect)
        return context | {
            "sources": [],
            "src": pending_box(width, height),
            "srcset": "",
            "width": width,
            "height": height,
        }
    fallback = next((r for r in reversed(jpegs) if r.width <= FALLBACK_WIDTH), jpegs[0])
    sources = [
        {"type": f"image/{name}", "srcset": srcset(by_format[name])} for name in ("avif", "webp") if by_format.get(name)
    ]
    return context | {
        "sources": sources,
        "src": fallback.url,
        "srcset": srcset(jpegs),
        "width": fallback.width,
        "height": fallback.height,
    }


def absolute(url):
    """Storage URLs are either absolute (a bucket) or paths on this site (/media/...)."""
    return url if url.startswith(("https://", "http://")) else site_url.absolute(url)


@register.simple_tag
def og_image_url(image):
    """The absolute URL of the image to show when the page is shared: the widest JPEG up to 1200 px
    of the 16:9 crop (what social cards expect), or the original until renditions exist (fetched
    by the sharing site's crawler, not by readers)."""
    if not image:
        return ""
    jpegs = [r for r in renditions_of(image, "16:9").get("jpeg", []) if r.width <= 1200]
    return absolute(jpegs[-1].url if jpegs else image.file.url)
