"""Content checksums on pod templates: pods roll when the config they mount changes, and only then."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

CONFIG_CHECKSUM = "checksum/config"


def checksum(*contents: Mapping[str, str] | str) -> str:
    """A sha256 of config content: the same content gives the same value on every synth.

    Put on a pod template, it rolls the pods when the config they mount changes, and only then.
    """
    digest = hashlib.sha256()
    for content in contents:
        digest.update(json.dumps(content, sort_keys=True, separators=(",", ":")).encode())
    return digest.hexdigest()
