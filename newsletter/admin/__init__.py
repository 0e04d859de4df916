from newsletter.admin import issues, subscribers  # noqa: F401 - registers the model admins
