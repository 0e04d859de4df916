"""CSV downloads of personal data (lead and subscriber exports): uncacheable, formula-safe."""

import csv

from django.http import HttpResponse

# Spreadsheet programs run cells that start with these characters as formulas.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_download(filename, header):
    """A `no-store` CSV attachment with its header row, and a function that writes one safe row."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow(header)
    return response, lambda row: writer.writerow([safe_cell(value) for value in row])
