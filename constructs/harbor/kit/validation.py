"""Checks shared by every construct's configuration.

Each check raises ``ValueError`` naming the field, the rule and the bad value, so that a mistake is
reported at the point of entry, before anything is handed to cdk8s (errors raised inside jsii surface
as a bare ``RuntimeError`` that names neither).
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from typing import TypeVar
from urllib.parse import urlsplit

# RFC 1123 label as Kubernetes uses it for names of Services, Namespaces, ...
DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
# RFC 1123 subdomain: what Kubernetes accepts for ConfigMap, Secret and Deployment names.
DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
# A Kubernetes resource quantity such as "50Gi", "100m" or "1".
QUANTITY = re.compile(r"(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?")
# What a Secret data key or ConfigMap key may be.
CONFIG_KEY = re.compile(r"[-._a-zA-Z0-9]+")
# An environment variable name that every container runtime accepts.
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


T = TypeVar("T")


def present(value: T | None, what: str) -> T:
    """`value`, which an earlier check guarantees is set; for type checkers, and never an `assert`
    (Python's -O drops those): a None here is a bug of the library, said as such."""
    if value is None:
        raise RuntimeError(f"internal error: {what} is None, which its own check should have refused")
    return value


def fail(field: str, rule: str, value: object) -> ValueError:
    """The one shape of every configuration error: field, rule, then the value as given."""
    return ValueError(f"{field} must be {rule}, got {value!r}")


def check_dns_label(field: str, value: str) -> str:
    if not isinstance(value, str) or len(value) > 63 or not DNS_LABEL.fullmatch(value):
        raise fail(field, "a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)", value)
    return value


def check_dns_subdomain(field: str, value: str) -> str:
    if not isinstance(value, str) or len(value) > 253 or not DNS_SUBDOMAIN.fullmatch(value):
        raise fail(field, "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')", value)
    return value


def check_hostname(field: str, value: str, *, allow_wildcard: bool = False) -> str:
    """An RFC 1123 host name: lower case, no scheme, no port, no path; '*' only as the leftmost label."""
    if not isinstance(value, str) or not value:
        raise fail(field, "a host name such as 'harbor.example.com'", value)
    if "://" in value or "/" in value:
        raise fail(field, "a bare host name without scheme or path", value)
    if ":" in value:
        raise fail(field, "a host name without a port", value)
    if value != value.lower():
        raise fail(field, "lower case (Gateways compare host names byte for byte)", value)
    labels = value.split(".")
    if labels[0] == "*":
        if not allow_wildcard:
            raise fail(field, "a host name without a wildcard", value)
        labels = labels[1:]
    if "*" in value.replace("*.", "", 1) or not labels or len(value) > 253:
        raise fail(field, "a host name with '*' only as the whole leftmost label", value)
    for label in labels:
        if len(label) > 63 or not DNS_LABEL.fullmatch(label):
            raise fail(field, "an RFC 1123 host name (labels of a-z, 0-9 and '-')", value)
    return value


def check_port(field: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise fail(field, "a port number from 1 to 65535", value)
    return value


def check_quantity(field: str, value: str) -> str:
    if not isinstance(value, str) or not QUANTITY.fullmatch(value):
        raise fail(field, "a Kubernetes quantity such as '50Gi' or '500m'", value)
    return value


def check_storage_size(field: str, value: str) -> str:
    """A claim size: a quantity of whole bytes above zero (the API server rejects a claim of 0 bytes,
    and a milli-byte size such as '500m' is no size a volume can have)."""
    rule = "a storage size above zero such as '50Gi' (no milli suffix)"
    check_quantity(field, value)
    number = QUANTITY.fullmatch(value)
    if number is None or number.group(3) == "m" or float(number.group(1)) == 0:
        raise fail(field, rule, value)
    return value


def check_positive(field: str, value: int, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise fail(field, f"an integer of at least {minimum}", value)
    return value


def check_config_key(field: str, value: str) -> str:
    if not isinstance(value, str) or len(value) > 253 or not CONFIG_KEY.fullmatch(value):
        raise fail(field, "a Secret/ConfigMap key (letters, digits, '-', '_' and '.')", value)
    return value


def check_env_name(field: str, value: str) -> str:
    if not isinstance(value, str) or not ENV_NAME.fullmatch(value):
        raise fail(field, "an environment variable name (letters, digits and '_', not starting with a digit)", value)
    return value


def check_http_url(field: str, value: str, *, allow_path: bool = True) -> str:
    """An absolute http(s) URL with a host; ``allow_path=False`` also rejects a path, query or fragment."""
    if not isinstance(value, str):
        raise fail(field, "an http:// or https:// URL", value)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(field, "an http:// or https:// URL with a host", value)
    if not allow_path and (parts.path not in ("", "/") or parts.query or parts.fragment):
        raise fail(field, "a URL without a path, query or fragment", value)
    if parts.netloc != parts.netloc.lower():
        raise fail(field, "a URL whose host is lower case", value)
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port is not None and not 1 <= port <= 65535:
        raise fail(field, "a URL whose port is from 1 to 65535", value)
    return value


# A Prometheus duration as Prometheus and the Prometheus Operator's CRDs accept it: units from the
# largest to the smallest, each at most once, e.g. "30s", "1m30s", "2h" (the CRDs' `Duration` pattern).
PROMETHEUS_DURATION = re.compile(r"(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?"
                                 r"(?:([0-9]+)s)?(?:([0-9]+)ms)?")
_DURATION_UNITS = (365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001)


def check_prometheus_duration(field: str, value: str) -> str:
    """A Prometheus duration above zero such as '30s' or '1m30s'."""
    match = PROMETHEUS_DURATION.fullmatch(value) if isinstance(value, str) else None
    if match is None or not value or not any(int(part or 0) for part in match.groups()):
        raise fail(field, "a Prometheus duration above zero such as '30s', '5m' or '1h30m'", value)
    return value


def duration_seconds(value: str) -> float:
    """The length of a Prometheus duration checked by `check_prometheus_duration`, in seconds."""
    match = PROMETHEUS_DURATION.fullmatch(value)
    if match is None:
        raise fail("duration", "a Prometheus duration", value)
    return sum(int(part or 0) * unit for part, unit in zip(match.groups(), _DURATION_UNITS))


def check_percent(field: str, value: float) -> float:
    """A threshold in percent, from 0 to 100."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise fail(field, "a percentage from 0 to 100", value)
    return value
