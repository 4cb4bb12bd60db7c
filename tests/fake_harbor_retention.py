"""The fake Harbor's tag retention, immutable tag rules, audit-log purge schedule, CVE allowlists and
quota usage, with Harbor v2.15.1's semantics (the Go files are cited where each one is decided).

`RetentionFake` is a mixin of tests/fake_harbor.py's FakeHarbor, which serves its `op_<operationId>`
methods like its own and calls its hooks (the default retention policy of a new proxy cache, the
allowlist of PUT /projects, what goes with a deleted project). This module imports nothing from
fake_harbor.py (fake_harbor.py imports it): it raises `Refusal` for Harbor's error answers and returns
`Reply`, which the fake validates against the API definition like any answer. What the mixin uses of the
fake: `projects`, `quotas`, `ids`, `_find_project`, `_page`, `_project_view`, and the cron check handed to
`init_retention`.

Behaviour copied from Harbor, where the applier depends on it:
- retention (src/server/v2.0/handler/retention.go, src/controller/retention/controller.go,
  src/pkg/retention/manager.go): at most 15 rules (400); two rules that serialize alike once their ids
  are zeroed are a 409; one policy per project, named by the project's metadata retention_id (a second
  POST is a 400, a PUT to another id a 404); GET or PUT of a policy id that does not exist is a 500 (an
  uncoded error); the cron is checked only for a Schedule trigger with a non-empty cron; equal trigger
  kinds other than Schedule are a 500 on PUT; the stored document is what was sent (swagger model
  decoded into policy.Metadata: `trigger.references` and unknown fields dropped), answered without its
  zero values (go-swagger's omitempty) and with `next_scheduled_time` for a scheduled policy;
  GET /retentions/metadatas is Harbor's fixed payload; a new proxy cache gets Harbor's default policy
  (policy.WithNDaysSinceLastPull(7), src/pkg/retention/policy/models.go);
- immutable rules (src/server/v2.0/handler/immutable.go, src/controller/immutable/controller.go,
  src/pkg/immutable/manager.go, dao/dao.go): the rule JSON (tag_filter) is unique per project (409
  "immutable rule already exists"); `disabled` is ignored on create (the DAO forces false); a PUT whose
  `disabled` differs from the stored flag toggles it and changes nothing else; the body's id must equal
  the path's (400); a missing rule, or one of another project, is a 404; `params` and selector `extras`
  are dropped; lists are paged and in id order;
- the audit-log purge schedule (src/server/v2.0/handler/purge.go): the parameters key is
  include_event_types; audit_retention_hour, include_event_types and a non-empty parameters map are
  required on every write, even for type None (400); audit_retention_hour must be a JSON integer of at
  most 240000; the parameters are kept as sent and reported in job_parameters; no schedule is a 200 with
  an empty body;
- CVE allowlists (UpdateProject in src/server/v2.0/handler/project.go, src/pkg/allowlist/validator.go):
  written only when the body has cve_allowlist, replaced whole; a project_id other than the project's is
  a 400; an empty or duplicate id is a 500 (uncoded), and nothing of the request is kept (the transaction
  middleware rolls back the metadata);
- quotas: `used.storage` is what the project holds (set by `set_usage`); PUT /quotas/{id} takes a limit
  below it (src/server/v2.0/handler/quota.go compares nothing);
- a deleted project takes its retention policy and immutable rules with it (onProjectDelete in
  src/controller/event/handler/internal/project.go).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from fake_harbor_errors import INTERNAL, Refusal, Reply

BASE_PATH = "/api/v2.0"
NEXT_RUN = "2025-01-02T00:00:00.000Z"
TIME = "2025-01-01T00:00:00.000Z"
# handler/retention.go CreateRetention / UpdateRetention
MAX_RULES = 15
# common.MaxAuditRetentionHour (src/common/const.go)
MAX_AUDIT_RETENTION_HOUR = 240_000
# what Harbor's SendError answers for every 5xx (src/lib/http/error.go)

# rentenitionMetadataPayload (src/server/v2.0/handler/retention.go), as go-swagger writes it
RETENTION_METADATA = {
    "templates": [
        {"rule_template": "latestPushedK", "display_text": "the most recently pushed # artifacts", "action": "retain",
         "params": [{"type": "int", "unit": "COUNT", "required": True}]},
        {"rule_template": "latestPulledN", "display_text": "the most recently pulled # artifacts", "action": "retain",
         "params": [{"type": "int", "unit": "COUNT", "required": True}]},
        {"rule_template": "nDaysSinceLastPush", "display_text": "pushed within the last # days", "action": "retain",
         "params": [{"type": "int", "unit": "DAYS", "required": True}]},
        {"rule_template": "nDaysSinceLastPull", "display_text": "pulled within the last # days", "action": "retain",
         "params": [{"type": "int", "unit": "DAYS", "required": True}]},
        # an empty params slice: omitted by omitempty
        {"rule_template": "always", "display_text": "always", "action": "retain"},
    ],
    "scope_selectors": [{"display_text": "Repositories", "kind": "doublestar",
                         "decorations": ["repoMatches", "repoExcludes"]}],
    "tag_selectors": [{"display_text": "Tags", "kind": "doublestar", "decorations": ["matches", "excludes"]}],
}





def follow_retention_handlers(document: dict) -> None:
    """Where the API definition and the Go handlers disagree for these operations, the handlers win.

    - RetentionRule.params and ImmutableRule.params type their values as objects, but go-swagger makes
      them map[string]interface{} and checks no value: Harbor's UI sends a number ({"latestPushedK": 10}).
    - Answers the definition does not list: POST /retentions 409 (checkRuleConflict); PUT
      /retentions/{id} 400 (rule count, cron), 404 (requirePolicyAccess) and 409; DELETE /retentions/{id}
      400 (no such policy); POST immutabletagrules 409 (the unique rule JSON); PUT and DELETE of an
      immutable rule 404 (requireRuleAccess).
    """
    for name in ("RetentionRule", "ImmutableRule"):
        document["definitions"][name]["properties"]["params"]["additionalProperties"] = {}
    paths = document["paths"]
    extra = {("/retentions", "post"): ("409",), ("/retentions/{id}", "put"): ("400", "404", "409"),
             ("/retentions/{id}", "delete"): ("400",),
             ("/projects/{project_name_or_id}/immutabletagrules", "post"): ("409",),
             ("/projects/{project_name_or_id}/immutabletagrules/{immutable_rule_id}", "put"): ("404",),
             ("/projects/{project_name_or_id}/immutabletagrules/{immutable_rule_id}", "delete"): ("404",)}
    for (path, method), codes in extra.items():
        for code in codes:
            paths[path][method]["responses"].setdefault(code, {"$ref": f"#/responses/{code}"})


def _number(value: Any) -> Any:
    """A JSON number after Go read it into interface{} (float64) and wrote it again: 10.0 is 10."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _number(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_number(v) for v in value]
    return value


