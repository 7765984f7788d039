#!/usr/bin/env python3
"""Propagation between two Luoshi instances on one database, for scripts/bench.

    scripts/propagation.py WRITER_URL READER_URL OFFICE_TOKEN [WRITES]

Each round creates a unit through one instance (POST /api/v1/units, alternating which) and polls
the other's unit list (a cached read model) every 2 ms until the new unit is there. Prints the
count and p50/p99/max of commit → served delays; exits 1 if any write was not seen within 5 s.
Target (issue 13): p99 < 1 s over >= 200 writes."""
import json
import sys
import time
import urllib.request
import uuid


def call(method, url, token, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    first, second, token = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
    writes = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    delays, missed = [], 0
    for index in range(writes):
        writer, reader = (first, second) if index % 2 == 0 else (second, first)
        call("GET", reader + "/api/v1/units", token)  # the reader's model is warm before the write
        name = f"传播测试局{index}-{uuid.uuid4().hex[:8]}"
        status, body = call("POST", writer + "/api/v1/units", token, {"name": name, "kind": "department"})
        if status != 201:
            sys.exit(f"write {index}: {status} {body}")
        committed = time.monotonic()  # the response leaves after the commit
        while True:
            _, units = call("GET", reader + "/api/v1/units", token)
            if any(unit["name"] == name for unit in units):
                delays.append(time.monotonic() - committed)
                break
            if time.monotonic() - committed > 5:
                missed += 1
                break
            time.sleep(0.002)
    delays.sort()
    def ms(p):
        return delays[min(len(delays) - 1, int(len(delays) * p))] * 1000 if delays else float("nan")
    print(f"propagation over {writes} writes: p50 {ms(0.5):.0f} ms, p99 {ms(0.99):.0f} ms, max {delays[-1] * 1000 if delays else 0:.0f} ms"
          + (f", {missed} not seen within 5 s" if missed else ""))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
