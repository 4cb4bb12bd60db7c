"""The configuration Job keeps the registry from filling up: tag retention, immutable tags, CVE allowlists, the
audit-log purge and storage quotas, applied for real (the applier in a subprocess) against the fake Harbor.

Every test ends with the fake's check that no request or answer left Harbor's API definition.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import test_configuration_apply as configuration_apply
from test_configuration_apply import DOCKERHUB, GHCR, GIB, HOMELAB, K8S, QUAY, exchange, lines

from constructs.harbor.configuration import (
    AuditLogPurge,
    CveAllowlist,
    ImmutableTagRule,
    PatternSelector,
    Project,
    ProxyCacheProject,
    RetentionPolicy,
    RetentionRule,
    RetentionTemplate,
)
from constructs.harbor.configuration._shipping import EXIT_HARBOR, EXIT_INPUT, EXIT_QUOTA

# the fake Harbor and the applier's run, as fixtures of this module too
apply = configuration_apply.apply
pytestmark = configuration_apply.pytestmark

ALL = PatternSelector()
RELEASES = PatternSelector(pattern="v*")
KEEP_LIBRARY = RetentionPolicy(rules=(
    RetentionRule(template=RetentionTemplate.LATEST_PUSHED, count=10, untagged=False),
    RetentionRule(template=RetentionTemplate.ALWAYS, tags=RELEASES, untagged=False),
), schedule="0 0 1 * * *")
KEEP_CACHE = RetentionPolicy(rules=(RetentionRule(template=RetentionTemplate.PULLED_WITHIN_DAYS, days=30),),
                             schedule="0 0 1 * * *")
IMMUTABLE_RELEASES = (ImmutableTagRule(repositories=ALL, tags=RELEASES),)
EXPIRY = datetime(2030, 1, 1, tzinfo=UTC)
ALLOWLIST = CveAllowlist(cve_ids=("CVE-2024-3094", "CVE-2023-44487"), expires_at=EXPIRY)
PURGE = AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720)


def keeping(**library_fields) -> object:
    """The tests' homelab, with retention on every project, release tags immutable, an allowlist and a purge."""
    projects = []
    for project in HOMELAB.projects:
        if isinstance(project, ProxyCacheProject):
            projects.append(replace(project, retention=KEEP_CACHE))
        else:
            projects.append(replace(project, retention=KEEP_LIBRARY, immutable_rules=IMMUTABLE_RELEASES,
                                    cve_allowlist=ALLOWLIST, **library_fields))
    return replace(HOMELAB, projects=tuple(projects), system=replace(HOMELAB.system, audit_log_purge=PURGE))


KEEPING = keeping()


def posts(fake, path: str) -> int:
    return sum(1 for method, target in fake.writes if method == "POST" and target.endswith(path))


def canonical_rules(policy: dict) -> list[dict]:
    return sorted(({k: rule.get(k) or {} for k in ("template", "params", "tag_selectors", "scope_selectors")}
                   for rule in policy["rules"]), key=json.dumps)


# ---- first and second run ------------------------------------------------------------------------------------

def test_first_run_applies_what_the_registry_keeps_and_protects(fake, apply):
    result = apply(KEEPING)
    assert result.code == 0, result.out

    library = fake.retention_of("library")
    _, answer = exchange(fake, "GET", f"/retentions/{library['id']}")       # as Harbor answers it
    assert canonical_rules(answer) == canonical_rules({"rules": KEEP_LIBRARY.document()["rules"]})
    assert library["trigger"] == {"kind": "Schedule", "settings": {"cron": "0 0 1 * * *"}}
    assert library["scope"] == {"level": "project", "ref": fake.project("library")["project_id"]}
    for cache in ("dockerhub", "ghcr", "quay", "k8s"):
        policy = fake.retention_of(cache)
        assert [r["params"] for r in policy["rules"]] == [{"nDaysSinceLastPull": 30}], cache
    # the proxy caches' policies are the ones Harbor made with the projects: updated, not created again
    assert posts(fake, "/retentions") == 1
    assert len(fake.retentions) == 5

    [rule] = fake.immutable_rules_of("library")
    assert rule["tag_selectors"] == [{"kind": "doublestar", "decoration": "matches", "pattern": "v*"}]
    assert rule["disabled"] is False and rule["action"] == "immutable"

    library_project = fake.project("library")
    assert library_project["metadata"]["reuse_sys_cve_allowlist"] == "false"
    assert fake.allowlists[library_project["project_id"]] == {"items": ["CVE-2024-3094", "CVE-2023-44487"],
                                                              "expires_at": int(EXPIRY.timestamp())}

    assert fake.purge == {"type": "Custom", "cron": "0 0 4 * * 0", "parameters": {
        "audit_retention_hour": 720, "include_event_types": "create_artifact,delete_artifact,pull_artifact,other",
        "dry_run": False}}

    assert lines(result.out, "created retention policy")
    assert len(lines(result.out, "updated retention policy")) == 4
    assert lines(result.out, "created immutable tag rule of project library: tags matching 'v*'")
    assert lines(result.out, "updated the CVE allowlist of project library")
    assert lines(result.out, "set audit-log purge schedule to '0 0 4 * * 0', keeping 720 hours")


