"""Reports in the admin: a date range in, figures, small SVG charts and a CSV of the same figures out."""

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from intake import charts, services
from intake.reports import CSV_HEADER, Period, Report, csv_rows
from nexus.csv_export import csv_download

LONGEST = timedelta(days=3 * 366)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (inclusive)"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end date is before the start date."), code="reversed")
        if start and end and end - start > LONGEST:
            raise forms.ValidationError(_("Choose at most three years at a time."), code="too_long")
        return data

    def period(self):
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


def period_form(request):
    default = Period.last_days(30)
    if "start" in request.GET or "end" in request.GET:
        return PeriodForm(request.GET)
    return PeriodForm({"start": default.start.isoformat(), "end": default.end.isoformat()})


class ReportViews:
    def report_urls(self):
        return [
            path("reports/", self.admin_site.admin_view(self.report_view), name="intake_inquiry_reports"),
            path("reports/csv/", self.admin_site.admin_view(self.report_csv_view), name="intake_inquiry_reports_csv"),
        ]

    def report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = period_form(request)
        context = self.admin_site.each_context(request) | {
            "title": _("Admissions reports"),
            "opts": self.model._meta,
            "form": form,
        }
        if form.is_valid():
            report = Report(form.period())
            services.report_shown(by=request.user, period=report.period)
            context |= {
                "report": report,
                "csv_url": reverse("admin:intake_inquiry_reports_csv") + "?" + request.GET.urlencode()
                if request.GET
                else reverse("admin:intake_inquiry_reports_csv"),
                **figures(report),
            }
        return TemplateResponse(request, "admin/intake/reports.html", context, status=200 if form.is_valid() else 400)

    def report_csv_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = period_form(request)
        if not form.is_valid():
            return self.report_view(request)
        report = Report(form.period())
        services.report_shown(by=request.user, period=report.period, csv=True)
        response, write_row = csv_download(f"admissions-{report.period.start}-{report.period.end}.csv", CSV_HEADER)
        for row in csv_rows(report):
            write_row(row)
        return response


def bars(pairs):
    most = max((n for _, n in pairs), default=0)
    return [(label, n, charts.bar(n, most)) for label, n in pairs]


def figures(report):
    """What the template draws: each table's rows with a bar beside each number."""
    funnel = report.funnel
    top = report.total
    breakdowns = []
    for label, rows in report.breakdowns:
        most = max((row.leads for row in rows), default=0)
        breakdowns.append((label, [(row, charts.bar(row.leads, most)) for row in rows]))
    most_outcome = max((n for _, n in report.outcomes), default=0)
    return {
        "speed": report.speed,
        "funnel_rows": [(label, n, share, charts.bar(n, top)) for label, n, share in funnel],
        "outcome_rows": [(label, n, charts.bar(n, most_outcome)) for label, n in report.outcomes],
        "reason_rows": bars(report.reasons),
        "partner_rows": bars(report.referred_to),
        "volume_chart": charts.columns([n for _, n in report.volume]),
        "volume_peak": max((n for _, n in report.volume), default=0),
        "breakdown_tables": breakdowns,
    }