def _selector_view(selector: dict) -> dict:
    """A selector model written back: its empty strings omitted (omitempty)."""
    return {key: selector[key] for key in ("decoration", "extras", "kind", "pattern") if selector.get(key)}


def _rule_view(rule: dict, keys: tuple[str, ...]) -> dict:
    """A rule model written back (RetentionRule, ImmutableRule): zero values omitted (go-swagger's omitempty),
    but never inside a map: the params' values and the scope selectors' lists stay as they are."""
    view = {key: rule[key] for key in keys if rule.get(key)}
    if rule.get("params"):
        view["params"] = rule["params"]
    if rule.get("tag_selectors"):
        view["tag_selectors"] = [_selector_view(s) for s in rule["tag_selectors"]]
    if rule.get("scope_selectors"):
        view["scope_selectors"] = {k: [_selector_view(s) for s in v] for k, v in rule["scope_selectors"].items()}
    return view


def _retention_selector(selector: dict) -> dict:
    """rule.Selector: every field, "" when missing."""
    return {key: selector.get(key) or "" for key in ("kind", "decoration", "pattern", "extras")}


def _stored_rule(rule: dict) -> dict:
    """rule.Metadata (src/pkg/retention/policy/rule/models.go) as json.Marshal writes it."""
    tags = rule.get("tag_selectors")
    scopes = rule.get("scope_selectors")
    return {"id": rule.get("id") or 0, "priority": rule.get("priority") or 0, "disabled": bool(rule.get("disabled")),
            "action": rule.get("action") or "", "template": rule.get("template") or "",
            "params": _number(rule["params"]) if rule.get("params") is not None else None,
            "tag_selectors": None if tags is None else [_retention_selector(s) for s in tags],
            "scope_selectors": None if scopes is None else {
                key: [_retention_selector(s) for s in value or []] for key, value in scopes.items()}}


