"""The job's record in Harbor: what it cannot read back, kept in the description of one global label.

Two things the job must remember between runs have no place of their own in Harbor:
- the fingerprints of write-only secrets (the OIDC client secret, the LDAP search password): Harbor
  never answers them (ConvertForGet drops PasswordType items, src/controller/config/controller.go), so
  without a fingerprint a rotated value would go unnoticed, or every run would send it again;
- which project members the job added: a member has no description or label to carry a mark, and
  prune may delete only what the job owns.
Both live in the global label "harbor-gitops-record" (Administration > Labels), a sentence for the
reader followed by JSON. A fingerprint is a keyed hash (the key is the admin password), which reveals
nothing of the secret. Deleting the label is harmless: the secrets are sent once more, and members the
job added before are no longer pruned.

Record is a kind: its inspect reads the label before anything is written, its apply writes it once,
after the kinds that changed it and before read-only mode is set again (system_settings.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from .client import location_id
from .context import Kind, Run

RECORD_LABEL = "harbor-gitops-record"
RECORD_TEXT = ("Kept by the harbor-gitops configuration job: fingerprints of write-only secrets and the project "
               "members it added (prune deletes only those). Deleting it is harmless. ")
RECORD_COLOR = "#48960C"

log = logging.getLogger("harbor-config")


def fingerprint(run: Run, *parts: str) -> str:
    """A keyed hash of a secret value: equal values give equal prints, and the print reveals nothing."""
    return hmac.new(run.key, "\0".join(parts).encode(), hashlib.sha256).hexdigest()[:16]


def parse(description: str) -> dict:
    """The JSON after RECORD_TEXT; {} for a description that holds none (a label edited by hand)."""
    start = description.find("{")
    if start < 0:
        return {}
    try:
        value = json.loads(description[start:])
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class Record(Kind):
    """Reads the record before any write, and writes it back once when a kind changed it."""

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.label_id: int | None = None
        self.loaded: dict = {}

    def inspect(self, run: Run) -> None:
        labels = run.harbor.list_all("/labels", {"scope": "g", "name": RECORD_LABEL})
        found = next((label for label in labels if label.get("name") == RECORD_LABEL), None)
        if found is not None:
            self.label_id = found["id"]
            self.loaded = parse(found.get("description") or "")
        run.record = {"secrets": dict(self.loaded.get("secrets") or {}),
                      "members": {project: sorted(keys) for project, keys in (self.loaded.get("members") or {}).items()
                                  if isinstance(keys, list)}}

    def apply(self, run: Run) -> None:
        wanted = {"secrets": dict(sorted(run.record["secrets"].items())),
                  "members": {project: sorted(keys) for project, keys in sorted(run.record["members"].items())
                              if keys}}
        if wanted == {"secrets": self.loaded.get("secrets") or {}, "members": self.loaded.get("members") or {}}:
            return
        body = {"name": RECORD_LABEL, "description": RECORD_TEXT + json.dumps(wanted, sort_keys=True),
                "color": RECORD_COLOR, "scope": "g"}
        if self.label_id is None:
            _, headers, _ = run.harbor.request("POST", "/labels", body=body, create=True)
            self.label_id = location_id(headers)
        else:
            run.harbor.request("PUT", f"/labels/{self.label_id}", body=body)
        self.loaded = wanted
        # bookkeeping, not a change of Harbor's configuration: logged, but not counted as one
        log.info("updated the job's record (label %s)", RECORD_LABEL)
