"""Ownership marks, which decide what prune may delete, and the Prune step.

- A registry is owned when its description ends with "[managed-by=harbor-gitops]" (or
  "[managed-by=harbor-gitops credential=<16 hex>]", the fingerprint of its credential).
- A project is owned when it carries the project label "harbor-gitops".
The job writes these marks on everything it creates, and on declared objects it finds (adoption).
"""

from __future__ import annotations

import re

from .client import Harbor
from .context import Kind, Run

MARKER_NAME = "harbor-gitops"
MARKER = re.compile(r"\s*\[managed-by=harbor-gitops(?: credential=([0-9a-f]{16}))?\]$")
LABEL_NAME = "harbor-gitops"
LABEL_DESCRIPTION = ("Managed by the harbor-gitops configuration job: declared in Git; deleted by the job "
                     "(when prune is on) once the declaration no longer lists it.")


def marked_description(description: str, fingerprint: str | None) -> str:
    """A registry's declared description followed by the ownership marker (and its credential's fingerprint)."""
    marker = f"[managed-by={MARKER_NAME}" + (f" credential={fingerprint}]" if fingerprint else "]")
    return f"{description} {marker}" if description else marker


def owned(harbor: Harbor, project_id: int) -> bool:
    labels = harbor.list_all("/labels", {"scope": "p", "project_id": project_id, "name": LABEL_NAME})
    return any(label.get("name") == LABEL_NAME for label in labels)


def mark(harbor: Harbor, project_id: int) -> None:
    harbor.request("POST", "/labels", create=True, body={
        "name": LABEL_NAME, "description": LABEL_DESCRIPTION, "color": "#48960C", "scope": "p",
        "project_id": project_id})


class Prune(Kind):
    """Runs every kind's prune, the last kind first: objects go before what they refer to (a proxy cache
    before its registry), so that a registry still used by a kept project is kept too.

    Without prune nothing is ever deleted, and each owned object the declaration dropped is reported."""

    def apply(self, run: Run) -> None:
        for kind in reversed(run.kinds):
            kind.prune(run)
