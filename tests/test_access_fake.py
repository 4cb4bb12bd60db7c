"""The fake Harbor's access part behaves as Harbor's Go handlers do, where the applier depends on it.

Each test names the Harbor v2.15.1 source it follows; every exchange is still validated against Harbor's API
definition (with the answers the Go code adds, fake_harbor_access.follow_access_handlers), and each test ends
with no violation.
"""

from __future__ import annotations

import base64
import http.cookiejar
import json
import urllib.error
import urllib.request

import fake_harbor
import pytest

fake_harbor.skip_module_unless_usable()

from fake_harbor import FakeHarbor

pytestmark = fake_harbor.MARKS

BY_NAME = {"X-Is-Resource-Name": "true"}
PULL = [{"kind": "project", "namespace": "library", "access": [{"resource": "repository", "action": "pull"}]}]


def exchange(fake: FakeHarbor, method: str, path: str, body: object = None, *, user: str | None = None,
             password: str | None = None, headers: dict | None = None,
             opener: urllib.request.OpenerDirector | None = None) -> tuple[int, object]:
    token = base64.b64encode(f"{user or fake.user}:{password or fake.password}".encode()).decode()
    request = urllib.request.Request(fake.url + "/api/v2.0" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Basic {token}", "Content-Type": "application/json",
                                              **(headers or {})})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=5) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    return status, json.loads(raw) if raw.strip() else None


def error(answer: object) -> tuple[str, str]:
    assert isinstance(answer, dict) and answer.get("errors"), answer
    return answer["errors"][0]["code"], answer["errors"][0]["message"]


def create_robot(fake: FakeHarbor, **fields) -> tuple[int, object]:
    body = {"name": "pull", "level": "project", "duration": -1, "permissions": PULL, **fields}
    return exchange(fake, "POST", "/robots", body)


# ---- middlewares -----------------------------------------------------------------------------------------------

def test_a_client_that_keeps_the_session_cookie_fails_csrf_on_writes(fake):
    """csrfSkipper (src/server/middleware/csrf/csrf.go): /api/ skips CSRF only without the `sid` cookie."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    assert exchange(fake, "GET", "/configurations", opener=opener)[0] == 200      # Harbor sets `sid` here
    status, answer = exchange(fake, "PUT", "/configurations", {"read_only": True}, opener=opener)
    assert status == 403 and error(answer) == ("FORBIDDEN", "CSRF token not found in request")
    assert fake.configurations["read_only"] is False
    # without the cookie (what the applier does: urllib keeps none) the same write passes
    assert exchange(fake, "PUT", "/configurations", {"read_only": True})[0] == 200


def test_read_only_mode_refuses_every_write_but_the_configuration(fake):
    """src/server/middleware/readonly/readonly.go, readonlySkippers in src/core/middlewares/middlewares.go."""
    fake.configurations["read_only"] = True
    status, answer = create_robot(fake)
    assert status == 403 and error(answer) == ("DENIED", "The system is in read only mode. Any modification is "
                                                          "prohibited.")
    assert exchange(fake, "GET", "/robots")[0] == 200
    assert exchange(fake, "PUT", "/configurations", {"read_only": False})[0] == 200
    assert create_robot(fake)[0] == 201


# ---- configurations --------------------------------------------------------------------------------------------

def test_get_hides_write_only_secrets(fake):
    """ConvertForGet drops PasswordType items (src/controller/config/controller.go)."""
    assert exchange(fake, "PUT", "/configurations", {"oidc_client_secret": "s3cret", "oidc_name": "Auth"})[0] == 200
    _, answer = exchange(fake, "GET", "/configurations")
    assert "oidc_client_secret" not in answer and "ldap_search_password" not in answer
    assert answer["oidc_name"] == {"value": "Auth", "editable": True}
    assert fake.passwords["oidc_client_secret"] == "s3cret"


def test_the_auth_mode_locks_once_a_user_exists(fake):
    """authModeCanBeModified counts users but the admin (id 1): GET says not editable, PUT answers 400."""
    fake.add_user("alice")
    _, answer = exchange(fake, "GET", "/configurations")
    assert answer["auth_mode"] == {"value": "db_auth", "editable": False}
    status, answer = exchange(fake, "PUT", "/configurations", {"auth_mode": "oidc_auth"})
    assert status == 400 and error(answer)[1] == ("the auth mode cannot be modified as new users have been inserted "
                                                  "into database")
    # the same mode is always accepted
    assert exchange(fake, "PUT", "/configurations", {"auth_mode": "db_auth"})[0] == 200


@pytest.mark.parametrize("body, message", [
    ({"auth_mode": "saml_auth"}, "bad request: item name auth_mode: invalid auth_mode, shoud be one of db_auth, "
                                 "ldap_auth, uaa_auth, http_auth, oidc_auth"),
    ({"ldap_url": " "}, "bad request: item name ldap_url: the configure value can not be empty"),
    ({"ldap_scope": 3}, "bad request: item name ldap_scope: invalid scope, should be 0, 1 or 2"),
    ({"ldap_group_search_filter": "(objectClass=group)"}, "bad request: ldap group name attribute can not be empty"),
    ({"skip_audit_log_database": True}, "bad request: audit log forward endpoint should be configured before enable "
                                        "skip audit log in database"),
    ({"session_timeout": 0}, "the session_timeout value must be positive"),
    ({"robot_token_duration": 10**10}, "the robot_token_duration value is over the limit value: 9999999999"),
])
def test_configuration_validators_are_harbors(fake, body, message):
    """validateCfg and metadata's type validators (src/controller/config/controller.go, src/lib/config/metadata)."""
    status, answer = exchange(fake, "PUT", "/configurations", body)
    assert status == 400 and error(answer)[1] == message


