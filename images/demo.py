"""Demo images drawn here with Pillow (nothing downloaded): calm gradients and shapes that say
plainly, in the picture and in the alt text, that they are placeholders."""

import io

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont

from images import services
from images.models import Image

SIZE = (1600, 1000)
PLACEHOLDERS = {
    "benzo-hero": {
        "title": "SAMPLE: benzodiazepine page hero",
        "colours": ((38, 84, 92), (154, 196, 186)),
        "shapes": [(0.72, 0.42, 0.30, (232, 214, 170)), (0.28, 0.70, 0.22, (96, 150, 150))],
        "alt": "Sample placeholder picture: soft teal and sand-coloured circles on a calm green gradient, "
        "labelled SAMPLE IMAGE. A real photograph replaces it before launch.",
        "focal": (0.7, 0.45),
    },
    "detox-hero": {
        "title": "SAMPLE: medical detox page hero",
        "colours": ((52, 70, 110), (190, 200, 226)),
        "shapes": [(0.35, 0.45, 0.28, (226, 204, 190)), (0.78, 0.66, 0.18, (120, 140, 190))],
        "alt": "Sample placeholder picture: pale rose and blue circles on a soft blue gradient, labelled "
        "SAMPLE IMAGE. A real photograph replaces it before launch.",
        "focal": (0.4, 0.5),
    },
}


def draw(colours, shapes):
    width, height = SIZE
    top, bottom = colours
    gradient = PILImage.linear_gradient("L").resize(SIZE)
    picture = PILImage.composite(PILImage.new("RGB", SIZE, bottom), PILImage.new("RGB", SIZE, top), gradient)
    layer = PILImage.new("RGB", SIZE)
    mask = PILImage.new("L", SIZE, 0)
    for x, y, radius, colour in shapes:
        box = [(x - radius * 0.6) * width, y * height - radius * width * 0.6, (x + radius * 0.6) * width, 0]
        box[3] = box[1] + (box[2] - box[0])
        ImageDraw.Draw(layer).ellipse(box, fill=colour)
        ImageDraw.Draw(mask).ellipse(box, fill=150)
    picture.paste(layer, mask=mask.filter(ImageFilter.GaussianBlur(6)))
    label = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=88)
    text = "SAMPLE IMAGE"
    left, upper, right, lower = label.textbbox((0, 0), text, font=font)
    x, y = 80, round(height * 0.12)  # inside every crop the renditions make
    label.rounded_rectangle([x, y, x + right - left + 64, y + lower - upper + 40], radius=18, fill=(255, 255, 255))
    label.text((x + 32 - left, y + 20 - upper), text, font=font, fill=(30, 40, 45))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def placeholder(key):
    """The demo image `key`, drawn and added to the library the first time (idempotent by title)."""
    spec = PLACEHOLDERS[key]
    existing = Image.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    return services.add_image(
        data=draw(spec["colours"], spec["shapes"]),
        title=spec["title"],
        alt=spec["alt"],
        focal_x=spec["focal"][0],
        focal_y=spec["focal"][1],
        credit="SAMPLE image drawn for the demo site",
        licence="placeholder, free to reuse",
    )


def load():
    """`manage.py load_demo_content`: the placeholders, ready for the content demo to use."""
    for key in PLACEHOLDERS:
        placeholder(key)
    return f"{len(PLACEHOLDERS)} SAMPLE images (drawn here; renditions queued)"
