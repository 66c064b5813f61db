"""A real HTTP server on 127.0.0.1 (port 0, a thread) for the webhook client tests."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep the test output quiet
        pass

    def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: fine
            pass

    def _route(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if url.path == "/json":
            self._reply(200, json.dumps({"status": "Shipped", "number": "CU001"}).encode())
        elif url.path == "/text":
            self._reply(200, b"<html>not json</html>", "text/html")
        elif url.path.startswith("/status/"):
            code = int(url.path.rsplit("/", 1)[1])
            self._reply(code, json.dumps({"error": f"status {code}"}).encode())
        elif url.path == "/slow":
            time.sleep(float(query.get("seconds", "2")))
            self._reply(200, b'{"slow": true}')
        elif url.path == "/huge":
            self._reply(200, b"x" * int(query.get("bytes", str(5 * 1024 * 1024))), "text/plain")
        elif url.path == "/echo":
            echo = {
                "method": self.command,
                "path": self.path,
                "headers": {k: v for k, v in self.headers.items()},
                "body": body.decode("utf-8", errors="replace"),
            }
            self._reply(200, json.dumps(echo).encode())
        elif url.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/json")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._reply(404, b'{"error": "no route"}')

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _route


@pytest.fixture(scope="module")
def http_server():
    """The base URL of a live local server (see `_Handler` for its routes)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url():
    """A URL on a port nothing listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing"
