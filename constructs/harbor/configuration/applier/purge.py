"""The audit-log purge schedule: when it runs, how many hours of records it keeps, which events it purges.

Harbor's purge handler (src/server/v2.0/handler/purge.go) wants the three parameters on every write,
even to remove the schedule: audit_retention_hour as a JSON integer, include_event_types as one
comma-separated string (split on "," without trimming, each value one of the event types or "other",
src/pkg/auditext/dao/dao.go permitEventTypes), and dry_run as a JSON boolean. It keeps the parameters
as sent and reports them as a JSON string in job_parameters, so the Job compares what they do: the
hours, the set of events purged (with "other" expanded), and a dry run, which is switched off.
A PUT replaces the schedule whether one exists or not (kick: delete, then create).
"""

from __future__ import annotations

import json

from .context import Kind, Run
from .declaration import need
from .errors import InputError
from .schedules import SCHEDULED, reported_parameters

PATH = "/system/purgeaudit/schedule"
# EventTypes and OtherEventTypes (everything after the three artifact events) of
# src/pkg/auditext/model/model.go; "other" is OtherEvents
EVENT_TYPES = ("create_artifact", "delete_artifact", "pull_artifact", "create_project", "delete_project",
               "delete_repository", "login_user", "logout_user", "create_user", "delete_user", "update_user",
               "create_robot", "delete_robot", "update_configuration")
OTHER = "other"
OTHER_TYPES = EVENT_TYPES[3:]


def purged(include: object) -> frozenset[str]:
    """The events a purge with this include_event_types deletes. permitEventTypes keeps a value whose lower
    case is a known type as it was written, and the SQL compares it with lower-case names, so only the
    lower-case spelling purges anything; "other" in any case adds every type but the artifact ones."""
    found: set[str] = set()
    if not isinstance(include, str):
        return frozenset()
    for value in include.split(","):
        if value in EVENT_TYPES:
            found.add(value)
        elif value.lower() == OTHER:
            found.update(OTHER_TYPES)
    return frozenset(found)


class AuditLogPurge(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        purge = need(doc["system"], "audit_log_purge", (dict, type(None)), "system")   # system: checked before
        if purge is None:
            return
        need(purge, "schedule", str, "system.audit_log_purge")
        hours = need(purge, "retention_hours", int, "system.audit_log_purge")
        if hours < 1:
            raise InputError(f"declaration: system.audit_log_purge.retention_hours must be at least 1, got {hours}")
        types = need(purge, "event_types", list, "system.audit_log_purge")
        unknown = [t for t in types if t not in (*EVENT_TYPES, OTHER)]
        if not types or unknown:
            raise InputError(f"declaration: system.audit_log_purge.event_types must be event types Harbor knows, "
                             f"got {types!r}")

    def apply(self, run: Run) -> None:
        purge = self.doc["system"]["audit_log_purge"]
        if purge is None:
            return
        wanted = {"audit_retention_hour": purge["retention_hours"],
                  "include_event_types": ",".join(purge["event_types"]), "dry_run": False}
        current = run.harbor.get(PATH)         # an empty answer when there is no schedule
        current = current if isinstance(current, dict) else {}
        schedule = current.get("schedule") or {}
        scheduled = schedule.get("type") in SCHEDULED
        changed = []
        if scheduled:
            reported = reported_parameters(current.get("job_parameters"))
            hours = reported.get("audit_retention_hour")
            if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours != purge["retention_hours"]:
                changed.append(f"audit_retention_hour {json.dumps(hours)} -> {purge['retention_hours']}")
            if purged(reported.get("include_event_types")) != purged(wanted["include_event_types"]):
                changed.append(f"include_event_types {json.dumps(reported.get('include_event_types'))} -> "
                               f"{json.dumps(wanted['include_event_types'])}")
            if reported.get("dry_run") is True:
                changed.append("dry_run true -> false")
            if schedule.get("cron") == purge["schedule"] and not changed:
                return
        run.harbor.request("PUT", PATH, body={"schedule": {"type": "Custom", "cron": purge["schedule"]},
                                              "parameters": wanted})
        before = f"{schedule.get('type')} {schedule.get('cron')!r}" if scheduled else "none"
        run.action("set audit-log purge schedule to %r, keeping %d hours of %s (was %s)%s", purge["schedule"],
                   purge["retention_hours"], wanted["include_event_types"], before,
                   f"; parameters: {', '.join(changed)}" if changed else "")
