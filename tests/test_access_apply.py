"""The applier's access kinds, run for real (a subprocess, standard library only) against the fake Harbor.

Authentication first, then projects, members and robots, system settings and read-only mode last: created
on the first run, nothing written on the second, drift repaired, rotations applied without reading a secret
back, owned objects pruned, and no secret ever in the output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import fake_harbor
import pytest

from constructs.harbor.configuration import (
    ALL_PROJECTS,
    PULL_PERMISSIONS,
    PUSH_PERMISSIONS,
    AuditEventType,
    BannerMessage,
    ConfigurationSettings,
    CveAllowlist,
    HarborConfiguration,
    LdapAuthentication,
    MemberRole,
    OidcAuthentication,
    Permission,
    Project,
    ProjectAccess,
    ProjectCreation,
    ProjectMember,
    ProjectRobot,
    ProxyCacheProject,
    RegistryEndpoint,
    RegistryType,
    SystemRobot,
)
from constructs.harbor.configuration._shipping import EXIT_CONFLICT, EXIT_HARBOR, EXIT_INPUT, EXIT_SKIPPED, applier_dir
from constructs.harbor.kit.handles import SecretKeyRef

fake_harbor.skip_module_unless_usable()

from fake_harbor import FakeHarbor

pytestmark = fake_harbor.MARKS

PYTHON = os.environ.get("HARBOR_CONFIG_TEST_PYTHON") or sys.executable
PULL_SECRET, CI_SECRET, CLIENT_SECRET = "Pull4lib-never-logged", "Ci9push-never-logged", "oidc-client-s3cret"
SECRETS = {"HARBOR_ROBOT_LIBRARY_PULL_SECRET": PULL_SECRET, "HARBOR_ROBOT_CI_SECRET": CI_SECRET,
           "HARBOR_OIDC_CLIENT_SECRET": CLIENT_SECRET}

LIBRARY = Project(name="library")
TEAM = Project(name="team")
PULLER = ProjectRobot(name="pull", project=LIBRARY, permissions=PULL_PERMISSIONS, description="kubelets",
                      secret=SecretKeyRef(secret="harbor-robots", key="library-pull"))
CI = SystemRobot(name="ci", secret=SecretKeyRef(secret="harbor-robots", key="ci"),
                 system_permissions=(Permission("project", "list"),),
                 projects=(ProjectAccess(project=LIBRARY, permissions=PUSH_PERMISSIONS),
                           ProjectAccess(project=ALL_PROJECTS, permissions=PULL_PERMISSIONS)))
OIDC = OidcAuthentication(name="Authentik", endpoint="https://auth.example.com/application/o/harbor/",
                          client_id="harbor", client_secret=SecretKeyRef(secret="harbor-oidc", key="client-secret"),
                          groups_claim="groups", admin_group="harbor-admins", auto_onboard=True)
DEVELOPERS = ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, group="developers")
SETTINGS = ConfigurationSettings(
    project_creation=ProjectCreation.ADMIN_ONLY, robot_token_duration_days=90, session_timeout_minutes=120,
    disabled_audit_events=(AuditEventType.PULL_ARTIFACT,), read_only=False,
    banner=BannerMessage(message="Harbor is managed by Git", starts=datetime(2026, 1, 1, tzinfo=UTC)),
    cve_allowlist=CveAllowlist(cve_ids=("CVE-2024-3094", "CVE-2023-44487")))
ACCESS = HarborConfiguration(projects=(LIBRARY, TEAM), robots=(PULLER, CI), authentication=OIDC,
                             members=(DEVELOPERS, ProjectMember(project=TEAM, role=MemberRole.MAINTAINER,
                                                                group="developers")),
                             settings=SETTINGS)


@dataclass
class Run:
    code: int
    out: str




@pytest.fixture
def apply(fake: FakeHarbor, tmp_path: Path):
    counter = iter(range(1_000))

    def run(config: HarborConfiguration = ACCESS, *, env: dict[str, str | None] | None = None) -> Run:
        document = tmp_path / f"declaration-{next(counter)}.json"
        document.write_text(config.to_json())
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HARBOR_URL": fake.url,
                       "HARBOR_ADMIN_PASSWORD": fake.password, "HARBOR_CONFIG_FILE": str(document),
                       "HARBOR_HEALTH_DEADLINE_SECONDS": "5", "HARBOR_HEALTH_INTERVAL_SECONDS": "0.05",
                       "HARBOR_RETRY_ATTEMPTS": "4", "HARBOR_RETRY_DELAY_SECONDS": "0.01",
                       "HARBOR_RETRY_MAX_DELAY_SECONDS": "0.05", "HARBOR_REQUEST_TIMEOUT_SECONDS": "5",
                       **SECRETS, **(env or {})}
        environment = {k: v for k, v in environment.items() if v is not None}
        done = subprocess.run([PYTHON, "-I", "-S", str(applier_dir())], env=environment, capture_output=True,
                              text=True, timeout=60)
        out = done.stdout + done.stderr
        for secret in (PULL_SECRET, CI_SECRET, CLIENT_SECRET, *environment.values()):
            if "secret" in secret.lower() or "never-logged" in secret:
                assert secret not in out, "a secret reached the job's output"
        return Run(done.returncode, out)

    return run


def lines(out: str, text: str) -> list[str]:
    return [line for line in out.splitlines() if text in line]


def robot_secrets_in_generated_output_are_absent(fake: FakeHarbor, out: str) -> None:
    """Harbor's own generated secrets (answered by POST /robots) never reach the log either."""
    for robot in fake.robots.values():
        assert robot["secret"] not in out


