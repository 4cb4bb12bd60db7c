"""Access as code, the declaration: robots, OIDC and LDAP login, members, system settings.

Bad input is refused where it enters, naming the field; the permission tables are Harbor's; the document
names environment variables, never values.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import fake_harbor_access
import pytest
import upstream
from fast_yaml import load_yaml
from support import refusal

from constructs.harbor.configuration import (
    ALL_PROJECTS,
    PROJECT_PERMISSIONS,
    PULL_PERMISSIONS,
    PUSH_PERMISSIONS,
    SYSTEM_PERMISSIONS,
    AuditEventType,
    BannerMessage,
    BannerType,
    ConfigurationSettings,
    CveAllowlist,
    HarborConfiguration,
    LdapAuthentication,
    LdapScope,
    MemberRole,
    OidcAuthentication,
    Permission,
    Project,
    ProjectAccess,
    ProjectCreation,
    ProjectMember,
    ProjectRobot,
    ProxyCacheProject,
    RbacAction,
    RbacResource,
    RegistryEndpoint,
    RegistryType,
    SystemRobot,
)
from constructs.harbor.configuration.applier import declaration, main
from constructs.harbor.kit.handles import SecretKeyRef

LIBRARY = Project(name="library")
HUB = RegistryEndpoint(name="dockerhub", type=RegistryType.DOCKER_HUB)
CACHE = ProxyCacheProject(name="dockerhub", endpoint=HUB, public=True)
PULL_SECRET = SecretKeyRef(secret="harbor-robots", key="library-pull")
CI_SECRET = SecretKeyRef(secret="harbor-robots", key="ci")
CLIENT_SECRET = SecretKeyRef(secret="harbor-oidc", key="client-secret")
BIND_PASSWORD = SecretKeyRef(secret="harbor-ldap", key="password")
PULLER = ProjectRobot(name="pull", project=LIBRARY, permissions=PULL_PERMISSIONS, secret=PULL_SECRET)
CI = SystemRobot(name="ci", secret=CI_SECRET, system_permissions=(Permission(RbacResource.PROJECT, RbacAction.LIST),),
                 projects=(ProjectAccess(project=LIBRARY, permissions=PUSH_PERMISSIONS),
                           ProjectAccess(project=ALL_PROJECTS, permissions=PULL_PERMISSIONS)))
OIDC = OidcAuthentication(name="Authentik", endpoint="https://auth.example.com/application/o/harbor/",
                          client_id="harbor", client_secret=CLIENT_SECRET, groups_claim="groups",
                          admin_group="harbor-admins")
LDAP = LdapAuthentication(url="ldaps://ldap.example.com", base_dn="ou=people,dc=example,dc=com",
                          search_dn="cn=harbor,dc=example,dc=com", search_password=BIND_PASSWORD,
                          group_base_dn="ou=groups,dc=example,dc=com", group_search_filter="(objectClass=groupOfNames)",
                          group_attribute_name="cn", group_admin_dn="CN=Admins,ou=groups,dc=example,dc=com")
START = datetime(2026, 1, 1, tzinfo=UTC)


def config(**fields) -> HarborConfiguration:
    base = dict(endpoints=(HUB,), projects=(LIBRARY, CACHE), robots=(PULLER, CI), authentication=OIDC,
                members=(ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, group="developers"),
                         ProjectMember(project=LIBRARY, role=MemberRole.GUEST, user="alice")))
    return HarborConfiguration(**{**base, **fields})


# ---- Harbor's RBAC, as src/common/rbac/const.go v2.15.1 lists it --------------------------------------------
# Written out here in Go's order (PoliciesMap, then NolimitProvider's extras), so that the tables of the
# library are checked against a second transcription in the shape of the source.

GO_SYSTEM = """
audit-log:list preheat-instance:read preheat-instance:create preheat-instance:delete preheat-instance:list
preheat-instance:update project:list project:create replication-policy:read replication-policy:create
replication-policy:delete replication-policy:list replication-policy:update replication:read replication:create
replication:list replication-adapter:list registry:read registry:create registry:delete registry:list registry:update
scan-all:read scan-all:update scan-all:stop scan-all:create system-volumes:read garbage-collection:read
garbage-collection:create garbage-collection:list garbage-collection:update garbage-collection:stop purge-audit:read
purge-audit:create purge-audit:list purge-audit:update purge-audit:stop jobservice-monitor:list jobservice-monitor:stop
scanner:read scanner:create scanner:delete scanner:list scanner:update label:read label:create label:delete
label:update security-hub:read security-hub:list catalog:read quota:read quota:list
robot:create robot:read robot:list robot:delete user:create user:read user:update user:list user:delete
ldap-user:create ldap-user:list quota:update user-group:create user-group:read user-group:update user-group:list
user-group:delete
"""
GO_PROJECT = """
log:list project:read project:delete project:update metadata:read metadata:create metadata:delete metadata:list
metadata:update repository:read repository:update repository:delete repository:list repository:pull repository:push
artifact:read artifact:create artifact:list artifact:delete scan:create scan:read scan:stop sbom:create sbom:stop
sbom:read tag:create tag:list tag:delete accessory:list artifact-addition:read artifact-label:create
artifact-label:delete scanner:create scanner:read preheat-policy:read preheat-policy:create preheat-policy:delete
preheat-policy:list preheat-policy:update immutable-tag:create immutable-tag:delete immutable-tag:list
immutable-tag:update notification-policy:read notification-policy:create notification-policy:delete
notification-policy:list notification-policy:update tag-retention:read tag-retention:create tag-retention:delete
tag-retention:list tag-retention:update label:read label:create label:delete label:list label:update quota:read
robot:create robot:read robot:list robot:delete export-cve:create export-cve:read member:create member:read
member:update member:list member:delete
"""


def go_pairs(text: str) -> set[tuple[str, str]]:
    return {tuple(word.split(":")) for word in text.split()}


def test_permission_tables_are_harbors():
    assert {(p.resource.value, p.action.value) for p in SYSTEM_PERMISSIONS} == go_pairs(GO_SYSTEM)
    assert {(p.resource.value, p.action.value) for p in PROJECT_PERMISSIONS} == go_pairs(GO_PROJECT)
    # the fake Harbor checks robots against its own copy: the three must agree
    assert fake_harbor_access.SYSTEM_PAIRS == go_pairs(GO_SYSTEM)
    assert fake_harbor_access.PROJECT_PAIRS == go_pairs(GO_PROJECT)


def test_every_enum_member_is_used_by_some_grantable_pair():
    used = SYSTEM_PERMISSIONS | PROJECT_PERMISSIONS
    assert {p.resource for p in used} == set(RbacResource)
    assert {p.action for p in used} == set(RbacAction)


def test_actions_are_among_those_the_api_definition_names():
    """The swagger's Access.action lists the actions Harbor's code has; robots use a subset."""
    swagger = upstream.path(upstream.SWAGGER_NAME)
    if swagger is None:
        pytest.skip(upstream.missing("Harbor's API definition"))
    text = load_yaml(swagger.read_text())["definitions"]["Access"]["properties"]["action"]["description"]
    named = set(re.findall(r"[a-z*-]+", text.split("are", 1)[1]))
    assert {a.value for a in RbacAction} <= named, named


def test_pull_and_push_are_what_the_token_service_checks():
    assert [str(p) for p in PULL_PERMISSIONS] == ["repository:pull"]
    assert sorted(str(p) for p in PUSH_PERMISSIONS) == ["repository:pull", "repository:push"]


# ---- bad input --------------------------------------------------------------------------------------------------

BAD = [
    # the list
    pytest.param(lambda: Permission("repository", "fly"), "Permission.action", id="unknown-action"),
    pytest.param(lambda: Permission("configuration", "read"), "Permission.resource", id="resource-robots-never-hold"),
    pytest.param(lambda: Permission(RbacResource.IMMUTABLE_TAG, RbacAction.READ), "Permission",
                 id="pair-harbor-does-not-grant"),
    pytest.param(lambda: ProjectRobot(name="pull", project=LIBRARY, secret=PULL_SECRET,
                                      permissions=(Permission(RbacResource.GARBAGE_COLLECTION, RbacAction.READ),)),
                 "ProjectRobot.permissions", id="system-permission-on-project-robot"),
    pytest.param(lambda: SystemRobot(name="ci", secret=CI_SECRET, system_permissions=PULL_PERMISSIONS),
                 "SystemRobot.system_permissions", id="project-permission-at-system-level"),
    pytest.param(lambda: replace(PULLER, name="Pull"), "ProjectRobot.name", id="robot-name-upper-case"),
    pytest.param(lambda: replace(PULLER, name="library+pull"), "ProjectRobot.name", id="robot-name-with-plus"),
    pytest.param(lambda: replace(PULLER, name="robot$pull"), "ProjectRobot.name", id="robot-name-with-dollar"),
    pytest.param(lambda: replace(PULLER, name="pull-"), "ProjectRobot.name", id="robot-name-trailing-separator"),
    pytest.param(lambda: replace(CI, name="c__i"), "SystemRobot.name", id="robot-name-double-separator"),
    pytest.param(lambda: replace(PULLER, project=Project(name="p" * 250), name="pull123"), "ProjectRobot.name",
                 id="robot-stored-name-over-255"),
    pytest.param(lambda: replace(PULLER, duration_days=0), "ProjectRobot.duration_days", id="duration-zero"),
    pytest.param(lambda: replace(CI, duration_days=-2), "SystemRobot.duration_days", id="duration-below-minus-one"),
    pytest.param(lambda: replace(PULLER, duration_days=2**31 - 1), "ProjectRobot.duration_days",
                 id="duration-int32-max"),
    pytest.param(lambda: replace(OIDC, endpoint="http://auth.example.com"), "OidcAuthentication.endpoint",
                 id="oidc-endpoint-http"),
    pytest.param(lambda: replace(OIDC, endpoint="auth.example.com"), "OidcAuthentication.endpoint",
                 id="oidc-endpoint-without-scheme"),
    pytest.param(lambda: ProjectMember(project=LIBRARY, role=MemberRole.GUEST, group=""), "ProjectMember.group",
                 id="empty-group-name"),
    pytest.param(lambda: ProjectMember(project=LIBRARY, role=MemberRole.GUEST, group="  "), "ProjectMember.group",
                 id="blank-group-name"),
    pytest.param(lambda: ProjectMember(project=LIBRARY, role="owner", group="devs"), "ProjectMember.role",
                 id="role-not-harbors"),
    pytest.param(lambda: ProjectMember(project=LIBRARY, role=6, group="devs"), "ProjectMember.role",
                 id="role-as-number"),
    pytest.param(lambda: config(projects=(CACHE,), endpoints=(HUB,)), "HarborConfiguration.robots['library+pull']",
                 id="robot-of-undeclared-project"),
    pytest.param(lambda: config(projects=(CACHE, Project(name="library", public=True))),
                 "HarborConfiguration.robots['library+pull']", id="robot-of-a-different-project-object"),
    pytest.param(lambda: config(robots=(replace(CI, projects=(ProjectAccess(project=Project(name="other"),
                                                                            permissions=PULL_PERMISSIONS),)),)),
                 "HarborConfiguration.robots['ci']", id="system-robot-with-undeclared-project"),
    # more of Harbor's rules
    pytest.param(lambda: ProjectRobot(name="pull", project="library", permissions=PULL_PERMISSIONS,
                                      secret=PULL_SECRET), "ProjectRobot.project", id="project-by-name"),
    pytest.param(lambda: replace(PULLER, permissions=()), "ProjectRobot.permissions", id="no-permissions"),
    pytest.param(lambda: replace(PULLER, permissions=PULL_PERMISSIONS * 2), "ProjectRobot.permissions",
                 id="duplicate-permissions"),
    pytest.param(lambda: replace(PULLER, secret="Secret123"), "ProjectRobot.secret", id="secret-as-text"),
    pytest.param(lambda: replace(PULLER, description="mine [managed-by=me]"), "ProjectRobot.description",
                 id="description-with-marker"),
    pytest.param(lambda: replace(PULLER, description="x" * 1000), "ProjectRobot.description",
                 id="description-too-long"),
    pytest.param(lambda: replace(PULLER, disabled="no"), "ProjectRobot.disabled", id="disabled-not-bool"),
    pytest.param(lambda: SystemRobot(name="ci", secret=CI_SECRET), "SystemRobot.system_permissions",
                 id="system-robot-without-permissions"),
    pytest.param(lambda: replace(CI, projects=(ProjectAccess(project=LIBRARY, permissions=PULL_PERMISSIONS),
                                               ProjectAccess(project=LIBRARY, permissions=PUSH_PERMISSIONS))),
                 "SystemRobot.projects", id="one-project-twice"),
    pytest.param(lambda: config(robots=(PULLER, replace(PULLER, permissions=PUSH_PERMISSIONS))),
                 "HarborConfiguration.robots", id="duplicate-robot"),
    pytest.param(lambda: config(robots=(PULLER, replace(CI, name="library-pull"))), "HarborConfiguration.robots",
                 id="robots-sharing-a-variable"),
    pytest.param(lambda: replace(OIDC, endpoint="https://auth.example.com/?x=1"), "OidcAuthentication.endpoint",
                 id="oidc-endpoint-with-query"),
    pytest.param(lambda: replace(OIDC, name=""), "OidcAuthentication.name", id="oidc-without-name"),
    pytest.param(lambda: replace(OIDC, client_id=""), "OidcAuthentication.client_id", id="oidc-without-client-id"),
    pytest.param(lambda: replace(OIDC, client_secret="s3cret"), "OidcAuthentication.client_secret",
                 id="oidc-secret-as-text"),
    pytest.param(lambda: replace(OIDC, scopes=("profile", "email")), "OidcAuthentication.scopes",
                 id="oidc-scopes-without-openid"),
    pytest.param(lambda: replace(OIDC, scopes=("openid", "a,b")), "OidcAuthentication.scopes",
                 id="oidc-scope-with-comma"),
    pytest.param(lambda: replace(OIDC, group_filter="(unclosed"), "OidcAuthentication.group_filter",
                 id="oidc-group-filter-not-a-regex"),
    pytest.param(lambda: replace(OIDC, groups_claim=""), "OidcAuthentication.groups_claim",
                 id="oidc-admin-group-without-groups-claim"),
    pytest.param(lambda: config(authentication=replace(OIDC, groups_claim="", admin_group="")),
                 "OidcAuthentication.groups_claim", id="oidc-group-member-without-groups-claim"),
    pytest.param(lambda: replace(LDAP, url="https://ldap.example.com"), "LdapAuthentication.url",
                 id="ldap-url-not-ldap"),
    pytest.param(lambda: replace(LDAP, base_dn=""), "LdapAuthentication.base_dn", id="ldap-empty-base-dn"),
    pytest.param(lambda: replace(LDAP, uid=""), "LdapAuthentication.uid", id="ldap-empty-uid"),
    pytest.param(lambda: replace(LDAP, search_password=None), "LdapAuthentication.search_password",
                 id="ldap-search-dn-without-password"),
    pytest.param(lambda: replace(LDAP, search_dn=""), "LdapAuthentication.search_dn",
                 id="ldap-password-without-search-dn"),
    pytest.param(lambda: replace(LDAP, scope=3), "LdapAuthentication.scope", id="ldap-scope-3"),
    pytest.param(lambda: replace(LDAP, filter="objectClass=person"), "LdapAuthentication.filter",
                 id="ldap-filter-without-parentheses"),
    pytest.param(lambda: replace(LDAP, group_attribute_name=""), "LdapAuthentication.group_attribute_name",
                 id="ldap-group-filter-without-name-attribute"),
    pytest.param(lambda: config(authentication=LDAP, members=(ProjectMember(project=LIBRARY, role=MemberRole.GUEST,
                                                                            group="developers"),)),
                 "ProjectMember.group", id="ldap-group-member-not-a-dn"),
    pytest.param(lambda: config(authentication=None), "ProjectMember.group", id="group-member-without-login"),
    pytest.param(lambda: config(members=(ProjectMember(project=Project(name="other"), role=MemberRole.GUEST,
                                                       user="alice"),)),
                 "HarborConfiguration.members['alice'].project", id="member-of-undeclared-project"),
    pytest.param(lambda: config(members=(ProjectMember(project=LIBRARY, role=MemberRole.GUEST, user="alice"),
                                         ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, user="alice"))),
                 "HarborConfiguration.members", id="member-twice"),
    pytest.param(lambda: ProjectMember(project=LIBRARY, role=MemberRole.GUEST, group="devs", user="alice"),
                 "ProjectMember.group", id="member-group-and-user"),
    pytest.param(lambda: config(authentication="oidc"), "HarborConfiguration.authentication",
                 id="authentication-as-text"),
    pytest.param(lambda: ConfigurationSettings(project_creation="admins"), "ConfigurationSettings.project_creation",
                 id="project-creation-unknown"),
    pytest.param(lambda: ConfigurationSettings(robot_token_duration_days=0),
                 "ConfigurationSettings.robot_token_duration_days", id="token-duration-zero"),
    pytest.param(lambda: ConfigurationSettings(session_timeout_minutes=10**10),
                 "ConfigurationSettings.session_timeout_minutes", id="session-timeout-over-ten-digits"),
    pytest.param(lambda: ConfigurationSettings(robot_name_prefix="bot:"), "ConfigurationSettings.robot_name_prefix",
                 id="prefix-with-colon"),
    pytest.param(lambda: ConfigurationSettings(robot_name_prefix=""), "ConfigurationSettings.robot_name_prefix",
                 id="prefix-empty"),
    pytest.param(lambda: ConfigurationSettings(read_only="yes"), "ConfigurationSettings.read_only",
                 id="read-only-not-bool"),
    pytest.param(lambda: ConfigurationSettings(audit_log_forward_endpoint="syslog.lan"),
                 "ConfigurationSettings.audit_log_forward_endpoint", id="audit-endpoint-without-port"),
    pytest.param(lambda: ConfigurationSettings(audit_log_forward_endpoint="syslog.lan:70000"),
                 "ConfigurationSettings.audit_log_forward_endpoint", id="audit-endpoint-port-out-of-range"),
    pytest.param(lambda: ConfigurationSettings(disabled_audit_events=("pull_image",)),
                 "ConfigurationSettings.disabled_audit_events", id="unknown-audit-event"),
    pytest.param(lambda: ConfigurationSettings(disabled_audit_events="pull_artifact"),
                 "ConfigurationSettings.disabled_audit_events", id="audit-events-as-text"),
    pytest.param(lambda: BannerMessage(message="maintenance tonight"), "BannerMessage.starts",
                 id="banner-without-dates"),
    pytest.param(lambda: BannerMessage(message="x", starts=datetime(2026, 1, 1)), "BannerMessage.starts",
                 id="banner-naive-date"),
    pytest.param(lambda: BannerMessage(message="x", starts=START, ends=START), "BannerMessage.ends",
                 id="banner-ends-before-it-starts"),
    pytest.param(lambda: BannerMessage(message="x", starts=START, type="loud"), "BannerMessage.type",
                 id="banner-type-unknown"),
    pytest.param(lambda: CveAllowlist(cve_ids=("CVE-2024-3094", "CVE-2024-3094")), "CveAllowlist.cve_ids",
                 id="allowlist-duplicate"),
    pytest.param(lambda: CveAllowlist(cve_ids=("",)), "CveAllowlist.cve_ids", id="allowlist-empty-id"),
    pytest.param(lambda: CveAllowlist(cve_ids=("CVE 2024",)), "CveAllowlist.cve_ids", id="allowlist-id-with-space"),
    pytest.param(lambda: CveAllowlist(expires_at=datetime(2027, 1, 1)), "CveAllowlist.expires_at",
                 id="allowlist-naive-expiry"),
    pytest.param(lambda: config(settings=None), "HarborConfiguration.settings", id="settings-none"),
]


@pytest.mark.parametrize("build, field", BAD)
def test_bad_input_names_the_field(build, field):
    message = refusal(build, field)
    assert " must be " in message and ", got " in message


def test_an_unknown_permission_says_what_harbor_allows():
    message = refusal(lambda: Permission("repository", "fly"), "Permission.action")
    assert "'fly'" in message
    message = refusal(lambda: Permission(RbacResource.IMMUTABLE_TAG, RbacAction.READ), "Permission")
    assert "immutable-tag:read" in message and "create, delete, list, update" in message


def test_a_refused_robot_name_quotes_harbors_rule():
    assert "src/server/v2.0/handler/robot.go" in refusal(lambda: replace(PULLER, name="Pull"), "ProjectRobot.name")


# ---- good input -------------------------------------------------------------------------------------------------

def test_robot_names_as_harbor_stores_and_shows_them():
    assert PULLER.stored_name == "library+pull" and PULLER.login_name() == "robot$library+pull"
    assert CI.stored_name == "ci" and CI.login_name("bot-") == "bot-ci"
    assert PULLER.env_name == "HARBOR_ROBOT_LIBRARY_PULL_SECRET" and CI.env_name == "HARBOR_ROBOT_CI_SECRET"


def test_permissions_accept_their_string_values():
    assert Permission("repository", "pull") == Permission(RbacResource.REPOSITORY, RbacAction.PULL)
    assert ProjectMember(project=LIBRARY, role="limitedGuest", user="bob").role is MemberRole.LIMITED_GUEST


@pytest.mark.parametrize("duration", [-1, 1, 30, 2**31 - 2])
def test_durations_harbor_takes(duration):
    assert replace(PULLER, duration_days=duration).duration_days == duration


def test_role_ids_are_harbors():
    """src/common/const.go: RoleProjectAdmin 1, RoleDeveloper 2, RoleGuest 3, RoleMaintainer 4, RoleLimitedGuest 5."""
    assert {r.value: r.role_id for r in MemberRole} == {"projectAdmin": 1, "developer": 2, "guest": 3,
                                                       "maintainer": 4, "limitedGuest": 5}
    assert {r.role_id: r.value for r in MemberRole} == fake_harbor_access.ROLES


def test_audit_event_types_are_harbors():
    """EventTypes, src/pkg/auditext/model/model.go, and OTHER, the purge's shorthand for every type but the
    artifact ones (permitEventTypes, src/pkg/auditext/dao/dao.go), which settings refuse."""
    assert [e.value for e in AuditEventType] == [
        "create_artifact", "delete_artifact", "pull_artifact", "create_project", "delete_project",
        "delete_repository", "login_user", "logout_user", "create_user", "delete_user", "update_user",
        "create_robot", "delete_robot", "update_configuration", "other"]
    with pytest.raises(ValueError, match=r"ConfigurationSettings\.disabled_audit_events must be event types Harbor"):
        ConfigurationSettings(disabled_audit_events=(AuditEventType.OTHER,))


def test_banner_is_the_json_harbors_ui_writes():
    banner = BannerMessage(message="Maintenance at 22:00", type=BannerType.WARNING, closable=False,
                           starts=datetime(2026, 3, 1, 12, tzinfo=timezone(timedelta(hours=2))))
    assert json.loads(banner.value()) == {"message": "Maintenance at 22:00", "closable": False, "type": "warning",
                                          "fromDate": "2026-03-01T10:00:00.000Z"}
    assert BannerMessage().value() == ""


def test_ldap_admin_dn_is_declared_lower_case_as_harbor_stores_it():
    assert LDAP.settings()["ldap_group_admin_dn"] == "cn=admins,ou=groups,dc=example,dc=com"
    assert LDAP.settings()["ldap_scope"] == 2 and replace(LDAP, scope=LdapScope.ONE_LEVEL).settings()["ldap_scope"] == 1


# ---- the document -------------------------------------------------------------------------------------------------

def test_document_names_variables_never_values():
    text = config(authentication=LDAP, members=()).to_json()
    for word in ("harbor-robots", "library-pull", "harbor-ldap", "password"):
        assert word not in text.replace("ldap_search_password", ""), word
    document = json.loads(text)
    assert document["authentication"]["from_env"] == {
        "ldap_search_password": {"env": "HARBOR_LDAP_SEARCH_PASSWORD", "write_only": True}}
    assert document["authentication"]["settings"]["ldap_search_dn"] == "cn=harbor,dc=example,dc=com"
    assert {r["stored_name"]: r["secret_env"] for r in document["robots"]} == {
        "library+pull": "HARBOR_ROBOT_LIBRARY_PULL_SECRET", "ci": "HARBOR_ROBOT_CI_SECRET"}


def test_a_search_dn_from_openbao_is_read_from_the_environment():
    ldap = replace(LDAP, search_dn=SecretKeyRef(secret="harbor-ldap", key="dn"))
    document = json.loads(config(authentication=ldap, members=()).to_json())["authentication"]
    assert "ldap_search_dn" not in document["settings"]
    assert document["from_env"]["ldap_search_dn"] == {"env": "HARBOR_LDAP_SEARCH_DN", "write_only": False}


def test_document_content():
    document = json.loads(config(settings=ConfigurationSettings(
        project_creation=ProjectCreation.ADMIN_ONLY, read_only=False, robot_name_prefix="bot-",
        disabled_audit_events=(AuditEventType.PULL_ARTIFACT, AuditEventType.CREATE_ARTIFACT),
        cve_allowlist=CveAllowlist(cve_ids=("CVE-2024-3094",), expires_at=START))).to_json())
    assert document["robot_name_prefix"] == "bot-"
    assert document["robots"][0] == {
        "name": "pull", "stored_name": "library+pull", "level": "project", "project": "library", "description": "",
        "duration": -1, "disabled": False, "secret_env": "HARBOR_ROBOT_LIBRARY_PULL_SECRET",
        "permissions": [{"kind": "project", "namespace": "library",
                         "access": [{"resource": "repository", "action": "pull"}]}]}
    assert document["robots"][1]["permissions"] == [
        {"kind": "system", "namespace": "/", "access": [{"resource": "project", "action": "list"}]},
        {"kind": "project", "namespace": "*", "access": [{"resource": "repository", "action": "pull"}]},
        {"kind": "project", "namespace": "library", "access": [{"resource": "repository", "action": "pull"},
                                                               {"resource": "repository", "action": "push"}]}]
    assert document["members"] == [
        {"project": "library", "kind": "group", "name": "developers", "role": "developer", "role_id": 2,
         "group_type": 3},
        {"project": "library", "kind": "user", "name": "alice", "role": "guest", "role_id": 3, "group_type": None}]
    assert document["settings"] == {
        "configurations": {"project_creation_restriction": "adminonly", "read_only": False,
                           "robot_name_prefix": "bot-",
                           "disabled_audit_log_event_types": "create_artifact,pull_artifact"},
        "cve_allowlist": {"items": ["CVE-2024-3094"], "expires_at": 1767225600}}
    assert document["authentication"]["auth_mode"] == "oidc_auth"
    assert document["authentication"]["settings"]["oidc_scope"] == "openid,profile,email,offline_access"


def test_nothing_declared_leaves_harbor_alone():
    document = json.loads(HarborConfiguration().to_json())
    assert document["authentication"] is None and document["robots"] == [] and document["members"] == []
    assert document["settings"] == {"configurations": {}, "cve_allowlist": None}


def test_credential_env_covers_robots_and_login_secrets():
    env = config().credential_env
    assert env == {"HARBOR_OIDC_CLIENT_SECRET": CLIENT_SECRET, "HARBOR_ROBOT_CI_SECRET": CI_SECRET,
                   "HARBOR_ROBOT_LIBRARY_PULL_SECRET": PULL_SECRET}
    assert [e.name for e in config().credential_env_vars()] == sorted(env)


def test_the_applier_accepts_the_document_the_model_writes(tmp_path):
    path = tmp_path / "declaration.json"
    path.write_text(config(authentication=OIDC, settings=ConfigurationSettings(
        banner=BannerMessage(message="hello", starts=START), cve_allowlist=CveAllowlist())).to_json())
    assert declaration.load_declaration(str(path), main.KINDS) == json.loads(path.read_text())
