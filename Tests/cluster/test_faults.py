"""The database going away under two running instances: every request that needs it answers 503
with a clear JSON error (never a 500, never a hang), and both instances recover by themselves once
it is back, without a restart, including the notifications that keep their read models coherent."""
import os
import re
import subprocess
import time
import uuid
from pathlib import Path

from conftest import json_request, wait_until

PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])[-1]


def as_postgres(*args: str) -> None:
    command = ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def postgres(cluster, action: str) -> None:
    data = str(Path(cluster.logs) / "postgres")
    port = re.search(r":(\d+)/", cluster.database_url).group(1)
    if action == "stop":
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop")
    else:
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", data, "-l", data + "/server.log", "-w",
                    "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=200", "start")


def create_unit(base: str, token: str) -> tuple[int, object, str]:
    name = f"故障测试局{uuid.uuid4().hex[:8]}"
    status, body = json_request("POST", base + "/api/v1/units", token, {"name": name, "kind": "department"})
    return status, body, name


def unit_names(base: str, token: str) -> set[str]:
    status, body = json_request("GET", base + "/api/v1/units", token)
    return {unit["name"] for unit in body} if status == 200 else set()


def test_the_database_going_away_is_a_503_and_both_instances_recover_without_a_restart(private_cluster):
    cluster = private_cluster
    token = cluster.tokens["office"]
    for base in cluster.instances:
        status, body, _ = create_unit(base, token)
        assert status == 201, body

    postgres(cluster, "stop")
    try:
        for base in cluster.instances:
            started = time.monotonic()
            status, body, _ = create_unit(base, token)
            assert status == 503, body
            assert body["error"]["code"] == "database_unavailable", body
            assert "数据库" in body["error"]["message"], body
            assert time.monotonic() - started < 15, "a refused database answers promptly, not after a hang"
        status, body = json_request("POST", cluster.public + "/api/v1/session",
                                    payload={"username": "office", "password": "wrong-but-checked"})
        assert status == 503, body
    finally:
        postgres(cluster, "start")

    for base in cluster.instances:
        assert wait_until(lambda: create_unit(base, token)[0] == 201, limit=20) is not None, f"{base} did not recover"
    # The notifications resume too: a write through one instance is served by the other.
    status, body, name = create_unit(cluster.instances[0], token)
    assert status == 201, body
    delay = wait_until(lambda: name in unit_names(cluster.instances[1], token), limit=10)
    assert delay is not None, "the second instance never saw a write made after the database came back"
    print(f"after recovery, propagation took {delay * 1000:.0f} ms")