# ---- first and second run --------------------------------------------------------------------------------------

def test_first_run_applies_everything_and_the_second_writes_nothing(fake, apply):
    result = apply()
    assert result.code == 0, result.out
    # authentication
    assert fake.configurations["auth_mode"] == "oidc_auth"
    assert fake.configurations["oidc_endpoint"] == "https://auth.example.com/application/o/harbor/"
    assert fake.configurations["oidc_scope"] == "openid,profile,email,offline_access"
    assert fake.configurations["oidc_auto_onboard"] is True
    assert fake.passwords["oidc_client_secret"] == CLIENT_SECRET
    # robots: the declared secrets work, Harbor's generated ones do not
    assert fake.robot_login("robot$library+pull", PULL_SECRET)
    assert fake.robot_login("robot$ci", CI_SECRET)
    ci = fake.robot_named("robot$ci")
    library_id = fake.project("library")["project_id"]
    assert set(ci["permissions"]) == {("/system", "project", "list", "allow"),
                                      (f"/project/{library_id}", "repository", "pull", "allow"),
                                      (f"/project/{library_id}", "repository", "push", "allow"),
                                      ("/project/*", "repository", "pull", "allow")}
    assert fake.robot_named("robot$library+pull")["description"].startswith("kubelets [managed-by=harbor-gitops secret=")
    # members: an OIDC group, created by Harbor on first use, in both projects
    assert ("g", "developers", 2) in fake.member_entries("library")
    assert ("g", "developers", 4) in fake.member_entries("team")
    assert [g["group_type"] for g in fake.usergroups.values()] == [3]
    # system settings, the allowlist, and read-only mode left off
    assert fake.configurations["project_creation_restriction"] == "adminonly"
    assert fake.configurations["robot_token_duration"] == 90 and fake.configurations["session_timeout"] == 120
    assert fake.configurations["disabled_audit_log_event_types"] == "pull_artifact"
    assert json.loads(fake.configurations["banner_message"])["message"] == "Harbor is managed by Git"
    assert fake.system_allowlist == {"items": ["CVE-2024-3094", "CVE-2023-44487"], "expires_at": None}
    # authentication is the first change, before any project
    changes = [line for line in result.out.splitlines() if " INFO " in line and ("set " in line or "created" in line
                                                                                  or "added" in line)]
    assert "set authentication (oidc_auth)" in changes[0], changes
    assert lines(result.out, "oidc_client_secret (set)")
    robot_secrets_in_generated_output_are_absent(fake, result.out)

    fake.reset_counts()
    again = apply()
    assert again.code == 0, again.out
    assert fake.writes == []
    assert lines(again.out, "nothing changed")