def test_second_run_writes_nothing_and_says_so(fake, apply):
    assert apply(KEEPING).code == 0
    fake.reset_counts()
    result = apply(KEEPING)
    assert result.code == 0, result.out
    assert fake.writes == []
    assert lines(result.out, "nothing changed")


def test_harbors_own_proxy_cache_policy_is_found_through_retention_id_and_updated(fake, apply):
    assert apply(HOMELAB).code == 0                      # the caches exist, with Harbor's 7-day policies
    before = {name: fake.project(name)["metadata"]["retention_id"] for name in ("dockerhub", "ghcr", "quay", "k8s")}
    assert fake.retention_of("dockerhub")["rules"][0]["params"] == {"nDaysSinceLastPull": 7}
    fake.reset_counts()
    result = apply(KEEPING)
    assert result.code == 0, result.out
    for name, policy_id in before.items():
        assert fake.project(name)["metadata"]["retention_id"] == policy_id
        assert ("PUT", f"/api/v2.0/retentions/{policy_id}") in fake.writes
    assert posts(fake, "/retentions") == 1               # library's, which had none
    assert lines(result.out, "nDaysSinceLastPull 7") and lines(result.out, "nDaysSinceLastPull 30")


def test_a_project_created_by_this_run_gets_its_retention(fake, apply):
    scratch = Project(name="scratch", retention=RetentionPolicy(rules=(
        RetentionRule(template=RetentionTemplate.NOTHING, repositories=PatternSelector(pattern="tmp/**")),)),
        immutable_rules=(), cve_allowlist=CveAllowlist())
    result = apply(replace(KEEPING, projects=(*KEEPING.projects, scratch)))
    assert result.code == 0, result.out
    policy = fake.retention_of("scratch")
    assert policy["rules"][0]["template"] == "latestPushedK" and policy["rules"][0]["params"] == {"latestPushedK": 0}
    assert policy["trigger"]["settings"] == {"cron": ""}
    assert fake.project("scratch")["metadata"]["reuse_sys_cve_allowlist"] == "false"
    fake.reset_counts()
    again = apply(replace(KEEPING, projects=(*KEEPING.projects, scratch)))
    assert again.code == 0 and fake.writes == [], again.out


# ---- drift -------------------------------------------------------------------------------------------------------

def test_drift_is_repaired_on_the_next_run(fake, apply):
    assert apply(KEEPING).code == 0
    library = fake.project("library")
    # changed behind the job's back, in the UI say
    policy = fake.retentions[int(library["metadata"]["retention_id"])]
    policy["rules"][0]["params"] = {"latestPushedK": 3}
    policy["trigger"]["settings"]["cron"] = "0 0 5 * * *"
    [rule_id] = [i for i, r in fake.immutable.items() if r["project_id"] == library["project_id"]]
    fake.immutable[rule_id]["disabled"] = True
    edited = json.loads(fake.immutable[rule_id]["tag_filter"])
    edited["template"] = "my_template"
    fake.immutable[rule_id]["tag_filter"] = json.dumps(edited)
    fake.allowlists[library["project_id"]] = {"items": ["CVE-2024-3094"], "expires_at": None}
    library["metadata"]["reuse_sys_cve_allowlist"] = "true"
    fake.purge["parameters"] = {**fake.purge["parameters"], "dry_run": True, "audit_retention_hour": 24}
    fake.reset_counts()

    result = apply(KEEPING)
    assert result.code == 0, result.out
    policy = fake.retention_of("library")
    assert policy["rules"][0]["params"] == {"latestPushedK": 10}
    assert policy["trigger"]["settings"]["cron"] == "0 0 1 * * *"
    [rule] = fake.immutable_rules_of("library")
    assert rule["disabled"] is False and rule["template"] == "immutable_template" and rule["id"] == rule_id
    assert fake.allowlists[library["project_id"]]["items"] == ["CVE-2024-3094", "CVE-2023-44487"]
    assert library["metadata"]["reuse_sys_cve_allowlist"] == "false"
    assert fake.purge["parameters"]["dry_run"] is False and fake.purge["parameters"]["audit_retention_hour"] == 720
    # a PUT that enables a rule changes nothing else: two PUTs for the rule
    assert [w for w in fake.writes if "immutabletagrules" in w[1]] == [
        ("PUT", f"/api/v2.0/projects/library/immutabletagrules/{rule_id}")] * 2
    assert len(fake.writes) == 5, fake.writes
    assert lines(result.out, "schedule '0 0 5 * * *' -> '0 0 1 * * *'")
    assert lines(result.out, "latestPushedK 3") and lines(result.out, "enabled immutable tag rule")
    assert lines(result.out, 'template "my_template" -> "immutable_template"')
    assert lines(result.out, "reuse_sys_cve_allowlist true -> false")
    assert lines(result.out, "dry_run true -> false") and lines(result.out, "audit_retention_hour 24 -> 720")

    fake.reset_counts()
    again = apply(KEEPING)
    assert again.code == 0 and fake.writes == [], again.out