def test_an_unreachable_audit_endpoint_refuses_the_whole_change(fake):
    """updateLogEndpoint dials it; a failed dial is a 400 and the transaction rolls the write back."""
    fake.unreachable = {"syslog.lan"}
    status, answer = exchange(fake, "PUT", "/configurations", {"audit_log_forward_endpoint": "syslog.lan:514",
                                                               "session_timeout": 90})
    assert status == 400 and "could not connect to the audit endpoint: syslog.lan:514" in error(answer)[1]
    assert fake.configurations["session_timeout"] == 60 and fake.configurations["audit_log_forward_endpoint"] == ""


def test_the_ldap_admin_group_is_stored_lower_case(fake):
    """src/pkg/config/db/dao/dao.go TrimLower's ldap_group_admin_dn."""
    assert exchange(fake, "PUT", "/configurations", {"ldap_group_admin_dn": " CN=Admins,DC=Example "})[0] == 200
    assert fake.configurations["ldap_group_admin_dn"] == "cn=admins,dc=example"


# ---- robots ----------------------------------------------------------------------------------------------------

def test_create_ignores_secret_and_disable_and_answers_a_generated_secret(fake):
    """CreateRobot never reads `secret` or `disable` (src/server/v2.0/handler/robot.go)."""
    status, answer = create_robot(fake, secret="Chosen123secret", disable=True)
    assert status == 201 and answer["name"] == "robot$library+pull" and answer["secret"] != "Chosen123secret"
    robot = fake.robot_named("robot$library+pull")
    assert robot["name"] == "library+pull" and robot["disabled"] is False
    assert fake.robot_login("robot$library+pull", answer["secret"])
    assert not fake.robot_login("robot$library+pull", "Chosen123secret")


@pytest.mark.parametrize("fields, message", [
    ({"name": "Pull"}, "robot name is not in lower case or contains illegal characters"),
    ({"name": "library+pull"}, "robot name is not in lower case or contains illegal characters"),
    ({"duration": 0}, "bad request error duration input: 0, duration must be either -1(Never) or a positive integer"),
    ({"permissions": []}, "bad request empty permission"),
    ({"permissions": PULL * 2}, "bad request permission"),
    ({"permissions": [{"kind": "project", "namespace": "library", "access": [{"resource": "immutable-tag",
                                                                               "action": "read"}]}]},
     "bad request permission: immutable-tag:read"),
    ({"level": "global"}, "bad request error level input: global"),
])
def test_create_validates_as_harbor_does(fake, fields, message):
    status, answer = create_robot(fake, **fields)
    assert status == 400 and error(answer)[1] == message


