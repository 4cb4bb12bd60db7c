"""The fake Harbor's retention, immutable rules, purge schedule, CVE allowlists and quotas behave as Harbor
v2.15.1's handlers do (tests/fake_harbor_retention.py cites them): the applier's tests are only as good as
this stand-in, so its refusals and quirks are pinned here, one call at a time."""

from __future__ import annotations

import json

import pytest
import test_configuration_apply as configuration_apply
from test_configuration_apply import exchange, message

# the fake Harbor (validating every call against Harbor's API definition) as a fixture of this module too
pytestmark = configuration_apply.pytestmark

RULE = {"action": "retain", "template": "latestPushedK", "params": {"latestPushedK": 10},
        "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "**", "extras": '{"untagged":true}'}],
        "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}
IMMUTABLE = {"action": "immutable", "template": "immutable_template",
             "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "v*"}],
             "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}
PURGE = {"audit_retention_hour": 720, "include_event_types": "create_artifact,pull_artifact", "dry_run": False}


def policy(project_id: int, *rules: dict, cron: str = "0 0 1 * * *") -> dict:
    return {"algorithm": "or", "rules": list(rules or [RULE]), "scope": {"level": "project", "ref": project_id},
            "trigger": {"kind": "Schedule", "settings": {"cron": cron}}}


def library(fake) -> dict:
    return fake.project("library")


def create_policy(fake, *rules: dict, cron: str = "0 0 1 * * *") -> int:
    status, answer = exchange(fake, "POST", "/retentions", policy(library(fake)["project_id"], *rules, cron=cron))
    assert status == 201, answer
    return int(library(fake)["metadata"]["retention_id"])


# ---- retention ---------------------------------------------------------------------------------------------

def test_metadatas_offer_harbors_five_templates(fake):
    status, answer = exchange(fake, "GET", "/retentions/metadatas")
    assert status == 200
    assert [t["rule_template"] for t in answer["templates"]] == [
        "latestPushedK", "latestPulledN", "nDaysSinceLastPush", "nDaysSinceLastPull", "always"]
    assert [p["unit"] for t in answer["templates"] for p in t.get("params", [])] == ["COUNT", "COUNT", "DAYS", "DAYS"]
    assert answer["tag_selectors"][0]["decorations"] == ["matches", "excludes"]


def test_create_names_the_policy_in_the_project_and_get_omits_zero_values(fake):
    policy_id = create_policy(fake)
    status, answer = exchange(fake, "GET", f"/retentions/{policy_id}")
    assert status == 200
    assert answer["id"] == policy_id and answer["algorithm"] == "or"
    assert answer["rules"] == [RULE]            # no id, priority or disabled: all zero
    assert answer["trigger"]["settings"]["cron"] == "0 0 1 * * *"
    assert "next_scheduled_time" in answer["trigger"]["settings"]


def test_a_second_policy_for_the_project_is_refused(fake):
    policy_id = create_policy(fake)
    status, answer = exchange(fake, "POST", "/retentions", policy(library(fake)["project_id"]))
    assert status == 400
    assert message(answer) == f"bad request: project {library(fake)['project_id']} already has retention policy {policy_id}"


def test_more_than_15_rules_are_refused(fake):
    rules = [{**RULE, "params": {"latestPushedK": n}} for n in range(1, 17)]
    status, answer = exchange(fake, "POST", "/retentions", policy(library(fake)["project_id"], *rules))
    assert status == 400 and message(answer) == "bad request: only 15 rules are allowed at most"


def test_identical_rules_are_a_conflict_even_with_other_ids(fake):
    status, answer = exchange(fake, "POST", "/retentions",
                              policy(library(fake)["project_id"], {**RULE, "id": 1}, {**RULE, "id": 2}))
    assert status == 409 and message(answer) == "resource conflict: rule 1 is conflict with rule 0"


def test_a_policy_id_harbor_does_not_have_is_a_500(fake):
    status, answer = exchange(fake, "GET", "/retentions/999")
    assert status == 500 and message(answer) == "internal server error"


def test_put_must_name_the_projects_own_policy(fake):
    policy_id = create_policy(fake)
    status, answer = exchange(fake, "PUT", f"/retentions/{policy_id + 1}", policy(library(fake)["project_id"]))
    assert status == 404 and "does not match" in message(answer)
    status, _ = exchange(fake, "PUT", f"/retentions/{policy_id}", policy(library(fake)["project_id"], cron=""))
    assert status == 200
    assert fake.retention_of("library")["trigger"]["settings"] == {"cron": ""}


def test_crons_are_checked_only_for_a_schedule(fake):
    status, answer = exchange(fake, "POST", "/retentions", policy(library(fake)["project_id"], cron="5 0 1 * * *"))
    assert status == 400 and "invalid cron string for scheduled tag retention" in message(answer)
    created = create_policy(fake, cron="")
    assert fake.retention_of("library")["id"] == created


def test_delete_removes_the_policy_and_the_projects_retention_id(fake):
    policy_id = create_policy(fake)
    assert exchange(fake, "DELETE", f"/retentions/{policy_id}")[0] == 200
    assert "retention_id" not in library(fake)["metadata"]
    status, answer = exchange(fake, "DELETE", f"/retentions/{policy_id}")
    assert status == 400 and "no such Retention policy" in message(answer)


def test_a_new_proxy_cache_gets_harbors_seven_day_policy(fake):
    registry = fake.add_registry("hub", "docker-hub", "https://hub.docker.com")
    status, _ = exchange(fake, "POST", "/projects", {"project_name": "hub", "registry_id": registry["id"]})
    assert status == 201
    stored = fake.retention_of("hub")
    assert [(r["template"], r["params"]) for r in stored["rules"]] == [("nDaysSinceLastPull", {"nDaysSinceLastPull": 7})]
    assert stored["trigger"] == {"kind": "Schedule", "settings": {"cron": "0 0 0 * * *"}}
    status, answer = exchange(fake, "GET", f"/retentions/{stored['id']}")
    assert answer["rules"][0]["id"] == 1 and answer["rules"][0]["priority"] == 1


def test_a_deleted_project_takes_its_policy_and_rules_along(fake):
    fake.add_project("scratch")
    scratch = fake.project("scratch")["project_id"]
    assert exchange(fake, "POST", "/retentions", policy(scratch))[0] == 201
    fake.add_immutable_rule("scratch", IMMUTABLE)
    assert exchange(fake, "DELETE", f"/projects/{scratch}")[0] == 200
    assert fake.retentions == {} and fake.immutable == {}


# ---- immutable rules ------------------------------------------------------------------------------------------

def rules_of(fake, name: str = "library") -> list[dict]:
    status, answer = exchange(fake, "GET", f"/projects/{name}/immutabletagrules")
    assert status == 200
    return answer


def test_disabled_is_ignored_on_create(fake):
    status, answer = exchange(fake, "POST", "/projects/library/immutabletagrules", {**IMMUTABLE, "disabled": True})
    assert status == 201, answer
    [rule] = rules_of(fake)
    assert "disabled" not in rule           # false, hence omitted
    assert rule["tag_selectors"] == IMMUTABLE["tag_selectors"]


def test_an_identical_rule_is_a_conflict(fake):
    assert exchange(fake, "POST", "/projects/library/immutabletagrules", IMMUTABLE)[0] == 201
    status, answer = exchange(fake, "POST", "/projects/library/immutabletagrules", IMMUTABLE)
    assert status == 409 and message(answer) == "immutable rule already exists"


def test_a_put_that_toggles_disabled_changes_nothing_else(fake):
    rule_id = fake.add_immutable_rule("library", IMMUTABLE)
    edited = {**IMMUTABLE, "id": rule_id, "disabled": True,
              "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "**"}]}
    assert exchange(fake, "PUT", f"/projects/library/immutabletagrules/{rule_id}", edited)[0] == 200
    [rule] = rules_of(fake)
    assert rule["disabled"] is True and rule["tag_selectors"] == IMMUTABLE["tag_selectors"]
    # the same flag again: now the selectors change
    assert exchange(fake, "PUT", f"/projects/library/immutabletagrules/{rule_id}", edited)[0] == 200
    assert rules_of(fake)[0]["tag_selectors"][0]["pattern"] == "**"


def test_put_needs_the_id_in_the_body_and_a_rule_of_the_project(fake):
    rule_id = fake.add_immutable_rule("library", IMMUTABLE)
    status, answer = exchange(fake, "PUT", f"/projects/library/immutabletagrules/{rule_id}", IMMUTABLE)
    assert status == 400 and "doesn't match the id in the payload" in message(answer)
    fake.add_project("other")
    status, answer = exchange(fake, "PUT", f"/projects/other/immutabletagrules/{rule_id}", {**IMMUTABLE, "id": rule_id})
    assert status == 404 and "does not match" in message(answer)
    status, answer = exchange(fake, "DELETE", "/projects/library/immutabletagrules/999")
    assert status == 404 and message(answer) == "immutable rule 999 not found"


def test_params_and_extras_are_dropped(fake):
    body = {**IMMUTABLE, "params": {"x": 1},
            "tag_selectors": [{**IMMUTABLE["tag_selectors"][0], "extras": '{"untagged":true}'}]}
    assert exchange(fake, "POST", "/projects/library/immutabletagrules", body)[0] == 201
    [rule] = rules_of(fake)
    assert "params" not in rule and "extras" not in rule["tag_selectors"][0]


# ---- the audit-log purge schedule ------------------------------------------------------------------------------

def test_no_purge_schedule_is_an_empty_answer(fake):
    assert exchange(fake, "GET", "/system/purgeaudit/schedule") == (200, None)


@pytest.mark.parametrize("parameters, error", [
    ({}, "schedule parameter cann't be empty"),
    ({"include_event_types": "pull_artifact"}, "audit_retention_hour should provide"),
    ({"audit_retention_hour": 720}, "include_event_types should provide"),
    # the swagger text's name for the key is not Harbor's
    ({"audit_retention_hour": 720, "include_operations": "pull"}, "include_event_types should provide"),
    ({**PURGE, "audit_retention_hour": 1.5}, "audit_retention_hour should be integer format"),
    ({**PURGE, "audit_retention_hour": 240_001}, "audit_retention_hour should be less than 240000"),
])
def test_the_purge_parameters_are_checked_before_anything_else(fake, parameters, error):
    # even a request to remove the schedule must carry them
    for kind in ("Custom", "None"):
        status, answer = exchange(fake, "PUT", "/system/purgeaudit/schedule",
                                  {"schedule": {"type": kind, "cron": "0 0 4 * * 0"}, "parameters": parameters})
        assert status == 400 and message(answer) == f"bad request: {error}"


def test_the_purge_schedule_keeps_its_parameters_as_sent(fake):
    status, _ = exchange(fake, "PUT", "/system/purgeaudit/schedule",
                         {"schedule": {"type": "Custom", "cron": "0 0 4 * * 0"}, "parameters": PURGE})
    assert status == 200
    status, answer = exchange(fake, "GET", "/system/purgeaudit/schedule")
    assert answer["schedule"]["cron"] == "0 0 4 * * 0" and answer["schedule"]["type"] == "Custom"
    assert json.loads(answer["job_parameters"]) == PURGE
    status, answer = exchange(fake, "PUT", "/system/purgeaudit/schedule",
                              {"schedule": {"type": "Custom", "cron": "10 0 4 * * 0"}, "parameters": PURGE})
    assert status == 400 and "invalid cron string for scheduled log rotation purge" in message(answer)
    exchange(fake, "PUT", "/system/purgeaudit/schedule", {"schedule": {"type": "None"}, "parameters": PURGE})
    assert fake.purge is None


def test_a_purge_started_by_hand_leaves_the_schedule(fake):
    status, _ = exchange(fake, "POST", "/system/purgeaudit/schedule",
                         {"schedule": {"type": "Manual"}, "parameters": {**PURGE, "dry_run": True}})
    assert status == 201 and fake.purge is None and fake.purge_runs == [{**PURGE, "dry_run": True}]


# ---- CVE allowlists and quotas ----------------------------------------------------------------------------------

def test_an_allowlist_is_replaced_whole_and_shown_without_empty_fields(fake):
    body = {"cve_allowlist": {"items": [{"cve_id": "CVE-2024-3094"}], "expires_at": 1893456000}}
    assert exchange(fake, "PUT", "/projects/library", body)[0] == 200
    status, answer = exchange(fake, "GET", "/projects?name=library")
    assert answer[0]["cve_allowlist"]["items"] == [{"cve_id": "CVE-2024-3094"}]
    assert answer[0]["cve_allowlist"]["expires_at"] == 1893456000
    assert exchange(fake, "PUT", "/projects/library", {"cve_allowlist": {"items": [], "expires_at": None}})[0] == 200
    status, answer = exchange(fake, "GET", "/projects?name=library")
    assert status == 200
    assert "items" not in answer[0]["cve_allowlist"] and "expires_at" not in answer[0]["cve_allowlist"]


@pytest.mark.parametrize("items", [[{"cve_id": " "}], [{"cve_id": "CVE-1"}, {"cve_id": "CVE-1"}]])
def test_an_invalid_allowlist_is_a_500_and_keeps_nothing(fake, items):
    body = {"metadata": {"reuse_sys_cve_allowlist": "false"}, "cve_allowlist": {"items": items}}
    status, answer = exchange(fake, "PUT", "/projects/library", body)
    assert status == 500 and message(answer) == "internal server error"
    assert "reuse_sys_cve_allowlist" not in library(fake)["metadata"]


def test_an_allowlist_of_another_project_is_refused(fake):
    status, answer = exchange(fake, "PUT", "/projects/library", {"cve_allowlist": {"project_id": 999, "items": []}})
    assert status == 400 and "project_id in cve_allowlist must be" in message(answer)


def test_a_quota_below_usage_is_accepted_by_harbor(fake):
    fake.set_usage("library", 30 * 2**30)
    status, answer = exchange(fake, "GET", f"/quotas?reference=project&reference_id={library(fake)['project_id']}")
    assert status == 200
    quota = answer[0]
    assert quota["used"] == {"storage": 30 * 2**30}
    assert exchange(fake, "PUT", f"/quotas/{quota['id']}", {"hard": {"storage": 2**30}})[0] == 200
    assert fake.quota("library") == 2**30
