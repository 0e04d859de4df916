from django.db import migrations, models


def copy_renditions(apps, schema_editor):
    """Images made before the copy existed get it from their rendition rows."""
    Image = apps.get_model("images", "Image")
    Rendition = apps.get_model("images", "Rendition")
    listed = {}
    for rendition in Rendition.objects.order_by("aspect", "format", "width").iterator():
        listed.setdefault(rendition.image_id, []).append(
            {
                "aspect": rendition.aspect,
                "format": rendition.format,
                "width": rendition.width,
                "height": rendition.height,
                "file": rendition.file.name,
            }
        )
    for image_id, renditions in listed.items():
        Image.objects.filter(pk=image_id).update(rendition_list=renditions)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0002_hF_failed_label"),
    ]

    operations = [
        migrations.AddField(
            model_name="image",
            name="rendition_list",
            field=models.JSONField(blank=True, default=list, editable=False, verbose_name="renditions made"),
        ),
        migrations.RunPython(copy_renditions, migrations.RunPython.noop),
    ]
