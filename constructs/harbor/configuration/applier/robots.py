"""Robot accounts, system and project level, with the secrets declared for them.

What Harbor does, which shapes the steps (src/server/v2.0/handler/robot.go, src/controller/robot/):
- POST /robots ignores `secret` and `disable` and answers a random secret of its own; a chosen secret
  can only be set afterwards with PATCH /robots/{id} {"secret": ...} (RefreshSec), which checks
  IsValidSec (8-128 characters with an upper-case letter, a lower-case letter and a digit).
- PUT /robots/{id} replaces description, disabled flag, duration and permissions, and wants `name`
  (the full name, prefix included) and `level` unchanged, and the permissions in full.
- GET never answers a secret. The job keeps a keyed fingerprint of the declared secret in the robot's
  description marker, "[managed-by=harbor-gitops secret=<16 hex>]", which also marks the robot as
  the job's own (prune deletes only those). A new robot is marked without a fingerprint until its
  secret is set, so an interrupted run sets it again next time.
- Every name Harbor answers starts with the current robot_name_prefix, which it does not store.
No secret (Harbor's generated one, or the declared one) is ever logged.
"""

from __future__ import annotations

import datetime
import logging
import os
import re

from .client import Harbor
from .context import Kind, Run
from .declaration import need
from .errors import Conflict, HarborError, InputError
from .ownership import MARKER_NAME
from .record import fingerprint

ROBOT_MARKER = re.compile(r"\s*\[managed-by=harbor-gitops(?: secret=([0-9a-f]{16}))?\]$")
LEVELS = ("system", "project")

log = logging.getLogger("harbor-config")


def valid_secret(secret: str) -> bool:
    """IsValidSec (src/controller/robot/controller.go)."""
    return (8 <= len(secret) <= 128 and re.search(r"[a-z]", secret) is not None
            and re.search(r"[A-Z]", secret) is not None and re.search(r"[0-9]", secret) is not None)


def marked(description: str, print_: str | None) -> str:
    marker = f"[managed-by={MARKER_NAME}" + (f" secret={print_}]" if print_ else "]")
    return f"{description} {marker}" if description else marker


def permission_set(permissions: list) -> frozenset[tuple[str, str, str, str]]:
    """(kind, namespace, resource, action) of every access whose effect allows: Harbor stores an omitted
    effect as "" and treats it as allow (types.Policy.GetEffect); duplicates are one policy."""
    return frozenset((p.get("kind", ""), p.get("namespace", ""), a.get("resource", ""), a.get("action", ""))
                     for p in permissions or [] for a in p.get("access") or []
                     if (a.get("effect") or "allow") == "allow")


def wire_permissions(permissions: list) -> list:
    """The declared permissions as Harbor takes them, every access with effect "allow"."""
    return [{"kind": p["kind"], "namespace": p["namespace"],
             "access": [{"resource": a["resource"], "action": a["action"], "effect": "allow"} for a in p["access"]]}
            for p in permissions]


def list_robots(harbor: Harbor, project_id: int | None) -> list:
    """System robots, or those of one project: Harbor reads the keywords Level and ProjectID itself."""
    query = {} if project_id is None else {"q": f"Level=project,ProjectID={project_id}"}
    return harbor.list_all("/robots", query)