def test_what_harbor_acts_on_alike_is_no_drift(fake, apply):
    """Rule order, ids, priorities, the spelling of extras and of numbers mean nothing to Harbor's retention."""
    assert apply(KEEPING).code == 0
    policy = fake.retentions[int(fake.project("library")["metadata"]["retention_id"])]
    policy["rules"].reverse()
    for index, rule in enumerate(policy["rules"]):
        rule["id"] = index + 1
        rule["tag_selectors"][0]["extras"] = '{"untagged": false}'
    policy["rules"][1]["params"] = {"latestPushedK": 10.0}
    fake.allowlists[fake.project("library")["project_id"]]["items"].reverse()
    fake.purge["parameters"]["include_event_types"] = "other,pull_artifact,create_artifact,delete_artifact"
    fake.reset_counts()
    result = apply(KEEPING)
    assert result.code == 0, result.out
    assert fake.writes == []


def test_a_purge_schedule_is_replaced_when_its_cron_changes(fake, apply):
    assert apply(KEEPING).code == 0
    fake.reset_counts()
    daily = replace(KEEPING, system=replace(KEEPING.system, audit_log_purge=replace(PURGE, schedule="0 30 4 * * *")))
    result = apply(daily)
    assert result.code == 0, result.out
    assert fake.writes == [("PUT", "/api/v2.0/system/purgeaudit/schedule")]
    assert fake.purge["cron"] == "0 30 4 * * *"
    assert lines(result.out, "(was Custom '0 0 4 * * 0')")


# ---- ownership and prune -----------------------------------------------------------------------------------------

