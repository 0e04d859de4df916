"""`make audit`: Lighthouse (mobile) on the pages that matter most, and the weight of a phone's first view.

Runs the production shape (gunicorn behind nginx, which compresses, with its own PostgreSQL and
Redis: ops.stack) with the demo content, then Lighthouse 12 with Debian's Chromium on home, the
benzodiazepine page, the inquiry form and the blog. Prints the four scores of each, the audits
that cost points, and the benzodiazepine page's bytes on the wire (compressed, images included)
for the first view of a phone (Lighthouse's mobile emulation: lazy images below the fold are not
fetched). Writes var/audit.json and var/lighthouse-<page>.json. Not a test: scores are a goal.

The stack runs no task worker, so the demo images' renditions are made before anything is audited
(`manage.py make_renditions`, what a worker would do); the audit stops, saying so, if they cannot be
made or if the benzodiazepine page still points at an original upload.

    make audit                 # installs Lighthouse into var/tools (pinned in bench/npm-tools.txt) if needed
"""

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from ops.local import ROOT
from ops.stack import Stack

PAGES = {
    "home": "/",
    "benzodiazepine": "/benzodiazepine-addiction-treatment/",
    "inquiry": "/admissions/",
    "blog": "/blog/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
WEIGHT_PAGE, WEIGHT_GOAL = "benzodiazepine", 60 * 1024
TOOLS = Path(ROOT) / "var" / "tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"


def lighthouse():
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            sys.exit("make audit needs npm (apt-get install npm) and Chromium (apt-get install chromium)")
        tools = (Path(ROOT) / "bench/npm-tools.txt").read_text().split()
        pinned = next(line for line in tools if line.startswith("lighthouse@"))
        subprocess.run(  # noqa: S603
            ["npm", "install", "--prefix", str(TOOLS), "--ignore-scripts", "--no-audit", "--no-fund", pinned],  # noqa: S607
            check=True,
        )
    return str(LIGHTHOUSE)


def audit(url, out, tries=2):
    """One Lighthouse run; once more if Chromium lost the navigation (NO_NAVSTART, NO_FCP), which
    happens on a machine this busy and says nothing about the page."""
    for attempt in range(tries):
        out.unlink(missing_ok=True)
        code = run_lighthouse(url, out)
        if not out.exists():
            raise RuntimeError(f"Lighthouse failed on {url} (exit status {code}) and wrote no report")
        report = json.loads(out.read_text())
        error = report.get("runtimeError", {}).get("code")
        if not error or attempt == tries - 1:
            return report
        print(f"{url}: Lighthouse reported {error}; running it again", file=sys.stderr)
    return report


def run_lighthouse(url, out):
    """Lighthouse's exit status: not 0 after a runtime error too, once it has saved its report."""
    return subprocess.run(  # noqa: S603
        [
            lighthouse(),
            url,
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
        ],
        check=False,
        env=os.environ | {"CHROME_PATH": CHROMIUM},
        timeout=300,
    ).returncode


def renditions_ready(stack):
    """Make the demo images' renditions, then check the page serves them, not an original."""
    stack.manage("make_renditions", quiet=True)  # raises, with the command's message, if one fails
    status, _, html = stack.get(PAGES[WEIGHT_PAGE])
    if status != 200:
        sys.exit(f"{PAGES[WEIGHT_PAGE]} answered {status}")
    if "/images/originals/" in html or "/images/renditions/" not in html:
        sys.exit(f"{PAGES[WEIGHT_PAGE]} does not show its hero's renditions: the audit would weigh the wrong bytes")


def summary(report):
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    lost = sorted(
        f"{audit['id']} ({audit.get('displayValue') or audit['score']})"
        for audit in report["audits"].values()
        if audit.get("scoreDisplayMode") in ("binary", "numeric") and (audit.get("score") or 0) < 0.9
    )
    weight = report["audits"]["total-byte-weight"]
    items = sorted(weight.get("details", {}).get("items", []), key=lambda item: -item.get("totalBytes", 0))
    return {
        "scores": scores,
        "needs_work": lost,
        "bytes": round(weight["numericValue"]),
        "resources": [{"url": item["url"], "bytes": item.get("totalBytes", 0)} for item in items],
    }


def main():
    out_dir = Path(ROOT) / "var"
    out_dir.mkdir(exist_ok=True)
    results = {}
    with Stack(web=1, web_workers=2, workers=0, nginx=True) as stack:
        stack.manage("load_demo_content", quiet=True)
        renditions_ready(stack)
        for name, path in PAGES.items():
            results[name] = summary(audit(stack.base_url + path, out_dir / f"lighthouse-{name}.json"))
    print(f"{'page':<16}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'bytes':>12}")
    for name, result in results.items():
        row = "".join(f"{result['scores'][c]:>16}" for c in CATEGORIES)
        print(f"{name:<16}{row}{result['bytes']:>12}")
    weight = results[WEIGHT_PAGE]["bytes"]
    met = "yes" if weight <= WEIGHT_GOAL else "NO"
    print(f"\n{WEIGHT_PAGE} page, first view on a phone: {weight / 1024:.1f} KB on the wire (goal <= 60 KB): {met}")
    for resource in results[WEIGHT_PAGE]["resources"]:
        print(f"  {resource['bytes'] / 1024:7.1f} KB  {resource['url']}")
    for name, result in results.items():
        if result["needs_work"]:
            print(f"\n{name}: audits below 90: " + ", ".join(result["needs_work"]))
    record = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "goal_bytes": WEIGHT_GOAL, "pages": results}
    (out_dir / "audit.json").write_text(json.dumps(record, indent=2))
    print("\nwritten to var/audit.json (full reports: var/lighthouse-<page>.json)")


if __name__ == "__main__":
    main()
