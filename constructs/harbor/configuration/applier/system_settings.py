"""Harbor's system settings (PUT /configurations) and the system CVE allowlist; read-only mode last.

- Harbor never diffs a configuration PUT (mgr.UpdateConfig writes every key sent): the job sends only
  the keys whose value differs from what GET answered, so a second run writes nothing.
- A non-empty audit_log_forward_endpoint makes Harbor dial it on every PUT that carries the key, and a
  failed dial refuses the whole change (updateLogEndpoint, src/controller/config/controller.go): it is
  sent only when it changes.
- Read-only mode refuses every write but PUT /configurations (src/server/middleware/readonly/). When
  Harbor is read-only and the declaration says what it should be, the first write of the run lifts it
  (Harbor.before_write), and this kind, the last, sets the declared value after everything else. A run
  with nothing to change does not lift it, and writes nothing; a run that fails after lifting it leaves
  Harbor writable until a later run completes (the next sync retries the Job).
- The system CVE allowlist is replaced whole by PUT /system/CVEAllowlist.
"""

from __future__ import annotations

import json
import logging

from .auth import current, load_configurations, same_setting
from .context import Kind, Run
from .declaration import need
from .errors import HarborError, InputError

# what the declaration may set here, and the JSON type Harbor takes for each (swagger `Configurations`)
KEYS: dict[str, type | tuple[type, ...]] = {
    "project_creation_restriction": str, "robot_token_duration": int, "robot_name_prefix": str, "read_only": bool,
    "audit_log_forward_endpoint": str, "disabled_audit_log_event_types": str, "session_timeout": int,
    "banner_message": str,
}
# updateLogEndpoint (src/controller/config/controller.go) answers this (HTTP 400) when the dial fails
AUDIT_ENDPOINT_UNREACHABLE = "could not connect to the audit endpoint"

log = logging.getLogger("harbor-config")


def same_value(key: str, have: object, want: object) -> bool:
    if key == "disabled_audit_log_event_types" and isinstance(have, str) and isinstance(want, str):
        # AuditLogEventEnabled (src/lib/config/userconfig.go) splits on ',', trims, ignores case
        def events(text: str) -> set[str]:
            return {part.strip().lower() for part in text.split(",") if part.strip()}
        return events(have) == events(want)
    if key == "banner_message" and isinstance(have, str) and isinstance(want, str) and have and want:
        try:
            return json.loads(have) == json.loads(want)
        except ValueError:
            return False
    return same_setting(key, have, want)


class SystemConfiguration(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        settings = need(doc, "settings", dict, "the document")
        for key in need(settings, "configurations", dict, "settings"):
            if key not in KEYS:
                raise InputError(f"declaration: settings.configurations has {key!r}, not one of {sorted(KEYS)}")
            need(settings["configurations"], key, KEYS[key], "settings.configurations")
        allowlist = need(settings, "cve_allowlist", (dict, type(None)), "settings")
        if allowlist is not None:
            if not all(isinstance(item, str) for item in need(allowlist, "items", list, "settings.cve_allowlist")):
                raise InputError("declaration: settings.cve_allowlist.items must be CVE ids")
            need(allowlist, "expires_at", (int, type(None)), "settings.cve_allowlist")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.wanted: dict = doc["settings"]["configurations"]
        self.allowlist: dict | None = doc["settings"]["cve_allowlist"]
        self.lifted = False
        self.run: Run | None = None

    def inspect(self, run: Run) -> None:
        load_configurations(run)
        self.run = run
        if current(run, "read_only") is True and "read_only" in self.wanted:
            run.harbor.before_write = self.lift

    def lift(self, method: str, path: str) -> None:
        """The first write of a run while Harbor is read-only: lift it (the declaration says what it should
        be, and apply() below sets that last)."""
        run = self.run
        if run is None:   # inspect() sets it before any write; never an assert, which python -O drops
            raise RuntimeError("internal error: the read-only lift ran before inspect()")
        run.harbor.before_write = None
        run.harbor.request("PUT", "/configurations", body={"read_only": False})
        self.lifted = True
        run.configurations.setdefault("read_only", {})["value"] = False
        run.action("lifted read-only mode for this run's changes (the first is %s %s); the declared value is set "
                   "last", method, path)

    def apply(self, run: Run) -> None:
        body = {key: want for key, want in sorted(self.wanted.items())
                if key != "read_only" and not same_value(key, current(run, key), want)}
        if body.get("audit_log_forward_endpoint") == "" and current(run, "skip_audit_log_database") is True:
            # Harbor refuses an empty endpoint while the audit log goes only there, and the whole PUT with it
            # (src/controller/config/controller.go verifyCfg: skipAuditDB && len(endPoint) == 0); the
            # declaration does not set skip_audit_log_database: the rest is applied, this waits
            del body["audit_log_forward_endpoint"]
            reason = ("Harbor keeps the audit log only at the forward endpoint (skip_audit_log_database is on) and "
                      "refuses to clear it until that is off: Administration > Configuration > System Settings > "
                      "Skip Audit Log Database")
            run.pending.append(f"system setting audit_log_forward_endpoint '' ({reason})")
            log.warning("not applied yet: audit_log_forward_endpoint '': %s", reason)
        if body:
            try:
                run.harbor.request("PUT", "/configurations", body=body)
            except HarborError as error:
                if error.status == 400 and AUDIT_ENDPOINT_UNREACHABLE in error.detail:
                    raise HarborError(f"Harbor could not connect to audit_log_forward_endpoint "
                                      f"{body.get('audit_log_forward_endpoint')!r}, so it refused the system "
                                      "settings (it dials the syslog endpoint over TCP whenever the key is set): "
                                      "check the address and that Harbor's core may reach it (its network "
                                      f"policy); Harbor answered: {error.detail}", error.status, error.detail) \
                        from None
                raise
            run.action("updated system settings: %s", ", ".join(
                f"{key} {current(run, key)!r} -> {want!r}" for key, want in body.items()))
            for key, want in body.items():
                run.configurations.setdefault(key, {})["value"] = want
        if self.allowlist is not None:
            self.apply_allowlist(run, self.allowlist)
        run.harbor.before_write = None
        if "read_only" in self.wanted and current(run, "read_only") != self.wanted["read_only"]:
            run.harbor.request("PUT", "/configurations", body={"read_only": self.wanted["read_only"]})
            run.configurations.setdefault("read_only", {})["value"] = self.wanted["read_only"]
            if self.wanted["read_only"] and self.lifted:
                run.action("set read-only mode again")
            else:
                run.action("updated system settings: read_only -> %s", "true" if self.wanted["read_only"] else "false")

    @staticmethod
    def apply_allowlist(run: Run, wanted: dict) -> None:
        have = run.harbor.get("/system/CVEAllowlist") or {}
        items = [item.get("cve_id") for item in have.get("items") or []]
        expires = have.get("expires_at")
        if items == wanted["items"] and expires == wanted["expires_at"]:
            return
        run.harbor.request("PUT", "/system/CVEAllowlist", body={
            "items": [{"cve_id": cve} for cve in wanted["items"]], "expires_at": wanted["expires_at"]})
        run.action("updated the system CVE allowlist: %d ids (was %d), expires %s", len(wanted["items"]), len(items),
                   wanted["expires_at"] if wanted["expires_at"] is not None else "never")