def test_the_homelab_shape_pull_and_ci_robots_in_library(fake, apply):
    config = HarborConfiguration(projects=(LIBRARY,), robots=(PULLER, replace(CI, system_permissions=(), projects=(
        ProjectAccess(project=LIBRARY, permissions=PUSH_PERMISSIONS),))))
    assert apply(config).code == 0
    assert fake.configurations["auth_mode"] == "db_auth"       # no authentication declared: left alone
    assert fake.config_puts == []


# ---- drift and rotation ------------------------------------------------------------------------------------

def test_drift_is_repaired(fake, apply):
    assert apply().code == 0
    puller = fake.robot_named("robot$library+pull")
    puller["disabled"] = True
    puller["permissions"].append((puller["permissions"][0][0], "artifact", "delete", ""))
    fake.robot_named("robot$ci")["duration"] = 7
    fake.configurations["oidc_verify_cert"] = False
    fake.configurations["session_timeout"] = 30
    fake.configurations["disabled_audit_log_event_types"] = " Pull_Artifact "      # same, as Harbor reads it
    fake.system_allowlist["items"] = []
    library_members = fake.members[fake.project("library")["project_id"]]
    next(m for m in library_members.values() if m["entity_type"] == "g")["role_id"] = 3
    fake.reset_counts()

    result = apply()
    assert result.code == 0, result.out
    assert fake.robot_named("robot$library+pull")["disabled"] is False
    assert ("artifact", "delete") not in {p[1:3] for p in fake.robot_named("robot$library+pull")["permissions"]}
    assert fake.robot_named("robot$ci")["duration"] == -1
    assert fake.configurations["oidc_verify_cert"] is True and fake.configurations["session_timeout"] == 120
    assert fake.configurations["disabled_audit_log_event_types"] == " Pull_Artifact "
    assert fake.system_allowlist["items"] == ["CVE-2024-3094", "CVE-2023-44487"]
    assert ("g", "developers", 2) in fake.member_entries("library")
    assert lines(result.out, "updated robot robot$library+pull: enabled, permissions -library:artifact:delete")
    assert lines(result.out, "updated member group 'developers' in project library: role guest -> developer")
    # the secrets did not change: no PATCH
    assert not [w for w in fake.writes if w[0] == "PATCH"]
    fake.reset_counts()
    assert apply().code == 0 and fake.writes == []


def test_a_rotated_robot_secret_is_applied_without_reading_it_back(fake, apply):
    assert apply().code == 0
    fake.reset_counts()
    result = apply(env={"HARBOR_ROBOT_LIBRARY_PULL_SECRET": "Rotated7secret-value"})
    assert result.code == 0, result.out
    assert fake.robot_login("robot$library+pull", "Rotated7secret-value")
    assert not fake.robot_login("robot$library+pull", PULL_SECRET)
    assert fake.robot_login("robot$ci", CI_SECRET)
    puller_id = fake.robot_named("robot$library+pull")["id"]
    assert fake.writes == [("PATCH", f"/api/v2.0/robots/{puller_id}"), ("PUT", f"/api/v2.0/robots/{puller_id}")]
    assert lines(result.out, "updated robot robot$library+pull: secret rotated")
    assert "Rotated7secret-value" not in result.out
    fake.reset_counts()
    assert apply(env={"HARBOR_ROBOT_LIBRARY_PULL_SECRET": "Rotated7secret-value"}).code == 0 and fake.writes == []


def test_a_rotated_oidc_client_secret_is_sent_once(fake, apply):
    assert apply().code == 0
    fake.reset_counts()
    fake.config_puts.clear()
    result = apply(env={"HARBOR_OIDC_CLIENT_SECRET": "rotated-client-secret"})
    assert result.code == 0, result.out
    assert fake.passwords["oidc_client_secret"] == "rotated-client-secret"
    assert fake.config_puts == [{"oidc_client_secret": "rotated-client-secret"}]
    assert lines(result.out, "oidc_client_secret (rotated)")
    fake.reset_counts()
    assert apply(env={"HARBOR_OIDC_CLIENT_SECRET": "rotated-client-secret"}).code == 0 and fake.writes == []


