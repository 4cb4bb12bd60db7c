"""Access as code: robot accounts, OIDC or LDAP login, project members, and Harbor's system settings.

Every type here is plain, checked data, like the rest of the declaration (model.py), which holds them in
`HarborConfiguration` and writes them into the document the configuration Job reads. Secrets (a robot's
secret, the OIDC client secret, the LDAP search password) are `SecretKeyRef` handles of synced Secrets:
the document names the environment variable that carries each one, never the value.

The facts come from Harbor v2.15.1 and are cited where they are used: which resource:action pairs a robot
may hold (src/common/rbac/const.go), which robot names and durations Harbor takes
(src/server/v2.0/handler/robot.go), which secrets (IsValidSec, src/controller/robot/controller.go), the
member roles (src/common/const.go), the configuration keys and their validators
(src/lib/config/metadata/metadatalist.go, type.go) and the audit event types
(src/pkg/auditext/model/model.go). This module imports nothing of model.py, which imports it: a robot or
a member refers to a project by the declared Project object (anything with a `name`), and
HarborConfiguration checks that the object is one it declares.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

from ..kit.handles import SecretKeyRef
from ..kit.validation import fail
from .audit_events import AuditEventType
from .vulnerabilities import CveAllowlist

# ---- Harbor's RBAC as robots may hold it -------------------------------------------------------------


class RbacResource(str, Enum):
    """A resource of Harbor's RBAC that a robot account may be granted something on.

    The resources of src/common/rbac/const.go that appear in PoliciesMap or in NolimitProvider's extras
    (the provider GetPermissionProvider returns), which is what CreateRobot checks a robot's access
    against (robotAPI.validate, src/server/v2.0/handler/robot.go). Resources robots can never hold
    (`configuration`, `distribution`, `*`) are not listed.
    """

    ACCESSORY = "accessory"
    ARTIFACT = "artifact"
    ARTIFACT_ADDITION = "artifact-addition"
    ARTIFACT_LABEL = "artifact-label"
    AUDIT_LOG = "audit-log"
    CATALOG = "catalog"
    EXPORT_CVE = "export-cve"
    GARBAGE_COLLECTION = "garbage-collection"
    IMMUTABLE_TAG = "immutable-tag"
    JOBSERVICE_MONITOR = "jobservice-monitor"
    LABEL = "label"
    LDAP_USER = "ldap-user"
    LOG = "log"
    MEMBER = "member"
    METADATA = "metadata"
    NOTIFICATION_POLICY = "notification-policy"
    PREHEAT_INSTANCE = "preheat-instance"
    PREHEAT_POLICY = "preheat-policy"
    PROJECT = "project"
    PURGE_AUDIT = "purge-audit"
    QUOTA = "quota"
    REGISTRY = "registry"
    REPLICATION = "replication"
    REPLICATION_ADAPTER = "replication-adapter"
    REPLICATION_POLICY = "replication-policy"
    REPOSITORY = "repository"
    ROBOT = "robot"
    SBOM = "sbom"
    SCAN = "scan"
    SCAN_ALL = "scan-all"
    SCANNER = "scanner"
    SECURITY_HUB = "security-hub"
    SYSTEM_VOLUMES = "system-volumes"
    TAG = "tag"
    TAG_RETENTION = "tag-retention"
    USER = "user"
    USER_GROUP = "user-group"


class RbacAction(str, Enum):
    """An action of Harbor's RBAC (src/common/rbac/const.go) that some robot-grantable pair uses.

    `*`, `operate` and `scanner-pull` exist in Harbor's code, but no pair a robot may hold uses them.
    """

    CREATE = "create"
    DELETE = "delete"
    LIST = "list"
    PULL = "pull"
    PUSH = "push"
    READ = "read"
    STOP = "stop"
    UPDATE = "update"


_R = RbacResource
_A = RbacAction

# System scope: PoliciesMap[ScopeSystem] plus NolimitProvider's extras for it (src/common/rbac/const.go).
_SYSTEM_GRANTS: Mapping[RbacResource, tuple[RbacAction, ...]] = {
    _R.AUDIT_LOG: (_A.LIST,),
    _R.PREHEAT_INSTANCE: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.PROJECT: (_A.LIST, _A.CREATE),
    _R.REPLICATION_POLICY: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.REPLICATION: (_A.READ, _A.CREATE, _A.LIST),
    _R.REPLICATION_ADAPTER: (_A.LIST,),
    _R.REGISTRY: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.SCAN_ALL: (_A.READ, _A.UPDATE, _A.STOP, _A.CREATE),
    _R.SYSTEM_VOLUMES: (_A.READ,),
    _R.GARBAGE_COLLECTION: (_A.READ, _A.CREATE, _A.LIST, _A.UPDATE, _A.STOP),
    _R.PURGE_AUDIT: (_A.READ, _A.CREATE, _A.LIST, _A.UPDATE, _A.STOP),
    _R.JOBSERVICE_MONITOR: (_A.LIST, _A.STOP),
    _R.SCANNER: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.LABEL: (_A.READ, _A.CREATE, _A.DELETE, _A.UPDATE),
    _R.SECURITY_HUB: (_A.READ, _A.LIST),
    _R.CATALOG: (_A.READ,),
    _R.QUOTA: (_A.READ, _A.LIST, _A.UPDATE),
    # the extras: robot without update, users, LDAP users, user groups
    _R.ROBOT: (_A.CREATE, _A.READ, _A.LIST, _A.DELETE),
    _R.USER: (_A.CREATE, _A.READ, _A.UPDATE, _A.LIST, _A.DELETE),
    _R.LDAP_USER: (_A.CREATE, _A.LIST),
    _R.USER_GROUP: (_A.CREATE, _A.READ, _A.UPDATE, _A.LIST, _A.DELETE),
}
# Project scope: PoliciesMap[ScopeProject] plus NolimitProvider's extras for it.
_PROJECT_GRANTS: Mapping[RbacResource, tuple[RbacAction, ...]] = {
    _R.LOG: (_A.LIST,),
    _R.PROJECT: (_A.READ, _A.DELETE, _A.UPDATE),
    _R.METADATA: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.REPOSITORY: (_A.READ, _A.UPDATE, _A.DELETE, _A.LIST, _A.PULL, _A.PUSH),
    _R.ARTIFACT: (_A.READ, _A.CREATE, _A.LIST, _A.DELETE),
    _R.SCAN: (_A.CREATE, _A.READ, _A.STOP),
    _R.SBOM: (_A.CREATE, _A.STOP, _A.READ),
    _R.TAG: (_A.CREATE, _A.LIST, _A.DELETE),
    _R.ACCESSORY: (_A.LIST,),
    _R.ARTIFACT_ADDITION: (_A.READ,),
    _R.ARTIFACT_LABEL: (_A.CREATE, _A.DELETE),
    _R.SCANNER: (_A.CREATE, _A.READ),
    _R.PREHEAT_POLICY: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.IMMUTABLE_TAG: (_A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.NOTIFICATION_POLICY: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.TAG_RETENTION: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.LABEL: (_A.READ, _A.CREATE, _A.DELETE, _A.LIST, _A.UPDATE),
    _R.QUOTA: (_A.READ,),
    _R.ROBOT: (_A.CREATE, _A.READ, _A.LIST, _A.DELETE),
    _R.EXPORT_CVE: (_A.CREATE, _A.READ),
    _R.MEMBER: (_A.CREATE, _A.READ, _A.UPDATE, _A.LIST, _A.DELETE),
}


E = TypeVar("E", bound=Enum)


def _enum_value(field: str, kind: type[E], value: object) -> E:
    """`value` as a member of `kind` (the member itself, or its value as a string); ValueError otherwise."""
    if isinstance(value, kind):
        return value
    for member in kind:
        if isinstance(value, str) and member.value == value:
            return member
    raise fail(field, f"a {kind.__name__}, one of {[m.value for m in kind]}", value)


@dataclass(frozen=True, order=True)
class Permission:
    """One resource:action pair of Harbor's RBAC, as a robot account holds it.

    Attributes:
        resource: what the action applies to, e.g. RbacResource.REPOSITORY.
        action: what may be done, e.g. RbacAction.PULL.
    """

    resource: RbacResource
    action: RbacAction

    def __post_init__(self) -> None:
        object.__setattr__(self, "resource", _enum_value("Permission.resource", RbacResource, self.resource))
        object.__setattr__(self, "action", _enum_value("Permission.action", RbacAction, self.action))
        if self not in SYSTEM_PERMISSIONS and self not in PROJECT_PERMISSIONS:
            raise fail("Permission", "a resource:action pair Harbor grants robots (src/common/rbac/const.go: "
                                     f"{self.resource.value} allows "
                                     f"{', '.join(_allowed_actions(self.resource)) or 'nothing'})", str(self))

    def __str__(self) -> str:
        return f"{self.resource.value}:{self.action.value}"


def _allowed_actions(resource: RbacResource) -> list[str]:
    return sorted({a.value for grants in (_SYSTEM_GRANTS, _PROJECT_GRANTS) for a in grants.get(resource, ())})


def _pairs(grants: Mapping[RbacResource, tuple[RbacAction, ...]]) -> frozenset[Permission]:
    # built without __post_init__'s membership check, which needs these very sets
    pairs: set[Permission] = set()
    for resource, actions in grants.items():
        for action in actions:
            permission = object.__new__(Permission)
            object.__setattr__(permission, "resource", resource)
            object.__setattr__(permission, "action", action)
            pairs.add(permission)
    return frozenset(pairs)


# What a robot may hold at system level (kind "system") and in a project (kind "project").
SYSTEM_PERMISSIONS: frozenset[Permission] = _pairs(_SYSTEM_GRANTS)
PROJECT_PERMISSIONS: frozenset[Permission] = _pairs(_PROJECT_GRANTS)

# What `docker pull` needs: the token service grants the `pull` scope of a repository to whoever holds
# repository:pull in its project (src/core/service/token/creator.go).
PULL_PERMISSIONS: tuple[Permission, ...] = (Permission(RbacResource.REPOSITORY, RbacAction.PULL),)
# What `docker push` needs: a push asks for the scope "pull,push" (access.scopeStr,
# src/server/middleware/v2auth/access.go), since the client checks which blobs exist before it uploads.
PUSH_PERMISSIONS: tuple[Permission, ...] = (Permission(RbacResource.REPOSITORY, RbacAction.PULL),
                                            Permission(RbacResource.REPOSITORY, RbacAction.PUSH))


# ---- robot accounts ----------------------------------------------------------------------------------

# validateName (src/server/v2.0/handler/robot.go): lower-case letters and digits, '.', '_' or '-' only
# between them; '+' is what Harbor puts between a project robot's project and name.
ROBOT_NAME = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")
# The column robot.name is varchar(255) (make/migrations/postgresql/0004_1.8.0_schema.up.sql), and a
# project robot is stored as "<project>+<name>" (controller.Create, src/controller/robot/controller.go):
# a longer name fails in the database with a 500.
ROBOT_STORED_NAME_MAX = 255
# robot.description is varchar(1024); the Job appends its ownership marker, at most this long.
ROBOT_DESCRIPTION_MAX = 1024 - len(" [managed-by=harbor-gitops secret=0123456789abcdef]")
# isValidDuration (robot.go): -1 (never expires) or 0 < days < math.MaxInt32.
ROBOT_DURATION_MAX = 2**31 - 2
# Harbor's default of robot_name_prefix (metadatalist.go); every robot's login name starts with it.
DEFAULT_ROBOT_PREFIX = "robot$"
RESERVED_MARKER = "[managed-by="


class DeclaredProject(Protocol):
    """A project of the declaration (Project or ProxyCacheProject), as robots and members refer to it."""

    @property
    def name(self) -> str: ...


class ProjectScope(Enum):
    """The namespace "*" of a robot permission: every project, including those created later."""

    ALL = "*"


ALL_PROJECTS = ProjectScope.ALL


def _check_project_ref(field: str, value: object) -> None:
    if isinstance(value, str) or not isinstance(getattr(value, "name", None), str):
        raise fail(field, "a Project or ProxyCacheProject object of the declaration (not its name)", value)


def _check_bool(field: str, value: object) -> None:
    if not isinstance(value, bool):
        raise fail(field, "True or False", value)


def _check_line(field: str, value: object, *, maximum: int, empty: bool = True) -> None:
    if (not isinstance(value, str) or "\n" in value or "\r" in value or len(value) > maximum
            or (not empty and not value.strip())):
        raise fail(field, f"one line of text, at most {maximum} characters" + ("" if empty else ", not empty"),
                   value)


def _check_secret_ref(field: str, value: object) -> None:
    if not isinstance(value, SecretKeyRef):
        raise fail(field, "a SecretKeyRef of a synced Secret (e.g. OpenBaoSecretSync.key)", value)


def _check_permissions(field: str, value: object, allowed: frozenset[Permission], scope: str) -> tuple[Permission, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str) or not value:
        raise fail(field, "a non-empty sequence of Permission (Harbor refuses a robot with an empty access list)",
                   value)
    items = tuple(value)
    for item in items:
        if not isinstance(item, Permission):
            raise fail(field, "a sequence of Permission", item)
        if item not in allowed:
            raise fail(field, f"permissions Harbor grants at {scope} level (src/common/rbac/const.go); "
                              f"{item} is not one", str(item))
    if len(set(items)) != len(items):
        raise fail(field, "distinct permissions", [str(p) for p in items])
    return tuple(sorted(items))


def _check_robot(owner: str, name: object, duration: object, description: object, disabled: object,
                 secret: object) -> None:
    if not isinstance(name, str) or not ROBOT_NAME.fullmatch(name):
        raise fail(f"{owner}.name", "a robot name Harbor takes: lower-case letters and digits, with '.', '_' or "
                                    "'-' only between them (no '+', '$' or upper case; validateName, "
                                    "src/server/v2.0/handler/robot.go)", name)
    if isinstance(duration, bool) or not isinstance(duration, int) or not (
            duration == -1 or 1 <= duration <= ROBOT_DURATION_MAX):
        raise fail(f"{owner}.duration_days", f"-1 (never expires) or a number of days from 1 to "
                                             f"{ROBOT_DURATION_MAX} (Harbor refuses 0 and anything below -1)",
                   duration)
    _check_line(f"{owner}.description", description, maximum=ROBOT_DESCRIPTION_MAX)
    if RESERVED_MARKER in str(description):
        raise fail(f"{owner}.description", f"text without {RESERVED_MARKER!r} (the Job's ownership marker)",
                   description)
    _check_bool(f"{owner}.disabled", disabled)
    _check_secret_ref(f"{owner}.secret", secret)


def _env_name(stored_name: str) -> str:
    return "HARBOR_ROBOT_" + re.sub(r"[^A-Z0-9]", "_", stored_name.upper()) + "_SECRET"


@dataclass(frozen=True, kw_only=True)
class ProjectRobot:
    """A robot account of one project, e.g. what kubelets pull `library`'s images with.

    Harbor calls it `<prefix><project>+<name>`, e.g. `robot$library+pull`. Its secret comes from a synced
    Secret; `python main.py generate-secrets` creates one that Harbor accepts, with the ready
    `.dockerconfigjson` next to it for PullSecret consumers.

    Attributes:
        name: the robot's own name, lower-case letters and digits with '.', '_' or '-' between them.
        project: the declared Project (or ProxyCacheProject) it belongs to.
        permissions: what it may do there, project-level Permissions (e.g. PULL_PERMISSIONS).
        secret: the handle of its secret: 8-128 characters with an upper-case letter, a lower-case
            letter and a digit (Harbor's rule).
        duration_days: days until it expires, counted from its creation (default -1: never).
        description: one line of text (default ""); the Job appends its ownership marker.
        disabled: refuse its logins (default False).
    """

    name: str
    project: DeclaredProject
    permissions: tuple[Permission, ...]
    secret: SecretKeyRef
    duration_days: int = -1
    description: str = ""
    disabled: bool = False

    def __post_init__(self) -> None:
        _check_robot("ProjectRobot", self.name, self.duration_days, self.description, self.disabled, self.secret)
        _check_project_ref("ProjectRobot.project", self.project)
        object.__setattr__(self, "permissions", _check_permissions("ProjectRobot.permissions", self.permissions,
                                                                   PROJECT_PERMISSIONS, "project"))
        if len(self.stored_name) > ROBOT_STORED_NAME_MAX:
            raise fail("ProjectRobot.name", f"short enough that '<project>+<name>' has at most "
                                            f"{ROBOT_STORED_NAME_MAX} characters (Harbor's column)",
                       self.name)

    level = "project"

    @property
    def stored_name(self) -> str:
        """The name Harbor stores: "<project>+<name>"."""
        return f"{self.project.name}+{self.name}"

    @property
    def env_name(self) -> str:
        """The Job's environment variable for its secret."""
        return _env_name(self.stored_name)

    def login_name(self, prefix: str = DEFAULT_ROBOT_PREFIX) -> str:
        """The user name it logs in with, e.g. `robot$library+pull`."""
        return prefix + self.stored_name

    def permission_document(self) -> list[dict[str, Any]]:
        return [_permission_entry("project", self.project.name, self.permissions)]


@dataclass(frozen=True, kw_only=True)
class ProjectAccess:
    """What a system robot may do in one project, or in every project.

    Attributes:
        project: a declared Project (or ProxyCacheProject), or ALL_PROJECTS for every project,
            including those created later.
        permissions: project-level Permissions.
    """

    project: DeclaredProject | ProjectScope
    permissions: tuple[Permission, ...]

    def __post_init__(self) -> None:
        if self.project is not ALL_PROJECTS:
            _check_project_ref("ProjectAccess.project", self.project)
        object.__setattr__(self, "permissions", _check_permissions("ProjectAccess.permissions", self.permissions,
                                                                   PROJECT_PERMISSIONS, "project"))

    @property
    def namespace(self) -> str:
        """Harbor's namespace of the permission: the project's name, or "*"."""
        return self.project.value if isinstance(self.project, ProjectScope) else self.project.name


@dataclass(frozen=True, kw_only=True)
class SystemRobot:
    """A system-level robot account: system permissions, and permissions in several projects.

    Harbor calls it `<prefix><name>`, e.g. `robot$ci`.

    Attributes:
        name: the robot's name, lower-case letters and digits with '.', '_' or '-' between them.
        secret: the handle of its secret (Harbor's rule: 8-128 characters with an upper-case letter,
            a lower-case letter and a digit).
        system_permissions: system-level Permissions (default none).
        projects: ProjectAccess entries, one per project or ALL_PROJECTS (default none); it needs
            system permissions or at least one entry.
        duration_days: days until it expires, counted from its creation (default -1: never).
        description: one line of text (default ""); the Job appends its ownership marker.
        disabled: refuse its logins (default False).
    """

    name: str
    secret: SecretKeyRef
    system_permissions: tuple[Permission, ...] = ()
    projects: tuple[ProjectAccess, ...] = ()
    duration_days: int = -1
    description: str = ""
    disabled: bool = False

    def __post_init__(self) -> None:
        _check_robot("SystemRobot", self.name, self.duration_days, self.description, self.disabled, self.secret)
        if len(self.name) > ROBOT_STORED_NAME_MAX:
            raise fail("SystemRobot.name", f"at most {ROBOT_STORED_NAME_MAX} characters (Harbor's column)",
                       self.name)
        if self.system_permissions:
            object.__setattr__(self, "system_permissions", _check_permissions(
                "SystemRobot.system_permissions", self.system_permissions, SYSTEM_PERMISSIONS, "system"))
        if isinstance(self.projects, str) or not isinstance(self.projects, Sequence):
            raise fail("SystemRobot.projects", "a sequence of ProjectAccess", self.projects)
        object.__setattr__(self, "projects", tuple(self.projects))
        namespaces: set[str] = set()
        for entry in self.projects:
            if not isinstance(entry, ProjectAccess):
                raise fail("SystemRobot.projects", "a sequence of ProjectAccess", entry)
            if entry.namespace in namespaces:
                raise fail("SystemRobot.projects", "one ProjectAccess per project", entry.namespace)
            namespaces.add(entry.namespace)
        if not self.system_permissions and not self.projects:
            raise fail("SystemRobot.system_permissions", "set, or SystemRobot.projects non-empty (Harbor refuses a "
                                                         "robot without permissions)", self.system_permissions)

    level = "system"

    @property
    def stored_name(self) -> str:
        return self.name

    @property
    def env_name(self) -> str:
        return _env_name(self.stored_name)

    def login_name(self, prefix: str = DEFAULT_ROBOT_PREFIX) -> str:
        """The user name it logs in with, e.g. `robot$ci`."""
        return prefix + self.stored_name

    @property
    def declared_projects(self) -> tuple[DeclaredProject, ...]:
        return tuple(e.project for e in self.projects if not isinstance(e.project, ProjectScope))

    def permission_document(self) -> list[dict[str, Any]]:
        entries = [_permission_entry("system", "/", self.system_permissions)] if self.system_permissions else []
        return entries + [_permission_entry("project", e.namespace, e.permissions)
                          for e in sorted(self.projects, key=lambda e: e.namespace)]


AnyRobot = ProjectRobot | SystemRobot


def _permission_entry(kind: str, namespace: str, permissions: tuple[Permission, ...]) -> dict[str, Any]:
    return {"kind": kind, "namespace": namespace,
            "access": [{"resource": p.resource.value, "action": p.action.value} for p in permissions]}


def robot_projects(robot: AnyRobot) -> tuple[DeclaredProject, ...]:
    """The declared projects a robot refers to (ALL_PROJECTS refers to none)."""
    return (robot.project,) if isinstance(robot, ProjectRobot) else robot.declared_projects


# ---- authentication ----------------------------------------------------------------------------------

# Scope strings as Harbor's UI accepts them (src/portal/.../config-auth.component.html: printable, no
# space, '"' or '\'); they are joined with ',' into oidc_scope, which Harbor splits and trims.
_SCOPE = re.compile(r"[!#-\[\]-~]+")
_SCOPE_FORBIDDEN = ","


def _check_plain(field: str, value: object, *, empty: bool = True, maximum: int = 1024) -> None:
    _check_line(field, value, maximum=maximum, empty=empty)


@dataclass(frozen=True, kw_only=True)
class OidcAuthentication:
    """Log in to Harbor through an OpenID Connect provider (Keycloak, Authentik, Dex, ...).

    Register Harbor at the provider with the redirect URI `<external URL>/c/oidc/callback`. Harbor
    refuses to switch the authentication mode once users other than admin exist; the Job applies
    authentication before anything else and, when Harbor refuses, lists the users that block it.

    Attributes:
        name: the provider's name on Harbor's login button ("LOGIN WITH <name>").
        endpoint: the provider's issuer URL, https, e.g. "https://auth.example.com/realms/homelab".
        client_id: the client ID registered at the provider.
        client_secret: the handle of the client secret (Harbor never shows it back; the Job keeps a
            fingerprint to notice a rotation).
        scopes: the scopes Harbor asks for; "openid" is required (default openid, profile, email,
            offline_access, the last for the refresh token Harbor's CLI secret relies on).
        groups_claim: the ID-token claim that lists the user's groups (default "": no groups; set it
            for group members and admin_group).
        admin_group: members of this group are Harbor system administrators (default "": none).
        group_filter: a regular expression; only matching groups are onboarded (default "": all).
        user_claim: the claim Harbor takes the user name from (default "": Harbor's default, the
            `name` claim).
        auto_onboard: create users on their first login without asking for a user name (default
            False).
        verify_cert: verify the provider's TLS certificate (default True).
        logout: log the user out of the provider too when they log out of Harbor (default False).
    """

    name: str
    endpoint: str
    client_id: str
    client_secret: SecretKeyRef
    scopes: tuple[str, ...] = ("openid", "profile", "email", "offline_access")
    groups_claim: str = ""
    admin_group: str = ""
    group_filter: str = ""
    user_claim: str = ""
    auto_onboard: bool = False
    verify_cert: bool = True
    logout: bool = False

    auth_mode = "oidc_auth"

    def __post_init__(self) -> None:
        _check_plain("OidcAuthentication.name", self.name, empty=False, maximum=255)
        parts = urlsplit(self.endpoint) if isinstance(self.endpoint, str) else None
        if parts is None or parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment \
                or any(c.isspace() for c in self.endpoint):
            raise fail("OidcAuthentication.endpoint", "an https:// issuer URL with a host and no query (Harbor "
                                                      "fetches <endpoint>/.well-known/openid-configuration; a "
                                                      "provider reached over plain http leaks the client secret "
                                                      "and every token)", self.endpoint)
        _check_plain("OidcAuthentication.client_id", self.client_id, empty=False)
        _check_secret_ref("OidcAuthentication.client_secret", self.client_secret)
        if isinstance(self.scopes, str) or not isinstance(self.scopes, Sequence):
            raise fail("OidcAuthentication.scopes", "a sequence of scope names", self.scopes)
        object.__setattr__(self, "scopes", tuple(self.scopes))
        for scope in self.scopes:
            if not isinstance(scope, str) or not _SCOPE.fullmatch(scope) or _SCOPE_FORBIDDEN in scope:
                raise fail("OidcAuthentication.scopes", "scope names of printable characters without spaces, "
                                                        "',', '\"' or '\\'", scope)
        if "openid" not in self.scopes or len(set(self.scopes)) != len(self.scopes):
            raise fail("OidcAuthentication.scopes", "distinct scopes that include 'openid' (Harbor's UI requires "
                                                    "it: without it the provider issues no ID token)",
                       list(self.scopes))
        for name in ("groups_claim", "admin_group", "user_claim"):
            _check_plain(f"OidcAuthentication.{name}", getattr(self, name))
        _check_plain("OidcAuthentication.group_filter", self.group_filter)
        try:
            re.compile(self.group_filter)
        except re.error as error:
            raise fail("OidcAuthentication.group_filter", f"a regular expression ({error})", self.group_filter) \
                from None
        if self.admin_group and not self.groups_claim:
            raise fail("OidcAuthentication.groups_claim", "set when admin_group is (Harbor learns a user's groups "
                                                          "from that claim)", self.groups_claim)
        for name in ("auto_onboard", "verify_cert", "logout"):
            _check_bool(f"OidcAuthentication.{name}", getattr(self, name))

    def settings(self) -> dict[str, Any]:
        """The configuration keys Harbor stores, as PUT /configurations takes them (no secret)."""
        return {"oidc_name": self.name, "oidc_endpoint": self.endpoint, "oidc_client_id": self.client_id,
                "oidc_scope": ",".join(self.scopes), "oidc_groups_claim": self.groups_claim,
                "oidc_admin_group": self.admin_group, "oidc_group_filter": self.group_filter,
                "oidc_user_claim": self.user_claim, "oidc_auto_onboard": self.auto_onboard,
                "oidc_verify_cert": self.verify_cert, "oidc_logout": self.logout}

    def from_env(self) -> dict[str, tuple[SecretKeyRef, str, bool]]:
        """Configuration key -> (handle, environment variable, write-only) of what comes from Secrets."""
        return {"oidc_client_secret": (self.client_secret, "HARBOR_OIDC_CLIENT_SECRET", True)}


class LdapScope(Enum):
    """How deep an LDAP search goes below its base DN (Harbor's LdapScopeType: 0, 1 or 2)."""

    BASE = 0
    ONE_LEVEL = 1
    SUBTREE = 2


def _check_dn(field: str, value: object, *, empty: bool) -> None:
    """An LDAP DN (at least one attribute=value), or "" where `empty` allows it."""
    if empty and value == "":
        return
    if not isinstance(value, str) or "\n" in value or "=" not in value or value != value.strip():
        raise fail(field, "an LDAP distinguished name such as 'dc=example,dc=com'", value)


@dataclass(frozen=True, kw_only=True)
class LdapAuthentication:
    """Log in to Harbor with the users and groups of an LDAP directory.

    Attributes:
        url: the directory's URL, ldap:// or ldaps://, e.g. "ldaps://ldap.example.com".
        base_dn: where users are searched, e.g. "ou=people,dc=example,dc=com".
        search_dn: the DN Harbor binds with to search, as text or as the handle of a synced Secret
            (default "": anonymous search).
        search_password: the handle of that DN's password (default None: anonymous search).
        filter: an extra LDAP filter users must match (default "": none).
        uid: the attribute that holds the user name (default "cn").
        scope: how deep to search below base_dn (default SUBTREE).
        verify_cert: verify the directory's TLS certificate (default True).
        timeout_seconds: the connection timeout (default 5).
        group_base_dn: where groups are searched (default "": no group support).
        group_search_filter: the LDAP filter groups match (default "").
        group_attribute_name: the attribute that holds a group's name (default "": Harbor's default).
        group_membership_attribute: the user attribute that lists a user's groups (default "memberof").
        group_admin_dn: members of this group are Harbor system administrators (default "": none).
        group_search_scope: how deep to search below group_base_dn (default SUBTREE).
    """

    url: str
    base_dn: str
    search_dn: str | SecretKeyRef = ""
    search_password: SecretKeyRef | None = None
    filter: str = ""
    uid: str = "cn"
    scope: LdapScope = LdapScope.SUBTREE
    verify_cert: bool = True
    timeout_seconds: int = 5
    group_base_dn: str = ""
    group_search_filter: str = ""
    group_attribute_name: str = ""
    group_membership_attribute: str = "memberof"
    group_admin_dn: str = ""
    group_search_scope: LdapScope = LdapScope.SUBTREE

    auth_mode = "ldap_auth"

    def __post_init__(self) -> None:
        parts = urlsplit(self.url) if isinstance(self.url, str) else None
        if parts is None or parts.scheme not in ("ldap", "ldaps") or not parts.hostname \
                or parts.path not in ("", "/") or parts.query or any(c.isspace() for c in self.url):
            raise fail("LdapAuthentication.url", "an ldap:// or ldaps:// URL with a host and no path",
                       self.url)
        # ldap_url, ldap_base_dn and ldap_uid are NonEmptyStringType (metadatalist.go): Harbor refuses ""
        _check_dn("LdapAuthentication.base_dn", self.base_dn, empty=False)
        if not isinstance(self.search_dn, SecretKeyRef):
            _check_dn("LdapAuthentication.search_dn", self.search_dn, empty=True)
        if self.search_password is not None:
            _check_secret_ref("LdapAuthentication.search_password", self.search_password)
            if self.search_dn == "":
                raise fail("LdapAuthentication.search_dn", "set when search_password is (the password is the "
                                                           "search DN's)", self.search_dn)
        elif self.search_dn != "":
            raise fail("LdapAuthentication.search_password", "a SecretKeyRef when search_dn is set", None)
        _check_plain("LdapAuthentication.filter", self.filter)
        if self.filter and not (self.filter.startswith("(") and self.filter.endswith(")")):
            raise fail("LdapAuthentication.filter", "an LDAP filter in parentheses, e.g. '(objectClass=person)'",
                       self.filter)
        _check_plain("LdapAuthentication.uid", self.uid, empty=False, maximum=255)
        for name in ("scope", "group_search_scope"):
            object.__setattr__(self, name, _enum_value(f"LdapAuthentication.{name}", LdapScope,
                                                       getattr(self, name)))
        _check_bool("LdapAuthentication.verify_cert", self.verify_cert)
        if isinstance(self.timeout_seconds, bool) or not isinstance(self.timeout_seconds, int) \
                or not 1 <= self.timeout_seconds <= 3600:
            raise fail("LdapAuthentication.timeout_seconds", "a number of seconds from 1 to 3600",
                       self.timeout_seconds)
        _check_dn("LdapAuthentication.group_base_dn", self.group_base_dn, empty=True)
        _check_dn("LdapAuthentication.group_admin_dn", self.group_admin_dn, empty=True)
        for name in ("group_search_filter", "group_attribute_name", "group_membership_attribute"):
            _check_plain(f"LdapAuthentication.{name}", getattr(self, name))
        # LdapGroupValidateRule (src/pkg/config/validate/ldapgroup.go): with a group filter, the name and
        # membership attributes must be set, or Harbor refuses the whole change
        if self.group_search_filter:
            for name in ("group_attribute_name", "group_membership_attribute"):
                if not getattr(self, name):
                    raise fail(f"LdapAuthentication.{name}", "set when group_search_filter is (Harbor refuses a "
                                                             "group filter without it)", getattr(self, name))

    def settings(self) -> dict[str, Any]:
        """The configuration keys Harbor stores, as PUT /configurations takes them (no secret)."""
        values: dict[str, Any] = {
            "ldap_url": self.url, "ldap_base_dn": self.base_dn, "ldap_filter": self.filter, "ldap_uid": self.uid,
            "ldap_scope": self.scope.value, "ldap_verify_cert": self.verify_cert, "ldap_timeout": self.timeout_seconds,
            "ldap_group_base_dn": self.group_base_dn, "ldap_group_search_filter": self.group_search_filter,
            "ldap_group_attribute_name": self.group_attribute_name,
            "ldap_group_membership_attribute": self.group_membership_attribute,
            # Harbor stores it lower-cased (src/pkg/config/db/dao/dao.go): declared the same way
            "ldap_group_admin_dn": self.group_admin_dn.lower(),
            "ldap_group_search_scope": self.group_search_scope.value,
        }
        if not isinstance(self.search_dn, SecretKeyRef):
            values["ldap_search_dn"] = self.search_dn
        return values

    def from_env(self) -> dict[str, tuple[SecretKeyRef, str, bool]]:
        found: dict[str, tuple[SecretKeyRef, str, bool]] = {}
        if isinstance(self.search_dn, SecretKeyRef):
            found["ldap_search_dn"] = (self.search_dn, "HARBOR_LDAP_SEARCH_DN", False)
        if self.search_password is not None:
            found["ldap_search_password"] = (self.search_password, "HARBOR_LDAP_SEARCH_PASSWORD", True)
        return found


AnyAuthentication = OidcAuthentication | LdapAuthentication


# ---- project members ---------------------------------------------------------------------------------

class MemberRole(str, Enum):
    """A project role, by the name Harbor answers (role table, make/migrations/postgresql)."""

    PROJECT_ADMIN = "projectAdmin"
    MAINTAINER = "maintainer"
    DEVELOPER = "developer"
    GUEST = "guest"
    LIMITED_GUEST = "limitedGuest"

    @property
    def role_id(self) -> int:
        """Harbor's role id (src/common/const.go RoleProjectAdmin ... RoleLimitedGuest)."""
        return _ROLE_IDS[self]


_ROLE_IDS: Mapping[MemberRole, int] = {MemberRole.PROJECT_ADMIN: 1, MemberRole.DEVELOPER: 2, MemberRole.GUEST: 3,
                                       MemberRole.MAINTAINER: 4, MemberRole.LIMITED_GUEST: 5}

# user_group.group_type (src/common/const.go): 1 LDAP, 3 OIDC
LDAP_GROUP_TYPE = 1
OIDC_GROUP_TYPE = 3


@dataclass(frozen=True, kw_only=True)
class ProjectMember:
    """A group or a user with a role in one project.

    With OIDC login a group is named as the provider's groups claim names it (Harbor creates the group
    on first use); with LDAP it is the group's DN. A user must exist in Harbor: OIDC users appear after
    their first login, LDAP users are looked up in the directory.

    Attributes:
        project: the declared Project (or ProxyCacheProject).
        role: the role, e.g. MemberRole.DEVELOPER.
        group: the group (default None); exactly one of group and user.
        user: the user name (default None).
    """

    project: DeclaredProject
    role: MemberRole
    group: str | None = None
    user: str | None = None

    def __post_init__(self) -> None:
        _check_project_ref("ProjectMember.project", self.project)
        object.__setattr__(self, "role", _enum_value("ProjectMember.role", MemberRole, self.role))
        if (self.group is None) == (self.user is None):
            raise fail("ProjectMember.group", "set, or ProjectMember.user, not both", (self.group, self.user))
        for name in ("group", "user"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not value.strip() or value != value.strip()
                                      or "\n" in value or len(value) > 255):
                raise fail(f"ProjectMember.{name}", "a non-empty name without surrounding spaces, at most 255 "
                                                    "characters", value)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.project.name, "group" if self.group is not None else "user", self.group or self.user or "")