def _stored_policy(body: dict) -> dict:
    """policy.Metadata as the handler gets it (NewRetentionPolicyFromSwagger) and the manager stores it."""
    trigger, scope = body.get("trigger"), body.get("scope")
    return {"id": 0, "algorithm": body.get("algorithm") or "",
            "rules": [_stored_rule(rule) for rule in body.get("rules") or []],
            # policy.Trigger has no `references`: dropped
            "trigger": None if trigger is None else {"kind": trigger.get("kind") or "",
                                                     "settings": copy.deepcopy(trigger.get("settings"))},
            "scope": None if scope is None else {"level": scope.get("level") or "", "ref": scope.get("ref") or 0}}


def _immutable_metadata(body: dict, project_id: int) -> dict:
    """model.Metadata of src/pkg/immutable/model/rule.go from the swagger model (lib.JSONCopy): params and
    selector extras dropped, zero values where missing."""
    def selector(s: dict) -> dict:
        return {key: s.get(key) or "" for key in ("kind", "decoration", "pattern")}
    tags, scopes = body.get("tag_selectors"), body.get("scope_selectors")
    return {"id": body.get("id") or 0, "project_id": project_id, "disabled": bool(body.get("disabled")),
            "priority": body.get("priority") or 0, "action": body.get("action") or "",
            "template": body.get("template") or "",
            "tag_selectors": None if not tags else [selector(s) for s in tags],
            "scope_selectors": None if not scopes else {k: [selector(s) for s in v or []] for k, v in scopes.items()}}