def test_a_robot_made_by_hand_is_adopted_and_gets_the_declared_secret(fake, apply):
    body_robot = {"id": 999, "name": "library+pull", "project_id": fake.project("library")["project_id"],
                  "description": "clicked in the UI", "duration": 30, "expires_at": -1, "created": 0,
                  "disabled": False, "salt": "s", "secret": "x", "permissions": []}
    fake.robots[999] = body_robot
    result = apply()
    assert result.code == 0, result.out
    assert fake.robots[999]["description"].startswith("kubelets [managed-by=harbor-gitops secret=")
    assert fake.robot_login("robot$library+pull", PULL_SECRET)
    assert lines(result.out, "updated robot robot$library+pull: adopted")


def test_an_interrupted_creation_sets_the_secret_next_time(fake, apply):
    """The marker gets the secret's fingerprint only after PATCH: a run that stops in between repairs it."""
    assert apply().code == 0
    puller = fake.robot_named("robot$library+pull")
    puller["description"] = "kubelets [managed-by=harbor-gitops]"
    puller["secret"] = "whatever Harbor generated"
    result = apply()
    assert result.code == 0, result.out
    assert fake.robot_login("robot$library+pull", PULL_SECRET)
    assert lines(result.out, "updated robot robot$library+pull: secret set")


# ---- authentication ------------------------------------------------------------------------------------------

def test_the_auth_mode_lock_names_the_users_and_changes_nothing(fake, apply):
    for name in ("alice", "bob"):
        fake.add_user(name)
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "from 'db_auth' to 'oidc_auth'" in result.out
    assert "2 other user(s) exist: alice, bob" in result.out
    assert "Nothing was changed" in result.out
    assert fake.writes == []


def test_a_lock_harbor_reports_only_on_put_is_explained_too(fake, apply, monkeypatch):
    """A user created between GET and PUT: validateCfg's 400 becomes the same explanation."""
    original = fake.op_getConfigurations

    def editable_then_users(params, query):
        answer = original(params, query)
        answer.body["auth_mode"]["editable"] = True
        fake.add_user("carol")
        return answer

    monkeypatch.setattr(fake, "op_getConfigurations", editable_then_users)
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "other user(s) exist: carol" in result.out


# an LDAP login with groups, and the bind credentials the Job reads from its environment
LDAP = LdapAuthentication(url="ldaps://ldap.example.com", base_dn="ou=people,dc=example,dc=com",
                          search_dn=SecretKeyRef(secret="harbor-ldap", key="dn"),
                          search_password=SecretKeyRef(secret="harbor-ldap", key="password"),
                          group_base_dn="ou=groups,dc=example,dc=com", group_search_filter="(objectClass=group)",
                          group_attribute_name="cn", group_admin_dn="CN=Admins,ou=groups,dc=example,dc=com")
LDAP_ENV = {"HARBOR_LDAP_SEARCH_DN": "cn=harbor,dc=example,dc=com", "HARBOR_LDAP_SEARCH_PASSWORD": "bind-secret"}


def test_ldap_login_with_groups(fake, apply):
    dn = "CN=Developers,ou=groups,dc=example,dc=com"
    fake.ldap_groups = {dn.lower(): "developers"}
    config = HarborConfiguration(projects=(LIBRARY,), authentication=LDAP, members=(
        ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, group=dn),))
    result = apply(config, env=LDAP_ENV)
    assert result.code == 0, result.out
    assert fake.configurations["auth_mode"] == "ldap_auth"
    assert fake.configurations["ldap_search_dn"] == "cn=harbor,dc=example,dc=com"
    assert fake.passwords["ldap_search_password"] == "bind-secret"
    assert ("g", "developers", 2) in fake.member_entries("library")
    assert "bind-secret" not in result.out and "cn=harbor,dc=example,dc=com" not in result.out
    fake.reset_counts()
    # Harbor answers the admin DN lower-cased: still the same, nothing written
    assert apply(config, env=LDAP_ENV).code == 0 and fake.writes == []


def test_a_missing_secret_stops_before_any_call(fake, apply):
    result = apply(env={"HARBOR_OIDC_CLIENT_SECRET": None})
    assert result.code == EXIT_INPUT and "HARBOR_OIDC_CLIENT_SECRET" in result.out
    assert fake.requests == []


