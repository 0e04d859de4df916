"""gunicorn settings for the web processes (see Procfile). Every value can be overridden by env.

gunicorn must sit behind a buffering reverse proxy (nginx, as `make prod-smoke` runs it; see
ops/nginx.py): its sync workers serve one request at a time, so a client that sends its body
or reads its answer slowly holds a whole worker, and a handful of them take the site down.
nginx reads the body and the response whole before passing them on, and caps the body size.
Never expose gunicorn's port to the internet; set NEXUS_TRUSTED_PROXY_COUNT to the proxies
in front (a deploy check warns when it is 0).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# The usual rule for sync workers: two per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Restarting a worker (a guard against slow leaks) stalls the requests queued on it: at 2000 that
# came about every second under load and made the cached page's p99 40-90 times its p50.
max_requests = 100_000
max_requests_jitter = 10_000
# gunicorn 27 opens a control socket in $HOME by default; web processes need none.
control_socket_disable = True
accesslog = None  # access lines would carry query strings (search terms); requests are logged by id only
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
