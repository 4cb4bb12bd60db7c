"""System schedules: scan-all and garbage collection (with the GC parameters Harbor reports back)."""

from __future__ import annotations

import json

from .context import Kind, Run
from .declaration import need
from .errors import HarborError

# Harbor answers these for a schedule that exists; "None" (or nothing) means no schedule.
SCHEDULED = ("Hourly", "Daily", "Weekly", "Custom", "Schedule")
# What GET /system/gc/schedule reports of the GC parameters (job_parameters): the GC controller's
# CreateSchedule (src/controller/gc/controller.go) keeps only these; dry_run is not among them.
GC_REPORTED = ("delete_tag", "delete_untagged", "workers")


class SystemSchedules(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        system = need(doc, "system", dict, "the document")
        for key in ("scan_all_schedule", "gc_schedule"):
            need(system, key, (str, type(None)), "system")
        gc = need(system, "gc_parameters", dict, "system")
        need(gc, "delete_untagged", bool, "system.gc_parameters")
        need(gc, "workers", int, "system.gc_parameters")
        need(gc, "dry_run", bool, "system.gc_parameters")

    def apply(self, run: Run) -> None:
        system = self.doc["system"]
        if system["scan_all_schedule"] is not None:
            apply_schedule(run, "scan-all", "/system/scanAll/schedule", system["scan_all_schedule"])
        if system["gc_schedule"] is not None:
            gc = system["gc_parameters"]
            # Harbor's GC handler reads `parameters` as a map of any JSON values (kick() in
            # src/server/v2.0/handler/gc.go): the flags must be JSON booleans and workers a JSON integer,
            # or they are silently ignored. delete_tag is not declared; it is sent as false, which is also
            # what Harbor stores when it is absent, so that the comparison covers all it reports.
            parameters = {"delete_untagged": gc["delete_untagged"], "delete_tag": False, "workers": gc["workers"],
                          "dry_run": gc["dry_run"]}
            apply_schedule(run, "garbage-collection", "/system/gc/schedule", system["gc_schedule"], parameters)


def apply_schedule(run: Run, what: str, path: str, cron: str, parameters: dict | None = None) -> None:
    try:
        current = run.harbor.get(path) or {}
    except HarborError as error:
        if error.status == 412:
            raise HarborError(f"cannot read the {what} schedule: {error} (a scan-all schedule needs a "
                              "default scanner such as Trivy)", 412) from None
        raise
    schedule = (current.get("schedule") or {}) if isinstance(current, dict) else {}
    scheduled = schedule.get("type") in SCHEDULED
    differences = []
    if scheduled and parameters is not None:
        reported = reported_parameters(current.get("job_parameters"))
        for key in GC_REPORTED:
            if not same_json(reported.get(key), parameters[key]):
                differences.append(f"{key} {json.dumps(reported.get(key))} -> {json.dumps(parameters[key])}")
    if scheduled and schedule.get("cron") == cron and not differences:
        return
    body: dict = {"schedule": {"type": "Custom", "cron": cron}}
    if parameters is not None:
        body["parameters"] = parameters
    run.harbor.request("PUT", path, body=body)
    before = f"{schedule.get('type')} {schedule.get('cron')!r}" if scheduled else "none"
    run.action("set %s schedule to %r (was %s)%s", what, cron, before,
               f"; parameters: {', '.join(differences)}" if differences else "")


def reported_parameters(text: object) -> dict:
    """GET /system/gc/schedule's job_parameters, a JSON object in a string; {} when it is not one."""
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        value = None
    return value if isinstance(value, dict) else {}


def same_json(a: object, b: object) -> bool:
    """Equal as JSON values: True is not 1, and 0 is not False."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)
