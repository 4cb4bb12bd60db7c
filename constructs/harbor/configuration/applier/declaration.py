"""The declaration: the JSON document that HarborConfiguration.to_json() wrote, read and checked."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .context import Kind
from .errors import InputError

DOCUMENT_VERSION = 3


def need(obj: object, key: str, kind: type | tuple, where: str) -> Any:
    """obj[key], which must exist and be of type `kind` (a bool is not an int); InputError otherwise."""
    if not isinstance(obj, dict) or key not in obj:
        raise InputError(f"declaration: {where} has no {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputError(f"declaration: {where}.{key} has the wrong type: {value!r}")
    return value


def load_declaration(path: str, kinds: Iterable[type[Kind]]) -> dict:
    """Read the document and check its version, the document-wide `prune` flag, then each kind's part."""
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except OSError as error:
        raise InputError(f"cannot read HARBOR_CONFIG_FILE {path}: {error}") from None
    except ValueError as error:
        raise InputError(f"HARBOR_CONFIG_FILE {path} is not JSON: {error}") from None
    if need(doc, "version", int, "the document") != DOCUMENT_VERSION:
        raise InputError(f"declaration version {doc['version']!r} is not {DOCUMENT_VERSION}: this script is older "
                         "or newer than the library that wrote the document")
    # document-wide: every kind that can delete honours it (see ownership.Prune)
    need(doc, "prune", bool, "the document")
    for kind in kinds:
        kind.check(doc)
    return doc
