"""CSV import: every row checked first, every problem reported by line, nothing stored unless all pass.

Columns: `email` (required), `first_name`, `consent_proof`, `consent_at` and `language`
(optional). A row is imported as confirmed only with a consent proof (where and how the person
agreed); without one it is imported as waiting for confirmation, and only a confirmation email
can change that. `language` is a code of LANGUAGES ("en", "es"); a file without the column, or a
row with it empty, is English (the site's default language).
"""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from newsletter.addresses import address_hash
from newsletter.validators import no_line_breaks
from nexus.addresses import clean_address

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
COLUMNS = {"email", "first_name", "consent_proof", "consent_at", "language"}


@dataclass
class Row:
    line: int
    email: str
    first_name: str
    consent_proof: str
    consent_at: object
    language: str = settings.LANGUAGE_CODE


class UnreadableFile(Exception):
    """The file as a whole cannot be read (wrong encoding, no email column, too big)."""


def parse(upload):
    """(rows, errors): errors is a list of "Line n: problem" strings; rows only count if it is empty."""
    if upload.size > MAX_BYTES:
        raise UnreadableFile(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB. Split it and import each part.")
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile("The file is not UTF-8 text. Save it from your spreadsheet as CSV UTF-8.") from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if "email" not in headers:
        raise UnreadableFile("The first line must name the columns, including one called “email”.")
    unknown = headers - COLUMNS
    if unknown:
        raise UnreadableFile(
            "Unknown columns: " + ", ".join(sorted(unknown)) + ". Allowed: " + ", ".join(sorted(COLUMNS))
        )
    rows, errors, seen = [], [], set()
    try:
        for record in reader:
            line = reader.line_num
            if line > MAX_ROWS + 1:
                raise UnreadableFile(f"The file has more than {MAX_ROWS} rows. Split it and import each part.")
            values = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items() if k is not None}
            if None in record:
                errors.append(f"Line {line}: more cells than columns.")
                continue
            row, problems = _check(line, values, seen)
            errors += problems
            if row:
                rows.append(row)
    except csv.Error as error:
        raise UnreadableFile(f"The file is not valid CSV near line {reader.line_num}.") from error
    return rows, errors


def _check(line, values, seen):
    problems = []
    email = clean_address(values.get("email", ""))  # odd spellings of a good address are that address
    if not email:
        problems.append(f"Line {line}: the email address is missing.")
    elif len(email) > 254:
        problems.append(f"Line {line}: the email address is longer than 254 characters.")
    else:
        try:
            no_line_breaks(email)
            validate_email(email)
        except ValidationError:
            problems.append(f"Line {line}: the email address is not valid.")
    first_name = values.get("first_name", "")
    if len(first_name) > 100:
        problems.append(f"Line {line}: the first name is longer than 100 characters.")
    try:
        no_line_breaks(first_name)
    except ValidationError:
        problems.append(f"Line {line}: the first name contains a line break or control character.")
    consent_at = None
    if values.get("consent_at"):
        consent_at = _parse_moment(values["consent_at"])
        if consent_at is None:
            problems.append(f"Line {line}: consent_at is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).")
        elif consent_at > timezone.now():
            problems.append(f"Line {line}: consent_at is in the future.")
    language = values.get("language", "").lower() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        problems.append(f"Line {line}: the language must be one of {codes} (or left empty for English).")
    if values.get("consent_at") and not values.get("consent_proof"):
        problems.append(f"Line {line}: consent_at needs a consent_proof saying how the person agreed.")
    if email and not problems:
        key = address_hash(email)
        if key in seen:
            problems.append(f"Line {line}: this address already appears earlier in the file.")
        seen.add(key)
    if problems:
        return None, problems
    return Row(line, email, first_name, values.get("consent_proof", ""), consent_at, language), []


def _parse_moment(value):
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = None if day is None else timezone.datetime(day.year, day.month, day.day)
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
