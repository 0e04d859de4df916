"""What pip-audit's JSON report says, in one line for CI: audited, skipped, or vulnerable.

pip-audit exits 0 and prints "No known vulnerabilities found" even when it could look up none
of the packages (every one "not found" when its vulnerability service cannot be reached): that
is a skipped audit, not a clean one, and CI must say so. Exit status: 0 audited and clean (or
skipped, said plainly), 1 known vulnerabilities.
"""

import json
import sys


def summarise(report):
    dependencies = report.get("dependencies", [])
    skipped = [d["name"] for d in dependencies if "skip_reason" in d]
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [
        f"{d['name']} {d.get('version', '')} ({', '.join(v['id'] for v in d['vulns'])})"
        for d in audited
        if d.get("vulns")
    ]
    if vulnerable:
        return 1, "pip-audit: known vulnerabilities in " + "; ".join(vulnerable)
    if not audited:
        return 0, f"pip-audit: skipped, not passed: none of {len(dependencies)} packages could be audited"
    line = f"pip-audit: {len(audited)} packages audited, no known vulnerabilities"
    if skipped:
        line += f"; {len(skipped)} could not be audited: {', '.join(skipped)}"
    return 0, line


def main(path):
    try:
        with open(path) as handle:
            report = json.load(handle)
    except (OSError, ValueError):
        print("pip-audit: skipped, not passed: it wrote no report (its service could not be reached)")
        return 0
    status, line = summarise(report)
    print(line)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
