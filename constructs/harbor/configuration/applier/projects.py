"""Projects, regular or proxy cache: their metadata (visibility, scan and pull policies, proxy-cache
bandwidth and connections), their storage quota, and their ownership label."""

from __future__ import annotations

import logging

from .client import Harbor, flag, location_id
from .context import Kind, Run
from .declaration import need
from .errors import Conflict, HarborError, InputError
from .ownership import LABEL_NAME, mark, owned

# Harbor's project endpoints take the name instead of the id when told so
BY_NAME = {"X-Is-Resource-Name": "true"}

log = logging.getLogger("harbor-config")


def metadata(project: dict) -> dict[str, str]:
    """What the declaration wants in Harbor's project metadata, in Harbor's spelling (strings)."""
    policy = project["policy"]
    wanted = {
        "public": flag(project["public"]),
        "auto_scan": flag(policy["auto_scan"]),
        "prevent_vul": flag(policy["prevent_vulnerable"]),
        "severity": policy["severity"],
        "enable_content_trust_cosign": flag(policy["enable_content_trust_cosign"]),
        "auto_sbom_generation": flag(policy["auto_sbom_generation"]),
    }
    proxy = project["proxy_cache"]
    if proxy is not None:
        # Harbor ignores these two on regular projects, so they are sent only for proxy caches
        wanted["proxy_speed_kb"] = str(proxy["bandwidth_kbps"])
        wanted["max_upstream_conn"] = str(proxy["max_upstream_connections"])
    return wanted


def gib(size: int) -> str:
    """Bytes for a log line, in GiB."""
    return f"{size / 2**30:.2f} GiB"


def project_view(run: Run, name: str) -> dict:
    """Harbor's view of a declared project (id, metadata, CVE allowlist): as listed before the first write,
    or read now for a project this run created."""
    listed = run.projects.get(name)
    if listed is not None:
        return listed
    return run.harbor.get(f"/projects/{name}", headers=BY_NAME) or {}


def project_id(harbor: Harbor, name: str) -> int:
    for project in harbor.list_all("/projects", {"name": name}):
        if project["name"] == name:        # the name filter is a fuzzy match
            return project["project_id"]
    raise HarborError(f"project {name!r} was created but Harbor does not list it")