def test_a_duplicate_robot_is_a_conflict(fake):
    """The robot table is unique on (name, project_id): 409, which the API definition does not list."""
    assert create_robot(fake)[0] == 201
    status, answer = create_robot(fake)
    project_id = fake.project("library")["project_id"]
    assert status == 409 and error(answer)[1].startswith(f"robot account {project_id}:library+pull already exists")


def test_update_wants_the_full_name_level_and_permissions(fake):
    """updateV2Robot: name with prefix and level unchanged, permissions validated as on create."""
    _, created = create_robot(fake)
    robot_id = created["id"]
    body = {"name": "pull", "level": "project", "duration": -1, "permissions": PULL}
    status, answer = exchange(fake, "PUT", f"/robots/{robot_id}", body)
    assert status == 400 and error(answer)[1] == "bad request: cannot update the level or name of robot"
    status, answer = exchange(fake, "PUT", f"/robots/{robot_id}", {**body, "name": "robot$library+pull",
                                                                   "permissions": []})
    assert status == 400 and error(answer)[1] == "bad request empty permission"
    assert exchange(fake, "PUT", f"/robots/{robot_id}", {**body, "name": "robot$library+pull",
                                                         "disable": True, "description": "d"})[0] == 200
    assert fake.robots[robot_id]["disabled"] is True and fake.robots[robot_id]["description"] == "d"
    # `disable` left out is false: the robot is enabled again
    assert exchange(fake, "PUT", f"/robots/{robot_id}", {**body, "name": "robot$library+pull"})[0] == 200
    assert fake.robots[robot_id]["disabled"] is False


def test_patch_sets_a_chosen_secret_or_generates_one(fake):
    """RefreshSec: a chosen secret passes IsValidSec and answers {}; none answers a generated one."""
    _, created = create_robot(fake)
    robot_id = created["id"]
    status, answer = exchange(fake, "PATCH", f"/robots/{robot_id}", {"secret": "short"})
    assert status == 400 and "8-128" in error(answer)[1]
    assert exchange(fake, "PATCH", f"/robots/{robot_id}", {"secret": "Chosen123secret"}) == (200, {})
    assert fake.robot_login("robot$library+pull", "Chosen123secret")
    status, answer = exchange(fake, "PATCH", f"/robots/{robot_id}", {})
    assert status == 200 and fake.robot_login("robot$library+pull", answer["secret"])


def test_lists_need_the_project_id_and_never_show_a_secret(fake):
    """ListRobot reads Level and ProjectID itself; without Level it lists system robots only."""
    create_robot(fake)
    assert exchange(fake, "GET", "/robots")[1] == []
    status, answer = exchange(fake, "GET", "/robots?q=Level%3Dproject")
    assert status == 400 and error(answer)[1] == "must with project ID when to query project robots"
    project_id = fake.project("library")["project_id"]
    status, listed = exchange(fake, "GET", f"/robots?q=Level%3Dproject%2CProjectID%3D{project_id}")
    assert status == 200 and [r["name"] for r in listed] == ["robot$library+pull"]
    assert "secret" not in listed[0]


def test_the_prefix_is_added_on_read_and_logins_follow_it(fake):
    """populate() prepends robot_name_prefix, which is not stored: changing it renames every robot."""
    _, created = create_robot(fake)
    exchange(fake, "PATCH", f"/robots/{created['id']}", {"secret": "Chosen123secret"})
    fake.configurations["robot_name_prefix"] = "bot-"
    assert exchange(fake, "GET", f"/robots/{created['id']}")[1]["name"] == "bot-library+pull"
    assert fake.robot_login("bot-library+pull", "Chosen123secret")
    assert not fake.robot_login("robot$library+pull", "Chosen123secret")


