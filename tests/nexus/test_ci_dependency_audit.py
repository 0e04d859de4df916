"""CI's dependency audit says what it did: an audit that looked up nothing is "skipped", never a pass."""

import json

from ops import audit_summary

NOT_FOUND = "Dependency not found on PyPI and could not be audited: django (6.1.3)"


def run(tmp_path, report, capsys):
    path = tmp_path / "pip-audit.json"
    path.write_text(json.dumps(report))
    status = audit_summary.main(str(path))
    return status, capsys.readouterr().out


def test_every_package_not_found_is_reported_as_skipped(tmp_path, capsys):
    report = {"dependencies": [{"name": "django", "skip_reason": NOT_FOUND}, {"name": "redis", "skip_reason": "x"}]}
    status, out = run(tmp_path, report, capsys)
    assert status == 0
    assert "skipped, not passed: none of 2 packages could be audited" in out
    assert "no known vulnerabilities" not in out


def test_a_known_vulnerability_fails_ci(tmp_path, capsys):
    report = {
        "dependencies": [{"name": "django", "version": "6.1.3", "vulns": [{"id": "PYSEC-1", "fix_versions": []}]}]
    }
    status, out = run(tmp_path, report, capsys)
    assert status == 1 and "django 6.1.3 (PYSEC-1)" in out


def test_a_partial_audit_names_what_it_could_not_audit(tmp_path, capsys):
    report = {
        "dependencies": [{"name": "django", "version": "6.1.3", "vulns": []}, {"name": "nh3", "skip_reason": "x"}]
    }
    status, out = run(tmp_path, report, capsys)
    assert status == 0
    assert "1 packages audited, no known vulnerabilities; 1 could not be audited: nh3" in out


def test_no_report_at_all_is_skipped(tmp_path, capsys):
    status = audit_summary.main(str(tmp_path / "missing.json"))
    assert status == 0 and "skipped, not passed" in capsys.readouterr().out
