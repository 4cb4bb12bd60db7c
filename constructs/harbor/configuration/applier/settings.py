"""The run's settings, read from the environment (the variables are listed in the package's docstring)."""

from __future__ import annotations

import os
import urllib.parse

from .client import API
from .errors import InputError


def env_number(name: str, default: float, *, minimum: float = 0) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise InputError(f"{name} must be at least {minimum}, got {raw!r}")
    return value


def env_required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise InputError(f"{name} is not set")
    return value


class Settings:
    def __init__(self) -> None:
        self.url = env_required("HARBOR_URL").rstrip("/")
        if self.url.endswith(API):
            self.url = self.url[: -len(API)]
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"HARBOR_URL must be an http(s) URL such as http://harbor-core, got {self.url!r}")
        self.user = os.environ.get("HARBOR_ADMIN_USER") or "admin"
        self.password = env_required("HARBOR_ADMIN_PASSWORD")
        self.config_file = env_required("HARBOR_CONFIG_FILE")
        self.health_deadline = env_number("HARBOR_HEALTH_DEADLINE_SECONDS", 600)
        self.health_interval = env_number("HARBOR_HEALTH_INTERVAL_SECONDS", 5)
        self.attempts = int(env_number("HARBOR_RETRY_ATTEMPTS", 5, minimum=1))
        self.retry_delay = env_number("HARBOR_RETRY_DELAY_SECONDS", 1)
        self.retry_max_delay = env_number("HARBOR_RETRY_MAX_DELAY_SECONDS", 30)
        self.timeout = env_number("HARBOR_REQUEST_TIMEOUT_SECONDS", 30, minimum=0.1)
        self.ca_file = os.environ.get("HARBOR_CA_FILE") or None