class RetentionFake:
    """Retention policies, immutable rules, the purge schedule, CVE allowlists and quota usage."""

    projects: dict[int, dict]
    quotas: dict[int, dict]
    ids: Any
    _find_project: Callable[[str, bool | None], dict]
    _page: Callable[[list, dict], Any]
    _project_view: Callable[[dict], dict]

    def init_retention(self, *, cron_error: Callable[[str], str | None]) -> None:
        self._cron_error = cron_error
        self.retentions: dict[int, dict] = {}        # policy id -> policy.Metadata as stored
        self.immutable: dict[int, dict] = {}         # rule id -> {project_id, disabled, tag_filter}
        self.purge: dict | None = None               # {type, cron, parameters} of the purge schedule
        self.purge_runs: list[dict] = []             # purges started by hand (type Manual)
        self.allowlists: dict[int, dict] = {}        # project id -> {items, expires_at}
        # failure hook: the next POST /retentions creates the policy, then answers 500 as if its answer
        # had been lost on the way back (the client tries again)
        self.lose_next_retention_answer = False

    # ---- hooks of FakeHarbor ---------------------------------------------------------------------------

    def add_default_retention(self, project: dict) -> int:
        """What CreateProject does for a proxy cache (src/server/v2.0/handler/project.go):
        policy.WithNDaysSinceLastPull(project, 7), its id in the project's metadata."""
        selector = {"kind": "doublestar", "pattern": "**", "extras": ""}
        policy = {"id": 0, "algorithm": "or", "rules": [{
            "id": 1, "priority": 1, "disabled": False, "action": "retain", "template": "nDaysSinceLastPull",
            "params": {"nDaysSinceLastPull": 7}, "tag_selectors": [{**selector, "decoration": "matches"}],
            "scope_selectors": {"repository": [{**selector, "decoration": "repoMatches"}]}}],
            "trigger": {"kind": "Schedule", "settings": {"cron": "0 0 0 * * *"}},
            "scope": {"level": "project", "ref": project["project_id"]}}
        policy_id = next(self.ids)
        self.retentions[policy_id] = policy
        project["metadata"]["retention_id"] = str(policy_id)
        return policy_id

    def update_cve_allowlist(self, project: dict, body: dict) -> None:
        """The cve_allowlist of a PUT /projects body, checked before anything of the request is kept."""
        allowlist = body.get("cve_allowlist")
        if allowlist is None:
            return
        given = allowlist.get("project_id") or 0
        if given and given != project["project_id"]:
            raise Refusal(400, f"project_id in cve_allowlist must be {project['project_id']} but it's {given}")
        items = [item.get("cve_id") or "" for item in allowlist.get("items") or []]
        seen: set[str] = set()
        for cve_id in items:
            # allowlist.Validate answers errors without a code: HTTP 500
            if not cve_id.strip() or cve_id in seen:
                raise Refusal(500, INTERNAL)
            seen.add(cve_id)
        self.allowlists[project["project_id"]] = {"items": items, "expires_at": allowlist.get("expires_at")}

    def cve_allowlist_view(self, project: dict) -> dict:
        """The project's cve_allowlist as GET /projects answers it (empty items and a nil expiry omitted)."""
        stored = self.allowlists.get(project["project_id"]) or {"items": [], "expires_at": None}
        view: dict = {"id": project["project_id"], "project_id": project["project_id"], "creation_time": TIME,
                      "update_time": TIME}
        if stored["items"]:
            view["items"] = [{"cve_id": cve_id} for cve_id in stored["items"]]
        if stored["expires_at"] is not None:
            view["expires_at"] = stored["expires_at"]
        return view

    def forget_project(self, project_id: int) -> None:
        """onProjectDelete: its immutable rules and retention policy go too."""
        for rule_id in [i for i, rule in self.immutable.items() if rule["project_id"] == project_id]:
            del self.immutable[rule_id]
        for policy_id in [i for i, p in self.retentions.items() if (p.get("scope") or {}).get("ref") == project_id]:
            del self.retentions[policy_id]
        self.allowlists.pop(project_id, None)

    # ---- for tests ---------------------------------------------------------------------------------------

    def set_usage(self, name: str, used: int) -> None:
        """What the project holds, in bytes (Harbor counts it as blobs are pushed)."""
        project = next(p for p in self.projects.values() if p["name"] == name)
        for quota in self.quotas.values():
            if quota["project_id"] == project["project_id"]:
                quota["used"] = used

    def retention_of(self, name: str) -> dict | None:
        """The stored policy of a project, with its id, or None."""
        project = next(p for p in self.projects.values() if p["name"] == name)
        policy_id = project["metadata"].get("retention_id")
        if not policy_id or int(policy_id) not in self.retentions:
            return None
        return {**self.retentions[int(policy_id)], "id": int(policy_id)}

    def immutable_rules_of(self, name: str) -> list[dict]:
        """A project's immutable rules as Harbor lists them (before omitempty), in id order."""
        project = next(p for p in self.projects.values() if p["name"] == name)
        return [self._immutable_rule(rule_id) for rule_id in sorted(self.immutable)
                if self.immutable[rule_id]["project_id"] == project["project_id"]]

    def add_immutable_rule(self, name: str, rule: dict, *, disabled: bool = False) -> int:
        """A rule made before the job runs (in the UI, say)."""
        project = next(p for p in self.projects.values() if p["name"] == name)
        rule_id = next(self.ids)
        self.immutable[rule_id] = {"project_id": project["project_id"], "disabled": disabled,
                                   "tag_filter": json.dumps(_immutable_metadata(rule, project["project_id"]))}
        return rule_id

    # ---- one project ---------------------------------------------------------------------------------------

    def op_getProject(self, params: dict, query: dict) -> Reply:
        """GET /projects/{name}: the project as listed, with its CVE allowlist (WithCVEAllowlist)."""
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        return Reply(200, self._project_view(project))

    # ---- retention -------------------------------------------------------------------------------------

    def op_getRentenitionMetadata(self, params: dict, query: dict) -> Reply:
        return Reply(200, copy.deepcopy(RETENTION_METADATA))

    def _check_rules(self, policy: dict) -> None:
        rules = policy["rules"]
        if len(rules) > MAX_RULES:
            raise Refusal(400, "bad request: only 15 rules are allowed at most")
        seen: dict[str, int] = {}
        for index, rule in enumerate(rules):
            # checkRuleConflict: each rule marshalled with its id zeroed
            text = json.dumps({**rule, "id": 0}, sort_keys=True)
            if text in seen:
                raise Refusal(409, f"resource conflict: rule {index} is conflict with rule {seen[text]}")
            seen[text] = index

    def _check_cron(self, policy: dict) -> None:
        """ValidateRetentionPolicy: the cron of a Schedule trigger, when it is a non-empty string."""
        trigger = policy["trigger"] or {}
        settings = trigger.get("settings")
        if trigger.get("kind") == "Schedule" and isinstance(settings, dict) and "cron" in settings:
            cron = settings["cron"]
            if not isinstance(cron, str):          # cronItem.(string) panics
                raise Refusal(500, INTERNAL)
            problem = self._cron_error(cron) if cron else None
            if problem:
                raise Refusal(400, f"invalid cron string for scheduled tag retention: {cron}, error: {problem}")

    def op_createRetention(self, params: dict, query: dict) -> Reply:
        policy = _stored_policy(params["policy"] or {})
        self._check_rules(policy)
        scope = policy["scope"]
        if scope is None:                           # requireAccess dereferences p.Scope
            raise Refusal(500, INTERNAL)
        if scope["level"] != "project":
            raise Refusal(400, f"bad request: scope {scope['level']} is not support")
        project = self.projects.get(scope["ref"]) if scope["ref"] > 0 else None
        if project is None:
            raise Refusal(400, f"bad request: invalid Project id {scope['ref']}")
        if project["metadata"].get("retention_id"):
            raise Refusal(400, f"bad request: project {scope['ref']} already has retention policy "
                               f"{project['metadata']['retention_id']}")
        if policy["trigger"] is None:               # CreatePolicy reads p.Trigger.Kind
            raise Refusal(500, INTERNAL)
        self._check_cron(policy)
        policy_id = next(self.ids)
        self.retentions[policy_id] = policy
        project["metadata"]["retention_id"] = str(policy_id)
        if self.lose_next_retention_answer:
            self.lose_next_retention_answer = False
            raise Refusal(500, INTERNAL)
        return Reply(201, None, {"Location": f"{BASE_PATH}/retentions/{policy_id}"})

    def op_getRetention(self, params: dict, query: dict) -> Reply:
        stored = self.retentions.get(params["id"])
        if stored is None:
            # GetPolicy: fmt.Errorf("no such Retention policy with id %v"), no code
            raise Refusal(500, INTERNAL)
        answer: dict = {"id": params["id"]}
        if stored.get("algorithm"):
            answer["algorithm"] = stored["algorithm"]
        if stored.get("rules"):
            answer["rules"] = [_rule_view(rule, ("action", "disabled", "id", "priority", "template"))
                               for rule in stored["rules"]]
        if stored.get("scope") is not None:
            answer["scope"] = {key: value for key, value in stored["scope"].items() if value}
        trigger = stored.get("trigger")
        if trigger is not None:
            answer["trigger"] = {"kind": trigger["kind"]} if trigger.get("kind") else {}
            settings = copy.deepcopy(trigger.get("settings"))
            # GetPolicy adds the next run to a scheduled policy
            if trigger.get("kind") == "Schedule" and isinstance(settings, dict) and settings.get("cron"):
                settings["next_scheduled_time"] = NEXT_RUN
            if settings is not None:   # an interface{}: kept whenever it is set, even to an empty cron
                answer["trigger"]["settings"] = settings
        return Reply(200, answer)

    def op_updateRetention(self, params: dict, query: dict) -> Reply:
        policy_id = params["id"]
        policy = _stored_policy(params["policy"] or {})
        self._check_rules(policy)
        scope = policy["scope"]
        if scope is None:
            raise Refusal(500, INTERNAL)
        project = self.projects.get(scope["ref"])
        # requirePolicyAccess: the project named by the body's scope must name this policy
        if project is None or project["metadata"].get("retention_id") != str(policy_id):
            raise Refusal(404, f"resource not found: the retention policy id {policy_id} does not match")
        if policy["trigger"] is None:
            raise Refusal(500, INTERNAL)
        self._check_cron(policy)
        old = self.retentions.get(policy_id)
        if old is None:
            raise Refusal(500, INTERNAL)
        old_kind, new_kind = (old["trigger"] or {}).get("kind"), policy["trigger"]["kind"]
        if old_kind == new_kind:
            if new_kind == "Schedule":
                old_cron = (old["trigger"].get("settings") or {}).get("cron")
                new_cron = (policy["trigger"].get("settings") or {}).get("cron")
                # both crons are read as strings when they differ: a missing one panics
                if old_cron != new_cron and not (isinstance(old_cron, str) and isinstance(new_cron, str)):
                    raise Refusal(500, INTERNAL)
            elif new_kind != "":
                raise Refusal(500, INTERNAL)           # "not support Trigger <kind>", no code
        self.retentions[policy_id] = policy
        return Reply(200)

    def op_deleteRetention(self, params: dict, query: dict) -> Reply:
        policy = self.retentions.get(params["id"])
        if policy is None:
            raise Refusal(400, f"bad request: no such Retention policy with id {params['id']}")
        del self.retentions[params["id"]]
        project = self.projects.get((policy.get("scope") or {}).get("ref"))
        if project is not None:
            project["metadata"].pop("retention_id", None)
        return Reply(200)

    # ---- immutable tag rules ---------------------------------------------------------------------------

    def _immutable_rule(self, rule_id: int) -> dict:
        """GetImmutableRule / ListImmutableRules: the JSON, with the row's id and disabled column."""
        row = self.immutable[rule_id]
        rule = json.loads(row["tag_filter"])
        rule["id"], rule["disabled"] = rule_id, row["disabled"]
        return rule

    def _rule_of_project(self, rule_id: int, project: dict) -> dict:
        """requireRuleAccess."""
        if rule_id not in self.immutable:
            raise Refusal(404, f"immutable rule {rule_id} not found")
        if self.immutable[rule_id]["project_id"] != project["project_id"]:
            raise Refusal(404, f"resource not found: project id {project['project_id']} does not match")
        return self.immutable[rule_id]

    def op_ListImmuRules(self, params: dict, query: dict) -> Reply:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        items = []
        for rule in self.immutable_rules_of(project["name"]):
            # ToSwagger: no params, no extras, no project_id; zero values omitted
            items.append(_rule_view({key: value for key, value in rule.items() if key != "params"},
                                    ("action", "disabled", "id", "priority", "template")))
        return self._page(items, params)

    def op_CreateImmuRule(self, params: dict, query: dict) -> Reply:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        metadata = _immutable_metadata(params["ImmutableRule"] or {}, project["project_id"])
        tag_filter = json.dumps(metadata)
        if any(r["project_id"] == project["project_id"] and r["tag_filter"] == tag_filter
               for r in self.immutable.values()):
            raise Refusal(409, "immutable rule already exists")
        rule_id = next(self.ids)
        # the DAO sets Disabled = false before the insert, whatever the body said
        self.immutable[rule_id] = {"project_id": project["project_id"], "disabled": False, "tag_filter": tag_filter}
        path = f"{BASE_PATH}/projects/{params['project_name_or_id']}/immutabletagrules"
        return Reply(201, None, {"Location": f"{path}/{rule_id}"})

    def op_UpdateImmuRule(self, params: dict, query: dict) -> Reply:
        body = params["ImmutableRule"] or {}
        rule_id = params["immutable_rule_id"]
        if (body.get("id") or 0) != rule_id:
            raise Refusal(400, "bad request: the immutable_rule_id doesn't match the id in the payload body of "
                               "ImmutableRule")
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        row = self._rule_of_project(rule_id, project)
        metadata = _immutable_metadata(body, project["project_id"])
        if row["disabled"] != metadata["disabled"]:
            # UpdateImmutableRule: a changed flag is toggled, and the rest of the body is ignored
            row["disabled"] = metadata["disabled"]
            return Reply(200)
        tag_filter = json.dumps(metadata)
        if any(other_id != rule_id and r["project_id"] == project["project_id"] and r["tag_filter"] == tag_filter
               for other_id, r in self.immutable.items()):
            raise Refusal(500, INTERNAL)   # the unique constraint, not wrapped on update
        row["tag_filter"] = tag_filter
        return Reply(200)

    def op_DeleteImmuRule(self, params: dict, query: dict) -> Reply:
        project = self._find_project(params["project_name_or_id"], params.get("X_Is_Resource_Name"))
        self._rule_of_project(params["immutable_rule_id"], project)
        del self.immutable[params["immutable_rule_id"]]
        return Reply(200)

    # ---- the audit-log purge schedule ----------------------------------------------------------------------

    def op_getPurgeSchedule(self, params: dict, query: dict) -> Reply:
        if self.purge is None:
            return Reply(200)
        return Reply(200, {"id": 1, "job_kind": self.purge["cron"],
                           # pg.String: json.Marshal of the parameters as stored, keys sorted
                           "job_parameters": json.dumps(self.purge["parameters"], sort_keys=True,
                                                        separators=(",", ":")),
                           "schedule": {"cron": self.purge["cron"], "type": self.purge["type"],
                                        "next_scheduled_time": NEXT_RUN},
                           "creation_time": TIME, "update_time": TIME})

    def _purge(self, body: dict | None) -> int:
        """verifyCreateRequest / verifyUpdateRequest, then kick."""
        if body is None or body.get("schedule") is None:
            raise Refusal(400, "bad request: schedule cann't be empty")
        parameters = body.get("parameters") or {}
        if not parameters:
            raise Refusal(400, "bad request: schedule parameter cann't be empty")
        if "audit_retention_hour" not in parameters:
            raise Refusal(400, "bad request: audit_retention_hour should provide")
        hours = parameters["audit_retention_hour"]
        if isinstance(hours, float):                # json.Number.Int64() of "1.5" or "720.0" fails
            raise Refusal(400, "bad request: audit_retention_hour should be integer format")
        if isinstance(hours, int) and not isinstance(hours, bool) and hours > MAX_AUDIT_RETENTION_HOUR:
            raise Refusal(400, f"bad request: audit_retention_hour should be less than {MAX_AUDIT_RETENTION_HOUR}")
        if "include_event_types" not in parameters:
            raise Refusal(400, "bad request: include_event_types should provide")
        schedule = body["schedule"]
        kind = schedule.get("type") or ""
        if kind == "Manual":
            self.purge_runs.append(dict(parameters))
            return len(self.purge_runs)
        if kind == "None":
            self.purge = None
        elif kind in ("Hourly", "Daily", "Weekly", "Custom"):
            cron = schedule.get("cron") or ""
            problem = self._cron_error(cron)
            if problem:
                raise Refusal(400, f"invalid cron string for scheduled log rotation purge: {cron}, error: {problem}")
            self.purge = {"type": kind, "cron": cron, "parameters": copy.deepcopy(parameters)}
        # "Schedule" and "" fall through kick's switch: nothing happens
        return 0

    def op_createPurgeSchedule(self, params: dict, query: dict) -> Reply:
        run_id = self._purge(params["schedule"])
        return Reply(201, None, {"Location": f"{BASE_PATH}/system/purgeaudit/{run_id}"})

    def op_updatePurgeSchedule(self, params: dict, query: dict) -> Reply:
        self._purge(params["schedule"])
        return Reply(200)
