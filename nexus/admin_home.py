"""The panels of each role's home page in the admin, collected from the apps.

Each app may have a `home.py` with `home_panels(request) -> list[dict]`, each dict being
`{"title", "items": [{"label", "url", "meta"}], "more_url", "empty"}` ("more_url" and "empty",
the text shown when there are no items, are optional). A panel the user may not act on is simply
not returned: the app decides, from the user's permissions.
"""

from importlib import import_module
from pathlib import Path

from django.apps import apps


def home_modules():
    for config in apps.get_app_configs():
        if "site-packages" in Path(config.path).parts:
            continue  # the project's own apps only: a library's "home" module is not ours
        try:
            yield import_module(f"{config.name}.home")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.home":
                raise


def panels(request):
    found = []
    for module in home_modules():
        for panel in module.home_panels(request):
            found.append({"items": [], "more_url": "", "empty": "Nothing here now.", **panel})
    return found
