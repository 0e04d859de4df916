"""`make audit` runs Lighthouse once more when Chromium lost the navigation (NO_NAVSTART), and
reports the second run; a page that keeps failing is reported as it failed, not retried forever.
A stand-in `lighthouse` executable (a shell script) plays the part of the real one."""

import json
import stat

import pytest

from bench import audit

GOOD = {"categories": {}, "audits": {}}
LOST = {"runtimeError": {"code": "NO_NAVSTART", "message": "No navigation start"}, **GOOD}


def fake_lighthouse(tmp_path, reports):
    """An executable that writes the next of `reports` to --output-path, counting its runs."""
    for index, report in enumerate(reports):
        (tmp_path / f"report-{index}.json").write_text(json.dumps(report))
    script = tmp_path / "lighthouse"
    script.write_text(
        "#!/bin/sh\n"
        f'runs=$(cat "{tmp_path}/runs" 2>/dev/null || echo 0)\n'
        f'echo $((runs + 1)) > "{tmp_path}/runs"\n'
        'for arg in "$@"; do case "$arg" in --output-path=*) out="${arg#--output-path=}";; esac; done\n'
        f'cp "{tmp_path}/report-$runs.json" "$out"\n'
        # As the real one: a runtime error is saved in the report, then the exit status says so.
        f'grep -q runtimeError "{tmp_path}/report-$runs.json" && exit 1\n'
        "exit 0\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_lost_navigation_is_run_once_more_and_the_second_report_counts(tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "LIGHTHOUSE", fake_lighthouse(tmp_path, [LOST, GOOD]))
    report = audit.audit("http://127.0.0.1:9/", tmp_path / "out.json")
    assert "runtimeError" not in report
    assert (tmp_path / "runs").read_text().strip() == "2"


def test_a_page_that_keeps_failing_is_reported_after_the_one_retry(tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "LIGHTHOUSE", fake_lighthouse(tmp_path, [LOST, LOST, GOOD]))
    report = audit.audit("http://127.0.0.1:9/", tmp_path / "out.json")
    assert report["runtimeError"]["code"] == "NO_NAVSTART"
    assert (tmp_path / "runs").read_text().strip() == "2"


def test_a_run_that_writes_no_report_stops_the_audit(tmp_path, monkeypatch):
    script = tmp_path / "lighthouse"
    script.write_text("#!/bin/sh\nexit 1\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(audit, "LIGHTHOUSE", script)
    with pytest.raises(RuntimeError, match="wrote no report"):
        audit.audit("http://127.0.0.1:9/", tmp_path / "out.json")


def test_a_good_first_run_is_not_repeated(tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "LIGHTHOUSE", fake_lighthouse(tmp_path, [GOOD, LOST]))
    assert "runtimeError" not in audit.audit("http://127.0.0.1:9/", tmp_path / "out.json")
    assert (tmp_path / "runs").read_text().strip() == "1"