class Projects(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        names = {r["name"] for r in doc["registries"]}      # checked by Registries, which comes first
        for project in need(doc, "projects", list, "the document"):
            where = f"project {project.get('name')!r}" if isinstance(project, dict) else "a project"
            need(project, "name", str, where)
            need(project, "public", bool, where)
            need(project, "storage_limit", int, where)
            policy = need(project, "policy", dict, where)
            for key in ("auto_scan", "prevent_vulnerable", "enable_content_trust_cosign", "auto_sbom_generation"):
                need(policy, key, bool, where + ".policy")
            need(policy, "severity", str, where + ".policy")
            proxy = need(project, "proxy_cache", (dict, type(None)), where)
            if proxy is not None:
                if need(proxy, "registry", str, where + ".proxy_cache") not in names:
                    raise InputError(f"declaration: {where} is a proxy cache of registry {proxy['registry']!r}, "
                                     "which the declaration does not list")
                need(proxy, "bandwidth_kbps", int, where + ".proxy_cache")
                need(proxy, "max_upstream_connections", int, where + ".proxy_cache")

    def inspect(self, run: Run) -> None:
        """Harbor cannot turn a regular project into a proxy cache, nor the reverse, nor rebind a cache."""
        run.projects = {p["name"]: p for p in run.harbor.list_all("/projects")}
        ids = {r["id"]: name for name, r in run.registries.items()}
        for project in self.doc["projects"]:
            current = run.projects.get(project["name"])
            if current is None:
                continue
            bound = current.get("registry_id") or 0
            proxy = project["proxy_cache"]
            if proxy is not None and not bound:
                raise Conflict(f"project {project['name']!r} exists as a regular project, but the declaration makes "
                               f"it a proxy cache of registry {proxy['registry']!r}; Harbor cannot turn one into the "
                               "other: rename the declared proxy cache, or delete the existing project")
            if proxy is None and bound:
                raise Conflict(f"project {project['name']!r} exists as a proxy cache (of registry "
                               f"{ids.get(bound, bound)!r}), but the declaration makes it a regular project; Harbor "
                               "cannot turn one into the other: rename the declared project, or delete the "
                               "existing proxy cache")
            if proxy is not None and ids.get(bound) != proxy["registry"]:
                raise Conflict(f"project {project['name']!r} is a proxy cache of registry {ids.get(bound, bound)!r}, "
                               f"the declaration binds it to {proxy['registry']!r}; Harbor cannot rebind a proxy "
                               "cache: rename the declared project, or delete the existing one")

    def apply(self, run: Run) -> None:
        for project in self.doc["projects"]:
            name = project["name"]
            wanted = metadata(project)
            proxy = project["proxy_cache"]
            if proxy is not None and proxy["registry"] in run.skipped:
                run.skipped_projects.append(name)
                log.warning("skipped project %s: a proxy cache of registry %s, which was skipped", name,
                            proxy["registry"])
                continue
            current = run.projects.get(name)
            if current is None:
                body = {"project_name": name, "metadata": wanted, "storage_limit": project["storage_limit"]}
                if proxy is not None:
                    body["registry_id"] = run.registry_ids[proxy["registry"]]
                _, headers, _ = run.harbor.request("POST", "/projects", body=body, create=True)
                new_id = location_id(headers) or project_id(run.harbor, name)
                mark(run.harbor, new_id)
                run.action("created project %s (%s)", name, f"proxy cache of registry {proxy['registry']}"
                           if proxy else "regular")
                continue
            current_id = current["project_id"]
            current_metadata = current.get("metadata") or {}
            changed = {key: value for key, value in wanted.items() if current_metadata.get(key) != value}
            if changed:
                run.harbor.request("PUT", f"/projects/{name}", headers=BY_NAME, body={"metadata": changed})
                run.action("updated project %s: %s", name, ", ".join(
                    f"{key} {repr(current_metadata[key]) if key in current_metadata else 'unset'} -> {value!r}"
                    for key, value in sorted(changed.items())))
            self.apply_quota(run, name, current_id, project["storage_limit"])
            if not owned(run.harbor, current_id):
                mark(run.harbor, current_id)
                run.action("adopted project %s (label %s added: the job now owns it)", name, LABEL_NAME)

    @staticmethod
    def apply_quota(run: Run, name: str, project_id: int, limit: int) -> None:
        quotas = run.harbor.list_all("/quotas", {"reference": "project", "reference_id": str(project_id)})
        if not quotas:
            log.warning("project %s has no quota in Harbor (per-project quotas disabled?): storage limit not applied",
                        name)
            return
        quota = quotas[0]
        current = (quota.get("hard") or {}).get("storage")
        used = (quota.get("used") or {}).get("storage")
        if limit != -1 and isinstance(used, int) and used > limit:
            # Harbor takes a limit below the usage (UpdateQuota in src/server/v2.0/handler/quota.go compares
            # nothing), and every push to the project then fails "Quota exceeded": reported, never applied,
            # and the quota Harbor has is left as it is
            if current == limit:
                state = "Harbor has that quota already (set by hand?), so every push to the project fails"
            else:
                state = ("not applied: Harbor's quota stays "
                         + ("unlimited" if current in (None, -1) else f"{current} bytes ({gib(current)})"))
            held = (f"declared storage quota {limit} bytes ({gib(limit)}) is below the {used} bytes ({gib(used)}) "
                    f"it already uses; {state}")
            run.quotas_held[name] = held
            log.warning("project %s: %s; raise the declared quota, or delete artifacts and run garbage collection",
                        name, held)
            return
        if current != limit:
            run.harbor.request("PUT", f"/quotas/{quota['id']}", body={"hard": {"storage": limit}})
            run.action("updated project %s: storage quota %s -> %s bytes", name, current, limit)

    def prune(self, run: Run) -> None:
        """Owned projects no longer declared; kept while Harbor says one cannot go (it holds repositories)."""
        prune = self.doc["prune"]
        declared = {p["name"] for p in self.doc["projects"]}
        for name, current in sorted(run.projects.items()):
            if name in declared or not owned(run.harbor, current["project_id"]):
                continue
            if not prune:
                log.info("kept project %s: owned by this job and no longer declared, but prune is off", name)
                continue
            check = run.harbor.get(f"/projects/{name}/_deletable", headers=BY_NAME) or {}
            if not check.get("deletable"):
                log.warning("kept project %s: no longer declared, but Harbor cannot delete it: %s", name,
                            check.get("message") or "not deletable")
                continue
            run.harbor.request("DELETE", f"/projects/{name}", headers=BY_NAME)
            del run.projects[name]      # registries' prune keeps a registry only for the projects left
            run.action("deleted project %s (owned, no longer declared)", name)