def test_a_robot_secret_harbor_would_refuse_stops_before_any_call(fake, apply):
    result = apply(env={"HARBOR_ROBOT_CI_SECRET": "alllowercase"})
    assert result.code == EXIT_INPUT, result.out
    assert "HARBOR_ROBOT_CI_SECRET" in result.out and "upper-case" in result.out and "alllowercase" not in result.out
    assert fake.requests == []


# ---- members ----------------------------------------------------------------------------------------------

def test_a_user_who_never_logged_in_is_left_for_a_later_run(fake, apply):
    config = replace(ACCESS, members=(DEVELOPERS, ProjectMember(project=LIBRARY, role=MemberRole.GUEST,
                                                                user="alice")))
    result = apply(config)
    assert result.code == EXIT_SKIPPED, result.out
    assert "member user 'alice' in project library" in result.out and "first login" in result.out
    assert ("g", "developers", 2) in fake.member_entries("library")      # the rest is applied
    fake.reset_counts()
    assert apply(config).code == EXIT_SKIPPED and fake.writes == []       # and nothing is tried in vain
    fake.add_user("alice")                                                # she logs in once
    result = apply(config)
    assert result.code == 0, result.out
    assert ("u", "alice", 3) in fake.member_entries("library")


def test_the_built_in_admin_becomes_a_member_though_harbor_never_lists_it(fake, apply):
    # GET /users leaves out user 1 (src/pkg/user/manager.go List); the member POST finds it by name
    assert apply(replace(ACCESS, members=())).code == 0
    fake.members[fake.project("library")["project_id"]] = {}   # made by another account: admin is no member
    config = replace(ACCESS, members=(ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, user="admin"),))
    result = apply(config)
    assert result.code == 0, result.out
    assert fake.member_entries("library") == [("u", "admin", 2)]


@pytest.mark.parametrize("name", ["jane+ci@example.com", "ops,team"])
def test_a_user_whose_name_harbors_query_syntax_would_change_is_found(fake, apply, name):
    # inside `q` Harbor unescapes the value once more ('+' -> ' ') and splits it at ','
    # (src/lib/q/builder.go): the lookup goes by `username=`, which the handler decodes once
    config = replace(ACCESS, members=(ProjectMember(project=LIBRARY, role=MemberRole.GUEST, user=name),))
    assert apply(config).code == EXIT_SKIPPED          # the login switches to OIDC; they have not logged in yet
    fake.add_user(name)                                # they log in once
    result = apply(config)
    assert result.code == 0, result.out
    assert ("u", name, 3) in fake.member_entries("library")


def test_an_ldap_group_the_directory_lacks_is_left_pending_and_the_rest_applied(fake, apply):
    # Harbor answers a bare 500 for a DN under the group base DN that the directory does not have
    # (src/pkg/ldap/ldap.go SearchGroupByDN): the member waits, robots and schedules still apply
    typo = "CN=Devlopers,ou=groups,dc=example,dc=com"
    config = replace(ACCESS, authentication=LDAP,
                     members=(ProjectMember(project=LIBRARY, role=MemberRole.DEVELOPER, group=typo),))
    result = apply(config, env=LDAP_ENV)
    assert result.code == EXIT_SKIPPED, result.out
    assert f"member group {typo!r} in project library" in result.out and "does not exist in the directory" in result.out
    assert fake.robots and fake.member_entries("library") == [("u", "admin", 1)]   # the rest is applied
    fake.ldap_groups = {typo.lower(): "devlopers"}                                 # the directory gets the group
    assert apply(config, env=LDAP_ENV).code == 0
    assert ("g", "devlopers", 2) in fake.member_entries("library")


def test_members_made_by_hand_are_never_touched(fake, apply):
    fake.configurations["auth_mode"] = "oidc_auth"      # OIDC is on, and bob has logged in
    bob = fake.add_user("bob")
    library_id = fake.project("library")["project_id"]
    fake._members_of(library_id)[500] = {"id": 500, "project_id": library_id, "entity_id": bob["user_id"],
                                         "entity_type": "u", "role_id": 3}
    assert apply(replace(ACCESS, prune=True)).code == 0
    assert apply(replace(ACCESS, prune=True, members=())).code == 0
    assert ("u", "bob", 3) in fake.member_entries("library") and ("u", "admin", 1) in fake.member_entries("library")


# ---- prune --------------------------------------------------------------------------------------------------

