"""The webhook policy's pure parts: the private-address check and timeouts."""

from __future__ import annotations

import pytest

from flowlang.host.webhook_policy import WebhookPolicy, allow_any_url, refuse_private_hosts


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/", "http://api.localhost:8080/x", "http://LOCALHOST./",
        "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/",
        "http://10.0.0.5/", "http://192.168.1.1/", "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data",
        "http://0.0.0.0/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://224.0.0.1/",
    ],
)
def test_private_and_local_addresses_are_refused(url):
    assert refuse_private_hosts(url)


@pytest.mark.parametrize(
    "url", ["https://shop.example.com/api", "http://93.184.216.34/", "http://[2606:4700::1111]/", "https://1password.com/"]
)
def test_public_hosts_are_allowed(url):
    assert refuse_private_hosts(url) is None
    assert allow_any_url(url) is None


def test_timeouts_default_and_cap():
    policy = WebhookPolicy(default_timeout=10, max_timeout=30)
    assert policy.timeout_for(None) == 10
    assert policy.timeout_for(0) == 10
    assert policy.timeout_for(5) == 5
    assert policy.timeout_for(300) == 30
