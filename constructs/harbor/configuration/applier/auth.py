"""Authentication: OIDC or LDAP login, applied before any other change.

Harbor lets the auth mode change only while no user but the built-in admin exists
(authModeCanBeModified, src/controller/config/controller.go: the user count excludes user id 1 and
deleted users); GET /configurations reports it as auth_mode.editable. The job checks that before it
writes anything, and when the switch is refused it names the users that block it.

The secrets (oidc_client_secret, ldap_search_password) are write-only: GET never answers them, so the
job compares a fingerprint kept in its record (record.py) and sends a secret only when it changed. No
value read from the environment is ever logged.

This kind also reads GET /configurations once for the run (run.configurations), before any write: the
robots compare Harbor's robot_name_prefix with the one their pull secrets assume, and the system settings
(system_settings.py) diff against it.
"""

from __future__ import annotations

import os

from .context import Kind, Run
from .declaration import need
from .errors import Conflict, HarborError, InputError
from .record import fingerprint

AUTH_MODES = ("oidc_auth", "ldap_auth")
# validateCfg (src/controller/config/controller.go) refuses an auth_mode change with this, HTTP 400
AUTH_LOCKED = "the auth mode cannot be modified as new users have been inserted into database"
# the built-in admin, which the lock does not count (excludeDefaultAdmin, src/pkg/user/manager.go)
ADMIN_USER_ID = 1
# Harbor stores this key lower-cased (src/pkg/config/db/dao/dao.go)
CASE_INSENSITIVE = frozenset({"ldap_group_admin_dn"})


def current(run: Run, key: str) -> object:
    """The value GET /configurations answered for `key` (None when Harbor did not answer the key)."""
    item = run.configurations.get(key)
    return item.get("value") if isinstance(item, dict) else None


def same_setting(key: str, have: object, want: object) -> bool:
    """Equal as Harbor stores them: JSON types kept apart (True is not 1), some keys case-insensitive."""
    if key in CASE_INSENSITIVE and isinstance(have, str) and isinstance(want, str):
        return have.lower() == want.lower()
    return have == want and isinstance(have, bool) == isinstance(want, bool)


def load_configurations(run: Run) -> None:
    if not run.configurations:
        answer = run.harbor.get("/configurations")
        run.configurations = answer if isinstance(answer, dict) else {}


def blocked(run: Run, have: object, want: str) -> Conflict:
    """The Conflict that says which users keep Harbor from switching the auth mode."""
    users = sorted(str(u.get("username")) for u in run.harbor.list_all("/users")
                   if u.get("user_id") != ADMIN_USER_ID)
    if not users:
        return Conflict(f"Harbor refuses to switch the authentication mode from {have!r} to {want!r} although no "
                        "user but admin exists: its configuration is then fixed by the CONFIG_OVERWRITE_JSON "
                        "environment variable of core; remove it there, or declare the current mode")
    shown = ", ".join(users[:20]) + (f" and {len(users) - 20} more" if len(users) > 20 else "")
    return Conflict(
        f"Harbor refuses to switch the authentication mode from {have!r} to {want!r}: it allows the switch only "
        f"while no user but the built-in admin exists, and {len(users)} other user(s) exist: {shown}. Delete them in "
        "Harbor (Administration > Users; their projects and robots stay) and run the job again, or declare the "
        f"current mode ({have!r}). Nothing was changed.")


class Authentication(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        auth = need(doc, "authentication", (dict, type(None)), "the document")
        if auth is None:
            return
        if need(auth, "auth_mode", str, "authentication") not in AUTH_MODES:
            raise InputError(f"declaration: authentication.auth_mode {auth['auth_mode']!r} is not one of {AUTH_MODES}")
        need(auth, "settings", dict, "authentication")
        for key, spec in need(auth, "from_env", dict, "authentication").items():
            need(spec, "env", str, f"authentication.from_env.{key}")
            need(spec, "write_only", bool, f"authentication.from_env.{key}")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.auth = doc["authentication"]
        self.values: dict[str, str] = {}
        for key, spec in (self.auth or {}).get("from_env", {}).items():
            value = os.environ.get(spec["env"], "")
            if not value:
                raise InputError(f"authentication: environment variable {spec['env']} ({key}) is empty or not set "
                                 "(it should come from the synced Secret)")
            self.values[key] = value

    def inspect(self, run: Run) -> None:
        load_configurations(run)
        if self.auth is None:
            return
        have, want = current(run, "auth_mode"), self.auth["auth_mode"]
        editable = (run.configurations.get("auth_mode") or {}).get("editable", True)
        if have != want and editable is False:
            raise blocked(run, have, want)

    def apply(self, run: Run) -> None:
        if self.auth is None:
            return
        body: dict = {}
        said: list[str] = []
        have_mode, want_mode = current(run, "auth_mode"), self.auth["auth_mode"]
        if have_mode != want_mode:
            body["auth_mode"] = want_mode
            said.append(f"auth_mode {have_mode!r} -> {want_mode!r}")
        for key, want in sorted(self.auth["settings"].items()):
            have = current(run, key)
            if not same_setting(key, have, want):
                body[key] = want
                said.append(f"{key} {have!r} -> {want!r}")
        prints: dict[str, str] = {}
        for key, spec in sorted(self.auth["from_env"].items()):
            value = self.values[key]
            if spec["write_only"]:
                # Harbor never answers it: compared by fingerprint, sent when it is new or rotated
                prints[key] = fingerprint(run, key, value)
                if run.record["secrets"].get(key) != prints[key]:
                    body[key] = value
                    said.append(f"{key} ({'rotated' if key in run.record['secrets'] else 'set'})")
            elif not same_setting(key, current(run, key), value):
                body[key] = value
                said.append(f"{key} (from {spec['env']})")
        if not body:
            return
        try:
            run.harbor.request("PUT", "/configurations", body=body)
        except HarborError as error:
            if error.status == 400 and AUTH_LOCKED in error.detail:
                raise blocked(run, have_mode, want_mode) from None
            raise
        run.record["secrets"].update(prints)
        for key, value in body.items():
            if key not in prints:
                run.configurations.setdefault(key, {})["value"] = value
        run.action("set authentication (%s): %s", want_mode, ", ".join(said))
