from content.admin import pages, records, trust  # noqa: F401 - registers the admin classes
