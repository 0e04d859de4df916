"""Page benchmarks: uncached and cached through gunicorn, nginx micro-cache, nginx static."""

import gzip
import re
import statistics
import subprocess
import urllib.request

from ops.local import PYTHON, free_port, port_open, wait_for

PAGE = "/benzodiazepine-addiction-treatment/"
WRK = ["wrk", "-t2", "-c20", "-d10s", "--latency"]
STATIC_NGINX = """
worker_processes 1;
daemon off;
pid {dir}/static-nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/s_client_body;
    proxy_temp_path {dir}/s_proxy_temp;
    fastcgi_temp_path {dir}/s_fastcgi_temp;
    uwsgi_temp_path {dir}/s_uwsgi_temp;
    scgi_temp_path {dir}/s_scgi_temp;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/static-site;
        location / {{ default_type text/html; try_files $uri $uri/index.html =404; }}
    }}
}}
"""


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk_run(url):
    """Requests per second and the p50 and p99 latency (ms); any non-2xx/3xx answer is an error."""
    output = subprocess.run([*WRK, url], capture_output=True, text=True, timeout=60, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses under load")
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        "p99": milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
    }


def wrk(url):
    return wrk_run(url)["rate"]


def alternate(first, second, rounds=3):
    """Alternating runs of two servers: the median of each figure over `rounds` runs, per server."""
    a, b = [], []
    for _ in range(rounds):
        a.append(wrk_run(first))
        b.append(wrk_run(second))

    def medians(runs):
        return {name: statistics.median(run[name] for run in runs) for name in runs[0]}

    return medians(a), medians(b)


def start_static_nginx(stack, html):
    site = stack.dir / "static-site" / PAGE.strip("/")
    site.mkdir(parents=True)
    (site / "index.html").write_text(html)
    port = free_port()
    config = stack.dir / "static-nginx.conf"
    config.write_text(STATIC_NGINX.format(dir=stack.dir, port=port))
    stack.spawn(
        "static-nginx", ["nginx", "-c", str(config), "-p", str(stack.dir), "-e", str(stack.dir / "s-error.log")]
    )
    wait_for(lambda: port_open(port), "static nginx")
    return f"http://127.0.0.1:{port}{PAGE}"


def start_uncached_web(stack):
    port = free_port()
    env = stack.env(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2", NEXUS_DISABLE_CACHE="1")
    stack.spawn("web-uncached", [PYTHON, "-m", "gunicorn", "nexus.wsgi", "--config", "gunicorn.conf.py"], env=env)
    wait_for(
        lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200, "web-uncached"
    )
    return f"http://127.0.0.1:{port}{PAGE}"


def query_count(stack):
    code = (
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(SERVER_NAME='127.0.0.1')\n"
        f"with CaptureQueriesContext(connection) as queries: response = client.get('{PAGE}')\n"
        "assert response.status_code == 200, response.status_code\n"
        "print(len(queries))\n"
    )
    return int(stack.manage("shell", "-c", code, quiet=True, NEXUS_DISABLE_CACHE="1").split()[-1])


def bytes_on_the_wire(base_url):
    """The page and every asset it loads, as a browser accepting gzip receives them."""

    def fetch(url):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            return body, response.headers.get("Content-Encoding") == "gzip"

    html, compressed = fetch(base_url + PAGE)
    text = gzip.decompress(html).decode() if compressed else html.decode()
    assets = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', text)))
    sizes = {"html": len(html)}
    for asset in assets:
        if asset.endswith((".css", ".js", ".svg", ".png", ".jpg", ".webp", ".woff2")):
            sizes[asset] = len(fetch(base_url + asset)[0])
    return sum(sizes.values()), sizes


def run(stack):
    rows = []
    status, _, html = stack.get(PAGE)
    if status != 200:
        raise RuntimeError(f"{PAGE} answered {status}")
    gunicorn_cached = f"http://127.0.0.1:{stack.web_ports[0]}{PAGE}"
    front = stack.base_url + PAGE
    static = start_static_nginx(stack, html)
    uncached = start_uncached_web(stack)

    bare, nginx = alternate(uncached, static)
    ratio = bare["rate"] / nginx["rate"]
    rows.append(("nginx static file (the physical limit)", f"{nginx['rate']:.0f} req/s", "reference", None))
    rows.append(
        (
            "benzodiazepine page, uncached, gunicorn (2 workers) / nginx static",
            f"{bare['rate']:.0f} req/s = {ratio:.4f}",
            ">= 0.0065",
            ratio >= 0.0065,
        )
    )

    app, nginx = alternate(gunicorn_cached, static)
    ratio = app["rate"] / nginx["rate"]
    rows.append(
        (
            "cached in the application, gunicorn / nginx static",
            f"{app['rate']:.0f} req/s = {ratio:.3f}",
            ">= 0.03",
            ratio >= 0.03,
        )
    )
    # Latency under the same load: a worker restarting (gunicorn's max_requests) shows in the p99.
    rows.append(("cached in the application, p50 latency", f"{app['p50']:.1f} ms", "reference", None))
    rows.append(("cached in the application, p99 latency", f"{app['p99']:.1f} ms", "< 50 ms", app["p99"] < 50))

    wrk(front)  # warm the micro-cache
    proxied, nginx = alternate(front, static)
    ratio = proxied["rate"] / nginx["rate"]
    rows.append(
        (
            "production front (nginx micro-cache) / nginx static",
            f"{proxied['rate']:.0f} req/s = {ratio:.2f}",
            ">= 0.5",
            ratio >= 0.5,
        )
    )

    queries = query_count(stack)
    rows.append(("queries for the page, uncached", str(queries), "<= 6", queries <= 6))
    total, sizes = bytes_on_the_wire(stack.base_url)
    rows.append(
        (
            "bytes on the wire, page and assets, gzip",
            f"{total / 1024:.1f} KB ({len(sizes)} files)",
            "<= 60 KB",
            total <= 60 * 1024,
        )
    )
    return rows
