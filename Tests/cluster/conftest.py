"""Starts scripts/cluster (two `luoshi serve` on one database, nginx in front) once per engine
(PostgreSQL, then one SQLite file) and gives the tests its URLs, the database URL and API tokens
of CLI-made users.

LUOSHI_BIN names the server binary; DATABASE_URL, when a postgres:// URL, is the (empty) database
the PostgreSQL cluster uses, else the script starts a private PostgreSQL server. test_faults.py
always gets a private server, to stop and start it."""
import dataclasses
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("LUOSHI_BIN", str(ROOT / ".build/debug/luoshi"))
PASSWORD = "Cluster-Luoshi-2026"


@dataclasses.dataclass
class Cluster:
    public: str
    instances: list[str]
    database_url: str
    logs: str
    tokens: dict[str, str]

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        env = dict(os.environ, DATABASE_URL=self.database_url, LOG_LEVEL="warning")
        return subprocess.run([BINARY, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def request(method: str, url: str, token: str | None = None, body: bytes | None = None,
            content_type: str | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    """One HTTP request without following redirects; returns status, body and headers."""
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    if content_type:
        all_headers["Content-Type"] = content_type

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, data=body, method=method, headers=all_headers)
    try:
        with opener.open(req, timeout=30) as res:
            return res.status, res.read(), dict(res.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def wait_until(predicate, limit: float = 15.0, every: float = 0.01) -> float | None:
    """Seconds until `predicate()` held, or None if it did not within `limit`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if predicate():
            return time.monotonic() - start
        time.sleep(every)
    return None


def json_request(method: str, url: str, token: str | None = None, payload=None) -> tuple[int, object]:
    body = json.dumps(payload).encode() if payload is not None else None
    status, data, _ = request(method, url, token, body, "application/json" if body is not None else None)
    try:
        return status, json.loads(data) if data else None
    except json.JSONDecodeError:
        return status, data.decode(errors="replace")


@pytest.fixture(scope="session", params=["postgresql", "sqlite"])
def cluster(request, tmp_path_factory):
    """The cluster on PostgreSQL (DATABASE_URL, in CI a database of the machine's server, else a
    private server), then on one SQLite file that both instances open."""
    env = dict(os.environ)
    if request.param == "sqlite":
        env["DATABASE_URL"] = "sqlite://" + str(tmp_path_factory.mktemp("sqlite-cluster") / "luoshi.sqlite")
    elif not env.get("DATABASE_URL", "").startswith("postgres"):
        env.pop("DATABASE_URL", None)
    yield from run_cluster(env)


@pytest.fixture(scope="module")
def private_cluster():
    """A cluster on a PostgreSQL server of its own, which a test may stop and start again."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    yield from run_cluster(env)


def run_cluster(env: dict[str, str]):
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"server binary not found: {BINARY} (set LUOSHI_BIN)")
    proc = subprocess.Popen([str(ROOT / "scripts/cluster"), "--sample"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, text=True, start_new_session=True, env=env)
    seen: dict[str, str] = {}
    output: list[str] = []
    deadline = time.monotonic() + 180
    assert proc.stdout is not None
    while "logs" not in seen and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        output.append(line)
        match = re.match(r"(Luoshi cluster|instance 1|instance 2|database|logs): (\S+)", line)
        if match:
            seen[match.group(1)] = match.group(2)
    if "logs" not in seen:
        proc.kill()
        pytest.fail("scripts/cluster did not start:\n" + "".join(output) + (proc.stdout.read() or ""))
    cluster = Cluster(public=seen["Luoshi cluster"], instances=[seen["instance 1"], seen["instance 2"]],
                      database_url=seen["database"], logs=seen["logs"], tokens={})
    try:
        # Users made by the CLI while both servers run (a write by a third process).
        for username, role, extra in [("office", "supervisor", []), ("fagai", "unitStaff", ["--unit", "沂水县发展和改革局"])]:
            made = cluster.cli("user", "create", "--username", username, "--role", role, *extra, "--password-stdin", stdin=PASSWORD + "\n")
            assert made.returncode == 0, made.stdout + made.stderr
            status, body = json_request("POST", cluster.public + "/api/v1/session", payload={"username": username, "password": PASSWORD})
            assert status == 201, body
            cluster.tokens[username] = body["token"]
        yield cluster
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert not Path(cluster.logs).exists(), "scripts/cluster removes its folder when stopped"
