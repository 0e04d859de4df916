import logging


class DropRequestFilter(logging.Filter):
    """Remove the request object Django attaches to log records.

    A request carries form values, cookies and query strings; a handler that formats it (an
    admin email, a JSON formatter) would leak what a person typed into an inquiry.
    """

    def filter(self, record):
        if hasattr(record, "request"):
            record.request = None
        return True