def test_prune_deletes_owned_robots_and_members_only(fake, apply):
    assert apply().code == 0
    kept = apply(replace(ACCESS, robots=(PULLER,), members=(DEVELOPERS,)))
    assert kept.code == 0
    assert fake.robot_named("robot$ci") is not None and lines(kept.out, "kept robot robot$ci")
    assert ("g", "developers", 4) in fake.member_entries("team") and lines(kept.out, "kept member developers")
    fake.add_group("made-by-hand", 3)
    fake.reset_counts()
    pruned = apply(replace(ACCESS, robots=(PULLER,), members=(DEVELOPERS,), prune=True))
    assert pruned.code == 0, pruned.out
    assert fake.robot_named("robot$ci") is None and fake.robot_named("robot$library+pull") is not None
    assert fake.member_entries("team") == [("u", "admin", 1)]
    assert ("g", "developers", 2) in fake.member_entries("library")
    assert lines(pruned.out, "deleted robot robot$ci") and lines(pruned.out, "deleted member developers of project team")
    fake.reset_counts()
    assert apply(replace(ACCESS, robots=(PULLER,), members=(DEVELOPERS,), prune=True)).code == 0
    assert fake.writes == []


def test_a_robot_made_by_hand_is_never_pruned(fake, apply):
    fake.robots[999] = {"id": 999, "name": "manual", "project_id": 0, "description": "mine", "duration": -1,
                        "expires_at": -1, "created": 0, "disabled": False, "salt": "s", "secret": "x",
                        "permissions": [("/system", "catalog", "read", "")]}
    assert apply(replace(ACCESS, prune=True)).code == 0
    assert 999 in fake.robots


# ---- read-only mode -----------------------------------------------------------------------------------------

def test_read_only_is_lifted_for_the_changes_and_set_again_last(fake, apply):
    config = replace(ACCESS, settings=replace(SETTINGS, read_only=True))
    fake.configurations["read_only"] = True
    result = apply(config)
    assert result.code == 0, result.out
    assert fake.configurations["read_only"] is True
    assert fake.robot_login("robot$library+pull", PULL_SECRET)
    assert lines(result.out, "lifted read-only mode")
    writes = fake.writes
    assert writes[-1] == ("PUT", "/api/v2.0/configurations") and fake.config_puts[-1] == {"read_only": True}
    fake.reset_counts()
    again = apply(config)
    assert again.code == 0 and fake.writes == [] and not lines(again.out, "lifted")


def test_read_only_not_declared_says_how_to_proceed(fake, apply):
    fake.configurations["read_only"] = True
    result = apply(replace(ACCESS, settings=ConfigurationSettings()))
    assert result.code == EXIT_HARBOR, result.out
    assert "Harbor is in read-only mode" in result.out and "ConfigurationSettings(read_only=" in result.out


# ---- settings that Harbor dials, and the robots' prefix ------------------------------------------------------

def test_an_unreachable_audit_endpoint_is_explained(fake, apply):
    fake.unreachable = {"syslog.lan"}
    config = replace(ACCESS, settings=ConfigurationSettings(audit_log_forward_endpoint="syslog.lan:514"))
    result = apply(config)
    assert result.code == EXIT_HARBOR, result.out
    assert "could not connect to audit_log_forward_endpoint 'syslog.lan:514'" in result.out
    fake.unreachable = set()
    assert apply(config).code == 0 and fake.configurations["audit_log_forward_endpoint"] == "syslog.lan:514"
    fake.reset_counts()
    assert apply(config).code == 0 and fake.writes == []       # sent only when it changes: no dial each run


def test_clearing_the_audit_endpoint_waits_while_harbor_logs_only_there(fake, apply):
    # Harbor refuses an empty endpoint, and the whole PUT with it, while skip_audit_log_database is on
    # (src/controller/config/controller.go verifyCfg); the declaration cannot switch that off
    fake.configurations.update(audit_log_forward_endpoint="syslog.lan:514", skip_audit_log_database=True)
    config = replace(ACCESS, settings=ConfigurationSettings(audit_log_forward_endpoint="", session_timeout_minutes=120))
    result = apply(config)
    assert result.code == EXIT_SKIPPED, result.out
    assert "audit_log_forward_endpoint ''" in result.out and "Skip Audit Log Database" in result.out
    assert fake.configurations["session_timeout"] == 120                           # the rest is applied
    assert fake.configurations["audit_log_forward_endpoint"] == "syslog.lan:514"
    fake.configurations["skip_audit_log_database"] = False                          # switched off in Harbor
    assert apply(config).code == 0 and fake.configurations["audit_log_forward_endpoint"] == ""