def test_disabled_and_expired_robots_cannot_log_in(fake):
    """src/server/middleware/security/robot.go."""
    _, created = create_robot(fake, duration=1)
    exchange(fake, "PATCH", f"/robots/{created['id']}", {"secret": "Chosen123secret"})
    robot = fake.robots[created["id"]]
    assert fake.robot_login("robot$library+pull", "Chosen123secret")
    assert not fake.robot_login("robot$library+pull", "Chosen123secret", now=robot["expires_at"])
    robot["disabled"] = True
    assert not fake.robot_login("robot$library+pull", "Chosen123secret")


def test_deleting_a_project_deletes_its_robots(fake):
    """DeleteProject calls robotMgr.DeleteByProjectID (src/server/v2.0/handler/project.go)."""
    fake.add_project("team")
    exchange(fake, "POST", "/robots", {"name": "pull", "level": "project", "duration": -1,
                                       "permissions": [{**PULL[0], "namespace": "team"}]})
    assert exchange(fake, "DELETE", "/projects/team", headers=BY_NAME)[0] == 200
    assert fake.robots == {}


# ---- members ----------------------------------------------------------------------------------------------------

def test_the_creator_is_a_project_admin(fake):
    """src/pkg/project/dao/dao.go Create inserts the creator as member with role 1."""
    status, listed = exchange(fake, "GET", "/projects/library/members", headers=BY_NAME)
    assert status == 200 and [(m["entity_name"], m["role_name"]) for m in listed] == [("admin", "projectAdmin")]


def test_oidc_groups_are_created_on_first_use(fake):
    """oidc.Auth.SearchGroup always finds the group (src/core/auth/oidc/oidc.go), type 3."""
    fake.configurations["auth_mode"] = "oidc_auth"
    body = {"role_id": 2, "member_group": {"group_name": "devs", "group_type": 3}}
    assert exchange(fake, "POST", "/projects/library/members", body, headers=BY_NAME)[0] == 201
    (group,) = fake.usergroups.values()
    assert (group["group_name"], group["group_type"]) == ("devs", 3)
    status, answer = exchange(fake, "POST", "/projects/library/members", body, headers=BY_NAME)
    assert status == 409 and error(answer)[1] == "The project member specified already exist"


def test_users_are_listed_by_username_fuzzily_and_q_unescapes_once_more(fake):
    """ListUsers reads `username=` from the URL as LIKE %v% (src/server/v2.0/handler/user.go); inside `q`
    the value is unescaped a second time, so a '+' becomes a space (src/lib/q/builder.go)."""
    fake.add_user("jane+ci@example.com")
    names = lambda path: [u["username"] for u in exchange(fake, "GET", path)[1]]
    assert names("/users?username=jane%2Bci") == ["jane+ci@example.com"]
    assert names("/users?q=username%3Djane%2Bci%40example.com") == []


def test_database_login_searches_no_group_and_no_user(fake):
    """DefaultAuthenticateHelper.SearchGroup and SearchUser answer NotFound (src/core/auth/authenticator.go)."""
    status, answer = exchange(fake, "POST", "/projects/library/members",
                              {"role_id": 2, "member_group": {"group_name": "devs", "group_type": 3}}, headers=BY_NAME)
    assert status == 404 and error(answer)[1] == "devs not found: not supported"
    status, answer = exchange(fake, "POST", "/projects/library/members",
                              {"role_id": 2, "member_user": {"username": "bob"}}, headers=BY_NAME)
    assert status == 404 and error(answer)[1] == "bob not found: not supported"


def test_a_bad_role_is_refused_after_the_duplicate_check_and_rolled_back(fake):
    """controller.Create: 409 before the role check; the transaction middleware undoes the group it made."""
    fake.configurations["auth_mode"] = "oidc_auth"
    status, answer = exchange(fake, "POST", "/projects/library/members",
                              {"role_id": 7, "member_group": {"group_name": "devs", "group_type": 3}}, headers=BY_NAME)
    assert status == 400 and error(answer)[1] == "Failed to update project member, role is not in 1,2,3"
    assert fake.usergroups == {}


