"""Reading rendered manifests, which are JSON: a missing or null member reads as empty.

What `(obj.get("spec") or {}).get("template")` says, typed: a manifest's values are `Any` (their
shape is Kubernetes', which the checks read key by key), and the empty defaults are typed too, so
that strict type checking follows the walk.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

JsonObject = Mapping[str, Any]


def obj_at(value: JsonObject, *keys: str) -> JsonObject:
    """value[keys[0]][keys[1]]...; a missing, null or empty member on the way gives {}."""
    for key in keys:
        value = value.get(key) or {}
    return value


def list_at(value: JsonObject, *keys: str) -> list[Any]:
    """The list at value[keys[0]]...[keys[-1]]; a missing, null or empty member on the way gives []."""
    *path, last = keys
    return obj_at(value, *path).get(last) or []
