"""Tag retention: each declared project's retention policy (rules and schedule).

Harbor attaches one policy to a project through the project's metadata `retention_id`
(CreateRetention in src/server/v2.0/handler/retention.go): a project that has one gets it updated in
place (PUT /retentions/{id}), since Harbor refuses a second policy for the project with HTTP 400; a
project without one gets one created. Harbor gives every new proxy cache a policy of its own (keep
what was pulled in the last 7 days, CreateProject in src/server/v2.0/handler/project.go), which a
declared policy therefore replaces.

Harbor answers GET /retentions/{id} with the policy as it was stored, minus zero values (rule ids,
priorities, `disabled: false`) and plus `next_scheduled_time`, so the comparison is on what Harbor acts
on: the rules as a set (their order means nothing to the "or" algorithm), each with its template,
parameters, selectors and the untagged flag as doublestar.New reads it; the cron; the algorithm.

A project whose retention is None is left alone, so there is nothing to prune.
"""

from __future__ import annotations

import json
import logging

from .client import location_id
from .context import Kind, Run
from .declaration import need
from .errors import HarborError, InputError
from .projects import BY_NAME, project_view

# The templates GET /retentions/metadatas offers and the kind of their one parameter, whose key is the
# template id (rentenitionMetadataPayload in src/server/v2.0/handler/retention.go)
TEMPLATES = {"latestPushedK": "COUNT", "latestPulledN": "COUNT", "nDaysSinceLastPush": "DAYS",
             "nDaysSinceLastPull": "DAYS", "always": None}
TAG_DECORATIONS = ("matches", "excludes")
REPOSITORY_DECORATIONS = ("repoMatches", "repoExcludes")
# the only trigger kind Harbor schedules; "" as cron means none (how Harbor's UI says "no schedule")
SCHEDULE = "Schedule"
# Harbor's 400 when a project already has a policy (CreateRetention)
ALREADY = "already has retention policy"

log = logging.getLogger("harbor-config")


def check_selector(selector: object, decorations: tuple[str, ...], where: str) -> None:
    need(selector, "kind", str, where)
    decoration = need(selector, "decoration", str, where)
    if decoration not in decorations:
        raise InputError(f"declaration: {where}.decoration must be one of {list(decorations)}, got {decoration!r}")
    need(selector, "pattern", str, where)


def check_rule(rule: object, where: str) -> None:
    template = need(rule, "template", str, where)
    if template not in TEMPLATES:
        raise InputError(f"declaration: {where}.template {template!r} is not one Harbor offers: {sorted(TEMPLATES)}")
    params = need(rule, "params", dict, where)
    wanted = {template} if TEMPLATES[template] else set()
    if set(params) != wanted or any(isinstance(v, bool) or not isinstance(v, int) for v in params.values()):
        raise InputError(f"declaration: {where}.params must be an integer under {sorted(wanted)}, got {params!r}")
    tags = need(rule, "tag_selectors", list, where)
    repositories = need(need(rule, "scope_selectors", dict, where), "repository", list, where + ".scope_selectors")
    if len(tags) != 1 or len(repositories) != 1:
        raise InputError(f"declaration: {where} must have one tag selector and one repository selector")
    check_selector(tags[0], TAG_DECORATIONS, where + ".tag_selectors[0]")
    need(tags[0], "extras", str, where + ".tag_selectors[0]")
    check_selector(repositories[0], REPOSITORY_DECORATIONS, where + ".scope_selectors.repository[0]")


def untagged(selector: dict) -> bool:
    """Whether a tag selector's `untagged` flag is set, as doublestar.New reads it: the extras' JSON when
    it parses, otherwise True for "matches" and False for "excludes"
    (src/lib/selector/selectors/doublestar/selector.go)."""
    flag = selector.get("decoration") != "excludes"
    extras = selector.get("extras") or ""
    if extras:
        try:
            value = json.loads(extras)
        except ValueError:
            value = None
        if isinstance(value, dict):
            flag = value.get("untagged") is True
    return flag


def number(value: object) -> object:
    """A JSON number as Harbor's evaluators read it (utils.ParseJSONInt takes 10.0 as 10); True stays True."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical_rule(rule: dict) -> str:
    """A rule as Harbor acts on it, as one comparable string: ids left out, zero values filled in."""
    def selector(s: dict, tag: bool) -> dict:
        found = {"kind": s.get("kind") or "", "decoration": s.get("decoration") or "", "pattern": s.get("pattern") or ""}
        if tag:
            found["untagged"] = untagged(s)
        return found
    scopes = rule.get("scope_selectors") or {}
    return json.dumps({
        "action": rule.get("action") or "", "template": rule.get("template") or "",
        "disabled": bool(rule.get("disabled")), "priority": rule.get("priority") or 0,
        "params": {key: [number(value), isinstance(value, bool)] for key, value in (rule.get("params") or {}).items()},
        "tag_selectors": [selector(s, True) for s in rule.get("tag_selectors") or []],
        "scope_selectors": {key: [selector(s, False) for s in value or []] for key, value in scopes.items()},
    }, sort_keys=True)


def describe(rule: dict) -> str:
    """One rule for a log line: template and parameter, then tags and repositories."""
    def selection(s: dict) -> str:
        verb = "excluding" if s.get("decoration") in ("excludes", "repoExcludes") else "matching"
        return f"{verb} {s.get('pattern')!r}"
    params = rule.get("params") or {}
    text = rule.get("template") or "?"
    if params:
        text += " " + ",".join(f"{number(v)}" for v in params.values())
    tags = rule.get("tag_selectors") or [{}]
    repositories = (rule.get("scope_selectors") or {}).get("repository") or [{}]
    text += f", tags {selection(tags[0])} ({'with' if untagged(tags[0]) else 'without'} untagged)"
    text += f", repositories {selection(repositories[0])}"
    return text + (" [disabled]" if rule.get("disabled") else "")


def cron_of(policy: dict) -> str:
    """The cron a stored policy runs on, "" for none."""
    trigger = policy.get("trigger") or {}
    if trigger.get("kind") != SCHEDULE:
        return ""
    return (trigger.get("settings") or {}).get("cron") or ""


def differences(current: dict, wanted: dict) -> list[str]:
    """What differs between Harbor's policy and the declared one, in words; [] when nothing does."""
    found = []
    if sorted(canonical_rule(r) for r in current.get("rules") or []) != \
            sorted(canonical_rule(r) for r in wanted["rules"]):
        before = "; ".join(describe(r) for r in current.get("rules") or []) or "none"
        after = "; ".join(describe(r) for r in wanted["rules"]) or "none"
        found.append(f"rules [{before}] -> [{after}]")
    trigger = current.get("trigger") or {}
    if trigger.get("kind") != SCHEDULE:
        found.append(f"trigger {trigger.get('kind')!r} -> {SCHEDULE!r}")
    if cron_of(current) != wanted["trigger"]["settings"]["cron"]:
        found.append(f"schedule {cron_of(current) or 'none'!r} -> {wanted['trigger']['settings']['cron'] or 'none'!r}")
    if current.get("algorithm") != wanted["algorithm"]:
        found.append(f"algorithm {current.get('algorithm')!r} -> {wanted['algorithm']!r}")
    return found


