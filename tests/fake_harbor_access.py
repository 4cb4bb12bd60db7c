"""The fake Harbor's access part: configurations, users and groups, robots, project members, the system CVE
allowlist, global labels, and the read-only, CSRF and session behaviour of Harbor's middlewares.

`AccessApi` is a base class of fake_harbor.FakeHarbor, whose request handling calls its hooks; this module
imports nothing of fake_harbor (so neither imports the other in a circle): its operations raise `Refusal`,
which the fake answers as Harbor's error body. Every request and answer is still validated against Harbor's
API definition by fake_harbor; where the Go handlers answer what the definition does not list,
`follow_access_handlers` adds it, naming the handler.

Behaviour copied from Harbor v2.15.1 (paths under /work/src/harbor, as the research notes cite them):
- middlewares (src/core/middlewares/middlewares.go): every API answer sets the session cookie `sid`
  (beego's session, src/core/main.go SessionOn); a write that carries that cookie is held to CSRF and,
  without Harbor's token, refused with 403 "CSRF token not found in request" (csrfSkipper,
  src/server/middleware/csrf/csrf.go, and gorilla/csrf's ErrNoToken); with read_only on, every write but
  PUT /configurations is 403 DENIED (src/server/middleware/readonly/readonly.go, readonlySkippers);
- configurations (src/server/v2.0/handler/config.go, src/controller/config/controller.go,
  src/pkg/config/manager.go, src/lib/config/metadata/type.go): GET drops the password items and reports
  auth_mode as editable only while no user but admin exists; PUT refuses an auth_mode change then, runs
  the type validators, the LDAP group rule (src/pkg/config/validate/ldapgroup.go), the audit-log rules,
  lower-cases ldap_group_admin_dn (src/pkg/config/db/dao/dao.go), and dials the audit endpoint;
- robots (src/server/v2.0/handler/robot.go, src/controller/robot/controller.go): name and duration
  rules, the permission table (src/common/rbac/const.go), a project robot stored as "<project>+<name>",
  the prefix added on read, POST ignoring `secret` and `disable` and answering a generated secret, 409 on
  a duplicate, PUT wanting the full name and level unchanged and the permissions in full, PATCH setting a
  chosen secret (IsValidSec) or answering a generated one, permissions answered grouped by scope in no
  fixed order, logins as src/server/middleware/security/robot.go checks them;
- members (src/server/v2.0/handler/member.go, src/controller/member/controller.go, src/core/auth/):
  the creator is a member with role 1; resolution by user id, group id, user name, LDAP DN, group name in
  that order; OIDC groups created on first use, OIDC and database users never searched (404); 409 before
  the role check; PUT stores any role without checking the member exists; a member whose role is not
  1-5 vanishes from the lists; a failed request is rolled back (src/server/middleware/transaction/);
- the system CVE allowlist (src/server/v2.0/handler/sys_cve_allowlist.go, src/pkg/allowlist/):
  replaced whole; an empty or duplicate id is a bare 500.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import secrets
import string
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from fake_harbor_errors import Refusal, Reply

API = "/api/v2.0"
TIME = "2025-01-01T00:00:00.000Z"
WRITES = frozenset({"POST", "PUT", "DELETE", "PATCH"})
READ_ONLY = "The system is in read only mode. Any modification is prohibited."
ADMIN_ID = 1

# user-scope items of src/lib/config/metadata/metadatalist.go that ConfigurationsResponse carries, with
# their defaults (a string never set reads as "")
DEFAULTS: dict[str, Any] = {
    "auth_mode": "db_auth", "primary_auth_mode": False, "self_registration": False,
    "ldap_base_dn": "", "ldap_filter": "", "ldap_group_base_dn": "", "ldap_group_admin_dn": "",
    "ldap_group_attribute_name": "", "ldap_group_search_filter": "", "ldap_group_search_scope": 2,
    "ldap_group_attach_parallel": False, "ldap_scope": 2, "ldap_search_dn": "", "ldap_timeout": 5, "ldap_uid": "cn",
    "ldap_url": "", "ldap_verify_cert": True, "ldap_group_membership_attribute": "memberof",
    "project_creation_restriction": "everyone", "read_only": False, "token_expiration": 30,
    "uaa_client_id": "", "uaa_client_secret": "", "uaa_endpoint": "", "uaa_verify_cert": False,
    "http_authproxy_endpoint": "", "http_authproxy_tokenreview_endpoint": "", "http_authproxy_admin_groups": "",
    "http_authproxy_admin_usernames": "", "http_authproxy_verify_cert": True, "http_authproxy_skip_search": False,
    "http_authproxy_server_certificate": "",
    "oidc_name": "", "oidc_endpoint": "", "oidc_client_id": "", "oidc_groups_claim": "", "oidc_admin_group": "",
    "oidc_group_filter": "", "oidc_scope": "", "oidc_user_claim": "", "oidc_verify_cert": True,
    "oidc_auto_onboard": False, "oidc_extra_redirect_parms": "{}", "oidc_logout": False,
    "robot_token_duration": 30, "robot_name_prefix": "robot$", "notification_enable": True,
    "quota_per_project_enable": True, "storage_per_project": -1, "audit_log_forward_endpoint": "",
    "skip_audit_log_database": False, "scanner_skip_update_pulltime": False, "session_timeout": 60,
    "banner_message": "", "disabled_audit_log_event_types": "",
}
# PasswordType items: stored, never answered (ConvertForGet, src/controller/config/controller.go)
PASSWORDS = ("ldap_search_password", "oidc_client_secret")
AUTH_MODES = ("db_auth", "ldap_auth", "uaa_auth", "http_auth", "oidc_auth")
NON_EMPTY = ("ldap_url", "ldap_base_dn", "ldap_uid")          # NonEmptyStringType
POSITIVE = ("token_expiration", "robot_token_duration", "session_timeout")   # verifyValueLengthCfg
NUMBER_MAX = 9_999_999_999
ROLES = {1: "projectAdmin", 2: "developer", 3: "guest", 4: "maintainer", 5: "limitedGuest"}
ROBOT_NAME = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")
SECRET_RULE = ("the secret must be 8-128, inclusively, characters long with at least 1 uppercase letter, "
               "1 lowercase letter and 1 number")
LDAP_GROUP, OIDC_GROUP = 1, 3

# src/common/rbac/const.go: PoliciesMap plus NolimitProvider's extras, the pairs robots may hold
SYSTEM_GRANTS = {
    "audit-log": "list", "preheat-instance": "read create delete list update", "project": "list create",
    "replication-policy": "read create delete list update", "replication": "read create list",
    "replication-adapter": "list", "registry": "read create delete list update", "scan-all": "read update stop create",
    "system-volumes": "read", "garbage-collection": "read create list update stop",
    "purge-audit": "read create list update stop", "jobservice-monitor": "list stop",
    "scanner": "read create delete list update", "label": "read create delete update", "security-hub": "read list",
    "catalog": "read", "quota": "read list update", "robot": "create read list delete",
    "user": "create read update list delete", "ldap-user": "create list", "user-group": "create read update list delete",
}
PROJECT_GRANTS = {
    "log": "list", "project": "read delete update", "metadata": "read create delete list update",
    "repository": "read update delete list pull push", "artifact": "read create list delete", "scan": "create read stop",
    "sbom": "create stop read", "tag": "create list delete", "accessory": "list", "artifact-addition": "read",
    "artifact-label": "create delete", "scanner": "create read", "preheat-policy": "read create delete list update",
    "immutable-tag": "create delete list update", "notification-policy": "read create delete list update",
    "tag-retention": "read create delete list update", "label": "read create delete list update", "quota": "read",
    "robot": "create read list delete", "export-cve": "create read", "member": "create read update list delete",
}


def grants(table: dict[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset((resource, action) for resource, actions in table.items() for action in actions.split())


SYSTEM_PAIRS, PROJECT_PAIRS = grants(SYSTEM_GRANTS), grants(PROJECT_GRANTS)





def follow_access_handlers(document: dict) -> None:
    """Answers Harbor's Go code gives that the API definition does not list for these operations."""
    paths = document["paths"]
    # POST /robots: a duplicate name is a 409 (robot dao Create, orm.WrapConflictError)
    paths["/robots"]["post"]["responses"]["409"] = {"$ref": "#/responses/409"}
    # /configurations declares its errors without a body, but Harbor's SendError always writes one
    # (src/lib/http/error.go); and PUT's validateCfg refusals are 400s (src/controller/config/controller.go)
    for method in ("get", "put"):
        for status in ("401", "403", "500"):
            paths["/configurations"][method]["responses"][status] = {"$ref": f"#/responses/{status}"}
    paths["/configurations"]["put"]["responses"]["400"] = {"$ref": "#/responses/400"}
    # POST members: a user the current auth mode cannot search is a 404 (src/core/auth/authenticator.go)
    paths["/projects/{project_name_or_id}/members"]["post"]["responses"]["404"] = {"$ref": "#/responses/404"}
    # every write may meet the read-only and CSRF middlewares, which answer 403
    for item in paths.values():
        for method, operation in item.items():
            if method.upper() in WRITES and isinstance(operation, dict):
                operation["responses"].setdefault("403", {"$ref": "#/responses/403"})


