"""Local receivers for the reminder tests: an SMTP server (aiosmtpd) and a webhook endpoint.

Both listen on 127.0.0.1 on free ports and store what they receive in OUT_DIR: each email as
mail-N.eml (the message as received), each webhook POST as hook-N.json. With --fail-hooks K the
first K webhook requests are answered 500 (to exercise retries). Prints one JSON line with the
ports, then serves until stdin closes or the process is terminated.

    python3 reminder_sinks.py OUT_DIR [--fail-hooks K]
"""
import itertools
import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

out_dir = sys.argv[1]
fail_hooks = int(sys.argv[sys.argv.index("--fail-hooks") + 1]) if "--fail-hooks" in sys.argv else 0
os.makedirs(out_dir, exist_ok=True)
mail_numbers = itertools.count(1)
hook_numbers = itertools.count(1)
lock = threading.Lock()


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            number = next(mail_numbers)
        with open(os.path.join(out_dir, f"mail-{number}.eml"), "wb") as f:
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content)
        return "250 Message accepted for delivery"


class Hook(BaseHTTPRequestHandler):
    requests_seen = itertools.count(1)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if next(Hook.requests_seen) <= fail_hooks:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"planned failure")
            return
        with lock:
            number = next(hook_numbers)
        with open(os.path.join(out_dir, f"hook-{number}.json"), "wb") as f:
            f.write(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"errcode":0}')

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


smtp_port = free_port()
smtp = Controller(Mailbox(), hostname="127.0.0.1", port=smtp_port)
smtp.start()
http = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
threading.Thread(target=http.serve_forever, daemon=True).start()
print(json.dumps({"smtp": smtp_port, "http": http.server_address[1]}), flush=True)
try:
    sys.stdin.read()
finally:
    http.shutdown()
    smtp.stop()
