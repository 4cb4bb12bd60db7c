"""The homelab keeps its registry from filling up (main.py): what it declares, and that the Job applies it.

- the proxy caches keep what was pulled in the last 30 days;
- `library` keeps the 10 latest tagged artifacts per repository and every release tag (v*), which are
  immutable;
- garbage collection runs after retention and deletes untagged artifacts; the audit log is purged.
"""

from __future__ import annotations

import json

import test_configuration_apply as configuration_apply
from test_configuration_apply import lines

import main
from constructs.harbor.configuration import ProxyCacheProject

apply = configuration_apply.apply
pytestmark = configuration_apply.pytestmark

DOCUMENT = json.loads(main.HARBOR_CONFIGURATION.to_json())
PROJECTS = {p["name"]: p for p in DOCUMENT["projects"]}


def rule_summary(rule: dict) -> tuple:
    """(template, params, tag decoration and pattern, untagged flag, repository pattern)."""
    tag = rule["tag_selectors"][0]
    return (rule["template"], rule["params"], tag["decoration"], tag["pattern"], json.loads(tag["extras"])["untagged"],
            rule["scope_selectors"]["repository"][0]["pattern"])


def test_every_proxy_cache_keeps_what_was_pulled_in_the_last_30_days():
    caches = [p.name for p in main.HARBOR_CONFIGURATION.projects if isinstance(p, ProxyCacheProject)]
    assert sorted(caches) == ["dockerhub", "ghcr", "k8s", "quay"]
    for name in caches:
        retention = PROJECTS[name]["retention"]
        assert [rule_summary(r) for r in retention["rules"]] == [
            ("nDaysSinceLastPull", {"nDaysSinceLastPull": 30}, "matches", "**", True, "**")], name
        assert retention["schedule"] == "0 0 1 * * *"


def test_library_keeps_the_latest_ten_and_every_release_and_releases_are_immutable():
    library = PROJECTS["library"]
    assert sorted(rule_summary(r) for r in library["retention"]["rules"]) == sorted([
        ("latestPushedK", {"latestPushedK": 10}, "matches", "**", False, "**"),
        ("always", {}, "matches", "v*", False, "**")])
    assert library["immutable_rules"] == [{
        "action": "immutable", "template": "immutable_template",
        "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "v*"}],
        "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}]


def test_garbage_collection_follows_retention_and_deletes_untagged_artifacts():
    system = DOCUMENT["system"]
    assert system["gc_parameters"]["delete_untagged"] is True
    gc_hour = int(system["gc_schedule"].split()[2])
    retention_hour = int(PROJECTS["library"]["retention"]["schedule"].split()[2])
    assert system["gc_schedule"].split()[3:] == ["*", "*", "*"] and gc_hour > retention_hour
    purge = system["audit_log_purge"]
    assert purge["retention_hours"] == 720 and "other" in purge["event_types"]


# the homelab's robots read their secrets from the Job's environment (filled from OpenBao in the cluster)
ROBOT_ENV = {name: f"Robot{index}Secret{index}x" for index, name in enumerate(sorted(
    name for name in main.HARBOR_CONFIGURATION.credential_env if name.startswith("HARBOR_ROBOT_")))}


def test_the_job_applies_the_homelab_and_a_second_run_writes_nothing(fake, apply):
    result = apply(main.HARBOR_CONFIGURATION, env=ROBOT_ENV)
    assert result.code == 0, result.out
    assert fake.retention_of("library") is not None and len(fake.immutable_rules_of("library")) == 1
    assert fake.gc["parameters"]["delete_untagged"] is True and fake.purge is not None
    fake.reset_counts()
    again = apply(main.HARBOR_CONFIGURATION, env=ROBOT_ENV)
    assert again.code == 0 and fake.writes == [], again.out
    assert lines(again.out, "nothing changed")
