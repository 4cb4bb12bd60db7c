"""The CVE allowlist of each declared project that declares one.

Harbor reads a project's own allowlist only when the project's metadata reuse_sys_cve_allowlist is
"false"; without the key it uses the system's (ReuseSysCVEAllowlist in src/pkg/project/models/project.go).
Both are written with one PUT /projects/{name}: the metadata is merged key by key, the allowlist replaced
whole (UpdateProject in src/server/v2.0/handler/project.go, Update in src/controller/project/controller.go).
Harbor answers HTTP 500 for an empty or duplicate id (allowlist.Validate, src/pkg/allowlist/validator.go),
which the model refuses first. Ids compare as a set: Harbor matches them through a set (CVESet), so their
order means nothing. A project whose cve_allowlist is None is left alone.
"""

from __future__ import annotations

from .context import Kind, Run
from .declaration import need
from .errors import InputError
from .projects import BY_NAME, project_view

REUSE = "reuse_sys_cve_allowlist"


class CveAllowlists(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        for project in doc["projects"]:          # checked by Projects, which comes first
            where = f"project {project['name']!r}"
            allowlist = need(project, "cve_allowlist", (dict, type(None)), where)
            if allowlist is None:
                continue
            items = need(allowlist, "items", list, where + ".cve_allowlist")
            if any(not isinstance(item, str) or not item.strip() for item in items) or len(set(items)) != len(items):
                raise InputError(f"declaration: {where}.cve_allowlist.items must be distinct, non-empty ids: {items!r}")
            need(allowlist, "expires_at", (int, type(None)), where + ".cve_allowlist")

    def apply(self, run: Run) -> None:
        for project in self.doc["projects"]:
            name, wanted = project["name"], project["cve_allowlist"]
            if wanted is None or name in run.skipped_projects:
                continue
            view = project_view(run, name)
            current = view.get("cve_allowlist") or {}
            # Harbor leaves out an empty list and a missing expiry (omitempty)
            items = [item.get("cve_id") for item in current.get("items") or []]
            body: dict = {}
            changed = []
            if sorted(items) != sorted(wanted["items"]):
                changed.append(f"ids {sorted(items)} -> {sorted(wanted['items'])}")
            if current.get("expires_at") != wanted["expires_at"]:
                changed.append(f"expires_at {current.get('expires_at')} -> {wanted['expires_at']}")
            if changed:
                body["cve_allowlist"] = {"items": [{"cve_id": cve_id} for cve_id in wanted["items"]],
                                         "expires_at": wanted["expires_at"]}
            reuse = (view.get("metadata") or {}).get(REUSE)
            if reuse != "false":
                body["metadata"] = {REUSE: "false"}
                changed.append(f"{REUSE} {reuse or 'unset'} -> false (the project's own list counts)")
            if body:
                run.harbor.request("PUT", f"/projects/{name}", headers=BY_NAME, body=body)
                run.action("updated the CVE allowlist of project %s: %s", name, ", ".join(changed))
