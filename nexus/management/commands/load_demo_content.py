from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo content of every app (each app's demo.load()). Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            try:
                demo = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            summary = demo.load()
            self.stdout.write(f"{config.label}: {summary or 'ok'}")
