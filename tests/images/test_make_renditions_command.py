"""`manage.py make_renditions` (what `make audit` runs, its stack having no worker): every image
without renditions gets them; one that cannot be made fails the command, by name."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from images.models import Image
from tests.images.factories import image

pytestmark = pytest.mark.django_db


def test_every_image_without_renditions_gets_them_and_a_second_run_makes_nothing(capsys):
    first, second = image(size=(900, 500)), image(size=(700, 400))  # their tasks never ran
    call_command("make_renditions")
    assert "renditions made for 2 image(s)" in capsys.readouterr().out
    for picture in (first, second):
        assert Image.objects.get(pk=picture.pk).renditions_state == Image.State.READY
        assert picture.renditions.filter(format="avif").exists()
    files = set(first.renditions.values_list("file", flat=True))
    call_command("make_renditions")
    assert "renditions made for 0 image(s)" in capsys.readouterr().out
    assert set(first.renditions.values_list("file", flat=True)) == files


def test_an_image_whose_renditions_cannot_be_made_fails_the_command_by_name():
    fine, lost = image(size=(900, 500)), image(size=(700, 400))
    default_storage.delete(lost.file.name)
    with pytest.raises(CommandError, match=f"image {lost.pk} "):
        call_command("make_renditions")
    assert Image.objects.get(pk=fine.pk).renditions_state == Image.State.READY
    assert Image.objects.get(pk=lost.pk).renditions_state == Image.State.FAILED