def test_update_stores_any_role_and_an_unknown_role_hides_the_member(fake):
    """UpdateRole checks neither the role nor the member; the list joins the role table."""
    fake.add_user("alice")
    exchange(fake, "POST", "/projects/library/members", {"role_id": 3, "member_user": {"username": "alice"}},
             headers=BY_NAME)
    (member,) = [m for m in fake.members[fake.project("library")["project_id"]].values() if m["entity_id"] != 1]
    assert exchange(fake, "PUT", "/projects/library/members/999999", {"role_id": 2}, headers=BY_NAME)[0] == 200
    assert exchange(fake, "PUT", f"/projects/library/members/{member['id']}", {"role_id": 9}, headers=BY_NAME)[0] == 200
    assert [m[1] for m in fake.member_entries("library")] == ["admin", "alice"]
    _status, listed = exchange(fake, "GET", "/projects/library/members", headers=BY_NAME)
    assert [m["entity_name"] for m in listed] == ["admin"]


def test_ldap_groups_are_found_by_dn_in_the_directory(fake):
    """The DN is searched in LDAP and the group onboarded (src/core/auth/ldap/ldap.go), type 1."""
    fake.configurations["auth_mode"] = "ldap_auth"
    fake.ldap_groups = {"cn=devs,ou=groups,dc=example,dc=com": "devs"}
    body = {"role_id": 2, "member_group": {"ldap_group_dn": "CN=devs,ou=groups,dc=example,dc=com"}}
    assert exchange(fake, "POST", "/projects/library/members", body, headers=BY_NAME)[0] == 201
    (group,) = fake.usergroups.values()
    assert (group["group_name"], group["group_type"], group["ldap_group_dn"]) == \
        ("devs", 1, "cn=devs,ou=groups,dc=example,dc=com")
    fake.configurations["ldap_group_base_dn"] = "ou=groups,dc=example,dc=com"
    fake.ldap_entries = {"cn=printers,ou=groups,dc=example,dc=com"}

    def member(dn: str) -> tuple[int, object]:
        return exchange(fake, "POST", "/projects/library/members", {"role_id": 2, "member_group": {"ldap_group_dn": dn}},
                        headers=BY_NAME)

    # searchGroup (src/pkg/ldap/ldap.go): outside the group base DN, or an entry the filter does not
    # match, nothing is found; a DN under the base the directory lacks fails the search: a bare 500
    for dn in ("cn=ops,dc=example,dc=com", "CN=printers,ou=groups,dc=example,dc=com"):
        status, answer = member(dn)
        assert status == 404 and "failed to searh ldap group" in error(answer)[1], dn
    status, answer = member("cn=typo,ou=groups,dc=example,dc=com")
    assert status == 500 and error(answer) == ("UNKNOWN", "internal server error")


# ---- system CVE allowlist, labels -----------------------------------------------------------------------------

def test_an_invalid_allowlist_is_a_bare_500(fake):
    """allowlist.Validate returns errors without a code (src/pkg/allowlist/validator.go)."""
    status, answer = exchange(fake, "PUT", "/system/CVEAllowlist", {"items": [{"cve_id": "CVE-1"}, {"cve_id": "CVE-1"}]})
    assert status == 500 and error(answer) == ("UNKNOWN", "internal server error")
    assert exchange(fake, "PUT", "/system/CVEAllowlist", {"items": [{"cve_id": "CVE-1"}], "expires_at": 5})[0] == 200
    assert exchange(fake, "GET", "/system/CVEAllowlist")[1]["items"] == [{"cve_id": "CVE-1"}]


def test_global_labels_can_be_created_and_updated(fake):
    status, _ = exchange(fake, "POST", "/labels", {"name": "g1", "scope": "g", "description": "a"})
    assert status == 201
    (label_id,) = [i for i, label in fake.labels.items() if label["name"] == "g1"]
    assert exchange(fake, "PUT", f"/labels/{label_id}", {"name": "g1", "description": "b"})[0] == 200
    assert fake.labels[label_id]["description"] == "b" and fake.labels[label_id]["scope"] == "g"
    status, answer = exchange(fake, "PUT", f"/labels/{label_id}", {"description": "c"})
    assert status == 400 and error(answer)[1] == "cannot be empty"
