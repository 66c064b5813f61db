"""HttpxWebhooks against a real HTTP server: every outcome is a WebhookResponse."""

from __future__ import annotations

import json

from flowlang.host.webhook_policy import RetryPolicy, WebhookPolicy, refuse_private_hosts
from flowlang.host.webhooks import HttpxWebhooks, format_response
from flowlang.vm.events import CallWebhook


def call(url: str, method: str = "GET", **kwargs) -> CallWebhook:
    return CallWebhook(method=method, url=url, **kwargs)


def test_success_json_body_is_returned_as_text(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/json"))
    assert response.status == 200
    assert json.loads(response.body) == {"status": "Shipped", "number": "CU001"}
    assert response.error is None
    assert ("content-type", "application/json") in [(k.lower(), v) for k, v in response.headers]
    assert response.request.startswith("GET /json HTTP/1.1\r\n")


def test_non_json_body_keeps_status_and_text(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/text"))
    assert (response.status, response.body, response.error) == (200, "<html>not json</html>", None)


def test_error_statuses_are_responses_not_exceptions(http_server):
    with HttpxWebhooks() as webhooks:
        assert webhooks(call(f"{http_server}/status/404")).status == 404
        response = webhooks(call(f"{http_server}/status/500", "POST", body="{}"))
    assert response.status == 500
    assert json.loads(response.body) == {"error": "status 500"}
    assert format_response(response).startswith("HTTP/1.1 500 Internal Server Error\r\n")


def test_connection_refused_is_status_zero_with_reason(closed_port_url):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(closed_port_url))
    assert response.status == 0
    assert response.error.startswith("connection error")
    assert response.request.startswith("GET /nothing HTTP/1.1")
    assert format_response(response) == ""


def test_slow_server_times_out_with_the_calls_timeout(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/slow?seconds=2", timeout=0.3))
    assert response.status == 0
    assert response.error == "timed out after 0.3s"


def test_slow_server_within_timeout_answers(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/slow?seconds=0.2", timeout=5))
    assert response.status == 200


def test_huge_body_is_cut_at_the_limit(http_server):
    policy = WebhookPolicy(max_response_bytes=64 * 1024)
    with HttpxWebhooks(policy=policy) as webhooks:
        response = webhooks(call(f"{http_server}/huge?bytes={8 * 1024 * 1024}"))
    assert response.status == 200
    assert len(response.body) == 64 * 1024
    assert "truncated" in response.error


def test_huge_body_under_the_default_limit_is_whole(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/huge?bytes=500000"))
    assert len(response.body) == 500000 and response.error is None


def test_headers_and_body_arrive_as_sent(http_server):
    body = json.dumps({"contact": {"name": "Zoë"}, "results": {"pedido": "CU001"}})
    sent = call(
        f"{http_server}/echo?order=CU001",
        "POST",
        headers=(("Authorization", "Token abc123"), ("X-Flow", "order_status"), ("Content-Type", "application/json")),
        body=body,
    )
    with HttpxWebhooks() as webhooks:
        response = webhooks(sent)
    echo = json.loads(response.body)
    assert echo["method"] == "POST"
    assert echo["path"] == "/echo?order=CU001"
    assert echo["headers"]["Authorization"] == "Token abc123"
    assert echo["headers"]["X-Flow"] == "order_status"
    assert echo["headers"]["Content-Type"] == "application/json"
    assert echo["body"] == body
    assert "Authorization: Token abc123" in response.request
    assert response.request.endswith(body)


def test_methods_other_than_get_and_post(http_server):
    with HttpxWebhooks() as webhooks:
        for method in ("PUT", "PATCH", "DELETE"):
            echo = json.loads(webhooks(call(f"{http_server}/echo", method, body="x")).body)
            assert echo["method"] == method


def test_redirects_are_followed(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/redirect"))
    assert response.status == 200
    assert response.request.startswith("GET /json ")


def test_url_policy_refuses_before_connecting(http_server):
    with HttpxWebhooks(policy=WebhookPolicy(check_url=refuse_private_hosts)) as webhooks:
        response = webhooks(call(f"{http_server}/json"))
    assert response.status == 0
    assert response.error.startswith("refused by policy: address 127.0.0.1")


def test_invalid_urls_are_responses(http_server):
    with HttpxWebhooks() as webhooks:
        for url in ("not a url", "ftp://example.com/x", "http://", ""):
            response = webhooks(call(url))
            assert response.status == 0 and response.error, url


def test_non_ascii_header_value_is_a_response_not_a_crash(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/echo", headers=(("X-Name", "Zoë"),)))
    assert response.status in (0, 200)


def test_retries_on_retryable_status_when_allowed(http_server):
    slept = []
    policy = WebhookPolicy(retries=RetryPolicy(attempts=3, backoff_seconds=0.1))
    with HttpxWebhooks(policy=policy, sleep=slept.append) as webhooks:
        response = webhooks(call(f"{http_server}/status/503"))
    assert response.status == 503
    assert slept == [0.1, 0.2]


def test_no_retry_by_default(http_server):
    slept = []
    with HttpxWebhooks(sleep=slept.append) as webhooks:
        webhooks(call(f"{http_server}/status/503"))
    assert slept == []


def test_header_values_are_trimmed_so_an_empty_template_value_still_sends(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/echo", headers=(("Authorization", "Token "), ("X-Pad", "  a b  "))))
    assert response.status == 200
    headers = json.loads(response.body)["headers"]
    assert headers["Authorization"] == "Token" and headers["X-Pad"] == "a b"


def test_a_line_break_in_a_header_value_is_refused(http_server):
    with HttpxWebhooks() as webhooks:
        response = webhooks(call(f"{http_server}/echo", headers=(("X-A", "ok\r\nX-Injected: 1"),)))
    assert response.status == 0
    assert response.error == "invalid request: the value of header 'X-A' contains a line break"
