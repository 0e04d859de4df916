from content.admin import pages, records  # noqa: F401 - registers the admin classes
