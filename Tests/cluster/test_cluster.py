"""Two instances behind nginx on one PostgreSQL database: what one process writes, every other
serves as soon as its watcher polls (the 1 s target is measured by `scripts/bench writes`,
not asserted here); lockouts, throttles and evidence are shared."""
import json
import uuid

from conftest import PASSWORD, ROOT, json_request, request, wait_until


def unit_names(base: str) -> set[str]:
    status, body = json_request("GET", base + "/api/v1/units")
    assert status == 200, body
    return {unit["name"] for unit in body}


def test_nginx_spreads_requests_over_both_instances(cluster):
    for base in [cluster.public, *cluster.instances]:
        status, _, _ = request("GET", base + "/health")
        assert status == 200
    # The plan list is the same whichever instance answers.
    answers = {json_request("GET", cluster.public + "/api/v1/plans")[1][0]["id"] for _ in range(6)}
    assert len(answers) == 1


def test_a_write_through_one_instance_is_served_by_the_other(cluster):
    token = cluster.tokens["office"]
    delays = []
    for index in range(20):
        writer, reader = cluster.instances[index % 2], cluster.instances[(index + 1) % 2]
        unit_names(reader)  # the reader's read model is warm before the write
        name = f"沂水县集群测试局{index}-{uuid.uuid4().hex[:6]}"
        status, body = json_request("POST", writer + "/api/v1/units", token, {"name": name, "kind": "department"})
        assert status == 201, body
        assert name in unit_names(writer), "the writing instance shows its own write at once"
        delay = wait_until(lambda: name in unit_names(reader))
        assert delay is not None, f"{name} written through {writer} was not served by {reader} within 15 s"
        delays.append(delay)
    print(f"propagation over {len(delays)} writes: max {max(delays) * 1000:.0f} ms")


def test_a_cli_import_while_serving_shows_on_both_instances(cluster):
    title = f"集群导入测试方案{uuid.uuid4().hex[:6]}"
    for base in cluster.instances:  # both read models are warm
        status, page, _ = request("GET", base + "/workbench", cluster.tokens["office"])
        assert status == 200 and title.encode() not in page
    done = cluster.cli("import", str(ROOT / "Tests/Fixtures/import/basic.xlsx"), "--jurisdiction", "371323",
                       "--year", "2025", "--title", title, "--create-missing")
    assert done.returncode == 0, done.stdout + done.stderr
    for base in cluster.instances:
        delay = wait_until(lambda: title.encode() in request("GET", base + "/workbench", cluster.tokens["office"])[1])
        assert delay is not None, f"the imported plan did not show on {base} within 15 s"


def test_five_failed_sign_ins_spread_over_both_instances_lock_the_account(cluster):
    made = cluster.cli("user", "create", "--username", "locky", "--role", "viewer", "--password-stdin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stdout + made.stderr

    def attempt(base: str, password: str) -> int:
        return json_request("POST", base + "/api/v1/session", payload={"username": "locky", "password": password})[0]

    for index in range(4):
        assert attempt(cluster.instances[index % 2], "wrong-password") == 401
    assert attempt(cluster.instances[1], "wrong-password") == 423, "the fifth failure locks, on whichever instance"
    assert attempt(cluster.instances[0], PASSWORD) == 423, "locked on the other instance too"
    assert attempt(cluster.public, PASSWORD) == 423, "and through nginx"


def test_evidence_uploaded_through_one_instance_downloads_through_the_other(cluster):
    office, unit = cluster.tokens["office"], cluster.tokens["fagai"]
    first, second = cluster.instances
    status, plans = json_request("GET", first + "/api/v1/plans")
    plan = plans[0]["id"]
    status, units = json_request("GET", first + "/api/v1/units")
    fgj = next(u for u in units if u["name"] == "沂水县发展和改革局")
    status, tasks = json_request("GET", first + f"/api/v1/plans/{plan}/tasks?unit={fgj['id']}")
    assert status == 200 and tasks, tasks
    status, rounds = json_request("GET", first + f"/api/v1/plans/{plan}/rounds", office)
    assert status == 200, rounds
    status, body = json_request("POST", first + f"/api/v1/plans/{plan}/rounds", office, {"month": "2023-07"})
    assert status == 201, body
    path = f"/api/v1/rounds/{body['id']}/tasks/{tasks[0]['id']}"
    status, body = json_request("PUT", first + path + "/report", unit, {"step": "save", "version": 0, "workDone": "集群测试：完成现场核查"})
    assert status == 200, body

    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    boundary = "luoshi-cluster"
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.png\"\r\n"
              f"Content-Type: image/png\r\n\r\n").encode() + png + f"\r\n--{boundary}--\r\n".encode()
    status, data, _ = request("POST", first + path + "/attachments", unit, upload, f"multipart/form-data; boundary={boundary}")
    assert status == 201, data
    url = json.loads(data)["url"]
    status, downloaded, headers = request("GET", second + url, office)
    assert status == 200 and downloaded == png
    assert {k.lower(): v for k, v in headers.items()}.get("cache-control") == "private, no-store"
