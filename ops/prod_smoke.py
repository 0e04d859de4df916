"""`make prod-smoke`: the production shape on this machine, used as a person would use it.

Two gunicorn web processes with production settings behind nginx (round robin, micro-cache),
two task workers, PostgreSQL and Redis of its own. It reads pages, sends inquiries through both
web processes, subscribes and confirms, sends a newsletter issue that both workers work on (and
kills one mid-send), then stops Redis and PostgreSQL under traffic and checks the site answers
and recovers without a restart. Every process it started is stopped, whatever happens.
"""

import re
import sys
import time

from ops import smoke_steps
from ops.stack import Stack

STEPS = [
    smoke_steps.read_pages,
    smoke_steps.inquiries_land_through_both_web_processes,
    smoke_steps.subscribe_and_confirm,
    smoke_steps.newsletter_reaches_everyone_once,
    smoke_steps.redis_stops_and_returns,
    smoke_steps.postgres_stops_and_returns,
    smoke_steps.publish_is_visible_within_a_minute,
]


def main():
    started = time.monotonic()
    failures = 0
    with Stack(web=2, web_workers=2, workers=2) as stack:
        stack.manage("load_demo_content", quiet=True)
        print(
            f"stack up: nginx {stack.base_url}, web {stack.web_ports}, "
            f"PostgreSQL {stack.pg_port}, Redis {stack.redis_port}"
        )
        for step in STEPS:
            name = step.__name__.replace("_", " ")
            try:
                detail = step(stack)
            except Exception as error:  # report every step, then fail as a whole
                failures += 1
                print(f"FAIL {name}: {error}")
                for process in ("web0", "web1", "worker0", "worker1"):
                    tail = stack.log(process)[-1500:]
                    if re.search(r"Traceback|ERROR", tail):
                        print(f"--- {process} log tail ---\n{tail}")
            else:
                print(f"ok   {name}{': ' + detail if detail else ''}")
    passed = len(STEPS) - failures
    print(f"prod-smoke: {passed} of {len(STEPS)} steps ok")
    print(f"prod-smoke took {time.monotonic() - started:.0f} s; every process it started is stopped")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