def random_secret() -> str:
    """What CreateSec settles on: a random string that passes IsValidSec."""
    while True:
        candidate = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        if valid_secret(candidate):
            return candidate


def valid_secret(secret: str) -> bool:
    """IsValidSec (src/controller/robot/controller.go)."""
    return (8 <= len(secret) <= 128 and re.search("[a-z]", secret) is not None
            and re.search("[A-Z]", secret) is not None and re.search("[0-9]", secret) is not None)


def hashed(secret: str, salt: str) -> str:
    return hashlib.sha256((secret + salt).encode()).hexdigest()


def under_dn(base: str, dn: str) -> bool:
    """UnderBaseDN (src/pkg/ldap/ldap.go): `dn` is `base` or below it, compared lower-cased, RDN by RDN; an
    empty base is above every DN."""
    rdns = lambda text: [part.strip() for part in text.lower().split(",") if part.strip()]
    parent, child = rdns(base), rdns(dn)
    return len(parent) <= len(child) and child[len(child) - len(parent):] == parent


def keywords(q: str | None) -> dict[str, str]:
    """Harbor's `q` (src/lib/q/builder.go): k=v pairs separated by ',', the value unescaped once more."""
    found: dict[str, str] = {}
    for part in (q or "").split(","):
        if "=" in part:
            key, _, value = part.partition("=")
            found[key] = unquote(value.replace("+", " "))
    return found