def test_a_forbidden_change_says_harbors_own_reason(fake, apply, monkeypatch):
    # a 403 is also how Harbor refuses settings locked by core's CONFIG_OVERWRITE_JSON (UpdateUserConfigs)
    from fake_harbor_errors import Refusal

    def locked(params, query):
        raise Refusal(403, "current config is init by env variable: CONFIG_OVERWRITE_JSON, it cannot be updated")

    monkeypatch.setattr(fake, "op_updateConfigurations", locked)
    result = apply(replace(ACCESS, settings=ConfigurationSettings(session_timeout_minutes=120)))
    assert result.code == EXIT_HARBOR, result.out
    assert "HTTP 403" in result.out and "CONFIG_OVERWRITE_JSON" in result.out


def test_a_prefix_changed_in_harbor_stops_robots_with_a_way_out(fake, apply):
    fake.configurations["robot_name_prefix"] = "bot-"
    result = apply()
    assert result.code == EXIT_CONFLICT, result.out
    assert "robot_name_prefix is 'bot-'" in result.out and "robot_name_prefix='bot-'" in result.out
    declared = replace(ACCESS, settings=replace(SETTINGS, robot_name_prefix="bot-"))
    assert apply(declared).code == 0
    assert fake.robot_login("bot-library+pull", PULL_SECRET)


def test_a_declared_prefix_renames_the_robots_last(fake, apply):
    assert apply().code == 0
    declared = replace(ACCESS, settings=replace(SETTINGS, robot_name_prefix="bot-"))
    result = apply(declared)
    assert result.code == 0, result.out
    assert fake.robot_login("bot-library+pull", PULL_SECRET) and not fake.robot_login("robot$library+pull",
                                                                                      PULL_SECRET)
    fake.reset_counts()
    assert apply(declared).code == 0 and fake.writes == []


# ---- Harbor failing, and what the robots depend on ----------------------------------------------------------

def test_server_errors_are_retried_during_robot_creation(fake, apply):
    assert apply(HarborConfiguration(projects=(LIBRARY,))).code == 0
    fake.fail_next(2)
    result = apply()
    assert result.code == 0, result.out
    assert fake.robot_login("robot$library+pull", PULL_SECRET) and lines(result.out, "retrying")


def test_a_robot_of_a_skipped_proxy_cache_waits(fake, apply):
    hub = RegistryEndpoint(name="mirror", type=RegistryType.DOCKER_REGISTRY, url="https://mirror.example.com")
    cache = ProxyCacheProject(name="mirror", endpoint=hub)
    robot = ProjectRobot(name="pull", project=cache, permissions=PULL_PERMISSIONS,
                         secret=SecretKeyRef(secret="harbor-robots", key="mirror-pull"))
    fake.unreachable = {"mirror.example.com"}
    result = apply(HarborConfiguration(endpoints=(hub,), projects=(cache,), robots=(robot,)),
                   env={"HARBOR_ROBOT_MIRROR_PULL_SECRET": "Mirror1pull-never-logged"})
    assert result.code == EXIT_SKIPPED, result.out
    assert "robot mirror+pull (its project mirror was skipped)" in result.out
    assert fake.robots == {}


def test_an_expired_robot_is_reported(fake, apply):
    """Harbor refuses an expired robot's logins (src/server/middleware/security/robot.go): the Job says so."""
    expiring = replace(PULLER, duration_days=30)
    config = replace(ACCESS, robots=(expiring, CI))
    assert apply(config).code == 0
    fake.robot_named("robot$library+pull")["expires_at"] = 1_700_000_000      # 2023-11-14
    result = apply(config)
    assert result.code == 0, result.out
    (warning,) = lines(result.out, "robot robot$library+pull expired on 2023-11-14")
    assert "raise duration_days" in warning
