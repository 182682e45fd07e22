"""A webhook receiver run as a separate process in tests: verifies each POST as an integrator would.

`python webhook_receiver.py PORT SECRET`; GET /control?mode=ok|fail|slow&secret=... changes its behaviour,
GET /log returns what it received. Verification uses standardwebhooks.Webhook(secret).verify, and a
delivery that does not verify is answered 400 (a receiver must never act on it).
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from standardwebhooks import Webhook, WebhookVerificationError

STATE: dict[str, object] = {"mode": "ok", "secret": "", "log": []}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def _answer(self, status: int, body: object = None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/control":
            with LOCK:
                for key, values in parse_qs(url.query).items():
                    STATE[key] = values[0]
            self._answer(200, {"ok": True})
        elif url.path == "/log":
            with LOCK:
                self._answer(200, STATE["log"])
        else:
            self._answer(404, {"error": "unknown"})

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0"))).decode()
        with LOCK:
            mode, secret = STATE["mode"], str(STATE["secret"])
        headers = {key: value for key, value in self.headers.items()}
        entry = {
            "webhook_id": headers.get("webhook-id"),
            "signatures": len(headers.get("webhook-signature", "").split()),
            "mode": mode,
        }
        if mode == "slow":
            time.sleep(float(STATE.get("delay", "3")))
        try:
            event = Webhook(secret).verify(body, headers)
            entry.update(
                verified=True, subject=event["subject"], sequence=event["sequence"], type=event["type"]
            )
        except WebhookVerificationError as exc:
            entry.update(verified=False, error=str(exc))
        with LOCK:
            log = STATE["log"]
            assert isinstance(log, list)
            log.append(entry)
        if mode == "fail":
            self._answer(500, {"error": "receiver failing on purpose"})
        elif not entry["verified"]:
            self._answer(400, {"error": "bad signature"})
        else:
            self._answer(204)


def main() -> None:
    port, STATE["secret"] = int(sys.argv[1]), sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
