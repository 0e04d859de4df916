"""Logging: stdout only, a request id on every line, and never request bodies or form values."""

import contextvars
import json
import logging
import re
import uuid

request_id = contextvars.ContextVar("request_id", default="-")
_VALID_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class DropRequestFilter(logging.Filter):
    """Remove the request object Django attaches to log records.

    A request carries form values, cookies and query strings; a handler that formats it (an
    admin email, a JSON formatter) would leak what a person typed into an inquiry.
    """

    def filter(self, record):
        if hasattr(record, "request"):
            record.request = None
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


class RequestIdMiddleware:
    """Tag each request with an id (the proxy's X-Request-ID when well-formed), for logs and replies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        token = request_id.set(incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            return response
        finally:
            request_id.reset(token)
