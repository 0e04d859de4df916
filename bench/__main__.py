"""`make bench`: every benchmark in one run; prints a table and writes var/bench.json.

Figures that compare two servers come from the same run, alternating, median of three.
`python -m bench newsletter` (or `pages`, `inquiries`) runs only the parts named.
"""

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import inquiries, newsletter, pages
from ops.local import ROOT
from ops.stack import Stack


def table(rows):
    width = max(len(row[0]) for row in rows)
    lines = [f"{'measure'.ljust(width)}  {'result':<28}  {'goal':<14}  met", "-" * (width + 52)]
    for name, result, goal, met in rows:
        mark = "-" if met is None else ("yes" if met else "NO")
        lines.append(f"{name.ljust(width)}  {result:<28}  {goal:<14}  {mark}")
    return "\n".join(lines)


PARTS = {"pages": pages, "inquiries": inquiries, "newsletter": newsletter}


def main(names):
    started = time.monotonic()
    rows = []
    parts = [PARTS[name] for name in names or PARTS]
    with Stack(web=1, web_workers=2, workers=0, nginx=pages in parts) as stack:
        stack.manage("load_demo_content", quiet=True)
        # The stack runs no task worker: the demo images' renditions are made here, as a worker would,
        # so pages are measured with their pictures (and no page view asks for them).
        stack.manage("make_renditions", quiet=True)
        for part in parts:
            rows += part.run(stack)
    elapsed = time.monotonic() - started
    if not names:
        rows.append(("whole benchmark run", f"{elapsed:.0f} s", "< 600 s", elapsed < 600))
    print(table(rows))
    out = Path(ROOT) / "var" / ("bench.json" if not names else f"bench-{'-'.join(names)}.json")
    out.parent.mkdir(exist_ok=True)
    record = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "rows": [{"measure": r[0], "result": r[1], "goal": r[2], "met": r[3]} for r in rows],
    }
    out.write_text(json.dumps(record, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    unknown = [name for name in sys.argv[1:] if name not in PARTS]
    if unknown:
        sys.exit(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    main(sys.argv[1:])
