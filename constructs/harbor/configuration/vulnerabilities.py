"""CVE allowlists: the vulnerabilities a project (or the whole system) lets through at pull time.

One type for both places Harbor keeps such a list (a project's metadata and the system's
/system/CVEAllowlist), used by retention.py (per project) and access.py (the system's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..kit.validation import fail


def _tuple(field: str, value: object, kind: type, name: str) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise fail(field, f"a tuple of {name}", value)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise fail(field, f"a tuple of {name}", item)
    return items


@dataclass(frozen=True, kw_only=True)
class CveAllowlist:
    """Vulnerabilities that do not block pulls: a project's own list, or the system's.

    On a Project, declaring it makes the project use its own list instead of the system's (project
    metadata `reuse_sys_cve_allowlist` "false"); in ConfigurationSettings it is the system's list, which
    every project without its own uses. Harbor replaces the whole list on every change.

    Attributes:
        cve_ids: the vulnerability ids, exactly as the scanner reports them (Harbor compares them byte
            for byte), distinct (default none: nothing is ignored, whatever the system list says).
        expires_at: when the list stops counting, a timezone-aware datetime, kept to the second
            (default None: never).
    """

    cve_ids: tuple[str, ...] = ()
    expires_at: datetime | None = None

    def __post_init__(self) -> None:
        field = "CveAllowlist.cve_ids"
        ids = _tuple(field, self.cve_ids, str, "str")
        object.__setattr__(self, "cve_ids", ids)
        for cve_id in ids:
            # allowlist.Validate (src/pkg/allowlist/validator.go) refuses empty and duplicate ids with an
            # uncoded error, which Harbor answers as HTTP 500; an id with spaces never matches (CVESet);
            # the table's cve_id column holds 64 characters
            if not cve_id or any(c.isspace() for c in cve_id) or len(cve_id) > 64:
                raise fail(field, "vulnerability ids without spaces, such as 'CVE-2024-3094'", cve_id)
        if len(set(ids)) != len(ids):
            raise fail(field, "distinct ids (Harbor refuses a duplicate)", next(i for i in ids if ids.count(i) > 1))
        if self.expires_at is not None and (not isinstance(self.expires_at, datetime)
                                            or self.expires_at.tzinfo is None or self.expires_at.timestamp() <= 0):
            raise fail("CveAllowlist.expires_at", "None or a timezone-aware datetime after 1970 (Harbor keeps "
                                                  "Unix seconds)", self.expires_at)

    def document(self) -> dict[str, Any]:
        expires = None if self.expires_at is None else int(self.expires_at.timestamp())
        return {"items": list(self.cve_ids), "expires_at": expires}
