"""Project members: OIDC or LDAP groups and users, each with a role in one project.

What Harbor does (src/server/v2.0/handler/member.go, src/controller/member/controller.go):
- POST .../members resolves the member in the current auth mode: an OIDC group is looked up by name
  and type 3 and created when missing (oidc.Auth.SearchGroup, src/core/auth/oidc/oidc.go); an LDAP
  group by its DN, searched in the directory; a user by name, and an OIDC user exists only after their
  first login (the search answers 404 "<name> not found: not supported").
- A member already present is a 409; only the role can change (PUT {"role_id"}), and PUT stores any
  role id without checking it, so the job sends only Harbor's five.
- The list answers a group member by the group's name; its type and DN come from GET /usergroups/{id}.
A member has nowhere to carry a mark, so the job records the members it added in its record
(record.py), as "g:<group id>" and "u:<user id>" per project; prune deletes only recorded members.
A member Harbor cannot resolve yet (a user who never logged in, a group the directory lacks) is left
for a later run: the rest is applied and the run ends with EXIT_SKIPPED.
"""

from __future__ import annotations

import logging

from .client import location_id
from .context import Kind, Run
from .declaration import need
from .errors import HarborError, InputError
from .projects import BY_NAME

ROLE_IDS = range(1, 6)      # isValidRole: projectAdmin, developer, guest, maintainer, limitedGuest
# auth modes whose user search finds no one (DefaultAuthenticateHelper.SearchUser, src/core/auth/authenticator.go):
# a user must exist in Harbor before it can become a member
SEARCHES_NO_ONE = ("db_auth", "oidc_auth")
# The built-in admin (user 1, made by make/migrations/postgresql/0001_initial_schema.up.sql) always
# exists, yet GET /users never lists it (src/pkg/user/manager.go List, excludeDefaultAdmin); the
# member POST finds it by name (GetByName), so it is never looked up.
DEFAULT_ADMIN = "admin"

log = logging.getLogger("harbor-config")


def entity_key(member: dict) -> str:
    return f"{member.get('entity_type')}:{member.get('entity_id')}"


