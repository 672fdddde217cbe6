"""Shared by the SDK tests: fake AWS keys, a Messages reply, and a SigV4 check by re-signing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from unittest import mock

import httpx2
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"

REPLY: dict[str, Any] = {
    "id": "msg_01",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5",
    "content": [{"type": "text", "text": "Hi"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 3, "output_tokens": 1},
}


def sigv4_valid(request: httpx2.Request) -> bool:
    """Whether `request`, as it left, carries a valid SigV4 signature for the fake keys.

    Re-signs the headers it says it signed, its URL and its body with botocore at the same
    timestamp, as the receiving side would, and compares the Authorization values.
    """
    auth = request.headers["authorization"]
    signed = re.search(r"SignedHeaders=([^,]+)", auth)
    assert signed is not None, auth
    headers = {name: request.headers[name] for name in signed.group(1).split(";")}
    again = AWSRequest(
        method=request.method, url=str(request.url), headers=headers, data=request.content
    )
    stamp = dt.datetime.strptime(request.headers["x-amz-date"], "%Y%m%dT%H%M%SZ")
    with mock.patch("botocore.auth.get_current_datetime", return_value=stamp):
        SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "bedrock", REGION).add_auth(again)
    return bool(again.headers["Authorization"] == auth)