def policy_body(retention: dict, project: int) -> dict:
    """The whole policy as POST and PUT /retentions take it: scope by project id, the trigger always of kind
    Schedule with the cron in its settings (UpdateRetention reads settings.cron as a string and answers
    HTTP 500 for equal kinds other than Schedule, src/controller/retention/controller.go)."""
    return {"algorithm": "or", "rules": retention["rules"],
            "trigger": {"kind": SCHEDULE, "settings": {"cron": retention["schedule"] or ""}},
            "scope": {"level": "project", "ref": project}}


def read_policy(run: Run, name: str, policy_id: str) -> dict:
    """The project's policy; a clear error when Harbor cannot read the id the project names."""
    try:
        return run.harbor.get(f"/retentions/{int(policy_id)}") or {}
    except (HarborError, ValueError) as error:
        raise HarborError(
            f"project {name!r} names retention policy {policy_id!r} (its metadata retention_id), but Harbor cannot "
            f"read that policy: {error}. Harbor answers HTTP 500 for a policy id it does not have (GetPolicy in "
            "src/pkg/retention/manager.go), and refuses to create another while the project names one. If the "
            f"policy is gone, remove the stale id (DELETE /api/v2.0/projects/{name}/metadatas/retention_id, as "
            "admin) and run the job again") from None


class Retention(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        for project in doc["projects"]:          # checked by Projects, which comes first
            where = f"project {project['name']!r}"
            retention = need(project, "retention", (dict, type(None)), where)
            if retention is None:
                continue
            need(retention, "schedule", (str, type(None)), where + ".retention")
            rules = need(retention, "rules", list, where + ".retention")
            for index, rule in enumerate(rules):
                check_rule(rule, f"{where}.retention.rules[{index}]")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.current: dict[str, tuple[str, dict]] = {}   # project -> (policy id, Harbor's policy)

    def inspect(self, run: Run) -> None:
        """Read the policy of every declared project that names one, so that a stale id stops the run early."""
        for project in self.doc["projects"]:
            listed = run.projects.get(project["name"])
            if project["retention"] is None or listed is None:
                continue
            policy_id = (listed.get("metadata") or {}).get("retention_id")
            if policy_id:
                self.current[project["name"]] = (policy_id, read_policy(run, project["name"], policy_id))

    def apply(self, run: Run) -> None:
        for project in self.doc["projects"]:
            name, retention = project["name"], project["retention"]
            if retention is None or name in run.skipped_projects:
                continue
            view = project_view(run, name)
            wanted = policy_body(retention, view["project_id"])
            if name in self.current:
                policy_id, current = self.current[name]
            else:
                # a project this run created: a proxy cache comes with Harbor's own policy already
                policy_id = (view.get("metadata") or {}).get("retention_id") or ""
                current = read_policy(run, name, policy_id) if policy_id else None
            if current is None:
                try:
                    _, headers, _ = run.harbor.request("POST", "/retentions", body=wanted)
                except HarborError as error:
                    if error.status != 400 or ALREADY not in error.detail:
                        raise
                    # an earlier attempt created it and its answer was lost: update what is there now
                    view = run.harbor.get(f"/projects/{name}", headers=BY_NAME) or {}
                    policy_id = (view.get("metadata") or {}).get("retention_id") or ""
                    self.update(run, name, policy_id, read_policy(run, name, policy_id), wanted)
                    continue
                run.action("created retention policy %s of project %s: %s; schedule %s", location_id(headers) or "?",
                           name, "; ".join(describe(r) for r in wanted["rules"]) or "no rules",
                           repr(retention["schedule"]) if retention["schedule"] else "none")
                continue
            self.update(run, name, policy_id, current, wanted)

    @staticmethod
    def update(run: Run, name: str, policy_id: str, current: dict, wanted: dict) -> None:
        changed = differences(current, wanted)
        if not changed:
            return
        # the body is the whole policy: Harbor overwrites what it stored (UpdatePolicy, src/pkg/retention/manager.go)
        run.harbor.request("PUT", f"/retentions/{int(policy_id)}", body=wanted)
        run.action("updated retention policy %s of project %s: %s", policy_id, name, ", ".join(changed))