HAND_MADE = {"action": "immutable", "template": "immutable_template",
             "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "latest"}],
             "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}


def test_undeclared_immutable_rules_are_reported_then_pruned(fake, apply):
    library_rule = fake.add_immutable_rule("library", HAND_MADE)
    assert apply(HOMELAB).code == 0                     # creates the caches
    cache_rule = fake.add_immutable_rule("dockerhub", HAND_MADE)
    fake.reset_counts()

    kept = apply(KEEPING)
    assert kept.code == 0, kept.out
    assert library_rule in fake.immutable and cache_rule in fake.immutable
    assert lines(kept.out, f"kept immutable tag rule {library_rule} of project library (tags matching 'latest'")
    assert not lines(kept.out, "project dockerhub (")        # dockerhub declares no immutable rules: not its business
    assert not [w for w in fake.writes if w[0] == "DELETE"]

    fake.reset_counts()
    pruned = apply(replace(KEEPING, prune=True))
    assert pruned.code == 0, pruned.out
    assert library_rule not in fake.immutable and cache_rule in fake.immutable
    assert fake.writes == [("DELETE", f"/api/v2.0/projects/library/immutabletagrules/{library_rule}")]
    assert lines(pruned.out, f"deleted immutable tag rule {library_rule} of project library")


def test_a_hand_made_rule_with_the_declared_selectors_is_adopted(fake, apply):
    release_rule = dict(HAND_MADE, tag_selectors=[{"kind": "doublestar", "decoration": "matches", "pattern": "v*"}],
                        priority=3)
    rule_id = fake.add_immutable_rule("library", release_rule)
    result = apply(KEEPING)
    assert result.code == 0, result.out
    assert [r["id"] for r in fake.immutable_rules_of("library")] == [rule_id]
    assert posts(fake, "/immutabletagrules") == 0


# ---- failures -----------------------------------------------------------------------------------------------------

def test_a_stale_retention_id_stops_the_run_before_any_write_with_the_way_out(fake, apply):
    fake.project("library")["metadata"]["retention_id"] = "999"
    result = apply(KEEPING)
    assert result.code == EXIT_HARBOR, result.out
    assert "project 'library' names retention policy '999'" in result.out
    assert "DELETE /api/v2.0/projects/library/metadatas/retention_id" in result.out
    assert fake.writes == []


def test_a_lost_answer_to_a_created_policy_updates_the_one_harbor_made(fake, apply):
    fake.lose_next_retention_answer = True
    result = apply(KEEPING)
    assert result.code == 0, result.out
    assert len([p for p in fake.retentions.values() if p["scope"]["ref"] == fake.project("library")["project_id"]]) == 1
    assert lines(result.out, "retrying")
    fake.reset_counts()
    assert apply(KEEPING).code == 0 and fake.writes == []


def quota_id(fake, name: str) -> int:
    return next(i for i, q in fake.quotas.items() if q["project_id"] == fake.project(name)["project_id"])


def test_a_quota_below_usage_is_reported_and_not_applied(fake, apply):
    fake.set_usage("library", 30 * GIB)                  # the declaration says 20 GiB
    result = apply(KEEPING)
    assert result.code == EXIT_QUOTA, result.out
    assert fake.quota("library") == -1                   # Harbor's, left as it was
    assert ("PUT", f"/api/v2.0/quotas/{quota_id(fake, 'library')}") not in fake.writes
    message = (f"project library: declared storage quota {20 * GIB} bytes (20.00 GiB) is below the {30 * GIB} bytes "
               "(30.00 GiB) it already uses; not applied: Harbor's quota stays unlimited")
    assert message in result.out
    assert "raise the declared quota, or delete artifacts" in result.out
    # everything else was applied
    assert fake.retention_of("library") is not None and fake.quota("dockerhub") == 50 * GIB
    fake.reset_counts()
    again = apply(KEEPING)
    assert again.code == EXIT_QUOTA and fake.writes == [], again.out

    fake.set_usage("library", 10 * GIB)                  # artifacts deleted, GC ran
    fake.reset_counts()
    freed = apply(KEEPING)
    assert freed.code == 0, freed.out
    assert fake.quota("library") == 20 * GIB
    assert fake.writes == [("PUT", f"/api/v2.0/quotas/{quota_id(fake, 'library')}")]


def test_a_quota_already_below_usage_is_reported_too(fake, apply):
    assert apply(KEEPING).code == 0
    fake.set_usage("library", 25 * GIB)                  # lowered by hand earlier, or grown past it: pushes fail
    fake.reset_counts()
    result = apply(KEEPING)
    assert result.code == EXIT_QUOTA, result.out
    assert "Harbor has that quota already" in result.out and fake.writes == []


def test_quota_and_skipped_registries_are_both_reported_and_the_quota_wins(fake, apply):
    fake.set_usage("library", 30 * GIB)
    fake.unreachable.add("quay.io")
    result = apply(KEEPING)
    assert result.code == EXIT_QUOTA, result.out
    assert "project library: declared storage quota" in result.out
    assert "registries quay were skipped" in result.out


def test_a_bad_document_stops_before_any_call(fake, apply):
    document = json.loads(KEEPING.to_json())
    library = next(p for p in document["projects"] if p["name"] == "library")
    cases = [
        (("retention", "rules", 0, "template"), "latestActiveK", "is not one Harbor offers"),
        (("retention", "rules", 0, "params"), {"latestPushedK": "10"}, "params must be an integer"),
        (("immutable_rules", 0, "tag_selectors"), [], "must have one tag selector"),
        (("cve_allowlist", "items"), ["CVE-1", "CVE-1"], "distinct, non-empty ids"),
    ]
    for path, value, complaint in cases:
        broken = json.loads(json.dumps(document))
        target = next(p for p in broken["projects"] if p["name"] == "library")
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        result = apply(json.dumps(broken))
        assert result.code == EXIT_INPUT, (path, result.out)
        assert complaint in result.out, (path, result.out)
    broken = json.loads(json.dumps(document))
    broken["system"]["audit_log_purge"]["retention_hours"] = 0
    result = apply(json.dumps(broken))
    assert result.code == EXIT_INPUT and "retention_hours must be at least 1" in result.out
    assert library["retention"] is not None and fake.requests == []


def test_endpoints_are_the_tests_homelabs():
    """The configurations above change only the projects and the purge of the homelab the other tests use."""
    assert KEEPING.endpoints == (DOCKERHUB, GHCR, QUAY, K8S)