class Members(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        projects = {p["name"] for p in doc["projects"]}
        for member in need(doc, "members", list, "the document"):
            where = f"member {member.get('name')!r}" if isinstance(member, dict) else "a member"
            for key, kind in (("project", str), ("kind", str), ("name", str), ("role", str), ("role_id", int)):
                need(member, key, kind, where)
            need(member, "group_type", (int, type(None)), where)
            if member["project"] not in projects:
                raise InputError(f"declaration: {where} is in project {member['project']!r}, which the declaration "
                                 "does not list")
            if member["kind"] not in ("group", "user") or member["role_id"] not in ROLE_IDS:
                raise InputError(f"declaration: {where} has kind {member['kind']!r} and role id {member['role_id']}; "
                                 "expected group or user, and a role id from 1 to 5")
            if (member["kind"] == "group") != (member["group_type"] is not None):
                raise InputError(f"declaration: {where}: a group member needs a group type, a user none")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.groups: dict[int, dict] = {}           # user group id -> GET /usergroups/{id}
        self.listed: dict[str, list] = {}           # project -> its members, as listed
        self.declared: dict[str, set[str]] = {}     # project -> entity keys of declared members

    def group(self, run: Run, group_id: int) -> dict:
        if group_id not in self.groups:
            self.groups[group_id] = run.harbor.get(f"/usergroups/{group_id}") or {}
        return self.groups[group_id]

    def members(self, run: Run, project: str) -> list:
        if project not in self.listed:
            self.listed[project] = run.harbor.list_all(f"/projects/{project}/members", headers=BY_NAME) \
                if project in run.projects or project in {p["name"] for p in self.doc["projects"]} else []
        return self.listed[project]

    def matches(self, run: Run, declared: dict, member: dict) -> bool:
        if declared["kind"] == "user":
            return member.get("entity_type") == "u" and member.get("entity_name") == declared["name"]
        if member.get("entity_type") != "g":
            return False
        group = self.group(run, member["entity_id"])
        if group.get("group_type") != declared["group_type"]:
            return False
        if declared["group_type"] == 1:     # LDAP: the DN identifies the group, Harbor stores it lower-cased
            return (group.get("ldap_group_dn") or "").lower() == declared["name"].lower()
        return group.get("group_name") == declared["name"]

    def apply(self, run: Run) -> None:
        for declared in self.doc["members"]:
            project = declared["project"]
            what = f"{declared['kind']} {declared['name']!r} in project {project}"
            if project in run.skipped_projects:
                run.pending.append(f"member {what} (the project was skipped)")
                continue
            found = next((m for m in self.members(run, project) if self.matches(run, declared, m)), None)
            if found is None:
                found = self.create(run, declared, what)
                if found is None:
                    continue
            elif found.get("role_id") != declared["role_id"]:
                run.harbor.request("PUT", f"/projects/{project}/members/{found['id']}", headers=BY_NAME,
                                   body={"role_id": declared["role_id"]})
                run.action("updated member %s: role %s -> %s", what, found.get("role_name"), declared["role"])
            key = entity_key(found)
            self.declared.setdefault(project, set()).add(key)
            recorded = run.record["members"].setdefault(project, [])
            if key not in recorded:
                recorded.append(key)

    def create(self, run: Run, declared: dict, what: str) -> dict | None:
        project = declared["project"]
        mode = (run.configurations.get("auth_mode") or {}).get("value")
        if declared["kind"] == "user" and mode in SEARCHES_NO_ONE and declared["name"] != DEFAULT_ADMIN and not any(
                u.get("username") == declared["name"] for u in run.harbor.list_all(
                    # `username=`, matched fuzzily, then exactly here: inside `q` Harbor unescapes the
                    # value once more ('+' becomes ' ') and splits it at ',' (src/lib/q/builder.go)
                    "/users", {"username": declared["name"]})):
            # Harbor would answer 404 (and a read-only Harbor would be lifted for nothing): looked up first
            self.not_yet(run, what, "Harbor does not know the user yet: with OIDC login a user exists in Harbor "
                                    "only after their first login, with database login only once created",
                         f"no user {declared['name']!r} in GET /users")
            return None
        body: dict = {"role_id": declared["role_id"]}
        if declared["kind"] == "user":
            body["member_user"] = {"username": declared["name"]}
        elif declared["group_type"] == 1:
            body["member_group"] = {"ldap_group_dn": declared["name"], "group_type": 1}
        else:
            body["member_group"] = {"group_name": declared["name"], "group_type": declared["group_type"]}
        try:
            _, headers, _ = run.harbor.request("POST", f"/projects/{project}/members", headers=BY_NAME, body=body,
                                               create=True)
        except HarborError as error:
            ldap_group = declared["kind"] != "user" and declared["group_type"] == 1
            if ldap_group and error.status is not None and error.status >= 500:
                # A DN under the group base DN that the directory does not have makes the search fail
                # with ldap.ErrNotFound, which carries no Harbor error code: a bare 500, as for a
                # directory that cannot be reached (src/pkg/ldap/ldap.go SearchGroupByDN)
                self.not_yet(run, what, "Harbor could not look the group up: it answers 500 for a DN that does "
                                        "not exist in the directory, and when the directory cannot be reached "
                                        "(check the DN, then ldap_url)", f"Harbor answered: {error.detail}")
                return None
            if error.status != 404:
                raise
            self.not_yet(run, what, "Harbor does not know the user yet: with OIDC login a user exists in Harbor only "
                                    "after their first login" if declared["kind"] == "user" else
                         "Harbor found no such group in the directory: a DN outside group_base_dn, or an entry "
                         "the group search filter does not match (check the DN and group_base_dn)",
                         f"Harbor answered: {error.detail}")
            return None
        member_id = location_id(headers)
        self.listed.pop(project, None)
        created = (run.harbor.get(f"/projects/{project}/members/{member_id}", headers=BY_NAME)
                   if member_id is not None else None) or \
            next((m for m in self.members(run, project) if self.matches(run, declared, m)), None)
        if created is None:
            raise HarborError(f"member {what} was created but Harbor does not list it")
        run.action("added member %s as %s", what, declared["role"])
        return created

    @staticmethod
    def not_yet(run: Run, what: str, reason: str, evidence: str) -> None:
        run.pending.append(f"member {what} ({reason}; {evidence})")
        log.warning("not added yet: member %s: %s", what, reason)

    def prune(self, run: Run) -> None:
        """Members the job added (its record) that are no longer declared; nothing made by hand."""
        prune = self.doc["prune"]
        for project, recorded in sorted(run.record["members"].items()):
            declared = self.declared.get(project, set())
            if project not in run.projects and project not in {p["name"] for p in self.doc["projects"]}:
                run.record["members"][project] = []        # the project is gone, and its members with it
                continue
            current = {entity_key(m): m for m in self.members(run, project)}
            kept = []
            for key in recorded:
                if key in declared:
                    kept.append(key)
                    continue
                member = current.get(key)
                if member is None:
                    continue                                 # removed by hand: forgotten
                if not prune:
                    log.info("kept member %s of project %s: added by this job and no longer declared, but prune is "
                             "off", member.get("entity_name"), project)
                    kept.append(key)
                    continue
                run.harbor.request("DELETE", f"/projects/{project}/members/{member['id']}", headers=BY_NAME)
                run.action("deleted member %s of project %s (added by this job, no longer declared)",
                           member.get("entity_name"), project)
            run.record["members"][project] = kept
