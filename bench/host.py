"""Cost of the host around the VM: the Engine loop, httpx with fixtures, real local HTTP.

    python bench/host.py [--conversations 300] [--repeat 3]

One conversation is the order-status example's shipped branch: start, reply "CU001", one
POST webhook, the answer. Rows (best of --repeat, per conversation):

  vm          vm.start / vm.resume driven by hand with a ready WebhookResponse (the floor)
  engine      Engine with a plain-function webhook client: what the host loop adds
  fixtures    Engine + HttpxWebhooks + FixtureTransport: httpx building and sending requests
  local http  Engine + HttpxWebhooks against http.server on 127.0.0.1 (real sockets, keep-alive)
  session io  dumps + loads of the waiting session (what a stateless host pays per message)

The ratio column is each row against `vm`.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from flowlang import vm
from flowlang.compiler import compile_file
from flowlang.host import Engine, FixtureTransport, HttpxWebhooks, dumps, loads
from flowlang.vm.events import WebhookResponse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORDER = {"number": "CU001", "status": "Shipped", "name": "Ben", "description": "2 T-shirts",
         "ship_date": "2024-05-02", "delivery_date": "2024-05-06"}
BODY = json.dumps(ORDER)


def by_hand(program, n: int) -> None:
    for _ in range(n):
        step = vm.start(program, contact={"name": "Ben"})
        step = vm.resume(program, step.session, vm.MessageIn("CU001"))
        step = vm.resume(program, step.session, WebhookResponse(200, BODY))
        assert step.session.status == "completed"


def with_engine(engine: Engine, n: int) -> None:
    for _ in range(n):
        session, _ = engine.start(contact={"name": "Ben"}, globals={"shop_token": "t0k"})
        session, turn = engine.resume(session, "CU001")
        assert session.status == "completed" and turn.webhooks[0].status == 200, turn.webhooks


def session_io(program, n: int) -> None:
    session = vm.start(program, contact={"name": "Ben"}).session
    for _ in range(n):
        loads(dumps(session), program)


class _Shop(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes; don't wait for an ACK

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = BODY.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Rewrite:
    """Points the example's shop URL at the local server."""

    def __init__(self, client: HttpxWebhooks, base: str):
        self.client, self.base = client, base

    def __call__(self, call):
        from attrs import evolve

        return self.client(evolve(call, url=call.url.replace("https://shop.example.com", self.base)))


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.conversations
    program = compile_file(EXAMPLES / "order_status.flow")

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Shop)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    fixtures = HttpxWebhooks(transport=FixtureTransport.from_file(EXAMPLES / "order_status.fixtures.json"))
    local = HttpxWebhooks()
    rows = {
        "vm": lambda: by_hand(program, n),
        "engine": lambda: with_engine(Engine(program, webhooks=lambda call: WebhookResponse(200, BODY)), n),
        "fixtures": lambda: with_engine(Engine(program, webhooks=fixtures), n),
        "local http": lambda: with_engine(Engine(program, webhooks=_Rewrite(local, base)), n),
        "session io": lambda: session_io(program, n),
    }
    for fn in rows.values():  # warm up: imports, caches, connection pools
        fn()
    results = {name: best(fn, args.repeat) for name, fn in rows.items()}
    floor = results["vm"]
    print(f"{n} conversations, best of {args.repeat}")
    print(f"{'row':<12} {'ms/conversation':>16} {'conversations/s':>16} {'x vm':>8}")
    for name, seconds in results.items():
        print(f"{name:<12} {seconds / n * 1000:>16.3f} {n / seconds:>16.0f} {seconds / floor:>8.2f}")
    server.shutdown()


if __name__ == "__main__":
    main()
