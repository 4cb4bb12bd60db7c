"""Requests and limits of a container, typed and checked at entry."""

from __future__ import annotations

from dataclasses import dataclass

from .validation import check_quantity


@dataclass(frozen=True, kw_only=True)
class Resources:
    """Requests and limits of one container, as Kubernetes quantities.

    Attributes:
        cpu_request: the CPU the scheduler reserves, e.g. "100m".
        memory_request: the memory the scheduler reserves, e.g. "256Mi".
        cpu_limit: the CPU beyond which the container is throttled.
        memory_limit: the memory beyond which the container is killed (OOMKilled).
    """

    cpu_request: str
    memory_request: str
    cpu_limit: str
    memory_limit: str

    def __post_init__(self) -> None:
        for name in ("cpu_request", "memory_request", "cpu_limit", "memory_limit"):
            check_quantity(f"Resources.{name}", getattr(self, name))
