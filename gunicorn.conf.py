"""gunicorn settings for the web processes (see Procfile). Every value can be overridden by env."""

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
