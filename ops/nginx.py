"""The nginx front for the local production-shaped stack: round robin, and a micro-cache.

The micro-cache keeps only what the application marks shareable (`Cache-Control: public,
max-age=N`); responses that set a cookie, say `private`/`no-store`, or answer a POST are never
stored, so staff pages, previews, forms and thank-you pages always reach Django.
"""

from pathlib import Path

TEMPLATE = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    gzip on;
    gzip_min_length 256;
    gzip_types text/css application/javascript image/svg+xml application/xml application/atom+xml;
    # nginx reads each request body whole before gunicorn sees it (a slow client ties up nginx,
    # never a sync worker) and refuses one over this size; Django refuses public bodies over
    # NEXUS_PUBLIC_MAX_BODY_BYTES and any multipart one (nexus/bodylimit.py).
    client_max_body_size 1m;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy_temp;
    fastcgi_temp_path {dir}/fastcgi_temp;
    uwsgi_temp_path {dir}/uwsgi_temp;
    scgi_temp_path {dir}/scgi_temp;
    proxy_cache_path {dir}/cache levels=1:2 keys_zone=pages:10m max_size=100m inactive=10m use_temp_path=off;
    upstream nexus {{
        {servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{listen};
        location / {{
            proxy_pass http://nexus;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
            {cache}
        }}
        # "Check your insurance" takes card photos (intake/vob.py: two of at most 8 MB, 17 MB in
        # all). The body is buffered in memory, never in client_body_temp_path: an original
        # photo, with its location, must not reach a disk before it is stripped and encrypted.
        # The same form in every language: /admissions/insurance/, /es/admissions/insurance/.
        location ~ "^(/[a-z]{{2}})?/admissions/insurance/$" {{
            client_max_body_size 17m;
            client_body_buffer_size 17m;
            proxy_pass http://nexus;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
        }}
        location = /static/ {{ return 404; }}
    }}
}}
"""

CACHE = """
            proxy_cache pages;
            proxy_cache_methods GET HEAD;
            proxy_cache_key $scheme$host$request_uri;
            proxy_cache_lock on;
            # When the application cannot answer, a page it once marked public beats an error.
            proxy_cache_use_stale error timeout http_500 http_502 http_503 http_504;
            add_header X-Cache $upstream_cache_status always;
"""


def write_config(directory: Path, *, listen: int, upstreams: list[int], micro_cache: bool) -> Path:
    servers = "\n        ".join(f"server 127.0.0.1:{port};" for port in upstreams)
    text = TEMPLATE.format(dir=directory, listen=listen, servers=servers, cache=CACHE if micro_cache else "")
    path = directory / "nginx.conf"
    path.write_text(text)
    return path
