"""A production-shaped stack on this machine, for `make prod-smoke` and `make bench`.

Everything it starts is its own: a throwaway PostgreSQL cluster and a Redis server on their
own ports (so the fault tests may stop them without touching the machine's services), an SMTP
sink, gunicorn web processes with production settings, nginx in front, and task workers. It
stops every process it started, by process id, whatever happens (`with Stack(...) as stack:`).
"""

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller
from cryptography.fernet import Fernet

from ops.local import PYTHON, ROOT, Mailbox, free_port, port_open, wait_for
from ops.postgres import Postgres


class Stack:
    def __init__(self, *, web=2, web_workers=1, workers=2, nginx=True, micro_cache=True, cache=True):
        self.web_count, self.web_workers, self.worker_count = web, web_workers, workers
        self.use_nginx, self.micro_cache, self.use_cache = nginx, micro_cache, cache
        self.dir = Path(tempfile.mkdtemp(prefix="nexus-stack-"))
        self.processes = {}
        self.pg_port, self.redis_port, self.nginx_port = free_port(), free_port(), free_port()
        self.web_ports = [free_port() for _ in range(web)]
        self.postgres = Postgres(self.dir, self.pg_port)
        self.mailbox = Mailbox()
        self.smtp = None
        self.keys = Fernet.generate_key().decode()
        self._stopped = False

    # life cycle ----------------------------------------------------------------------------

    def __enter__(self):
        atexit.register(self.stop)
        previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, lambda *_: (self.stop(), signal.signal(signal.SIGTERM, previous), sys.exit(143)))
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self.start_postgres()
        self.start_redis()  # production requires REDIS_URL
        self.start_smtp()
        self.manage("migrate", "--noinput", quiet=True)
        self.manage("collectstatic", "--noinput", quiet=True)
        # The build compiles the catalogue beside collectstatic: every web container needs the .mo.
        self.manage("compilemessages", "--ignore=.venv", "--ignore=var", "--ignore=node_modules", quiet=True)
        self.manage("start_periodic_tasks", quiet=True)
        for index in range(self.web_count):
            self.start_web(index)
        if self.use_nginx:
            self.start_nginx()
        for index in range(self.worker_count):
            self.start_worker(index)

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        if self.smtp is not None:
            self.smtp.stop()
        self.postgres.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    # parts ---------------------------------------------------------------------------------

    @property
    def base_url(self):
        port = self.nginx_port if self.use_nginx else self.web_ports[0]
        return f"http://127.0.0.1:{port}"

    def env(self, **extra):
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEXUS_", "DATABASE_URL"))}
        environment |= {
            "DJANGO_SETTINGS_MODULE": "nexus.settings.production",
            "DJANGO_SECRET_KEY": "stack-" + self.keys,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.postgres.url("nexus"),
            "EMAIL_URL": f"smtp://127.0.0.1:{self.smtp_port}",
            "NEXUS_FIELD_ENCRYPTION_KEYS": self.keys,
            "NEXUS_NEWSLETTER_HASH_KEY": "stack-hash-" + self.keys,
            "NEXUS_INTAKE_HASH_KEY": "stack-intake-hash-" + self.keys,
            "NEXUS_ALLOW_PLAIN_HTTP": "1",
            "NEXUS_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "NEXUS_SITE_URL": self.base_url,
            "NEXUS_TRUSTED_PROXY_COUNT": "1" if self.use_nginx else "0",
            "NEXUS_LOG_FORMAT": "json",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # Small batches and a short claim timeout, so a smoke run sees a killed worker settled.
            "NEXUS_NEWSLETTER_BATCH_SIZE": "50",
            "NEXUS_NEWSLETTER_CLAIM_TIMEOUT": "2",
        }
        environment["REDIS_URL"] = f"redis://127.0.0.1:{self.redis_port}/0"
        if not self.use_cache:
            environment["NEXUS_DISABLE_CACHE"] = "1"
        return environment | extra

    def manage(self, *args, quiet=False, **extra_env):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**extra_env),
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        if not quiet:
            print(result.stdout, end="")
        return result.stdout

    def spawn(self, name, args, **kwargs):
        log = open(self.dir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )
        return self.processes[name]

    def log(self, name):
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start_postgres(self):
        self.postgres.create("nexus")

    def stop_postgres(self):
        self.postgres.stop()

    def restart_postgres(self):
        self.postgres.start()

    def start_redis(self):
        self.spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
        )
        wait_for(lambda: port_open(self.redis_port), "redis")

    def stop_redis(self):
        process = self.processes.pop("redis")
        process.terminate()
        process.wait(timeout=10)

    def start_smtp(self):
        self.smtp_port = free_port()
        self.smtp = Controller(self.mailbox, hostname="127.0.0.1", port=self.smtp_port)
        self.smtp.start()

    def start_web(self, index):
        port = self.web_ports[index]
        args = [PYTHON, "-m", "gunicorn", "nexus.wsgi", "--config", "gunicorn.conf.py"]
        env = self.env(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=str(self.web_workers))
        self.spawn(f"web{index}", args, env=env)
        wait_for(
            lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200, f"web{index}"
        )

    def start_worker(self, index):
        args = [
            PYTHON,
            "manage.py",
            "task_worker",
            "--worker-id",
            f"worker{index}",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--max-backoff",
            "2",
        ]
        return self.spawn(f"worker{index}", args, env=self.env())

    def kill_worker(self, index):
        process = self.processes.pop(f"worker{index}")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def start_nginx(self):
        from ops.nginx import write_config

        config = write_config(self.dir, listen=self.nginx_port, upstreams=self.web_ports, micro_cache=self.micro_cache)
        self.spawn("nginx", ["nginx", "-c", str(config), "-p", str(self.dir), "-e", str(self.dir / "nginx-error.log")])
        wait_for(lambda: port_open(self.nginx_port), "nginx")

    # requests ------------------------------------------------------------------------------

    def get(self, path, headers=None):
        request = urllib.request.Request(self.base_url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()
