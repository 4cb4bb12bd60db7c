"""What every part of the fake Harbor answers with: Harbor's error envelope, and a plain reply.

Shared by fake_harbor.py and its parts (fake_harbor_access.py, fake_harbor_retention.py), which
import nothing of each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# lib/http's codeMap (src/lib/http/error.go), the statuses the fake answers
CODES = {400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT",
         412: "PRECONDITION", 500: "UNKNOWN"}
INTERNAL = "internal server error"


class Refusal(Exception):
    """Harbor's error answer: `{"errors": [{"code", "message"}]}`; a 5xx is always Harbor's generic one."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code = status, code or CODES.get(status, "UNKNOWN")

    def body(self) -> dict:
        if self.status >= 500:      # lib/http.SendError hides every 5xx behind this (src/lib/http/error.go)
            return {"errors": [{"code": "UNKNOWN", "message": INTERNAL}]}
        return {"errors": [{"code": self.code, "message": str(self)}]}


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, Any] = field(default_factory=dict)