class Robots(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        need(doc, "robot_name_prefix", str, "the document")
        projects = {p["name"] for p in doc["projects"]}     # checked by Projects, which comes first
        for robot in need(doc, "robots", list, "the document"):
            where = f"robot {robot.get('stored_name')!r}" if isinstance(robot, dict) else "a robot"
            for key, kind in (("name", str), ("stored_name", str), ("level", str), ("description", str),
                              ("duration", int), ("disabled", bool), ("permissions", list), ("secret_env", str)):
                need(robot, key, kind, where)
            if robot["level"] not in LEVELS:
                raise InputError(f"declaration: {where} has level {robot['level']!r}, not one of {LEVELS}")
            project = need(robot, "project", (str, type(None)), where)
            if (project is None) != (robot["level"] == "system"):
                raise InputError(f"declaration: {where}: a project robot names its project, a system robot none")
            for entry in robot["permissions"]:
                for key in ("kind", "namespace"):
                    need(entry, key, str, where + ".permissions")
                if entry["kind"] == "project" and entry["namespace"] not in projects | {"*"}:
                    raise InputError(f"declaration: {where} has permissions in project {entry['namespace']!r}, "
                                     "which the declaration does not list")
                for access in need(entry, "access", list, where + ".permissions"):
                    need(access, "resource", str, where + ".permissions.access")
                    need(access, "action", str, where + ".permissions.access")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.secrets: dict[tuple[str, str], str] = {}
        for robot in doc["robots"]:
            secret = os.environ.get(robot["secret_env"], "")
            if not secret:
                raise InputError(f"robot {robot['stored_name']!r}: environment variable {robot['secret_env']} is "
                                 "empty or not set (it should come from the synced Secret)")
            if not valid_secret(secret):
                # the value itself is never printed
                raise InputError(f"robot {robot['stored_name']!r}: the secret in {robot['secret_env']} is not one "
                                 "Harbor accepts: 8-128 characters with at least one upper-case letter, one "
                                 "lower-case letter and one digit (`python main.py generate-secrets` makes one)")
            self.secrets[(robot["level"], robot["stored_name"])] = secret
        self.current: dict[tuple[str, str], dict] = {}
        self.prefix = ""

    def inspect(self, run: Run) -> None:
        """Every robot the job may touch, by (level, stored name); the prefix the pull secrets assume."""
        self.prefix = str((run.configurations.get("robot_name_prefix") or {}).get("value") or "robot$")
        expected = self.doc["robot_name_prefix"]
        declared_prefix = self.doc["settings"]["configurations"].get("robot_name_prefix")
        if self.doc["robots"] and expected != self.prefix and declared_prefix is None:
            raise Conflict(f"Harbor's robot_name_prefix is {self.prefix!r}, but the robots' pull secrets were made "
                           f"for {expected!r} (their login names start with it): declare "
                           f"ConfigurationSettings(robot_name_prefix={self.prefix!r}) and run generate-secrets "
                           f"again, or set it back to {expected!r} in Harbor")
        listed = [("system", r) for r in list_robots(run.harbor, None)]
        for _, project in sorted(run.projects.items()):
            listed += [("project", r) for r in list_robots(run.harbor, project["project_id"])]
        for level, robot in listed:
            full = robot.get("name") or ""
            if not robot.get("editable") or not full.startswith(self.prefix):
                continue            # a legacy (v1) robot: Harbor refuses to edit it, the job leaves it alone
            self.current[(level, full[len(self.prefix):])] = robot

    def apply(self, run: Run) -> None:
        unavailable = set(run.skipped_projects)
        for robot in self.doc["robots"]:
            key = (robot["level"], robot["stored_name"])
            missing = sorted({p["namespace"] for p in robot["permissions"] if p["kind"] == "project"} & unavailable)
            if missing:
                run.pending.append(f"robot {robot['stored_name']} (its project {', '.join(missing)} was skipped)")
                log.warning("skipped robot %s: its project %s was skipped", robot["stored_name"], ", ".join(missing))
                continue
            secret = self.secrets[key]
            print_ = fingerprint(run, "robot", robot["level"], robot["stored_name"], secret)
            current = self.current.get(key)
            if current is None:
                self.create(run, robot, secret, print_)
            else:
                self.update(run, robot, current, secret, print_)

    def create(self, run: Run, robot: dict, secret: str, print_: str) -> None:
        body = {"name": robot["name"], "level": robot["level"], "duration": robot["duration"],
                "description": marked(robot["description"], None),
                "permissions": wire_permissions(robot["permissions"])}
        _, _, created = run.harbor.request("POST", "/robots", body=body, create=True)
        if not isinstance(created, dict) or not created.get("id"):
            # a retried POST whose first answer was lost: Harbor has it, under the same name
            created = self.find(run, robot)
        # Harbor generated a secret of its own (in `created`, never logged): the declared one replaces it
        run.harbor.request("PATCH", f"/robots/{created['id']}", body={"secret": secret})
        run.harbor.request("PUT", f"/robots/{created['id']}", body={
            "name": created["name"], "level": robot["level"], "duration": robot["duration"],
            "description": marked(robot["description"], print_), "disable": robot["disabled"],
            "permissions": wire_permissions(robot["permissions"])})
        run.action("created robot %s (%s level, %s%s)", created["name"], robot["level"], describe(robot),
                   ", disabled" if robot["disabled"] else "")

    def find(self, run: Run, robot: dict) -> dict:
        project_id = None
        if robot["level"] == "project":
            project = next((p for p in run.harbor.list_all("/projects", {"name": robot["project"]})
                            if p["name"] == robot["project"]), None)
            project_id = project["project_id"] if project else None
        for found in list_robots(run.harbor, project_id):
            if found.get("name") == self.prefix + robot["stored_name"]:
                return found
        raise HarborError(f"robot {robot['stored_name']!r} was created but Harbor does not list it")

    def update(self, run: Run, robot: dict, current: dict, secret: str, print_: str) -> None:
        description = current.get("description") or ""
        mark = ROBOT_MARKER.search(description)
        changed: list[str] = []
        if mark is None:
            changed.append("adopted (ownership marker added)")
        elif ROBOT_MARKER.sub("", description) != robot["description"]:
            changed.append("description")
        if current.get("duration") != robot["duration"]:
            changed.append(f"duration {current.get('duration')} -> {robot['duration']} days")
        if bool(current.get("disable")) != robot["disabled"]:
            changed.append("disabled" if robot["disabled"] else "enabled")
        have, want = permission_set(current.get("permissions") or []), permission_set(robot["permissions"])
        if have != want:
            changed.append("permissions " + ", ".join(
                [f"+{':'.join(p[1:])}" for p in sorted(want - have)]
                + [f"-{':'.join(p[1:])}" for p in sorted(have - want)]))
        if mark is None or mark.group(1) != print_:
            # the secret first, then the fingerprint in the description: an interrupted run sends it again
            run.harbor.request("PATCH", f"/robots/{current['id']}", body={"secret": secret})
            changed.append("secret set" if mark is None or mark.group(1) is None else "secret rotated")
        wanted_description = marked(robot["description"], print_)
        if description != wanted_description or len(changed) > 0:
            run.harbor.request("PUT", f"/robots/{current['id']}", body={
                "name": current["name"], "level": robot["level"], "duration": robot["duration"],
                "description": wanted_description, "disable": robot["disabled"],
                "permissions": wire_permissions(robot["permissions"])})
        if changed:
            run.action("updated robot %s: %s", current["name"], ", ".join(changed))
        expires = current.get("expires_at")
        if isinstance(expires, int) and expires != -1 and robot["duration"] != -1 and \
                expires <= datetime.datetime.now(datetime.UTC).timestamp():
            when = datetime.datetime.fromtimestamp(expires, datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
            log.warning("robot %s expired on %s (its creation + %d days): Harbor refuses its logins, so its pull "
                        "secret no longer works; raise duration_days (counted from its creation) or set -1",
                        current["name"], when, robot["duration"])

    def prune(self, run: Run) -> None:
        """Owned robots no longer declared (a project's robots go with the project anyway)."""
        declared = {(r["level"], r["stored_name"]) for r in self.doc["robots"]}
        for key, current in sorted(self.current.items()):
            if key in declared or not ROBOT_MARKER.search(current.get("description") or ""):
                continue
            if not self.doc["prune"]:
                log.info("kept robot %s: owned by this job and no longer declared, but prune is off", current["name"])
                continue
            run.harbor.request("DELETE", f"/robots/{current['id']}")
            run.action("deleted robot %s (owned, no longer declared)", current["name"])


def describe(robot: dict) -> str:
    return "; ".join(f"{p['namespace'] if p['kind'] == 'project' else 'system'}: "
                     + ", ".join(f"{a['resource']}:{a['action']}" for a in p["access"]) for p in robot["permissions"])
