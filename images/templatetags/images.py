"""`{% picture image sizes="..." %}`: a <picture> with AVIF and WebP sources and a JPEG <img>.

Until an image's renditions exist (the task has not run, or failed) the original is shown, with
its width and height, so the page never waits for a worker and never shifts as it loads.
"""

from django import template

from images.processing import ASPECTS
from nexus import site_url

register = template.Library()
DEFAULT_SIZES = "(min-width: 62rem) 48rem, 100vw"
FALLBACK_WIDTH = 800


def renditions_of(image, aspect):
    """The image's renditions for `aspect` by format, narrowest first (uses prefetched rows)."""
    by_format = {}
    for rendition in sorted(image.renditions.all(), key=lambda r: r.width):
        if rendition.aspect == aspect:
            by_format.setdefault(rendition.format, []).append(rendition)
    return by_format


def srcset(renditions):
    return ", ".join(f"{r.file.url} {r.width}w" for r in renditions)


@register.inclusion_tag("images/picture.html")
def picture(image, sizes=DEFAULT_SIZES, aspect="", priority=False, css_class=""):
    """`priority` is for the one image at the top (the hero): fetched at once and first; every
    other image is fetched lazily as it nears the viewport."""
    if aspect not in ASPECTS:
        raise template.TemplateSyntaxError(f"picture: unknown aspect {aspect!r} (known: {sorted(ASPECTS)})")
    by_format = renditions_of(image, aspect) if image else {}
    jpegs = by_format.get("jpeg", [])
    fallback = next((r for r in reversed(jpegs) if r.width <= FALLBACK_WIDTH), jpegs[0]) if jpegs else None
    sources = [
        {"type": f"image/{name}", "srcset": srcset(by_format[name])} for name in ("avif", "webp") if by_format.get(name)
    ]
    return {
        "image": image,
        "sizes": sizes,
        "priority": priority,
        "css_class": css_class,
        "sources": sources,
        "src": fallback.file.url if fallback else (image.file.url if image else ""),
        "srcset": srcset(jpegs),
        "width": fallback.width if fallback else getattr(image, "width", 0),
        "height": fallback.height if fallback else getattr(image, "height", 0),
    }


def absolute(url):
    """Storage URLs are either absolute (a bucket) or paths on this site (/media/...)."""
    return url if url.startswith(("https://", "http://")) else site_url.absolute(url)


@register.simple_tag
def og_image_url(image):
    """The absolute URL of the image to show when the page is shared: the widest JPEG up to 1200 px
    of the 16:9 crop (what social cards expect), or the original until renditions exist."""
    if not image:
        return ""
    jpegs = [r for r in renditions_of(image, "16:9").get("jpeg", []) if r.width <= 1200]
    return absolute(jpegs[-1].file.url if jpegs else image.file.url)