# ---- system settings ---------------------------------------------------------------------------------

class ProjectCreation(str, Enum):
    """Who may create projects (project_creation_restriction)."""

    ADMIN_ONLY = "adminonly"
    EVERYONE = "everyone"


class BannerType(str, Enum):
    """How the UI colours the banner (BannerMessageType, src/portal/.../config/config.ts)."""

    SUCCESS = "success"
    INFO = "info"
    WARNING = "warning"
    DANGER = "danger"


def _utc_text(field: str, value: object) -> str:
    """An aware datetime as JavaScript's Date.toJSON writes it, which is what Harbor's UI stores."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise fail(field, "a timezone-aware datetime, e.g. datetime(2026, 1, 1, tzinfo=UTC)", value)
    moment = value.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass(frozen=True, kw_only=True)
class BannerMessage:
    """The banner above Harbor's UI; an empty message removes it.

    Harbor's UI shows a banner only between its dates (hasValidBannerMessage,
    src/portal/.../app-level-alerts.component.ts), so a message needs at least one of them.

    Attributes:
        message: the text (default "": no banner).
        type: its colour (default INFO).
        closable: users may close it (default True).
        starts: shown from this moment on (default None: until `ends`).
        ends: shown until this moment (default None: from `starts` on).
    """

    message: str = ""
    type: BannerType = BannerType.INFO
    closable: bool = True
    starts: datetime | None = None
    ends: datetime | None = None

    def __post_init__(self) -> None:
        _check_plain("BannerMessage.message", self.message, maximum=4096)
        object.__setattr__(self, "type", _enum_value("BannerMessage.type", BannerType, self.type))
        _check_bool("BannerMessage.closable", self.closable)
        for name in ("starts", "ends"):
            if getattr(self, name) is not None:
                _utc_text(f"BannerMessage.{name}", getattr(self, name))
        if self.message and self.starts is None and self.ends is None:
            raise fail("BannerMessage.starts", "set, or ends (Harbor's UI shows a banner only between its dates)",
                       None)
        if self.starts is not None and self.ends is not None and self.ends <= self.starts:
            raise fail("BannerMessage.ends", "after starts", self.ends)

    def value(self) -> str:
        """The banner_message value: the JSON object the UI writes, or "" for no banner."""
        if not self.message:
            return ""
        # JSON.stringify leaves out a date the UI's form did not set
        banner: dict[str, Any] = {"message": self.message, "closable": self.closable, "type": self.type.value}
        if self.starts is not None:
            banner["fromDate"] = _utc_text("BannerMessage.starts", self.starts)
        if self.ends is not None:
            banner["toDate"] = _utc_text("BannerMessage.ends", self.ends)
        return json.dumps(banner,
                          separators=(",", ":"))


# verifyValueLengthCfg (src/controller/config/controller.go): positive, at most ten digits.
SETTING_NUMBER_MAX = 9_999_999_999
_ENDPOINT = re.compile(r"(?P<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?P<port>[0-9]{1,5})")


@dataclass(frozen=True, kw_only=True)
class ConfigurationSettings:
    """Harbor's system settings (Administration > Configuration); None leaves Harbor's value alone.

    Not to be confused with SystemSettings, which holds the scan-all and garbage-collection schedules.

    Attributes:
        project_creation: who may create projects (default None).
        robot_token_duration_days: the duration the UI proposes for new robots, in days (default None).
        robot_name_prefix: what every robot's login name starts with (default None; Harbor's is
            "robot$"); changing it renames every robot, and pull secrets carry the new name.
        read_only: refuse every push and delete (default None); the Job lifts it for its own changes
            and sets it again last.
        audit_log_forward_endpoint: "host:port" of a syslog (TCP) server that receives the audit log,
            or "" for none (default None); Harbor connects to it when it is set.
        disabled_audit_events: audit event types Harbor does not log (default None).
        session_timeout_minutes: idle time before a UI session ends (default None).
        banner: the banner above the UI (default None).
        cve_allowlist: the system CVE allowlist (default None).
    """

    project_creation: ProjectCreation | None = None
    robot_token_duration_days: int | None = None
    robot_name_prefix: str | None = None
    read_only: bool | None = None
    audit_log_forward_endpoint: str | None = None
    disabled_audit_events: tuple[AuditEventType, ...] | None = None
    session_timeout_minutes: int | None = None
    banner: BannerMessage | None = None
    cve_allowlist: CveAllowlist | None = None

    def __post_init__(self) -> None:
        if self.project_creation is not None:
            object.__setattr__(self, "project_creation", _enum_value(
                "ConfigurationSettings.project_creation", ProjectCreation, self.project_creation))
        for name in ("robot_token_duration_days", "session_timeout_minutes"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 1 <= value <= SETTING_NUMBER_MAX):
                raise fail(f"ConfigurationSettings.{name}", f"an integer from 1 to {SETTING_NUMBER_MAX} (Harbor "
                                                            "refuses others)", value)
        prefix = self.robot_name_prefix
        # basic auth splits user and password at the first ':', so a ':' in the prefix breaks every login
        if prefix is not None and (not isinstance(prefix, str) or not prefix or len(prefix) > 64
                                   or any(c.isspace() or c == ":" or ord(c) < 0x20 for c in prefix)):
            raise fail("ConfigurationSettings.robot_name_prefix", "1-64 characters without ':' or spaces (a robot's "
                                                                  "login name starts with it)", prefix)
        if self.read_only is not None:
            _check_bool("ConfigurationSettings.read_only", self.read_only)
        endpoint = self.audit_log_forward_endpoint
        if endpoint is not None:
            match = _ENDPOINT.fullmatch(endpoint) if isinstance(endpoint, str) else None
            if endpoint != "" and (match is None or not 1 <= int(match.group("port")) <= 65535):
                raise fail("ConfigurationSettings.audit_log_forward_endpoint", "'host:port' of a syslog server "
                                                                               "(TCP), or '' for none", endpoint)
        events = self.disabled_audit_events
        if events is not None:
            if isinstance(events, str) or not isinstance(events, Sequence):
                raise fail("ConfigurationSettings.disabled_audit_events", "a sequence of AuditEventType", events)
            checked = tuple(_enum_value("ConfigurationSettings.disabled_audit_events", AuditEventType, e)
                            for e in events)
            if AuditEventType.OTHER in checked:
                # OTHER is the purge's shorthand (permitEventTypes, src/pkg/auditext/dao/dao.go), not a type
                # Harbor logs: disabled_audit_log_event_types takes the real ones (EventTypes, model.go)
                raise fail("ConfigurationSettings.disabled_audit_events", "event types Harbor logs (not OTHER, "
                                                                          "which only a purge understands)",
                           AuditEventType.OTHER.value)
            if len(set(checked)) != len(checked):
                raise fail("ConfigurationSettings.disabled_audit_events", "distinct event types",
                           [e.value for e in checked])
            object.__setattr__(self, "disabled_audit_events", tuple(sorted(checked, key=lambda e: e.value)))
        if self.banner is not None and not isinstance(self.banner, BannerMessage):
            raise fail("ConfigurationSettings.banner", "a BannerMessage", self.banner)
        if self.cve_allowlist is not None and not isinstance(self.cve_allowlist, CveAllowlist):
            raise fail("ConfigurationSettings.cve_allowlist", "a CveAllowlist", self.cve_allowlist)

    def configurations(self) -> dict[str, Any]:
        """The declared keys, as PUT /configurations takes them."""
        values: dict[str, Any] = {}
        if self.project_creation is not None:
            values["project_creation_restriction"] = self.project_creation.value
        if self.robot_token_duration_days is not None:
            values["robot_token_duration"] = self.robot_token_duration_days
        if self.robot_name_prefix is not None:
            values["robot_name_prefix"] = self.robot_name_prefix
        if self.read_only is not None:
            values["read_only"] = self.read_only
        if self.audit_log_forward_endpoint is not None:
            values["audit_log_forward_endpoint"] = self.audit_log_forward_endpoint
        if self.disabled_audit_events is not None:
            values["disabled_audit_log_event_types"] = ",".join(e.value for e in self.disabled_audit_events)
        if self.session_timeout_minutes is not None:
            values["session_timeout"] = self.session_timeout_minutes
        if self.banner is not None:
            values["banner_message"] = self.banner.value()
        return values


# ---- the declaration's access part, checked as a whole ----------------------------------------------

def check_access(*, robots: Sequence[object], members: Sequence[object], authentication: object,
                 settings: object, projects: Sequence[DeclaredProject]) -> None:
    """Raise ValueError for what only the whole declaration shows: undeclared projects, duplicates, groups
    without a login that knows groups. Called by HarborConfiguration."""
    if authentication is not None and not isinstance(authentication, (OidcAuthentication, LdapAuthentication)):
        raise fail("HarborConfiguration.authentication", "an OidcAuthentication, an LdapAuthentication or None",
                   authentication)
    if not isinstance(settings, ConfigurationSettings):
        raise fail("HarborConfiguration.settings", "a ConfigurationSettings", settings)
    declared = {id(p) for p in projects}
    names = {p.name for p in projects}

    def check_project(field: str, project: DeclaredProject) -> None:
        if id(project) not in declared and project not in projects:
            raise fail(field, "one of HarborConfiguration.projects (the same object, declared there)",
                       project.name if project.name not in names else f"{project.name} (a different object)")

    stored: set[tuple[str, str]] = set()
    env_names: dict[str, str] = {}
    for robot in robots:
        if not isinstance(robot, (ProjectRobot, SystemRobot)):
            raise fail("HarborConfiguration.robots", "a sequence of ProjectRobot or SystemRobot", robot)
        for project in robot_projects(robot):
            check_project(f"HarborConfiguration.robots[{robot.stored_name!r}].project", project)
        if (robot.level, robot.stored_name) in stored:
            raise fail("HarborConfiguration.robots", "robots with distinct names", robot.stored_name)
        stored.add((robot.level, robot.stored_name))
        other = env_names.setdefault(robot.env_name, robot.stored_name)
        if other != robot.stored_name:
            raise fail("HarborConfiguration.robots", f"names that map to distinct variables ({other!r} also gives "
                                                     f"{robot.env_name})", robot.stored_name)
    seen: set[tuple[str, str, str]] = set()
    for member in members:
        if not isinstance(member, ProjectMember):
            raise fail("HarborConfiguration.members", "a sequence of ProjectMember", member)
        check_project(f"HarborConfiguration.members[{member.key[2]!r}].project", member.project)
        if member.key in seen:
            raise fail("HarborConfiguration.members", "one role per group or user and project", member.key)
        seen.add(member.key)
        if member.group is None:
            continue
        if isinstance(authentication, OidcAuthentication):
            if not authentication.groups_claim:
                raise fail("OidcAuthentication.groups_claim", f"set for group members such as {member.group!r} "
                                                              "(Harbor learns a user's groups from that claim)",
                           authentication.groups_claim)
        elif isinstance(authentication, LdapAuthentication):
            _check_dn("ProjectMember.group", member.group, empty=False)
            if not authentication.group_base_dn:
                raise fail("LdapAuthentication.group_base_dn", f"set for group members such as {member.group!r}",
                           authentication.group_base_dn)
        else:
            raise fail("ProjectMember.group", "used with HarborConfiguration.authentication set to an "
                                              "OidcAuthentication or LdapAuthentication (Harbor's own database "
                                              "login knows no groups)", member.group)


def robot_login_prefix(settings: ConfigurationSettings) -> str:
    """The prefix robots log in with once the declaration is applied."""
    return settings.robot_name_prefix if settings.robot_name_prefix is not None else DEFAULT_ROBOT_PREFIX


def access_credential_env(*, robots: Sequence[AnyRobot], authentication: AnyAuthentication | None
                          ) -> dict[str, SecretKeyRef]:
    """Environment variable -> handle, for every robot secret and authentication secret."""
    env = {robot.env_name: robot.secret for robot in robots}
    if authentication is not None:
        env.update({name: ref for ref, name, _ in authentication.from_env().values()})
    return env


def access_document(*, robots: Sequence[AnyRobot], members: Sequence[ProjectMember],
                    authentication: AnyAuthentication | None, settings: ConfigurationSettings) -> dict[str, Any]:
    """The access part of the Job's document: lists sorted, secrets by variable name only."""
    auth: dict[str, Any] | None = None
    if authentication is not None:
        auth = {"auth_mode": authentication.auth_mode, "settings": authentication.settings(),
                "from_env": {key: {"env": name, "write_only": write_only}
                             for key, (_, name, write_only) in sorted(authentication.from_env().items())}}
    group_type = (OIDC_GROUP_TYPE if isinstance(authentication, OidcAuthentication)
                  else LDAP_GROUP_TYPE if isinstance(authentication, LdapAuthentication) else None)
    return {
        "authentication": auth,
        "robot_name_prefix": robot_login_prefix(settings),
        "robots": [{"name": r.name, "stored_name": r.stored_name, "level": r.level,
                    "project": r.project.name if isinstance(r, ProjectRobot) else None,
                    "description": r.description, "duration": r.duration_days, "disabled": r.disabled,
                    "permissions": r.permission_document(), "secret_env": r.env_name}
                   for r in sorted(robots, key=lambda r: (r.level, r.stored_name))],
        "members": [{"project": m.project.name, "kind": m.key[1], "name": m.key[2], "role": m.role.value,
                     "role_id": m.role.role_id, "group_type": group_type if m.group is not None else None}
                    for m in sorted(members, key=lambda m: m.key)],
        "settings": {"configurations": settings.configurations(),
                     "cve_allowlist": settings.cve_allowlist.document() if settings.cve_allowlist else None},
    }