class AccessApi:
    """State and operations of the access part; FakeHarbor (fake_harbor.py) inherits them.

    Test hooks: `add_user(name)` (someone who logged in), `ldap_users`, `ldap_groups` and `ldap_entries`
    (the directory), `unreachable` (shared with the registries: a host Harbor cannot dial, e.g. an audit
    endpoint), `robot_login(user, secret)`.
    """

    projects: dict[int, dict]
    labels: dict[int, dict]
    ids: itertools.count
    unreachable: set[str]
    project: Callable[[str], dict | None]

    def _init_access(self) -> None:
        self.configurations: dict[str, Any] = dict(DEFAULTS)
        self.passwords: dict[str, str] = {}
        self.users: dict[int, dict] = {ADMIN_ID: {"user_id": ADMIN_ID, "username": "admin", "sysadmin_flag": True,
                                                  "deleted": False}}
        self.usergroups: dict[int, dict] = {}
        self.robots: dict[int, dict] = {}
        self.members: dict[int, dict[int, dict]] = {}
        self.system_allowlist: dict[str, Any] = {"items": [], "expires_at": None}
        self.ldap_users: set[str] = set()
        self.ldap_groups: dict[str, str] = {}        # lower-cased DN -> the group's name in the directory
        # lower-cased DNs of other entries the directory has (found by a search, not matched by its filter)
        self.ldap_entries: set[str] = set()
        self.config_puts: list[dict] = []            # every PUT /configurations body, as sent
        self._sessions = itertools.count(1)

    # ---- hooks of fake_harbor's request handling ----------------------------------------------------

    def session_cookie(self) -> dict[str, str]:
        """The cookie beego's session sets on every answer (config.SessionCookieName, src/lib/config/config.go)."""
        return {"Set-Cookie": f"sid={next(self._sessions):032x}; Path=/; HttpOnly"}

    def csrf_refusal(self, method: str, path: str, headers: Any) -> Refusal | None:
        """csrfSkipper lets /api/ requests through only when they carry no session cookie."""
        if method not in WRITES or "sid=" not in (headers.get("Cookie") or ""):
            return None
        if headers.get("X-Harbor-CSRF-Token"):
            return Refusal(403, "CSRF token invalid")
        return Refusal(403, "CSRF token not found in request")

    def read_only_refusal(self, method: str, path: str) -> Refusal | None:
        if method in WRITES and self.configurations["read_only"] and (method, path) != ("PUT", f"{API}/configurations"):
            return Refusal(403, READ_ONLY, "DENIED")
        return None

    def forget_project(self, project_id: int) -> None:
        """A deleted project takes its robots (DeleteProject, src/server/v2.0/handler/project.go:
        robotMgr.DeleteByProjectID) and its members with it."""
        for robot_id in [i for i, r in self.robots.items() if r["project_id"] == project_id]:
            del self.robots[robot_id]
        self.members.pop(project_id, None)

    # ---- test hooks ---------------------------------------------------------------------------------

    def add_user(self, name: str) -> dict:
        user_id = next(self.ids)
        self.users[user_id] = {"user_id": user_id, "username": name, "sysadmin_flag": False, "deleted": False}
        return self.users[user_id]

    def add_group(self, name: str, group_type: int, dn: str = "") -> dict:
        group_id = next(self.ids)
        self.usergroups[group_id] = {"id": group_id, "group_name": name, "group_type": group_type,
                                     "ldap_group_dn": dn.strip().lower()}
        return self.usergroups[group_id]

    def robot_named(self, full_name: str) -> dict | None:
        prefix = self.configurations["robot_name_prefix"]
        return next((r for r in self.robots.values() if prefix + r["name"] == full_name), None)

    def robot_login(self, username: str, secret: str, now: float | None = None) -> bool:
        """What src/server/middleware/security/robot.go accepts: the current prefix, the first robot of that
        stored name, its secret, not disabled, not expired."""
        prefix = self.configurations["robot_name_prefix"]
        if not username.startswith(prefix):
            return False
        found = [r for r in sorted(self.robots.values(), key=lambda r: r["id"]) if r["name"] == username[len(prefix):]]
        if not found:
            return False
        robot = found[0]
        moment = time.time() if now is None else now
        return (hashed(secret, robot["salt"]) == robot["secret"] and not robot["disabled"]
                and (robot["expires_at"] == -1 or robot["expires_at"] > moment))

    def member_entries(self, project_name: str) -> list[tuple[str, str, int]]:
        """(entity type, entity name, role id) of every member of a project, for assertions."""
        project = self.project(project_name)
        assert project is not None
        return sorted((m["entity_type"], self._entity_name(m), m["role_id"])
                      for m in self._members_of(project["project_id"]).values())

    # ---- configurations -------------------------------------------------------------------------------

    def _group_base_dn(self) -> str:
        """The base of group searches: ldap_group_base_dn, else ldap_base_dn (Session.groupBaseDN)."""
        return self.configurations["ldap_group_base_dn"] or self.configurations["ldap_base_dn"]

    def _non_admin_users(self) -> list[dict]:
        return [u for u in self.users.values() if u["user_id"] > ADMIN_ID and not u["deleted"]]

    def op_getConfigurations(self, params: dict, query: dict) -> Reply:
        answer = {key: {"value": value, "editable": True} for key, value in self.configurations.items()}
        answer["auth_mode"]["editable"] = not self._non_admin_users()
        return Reply(200, answer)

    def op_updateConfigurations(self, params: dict, query: dict) -> Reply:
        body = params.get("configurations")
        if body is None:
            raise Refusal(400, "Missing configure item")
        body = {key: value for key, value in body.items() if value is not None}
        self.config_puts.append(dict(body))
        if "auth_mode" in body and body["auth_mode"] != self.configurations["auth_mode"] and self._non_admin_users():
            raise Refusal(400, "the auth mode cannot be modified as new users have been inserted into database")
        for key, value in body.items():
            problem = self._validate_item(key, value)
            if problem:
                raise Refusal(400, f"bad request: item name {key}: {problem}")
        merged = {**self.configurations, **body}
        if any(k in body for k in ("ldap_group_search_filter", "ldap_group_attribute_name",
                                   "ldap_group_membership_attribute")) and merged["ldap_group_search_filter"]:
            if not merged["ldap_group_attribute_name"]:
                raise Refusal(400, "bad request: ldap group name attribute can not be empty")
            if not merged["ldap_group_membership_attribute"]:
                raise Refusal(400, "bad request: ldap group membership attribute can not be empty")
        if ("skip_audit_log_database" in body or "audit_log_forward_endpoint" in body) and \
                merged["skip_audit_log_database"] and not merged["audit_log_forward_endpoint"]:
            raise Refusal(400, "bad request: audit log forward endpoint should be configured before enable skip "
                               "audit log in database")
        for key in POSITIVE:
            if key in body and body[key] <= 0:
                raise Refusal(400, f"the {key} value must be positive")
            if key in body and body[key] > NUMBER_MAX:
                raise Refusal(400, f"the {key} value is over the limit value: {NUMBER_MAX}")
        endpoint = body.get("audit_log_forward_endpoint")
        # updateLogEndpoint dials the endpoint after the write; a failure is a 400, and the transaction
        # middleware rolls the write back: nothing is stored
        if endpoint and endpoint.rsplit(":", 1)[0].strip("[]") in self.unreachable:
            raise Refusal(400, f"bad request: could not connect to the audit endpoint: {endpoint}")
        for key, value in body.items():
            if key in PASSWORDS:
                self.passwords[key] = value
            elif key == "ldap_group_admin_dn":
                self.configurations[key] = value.strip().lower()
            else:
                self.configurations[key] = value
        return Reply(200)

    @staticmethod
    def _validate_item(key: str, value: Any) -> str | None:
        """metadata.NewCfgValue's type validator for `key` (src/lib/config/metadata/type.go)."""
        if key == "auth_mode" and value not in AUTH_MODES:
            return "invalid auth_mode, shoud be one of db_auth, ldap_auth, uaa_auth, http_auth, oidc_auth"
        if key == "project_creation_restriction" and value not in ("adminonly", "everyone"):
            return "invalid project_creation_restriction, should be adminonly or everyone"
        if key in ("ldap_scope", "ldap_group_search_scope") and value not in (0, 1, 2):
            return "invalid scope, should be 0, 1 or 2"
        if key in NON_EMPTY and not str(value).strip():
            return "the configure value can not be empty"
        if key == "oidc_extra_redirect_parms":
            try:
                parsed = json.loads(value)
            except ValueError as error:
                return str(error)
            if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
                return "json: cannot unmarshal into map[string]string"
        return None

    # ---- users and groups -----------------------------------------------------------------------------

    def op_listUsers(self, params: dict, query: dict) -> Reply:
        conditions = keywords(params.get("q"))
        wanted = conditions.get("username")
        # the built-in admin is listed only when the query names user ids (src/pkg/user/manager.go List)
        with_admin = any(key.lower() in ("user_id", "user_id__in") for key in conditions)
        # `username=` of the URL itself, decoded once, matched as SQL LIKE %v% (the handler's FuzzyMatchValue)
        fuzzy = query.get("username")
        items = [{"user_id": u["user_id"], "username": u["username"], "email": "", "realname": "",
                  "sysadmin_flag": u["sysadmin_flag"], "admin_role_in_auth": False, "creation_time": TIME,
                  "update_time": TIME}
                 for u in sorted(self.users.values(), key=lambda u: u["user_id"])
                 if not u["deleted"] and wanted in (None, u["username"]) and (not fuzzy or fuzzy in u["username"])
                 and (with_admin or u["user_id"] != ADMIN_ID)]
        return self._paged(items, params)

    def op_getUserGroup(self, params: dict, query: dict) -> Reply:
        group = self.usergroups.get(params["group_id"])
        if group is None:
            raise Refusal(404, f"the user group with id {params['group_id']} is not found")
        view = {"id": group["id"], "group_name": group["group_name"], "group_type": group["group_type"]}
        if group["ldap_group_dn"]:
            view["ldap_group_dn"] = group["ldap_group_dn"]
        return Reply(200, view)

    # ---- robots ---------------------------------------------------------------------------------------

    def _robot_view(self, robot: dict) -> dict:
        by_scope: dict[str, list] = {}
        for scope, resource, action, effect in robot["permissions"]:
            access = {"resource": resource, "action": action}
            if effect:
                access["effect"] = effect
            by_scope.setdefault(scope, []).append(access)
        permissions = []
        # populatePermissions groups through a Go map: no fixed order; reversed here so the job cannot rely on it
        for scope, accesses in reversed(list(by_scope.items())):
            if scope == "/system":
                kind, namespace = "system", "/"
            elif scope == "/project/*":
                kind, namespace = "project", "*"
            else:
                project = self.projects.get(int(scope.rsplit("/", 1)[1]))
                if project is None:
                    continue            # a deleted project's permissions are not listed
                kind, namespace = "project", project["name"]
            permissions.append({"kind": kind, "namespace": namespace, "access": accesses})
        view = {"id": robot["id"], "name": self.configurations["robot_name_prefix"] + robot["name"],
                "level": "project" if robot["project_id"] else "system", "duration": robot["duration"],
                "editable": True, "disable": robot["disabled"], "expires_at": robot["expires_at"],
                "permissions": permissions, "creator_type": "local", "creator_ref": ADMIN_ID,
                "creation_time": TIME, "update_time": TIME}
        if robot["description"]:
            view["description"] = robot["description"]
        return view

    def _robot(self, robot_id: int) -> dict:
        robot = self.robots.get(robot_id)
        if robot is None:
            raise Refusal(404, f"robot {robot_id} not found")
        return robot

    def op_ListRobot(self, params: dict, query: dict) -> Reply:
        words = keywords(params.get("q"))
        level = words.pop("Level", None)
        project_id = 0
        if level is not None and level not in ("system", "project"):
            raise Refusal(400, "bad request error level input")
        if level == "project":
            if "ProjectID" not in words:
                raise Refusal(400, "must with project ID when to query project robots")
            raw = words.pop("ProjectID")
            if not raw.isdigit() or int(raw) <= 0:
                raise Refusal(400, "ProjectID must be a positive integer")
            project_id = int(raw)
        words.pop("ProjectID", None)
        name = words.pop("name", None)
        items = [self._robot_view(r) for r in sorted(self.robots.values(), key=lambda r: r["name"])
                 if r["project_id"] == project_id and (name is None or r["name"] == name)]
        return self._paged(items, params)

    def op_GetRobotByID(self, params: dict, query: dict) -> Reply:
        return Reply(200, self._robot_view(self._robot(params["robot_id"])))

    def _validate_robot(self, duration: Any, level: Any, permissions: list) -> None:
        """robotAPI.validate, in its order."""
        if not (duration == -1 or 0 < duration < 2**31 - 1):
            raise Refusal(400, f"bad request error duration input: {duration}, duration must be either -1(Never) or "
                               "a positive integer")
        if level not in ("system", "project"):
            raise Refusal(400, f"bad request error level input: {level}")
        if not permissions:
            raise Refusal(400, "bad request empty permission")
        if any(not p.get("access") for p in permissions):
            raise Refusal(400, "bad request empty access")
        if level == "project" and len(permissions) > 1:
            raise Refusal(400, "bad request permission")
        for permission in permissions:
            pairs = {"system": SYSTEM_PAIRS, "project": PROJECT_PAIRS}.get(permission.get("kind") or "")
            if pairs is None:
                raise Refusal(400, f"bad request permission level: {permission.get('kind') or ''}")
            for access in permission["access"]:
                if (access.get("resource"), access.get("action")) not in pairs:
                    raise Refusal(400, f"bad request permission: {access.get('resource')}:{access.get('action')}")

    def _scopes(self, permissions: list) -> list[tuple[str, str, str, str]]:
        """controller.toScope for every permission, then one policy per distinct (scope, resource, action,
        effect): the rbac manager upserts them."""
        policies: list[tuple[str, str, str, str]] = []
        for permission in permissions:
            namespace = permission.get("namespace") or ""
            if permission["kind"] == "system":
                if namespace != "/":
                    raise Refusal(400, "unknown namespace")
                scope = "/system"
            elif namespace == "*":
                scope = "/project/*"
            else:
                project = self.project(namespace)
                if project is None:
                    raise Refusal(404, f"project {namespace} not found")
                scope = f"/project/{project['project_id']}"
            for access in permission["access"]:
                policy = (scope, access["resource"], access["action"], access.get("effect") or "")
                if policy not in policies:
                    policies.append(policy)
        return policies

    def op_CreateRobot(self, params: dict, query: dict) -> Reply:
        body = params["robot"]
        if not ROBOT_NAME.match(body.get("name") or ""):
            raise Refusal(400, "robot name is not in lower case or contains illegal characters")
        permissions = body.get("permissions") or []
        # `duration` is not nullable in RobotCreate: omitted, it is 0
        self._validate_robot(body.get("duration", 0), body.get("level"), permissions)
        project_id, name = 0, body["name"]
        if body["level"] == "project":
            namespace = permissions[0].get("namespace") or ""
            project = self.project(namespace)       # robot.SetProject: the namespace is a project name
            if project is None:
                raise Refusal(404, f"project {namespace} not found")
            project_id, name = project["project_id"], f"{project['name']}+{body['name']}"
        if any(r["name"] == name and r["project_id"] == project_id for r in self.robots.values()):
            raise Refusal(409, f"robot account {project_id}:{name} already exists: pq: duplicate key value violates "
                               'unique constraint "unique_robot"')
        policies = self._scopes(permissions)
        secret, salt = random_secret(), secrets.token_hex(16)
        robot_id = next(self.ids)
        duration = body["duration"]
        # `secret` and `disable` of the body are never read: the secret is generated, the robot enabled
        self.robots[robot_id] = {
            "id": robot_id, "name": name, "project_id": project_id, "description": body.get("description") or "",
            "duration": duration, "expires_at": -1 if duration == -1 else int(time.time()) + duration * 86400,
            "created": int(time.time()), "disabled": False, "salt": salt, "secret": hashed(secret, salt),
            "permissions": policies}
        created = self.robots[robot_id]
        return Reply(201, {"id": robot_id, "name": self.configurations["robot_name_prefix"] + name, "secret": secret,
                           "creation_time": TIME, "expires_at": created["expires_at"]},
                     {"Location": f"{API}/robots/{robot_id}"})

    def op_UpdateRobot(self, params: dict, query: dict) -> Reply:
        robot = self._robot(params["robot_id"])
        body = params["robot"]
        duration = body.get("duration")
        if duration is None:
            duration = robot["duration"]
        permissions = body.get("permissions") or []
        self._validate_robot(duration, body.get("level"), permissions)
        if robot["project_id"]:
            namespace = permissions[0].get("namespace") or ""
            project = self.project(namespace)
            if project is None:
                raise Refusal(404, f"project {namespace} not found")
            if project["project_id"] != robot["project_id"]:
                raise Refusal(400, "bad request: cannot update the project id of robot")
        view = self._robot_view(robot)
        if body.get("level") != view["level"] or body.get("name") != view["name"]:
            raise Refusal(400, "bad request: cannot update the level or name of robot")
        policies = self._scopes(permissions)
        if duration != robot["duration"]:
            robot["duration"] = duration
            # from the creation time, not from now (updateV2Robot)
            robot["expires_at"] = -1 if duration == -1 else robot["created"] + duration * 86400
        robot["description"] = body.get("description") or ""
        robot["disabled"] = bool(body.get("disable"))
        robot["permissions"] = policies
        return Reply(200)

    def op_RefreshSec(self, params: dict, query: dict) -> Reply:
        robot = self._robot(params["robot_id"])
        chosen = (params.get("robotSec") or {}).get("secret") or ""
        if chosen:
            if not valid_secret(chosen):
                raise Refusal(400, SECRET_RULE)
            robot["secret"] = hashed(chosen, robot["salt"])
            return Reply(200, {})
        generated = random_secret()
        robot["secret"] = hashed(generated, robot["salt"])
        return Reply(200, {"secret": generated})

    def op_DeleteRobot(self, params: dict, query: dict) -> Reply:
        self._robot(params["robot_id"])
        del self.robots[params["robot_id"]]
        return Reply(200)

    # ---- project members ------------------------------------------------------------------------------

    def _project_by(self, name_or_id: str, by_name: bool | None) -> dict:
        project = self.projects.get(int(name_or_id)) if not by_name and name_or_id.isdigit() \
            else self.project(name_or_id)
        if project is None:
            raise Refusal(404, f"project {name_or_id} not found")
        return project

    def _members_of(self, project_id: int) -> dict[int, dict]:
        # the creator (the admin here) became a project admin member when the project was created
        # (src/pkg/project/dao/dao.go Create)
        if project_id not in self.members:
            member_id = next(self.ids)
            self.members[project_id] = {member_id: {"id": member_id, "project_id": project_id, "entity_id": ADMIN_ID,
                                                    "entity_type": "u", "role_id": 1}}
        return self.members[project_id]

    def _entity_name(self, member: dict) -> str:
        if member["entity_type"] == "u":
            return self.users[member["entity_id"]]["username"]
        return self.usergroups[member["entity_id"]]["group_name"]

    def _member_view(self, member: dict) -> dict:
        return {"id": member["id"], "project_id": member["project_id"], "entity_name": self._entity_name(member),
                "role_name": ROLES[member["role_id"]], "role_id": member["role_id"], "entity_id": member["entity_id"],
                "entity_type": member["entity_type"]}

    def op_listProjectMembers(self, params: dict, query: dict) -> Reply:
        project = self._project_by(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        members = self._members_of(project["project_id"])
        # joined with the role table: a member with an unknown role id is not listed, but counted
        listed = sorted((self._member_view(m) for m in members.values() if m["role_id"] in ROLES),
                        key=lambda m: m["entity_name"])
        wanted = params.get("entityname")
        if wanted:
            listed = [m for m in listed if m["entity_name"] == wanted]
        page, size = params.get("page") or 1, params.get("page_size") or 10
        return Reply(200, listed[(page - 1) * size: page * size], {"X-Total-Count": len(members)})

    def op_getProjectMember(self, params: dict, query: dict) -> Reply:
        project = self._project_by(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        if params["mid"] == 0:
            raise Refusal(400, "the member id can not be empty!")
        member = self._members_of(project["project_id"]).get(params["mid"])
        if member is None or member["role_id"] not in ROLES:
            raise Refusal(404, f"the project member is not found, project id {project['project_id']}, member id "
                               f"{params['mid']}")
        return Reply(200, self._member_view(member))

    def op_createProjectMember(self, params: dict, query: dict) -> Reply:
        given = params["project_name_or_id"]
        project = self._project_by(given, params.get("X_Is_Resource_Name"))
        request = params.get("project_member")
        if request is None:
            raise Refusal(400, "the project member should provide")
        role = request.get("role_id") or 0
        user = request.get("member_user") or {}
        group = request.get("member_group") or {}
        # what the request would onboard: created only once every check passed (the transaction middleware
        # rolls a failed request back)
        onboard: Callable[[], int] | None = None
        entity_type, entity_id = "g", 0
        mode = self.configurations["auth_mode"]
        if (user.get("user_id") or 0) > 0:
            if user["user_id"] not in self.users:
                raise Refusal(400, f"Failed to get user {user['user_id']}: user {user['user_id']} not found")
            entity_type, entity_id = "u", user["user_id"]
        elif (group.get("id") or 0) > 0:
            if group["id"] not in self.usergroups:
                raise Refusal(400, f"Failed to get group {group['id']}: group {group['id']} not found")
            entity_id = group["id"]
        elif user.get("username"):
            entity_type = "u"
            name = user["username"]
            existing = next((u for u in self.users.values() if u["username"] == name and not u["deleted"]), None)
            if existing is not None:
                entity_id = existing["user_id"]
            elif mode == "ldap_auth" and name in self.ldap_users:
                onboard = lambda: self.add_user(name)["user_id"]
            elif mode == "ldap_auth":
                raise Refusal(404, f"no user found: {name}")
            else:       # db_auth and oidc_auth search no one (DefaultAuthenticateHelper.SearchUser)
                raise Refusal(404, f"{name} not found: not supported")
        elif group.get("ldap_group_dn"):
            dn = group["ldap_group_dn"].strip().lower()
            existing = next((g for g in self.usergroups.values()
                             if g["ldap_group_dn"] == dn and g["group_type"] == LDAP_GROUP), None)
            if existing is not None:
                entity_id = existing["id"]
            elif mode != "ldap_auth":
                raise Refusal(404, f"{group['ldap_group_dn']} not found: not supported")
            elif dn not in self.ldap_groups:
                # searchGroup (src/pkg/ldap/ldap.go): a DN outside the group base DN, or an entry the filter
                # does not match, finds nothing (404); a DN under the base that the directory does not
                # have fails the search with ErrNotFound, which has no Harbor code: a bare 500
                if under_dn(self._group_base_dn(), dn) and dn not in self.ldap_entries:
                    raise Refusal(500, "entity not found")
                raise Refusal(404, f"failed to searh ldap group with groupDN:{group['ldap_group_dn']}")
            else:
                label = group.get("group_name") or self.ldap_groups[dn]
                onboard = lambda: self.add_group(label, LDAP_GROUP, dn)["id"]
        elif group.get("group_name"):
            name, kind = group["group_name"], group.get("group_type") or 0
            existing = next((g for g in self.usergroups.values()
                             if g["group_name"] == name and g["group_type"] == kind), None)
            if existing is not None:
                entity_id = existing["id"]
            elif mode == "oidc_auth":
                # SearchGroup always "finds" {name, type 3}; Onboard reuses an OIDC group of that name
                same = next((g for g in self.usergroups.values()
                             if g["group_name"] == name and g["group_type"] == OIDC_GROUP), None)
                if same is not None:
                    entity_id = same["id"]
                else:
                    onboard = lambda: self.add_group(name, OIDC_GROUP)["id"]
            elif mode == "ldap_auth":
                raise Refusal(500, "invalid LDAP group DN")       # the name is searched as a DN: uncoded error
            else:
                raise Refusal(404, f"{name} not found: not supported")
        if onboard is None and entity_id <= 0:
            raise Refusal(500, f"can not get valid member entity, request: {request}")
        members = self._members_of(project["project_id"])
        if onboard is None and any(m["entity_id"] == entity_id and m["entity_type"] == entity_type
                                   for m in members.values()):
            raise Refusal(409, "The project member specified already exist")
        if role not in ROLES:
            raise Refusal(400, "Failed to update project member, role is not in 1,2,3")
        if onboard is not None:
            entity_id = onboard()
        member_id = next(self.ids)
        members[member_id] = {"id": member_id, "project_id": project["project_id"], "entity_id": entity_id,
                              "entity_type": entity_type, "role_id": role}
        return Reply(201, None, {"Location": f"{API}/projects/{given}/members/{member_id}"})

    def op_updateProjectMember(self, params: dict, query: dict) -> Reply:
        project = self._project_by(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        if params.get("role") is None:
            raise Refusal(400, "role can not be empty")
        if params["mid"] == 0:
            raise Refusal(400, "member id can not be empty")
        # UPDATE ... WHERE project_id=? AND id=?: no check of the role, none that the member exists
        member = self._members_of(project["project_id"]).get(params["mid"])
        if member is not None:
            member["role_id"] = params["role"].get("role_id") or 0
        return Reply(200)

    def op_deleteProjectMember(self, params: dict, query: dict) -> Reply:
        project = self._project_by(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        if params["mid"] == 0:
            raise Refusal(400, "the project member id is required.")
        self._members_of(project["project_id"]).pop(params["mid"], None)
        return Reply(200)

    # ---- system CVE allowlist, labels -----------------------------------------------------------------

    def op_getSystemCVEAllowlist(self, params: dict, query: dict) -> Reply:
        view: dict[str, Any] = {"id": 1, "project_id": 0, "creation_time": TIME, "update_time": TIME}
        if self.system_allowlist["items"]:
            view["items"] = [{"cve_id": cve} for cve in self.system_allowlist["items"]]
        if self.system_allowlist["expires_at"] is not None:
            view["expires_at"] = self.system_allowlist["expires_at"]
        return Reply(200, view)

    def op_putSystemCVEAllowlist(self, params: dict, query: dict) -> Reply:
        body = params.get("allowlist")
        if body is None:
            raise Refusal(500, "nil allowlist")
        items = [item.get("cve_id") or "" for item in body.get("items") or []]
        seen: set[str] = set()
        for cve in items:
            if not cve.strip() or cve in seen:
                raise Refusal(500, "invalid CVE allowlist")     # allowlist.Validate: an error without a code
            seen.add(cve)
        self.system_allowlist = {"items": items, "expires_at": body.get("expires_at")}
        return Reply(200)

    def op_UpdateLabel(self, params: dict, query: dict) -> Reply:
        label = self.labels.get(params["label_id"])
        if label is None:
            raise Refusal(404, f"label {params['label_id']} not found")
        body = params["label"] or {}
        name = body.get("name") or ""
        if not name:
            raise Refusal(400, "cannot be empty")
        if len(name) > 128:
            raise Refusal(400, "max length is 128")
        # name, description and colour are replaced; scope and project stay
        label.update(name=name, description=body.get("description") or "", color=body.get("color") or "")
        return Reply(200)

    # ---- paging ---------------------------------------------------------------------------------------

    @staticmethod
    def _paged(items: list, params: dict) -> Reply:
        page, size = params.get("page") or 1, params.get("page_size") or 10
        return Reply(200, items[(page - 1) * size: page * size], {"X-Total-Count": len(items)})
